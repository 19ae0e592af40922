# Your first configuration: the provider from `make install`, against the Partner Center emulator
# (README.md, "In your own configuration"). Point it at the real Partner Center by exporting a
# credential instead of the emulator's lines (see the authentication guide).
terraform {
  required_version = ">= 1.5"
  required_providers {
    partnercenter = {
      source  = "partnercenter-oss/partnercenter"
      version = "~> 0.1"
    }
  }
}

# base_url and the credential come from PARTNERCENTER_BASE_URL and PARTNERCENTER_ACCESS_TOKEN,
# which the emulator prints.
provider "partnercenter" {}

variable "customer_id" {
  description = "The customer's tenant id: the emulator's demo customer by default."
  type        = string
  default     = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
}

resource "partnercenter_customer_billing_profile" "first" {
  customer_id  = var.customer_id
  company_name = "Contoso Holdings"
}

output "etag" {
  value = partnercenter_customer_billing_profile.first.etag
}
