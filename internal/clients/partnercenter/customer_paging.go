// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// HeaderContinuationToken carries the position of the next page in Partner Center's seek paging.
const HeaderContinuationToken = "MS-ContinuationToken"

// Bounds on one listing, so that paging which never ends fails instead of running until the
// operation's timeout.
const (
	// maxCustomerPages is 1,000,000 customers in pages of 500, far beyond any partner's estate.
	maxCustomerPages = 2000
	// maxStalePages is how many pages in a row may bring no customer not listed before, repeated
	// or empty. A page boundary that moves between requests repeats a few customers, never whole
	// pages, and a listing that goes on offering empty pages with fresh continuation tokens ends
	// no sooner than one that repeats itself.
	maxStalePages = 3
)

// link is one entry of a Partner Center answer's links, such as links.next: a request to send as
// it is, headers included. The next page's link carries MS-ContinuationToken in its headers.
type link struct {
	URI     string       `json:"uri"`
	Method  string       `json:"method"`
	Headers []linkHeader `json:"headers"`
}

type linkHeader struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// PagingError says that the pages of a collection could not be followed to the end: the next-page
// link was unusable, Partner Center refused it or its continuation token, or the pages never end.
type PagingError struct {
	// Page is the page that could not be had; the first page is 1.
	Page int
	// Problem says what went wrong.
	Problem string
	// Err is Partner Center's answer when it refused the page, an *APIError.
	Err error
}

// Error names the page and the problem, and Partner Center's answer with its request ids.
func (e *PagingError) Error() string {
	msg := fmt.Sprintf("page %d: %s", e.Page, e.Problem)
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns Partner Center's answer, if any.
func (e *PagingError) Unwrap() error { return e.Err }

// isRefusedToken reports whether err is Partner Center answering 400 to a next-page request: the
// continuation token it issued is no longer accepted.
func isRefusedToken(err error) bool {
	var pe *PagingError
	return errors.As(err, &pe) && pe.Page > 1 && hasStatus(pe.Err, http.StatusBadRequest)
}

// pager follows one listing's pages and keeps what tells a listing that ends from one that loops.
type pager struct {
	page      int // the page being read, 1 for the first
	maxPages  int
	seenIDs   map[string]bool
	seenLinks map[string]bool
	stale     int // pages in a row that brought no id not seen before
}

func newPager(maxPages int) *pager {
	return &pager{page: 1, maxPages: maxPages, seenIDs: map[string]bool{}, seenLinks: map[string]bool{}}
}

// firstSight reports whether id is new to this listing. Ids compare without regard to case, as
// GUIDs do.
func (p *pager) firstSight(id string) bool {
	key := strings.ToLower(id)
	if p.seenIDs[key] {
		return false
	}
	p.seenIDs[key] = true
	return true
}

// failed explains a failed request. A next page that Partner Center answers with 400 (it refuses
// the continuation token) or 404 (the link leads nowhere) is a paging problem; anything else, such
// as throttling that outlasted the retries, is returned as it is.
func (p *pager) failed(err error) error {
	refused := hasStatus(err, http.StatusBadRequest) || hasStatus(err, http.StatusNotFound)
	if p.page == 1 || !refused {
		return err
	}
	return &PagingError{Page: p.page, Problem: "Partner Center refused the next-page link or its continuation token", Err: err}
}

// follow turns the next link of the page just read, which brought fresh customers not listed
// before, into the request for the next page, or says why the listing must stop.
func (p *pager) follow(base *url.URL, next link, fresh int) (call, error) {
	if fresh > 0 {
		p.stale = 0
	} else {
		p.stale++
	}
	p.page++
	if p.stale >= maxStalePages {
		return call{}, &PagingError{Page: p.page, Problem: fmt.Sprintf(
			"the last %d pages brought no customer not listed before (they were empty or repeated earlier ones) "+
				"and Partner Center still offers a next page: its paging loops", p.stale)}
	}
	if p.page > p.maxPages {
		return call{}, &PagingError{Page: p.page, Problem: fmt.Sprintf(
			"Partner Center still offers a next page after %d pages: its paging does not end", p.maxPages)}
	}
	cl, err := nextPageCall(base, next)
	if err != nil {
		return call{}, &PagingError{Page: p.page, Problem: err.Error()}
	}
	key := cl.path + "?" + cl.query + "\n" + cl.header.Get(HeaderContinuationToken)
	if p.seenLinks[key] {
		return call{}, &PagingError{Page: p.page, Problem: "Partner Center offered the same next-page link and continuation token twice: its paging loops"}
	}
	p.seenLinks[key] = true
	return cl, nil
}

// nextPageCall is the request a next link describes. Partner Center writes the link's uri with
// or without the /v1 prefix ("/v1/customers?seekOperation=Next" or "/customers?..."), so the path
// gets /v1 exactly once; the query is sent as written; every header the link lists is sent, but
// the bearer token stays the client's own.
func nextPageCall(base *url.URL, next link) (call, error) {
	if next.Method != "" && !strings.EqualFold(next.Method, http.MethodGet) {
		return call{}, fmt.Errorf("the next-page link asks for %s, where a page is read with GET", next.Method)
	}
	u, err := url.Parse(next.URI)
	if err != nil {
		return call{}, fmt.Errorf("the next-page link %q is not a URI: %w", next.URI, err)
	}
	if u.IsAbs() && !strings.EqualFold(u.Host, base.Host) {
		// Following it would send the access token to another host.
		return call{}, fmt.Errorf("the next-page link %q leads away from %s and is not followed", next.URI, base.Host)
	}
	rel := u.Path
	if u.IsAbs() {
		rel = strings.TrimPrefix(rel, base.Path) // an absolute link repeats the base URL's own path
	}
	rel = strings.TrimPrefix(rel, "/")
	if rel == "" {
		return call{}, fmt.Errorf("the next-page link %q names no collection", next.URI)
	}
	if !strings.HasPrefix(strings.ToLower(rel), "v1/") {
		rel = "v1/" + rel
	}
	h := http.Header{}
	for _, kv := range next.Headers {
		if kv.Key == "" || strings.EqualFold(kv.Key, "Authorization") {
			continue
		}
		h.Set(kv.Key, kv.Value)
	}
	if h.Get(HeaderContinuationToken) == "" {
		return call{}, fmt.Errorf("the next-page link %q carries no %s header, without which Partner Center cannot continue the listing",
			next.URI, HeaderContinuationToken)
	}
	return call{method: http.MethodGet, path: "/" + rel, query: u.RawQuery, header: h}, nil
}
