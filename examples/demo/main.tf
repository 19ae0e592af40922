# The configuration `make demo` applies against the Partner Center emulator. The provider reads
# PARTNERCENTER_BASE_URL and PARTNERCENTER_ACCESS_TOKEN from the environment.
terraform {
  required_version = ">= 1.5"
  required_providers {
    partnercenter = {
      source  = "partnercenter-oss/partnercenter"
      version = "~> 0.1"
    }
  }
}

provider "partnercenter" {}

variable "customer_id" {
  description = "Tenant id of the customer whose billing profile to manage."
  type        = string
}

resource "partnercenter_customer_billing_profile" "contoso" {
  customer_id  = var.customer_id
  company_name = "Contoso Holdings"
  email        = "billing@contoso.example"

  default_address = {
    address_line1 = "1 Microsoft Way"
    address_line2 = "Building 92"
    city          = "Redmond"
    state         = "WA"
    postal_code   = "98052"
    country       = "US"
  }
}

output "etag" {
  value = partnercenter_customer_billing_profile.contoso.etag
}

output "billing_contact" {
  value = "${partnercenter_customer_billing_profile.contoso.first_name} ${partnercenter_customer_billing_profile.contoso.last_name} <${partnercenter_customer_billing_profile.contoso.email}>"
}
