# A consent is imported by the customer's tenant id and the application's client id, joined by a
# slash; the import reads it in the customer's tenant.
terraform import 'partnercenter_customer_application_consent.psa["contoso"]' 3fa85f64-5717-4562-b3fc-2c963f66afa6/5d2b6c1e-7f3a-4e8b-9c0d-1a2b3c4d5e6f
