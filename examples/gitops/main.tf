# GitOps: the billing profiles of many customers, reviewed in pull requests as one map.
# Only the attributes each entry sets are managed; everything else stays as Partner Center holds it.
# Each entry is keyed by a name a reviewer knows (here the customer's initial domain without
# .onmicrosoft.com), so that plans read `this["contoso"]`, not a tenant id. `terraform show -json`
# of a plan through plan-summary.jq gives one line per changed attribute (see the GitOps guide).
terraform {
  required_version = ">= 1.5"
  required_providers {
    partnercenter = {
      source  = "partnercenter-oss/partnercenter"
      version = "~> 0.1"
    }
  }
}

provider "partnercenter" {} # credentials from PARTNERCENTER_* environment variables

locals {
  billing_profiles = {
    contoso = {
      customer_id  = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
      company_name = "Contoso Holdings"
      email        = "billing@contoso.example"
      address = {
        address_line1 = "1 Microsoft Way"
        city          = "Redmond"
        state         = "WA"
        postal_code   = "98052"
        country       = "US"
      }
    }
    fabrikam = {
      customer_id  = "9b2c1f0e-8a7d-4c6b-b5e4-3d2c1b0a9f8e"
      company_name = "Fabrikam Sp. z o.o."
      email        = "faktury@fabrikam.example"
      address = {
        address_line1 = "ul. Prosta 51"
        city          = "Warszawa"
        postal_code   = "00-838"
        country       = "PL"
        phone_number  = "+48 22 123 45 67" # Partner Center requires a phone number in Poland
      }
    }
  }
}

resource "partnercenter_customer_billing_profile" "this" {
  for_each = local.billing_profiles

  customer_id     = each.value.customer_id
  company_name    = each.value.company_name
  email           = each.value.email
  default_address = each.value.address
}

output "etags" {
  description = "The version of each profile after apply, by the key a reviewer knows."
  value       = { for name, p in partnercenter_customer_billing_profile.this : name => p.etag }
}
