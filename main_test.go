// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

const serveHelperEnv = "PARTNERCENTER_TEST_SERVE_HELPER"

// TestLogsOnlyWhenWanted serves the provider in a child process as main does, makes one RPC and
// reads the child's stderr: silent without a log switch, the SDK's and the framework's JSON
// lines with one.
func TestLogsOnlyWhenWanted(t *testing.T) {
	cases := []struct {
		name     string
		env      []string
		wantLogs bool
	}{
		{name: "no log switch", wantLogs: false},
		{name: "TF_LOG", env: []string{"TF_LOG=TRACE"}, wantLogs: true},
		{name: "TF_LOG_PROVIDER", env: []string{"TF_LOG_PROVIDER=DEBUG"}, wantLogs: true},
		{name: "OpenTofu's TOFU_LOG", env: []string{"TOFU_LOG=DEBUG"}, wantLogs: true},
		{name: "an empty TF_LOG", env: []string{"TF_LOG="}, wantLogs: false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestServeHelper$", "-test.v")
			cmd.Env = append(append(withoutLogSwitches(os.Environ()), serveHelperEnv+"=1"), tc.env...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil || !strings.Contains(stdout.String(), "served GetMetadata") {
				t.Fatalf("helper: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
			}
			for _, module := range []string{`"@module":"sdk.proto"`, `"@module":"sdk.framework"`} {
				if got := strings.Contains(stderr.String(), module); got != tc.wantLogs {
					t.Errorf("stderr has %s lines: %v, want %v; stderr:\n%s", module, got, tc.wantLogs, stderr.String())
				}
			}
		})
	}
}

// TestServeHelper is the child process of TestLogsOnlyWhenWanted: it silences the loggers as main
// does, serves the provider on a local socket and calls GetMetadata once through gRPC.
func TestServeHelper(t *testing.T) {
	if os.Getenv(serveHelperEnv) != "1" {
		t.Skip("runs only as the child process of TestLogsOnlyWhenWanted")
	}
	if err := serve.SilenceDroppedLogs(os.Environ(), os.Setenv); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	reattach := make(chan *plugin.ReattachConfig, 1)
	closed := make(chan struct{})
	served := make(chan error, 1)
	go func() {
		served <- tf6server.Serve(providerAddress, serve.Wrap(provider.NewServer("test")), tf6server.WithDebug(ctx, reattach, closed))
	}()
	var cfg *plugin.ReattachConfig
	select {
	case cfg = <-reattach:
	case err := <-served:
		t.Fatalf("serve: %v", err)
	}
	conn, err := grpc.NewClient(cfg.Addr.Network()+"://"+cfg.Addr.String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	// GetMetadata's request and response have no required fields, so an empty message stands for both.
	if err := conn.Invoke(ctx, "/tfplugin6.Provider/GetMetadata", &emptypb.Empty{}, &emptypb.Empty{}); err != nil {
		t.Fatal(err)
	}
	_ = conn.Close()
	t.Log("served GetMetadata")
	cancel()
	<-closed
}

func withoutLogSwitches(environ []string) []string {
	var out []string
	for _, kv := range environ {
		if !strings.HasPrefix(kv, "TF_LOG") && !strings.HasPrefix(kv, "TOFU_LOG") && !strings.HasPrefix(kv, "TF_ACC_LOG") {
			out = append(out, kv)
		}
	}
	return out
}
