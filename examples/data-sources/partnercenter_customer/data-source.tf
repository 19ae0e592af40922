data "partnercenter_customer" "contoso" {
  customer_id = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
}

output "contoso_domain" {
  value = data.partnercenter_customer.contoso.domain
}
