// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
)

// stateServer is a Terraform http backend that holds one state in memory. It stands for the remote
// state a partner's pipeline keeps (azurerm, s3, ...): Terraform keeps such state in memory during
// an apply and uploads it every 20 s, where it rewrites a local state file after every resource.
type stateServer struct {
	mu    sync.Mutex
	state []byte
}

func (s *stateServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.Method {
	case http.MethodGet:
		if s.state == nil {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		_, _ = w.Write(s.state)
	case http.MethodPost:
		b, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.state = b
	case http.MethodDelete:
		s.state = nil
	default:
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

// startStateServer serves a new empty state and returns its address for the backend block.
func startStateServer() (address string, stop func(), err error) {
	address, stop, err = serveLoopback(&stateServer{})
	if err != nil {
		return "", nil, err
	}
	return "http://" + address + "/state", stop, nil
}

// terraformBlock is the configuration's terraform block: the provider requirement when the
// configuration uses the provider, and the http backend when the run keeps state remotely.
func terraformBlock(withProvider bool, backendAddress string) string {
	var b strings.Builder
	b.WriteString("terraform {\n")
	if withProvider {
		b.WriteString("  required_providers {\n    partnercenter = { source = \"partnercenter-oss/partnercenter\" }\n  }\n")
	}
	if backendAddress != "" {
		fmt.Fprintf(&b, "  backend \"http\" {\n    address = %q\n  }\n", backendAddress)
	}
	b.WriteString("}\n\n")
	return b.String()
}

// initBackend runs terraform init in dir, whose main.tf names the http backend.
func initBackend(o options, dir string, env []string) error {
	cmd := terraformCommand(o, dir, env, "init", "-input=false", "-no-color")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("terraform init: %w\n%s", err, tail(string(out), 2000))
	}
	return nil
}
