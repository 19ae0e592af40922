// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package serve runs the provider as Terraform's plugin: main.go serves Wrap(provider.NewServer)
// after TuneMemory and SilenceDroppedLogs, under WatchParent. TuneMemory (memory.go) sets the
// garbage collector for a process that shares two cores with Terraform; each other piece works
// around something the libraries underneath do not do, and says when it can go.
//
// Releasing contexts (releasing.go, releasable_context.go): terraform-plugin-framework v1.19.0
// (internal/proto6server, registerContext) keeps the cancel function of every RPC's context until
// StopProvider, which Terraform sends only when interrupted. Each kept function holds its RPC's
// whole context chain, the gRPC stream and terraform-plugin-go's loggers, about 13 KB; at three to
// four RPCs per resource that was 40 to 60 MB at 1,000 resources that the collector could never
// free. The wrapper hands the framework contexts that let go when the RPC returns. It can go when
// the framework stops keeping the contexts of finished RPCs.
//
// Silencing dropped logs (log_levels.go): terraform-plugin-go and the framework log every RPC at
// TRACE, as JSON on stderr, and Terraform discards it unless a log variable is set; at 1,000
// resources the encoding was a fifth of the provider's CPU. It can go when terraform-plugin-go
// learns from Terraform whether anyone reads the provider's logs.
//
// Watching the parent (orphan.go): go-plugin's server does not notice that terraform died without
// stopping it (kill -9, the OOM killer, a cancelled CI job), so the provider would linger with its
// connections and calls in flight. It can go when go-plugin ends a plugin whose client is gone.
package serve
