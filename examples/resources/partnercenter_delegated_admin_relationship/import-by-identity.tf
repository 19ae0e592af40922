# Or by identity (Terraform 1.12+).
import {
  to       = partnercenter_delegated_admin_relationship.contoso
  identity = { id = "8f5f9434-ebc1-473e-9f6d-a11847e23c99-a841a6f9-cfe8-487e-b421-30cd8c23c526" }
}
