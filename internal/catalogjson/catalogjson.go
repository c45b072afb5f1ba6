// Package catalogjson writes catalog.json: the whole errdex catalog as one
// public, machine-readable JSON file at the root of the site
// (https://errdex.github.io/errdex/catalog.json), for tools that want the
// data rather than the pages.
//
// # Schema (version 1)
//
// Keys are always present except those marked "optional", which are left
// out when empty. Lists are never null. Markdown fields hold the Markdown
// source from content/ (inline code in backticks, links); everything else
// is plain text. "url" is absolute; "path" is relative to the site's base
// and is stable: a code's path never changes once published.
//
//	{
//	  "version": 1,                      // this schema; bumped only on breaking changes
//	  "site": "https://errdex.github.io/errdex/",
//	  "providers": [{
//	    "id": "clore",                   // stable id, first URL segment
//	    "name": "Clore.ai",
//	    "summary": "...",
//	    "homepage": "https://clore.ai",  // optional
//	    "base_url": "https://...",       // optional: documented API base URL
//	    "url": "https://errdex.github.io/errdex/clore/", "path": "clore/",
//	    "docs": [{"title": "...", "url": "https://..."}],
//	    "envelope": {                    // JSON paths into the error body, first present wins;
//	                                     // "a.b" steps into objects, "a[].b" into each array element
//	      "code": ["code"], "message": [...], "request_id": [...],
//	      "details": [...], "type": [...], "retry_after": [...],
//	      "indirect": {"when": "6", "field": "error"}  // optional: a code equal to "when"
//	                                                    // means "the real code is in field"
//	    },
//	    "detect": {"hosts": [...], "headers": [...], "sdk": [...]},
//	    "auth": {"header": "Authorization", "scheme": "Bearer",  // scheme optional
//	             "alt_headers": [...], "key_prefixes": ["oc_live_"]},
//	    "rate_limit": {"summary": "...", "headers": [...],        // summary optional
//	                   "reset_header": "X-RateLimit-Reset",        // optional
//	                   "reset_unit": "epoch" | "seconds"},         // optional
//	    "retry": "...",                  // general retry guidance, plain text
//	    "results": [{"code": "0", "status": 200, "title": "...", "meaning": "..."}],
//	                                     // documented non-error responses; code/status optional
//	    "codes": [{
//	      "code": "not_enough_balance",  // exactly as the provider sends it
//	      "aliases": [...],
//	      "slug": "not_enough_balance",  // URL segment
//	      "statuses": [402],             // HTTP statuses; empty unless signal is "http"
//	      "signal": "http" | "stream" | "varies",
//	                                     // stream: inside a 200 SSE stream; varies: status not documented
//	      "category": "payment",         // a name from "categories"
//	      "retry": {
//	        "retryable": "yes" | "no" | "unknown",  // unknown: the docs are silent
//	        "wait_seconds": 600,         // optional: documented fixed wait
//	        "wait_fields": [...],        // body fields carrying the wait, in seconds
//	        "max_attempts": 3,           // optional
//	        "backoff": "exponential",    // optional, in words
//	        "note": "..."                // optional: the documented rule
//	      },
//	      "title": "...",
//	      "meaning": "...",              // Markdown
//	      "causes": ["..."],             // Markdown
//	      "fix": ["..."],                // Markdown, steps in order
//	      "variants": [{"name": "...", "match": ["lower-case substring", ...],
//	                    "category": "...", "retryable": "yes" | "no" | "unknown",
//	                    "title": "...", "meaning": "...", "fix": ["..."]}],
//	      "related": ["provider/slug", ...],
//	      "examples": [{"title": "...",          // optional
//	                    "status": 429,           // optional
//	                    "headers": ["Name: value"],
//	                    "stream": true,          // optional: body is one SSE chunk
//	                    "body": "{...}",         // as documented
//	                    "source": "https://..."  // optional
//	                  }],
//	      "url": "https://errdex.github.io/errdex/clore/not_enough_balance/",
//	      "path": "clore/not_enough_balance/"
//	    }]
//	  }],
//	  "categories": [{"name": "rate_limit", "title": "...", "summary": "...",
//	                  "retryable": "yes" | "no" | "unknown", "advice": "...",
//	                  "order": 8, "url": "...", "path": "categories/rate_limit/"}]
//	}
//
// Providers are sorted by id, codes keep their order in content/, and
// categories are in their documented order. The output is byte-identical for
// the same content.
package catalogjson

