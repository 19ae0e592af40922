// Command terraform-provider-partnercenter is the Terraform provider for Microsoft Partner Center.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"runtime/debug"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
)

// version is set at build time: go build -ldflags "-X main.version=1.2.3".
var version = "dev"

// providerAddress is where the registry serves this provider.
const providerAddress = "registry.terraform.io/partnercenter-oss/partnercenter"

// memoryLimit is the provider's soft memory limit. Terraform keeps the machine's cores busy while
// the provider serves hundreds of resources at once, which starves the garbage collector's
// background work and lets garbage pile up to several times the live heap (about 25 MB at 1,000
// resources). The soft limit makes the collector catch up before that. GOMEMLIMIT overrides it.
const memoryLimit = 48 << 20

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
	var debugMode bool
	flag.BoolVar(&debugMode, "debug", false, "run the provider for a debugger (delve), printing TF_REATTACH_PROVIDERS")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: providerAddress,
		Debug:   debugMode,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
