# Or with an import block (Terraform 1.5+); `terraform plan -generate-config-out=generated.tf`
# writes the resource block for you.
import {
  to = partnercenter_customer_billing_profile.contoso
  id = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
}
