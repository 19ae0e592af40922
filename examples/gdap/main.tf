# GDAP for every customer: one admin relationship per customer at the tier you choose, and the
# partner's security groups given their roles under it once the customer has approved it (see
# access.tf). Apply it from a pipeline again and again: the first run creates each relationship
# and lists the invitations to send; runs before a customer approves change nothing; the run after
# an approval assigns that customer's access. A tier change (var.tier) never takes anyone's access
# away: each customer is invited to a successor while the current relationship keeps granting,
# the access moves on the run after the customer approves, and the old relationship ends on the
# run after that. See the guide "GDAP for every customer". Needs Terraform 1.5+ or OpenTofu.
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

variable "tier" {
  description = "The tier every customer's relationship grants: a key of local.tiers. Changing it rolls a tier change through the estate."
  type        = string
  default     = "standard"
}

variable "generations" {
  description = "Customers invited anew after their relationship ended or their invitation lapsed, by tenant id, with the number their relationship's name carries (1 when left out): see the output needs_new_name."
  type        = map(number)
  default     = {}
}

locals {
  # Roles by name, per tier: what a relationship of the tier grants, and what each team gets under
  # it. A tier stays here while any customer's access is still under a relationship of it (the
  # output access_by_tier says which are); tiers differ in what their relationships grant.
  tiers = {
    standard = {
      relationship = ["Global Reader", "Helpdesk Administrator", "User Administrator", "License Administrator"]
      teams = {
        helpdesk = ["Global Reader", "Helpdesk Administrator"]
        admins   = ["User Administrator", "License Administrator"]
      }
    }
    security = {
      relationship = ["Global Reader", "Helpdesk Administrator", "User Administrator", "License Administrator", "Security Reader"]
      teams = {
        helpdesk = ["Global Reader", "Helpdesk Administrator", "Security Reader"]
        admins   = ["User Administrator", "License Administrator"]
      }
    }
  }
}

# Every role a tier names, mapped to the template ids GDAP takes.
data "partnercenter_entra_roles" "tiers" {
  names = distinct(flatten([for t in local.tiers : concat(t.relationship, flatten(values(t.teams)))]))
}

locals {
  tier_ids = {
    for name, t in local.tiers : name => {
      relationship = sort([for role in t.relationship : lower(data.partnercenter_entra_roles.tiers.by_name[role])])
      teams        = { for team, roles in t.teams : team => [for role in roles : data.partnercenter_entra_roles.tiers.by_name[role]] }
    }
  }
}

# Every customer of the partner, every page of them.
data "partnercenter_customers" "estate" {}

locals {
  customers = { for c in data.partnercenter_customers.estate.customers : c.id => c }
}

resource "partnercenter_delegated_admin_relationship" "customer" {
  for_each = local.customers

  # Display names are unique among the partner's relationships, ended ones included. The tier in
  # the name gives a tier change its new names; the number, raised in var.generations, gives one
  # customer a new invitation after its relationship ended or its invitation lapsed.
  display_name         = format("%s %s %d", substr(each.value.company_name, 0, 30), var.tier, lookup(var.generations, each.key, 1))
  customer_tenant_id   = each.key
  duration             = "P730D"
  auto_extend_duration = "P180D"
  roles                = local.tier_ids[var.tier].relationship
}

locals {
  relationships = partnercenter_delegated_admin_relationship.customer
  company       = { for id, c in local.customers : id => c.company_name }
}

# What the pipeline does for each customer, one value each: Terraform folds repeated warnings, these
# it never does.
output "invitations_to_send" {
  description = "The customers whose relationship awaits their approval, with the link to send each: new customers, and the successors of a tier change."
  value       = { for id, r in local.relationships : local.company[id] => r.invitation_url if r.status == "approvalPending" }
}

output "awaiting_approval" {
  description = "The customers whose relationship awaits or takes in their approval: since when, and whether their staff keep access meanwhile under a relationship it succeeds."
  value = {
    for id, r in local.relationships : local.company[id] => {
      relationship = r.display_name
      status       = r.status
      since        = r.created_at
      access_kept  = r.access_relationship_id != null
    } if contains(["approvalPending", "approved", "activating"], r.status)
  }
}

output "needs_new_name" {
  description = "The customers whose relationship has ended (expired, terminated, or an invitation that lapsed): raise their number in var.generations to invite them anew."
  value = {
    for id, r in local.relationships : local.company[id] => { tenant_id = id, relationship = r.display_name, status = r.status }
    if contains(["expired", "terminated", "terminationRequested", "terminating"], r.status)
  }
}

output "expiring_without_auto_extension" {
  description = "The customers whose relationship grants access and does not extend itself, with when it ends."
  value = {
    for id, r in local.relationships : local.company[id] => r.ends_at
    if contains(["active", "expiring"], r.status) && r.auto_extend_duration == "PT0S"
  }
}

output "tier_changes_in_progress" {
  description = "The customers between two relationships: the one their staff's access is under now, and the one that succeeds it."
  value = {
    for id, r in local.relationships : local.company[id] => {
      from = [for p in r.predecessors : p.display_name]
      to   = r.display_name
    } if length(r.predecessors) > 0
  }
}
