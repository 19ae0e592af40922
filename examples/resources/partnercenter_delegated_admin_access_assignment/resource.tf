# The helpdesk team of the partner's tenant gets Helpdesk Administrator in every customer tenant
# whose relationship the customer has approved. Relationships awaiting approval are left out of
# for_each (their status is known at plan), so no run fails before a customer answers, and the
# first apply after an approval assigns the access.
variable "relationships" {
  description = "The partner's GDAP relationships, by customer (partnercenter_delegated_admin_relationship)."
  type        = map(object({ id = string, status = string }))
}

data "partnercenter_entra_roles" "helpdesk" {
  names = ["Helpdesk Administrator"]
}

resource "partnercenter_delegated_admin_access_assignment" "helpdesk" {
  for_each = { for customer, r in var.relationships : customer => r.id if contains(["active", "expiring"], r.status) }

  relationship_id   = each.value
  security_group_id = "6b7d8a10-0f1e-4c2b-9a3d-5e6f7a8b9c0d" # or azuread_group.helpdesk.object_id
  roles             = data.partnercenter_entra_roles.helpdesk.ids
}
