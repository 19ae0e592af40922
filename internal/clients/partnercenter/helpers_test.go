package partnercenter

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// Shared pieces of the client's tests: a scripted Partner Center, the emulator behind a client, and
// the profiles and checks several tests use.

const (
	testToken    = "test-token-5f1c9a"
	testCustomer = "0b6fd2a5-2c8b-4f3e-9b7a-3a1de2f0c001"
)

// recorder is a scripted Partner Center: it answers each request with the next reply and keeps
// the requests it saw.
type recorder struct {
	mu       sync.Mutex
	replies  []reply
	requests []*http.Request
	bodies   [][]byte
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body := new(bytes.Buffer)
	_, _ = body.ReadFrom(req.Body)
	r.mu.Lock()
	r.requests = append(r.requests, req.Clone(req.Context()))
	r.bodies = append(r.bodies, body.Bytes())
	rep := reply{status: http.StatusOK, body: profileJSON}
	if len(r.replies) > 0 {
		rep, r.replies = r.replies[0], r.replies[1:]
	}
	r.mu.Unlock()
	for k, v := range rep.header {
		w.Header().Set(k, v)
	}
	w.WriteHeader(rep.status)
	_, _ = w.Write([]byte(rep.body))
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.requests)
}

func (r *recorder) request(i int) *http.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.requests[i]
}

type reply struct {
	status int
	header map[string]string
	body   string
}

const profileJSON = "\ufeff" + `{"id":"a58ceba5-60ac-48e4-a0bc-2a855811807a","firstName":"Avery","lastName":"Howard",` +
	`"email":"avery@contoso.example","culture":"en-US","language":"en","companyName":"Contoso",` +
	`"defaultAddress":{"country":"US","city":"Redmond","state":"WA","addressLine1":"One Microsoft Way",` +
	`"postalCode":"98052","firstName":"Avery","lastName":"Howard","phoneNumber":"4255550100",` +
	`"district":"King County","middleName":"J"},"fieldAddedLater":"US-1234","links":{"self":{"uri":"/v1/customers/0b6fd2a5-2c8b-4f3e-9b7a-3a1de2f0c001/profiles/billing","method":"GET","headers":[]}},` +
	`"attributes":{"etag":"-2279334701316321663","objectType":"CustomerBillingProfile"}}`

// serve starts h on loopback until the test ends. Its cleanup drops the client's connections
// before it closes the server, so that a test that stopped mid-answer (a panic, say) ends with its
// failure instead of waiting forever for a handler still writing to a client that no longer reads.
func serve(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
	})
	return srv
}

// within runs f and fails the test when f has not returned after d, so that code that spins (on
// a body that never ends, say) fails the test rather than hanging it. f must not stop the test.
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not end within %s", what, d)
	}
}

func newScripted(t *testing.T, replies ...reply) (*Client, *recorder) {
	t.Helper()
	rec := &recorder{replies: replies}
	srv := serve(t, rec)
	return newTestClient(t, srv.URL), rec
}

func newTestClient(t testing.TB, baseURL string) *Client {
	t.Helper()
	c, err := New(Config{
		BaseURL:      baseURL,
		TokenSource:  transport.StaticToken(testToken),
		Version:      "1.2.3",
		RetryMax:     3,
		RetryWaitMin: time.Millisecond,
		RetryWaitMax: 5 * time.Millisecond,
		// Conflict retries wait as little as possible in tests.
		ConflictWaitMin: time.Millisecond,
		ConflictWaitMax: 5 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func setEmail(p *BillingProfile) { p.Email = "finance@contoso.example" }

func newEmulated(t testing.TB) (*Client, *emulator.Server) {
	t.Helper()
	emu := emulator.New(testToken)
	if err := emu.SeedDefaultCustomer(testCustomer); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, emu)
	return newTestClient(t, srv.URL), emu
}

func decodeAny(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// rebuilt is a client configured as c, changed by edit.
func rebuilt(t testing.TB, c *Client, edit func(*Config)) *Client {
	t.Helper()
	cfg := c.cfg
	edit(&cfg)
	out, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// withoutRetries is c with retries off, so that 429 and 5xx replies reach the caller at once.
func withoutRetries(t testing.TB, c *Client) *Client {
	t.Helper()
	return rebuilt(t, c, func(cfg *Config) { cfg.RetryMax = -1 })
}
