# Bring a consent made in the portal or by a script under management (Terraform 1.5+): the import
# reads it in the customer's tenant, and the plan shows any difference from the configuration (a
# replacement, as Partner Center cannot change a consent) before anything is written.
import {
  to = partnercenter_customer_application_consent.psa["contoso"]
  id = "3fa85f64-5717-4562-b3fc-2c963f66afa6/5d2b6c1e-7f3a-4e8b-9c0d-1a2b3c4d5e6f"
}
