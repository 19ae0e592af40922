// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func TestATraceLogShowsTheBodiesSentAndReceived(t *testing.T) {
	t.Setenv("TF_LOG", "TRACE")
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	c, rec := newScripted(t, reply{status: 200, body: profileJSON}, reply{status: 200, body: profileJSON})
	var p *BillingProfile
	var err error
	within(t, 5*time.Second, "the GET", func() { p, err = c.GetCustomerBillingProfile(ctx, testCustomer) })
	if err != nil {
		t.Fatal(err)
	}
	p.Email = "logged@contoso.example"
	within(t, 5*time.Second, "the PUT", func() { _, err = c.UpdateCustomerBillingProfile(ctx, testCustomer, p) })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), `logged@contoso.example`) || !strings.Contains(logs.String(), `King County`) {
		t.Errorf("the bodies were not logged:\n%s", logs.String())
	}
	if got := decodeAny(t, rec.bodies[1])["email"]; got != "logged@contoso.example" {
		t.Errorf("the PUT sent email %v, want the one logged", got)
	}
}

func TestOnlyRetriesAreLoggedAsRetries(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	c, _ := newScripted(t, reply{status: 503, body: "{}"}, reply{status: 200, body: profileJSON})
	if _, err := c.GetCustomerBillingProfile(ctx, testCustomer); err != nil {
		t.Fatal(err)
	}
	var retries []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		entry := map[string]any{}
		if err := json.Unmarshal([]byte(line), &entry); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if entry["@message"] == "Retrying Partner Center request" {
			retries = append(retries, entry)
		}
	}
	if len(retries) != 1 || retries[0]["retry"] != float64(1) || retries[0]["path"] != "/v1/customers/"+testCustomer+"/profiles/billing" {
		t.Errorf("retries logged: %v; want one, the first retry of the call", retries)
	}
}