import (
	"bytes"
	"encoding/json"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/internal/siteurl"
	"github.com/errdex/errdex/wasm/catalog"
)

// Version is the schema version written as "version".
const Version = 1

// File is the file's path relative to the site's base.
const File = "catalog.json"

// Catalog is the top-level object.
type Catalog struct {
	Version    int        `json:"version"`
	Site       string     `json:"site"`
	Providers  []Provider `json:"providers"`
	Categories []Category `json:"categories"`
}

// Provider is one provider and its codes.
type Provider struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Summary   string    `json:"summary"`
	Homepage  string    `json:"homepage,omitempty"`
	BaseURL   string    `json:"base_url,omitempty"`
	URL       string    `json:"url"`
	Path      string    `json:"path"`
	Docs      []Link    `json:"docs"`
	Envelope  Envelope  `json:"envelope"`
	Detect    Detect    `json:"detect"`
	Auth      Auth      `json:"auth"`
	RateLimit RateLimit `json:"rate_limit"`
	Retry     string    `json:"retry"`
	Results   []Result  `json:"results"`
	Codes     []Code    `json:"codes"`
}

// Link is a titled URL.
type Link struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// Envelope names the error body's fields as JSON paths.
type Envelope struct {
	Code       []string  `json:"code"`
	Message    []string  `json:"message"`
	RequestID  []string  `json:"request_id"`
	Details    []string  `json:"details"`
	Type       []string  `json:"type"`
	RetryAfter []string  `json:"retry_after"`
	Indirect   *Indirect `json:"indirect,omitempty"`
}

// Indirect says that a code equal to When means the real code is in Field.
type Indirect struct {
	When  string `json:"when"`
	Field string `json:"field"`
}

// Detect lists a provider's fingerprints.
type Detect struct {
	Hosts   []string `json:"hosts"`
	Headers []string `json:"headers"`
	SDK     []string `json:"sdk"`
}

// Auth is how requests authenticate.
type Auth struct {
	Header      string   `json:"header"`
	Scheme      string   `json:"scheme,omitempty"`
	AltHeaders  []string `json:"alt_headers"`
	KeyPrefixes []string `json:"key_prefixes"`
}

// RateLimit is the documented rate limiting.
type RateLimit struct {
	Summary     string   `json:"summary,omitempty"`
	Headers     []string `json:"headers"`
	ResetHeader string   `json:"reset_header,omitempty"`
	ResetUnit   string   `json:"reset_unit,omitempty"`
}

// Result is a documented non-error response.
type Result struct {
	Code    string `json:"code,omitempty"`
	Status  int    `json:"status,omitempty"`
	Title   string `json:"title"`
	Meaning string `json:"meaning"`
}

// Code is one error code.
type Code struct {
	Code     string    `json:"code"`
	Aliases  []string  `json:"aliases"`
	Slug     string    `json:"slug"`
	Statuses []int     `json:"statuses"`
	Signal   string    `json:"signal"`
	Category string    `json:"category"`
	Retry    Retry     `json:"retry"`
	Title    string    `json:"title"`
	Meaning  string    `json:"meaning"`
	Causes   []string  `json:"causes"`
	Fix      []string  `json:"fix"`
	Variants []Variant `json:"variants"`
	Related  []string  `json:"related"`
	Examples []Example `json:"examples"`
	URL      string    `json:"url"`
	Path     string    `json:"path"`
}

// Retry is a code's documented retry behaviour.
type Retry struct {
	Retryable   string   `json:"retryable"`
	WaitSeconds float64  `json:"wait_seconds,omitempty"`
	WaitFields  []string `json:"wait_fields"`
	MaxAttempts int      `json:"max_attempts,omitempty"`
	Backoff     string   `json:"backoff,omitempty"`
	Note        string   `json:"note,omitempty"`
}

// Variant is one situation of several that a code covers.
type Variant struct {
	Name      string   `json:"name"`
	Match     []string `json:"match"`
	Category  string   `json:"category"`
	Retryable string   `json:"retryable"`
	Title     string   `json:"title"`
	Meaning   string   `json:"meaning"`
	Fix       []string `json:"fix"`
}

// Example is a documented example response.
type Example struct {
	Title   string   `json:"title,omitempty"`
	Status  int      `json:"status,omitempty"`
	Headers []string `json:"headers"`
	Stream  bool     `json:"stream,omitempty"`
	Body    string   `json:"body"`
	Source  string   `json:"source,omitempty"`
}

