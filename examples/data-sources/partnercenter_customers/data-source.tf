# Every customer of the partner.
data "partnercenter_customers" "all" {}

# Only the customers whose company name begins with "contoso" (any case).
data "partnercenter_customers" "contoso" {
  company_name_prefix = "contoso"
}

output "customer_count" {
  value = length(data.partnercenter_customers.all.ids)
}

output "contoso_domains" {
  value = [for c in data.partnercenter_customers.contoso.customers : c.domain]
}
