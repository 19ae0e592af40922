// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Command partnercenter-emulator serves the Partner Center emulator on loopback, for the demo and
// for testing Terraform configurations offline in a pipeline.
//
//	partnercenter-emulator -token secret -seed customers.json -url-file url.txt
//	partnercenter-emulator -token secret -customers 1000 -latency 50ms
//
// It prints its base URL and the line to export that points the provider at it
// (PARTNERCENTER_BASE_URL, and the same token as PARTNERCENTER_ACCESS_TOKEN).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// tokenEnv and graphTokenEnv name the environment variables the tokens are read from when
// -token and -graph-token are not given.
const (
	tokenEnv      = "PARTNERCENTER_EMULATOR_TOKEN"
	graphTokenEnv = "PARTNERCENTER_EMULATOR_GRAPH_TOKEN"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "partnercenter-emulator:", err)
		os.Exit(1)
	}
}

type options struct {
	addr, token, seed, urlFile string
	graphToken, demoCustomer   string
	customers                  int
	latency                    time.Duration
	acceptBodyETag             bool
	// app registers the partner's app in the emulated Entra ID with a refresh token (App+User),
	// the credential that gets tokens in customers' tenants too.
	app          string
	consentDelay time.Duration
}

func parseFlags() options {
	var o options
	flag.StringVar(&o.addr, "addr", "127.0.0.1:0", "address to listen on (port 0 picks a free port)")
	flag.StringVar(&o.token, "token", os.Getenv(tokenEnv), "bearer token the emulator accepts (default $"+tokenEnv+")")
	flag.StringVar(&o.graphToken, "graph-token", os.Getenv(graphTokenEnv),
		"also accept this bearer token on the Microsoft Graph side (/v1.0/), which takes no Partner Center token (default $"+graphTokenEnv+")")
	flag.StringVar(&o.seed, "seed", "", "JSON file of customers to seed: {\"customers\": {\"<tenant id>\": {<billing profile>}}}")
	flag.StringVar(&o.demoCustomer, "demo-customer", "", "also seed this customer id with a realistic demo profile")
	flag.IntVar(&o.customers, "customers", 0, "also seed this many customers with distinct companies: ten sample names in turn (\"Contoso 0001\", \"Fabrikam 0001\", ... \"Wingtip Toys 0001\", \"Contoso 0002\", ...), domains such as fabrikam0001.onmicrosoft.com")
	flag.StringVar(&o.urlFile, "url-file", "", "write the base URL to this file once listening (for scripts)")
	flag.DurationVar(&o.latency, "latency", 0, "delay every answer by this much, e.g. 50ms")
	flag.BoolVar(&o.acceptBodyETag, "accept-body-etag", false,
		"accept a billing profile PUT without If-Match, naming the ETag in attributes.etag only, as Microsoft's SDKs send it")
	flag.StringVar(&o.app, "app", "", "register the partner's app in the emulated Entra ID, as "+
		"<tenant id>:<client id>:<client secret>:<refresh token>: the secure application model's credential (App+User), "+
		"which also gets tokens in customers' tenants once the app is consented there")
	flag.DurationVar(&o.consentDelay, "consent-delay", 0, "application consents appear in customers' tenants this long after "+
		"Partner Center accepts them, e.g. 5s")
	flag.Parse()
	return o
}

func run() error {
	o := parseFlags()
	if o.token == "" {
		return errors.New("no token: pass -token or set " + tokenEnv)
	}
	srv, err := newServer(o)
	if err != nil {
		return err
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(context.Background(), "tcp", o.addr)
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String()
	if o.urlFile != "" {
		if err := os.WriteFile(o.urlFile, []byte(base+"\n"), 0o600); err != nil {
			return err
		}
	}
	fmt.Println("Partner Center emulator listening on", base)
	fmt.Println("Point the provider at it from another shell with:")
	fmt.Println(exportLine(base, o.token, o.graphToken))
	return serve(ln, srv)
}

// exportLine is the shell line that points the provider at the emulator at base with token and,
// when the emulator takes one, graphToken: the emulator serves both APIs on one address.
func exportLine(base, token, graphToken string) string {
	line := "export PARTNERCENTER_BASE_URL=" + base + " PARTNERCENTER_ACCESS_TOKEN=" + shellQuote(token)
	if graphToken != "" {
		line += " PARTNERCENTER_GRAPH_BASE_URL=" + base + " PARTNERCENTER_GRAPH_ACCESS_TOKEN=" + shellQuote(graphToken)
	}
	return line
}

// shellQuote quotes s for a POSIX shell when it holds anything but letters, digits and -._~.
func shellQuote(s string) string {
	plain := func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~", r)
	}
	if strings.IndexFunc(s, func(r rune) bool { return !plain(r) }) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func newServer(o options) (*emulator.Server, error) {
	srv := emulator.New(o.token)
	srv.SetLatency(o.latency)
	srv.AcceptBodyETag(o.acceptBodyETag)
	if o.graphToken != "" {
		if o.graphToken == o.token {
			return nil, errors.New("-graph-token must differ from -token: each token is for one API, as Entra ID issues them")
		}
		srv.AddGraphToken(o.graphToken)
	}
	if err := registerApp(srv, o.app); err != nil {
		return nil, err
	}
	srv.Graph().SetConsentDelay(o.consentDelay)
	if o.seed != "" {
		n, err := srv.LoadSeedFile(o.seed)
		if err != nil {
			return nil, err
		}
		fmt.Printf("Seeded %d customers from %s\n", n, o.seed)
	}
	if o.customers > 0 {
		if _, err := srv.SeedCustomers(o.customers); err != nil {
			return nil, err
		}
		fmt.Printf("Seeded %d customers\n", o.customers)
	}
	if o.demoCustomer != "" {
		if err := srv.SeedDefaultCustomer(o.demoCustomer); err != nil {
			return nil, err
		}
	}
	return srv, nil
}

// serve runs until SIGINT or SIGTERM, then lets requests in flight finish.
func serve(ln net.Listener, h http.Handler) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return hs.Shutdown(shutdown)
}

// registerApp registers the app -app describes, if any.
func registerApp(srv *emulator.Server, app string) error {
	if app == "" {
		return nil
	}
	parts := strings.Split(app, ":")
	if len(parts) != 4 || slices.Contains(parts, "") {
		return errors.New("-app takes <tenant id>:<client id>:<client secret>:<refresh token>")
	}
	srv.RegisterApp(emulator.App{TenantID: parts[0], ClientID: parts[1], ClientSecret: parts[2]})
	srv.AddRefreshToken(parts[1], parts[3])
	return nil
}
