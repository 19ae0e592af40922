// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// A call to a port nobody listens on fails in a way UnreachableHost recognises.
func TestAClosedPortIsNamedUnreachable(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	_ = l.Close()
	c := newTestClient(t, "http://"+closed)
	c = withoutRetries(t, c)
	_, err = c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if got := transport.UnreachableHost(err); got != closed {
		t.Errorf("transport.UnreachableHost(%v) = %q, want %q", err, got, closed)
	}
}

func TestARedirectIsNeverFollowed(t *testing.T) {
	t.Parallel()
	var followed atomic.Int32
	target := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { followed.Add(1) }))
	c, rec := clientWithTokens(t, transport.StaticToken("secret-token"),
		reply{status: http.StatusFound, header: map[string]string{"Location": target.URL + "/v1/stolen"}})
	c = rebuilt(t, c, func(cfg *Config) { cfg.HTTPClient = transport.NewHTTPClient(APIName) })
	_, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusFound || rec.count() != 1 || followed.Load() != 0 {
		t.Errorf("err = %v after %d requests, %d followed; want the 302 as the answer and nothing followed", err, rec.count(), followed.Load())
	}
}
