// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// testAPI is an API whose errors say what the pipeline handed them.
type apiError struct {
	status int
	body   string
	cut    bool
	callID string
}

func (e *apiError) Error() string {
	return fmt.Sprintf("HTTP %d: %s (cut %v)", e.status, e.body, e.cut)
}

type unusableError struct {
	status  int
	problem string
	err     error
}

func (e *unusableError) Error() string {
	return fmt.Sprintf("HTTP %d unusable: %s", e.status, e.problem)
}
func (e *unusableError) Unwrap() error { return e.err }

var testAPI = API{
	Name:          "Test API",
	CallIDHeader:  "X-Call-Id",
	LoggedHeaders: []string{"X-Trace"},
	Headers: func(ctx context.Context, h http.Header) {
		h.Set("User-Agent", "pipeline-test")
		if v, ok := ctx.Value(traceKey{}).(string); ok {
			h.Set("X-Trace", v)
		}
	},
	ErrorAnswer: func(req *http.Request, resp *http.Response, body []byte, cut bool) error {
		return &apiError{status: resp.StatusCode, body: string(body), cut: cut, callID: req.Header.Get("X-Call-Id")}
	},
	Unusable: func(_ *http.Request, resp *http.Response, _ []byte, problem string, err error) error {
		return &unusableError{status: resp.StatusCode, problem: problem, err: err}
	},
}

type traceKey struct{}

// script answers each request with the next of its answers (the last one again when they run
// out) and records the requests with their bodies.
type script struct {
	mu       sync.Mutex
	answers  []func(http.ResponseWriter, *http.Request)
	requests []*http.Request
	bodies   []string
}

func (s *script) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	n := len(s.requests)
	s.requests, s.bodies = append(s.requests, r), append(s.bodies, string(b))
	s.mu.Unlock()
	s.answers[min(n, len(s.answers)-1)](w, r)
}

func (s *script) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

func (s *script) request(i int) (*http.Request, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[i], s.bodies[i]
}

func answer(status int, body string, header ...string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}
}

// countingTokens hands out "token-1", "token-2", ... one per call of Token.
type countingTokens struct{ n atomic.Int32 }

func (c *countingTokens) Token(context.Context) (string, error) {
	return fmt.Sprintf("token-%d", c.n.Add(1)), nil
}

type failingTokens struct{}

func (failingTokens) Token(context.Context) (string, error) { return "", errors.New("no token today") }

