// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// masker hides the credential's secrets in everything the credential package lets out: errors,
// warnings and the log lines of token requests. It knows the configured secrets (client secret,
// refresh token, OIDC token, certificate password, access token) and those met while running
// (rotated refresh tokens, OIDC tokens read from a file, issued tokens), in every form a server
// may repeat them in: as given, URL-encoded as in a form body, and JSON-escaped. A token endpoint
// that echoes the whole request in its error therefore shows "***" where each secret was.
type masker struct {
	mu       sync.RWMutex
	fixed    []string // configured secrets
	seen     []string // secrets met while running, newest last
	replacer *strings.Replacer
	long     []string         // the forms masked wherever they stand, longest first
	words    []*regexp.Regexp // the short forms, masked where they stand alone
}

// maxSeenSecrets bounds the secrets met while running that are kept: a renewal every few seconds
// over a long apply must not grow the masker, and only the newest ones are ever sent again.
const maxSeenSecrets = 8

// shortSecretLen is the length under which a secret is masked only where it stands alone: a
// three-letter certificate password must not turn every word containing those letters into "***".
const shortSecretLen = 8

func newMasker(cfg Config) *masker {
	m := &masker{}
	m.fixed = nonEmpty(cfg.ClientSecret, cfg.RefreshToken, cfg.OIDCToken, cfg.CertificatePassword, cfg.AccessToken, cfg.GraphAccessToken)
	m.rebuild()
	return m
}

// add makes the masker hide secret too, from now on.
func (m *masker) add(secret string) {
	if secret == "" {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if slices.Contains(m.fixed, secret) || slices.Contains(m.seen, secret) {
		return
	}
	m.seen = append(m.seen, secret)
	if len(m.seen) > maxSeenSecrets {
		m.seen = m.seen[len(m.seen)-maxSeenSecrets:]
	}
	m.rebuild()
}

// rebuild prepares the replacements for the current secrets. The caller holds m.mu or owns m.
func (m *masker) rebuild() {
	m.long, m.words = nil, nil
	for _, v := range m.variants() {
		if len(v) < shortSecretLen {
			m.words = append(m.words, regexp.MustCompile(`(^|[^A-Za-z0-9])`+regexp.QuoteMeta(v)+`($|[^A-Za-z0-9])`))
			continue
		}
		m.long = append(m.long, v)
	}
	// Longest first, so that a secret is never half-masked by a shorter one it contains.
	slices.SortFunc(m.long, func(a, b string) int { return len(b) - len(a) })
	pairs := make([]string, 0, 2*len(m.long))
	for _, v := range m.long {
		pairs = append(pairs, v, "***")
	}
	m.replacer = strings.NewReplacer(pairs...)
}

// variants lists every secret in each form it may be repeated in.
func (m *masker) variants() []string {
	var out []string
	for _, s := range append(slices.Clone(m.fixed), m.seen...) {
		quoted, _ := json.Marshal(s)
		for _, v := range []string{s, url.QueryEscape(s), url.PathEscape(s), strings.Trim(string(quoted), `"`)} {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// mask hides every secret in s, and the credentials transport.RedactCredentials recognises by form.
func (m *masker) mask(s string) string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	s = m.replacer.Replace(s)
	for _, re := range m.words {
		// Twice: a match consumes the character after it, which may begin the next occurrence.
		s = re.ReplaceAllString(re.ReplaceAllString(s, "${1}***${2}"), "${1}***${2}")
	}
	return transport.RedactCredentials(s)
}

// err returns err with its text masked; nil stays nil.
func (m *masker) err(err error) error {
	if err == nil {
		return nil
	}
	return &maskedError{text: m.mask(err.Error()), cause: err}
}

// logContext returns ctx with tflog masking every secret known now, for the log lines written
// while a token is fetched (the client's logging transport carries the token requests).
func (m *masker) logContext(ctx context.Context) context.Context {
	m.mu.RLock()
	long, words := slices.Clone(m.long), slices.Clone(m.words)
	m.mu.RUnlock()
	ctx = tflog.MaskLogStrings(ctx, long...)
	return tflog.MaskLogRegexes(ctx, words...)
}

// maskedError is an error whose text has the secrets masked. errors.Is still sees through it (to
// context.DeadlineExceeded, say), but errors.As and Unwrap do not: the errors underneath, such as
// *oauth2.RetrieveError, hold the token endpoint's raw answer, secrets included.
type maskedError struct {
	text  string
	cause error
}

func (e *maskedError) Error() string { return e.text }

// Is reports whether the masked error is target.
func (e *maskedError) Is(target error) bool { return errors.Is(e.cause, target) }

func nonEmpty(vals ...string) []string {
	var out []string
	for _, v := range vals {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}
