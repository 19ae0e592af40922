// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"bytes"
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

// unchangedPlanTypes are the resource types whose plan is their prior state whenever Terraform
// proposes no change, as each service registers them (framework.Service.UnchangedPlan).
// TestUnchangedPlansMatchTheFramework holds each to it.
func unchangedPlanTypes() map[string]bool {
	out := map[string]bool{}
	for _, s := range services() {
		for _, t := range s.UnchangedPlan {
			out[t] = true
		}
	}
	return out
}

// unchangedPlanServer answers the plan of an unchanged instance of unchangedPlanTypes itself: the
// prior state, with its private state and its identity (Terraform 1.12 and later keep one; an
// unchanged plan keeps it as the framework does). Most plans of a large configuration change nothing, and
// the framework's plan walks every attribute of the schema several times over to arrive at the
// same answer; this was about a third of the provider's CPU in a no-op apply of 1,000 resources.
type unchangedPlanServer struct {
	serve.ProtocolServer
	types map[string]bool // unchangedPlanTypes
}

// PlanResourceChange answers an unchanged plan at once and passes any other on.
func (s unchangedPlanServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	if s.takesShortcut(req) {
		return &tfprotov6.PlanResourceChangeResponse{PlannedState: req.ProposedNewState, PlannedPrivate: req.PriorPrivate,
			PlannedIdentity: req.PriorIdentity}, nil
	}
	return s.ProtocolServer.PlanResourceChange(ctx, req)
}

// msgpackNull is a null value in the plugin protocol's MessagePack encoding.
var msgpackNull = []byte{0xc0}

// takesShortcut reports whether req plans an unchanged instance of one of s's types.
func (s unchangedPlanServer) takesShortcut(req *tfprotov6.PlanResourceChangeRequest) bool {
	return s.types[req.TypeName] && unchanged(req)
}

// unchanged reports whether req plans an existing instance whose proposed new state is, byte for
// byte, its prior state.
func unchanged(req *tfprotov6.PlanResourceChangeRequest) bool {
	if req.PriorState == nil || req.ProposedNewState == nil {
		return false
	}
	prior, proposed := req.PriorState.MsgPack, req.ProposedNewState.MsgPack
	return len(prior) > 0 && !bytes.Equal(prior, msgpackNull) && bytes.Equal(prior, proposed)
}
