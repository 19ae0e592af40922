# Or by identity (Terraform 1.12+): the customer's tenant id, in any case.
import {
  to       = partnercenter_customer_billing_profile.contoso
  identity = { customer_id = "3fa85f64-5717-4562-b3fc-2c963f66afa6" }
}
