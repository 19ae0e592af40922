# The role names GDAP relationships and access assignments take, as template ids.
data "partnercenter_entra_roles" "admin" {
  names = ["Global Reader", "User Administrator", "Helpdesk Administrator"]
}

# One relationship per customer. The first apply creates it and locks it for approval; send the
# customer invitation_url. Applies before the customer approves change nothing.
resource "partnercenter_delegated_admin_relationship" "contoso" {
  display_name         = "Contoso - managed services 1"
  customer_tenant_id   = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
  duration             = "P730D"
  auto_extend_duration = "P180D"
  roles                = data.partnercenter_entra_roles.admin.ids
}

output "contoso_invitation" {
  # null once the customer has approved the relationship
  value = partnercenter_delegated_admin_relationship.contoso.invitation_url
}

# access_relationship_id is known at plan: null until the customer approves, then this
# relationship's id. After a change of roles (a successor, with a new display_name, invited while
# this one keeps granting) it stays this relationship's until the customer approves the successor,
# so access assigned under it never lapses. Select the customers to assign access for with it.
locals {
  with_access = {
    for k, r in { contoso = partnercenter_delegated_admin_relationship.contoso } : k => r.access_relationship_id
    if r.access_relationship_id != null
  }
}

output "relationships_with_access" {
  value = local.with_access
}
