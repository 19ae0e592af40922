// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/tenantglue"
)

// ConsentAppearsWithin bounds how long a create waits for a new consent to appear in the
// customer's tenant, and a delete for a removed one to leave it: minutes are reported, and the
// create timeout bounds the wait too.
const ConsentAppearsWithin = 10 * time.Minute

// appearingWindow is how long after a consent create did not see appear a read that does not find
// it (or finds fewer grants) keeps the state as made, rather than taking the consent for gone.
const appearingWindow = 30 * time.Minute

// privateAppearing is the private state key of when a consent create did not see appear was made
// (RFC 3339); the first read that sees it whole removes it.
const privateAppearing = "appearing_since"

var pathGrants = path.Root("grants")

// privateGetter is what reads a resource's private state.
type privateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

// stillAppearing says whether the consent is one create did not see appear, made less than
// appearingWindow ago.
func stillAppearing(ctx context.Context, private privateGetter, diags *diag.Diagnostics) bool {
	raw, d := private.GetKey(ctx, privateAppearing)
	diags.Append(d...)
	var at string
	if len(raw) == 0 || json.Unmarshal(raw, &at) != nil {
		return false
	}
	t, err := time.Parse(time.RFC3339, at)
	return err == nil && time.Since(t) < appearingWindow
}

// poll calls read, with a context bounded by r.appearsWithin, until it says done (what it waited
// for, or a refusal waiting will not change), waiting firstPoll, then twice as long each time up
// to 15 s, or until ctx ends; it returns how long it waited.
func (r *consentResource) poll(ctx context.Context, read func(ctx context.Context) bool) time.Duration {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, r.appearsWithin)
	defer cancel()
	wait := r.firstPoll
	for !read(ctx) {
		select {
		case <-ctx.Done():
			return time.Since(start).Round(time.Second)
		case <-time.After(wait):
		}
		wait = min(2*wait, 15*time.Second)
	}
	return time.Since(start).Round(time.Second)
}

// awaitConsent waits until the customer's tenant shows plan's consent with every grant asked for,
// records its service principal and reports true. When it does not within the wait, the consent
// Partner Center accepted is kept as made, with a warning saying what the tenant showed: the next
// refreshes read it again.
func (r *consentResource) awaitConsent(ctx context.Context, plan *consentModel, want grants, diags *diag.Diagnostics) bool {
	customer := framework.CanonicalID(plan.CustomerID.ValueString())
	var last tenantRead
	waited := r.poll(ctx, func(ctx context.Context) bool {
		last = r.readConsent(ctx, customer, plan.ApplicationID.ValueString())
		switch {
		case last.err != nil:
			return tenantglue.Refused(last.err)
		case last.found == nil || !grants(last.found.Scopes).covers(want):
			return false // not there (the provider's own app: not consented) yet
		}
		plan.ServicePrincipalID = framework.StringOrNull(last.found.ServicePrincipalID)
		return true
	})
	if last.err == nil && last.found != nil && grants(last.found.Scopes).covers(want) {
		return true
	}
	detail := fmt.Sprintf("Partner Center accepted the consent of application %s in customer %s, and in %s it did not "+
		"show whole in the customer's tenant. The state records it as made; refreshes in the next %s keep it while it "+
		"appears, and after that the plan replaces a consent the tenant does not show whole.",
		plan.ApplicationID.ValueString(), customer, waited, appearingWindow)
	switch {
	case last.err != nil:
		summary, hint := tenantglue.Explain(customer, subject("read", plan), last.err)
		detail += "\n\nThe last read failed: " + summary + ". " + hint + "\n\n" + last.err.Error()
	case last.found != nil:
		detail += "\n\nThe tenant grants " + grants(last.found.Scopes).text() + "; asked for: " + want.text() + "."
	}
	diags.AddWarning("Application consent not in the tenant yet", detail)
	return false
}

