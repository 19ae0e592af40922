// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

const (
	headerRequestID     = "MS-RequestId"
	headerCorrelationID = "MS-CorrelationId"
)

// bom is the UTF-8 byte-order mark the real service puts before JSON bodies.
var bom = []byte{0xEF, 0xBB, 0xBF}

// writeJSON answers with a BOM and v as JSON, as Partner Center does.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(append(append([]byte{}, bom...), b...))
}

// writeJSONPlain answers with JSON and no BOM, as Entra ID does.
func writeJSONPlain(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// errorBody is Partner Center's error shape. Code is a number in most answers and a string in
// some, so it is typed any.
type errorBody struct {
	Code        any      `json:"code"`
	Description string   `json:"description"`
	Data        []string `json:"data"`
	Source      string   `json:"source"`
}

func writeError(w http.ResponseWriter, status int, code any, description string, data ...string) {
	if data == nil {
		data = []string{}
	}
	writeJSON(w, status, errorBody{Code: code, Description: description, Data: data, Source: "PartnerFD"})
}

// writeThrottled answers 429 in the throttling shape, with Retry-After in whole seconds.
func writeThrottled(w http.ResponseWriter, retryAfter time.Duration) {
	secs := formatSeconds(retryAfter)
	w.Header().Set("Retry-After", secs)
	writeJSON(w, http.StatusTooManyRequests, map[string]any{
		"statusCode": http.StatusTooManyRequests,
		"message":    "Rate limit is exceeded. Try again in " + secs + " seconds.",
	})
}

func newGUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return formatGUID(b[:])
}

// formatGUID writes 16 bytes as a version-4 GUID, setting its version and variant bits.
func formatGUID(b []byte) string {
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// newETag makes an opaque ETag shaped like the real ones (a signed 64-bit number).
func newETag() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	var n int64
	for _, x := range b {
		n = n<<8 | int64(x)
	}
	return strconv.FormatInt(n, 10)
}
