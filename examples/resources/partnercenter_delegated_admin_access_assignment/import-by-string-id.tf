# Bring an existing access assignment under management (Terraform 1.5+): its relationship's id
# and its own, joined by a slash. The plan shows any difference from the configuration before
# anything is written.
import {
  to = partnercenter_delegated_admin_access_assignment.helpdesk["contoso"]
  id = "8f5f9434-ebc1-473e-9f6d-a11847e23c99-a841a6f9-cfe8-487e-b421-30cd8c23c526/2f1c2b7e-5d4a-4c3b-8e9f-0a1b2c3d4e5f"
}
