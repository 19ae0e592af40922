# The helpdesk team of the partner's tenant gets Helpdesk Administrator in every customer tenant
# whose relationship the customer has approved. Customers whose relationship awaits approval are
# left out of for_each (access_relationship_id is known at plan, and null for them), so no run
# fails before a customer answers, and the first apply after an approval assigns the access. When
# a relationship is succeeded (its roles changed), access_relationship_id turns to the successor
# on the first apply after the customer approves it, and the access moves in place: assigned under
# the successor, then removed under the relationship it succeeds.
variable "relationships" {
  description = "The partner's GDAP relationships, by customer (partnercenter_delegated_admin_relationship)."
  type        = map(object({ access_relationship_id = string }))
}

data "partnercenter_entra_roles" "helpdesk" {
  names = ["Helpdesk Administrator"]
}

resource "partnercenter_delegated_admin_access_assignment" "helpdesk" {
  for_each = { for customer, r in var.relationships : customer => r.access_relationship_id if r.access_relationship_id != null }

  relationship_id   = each.value
  security_group_id = "6b7d8a10-0f1e-4c2b-9a3d-5e6f7a8b9c0d" # or azuread_group.helpdesk.object_id
  roles             = data.partnercenter_entra_roles.helpdesk.ids
}
