# One GDAP relationship, by the id the Partner Center portal and Microsoft Graph show.
data "partnercenter_delegated_admin_relationship" "contoso" {
  id = "a1b2c3d4-0000-4000-8000-000000000001-3fa85f64-5717-4562-b3fc-2c963f66afa6"
}

output "contoso_gdap_status" {
  value = data.partnercenter_delegated_admin_relationship.contoso.status
}
