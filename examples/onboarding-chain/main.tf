# The onboarding chain for every customer, in one configuration applied from a pipeline run after
# run: a GDAP relationship per customer; once the customer approves it, the partner's admins given
# their roles under it; once that access is active, the provider's own app consented into the
# customer's tenant (which lets Terraform read the tenant), then the partner's PSA tool. Each run
# does what the customers' approvals allow and nothing more, and the runs converge as customers
# approve. See the guide "The onboarding chain". Needs Terraform 1.5+ or OpenTofu, and an App+User
# credential (tenant_id, client_id, client_secret, refresh_token): it gets tokens in customers'
# tenants to read the consents back.
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

variable "provider_app_id" {
  description = "The client id of the app the provider signs in with (PARTNERCENTER_CLIENT_ID): consented first in every customer's tenant."
  type        = string
}

variable "psa_app_id" {
  description = "The client id of the partner's PSA tool, consented after the provider's own app."
  type        = string
  default     = "5d2b6c1e-7f3a-4e8b-9c0d-1a2b3c4d5e6f"
}

variable "admins_group" {
  description = "The object id of the partner's security group that administers customers (for example azuread_group.admins.object_id)."
  type        = string
  default     = "0d9c8b7a-6f5e-4d3c-2b1a-0f1e2d3c4b5a"
}

variable "generations" {
  description = "Customers invited anew after their relationship ended or their invitation lapsed, by tenant id, with the number their relationship's name carries (1 when left out): see the output needs_new_name."
  type        = map(number)
  default     = {}
}

locals {
  graph = "00000003-0000-0000-c000-000000000000" # Microsoft Graph's appId
  # What the relationship grants and the admins get: Cloud Application Administrator is what
  # Partner Center needs to consent apps in the customer's tenant.
  roles = ["Global Reader", "Helpdesk Administrator", "Cloud Application Administrator"]
}

data "partnercenter_entra_roles" "chain" {
  names = local.roles
}

# Every customer of the partner, every page of them.
data "partnercenter_customers" "estate" {}

locals {
  customers = { for c in data.partnercenter_customers.estate.customers : c.id => c }
}

# 1. A relationship per customer: the first run invites every customer.
resource "partnercenter_delegated_admin_relationship" "customer" {
  for_each = local.customers

  display_name       = format("%s onboarding %d", substr(each.value.company_name, 0, 30), lookup(var.generations, each.key, 1))
  customer_tenant_id = each.key
  duration           = "P730D"
  roles              = data.partnercenter_entra_roles.chain.ids
}

# 2. The admins' access, on the first run after the customer approves (access_relationship_id is
#    known at plan, null until then).
resource "partnercenter_delegated_admin_access_assignment" "admins" {
  for_each = {
    for id, r in partnercenter_delegated_admin_relationship.customer : id => r.access_relationship_id
    if r.access_relationship_id != null
  }

  relationship_id   = each.value
  security_group_id = var.admins_group
  roles             = data.partnercenter_entra_roles.chain.ids
}

# 3. The provider's own app, once the access is active (status is planned "active": the same run
#    makes the consent after the assignment).
resource "partnercenter_customer_application_consent" "automation" {
  for_each = {
    for key, a in partnercenter_delegated_admin_access_assignment.admins : key => a if a.status == "active"
  }

  customer_id    = each.key
  application_id = var.provider_app_id
  display_name   = "Partner automation"
  grants = [{
    resource_application_id = local.graph
    scopes                  = ["Application.Read.All", "Directory.Read.All"]
  }]
}

# 4. The PSA tool, read back through the provider's own consent.
resource "partnercenter_customer_application_consent" "psa" {
  for_each = partnercenter_customer_application_consent.automation

  customer_id    = each.key
  application_id = var.psa_app_id
  grants = [{
    resource_application_id = local.graph
    scopes                  = ["User.Read.All", "Organization.Read.All"]
  }]
}

locals {
  relationships = partnercenter_delegated_admin_relationship.customer
  company       = { for id, c in local.customers : id => c.company_name }
}

# What the pipeline reads after each run, one value per customer.
output "invitations_to_send" {
  description = "The customers whose relationship awaits their approval, with the link to send each."
  value       = { for id, r in local.relationships : local.company[id] => r.invitation_url if r.status == "approvalPending" }
}

output "needs_new_name" {
  description = "The customers whose relationship ended or whose invitation lapsed: raise their number in var.generations to invite them anew."
  value = {
    for id, r in local.relationships : local.company[id] => { tenant_id = id, relationship = r.display_name, status = r.status }
    if contains(["expired", "terminated", "terminationRequested", "terminating"], r.status)
  }
}

output "onboarded" {
  description = "The customers at the end of the chain: access active and both apps consented, as read in their tenants."
  value = sort([
    for id, c in partnercenter_customer_application_consent.psa : local.company[id]
    if c.service_principal_id != null && partnercenter_customer_application_consent.automation[id].service_principal_id != null
  ])
}
