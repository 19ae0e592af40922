// Command terraform-provider-partnercenter is the Terraform provider for Microsoft Partner Center.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
)

// version is set at build time: go build -ldflags "-X main.version=1.2.3".
var version = "dev"

// providerAddress is where the registry serves this provider.
const providerAddress = "registry.terraform.io/partnercenter-oss/partnercenter"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider for a debugger (delve), printing TF_REATTACH_PROVIDERS")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: providerAddress,
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
