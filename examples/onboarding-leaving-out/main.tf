# Onboarding an estate in which some customers' billing profiles cannot be read: every other
# customer is imported in the same plan, and the output says who was left out and why.
# Needs Terraform 1.7+ or OpenTofu.
terraform {
  required_version = ">= 1.7"
  required_providers {
    partnercenter = {
      source  = "partnercenter-oss/partnercenter"
      version = "~> 0.1"
    }
  }
}

provider "partnercenter" {} # credentials from PARTNERCENTER_* environment variables

data "partnercenter_customers" "estate" {}

# Reads every listed customer's profile, ten at a time; the imports below take these reads
# instead of reading each profile again.
data "partnercenter_customer_billing_profiles" "estate" {
  customer_ids = data.partnercenter_customers.estate.ids
}

locals {
  customers = { for c in data.partnercenter_customers.estate.customers : lower(c.id) => c }
  # The customers whose profiles could be read, as a map for for_each.
  onboard = { for id in data.partnercenter_customer_billing_profiles.estate.readable_ids : id => local.customers[id] }
}

import {
  for_each = local.onboard
  to       = partnercenter_customer_billing_profile.this[each.key]
  id       = each.key
}

resource "partnercenter_customer_billing_profile" "this" {
  for_each    = local.onboard
  customer_id = each.key
}

output "left_out" {
  description = "Customers whose billing profiles could not be read, each with Partner Center's answer."
  value = {
    for id, reason in data.partnercenter_customer_billing_profiles.estate.unreadable :
    id => "${try(local.customers[id].company_name, "?")}: ${reason}"
  }
}
