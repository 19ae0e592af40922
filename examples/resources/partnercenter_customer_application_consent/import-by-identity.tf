# Import blocks name a consent by identity (Terraform 1.12+): the customer and the application.
import {
  to = partnercenter_customer_application_consent.psa["contoso"]
  identity = {
    customer_id    = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    application_id = "5d2b6c1e-7f3a-4e8b-9c0d-1a2b3c4d5e6f"
  }
}