// newTestPipeline serves answers and gives a pipeline to the server, retrying up to three times
// with waits of a millisecond or so.
func newTestPipeline(t *testing.T, tokens TokenSource, answers ...func(http.ResponseWriter, *http.Request)) (*Pipeline, *script) {
	t.Helper()
	s := &script{answers: answers}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	base, _ := url.Parse(srv.URL)
	p, err := NewPipeline(PipelineConfig{API: testAPI, BaseURL: base, Tokens: tokens, HTTPClient: srv.Client(),
		RetryMax: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: 2 * time.Millisecond, MaxRetryAfter: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return p, s
}

func get(p *Pipeline, path string, out any) Call {
	u := p.BaseURL()
	u.Path = path
	return Call{Method: http.MethodGet, URL: u, Out: out}
}

func TestNewPipelineRefusesAnIncompleteConfiguration(t *testing.T) {
	t.Parallel()
	base, _ := url.Parse("https://api.example.test")
	whole := PipelineConfig{API: testAPI, BaseURL: base, Tokens: StaticToken("t"), HTTPClient: http.DefaultClient}
	for name, edit := range map[string]func(*PipelineConfig){
		"no name":          func(c *PipelineConfig) { c.API.Name = "" },
		"no call id":       func(c *PipelineConfig) { c.API.CallIDHeader = "" },
		"no error shape":   func(c *PipelineConfig) { c.API.ErrorAnswer = nil },
		"no unusable":      func(c *PipelineConfig) { c.API.Unusable = nil },
		"no base URL":      func(c *PipelineConfig) { c.BaseURL = nil },
		"no tokens":        func(c *PipelineConfig) { c.Tokens = nil },
		"no HTTP client":   func(c *PipelineConfig) { c.HTTPClient = nil },
		"nothing refused?": nil,
	} {
		cfg := whole
		if edit == nil {
			if _, err := NewPipeline(cfg); err != nil {
				t.Errorf("a whole configuration: %v", err)
			}
			continue
		}
		edit(&cfg)
		if _, err := NewPipeline(cfg); err == nil {
			t.Errorf("%s: built a pipeline", name)
		}
	}
}

func TestACallCarriesItsHeadersAndBody(t *testing.T) {
	t.Parallel()
	p, s := newTestPipeline(t, &countingTokens{}, answer(200, `{"name":"ok"}`))
	u := p.BaseURL()
	u.Path, u.RawQuery = "/v1/things/1", "a=b%20c"
	var out struct{ Name string }
	ctx := context.WithValue(context.Background(), traceKey{}, "trace-1")
	ans, err := p.Do(ctx, Call{Method: http.MethodPut, URL: u, In: map[string]string{"name": "x"}, Out: &out,
		Header: http.Header{"If-Match": {`"e1"`}, "User-Agent": {"the call's own"}}})
	if err != nil || out.Name != "ok" || ans.Status != 200 || ans.Header.Get("Content-Type") == "" {
		t.Fatalf("Do = %+v, %+v, %v", ans, out, err)
	}
	req, body := s.request(0)
	for h, want := range map[string]string{"Authorization": "Bearer token-1", "Accept": "application/json",
		"Content-Type": "application/json", "If-Match": `"e1"`, "X-Trace": "trace-1", "User-Agent": "the call's own"} {
		if got := req.Header.Get(h); got != want {
			t.Errorf("%s: %q, want %q", h, got, want)
		}
	}
	if req.Method != http.MethodPut || req.URL.Path != "/v1/things/1" || req.URL.RawQuery != "a=b%20c" || body != `{"name":"x"}` {
		t.Errorf("sent %s %s?%s %s", req.Method, req.URL.Path, req.URL.RawQuery, body)
	}
	if len(req.Header.Get("X-Call-Id")) != 36 {
		t.Errorf("call id %q, want a GUID", req.Header.Get("X-Call-Id"))
	}
}

func TestACallWithoutABodySaysNoContentType(t *testing.T) {
	t.Parallel()
	p, s := newTestPipeline(t, StaticToken("t"), answer(200, `{}`))
	if _, err := p.Do(context.Background(), get(p, "/x", nil)); err != nil {
		t.Fatal(err)
	}
	if req, body := s.request(0); req.Header.Get("Content-Type") != "" || body != "" {
		t.Errorf("a GET sent Content-Type %q and body %q", req.Header.Get("Content-Type"), body)
	}
}

func TestEachCallHasItsOwnIDKeptOnItsRetriesWithAFreshToken(t *testing.T) {
	t.Parallel()
	p, s := newTestPipeline(t, &countingTokens{}, answer(503, "busy"), answer(200, "{}"), answer(200, "{}"))
	for range 2 {
		if _, err := p.Do(context.Background(), get(p, "/x", nil)); err != nil {
			t.Fatal(err)
		}
	}
	first, _ := s.request(0)
	retry, _ := s.request(1)
	second, _ := s.request(2)
	if id := first.Header.Get("X-Call-Id"); id == "" || retry.Header.Get("X-Call-Id") != id || second.Header.Get("X-Call-Id") == id {
		t.Errorf("call ids %q, %q (retry), %q (next call): want one per call, kept on its retry", id,
			retry.Header.Get("X-Call-Id"), second.Header.Get("X-Call-Id"))
	}
	if first.Header.Get("Authorization") == retry.Header.Get("Authorization") {
		t.Errorf("the retry reused token %q, want it taken again", first.Header.Get("Authorization"))
	}
}

func TestAByteOrderMarkBeforeJSONIsDropped(t *testing.T) {
	t.Parallel()
	p, _ := newTestPipeline(t, StaticToken("t"), answer(200, "\xEF\xBB\xBF{\"name\":\"bom\"}"))
	var out struct{ Name string }
	if _, err := p.Do(context.Background(), get(p, "/x", &out)); err != nil || out.Name != "bom" {
		t.Errorf("Do = %+v, %v", out, err)
	}
	if got := StripBOM([]byte("\xEF\xBB\xBFx\xEF\xBB\xBF")); string(got) != "x\xEF\xBB\xBF" {
		t.Errorf("StripBOM = %q, want only the leading mark dropped", got)
	}
}

func TestEverySuccessStatusIsSuccessAndAnyOtherTheAPIsError(t *testing.T) {
	t.Parallel()
	for status, ok := range map[int]bool{200: true, 201: true, 299: true, 300: false, 302: false, 400: false, 404: false} {
		p, _ := newTestPipeline(t, StaticToken("t"), answer(status, `{}`))
		_, err := p.Do(context.Background(), get(p, "/x", &struct{}{}))
		var apiErr *apiError
		switch {
		case ok && err != nil:
			t.Errorf("HTTP %d: %v, want success", status, err)
		case !ok && (!errors.As(err, &apiErr) || apiErr.status != status || apiErr.body != "{}" || apiErr.cut || apiErr.callID == ""):
			t.Errorf("HTTP %d: %v, want the API's error with the body and the call id", status, err)
		}
	}
}

func TestAnAnswerOverTheSizeLimitIsCut(t *testing.T) {
	t.Parallel()
	big := `{"x":"` + strings.Repeat("a", MaxResponseBytes) + `"}`
	p, _ := newTestPipeline(t, StaticToken("t"), answer(200, big), answer(400, big))
	var out map[string]string
	_, err := p.Do(context.Background(), get(p, "/x", &out))
	var unusable *unusableError
	if !errors.As(err, &unusable) || unusable.err != nil || !strings.Contains(unusable.problem,
		"larger than 4194304 bytes, the most the client reads, and was cut there (no Test API answer is that large") || out != nil {
		t.Errorf("a success answer over the limit: %v, %v", err, out)
	}
	_, err = p.Do(context.Background(), get(p, "/x", &out))
	var apiErr *apiError
	if !errors.As(err, &apiErr) || !apiErr.cut || len(apiErr.body) != MaxResponseBytes {
		t.Errorf("an error answer over the limit: cut %v, %d bytes", apiErr != nil && apiErr.cut, len(apiErr.body))
	}
}

func TestAnAnswerIsReadUpToTheSizeLimit(t *testing.T) {
	t.Parallel()
	for size, wantCut := range map[int]bool{MaxResponseBytes: false, MaxResponseBytes + 1: true, 0: false} {
		resp := &http.Response{Body: io.NopCloser(bytes.NewReader(bytes.Repeat([]byte("x"), size)))}
		body, cut, err := readBody(resp)
		if err != nil || cut != wantCut || len(body) != min(size, MaxResponseBytes) {
			t.Errorf("%d bytes: read %d, cut %v, %v; want cut %v", size, len(body), cut, err, wantCut)
		}
	}
}

func TestAnAnswerThatIsNotJSONOrThatTheCheckRefusesIsUnusable(t *testing.T) {
	t.Parallel()
	refusal := errors.New("it is about another thing")
	tests := map[string]struct {
		body  string
		check func() error
		want  string
		err   error
	}{
		"HTML":                 {body: "<html>hi</html>", want: "decoding the response failed: invalid character '<'"},
		"empty":                {body: "", want: "decoding the response failed: unexpected end of JSON input"},
		"refused by the check": {body: `{}`, check: func() error { return refusal }, want: "it is about another thing", err: refusal},
	}
	for name, tt := range tests {
		p, _ := newTestPipeline(t, StaticToken("t"), answer(200, tt.body))
		c := get(p, "/x", &map[string]any{})
		c.Check = tt.check
		_, err := p.Do(context.Background(), c)
		var unusable *unusableError
		if !errors.As(err, &unusable) || unusable.status != 200 || !strings.Contains(unusable.problem, tt.want) ||
			(tt.err != nil && !errors.Is(err, tt.err)) || (tt.err == nil && unusable.err == nil) {
			t.Errorf("%s: %v, want unusable saying %q", name, err, tt.want)
		}
	}
}

func TestACheckRunsOnlyOnADecodedAnswer(t *testing.T) {
	t.Parallel()
	p, _ := newTestPipeline(t, StaticToken("t"), answer(200, `{"a":1}`))
	var out struct{ A int }
	c := get(p, "/x", &out)
	seen := -1
	c.Check = func() error { seen = out.A; return nil }
	if _, err := p.Do(context.Background(), c); err != nil || seen != 1 {
		t.Errorf("Do = %v, the check saw %d; want it to see the decoded 1", err, seen)
	}
}

func TestOnlyABodilessCallTakes202And204WithoutABody(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusAccepted, http.StatusNoContent} {
		p, _ := newTestPipeline(t, StaticToken("t"), answer(status, "", "Location", "/op/1"))
		c := get(p, "/x", &map[string]any{})
		c.Check = func() error { return errors.New("checked a body that is not there") }
		c.Bodiless = true
		ans, err := p.Do(context.Background(), c)
		if err != nil || ans.Status != status || ans.Header.Get("Location") != "/op/1" {
			t.Errorf("a bodiless call answered %d: %+v, %v", status, ans, err)
		}
		c.Bodiless = false
		var unusable *unusableError
		if _, err := p.Do(context.Background(), c); !errors.As(err, &unusable) {
			t.Errorf("a read answered %d without a body: %v, want it unusable", status, err)
		}
	}
	p, _ := newTestPipeline(t, StaticToken("t"), answer(200, `{"a":1}`))
	var out struct{ A int }
	c := get(p, "/x", &out)
	c.Bodiless = true
	if _, err := p.Do(context.Background(), c); err != nil || out.A != 1 {
		t.Errorf("a bodiless call answered 200 with a body: %+v, %v; want it decoded", out, err)
	}
}

func TestACallWithoutOutDecodesNothing(t *testing.T) {
	t.Parallel()
	p, _ := newTestPipeline(t, StaticToken("t"), answer(200, "not json"))
	c := get(p, "/x", nil)
	c.Check = func() error { return errors.New("checked") }
	if _, err := p.Do(context.Background(), c); err != nil {
		t.Errorf("Do = %v", err)
	}
}

func TestThrottlingAndServerFailuresAreRetriedAndOthersNot(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status    int
		wantCalls int
	}{
		{429, 4}, {500, 4}, {502, 4}, {503, 4}, {501, 1}, {400, 1}, {404, 1}, {409, 1}, {412, 1},
	}
	for _, tt := range tests {
		p, s := newTestPipeline(t, StaticToken("t"), answer(tt.status, `{}`))
		_, err := p.Do(context.Background(), get(p, "/x", nil))
		var apiErr *apiError
		if !errors.As(err, &apiErr) || apiErr.status != tt.status || s.count() != tt.wantCalls {
			t.Errorf("HTTP %d: %v after %d calls, want its error after %d", tt.status, err, s.count(), tt.wantCalls)
		}
	}
}

