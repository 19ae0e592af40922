// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"fmt"
	"os"
)

// SeedFile is the format of the files the emulator command seeds customers from: customer tenant
// ids mapped to their billing profiles, in the JSON shape Partner Center answers with.
type SeedFile struct {
	Customers map[string]map[string]any `json:"customers"`
}

// LoadSeedFile seeds every customer of the JSON file at path.
func (s *Server) LoadSeedFile(path string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var f SeedFile
	if err := json.Unmarshal(b, &f); err != nil {
		return 0, fmt.Errorf("seed file %s: %w", path, err)
	}
	for id, profile := range f.Customers {
		if err := s.SeedCustomer(id, profile); err != nil {
			return 0, fmt.Errorf("seed file %s, customer %s: %w", path, id, err)
		}
	}
	return len(f.Customers), nil
}
