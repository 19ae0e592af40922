data "partnercenter_customers" "estate" {}

# Which of the partner's customers' billing profiles can be read, and why the others cannot.
data "partnercenter_customer_billing_profiles" "estate" {
  customer_ids = data.partnercenter_customers.estate.ids
}

output "readable" {
  value = length(data.partnercenter_customer_billing_profiles.estate.readable_ids)
}

output "left_out" {
  value = data.partnercenter_customer_billing_profiles.estate.unreadable
}
