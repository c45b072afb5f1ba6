// Package catalog is the error catalog as the classifier sees it: providers,
// their error codes and the canonical categories, as plain Go values.
//
// The data is not written here. It is generated from the Markdown files in
// content/ by `make gen` (cmd/sitegen gen) into data_gen.go, so that the
// WebAssembly binary needs no YAML or JSON parser and content/ stays the
// single source of truth. The types in this file are shared: the content
// loader (package content) fills them from content/, the generator prints
// them as Go literals, and the classifier (package classify) reads them.
//
// Fields tagged `gen:"-"` are left out of the generated data, which only the
// classifier reads: it has no use for them, and the playground's binary is
// smaller without them. The site loads content/ itself and has them all.
// For the same reason, the fields that are usually empty come last in
// Code and Retry: the WebAssembly linker starts a new data segment (a few
// bytes each) after every run of zero bytes, and together their zeros make
// one run.
//
// Lookups are by provider id ([Lookup]), by provider and code ([Provider.Code],
// which also accepts a code's aliases) and by category name ([CategoryByName]).
package catalog

// Retryable is a tri-state retry verdict: the documentation may say yes, no,
// or nothing at all.
type Retryable int8

const (
	// RetryUnknown means the provider's documentation is silent.
	RetryUnknown Retryable = iota
	// RetryYes means the provider documents the error as safe to retry.
	RetryYes
	// RetryNo means retrying the same request returns the same error.
	RetryNo
)

// String returns "yes", "no" or "unknown".
func (r Retryable) String() string {
	switch r {
	case RetryYes:
		return "yes"
	case RetryNo:
		return "no"
	}
	return "unknown"
}

// Signal says how an error code reaches the client.
type Signal int8

const (
	// SignalHTTP: the code comes with a non-2xx HTTP status (Statuses).
	SignalHTTP Signal = iota
	// SignalStream: the code arrives inside a stream whose HTTP status was
	// already 200, so output may have been produced before it.
	SignalStream
	// SignalBody: the code is in the body and the HTTP status varies or is
	// not documented (Clore.ai's code 6 strings).
	SignalBody
)

// String returns "http", "stream" or "varies".
func (s Signal) String() string {
	switch s {
	case SignalStream:
		return "stream"
	case SignalBody:
		return "varies"
	}
	return "http"
}

// Link is a titled URL.
type Link struct {
	Title string
	URL   string
}

// Provider is one API provider and everything needed to recognise and explain
// its errors.
type Provider struct {
	ID      string // stable id, also the first segment of its pages' URLs
	Name    string // display name
	Summary string `gen:"-"` // one line: what the provider is
	BaseURL string // documented API base URL
	Docs    []Link `gen:"-"` // the provider's own documentation

	Envelope  Envelope
	Detect    Detect
	Auth      Auth
	RateLimit RateLimit
	Retry     string `gen:"-"` // general retry guidance, one paragraph of plain text

	Codes   []Code
	Results []Result // documented non-error results (success, still running)
}

// Envelope names the JSON fields of the provider's error body. Each field is a
// list of paths, tried in order; the first that is present wins. A path is a
// dot-separated list of object keys; a segment ending in "[]" steps into every
// element of an array ("choices[].error.code").
type Envelope struct {
	Code       []string
	Message    []string
	RequestID  []string
	Details    []string
	Type       []string
	RetryAfter []string // body fields that carry a wait in seconds
	// Indirect, when set, says that a code equal to Indirect.When is only a
	// pointer: the real code is the string in Indirect.Field (Clore.ai's code
	// 6 with its "error" string).
	Indirect *Indirect
}

// Indirect is an envelope's pointer from a generic code to a detail field.
type Indirect struct {
	When  string
	Field string
}

// Detect holds the provider's fingerprints, beyond its envelope and codes.
type Detect struct {
	Hosts   []string // host names of the API and its docs, lower case
	Headers []string // header names only this provider sends or expects, lower case
	SDK     []string // text that SDK exceptions and logs of this provider contain
}

// Auth describes how requests authenticate, which also tells the redactor what
// to mask.
type Auth struct {
	Header      string   // header carrying the key, e.g. "Authorization"
	Scheme      string   `gen:"-"` // scheme before the key, e.g. "Bearer"; empty for a raw key
	AltHeaders  []string // other accepted headers, e.g. "X-Api-Key"
	KeyPrefixes []string // documented key prefixes, e.g. "oc_live_"
}

// RateLimit is the provider's documented rate limiting.
type RateLimit struct {
	Summary     string   `gen:"-"` // the documented limits, in words
	Headers     []string // rate-limit headers the provider sends
	ResetHeader string   // header holding the reset time, if any
	ResetUnit   string   // "epoch" (Unix seconds), "seconds" (delta) or ""
}

