// Package catalog is the error catalog as the classifier sees it: the
// playground binary's compact form of package model's data.
//
// Its data is not written here. `make gen` (internal/cataloggen) writes
// the loaded content/ as one text (data_gen.go, [Text]) and generates the
// decoder that reads it (decode_gen.go), so that the WebAssembly binary
// needs no YAML or JSON parser and content/ stays the single source of
// truth. Native builds compile the text in; the playground's binary is
// built without it and installs the text its worker fetched ([Install];
// see text.go).
//
// The struct types here are slim copies of the model's: they have only the
// fields the classifier reads (the site and catalog.json read the model and
// have them all), which keeps the fetched text and the decoder small.
// cataloggen fills each field from the model's field of the same
// name, and fails when one has no counterpart there; what the fields mean is
// documented once, in package model. The enums are the model's own; the URL
// helpers are copies of the model's (see [Path]).
//
// Lookups are by provider id ([Lookup]), by provider and code ([Provider.Code],
// which also accepts a code's aliases) and by category name ([CategoryByName]).
package catalog

import "github.com/errdex/errdex/content/model"

// Retryable is a tri-state retry verdict ([model.Retryable]).
type Retryable = model.Retryable

// The verdicts.
const (
	RetryUnknown = model.RetryUnknown
	RetryYes     = model.RetryYes
	RetryNo      = model.RetryNo
)

// Signal says how an error code reaches the client ([model.Signal]).
type Signal = model.Signal

// The signals.
const (
	SignalHTTP   = model.SignalHTTP
	SignalStream = model.SignalStream
	SignalBody   = model.SignalBody
)

// Provider is [model.Provider] as the classifier reads it.
type Provider struct {
	ID        string
	Name      string
	BaseURL   string
	Envelope  Envelope
	Detect    Detect
	Auth      Auth
	RateLimit RateLimit
	Codes     []Code
	Results   []Result
}

// Envelope is [model.Envelope]: the error body's fields as paths, tried in
// order. The model's extra fields, which the classifier does not read, are
// left out.
type Envelope struct {
	Code             []string
	Message          []string
	RequestID        []string
	Details          []string
	Type             []string
	RetryAfter       []string
	Indirect         *Indirect
	Reason           []string
	CodeHeaders      []string
	RequestIDHeaders []string
	StatusField      []string
	Upstream         *Upstream
	RetryAfterFormat string
	CodeFromStatus   bool
}

// Upstream is [model.Upstream].
type Upstream struct {
	Provider []string
	Body     []string
}

// Indirect is [model.Indirect].
type Indirect struct {
	When  string
	Field string
}

// Detect is [model.Detect]: fingerprints, lower case where they are names.
// Hosts are patterns, matched with [model.MatchHost].
type Detect struct {
	Hosts   []string
	Headers []string
	SDK     []string
	Names   []string
}

// Auth is [model.Auth]: it tells the redactor what to mask.
type Auth struct {
	Header      string
	AltHeaders  []string
	KeyPrefixes []string
}

// RateLimit is [model.RateLimit].
type RateLimit struct {
	Headers      []string
	ResetHeaders []string
	ResetUnit    string
}

// Code is [model.Code]. Statuses is empty unless Signal is SignalHTTP.
type Code struct {
	Code     string
	Category string
	Title    string
	Meaning  string
	Fix      []string
	Statuses []int
	Retry    Retry
	Signal   Signal
	Stream   bool
	Aliases  []string
	Variants []Variant
}

// Retry is [model.Retry].
type Retry struct {
	Note        string
	Retryable   Retryable
	WaitSeconds float64
	WaitFields  []string
	Backoff     string
}

// Variant is [model.Variant]; Match is lower case. A variant is selected
// when the message contains one of its Match entries and its When holds
// (either alone when the other is empty).
type Variant struct {
	Name      string
	Match     []string
	When      *When
	Category  string
	Retryable Retryable
	Title     string
	Meaning   string
	Fix       []string
}

// When is [model.When]; Contains is lower case.
type When struct {
	Path     string
	Equals   string
	Contains string
	Present  bool
}

// Result is [model.Result].
type Result struct {
	Code    string
	Status  int
	Title   string
	Meaning string
}

// Category is [model.Category].
type Category struct {
	Name      string
	Title     string
	Summary   string
	Retryable Retryable
	Advice    string
}

// Client is [model.Client] as the clients engine reads it
// (wasm/classify's clients.go): one HTTP client's default retry rule.
type Client struct {
	ID       string
	Name     string
	Defaults ClientDefaults
	RetryOn  RetryOn
	NeverOn  NeverOn
	Headers  []ClientHeader
	Backoff  Backoff
	Streams  Streams
}

// ClientDefaults is [model.ClientDefaults].
type ClientDefaults struct{ Attempts int }

// RetryOn is [model.RetryOn]; statuses are status specs ("429", ">=500",
// "<400", "!501").
type RetryOn struct {
	Statuses         []string
	Codes            []string
	ConnectionErrors bool
}

// NeverOn is [model.NeverOn].
type NeverOn struct {
	Statuses []string
	Codes    []string
}

// ClientHeader is [model.ClientHeader]; Name is lower case.
type ClientHeader struct {
	Name         string
	Effect       string
	Unit         string
	Integer      bool
	Statuses     []string
	MinSeconds   *float64
	MinInclusive bool
	MaxSeconds   *float64
	MaxExclusive bool
	AboveMax     string
}

// Backoff is [model.Backoff].
type Backoff struct {
	InitialSeconds float64
	Factor         *float64
	MaxSeconds     *float64
	Jitter         string
	Words          string
}

// Streams is [model.Streams].
type Streams struct{ RetriesMidStream *bool }

// Lookup returns the provider with the given id.
func Lookup(id string) (*Provider, bool) {
	for i := range Default.Providers {
		if Default.Providers[i].ID == id {
			return &Default.Providers[i], true
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

// CategoryByName returns the canonical category with the given name in
// Default ([Catalog.Category]).
func CategoryByName(name string) (*Category, bool) { return Default.Category(name) }

// Path is [model.Path]: the site path of a code's reference page. The URL
// helpers repeat the model's rather than call them: the binary is built
// without inlining, and a call through costs ~1.7 KB gzip.
// TestPathsAreTheModels keeps them equal.
func Path(providerID, slug string) string { return providerID + "/" + slug + "/" }

// ProviderPath is [model.ProviderPath].
func ProviderPath(providerID string) string { return providerID + "/" }

// CategoryPath is [model.CategoryPath].
func CategoryPath(name string) string { return "categories/" + name + "/" }

// Catalog is a whole catalog, the value the classifier reads: the
// generated one is [Default]; tests build small ones by hand.
type Catalog struct {
	Providers  []Provider
	Categories []Category
	Clients    []Client // client retry rules, sorted by id
}

// Default is the catalog generated from content/, once [Install] has
// decoded it: at start in native builds (data_gen.go), when the page hands
// the fetched text over in the playground.
var Default = &Catalog{}


// Category returns the category named name ([CategoryByName] in c).
func (c *Catalog) Category(name string) (*Category, bool) {
	for i := range c.Categories {
		if c.Categories[i].Name == name {
			return &c.Categories[i], true
		}
	}
	return nil, false
}
