package site

import "html/template"

// Page is what the layout template receives: the frame's fields, and Data
// for the page's own template.
type Page struct {
	Kind        string // "home", "provider", "code", "category", "matrix", "play", "404"
	Path        string // site path
	Title       string // the <title>
	Description string // meta description
	Canonical   string // absolute URL; empty for the 404 page
	OGTitle     string
	OGType      string
	CSP         string
	Scripts     []string // asset names, loaded with defer
	Crumbs      []Link   // breadcrumb trail above the heading, without the page itself
	SearchIndex string   // root-relative URL of the search index
	Data        any
}

// Link is a titled internal or external URL.
type Link struct {
	Title string
	Href  string
}

// The Content-Security-Policy of every page, and of the playground, which
// may also start a worker from the site (worker-src 'self'): the worker
// runs the classifier's WebAssembly, so the page itself compiles none. A
// meta-tag policy does not reach a worker; the worker takes its own network
// away once loaded (site/ts/worker.ts).
const (
	cspPage = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'"
	cspPlay = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'"
)

// layoutIDs are the element ids the layout itself uses; content headings
// never get them.
var layoutIDs = []string{"main", "site-search", "search-input", "search-results", "search-status", "search-help"}

// ProviderRef links a provider.
type ProviderRef struct {
	ID, Name, Href string
	// DocsRead is the latest date (YYYY-MM-DD) errdex read the provider's
	// docs on: provider and code pages show it, so a reader knows how
	// fresh the entry is.
	DocsRead string
}

// CategoryRef links a category.
type CategoryRef struct {
	Name, Title, Href string
}

// CodeRef links one code (or one variant of it).
type CodeRef struct {
	Provider ProviderRef
	Code     string
	Title    string
	Href     string
	Variant  string // variant title when the link is to a variant
}

// CodeRow is one line of a table of codes.
type CodeRow struct {
	CodeRef
	Status    string
	Category  CategoryRef
	Retryable string // "yes", "no", "unknown"
	Wait      string // the documented wait rules in a few words, "" if none
}

// HomeData is the home page.
type HomeData struct {
	Providers  []ProviderSummary
	Categories []CategorySummary
	CodeCount  int
}

// ProviderSummary is a provider in a list.
type ProviderSummary struct {
	ProviderRef
	Summary string
	Codes   int
}

// CategorySummary is a category in a list.
type CategorySummary struct {
	CategoryRef
	Summary   string
	Retryable string
}

// ProviderData is a provider's page.
type ProviderData struct {
	ProviderRef
	Summary   string
	Homepage  string
	BaseURL   string
	Docs      []Link
	Envelope  []Fact
	Indirect  *Fact
	Auth      []Fact
	RateLimit []Fact
	Retry     string
	Body      template.HTML
	Codes     []CodeRow
	Results   []ResultRow
}

// Fact is one labelled value; Code marks values shown in monospace.
type Fact struct {
	Label  string
	Values []string
	Code   bool
}

// ResultRow is a documented non-error response.
type ResultRow struct {
	Code    string
	Status  int
	Title   string
	Meaning template.HTML
}

// CodeData is an error code's page.
type CodeData struct {
	Provider     ProviderRef
	Code         string
	Aliases      []string
	Title        string
	Status       string
	Category     CategoryRef
	Retry        RetryView
	Meaning      template.HTML
	Causes       []template.HTML
	Fix          []template.HTML
	Variants     []VariantView
	Examples     []ExampleView
	Related      []CodeRef
	CanonicalURL string
}

// RetryView is a code's documented retry behaviour, ready to show.
type RetryView struct {
	Retryable   string // "yes", "no", "unknown"
	Wait        string // "600 seconds (10 minutes)"
	WaitFields  []string
	MaxAttempts int
	Backoff     string
	Note        template.HTML
}

// VariantView is one situation of a code.
type VariantView struct {
	ID        string
	Name      string
	Title     string
	Match     []string
	Category  CategoryRef
	Retryable string
	Meaning   template.HTML
	Fix       []template.HTML
}

// ExampleView is a highlighted example response.
type ExampleView struct {
	ID       string
	Title    string
	Context  string // "HTTP 429", "one chunk of an SSE stream after HTTP 200"
	HTML     template.HTML
	Source   string
	PlayHref string
}

// CategoryData is a category's page.
type CategoryData struct {
	CategoryRef
	Summary   string
	Retryable string
	Advice    string
	Body      template.HTML
	Providers []ProviderCodes
}

// ProviderCodes is one provider's codes in one category.
type ProviderCodes struct {
	ProviderRef
	Rows []CodeRow
}

// MatrixData is the providers × categories page.
type MatrixData struct {
	Providers []ProviderRef
	Rows      []MatrixRow
}

// MatrixRow is one category across providers.
type MatrixRow struct {
	Category CategoryRef
	Cells    [][]CodeRef // one cell per provider, in Providers order
}

// PlayData is the playground page.
type PlayData struct {
	Providers []ProviderRef
	Examples  string // root-relative URL of the examples file
	Worker    string // root-relative URL of the worker script that runs the classifier
	Wasm      string // root-relative URL of the classifier's js/wasm binary
	WasmExec  string // root-relative URL of Go's wasm_exec.js
	Catalog   string // root-relative URL of the catalog's text, which the binary leaves out
	WasmSize  string // the binary's size in words, "2.8 MB", for the loading message
	Base      string // root-relative URL of the site root: references are relative to it
	SiteURL   string // absolute URL of the site root, for links that leave the site (Markdown)
	Gallery   []ExampleGroup
}

// ExampleGroup is one provider's documented example responses.
type ExampleGroup struct {
	Provider ProviderRef
	Count    int
	Items    []GalleryItem
}

// GalleryItem is one example in the playground's gallery.
type GalleryItem struct {
	Code  string
	Title string // the code's title, and the example's when it has several
	Href  string // the playground with #example=<key>
}
