# Every customer whose tenant holds the PSA's consent (Terraform 1.14+): each customer's tenant is
# read, as Partner Center lists no consents. `terraform query -generate-config-out=consents.tf`
# writes an import block and a resource block for each.
list "partnercenter_customer_application_consent" "psa" {
  provider         = partnercenter
  include_resource = true
  limit            = 5000
  config {
    application_id = "5d2b6c1e-7f3a-4e8b-9c0d-1a2b3c4d5e6f"
  }
}
