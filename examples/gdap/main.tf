# GDAP for every customer: one admin relationship per customer, and the partner's security groups
# given roles under each relationship the customer has approved. Apply it from a pipeline again
# and again: the first run creates each relationship and prints the invitations to send; runs
# before a customer approves change nothing; the run after an approval assigns that customer's
# access. See the guide "GDAP for every customer". Needs Terraform 1.5+ or OpenTofu.
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

variable "generations" {
  description = "Customers whose relationship has been replaced, by tenant id, with the number its name carries (1 when left out)."
  type        = map(number)
  default     = {}
}

variable "groups" {
  description = "Object ids of the partner's security groups (for example azuread_group.<name>.object_id), by team."
  type        = map(string)
  default = {
    helpdesk = "6b7d8a10-0f1e-4c2b-9a3d-5e6f7a8b9c0d"
    admins   = "0d9c8b7a-6f5e-4d3c-2b1a-0f1e2d3c4b5a"
  }
}

# Roles by name, per tier: what each relationship grants, and what each team gets under it.
data "partnercenter_entra_roles" "relationship" {
  names = ["Global Reader", "Helpdesk Administrator", "User Administrator", "License Administrator"]
}

data "partnercenter_entra_roles" "helpdesk" {
  names = ["Global Reader", "Helpdesk Administrator"]
}

data "partnercenter_entra_roles" "admins" {
  names = ["User Administrator", "License Administrator"]
}

# Every customer of the partner, every page of them.
data "partnercenter_customers" "estate" {}

locals {
  customers = { for c in data.partnercenter_customers.estate.customers : c.id => c }
}

resource "partnercenter_delegated_admin_relationship" "customer" {
  for_each = local.customers

  # Display names are unique among the partner's relationships, ended ones included: a
  # relationship that must be replaced (expired, or other roles after approval) needs a new one,
  # which raising the customer's number in var.generations gives.
  display_name         = format("%s GDAP %d", substr(each.value.company_name, 0, 40), lookup(var.generations, each.key, 1))
  customer_tenant_id   = each.key
  duration             = "P730D"
  auto_extend_duration = "P180D"
  roles                = data.partnercenter_entra_roles.relationship.ids
}

locals {
  # status is known at plan: approvalPending for a new relationship, what the refresh read for an
  # existing one. So the approved relationships can key a for_each, and nothing is assigned
  # before a customer approves.
  approved = {
    for id, r in partnercenter_delegated_admin_relationship.customer : id => r.id
    if contains(["active", "expiring"], r.status)
  }
  team_roles = {
    helpdesk = data.partnercenter_entra_roles.helpdesk.ids
    admins   = data.partnercenter_entra_roles.admins.ids
  }
  access = merge([
    for customer, relationship_id in local.approved : {
      for team, roles in local.team_roles : "${customer}/${team}" => {
        relationship_id = relationship_id
        group           = var.groups[team]
        roles           = roles
      }
    }
  ]...)
}

resource "partnercenter_delegated_admin_access_assignment" "team" {
  for_each = local.access

  relationship_id   = each.value.relationship_id
  security_group_id = each.value.group
  roles             = each.value.roles
}

output "invitations_to_send" {
  description = "The customers still to approve their relationship, with the link to send each."
  value = {
    for id, r in partnercenter_delegated_admin_relationship.customer :
    local.customers[id].company_name => r.invitation_url if r.status == "approvalPending"
  }
}

output "customers_with_access" {
  value = sort([for id in keys(local.approved) : local.customers[id].company_name])
}
