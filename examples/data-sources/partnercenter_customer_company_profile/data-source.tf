# A customer's company profile: name, initial domain, contact email and address.
data "partnercenter_customer_company_profile" "contoso" {
  customer_id = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
}

output "contoso_domain" {
  # Null when the partner holds no delegated admin role in the customer.
  value = data.partnercenter_customer_company_profile.contoso.domain
}
