data "partnercenter_customer_billing_profile" "contoso" {
  customer_id = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
}

output "billing_email" {
  value = data.partnercenter_customer_billing_profile.contoso.email
}
