// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"encoding/pem"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// TestMain makes the emulator's TLS certificate trusted before any test runs. Token requests of
// the App-only, OIDC and certificate kinds go through Azure's identity library, which insists on
// an https authority; every httptest TLS server uses the same certificate, and Go reads
// SSL_CERT_FILE once, when it first loads the system roots. Against the real Partner Center the
// system roots are left alone.
func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	if !acctest.AgainstRealPartnerCenter() {
		path, err := writeEmulatorCA()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer func() { _ = os.Remove(path) }()
		_ = os.Setenv("SSL_CERT_FILE", path)
	}
	return m.Run()
}

func writeEmulatorCA() (string, error) {
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	cert := srv.Certificate()
	srv.Close()
	f, err := os.CreateTemp("", "partnercenter-emulator-ca-*.pem")
	if err != nil {
		return "", err
	}
	if err := pem.Encode(f, &pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}); err != nil {
		_ = f.Close()
		return "", err
	}
	return f.Name(), f.Close()
}
