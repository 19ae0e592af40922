# The partner's apps, consented into every customer whose GDAP access is active: first the
# provider's own app (which lets Terraform read each customer's tenant), then the PSA tool.
variable "customers" {
  description = "Customer tenant ids, by a name of your choosing."
  type        = map(string)
}

variable "provider_app_id" {
  description = "The client id of the app the provider signs in with (client_id)."
  type        = string
}

locals {
  graph = "00000003-0000-0000-c000-000000000000" # Microsoft Graph's appId
}

resource "partnercenter_customer_application_consent" "automation" {
  for_each       = var.customers
  customer_id    = each.value
  application_id = var.provider_app_id
  display_name   = "Partner automation"
  grants = [{
    resource_application_id = local.graph
    scopes                  = ["Application.Read.All", "Directory.Read.All"]
  }]
}

resource "partnercenter_customer_application_consent" "psa" {
  for_each       = var.customers
  customer_id    = each.value
  application_id = "5d2b6c1e-7f3a-4e8b-9c0d-1a2b3c4d5e6f" # the PSA tool's client id
  grants = [{
    resource_application_id = local.graph
    scopes                  = ["User.Read.All", "Organization.Read.All"]
  }]

  # Read through the provider's own consent in the tenant.
  depends_on = [partnercenter_customer_application_consent.automation]
}
