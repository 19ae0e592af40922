# Every customer the partner has at least one GDAP relationship with, in any status.
data "partnercenter_delegated_admin_customers" "all" {}

# Each of them with the admin portals in which the partner manages its services.
data "partnercenter_delegated_admin_customer" "each" {
  for_each  = data.partnercenter_delegated_admin_customers.all.tenant_ids
  tenant_id = each.key
}
