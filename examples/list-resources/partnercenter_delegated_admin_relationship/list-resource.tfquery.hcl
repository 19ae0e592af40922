# Every active GDAP relationship, with its resource (Graph's list holds each whole), for
# terraform query -generate-config-out=generated.tf (Terraform 1.14+).
list "partnercenter_delegated_admin_relationship" "active" {
  provider         = partnercenter
  include_resource = true
  limit            = 5000

  config {
    status = "active"
  }
}
