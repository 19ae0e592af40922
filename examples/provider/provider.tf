# A bearer token used as is, e.g. from:
#   az account get-access-token --resource https://api.partnercenter.microsoft.com --query accessToken -o tsv
# Leave access_token out of the configuration and set PARTNERCENTER_ACCESS_TOKEN instead, so that
# the token never lands in version control.
provider "partnercenter" {}

# Against the Partner Center emulator, to test configurations offline:
#   go run ./cmd/partnercenter-emulator -token local-token -demo-customer 3fa85f64-5717-4562-b3fc-2c963f66afa6
provider "partnercenter" {
  alias        = "emulator"
  base_url     = "http://127.0.0.1:8080"
  access_token = "local-token"
}