func TestACallNotToSendTwiceIsRetriedOnlyWhenThrottled(t *testing.T) {
	t.Parallel()
	p, s := newTestPipeline(t, StaticToken("t"), answer(503, `{}`), answer(200, `{}`))
	if _, err := p.Do(OnlyThrottlingRetried(context.Background()), get(p, "/x", nil)); err == nil || s.count() != 1 {
		t.Errorf("a 503: %v after %d calls, want it returned after 1", err, s.count())
	}
	p, s = newTestPipeline(t, StaticToken("t"), answer(429, `{}`, "Retry-After", "0"), answer(200, `{}`))
	if _, err := p.Do(OnlyThrottlingRetried(context.Background()), get(p, "/x", nil)); err != nil || s.count() != 2 {
		t.Errorf("a 429: %v after %d calls, want success after 2", err, s.count())
	}
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	u, _ := url.Parse(closed.URL)
	p, _ = newTestPipeline(t, StaticToken("t"), answer(200, `{}`))
	p.base = u
	start := time.Now()
	if _, err := p.Do(OnlyThrottlingRetried(context.Background()), get(p, "/x", nil)); err == nil || time.Since(start) > time.Second {
		t.Errorf("a lost connection: %v after %s, want it returned at once", err, time.Since(start))
	}
}

