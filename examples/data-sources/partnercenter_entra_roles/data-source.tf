# The roles of a support tier, written by name; a name the provider does not know fails the plan.
data "partnercenter_entra_roles" "tier1" {
  names = ["Global Reader", "Helpdesk Administrator", "Service Support Administrator"]
}

# Template ids in the order of names, for a relationship's or an access assignment's roles.
output "tier1_role_ids" {
  value = data.partnercenter_entra_roles.tier1.ids
}
