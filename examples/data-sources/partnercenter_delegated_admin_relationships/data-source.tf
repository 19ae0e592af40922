# Every GDAP relationship of the partner, every page of them.
data "partnercenter_delegated_admin_relationships" "all" {}

# The relationships still awaiting the customer's approval, with the link to send each customer.
data "partnercenter_delegated_admin_relationships" "awaiting_approval" {
  status = "approvalPending"
}

# One customer's relationships.
data "partnercenter_delegated_admin_relationships" "contoso" {
  customer_tenant_id = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
}

output "invitations_to_send" {
  value = { for r in data.partnercenter_delegated_admin_relationships.awaiting_approval.relationships : r.display_name => r.invitation_url }
}

# Active relationships that end within 30 days and do not extend themselves.
output "relationships_ending_soon" {
  value = [for r in data.partnercenter_delegated_admin_relationships.all.relationships : r.display_name
  if r.status == "active" && r.auto_extend_duration == "PT0S" && timecmp(coalesce(r.ends_at, "9999-12-31T00:00:00Z"), timeadd(plantimestamp(), "720h")) < 0]
}