func TestRetryLimitsBoundWhatOneCallWaitsFor(t *testing.T) {
	t.Parallel()
	long := answer(429, `{}`, "Retry-After", "300")
	short := answer(429, `{}`, "Retry-After", "0")
	failing := answer(503, `{}`)
	tests := []struct {
		name      string
		answers   []func(http.ResponseWriter, *http.Request)
		limits    RetryLimits
		wantCalls int
		wantErr   bool
	}{
		{"a long Retry-After is not waited for", []func(http.ResponseWriter, *http.Request){long}, RetryLimits{MaxRetries: 1, MaxRetryAfter: 5 * time.Second}, 1, true},
		{"a short Retry-After is waited for", []func(http.ResponseWriter, *http.Request){short, answer(200, `{}`)}, RetryLimits{MaxRetries: 1, MaxRetryAfter: 5 * time.Second}, 2, false},
		{"one retry at most is made", []func(http.ResponseWriter, *http.Request){failing}, RetryLimits{MaxRetries: 1, MaxRetryAfter: time.Second}, 2, true},
		{"no retry is made when none is allowed", []func(http.ResponseWriter, *http.Request){failing}, RetryLimits{}, 1, true},
		{"a Retry-After of exactly the longest wait is waited for", []func(http.ResponseWriter, *http.Request){short, answer(200, `{}`)}, RetryLimits{MaxRetries: 1}, 2, false},
	}
	for _, tt := range tests {
		p, s := newTestPipeline(t, StaticToken("t"), tt.answers...)
		_, err := p.Do(WithRetryLimits(context.Background(), tt.limits), get(p, "/x", nil))
		if (err != nil) != tt.wantErr || s.count() != tt.wantCalls {
			t.Errorf("%s: %v after %d calls, want %d calls (error: %v)", tt.name, err, s.count(), tt.wantCalls, tt.wantErr)
		}
	}
}

