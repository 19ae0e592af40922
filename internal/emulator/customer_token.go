// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"time"
)

// continuation is the position an MS-ContinuationToken stands for: the listing's filter and the
// last customer id served. Seeking past an id, rather than counting, keeps a listing right while
// customers come and go between pages, as the real service's seek paging does.
type continuation struct {
	Filter customerFilter `json:"f"`
	After  string         `json:"a"`
	// Issued is when the token was issued (Unix nanoseconds), for SetContinuationTokenLifetime.
	Issued int64 `json:"t"`
}

// SetContinuationTokenLifetime makes continuation tokens expire d after they are issued, as a
// service's do when a client takes too long between pages; zero (the default) keeps them valid.
func (s *Server) SetContinuationTokenLifetime(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.directory.tokenLifetime = d
}

var errExpiredToken = errors.New("the continuation token has expired: start the listing again from the first page")

var errBadToken = errors.New("the " + headerContinuationToken + " header is missing or is not a continuation token of this listing: " +
	"send the token of the previous page's links.next, or start again from the first page")

// issueTokenLocked signs c, so that readToken can refuse tokens the emulator did not issue; s.mu
// must be held.
func (s *Server) issueTokenLocked(c continuation) (string, error) {
	if s.directory.tokenKey == nil {
		key := make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return "", err
		}
		s.directory.tokenKey = key
	}
	c.Issued = s.nowLocked().UnixNano()
	body, err := json.Marshal(c)
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	return enc.EncodeToString(body) + "." + enc.EncodeToString(tokenMAC(s.directory.tokenKey, body)), nil
}

// readToken checks a token's signature and returns the position it stands for.
func (s *Server) readToken(token string) (continuation, error) {
	s.mu.Lock()
	key, lifetime, now := s.directory.tokenKey, s.directory.tokenLifetime, s.nowLocked()
	s.mu.Unlock()
	b64Body, b64MAC, ok := strings.Cut(token, ".")
	enc := base64.RawURLEncoding
	body, errBody := enc.DecodeString(b64Body)
	mac, errMAC := enc.DecodeString(b64MAC)
	if !ok || key == nil || errBody != nil || errMAC != nil || !hmac.Equal(mac, tokenMAC(key, body)) {
		return continuation{}, errBadToken
	}
	var c continuation
	if err := json.Unmarshal(body, &c); err != nil {
		return continuation{}, errBadToken
	}
	if lifetime > 0 && now.Sub(time.Unix(0, c.Issued)) > lifetime {
		return continuation{}, errExpiredToken
	}
	return c, nil
}

func tokenMAC(key, body []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(body)
	return m.Sum(nil)
}
