package credential

import (
	"context"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// maxRenewBefore is how long before expiry a token is renewed at the most; short-lived tokens
// are renewed when a tenth of their life is left.
const maxRenewBefore = 5 * time.Minute

// fetchFunc gets a new token from the credential.
type fetchFunc func(ctx context.Context) (*oauth2.Token, error)

// cachedSource hands out one token until shortly before it expires. All resources of a provider
// share it, and concurrent callers wait for a single exchange rather than each starting one.
type cachedSource struct {
	mu      sync.Mutex
	token   *oauth2.Token
	renewAt time.Time
	fetch   fetchFunc
	now     func() time.Time
}

func newCachedSource(fetch fetchFunc) *cachedSource {
	return &cachedSource{fetch: fetch, now: time.Now}
}

// Token returns the cached access token, or exchanges the credential for a new one.
func (c *cachedSource) Token(ctx context.Context) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token != nil && c.now().Before(c.renewAt) {
		return c.token.AccessToken, nil
	}
	t, err := c.fetch(ctx)
	if err != nil {
		return "", err
	}
	c.token = t
	c.renewAt = renewalTime(t, c.now())
	return t.AccessToken, nil
}

func renewalTime(t *oauth2.Token, now time.Time) time.Time {
	if t.Expiry.IsZero() {
		return now.Add(time.Hour) // a token without expiry (a static one) is kept for the run
	}
	life := t.Expiry.Sub(now)
	return t.Expiry.Add(-min(maxRenewBefore, life/10))
}
