// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import "time"

// clock is the emulator's time, by which issued access tokens and continuation tokens expire:
// base (the wall clock unless SetClock replaced it) moved on by Advance. Tests move it instead of
// sleeping, so that an expiry is decided by the test and not by how busy the machine is.
type clock struct {
	base   func() time.Time
	offset time.Duration
}

func (c clock) now() time.Time { return c.base().Add(c.offset) }

// nowLocked is the emulator's time; s.mu must be held.
func (s *Server) nowLocked() time.Time { return s.clock.now() }

// SetClock makes now the emulator's base clock, for Entra ID's tokens, Partner Center's
// continuation tokens and Graph's relationships alike (the wall clock until then). A test that
// also gives now to the client's token cache keeps both sides on one time.
func (s *Server) SetClock(now func() time.Time) {
	s.mu.Lock()
	s.clock.base = now
	s.mu.Unlock()
	s.graph.SetClock(now)
}

// Advance moves the emulator's clock ahead by d, on every API it serves: access tokens and
// continuation tokens expire, and relationships expire, extend and lapse, as they would after
// that long.
func (s *Server) Advance(d time.Duration) {
	s.mu.Lock()
	s.clock.offset += d
	s.mu.Unlock()
	s.graph.Advance(d)
}
