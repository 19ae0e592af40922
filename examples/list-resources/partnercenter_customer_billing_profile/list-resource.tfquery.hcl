# estate.tfquery.hcl, beside the configuration that configures the provider (Terraform 1.14+):
#   terraform query                                        lists the profiles
#   terraform query -generate-config-out=generated.tf      writes an import block and a resource
#                                                          block for each, to review and apply
list "partnercenter_customer_billing_profile" "fabrikam" {
  provider         = partnercenter
  include_resource = true # the resource blocks need each profile's values: one read per profile
  limit            = 5000 # terraform query stops at 100 results without a limit

  config {
    company_name_prefix = "Fabrikam"
  }
}