func TestRetryAfterIsWaitedUpToTheCap(t *testing.T) {
	t.Parallel()
	p, s := newTestPipeline(t, StaticToken("t"), answer(429, `{}`, "Retry-After", "86400"), answer(200, `{}`))
	start := time.Now()
	if _, err := p.Do(context.Background(), get(p, "/x", nil)); err != nil || s.count() != 2 {
		t.Fatalf("Do = %v after %d calls", err, s.count())
	}
	if took := time.Since(start); took < 50*time.Millisecond || took > 2*time.Second {
		t.Errorf("took %s, want the 50 ms cap", took)
	}
}

func TestACallTheContextEndsSaysWhatItWaitedFor(t *testing.T) {
	t.Parallel()
	p, _ := newTestPipeline(t, StaticToken("t"), answer(429, `{}`, "Retry-After", "1"))
	p.http.Backoff = Backoff(time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := p.Do(ctx, get(p, "/x", nil))
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(),
		"GET /x (X-Call-Id: ") || !strings.Contains(err.Error(), "): timed out after ") ||
		!strings.Contains(err.Error(), "while Test API answered 429 Too Many Requests (Retry-After 1 s, 1 attempt)") {
		t.Errorf("err = %v", err)
	}
	cancelled, stop := context.WithCancel(context.Background())
	stop()
	if _, err := p.Do(cancelled, get(p, "/x", nil)); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled call: %v", err)
	}
}

func TestAnUnreachableAPIIsNamedWithItsHost(t *testing.T) {
	t.Parallel()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	u, _ := url.Parse(closed.URL)
	p, _ := newTestPipeline(t, StaticToken("t"), answer(200, `{}`))
	p.base = u
	p.http.RetryMax = 0
	_, err := p.Do(context.Background(), get(p, "/x", nil))
	if err == nil || !strings.Contains(err.Error(), "GET /x: could not reach Test API at "+u.Host+" (X-Call-Id: ") || UnreachableHost(err) != u.Host {
		t.Errorf("err = %v", err)
	}
}

func TestATokenThatCannotBeHadFailsTheCallBeforeItIsSent(t *testing.T) {
	t.Parallel()
	p, s := newTestPipeline(t, failingTokens{}, answer(200, `{}`))
	_, err := p.Do(context.Background(), get(p, "/x", nil))
	if err == nil || err.Error() != "GET /x: getting a Test API token: no token today" || s.count() != 0 {
		t.Errorf("err = %v after %d calls", err, s.count())
	}
}

// onceTokens hands out one token, then fails: a retry cannot get one.
type onceTokens struct{ n atomic.Int32 }

func (o *onceTokens) Token(context.Context) (string, error) {
	if o.n.Add(1) == 1 {
		return "first", nil
	}
	return "", errors.New("expired and not renewable")
}

func TestARetryWithoutATokenEndsTheCall(t *testing.T) {
	t.Parallel()
	p, s := newTestPipeline(t, &onceTokens{}, answer(503, `{}`), answer(200, `{}`))
	_, err := p.Do(context.Background(), get(p, "/x", nil))
	if err == nil || !strings.Contains(err.Error(), "getting a Test API token for a retry: expired and not renewable") ||
		!strings.Contains(err.Error(), "GET /x (X-Call-Id: ") || s.count() != 1 {
		t.Errorf("err = %v after %d calls", err, s.count())
	}
}

