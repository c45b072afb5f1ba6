package content

import (
	"embed"
	"strconv"

	"github.com/errdex/errdex/wasm/catalog"
)

// FS holds the repository's content files, as laid out in the package doc.
//
//go:embed providers/*.md categories/*.md urls.txt
var FS embed.FS

// Catalog is the loaded and validated content: everything the classifier's
// catalog holds, plus the prose and examples only the site shows.
type Catalog struct {
	Providers  []*Provider // sorted by id
	Categories []*Category // sorted by order
	Manifest   []string    // code page paths listed in urls.txt, in file order
}

// Provider is a provider with its reference prose.
type Provider struct {
	catalog.Provider
	Homepage string
	File     string  // path within the content FS
	Body     string  // Markdown after the front matter
	BodyLine int     // line of the body's first line in File
	Entries  []*Code // Provider.Codes with their prose, same order
}

// Code is one code with the parts only the reference shows.
type Code struct {
	*catalog.Code
	Causes   []string
	Examples []Example
	Line     int // line of the entry in its provider's file
}

// Example is a documented example response.
type Example struct {
	Title   string
	Status  int
	Headers []string // "Name: value"
	Stream  bool     // one chunk of an SSE stream
	Body    string
	Source  string
	Line    int
}

// Category is a canonical category with its prose.
type Category struct {
	catalog.Category
	Order    int
	File     string
	Body     string
	BodyLine int
}

// Problem is one thing wrong in the content, at a file and line.
type Problem struct {
	File string
	Line int // 0 when the problem concerns the whole file
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return p.File + ":" + strconv.Itoa(p.Line) + ": " + p.Msg
	}
	return p.File + ": " + p.Msg
}

// CanonicalCategories lists the category names content/categories must define,
// in their documented order.
var CanonicalCategories = []string{
	"auth", "permission", "not_found", "invalid_request", "conflict", "gone",
	"payment", "rate_limit", "quota", "server", "upstream", "unavailable",
	"timeout", "context_length", "content_filter",
}

// ReservedIDs are URL segments the site uses itself; no provider may take them.
var ReservedIDs = []string{"categories", "play", "assets", "search", "compare", "catalog.json", "404.html", "sitemap.xml", "robots.txt"}

// Provider returns the provider with the given id.
func (c *Catalog) Provider(id string) *Provider {
	for _, p := range c.Providers {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Category returns the category with the given name.
func (c *Catalog) Category(name string) *Category {
	for _, k := range c.Categories {
		if k.Name == name {
			return k
		}
	}
	return nil
}

// CodePaths returns the site path of every code page, in catalog order.
func (c *Catalog) CodePaths() []string {
	var out []string
	for _, p := range c.Providers {
		for _, e := range p.Entries {
			out = append(out, catalog.Path(p.ID, e.Slug))
		}
	}
	return out
}
