# Import the billing profile of a customer by the customer's tenant id.
terraform import partnercenter_customer_billing_profile.contoso 3fa85f64-5717-4562-b3fc-2c963f66afa6