// takeOver handles Partner Center's answer that the application is consented already: with
// read_back "tenant" the consent is read there and taken over when it grants what plan asks, and
// refused, saying what differs, when not; with "partner_center" it is taken over as configured.
func (r *consentResource) takeOver(ctx context.Context, plan *consentModel, want grants, diags *diag.Diagnostics) bool {
	customer := framework.CanonicalID(plan.CustomerID.ValueString())
	app := plan.ApplicationID.ValueString()
	if !plan.readsTenant() {
		diags.AddWarning("Existing application consent taken over", fmt.Sprintf("Partner Center answered that application "+
			"%s is consented in customer %s already. With read_back = \"partner_center\" its grants cannot be compared with "+
			"the configuration's: the state records the configuration's.", app, customer))
		return true
	}
	var last tenantRead
	waited := r.poll(ctx, func(ctx context.Context) bool {
		last = r.readConsent(ctx, customer, app)
		return last.found != nil || last.notConsented || (last.err != nil && tenantglue.Refused(last.err))
	})
	switch {
	case last.err != nil:
		tenantglue.AddError(diags, customer, subject("read", plan), last.err)
		return false
	case last.notConsented:
		diags.AddError("Application consent broken in the tenant", fmt.Sprintf("Partner Center answered that application "+
			"%s is consented in customer %s already, and Entra ID refuses it a Microsoft Graph token there as not "+
			"consented (AADSTS65001): that consent lacks its grant on Microsoft Graph. Partner Center cannot change a "+
			"consent: delete the application's enterprise application in the customer's Entra admin center, then apply "+
			"again.", app, customer))
		return false
	case last.found == nil:
		diags.AddError("Application consent neither made nor found", fmt.Sprintf("Partner Center answered that "+
			"application %s is consented in customer %s already, and the customer's tenant showed no service principal "+
			"of it in %s. Apply again later.", app, customer, waited))
		return false
	}
	held := grants(last.found.Scopes).normal()
	if !held.equal(want) {
		diags.AddAttributeError(pathGrants, "Application consented with other grants", fmt.Sprintf("Application %s is "+
			"consented in customer %s already, with other grants than the configuration's, and Partner Center cannot "+
			"change a consent.\n\nIn the tenant: %s\nConfigured: %s\n\nTo replace it with the configured grants, import it "+
			"(import block with id = \"%s\") and apply: the plan replaces it. To keep it, set grants to what the tenant holds.",
			app, customer, held.text(), want.text(), consentID(customer, app)))
		return false
	}
	diags.AddWarning("Existing application consent taken over", fmt.Sprintf("Application %s was consented in customer %s "+
		"already, with the configured grants: Terraform manages that consent from now on.", app, customer))
	plan.ServicePrincipalID = framework.StringOrNull(last.found.ServicePrincipalID)
	return true
}

// awaitGone waits until the customer's tenant no longer shows state's consent, and warns when it
// still does after the wait: a consent made again at once would meet it.
func (r *consentResource) awaitGone(ctx context.Context, state *consentModel, diags *diag.Diagnostics) {
	customer := framework.CanonicalID(state.CustomerID.ValueString())
	var last tenantRead
	waited := r.poll(ctx, func(ctx context.Context) bool {
		last = r.readConsent(ctx, customer, state.ApplicationID.ValueString())
		return (last.err == nil && last.found == nil) || (last.err != nil && tenantglue.Refused(last.err))
	})
	if last.err == nil && last.found == nil {
		return // gone (for the provider's own app, Entra ID no longer gives it a token there)
	}
	detail := fmt.Sprintf("Partner Center removed the consent of application %s in customer %s, and in %s the customer's "+
		"tenant did not show it gone: a consent made again at once may meet it.", state.ApplicationID.ValueString(), customer, waited)
	if last.err != nil {
		detail += "\n\nThe last read failed: " + last.err.Error()
	}
	diags.AddWarning("Application consent still in the tenant", detail)
}
