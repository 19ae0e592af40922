// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Command terraform-provider-partnercenter is the Terraform provider for Microsoft Partner Center.
package main

import (
	"flag"
	"log"
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

// version is set at build time: go build -ldflags "-X main.version=1.2.3".
var version = "dev"

// providerAddress is where the registry serves this provider.
const providerAddress = "registry.terraform.io/partnercenter-oss/partnercenter"

// orphanCheckInterval is how often the provider checks that terraform, its parent, still runs.
const orphanCheckInterval = 500 * time.Millisecond

// orphanedExitCode ends a provider whose terraform has died: nobody reads it, but it tells an
// operator looking at process accounting why the provider stopped.
const orphanedExitCode = 3

func main() {
	serve.TuneMemory()
	var debugMode bool
	flag.BoolVar(&debugMode, "debug", false, "run the provider for a debugger (delve), printing TF_REATTACH_PROVIDERS")
	flag.Parse()

	var opts []tf6server.ServeOpt
	if debugMode {
		opts = append(opts, tf6server.WithManagedDebug())
	} else {
		if err := serve.SilenceDroppedLogs(os.Environ(), os.Setenv); err != nil {
			log.Fatal(err.Error())
		}
		// Terraform that dies without stopping its plugins (kill -9) leaves nothing else to end
		// this process; a debugged provider is started by a person, not terraform.
		serve.WatchParent(orphanCheckInterval, func() { os.Exit(orphanedExitCode) })
	}
	if err := tf6server.Serve(providerAddress, serve.Wrap(provider.NewServer(version)), opts...); err != nil {
		log.Fatal(err.Error())
	}
}
