# The onboarding state of every customer of the estate, and its gaps.
data "partnercenter_onboarding_coverage" "estate" {
  ending_within_days = 30
}

# Counts a reviewer can read in a plan for 1,000 customers.
output "onboarding_gaps" {
  value = {
    customers                     = length(data.partnercenter_onboarding_coverage.estate.customers)
    without_active_relationship   = length(data.partnercenter_onboarding_coverage.estate.without_active_relationship)
    without_access_assigned       = length(data.partnercenter_onboarding_coverage.estate.without_access_assigned)
    ending_without_auto_extension = length(data.partnercenter_onboarding_coverage.estate.ending_without_auto_extension)
    holding_global_administrator  = length(data.partnercenter_onboarding_coverage.estate.holding_global_administrator)
  }
}

# Act on a gap: the contact of every customer of Partner Center to invite to a GDAP relationship.
# Drive only reads with the gap sets: a resource whose for_each is a gap would be destroyed once
# it closes the gap (the customer leaves the set). Manage relationships from your own customer list.
data "partnercenter_customer_company_profile" "to_invite" {
  for_each = toset([
    for id in data.partnercenter_onboarding_coverage.estate.without_active_relationship : id
    if data.partnercenter_onboarding_coverage.estate.customers[id].in_partner_center
  ])
  customer_id = each.key
}

output "contacts_to_invite" {
  value = { for id, p in data.partnercenter_customer_company_profile.to_invite : p.company_name => p.email }
}

# Fail the plan's checks while any relationship is about to end on its own.
check "no_relationship_ends_unnoticed" {
  assert {
    condition     = length(data.partnercenter_onboarding_coverage.estate.ending_without_auto_extension) == 0
    error_message = "GDAP relationships end within 30 days without extending: ${join(", ", data.partnercenter_onboarding_coverage.estate.ending_without_auto_extension)}"
  }
}
