package content

import (
	"embed"
	"slices"
	"strconv"
	"strings"

	"github.com/errdex/errdex/content/model"
)

// FS holds the repository's content files, as laid out in the package doc.
//
//go:embed providers/*.md categories/*.md clients/*.md urls.txt
var FS embed.FS

// Catalog is the loaded and validated content: values of package model,
// each with where it was written.
type Catalog struct {
	Providers  []*Provider // sorted by id
	Categories []*Category // sorted by order
	Clients    []*Client   // sorted by id
	Manifest   []string    // code page paths listed in urls.txt, in file order
}

// The types below add only source positions to the model's values: every
// field of the data itself is declared once, in package model.

// Provider is a provider and its file.
type Provider struct {
	model.Provider
	File     string  // path within the content FS
	BodyLine int     // line of Body's first line in File
	Entries  []*Code // Provider.Codes with their lines, same order
}

// Code is one of a provider's codes and its line.
type Code struct {
	*model.Code     // points into its Provider's Codes
	Line        int // line of the entry in its provider's file
}

// Example is a documented example response.
type Example = model.Example

// Category is a canonical category and its file.
type Category struct {
	model.Category
	File     string
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
var ReservedIDs = []string{"categories", "clients", "play", "assets", "search", "compare", "catalog.json", "404.html", "sitemap.xml", "robots.txt"}

// Provider returns the provider with the given id.
func (c *Catalog) Provider(id string) *Provider {
	for _, p := range c.Providers {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Code returns the provider's code whose code or one of whose aliases is
// code, compared without case.
func (p *Provider) Code(code string) (*Code, bool) {
	for _, e := range p.Entries {
		if strings.EqualFold(e.Code.Code, code) || slices.ContainsFunc(e.Aliases, func(a string) bool { return strings.EqualFold(a, code) }) {
			return e, true
		}
	}
	return nil, false
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
			out = append(out, model.Path(p.ID, e.Slug))
		}
	}
	return out
}
