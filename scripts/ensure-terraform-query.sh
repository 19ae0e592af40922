# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# Sourced by .ci/run and make test-terraform-1.14: sets TF_QUERY_BIN to a terraform that has
# resource identity in import blocks and `terraform query` (1.14), and prints where it is. No binary
# can be downloaded here, so it is built once from terraform's Go module source and cached (about 3
# minutes on 2 idle cores, up to 10 on a busy machine; it says how long it took). The module zip leaves out the
# remote-state backends (nested modules with replace directives): their imports, map entries and
# go.mod lines are removed; local, http, inmem, remote and cloud remain.
TF_QUERY_VERSION=v1.14.3

tf_query_cache="${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-partnercenter/terraform-$TF_QUERY_VERSION"
if [ ! -x "$tf_query_cache/bin/terraform" ]; then
  echo "building terraform $TF_QUERY_VERSION from source into $tf_query_cache/bin (about 3 minutes on 2 idle cores, once)"
  tf_query_started=$SECONDS
  tf_query_src=$(go mod download -json "github.com/hashicorp/terraform@$TF_QUERY_VERSION" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
  rm -rf "$tf_query_cache" && mkdir -p "$tf_query_cache" && cp -r "$tf_query_src" "$tf_query_cache/src" && chmod -R u+w "$tf_query_cache/src"
  (
    cd "$tf_query_cache/src"
    dropped='azure|consul|cos|gcs|kubernetes|oci|oss|pg|s3'
    sed -i -E "/remote-state\/($dropped)\"/d; /^\s*\"($dropped|azurerm)\":/d" internal/backend/init/init.go
    sed -i -E "/internal\/backend\/remote-state\/($dropped)( |$)/d; /internal\/legacy( |$)/d" go.mod
    GOFLAGS=-mod=mod go build -ldflags "-s -w -X github.com/hashicorp/terraform/version.dev=no" -o "$tf_query_cache/bin/terraform" .
  )
  echo "built terraform $TF_QUERY_VERSION in $((SECONDS - tf_query_started)) s"
fi
TF_QUERY_BIN="$tf_query_cache/bin/terraform"
export TF_QUERY_BIN
echo "$("$TF_QUERY_BIN" version | sed -n 1p) at $TF_QUERY_BIN (TF_QUERY_BIN)"
