// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// A plan checks each changed access assignment against its relationship (its status and roles).
// The relationship's refresh in the same plan has read it already: what it read is remembered for
// the rest of the provider process, so that a thousand assignments under managed relationships
// cost no read of their own; a relationship the configuration does not manage is read once.
func rememberRelationship(data *framework.ProviderData, rel *graph.Relationship) {
	if rel != nil {
		relationshipsRead.Remember(data, strings.ToLower(rel.ID), *rel)
	}
}

// relationshipsRead are the relationships this provider process has read, by lower-case id.
var relationshipsRead = framework.NewMemory[graph.Relationship]("gdap/relationship")

// relationshipForPlan is relationship id as this plan's refresh read it, or as Graph gives it now.
func relationshipForPlan(ctx context.Context, data *framework.ProviderData, client *graph.Client, id string) (*graph.Relationship, error) {
	if rel, ok := relationshipsRead.Recall(data, strings.ToLower(id)); ok {
		return &rel, nil
	}
	rel, err := client.GetRelationship(ctx, id)
	if err == nil {
		rememberRelationship(data, rel)
	}
	return rel, err
}
