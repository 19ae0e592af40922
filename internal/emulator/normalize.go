// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize reshapes a decoded JSON value the way the service's serializer does: keys in
// camelCase whatever case they were sent in (the docs send PascalCase), null fields left out.
func normalize(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, val := range t {
			if val == nil {
				continue
			}
			out[camelCase(k)] = normalize(val)
		}
		return out
	case []any:
		for i := range t {
			t[i] = normalize(t[i])
		}
		return t
	default:
		return v
	}
}

func camelCase(k string) string {
	if strings.ToUpper(k) == k {
		return strings.ToLower(k) // "ID" → "id"
	}
	r, size := utf8.DecodeRuneInString(k)
	return string(unicode.ToLower(r)) + k[size:]
}