// Code is one error code of one provider.
type Code struct {
	Code     string // exactly as the provider sends it
	Category string
	Title    string // one line
	Meaning  string // what it means, plain text (Markdown source)
	Fix      []string
	Statuses []int // HTTP statuses it comes with (empty unless Signal is SignalHTTP)
	Retry    Retry
	// The rest are usually empty (see the package doc).
	Signal   Signal
	Aliases  []string // other spellings seen for the same error
	Variants []Variant
	Slug     string   `gen:"-"` // URL segment: lower-cased Code
	Related  []string `gen:"-"` // "provider/slug" of related codes
}

// Retry is the documented retry behaviour of a code.
type Retry struct {
	Note        string // the documented reason or rule, in words
	Retryable   Retryable
	WaitSeconds float64  // a documented fixed wait (Clore.ai's 600 s spot-price rule), 0 if none
	WaitFields  []string // body fields that carry the wait for this code, in seconds
	Backoff     string   // documented backoff, in words
	MaxAttempts int      `gen:"-"` // documented attempt limit, 0 if none
}

// Variant is one of several situations a single code covers, told apart by
// its message.
type Variant struct {
	Name      string   // short id, unique within the code
	Match     []string // lower-case substrings of the message that select it
	Category  string
	Retryable Retryable
	Title     string
	Meaning   string
	Fix       []string
}

// Result is a documented response that is not an error.
type Result struct {
	Code    string // body code that marks it ("0"), or empty
	Status  int    // HTTP status that marks it (202), or 0
	Title   string
	Meaning string
}

// Category is a canonical error category.
type Category struct {
	Name      string // e.g. "rate_limit"
	Title     string
	Summary   string // one line
	Retryable Retryable
	Advice    string // what to do, one line
}

// Lookup returns the provider with the given id.
func Lookup(id string) (*Provider, bool) {
	for i := range Providers {
		if Providers[i].ID == id {
			return &Providers[i], true
		}
	}
	return nil, false
}

// Code returns the provider's code whose Code or one of whose Aliases equals
// code. Numeric and exact matches are tried first, then a case-insensitive one.
func (p *Provider) Code(code string) (*Code, bool) {
	for i := range p.Codes {
		c := &p.Codes[i]
		if c.Code == code {
			return c, true
		}
	}
	for i := range p.Codes {
		c := &p.Codes[i]
		if EqualFold(c.Code, code) {
			return c, true
		}
		for _, a := range c.Aliases {
			if EqualFold(a, code) {
				return c, true
			}
		}
	}
	return nil, false
}

// EqualFold is strings.EqualFold(a, b) for an ASCII a, such as a code, an
// alias or a header name of the catalog. (Package strings would bring
// packages unicode, io and errors into the playground's binary.) Outside
// ASCII, only K (U+212A, Kelvin sign) and ſ (U+017F, long s) fold to ASCII
// letters: k and s.
func EqualFold(a, b string) bool {
	i := 0
	for _, r := range b {
		if i == len(a) {
			return false
		}
		c := a[i]
		i++
		l := c | 0x20 // c in lower case, when c is a letter
		switch {
		case r < 0x80:
			if byte(r) != c && (byte(r)|0x20 != l || l < 'a' || l > 'z') {
				return false
			}
		case r == 0x212A && l == 'k', r == 0x17F && l == 's':
		default:
			return false
		}
	}
	return i == len(a)
}

// CodeForStatus returns the provider's code sent with HTTP status st, when
// exactly one code carries it.
func (p *Provider) CodeForStatus(st int) (*Code, bool) {
	var found *Code
	for i := range p.Codes {
		for _, s := range p.Codes[i].Statuses {
			if s == st {
				if found != nil {
					return nil, false
				}
				found = &p.Codes[i]
			}
		}
	}
	return found, found != nil
}

// CategoryByName returns the canonical category with the given name.
func CategoryByName(name string) (*Category, bool) {
	for i := range Categories {
		if Categories[i].Name == name {
			return &Categories[i], true
		}
	}
	return nil, false
}

// Path returns the site path of a code's reference page, relative to the
// site's base: "clore/not_enough_balance/". The site, catalog.json and the
// classifier's Diagnosis.Reference all use it, so the URL is made in one place.
func Path(providerID, slug string) string {
	return providerID + "/" + slug + "/"
}

// ProviderPath returns the site path of a provider's page.
func ProviderPath(providerID string) string { return providerID + "/" }

// CategoryPath returns the site path of a category's page.
func CategoryPath(name string) string { return "categories/" + name + "/" }
