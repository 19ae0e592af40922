# Every active GDAP relationship, for terraform query (Terraform 1.14+); with
# -generate-config-out=generated.tf, an import block and a resource block for each. Graph's list
# holds each relationship whole: the values cost no request beyond the list's pages.
list "partnercenter_delegated_admin_relationship" "active" {
  provider = partnercenter
  limit    = 5000

  config {
    status = "active"
  }
}
