# estate.tfquery.hcl, beside the configuration that configures the provider (Terraform 1.14+):
#   terraform query                                        lists the profiles (reads the customer list only)
#   terraform query -generate-config-out=generated.tf      also reads each profile and writes an import
#                                                          block and a resource block for each, to review
list "partnercenter_customer_billing_profile" "fabrikam" {
  provider = partnercenter
  limit    = 5000 # terraform query stops at 100 results without a limit

  config {
    company_name_prefix = "Fabrikam"
  }
}