// Category is a canonical category.
type Category struct {
	Name      string `json:"name"`
	Title     string `json:"title"`
	Summary   string `json:"summary"`
	Retryable string `json:"retryable"`
	Advice    string `json:"advice"`
	Order     int    `json:"order"`
	URL       string `json:"url"`
	Path      string `json:"path"`
}

// New converts a loaded catalog.
func New(cat *content.Catalog, urls siteurl.URLs) *Catalog {
	out := &Catalog{Version: Version, Site: urls.Abs(""), Providers: []Provider{}, Categories: []Category{}}
	for _, p := range cat.Providers {
		jp := Provider{
			ID: p.ID, Name: p.Name, Summary: p.Summary, Homepage: p.Homepage, BaseURL: p.BaseURL,
			URL: urls.Abs(catalog.ProviderPath(p.ID)), Path: catalog.ProviderPath(p.ID),
			Docs: []Link{},
			Envelope: Envelope{
				Code: list(p.Envelope.Code), Message: list(p.Envelope.Message), RequestID: list(p.Envelope.RequestID),
				Details: list(p.Envelope.Details), Type: list(p.Envelope.Type), RetryAfter: list(p.Envelope.RetryAfter),
			},
			Detect:    Detect{Hosts: list(p.Detect.Hosts), Headers: list(p.Detect.Headers), SDK: list(p.Detect.SDK)},
			Auth:      Auth{Header: p.Auth.Header, Scheme: p.Auth.Scheme, AltHeaders: list(p.Auth.AltHeaders), KeyPrefixes: list(p.Auth.KeyPrefixes)},
			RateLimit: RateLimit{Summary: p.RateLimit.Summary, Headers: list(p.RateLimit.Headers), ResetHeader: p.RateLimit.ResetHeader, ResetUnit: p.RateLimit.ResetUnit},
			Retry:     p.Retry,
			Results:   []Result{},
			Codes:     []Code{},
		}
		if in := p.Envelope.Indirect; in != nil {
			jp.Envelope.Indirect = &Indirect{When: in.When, Field: in.Field}
		}
		for _, d := range p.Docs {
			jp.Docs = append(jp.Docs, Link{Title: d.Title, URL: d.URL})
		}
		for _, r := range p.Results {
			jp.Results = append(jp.Results, Result{Code: r.Code, Status: r.Status, Title: r.Title, Meaning: r.Meaning})
		}
		for _, e := range p.Entries {
			jp.Codes = append(jp.Codes, code(p, e, urls))
		}
		out.Providers = append(out.Providers, jp)
	}
	for _, c := range cat.Categories {
		out.Categories = append(out.Categories, Category{
			Name: c.Name, Title: c.Title, Summary: c.Summary, Retryable: c.Retryable.String(), Advice: c.Advice,
			Order: c.Order, URL: urls.Abs(catalog.CategoryPath(c.Name)), Path: catalog.CategoryPath(c.Name),
		})
	}
	return out
}

func code(p *content.Provider, e *content.Code, urls siteurl.URLs) Code {
	path := catalog.Path(p.ID, e.Slug)
	c := Code{
		Code: e.Code.Code, Aliases: list(e.Aliases), Slug: e.Slug, Statuses: list(e.Statuses),
		Signal: e.Signal.String(), Category: e.Category,
		Retry: Retry{
			Retryable: e.Retry.Retryable.String(), WaitSeconds: e.Retry.WaitSeconds, WaitFields: list(e.Retry.WaitFields),
			MaxAttempts: e.Retry.MaxAttempts, Backoff: e.Retry.Backoff, Note: e.Retry.Note,
		},
		Title: e.Title, Meaning: e.Meaning, Causes: list(e.Causes), Fix: list(e.Fix),
		Variants: []Variant{}, Related: list(e.Related), Examples: []Example{},
		URL: urls.Abs(path), Path: path,
	}
	for _, v := range e.Variants {
		c.Variants = append(c.Variants, Variant{
			Name: v.Name, Match: list(v.Match), Category: v.Category, Retryable: v.Retryable.String(),
			Title: v.Title, Meaning: v.Meaning, Fix: list(v.Fix),
		})
	}
	for _, x := range e.Examples {
		c.Examples = append(c.Examples, Example{
			Title: x.Title, Status: x.Status, Headers: list(x.Headers), Stream: x.Stream, Body: x.Body, Source: x.Source,
		})
	}
	return c
}

// JSON returns the catalog as indented JSON with a trailing newline.
func (c *Catalog) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func list[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
