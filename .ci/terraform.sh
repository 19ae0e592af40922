# Sourced by .ci/run: makes a terraform-compatible CLI available to the acceptance tests. The
# machines have terraform on PATH; where it is missing, OpenTofu is built from its module source
# (the only way here: no binary can be downloaded).
TOFU_VERSION=v1.12.6

if command -v terraform >/dev/null 2>&1; then
  terraform version | head -1
else
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/partnercenter-ci/tofu-$TOFU_VERSION"
  if [ ! -x "$cache/bin/tofu" ]; then
    echo "terraform not found: building OpenTofu $TOFU_VERSION from source (a few minutes)"
    src=$(go mod download -json "github.com/opentofu/opentofu@$TOFU_VERSION" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
    rm -rf "$cache" && mkdir -p "$cache" && cp -r "$src" "$cache/src" && chmod -R u+w "$cache/src"
    (cd "$cache/src" && go build -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" -o "$cache/bin/tofu" ./cmd/tofu)
  fi
  export TF_ACC_TERRAFORM_PATH="$cache/bin/tofu"
  export TF_ACC_PROVIDER_NAMESPACE=hashicorp
  "$TF_ACC_TERRAFORM_PATH" version | head -1
fi
