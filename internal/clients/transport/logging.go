// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// secretPatterns match credentials wherever they might show in a logged value: bearer tokens and
// the secret fields of OAuth2 token requests and answers.
var secretPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)bearer\s+[^\s"',]+`),
	regexp.MustCompile(`(?i)((?:access|refresh|id)_token|client_secret|client_assertion|password)(["']?\s*[:=]\s*["']?)[^\s"'&,]+`),
}

// RedactCredentials replaces the credentials in s that secretPatterns recognise by their form
// (bearer tokens, OAuth2 secrets and tokens in a form body or JSON) with "***", for text that
// leaves the process in an error rather than a log.
func RedactCredentials(s string) string {
	for _, re := range secretPatterns {
		s = re.ReplaceAllStringFunc(s, redactMatch(re))
	}
	return s
}

// redactMatch keeps the name and separator a pattern matched ("client_secret=") and masks the value.
func redactMatch(re *regexp.Regexp) func(string) string {
	return func(m string) string {
		sub := re.FindStringSubmatch(m)
		if len(sub) == 3 {
			return sub[1] + sub[2] + "***"
		}
		if name, _, ok := strings.Cut(m, " "); ok {
			return name + " ***"
		}
		return "***"
	}
}

// maskSecrets returns a context whose tflog calls mask credentials. The framework gives every RPC
// a fresh context, so masking is set here, for each request, rather than once in Configure.
func maskSecrets(ctx context.Context) context.Context {
	ctx = tflog.MaskFieldValuesWithFieldKeys(ctx, "Authorization")
	ctx = tflog.MaskAllFieldValuesRegexes(ctx, secretPatterns...)
	return tflog.MaskMessageRegexes(ctx, secretPatterns...)
}

// loggingTransport logs each HTTP attempt through tflog: a summary at DEBUG, headers and bodies
// at TRACE when the provider logs at TRACE (copying and masking bodies costs more than a call's
// own work at partner scale, so it is not done for a log that drops them). api names the service
// in the messages ("Partner Center", "Microsoft Graph").
type loggingTransport struct {
	next  http.RoundTripper
	trace bool
	api   string
}

// requestIDHeaders are the headers that identify a call to a support case: Partner Center's
// MS-RequestId and MS-CorrelationId, Microsoft Graph's client-request-id. Each is logged when sent.
var requestIDHeaders = []string{"MS-RequestId", "MS-CorrelationId", "client-request-id"}

// providerLogsTrace reports whether terraform-plugin-log writes the provider's TRACE entries,
// which it decides from these variables.
func providerLogsTrace() bool {
	for _, env := range []string{"TF_LOG_PROVIDER", "TF_LOG"} {
		if v := os.Getenv(env); v != "" {
			return strings.EqualFold(v, "TRACE") || strings.EqualFold(v, "JSON")
		}
	}
	return false
}

// RoundTrip logs req and its response around the wrapped transport.
func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := maskSecrets(req.Context())
	fields := map[string]any{"method": req.Method, "url": req.URL.String()}
	for _, h := range requestIDHeaders {
		if v := req.Header.Get(h); v != "" {
			fields[h] = v
		}
	}
	tflog.Debug(ctx, "Sending "+t.api+" request", fields)
	if t.trace {
		var body string
		req, body = requestBody(req)
		tflog.Trace(ctx, t.api+" request detail", map[string]any{"headers": redactedHeaders(req.Header), "body": body})
	}
	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	fields["duration_ms"] = time.Since(start).Milliseconds()
	if err != nil {
		fields["error"] = err.Error()
		tflog.Debug(ctx, t.api+" request failed", fields)
		return nil, err
	}
	fields["status"] = resp.StatusCode
	// The service's own id for the call (Graph's request-id; Partner Center echoes MS-RequestId):
	// what a support case asks for, of a throttled or failed attempt retried since too.
	if id := resp.Header.Get("request-id"); id != "" {
		fields["response_request_id"] = id
	}
	tflog.Debug(ctx, "Received "+t.api+" response", fields)
	if t.trace {
		tflog.Trace(ctx, t.api+" response detail", map[string]any{"headers": redactedHeaders(resp.Header), "body": responseBody(resp)})
	}
	return resp, nil
}

func redactedHeaders(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k := range h {
		out[k] = h.Get(k)
	}
	if _, ok := out["Authorization"]; ok {
		out["Authorization"] = "Bearer <redacted>"
	}
	return out
}

// requestBody reads the body for the log and returns a copy of req that sends the same bytes.
// (GetBody cannot be used for the log: some clients, such as Azure's, hand back the very reader
// the request will send.)
func requestBody(req *http.Request) (*http.Request, string) {
	if req.Body == nil || req.Body == http.NoBody {
		return req, ""
	}
	b, err := io.ReadAll(req.Body)
	_ = req.Body.Close()
	clone := req.Clone(req.Context())
	var rest io.Reader = bytes.NewReader(b)
	if err != nil {
		rest = io.MultiReader(rest, errReader{err})
	}
	clone.Body = io.NopCloser(rest)
	return clone, string(b)
}

// responseBody reads up to MaxResponseBytes of the body for the log and puts them back before the
// unread rest, so that the caller reads the very bytes it would have read unlogged (and can tell
// a body longer than the limit); a read error (a connection reset mid-body) is handed on to the
// caller after the bytes that did arrive.
func responseBody(resp *http.Response) string {
	if resp.Body == nil {
		return ""
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, MaxResponseBytes))
	rest := resp.Body
	if err != nil {
		rest = io.NopCloser(errReader{err})
	}
	resp.Body = readCloser{io.MultiReader(bytes.NewReader(b), rest), resp.Body}
	return string(b)
}

// readCloser reads from one reader and closes another: a body put back after logging.
type readCloser struct {
	io.Reader
	io.Closer
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }
