// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Bounds of a listing that does not end: pages in a row that bring no item not listed before
// (empty, or repeating earlier ones) while Graph still links to another, and pages in all (300
// relationships each: far beyond any partner's estate).
const (
	maxStalePages = 5
	maxPages      = 1000
)

// listing is one collection to read page after page: what it lists (for errors), and how one
// item of a page becomes the client's.
type listing[T any] struct {
	// what names the collection in errors: "GDAP relationships".
	what string
	// item turns one element of a page's value array into the client's type, or says what makes
	// it unusable; key names it, in any case, so that an item repeated across pages is listed once.
	item func(raw json.RawMessage) (*T, error)
	key  func(*T) string
	// limit, when above 0, stops the listing at that many items: no page is read once it has them.
	limit int
}

// list reads every page of l from first, following @odata.nextLink. A page that is not a
// collection, an item the listing cannot use, a link seen before or off the configured endpoint,
// and paging that brings nothing new page after page are errors: an answer the client cannot
// trust is never taken for a shorter list.
func list[T any](ctx context.Context, c *Client, first *url.URL, l listing[T]) ([]T, error) {
	target := first
	seenLinks, seenKeys := map[string]bool{target.String(): true}, map[string]bool{}
	var out []T
	for page, stale := 1, 0; ; page++ {
		got, err := readPage(ctx, c, target, l)
		if err != nil {
			return nil, err
		}
		fresh := 0
		for i := range got.items {
			if key := strings.ToLower(l.key(&got.items[i])); !seenKeys[key] {
				seenKeys[key] = true
				out = append(out, got.items[i])
				fresh++
			}
		}
		full := l.limit > 0 && len(out) >= l.limit
		if full {
			out = out[:l.limit]
		}
		if got.next == "" || full {
			return out, nil
		}
		if stale = staleRun(stale, fresh); stale >= maxStalePages || page >= maxPages {
			return nil, fmt.Errorf("listing %s: Microsoft Graph still links to another page after %d pages, the last %d of "+
				"which brought nothing not listed before: its paging does not end (%d read) [request-id: %s]",
				l.what, page, stale, len(out), got.requestID)
		}
		if target, err = c.link(got.next); err != nil {
			return nil, fmt.Errorf("listing %s, page %d [request-id: %s]: %w", l.what, page, got.requestID, err)
		}
		if seenLinks[target.String()] {
			return nil, fmt.Errorf("listing %s: Microsoft Graph linked to a page it had already given (%s), so the list "+
				"would never end; %d were read before it [request-id: %s]", l.what, target.Redacted(), len(out), got.requestID)
		}
		seenLinks[target.String()] = true
	}
}

// staleRun is the run of pages without a fresh item, after a page that brought fresh.
func staleRun(run, fresh int) int {
	if fresh == 0 {
		return run + 1
	}
	return 0
}

type listPage[T any] struct {
	items     []T
	next      string
	requestID string // Graph's request-id of the page, for errors about what it linked to
}

// readPage reads one page of l.
func readPage[T any](ctx context.Context, c *Client, target *url.URL, l listing[T]) (*listPage[T], error) {
	var raw struct {
		Value    *[]json.RawMessage `json:"value"`
		NextLink string             `json:"@odata.nextLink"`
	}
	got := &listPage[T]{}
	header, err := c.do(ctx, call{method: http.MethodGet, target: target, out: &raw, check: func() error {
		if raw.Value == nil {
			return errors.New("it holds no value array, so it is no page of " + l.what)
		}
		for _, v := range *raw.Value {
			item, err := l.item(v)
			if err != nil {
				return err
			}
			got.items = append(got.items, *item)
		}
		got.next = raw.NextLink
		return nil
	}})
	if err != nil {
		return nil, err
	}
	got.requestID = header.Get(headerRequestID)
	return got, nil
}
