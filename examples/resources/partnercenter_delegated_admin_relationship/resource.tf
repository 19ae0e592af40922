# The role names GDAP relationships and access assignments take, as template ids.
data "partnercenter_entra_roles" "admin" {
  names = ["Global Reader", "User Administrator", "Helpdesk Administrator"]
}

# One relationship per customer. The first apply creates it and locks it for approval; send the
# customer invitation_url. Applies before the customer approves change nothing.
resource "partnercenter_delegated_admin_relationship" "contoso" {
  display_name         = "Contoso - managed services"
  customer_tenant_id   = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
  duration             = "P730D"
  auto_extend_duration = "P180D"
  roles                = data.partnercenter_entra_roles.admin.ids
}

output "contoso_invitation" {
  # null once the customer has approved the relationship
  value = partnercenter_delegated_admin_relationship.contoso.invitation_url
}

# status is known at plan (approvalPending for a new relationship, what the refresh read for an
# existing one), so a for_each can select the approved relationships: their access is assigned
# on the first apply after the customer approves.
locals {
  approved = {
    for k, r in { contoso = partnercenter_delegated_admin_relationship.contoso } : k => r
    if contains(["active", "expiring"], r.status)
  }
}

output "approved_relationships" {
  value = { for k, r in local.approved : k => r.id }
}
