# Credentials are tried in this order; the first fully configured one is used. Keep secrets out
# of the configuration: every attribute can come from its PARTNERCENTER_* environment variable.

# 1. A bearer token used as is, e.g. from
#    az account get-access-token --resource https://api.partnercenter.microsoft.com --query accessToken -o tsv
#    (PARTNERCENTER_ACCESS_TOKEN)
provider "partnercenter" {
  alias = "token"
}

# 2. App+User, the secure application model: an app registration plus a refresh token obtained
#    once through consent with MFA. (PARTNERCENTER_TENANT_ID, _CLIENT_ID, _CLIENT_SECRET, _REFRESH_TOKEN)
provider "partnercenter" {
  alias         = "app_user"
  tenant_id     = "00000000-0000-0000-0000-000000000000" # the partner's tenant
  client_id     = "11111111-1111-1111-1111-111111111111"
  client_secret = var.client_secret
  refresh_token = var.refresh_token
}

# 3. App-only client credentials, with a secret or a certificate.
#    (PARTNERCENTER_CLIENT_CERTIFICATE_PATH, _CLIENT_CERTIFICATE_PASSWORD)
provider "partnercenter" {
  alias                   = "app_only"
  tenant_id               = "00000000-0000-0000-0000-000000000000"
  client_id               = "11111111-1111-1111-1111-111111111111"
  client_certificate_path = "app.pfx"
}

# 4. OIDC workload identity federation from a pipeline: no secret at all.
#    (PARTNERCENTER_USE_OIDC=true, PARTNERCENTER_OIDC_TOKEN or _OIDC_TOKEN_FILE_PATH)
provider "partnercenter" {
  alias                = "pipeline"
  tenant_id            = "00000000-0000-0000-0000-000000000000"
  client_id            = "11111111-1111-1111-1111-111111111111"
  use_oidc             = true
  oidc_token_file_path = "/var/run/secrets/oidc-token"
}

# 5. The signed-in Azure CLI (PARTNERCENTER_USE_CLI=true).
provider "partnercenter" {
  alias   = "cli"
  use_cli = true
}

# National clouds: cloud = "usgovernment" or "china" (PARTNERCENTER_CLOUD).
provider "partnercenter" {
  alias = "china"
  cloud = "china"
}

# The Partner Center emulator, to test configurations offline, listening where base_url says:
#   go run ./cmd/partnercenter-emulator -addr 127.0.0.1:8080 -token local-token -demo-customer 3fa85f64-5717-4562-b3fc-2c963f66afa6
provider "partnercenter" {
  alias        = "emulator"
  base_url     = "http://127.0.0.1:8080"
  access_token = "local-token"
}

variable "client_secret" {
  type      = string
  sensitive = true
}

variable "refresh_token" {
  type      = string
  sensitive = true
}
