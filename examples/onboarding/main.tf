# Onboarding: bring every customer's billing profile under management in one plan.
# The import blocks adopt what Partner Center holds; nothing is written (no attribute is set),
# and the plan after the apply is empty. Needs Terraform 1.7+ or OpenTofu.
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

variable "company_name_prefix" {
  description = "Onboard only the customers whose company name begins with this (any case); empty for all."
  type        = string
  default     = ""
}

# Every page of the partner's customers (Partner Center serves up to 500 per page).
data "partnercenter_customers" "estate" {
  company_name_prefix = var.company_name_prefix
}

locals {
  # A map for the resources' for_each: Terraform evaluates for_each once per instance, and a
  # set of 1,000 ids costs it far more CPU each time than a map (see the onboarding guide).
  customers = { for c in data.partnercenter_customers.estate.customers : c.id => c }
}

import {
  for_each = data.partnercenter_customers.estate.ids
  to       = partnercenter_customer_billing_profile.this[each.key]
  id       = each.key
}

resource "partnercenter_customer_billing_profile" "this" {
  for_each    = local.customers
  customer_id = each.key

  # Manage attributes from here on, for every customer or per customer, for example:
  # email = "billing@${each.value.domain}"
}

output "onboarded" {
  description = "How many billing profiles this state manages."
  value       = length(partnercenter_customer_billing_profile.this)
}
