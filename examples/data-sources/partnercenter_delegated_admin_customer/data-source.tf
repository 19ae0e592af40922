# One GDAP customer and the admin portals in which the partner manages its services.
data "partnercenter_delegated_admin_customer" "contoso" {
  tenant_id = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
}

output "contoso_portals" {
  value = { for d in data.partnercenter_delegated_admin_customer.contoso.service_management_details : d.service_name => d.url }
}
