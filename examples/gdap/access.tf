# The partner's teams, given their tier's roles in every customer's tenant under the relationship
# that holds the customer's access now (access_relationship_id): the current one once the customer
# approved it, during a tier change the one it succeeds until then. So access is assigned on the
# first apply after an approval, and moves to a successor the same way, never before.

variable "groups" {
  description = "Object ids of the partner's security groups (for example azuread_group.<name>.object_id), by team."
  type        = map(string)
  default = {
    helpdesk = "6b7d8a10-0f1e-4c2b-9a3d-5e6f7a8b9c0d"
    admins   = "0d9c8b7a-6f5e-4d3c-2b1a-0f1e2d3c4b5a"
  }
}

locals {
  # The tier of the relationship each customer's access is under, told by the roles it grants. A
  # relationship whose roles are no tier's fails the plan here, on purpose: assigning nothing for it
  # would end its teams' access. Add a tier rather than edit one that access_by_tier still lists.
  tier_of_roles = { for name, t in local.tier_ids : join(",", t.relationship) => name }
  access_tier = {
    for id, r in local.relationships :
    id => local.tier_of_roles[join(",", sort([for role in r.access_roles : lower(role)]))]
    if r.access_relationship_id != null
  }
  access = merge([
    for customer, tier in local.access_tier : {
      for team, roles in local.tier_ids[tier].teams : "${customer}/${team}" => {
        relationship_id = local.relationships[customer].access_relationship_id
        group           = var.groups[team]
        roles           = roles
      }
    }
  ]...)
}

resource "partnercenter_delegated_admin_access_assignment" "team" {
  for_each = local.access

  relationship_id   = each.value.relationship_id
  security_group_id = each.value.group
  roles             = each.value.roles
}

output "customers_with_access" {
  description = "The customers whose tenants the partner's teams can administer now."
  value       = sort([for id in keys(local.access_tier) : local.company[id]])
}

output "access_by_tier" {
  description = "How many customers' access is under a relationship of each tier: a tier no longer listed can leave local.tiers."
  value       = { for tier in distinct(values(local.access_tier)) : tier => length([for t in values(local.access_tier) : t if t == tier]) }
}
