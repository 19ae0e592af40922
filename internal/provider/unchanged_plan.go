// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"bytes"
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// unchangedPlanTypes are the resource types whose plan is their prior state whenever Terraform
// proposes no change: no attribute plan modifier and no ModifyPlan of theirs changes a plan that
// equals the prior state (the billing profile's keep the prior values, and check only an address
// that changes). TestUnchangedPlansMatchTheFramework holds each to it.
var unchangedPlanTypes = map[string]bool{"partnercenter_customer_billing_profile": true}

// unchangedPlanServer answers the plan of an unchanged instance of unchangedPlanTypes itself: the
// prior state, with its private state. Most plans of a large configuration change nothing, and
// the framework's plan walks every attribute of the schema several times over to arrive at the
// same answer; this was about a third of the provider's CPU in a no-op apply of 1,000 resources.
type unchangedPlanServer struct {
	tfprotov6.ProviderServer
}

// PlanResourceChange answers an unchanged plan at once and passes any other on.
func (s unchangedPlanServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	if unchanged(req) {
		return &tfprotov6.PlanResourceChangeResponse{PlannedState: req.ProposedNewState, PlannedPrivate: req.PriorPrivate}, nil
	}
	return s.ProviderServer.PlanResourceChange(ctx, req)
}

// msgpackNull is a null value in the plugin protocol's MessagePack encoding.
var msgpackNull = []byte{0xc0}

// unchanged reports whether req plans an existing instance of unchangedPlanTypes whose proposed
// new state is, byte for byte, its prior state.
func unchanged(req *tfprotov6.PlanResourceChangeRequest) bool {
	if !unchangedPlanTypes[req.TypeName] || req.PriorIdentity != nil || req.PriorState == nil || req.ProposedNewState == nil {
		return false
	}
	prior, proposed := req.PriorState.MsgPack, req.ProposedNewState.MsgPack
	return len(prior) > 0 && !bytes.Equal(prior, msgpackNull) && bytes.Equal(prior, proposed)
}