func TestABodyThatCannotBeEncodedIsNeverSent(t *testing.T) {
	t.Parallel()
	p, s := newTestPipeline(t, StaticToken("t"), answer(200, `{}`))
	c := get(p, "/x", nil)
	c.Method, c.In = http.MethodPost, map[string]any{"f": func() {}}
	if _, err := p.Do(context.Background(), c); err == nil || !strings.HasPrefix(err.Error(), "POST /x: encoding the request: ") || s.count() != 0 {
		t.Errorf("err = %v after %d calls", err, s.count())
	}
	c = get(p, "/x", nil)
	c.Method = "BAD METHOD"
	if _, err := p.Do(context.Background(), c); err == nil || !strings.HasPrefix(err.Error(), "BAD METHOD /x: ") || s.count() != 0 {
		t.Errorf("a request that cannot be built: %v after %d calls", err, s.count())
	}
}

func TestAnAnswerCutShortIsAReadingFailure(t *testing.T) {
	t.Parallel()
	p, _ := newTestPipeline(t, StaticToken("t"), func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", "100")
		w.WriteHeader(200)
		_, _ = w.Write([]byte(`{"a":`))
	})
	_, err := p.Do(context.Background(), get(p, "/x", &map[string]any{}))
	if err == nil || !strings.HasPrefix(err.Error(), "GET /x: reading response (HTTP 200, X-Call-Id: ") || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("err = %v", err)
	}
}

func TestTheBaseURLIsACopy(t *testing.T) {
	t.Parallel()
	p, _ := newTestPipeline(t, StaticToken("t"), answer(200, `{}`))
	u := p.BaseURL()
	u.Path = "/changed"
	if p.BaseURL().Path == "/changed" {
		t.Error("changing the copy changed the pipeline's base URL")
	}
}

func TestALinkIsFollowedOnlyOnTheBaseURLsOrigin(t *testing.T) {
	t.Parallel()
	base, _ := url.Parse("https://api.example.test")
	p, err := NewPipeline(PipelineConfig{API: testAPI, BaseURL: base, Tokens: StaticToken("t"), HTTPClient: http.DefaultClient})
	if err != nil {
		t.Fatal(err)
	}
	if u, err := p.Link("/v1/next?page=2", "base_url"); err != nil || u.String() != "https://api.example.test/v1/next?page=2" {
		t.Errorf("a relative link: %v, %v", u, err)
	}
	if _, err := p.Link("https://elsewhere.example/v1/x", "base_url"); err == nil || err.Error() != "the link https://elsewhere.example/v1/x "+
		"that Test API gave leaves api.example.test: it is not followed, so that the token travels only to the Test API endpoint "+
		"configured (base_url)" {
		t.Errorf("a link elsewhere: %v", err)
	}
	if _, err := p.Link("https://[::1", "base_url"); err == nil || !strings.HasPrefix(err.Error(), `the link "https://[::1" that Test API gave is not a URL: `) {
		t.Errorf("a link that is no URL: %v", err)
	}
}

// A retry is logged with the call's ids (the first attempt is the transport's own log line).
func TestARetryIsLoggedWithTheCallsIDs(t *testing.T) {
	t.Parallel()
	p, _ := newTestPipeline(t, StaticToken("t"), answer(503, `{}`), answer(200, `{}`))
	var logs bytes.Buffer
	ctx := context.WithValue(tflogtest.RootLogger(context.Background(), &logs), traceKey{}, "trace-9")
	if _, err := p.Do(ctx, get(p, "/x", nil)); err != nil {
		t.Fatal(err)
	}
	entries, err := tflogtest.MultilineJSONDecode(&logs)
	if err != nil {
		t.Fatal(err)
	}
	var retries []map[string]any
	for _, e := range entries {
		if e["@message"] == "Retrying Test API request" {
			retries = append(retries, e)
		}
	}
	if len(retries) != 1 || retries[0]["retry"] != float64(1) || retries[0]["X-Trace"] != "trace-9" ||
		retries[0]["X-Call-Id"] == "" || retries[0]["path"] != "/x" || retries[0]["method"] != "GET" {
		t.Errorf("retry log lines: %v, want one for retry 1 with the call's ids", retries)
	}
}
