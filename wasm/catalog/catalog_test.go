package catalog

import (
	"testing"

	"github.com/errdex/errdex/content/model"
)

// TestPathsAreTheModels checks the binary's copies of the URL helpers
// against the model's, which the site and catalog.json use.
func TestPathsAreTheModels(t *testing.T) {
	for _, p := range Default.Providers {
		if ProviderPath(p.ID) != model.ProviderPath(p.ID) {
			t.Errorf("ProviderPath(%q) = %q, the model's %q", p.ID, ProviderPath(p.ID), model.ProviderPath(p.ID))
		}
		for _, c := range p.Codes {
			slug := c.Code // any text will do
			if Path(p.ID, slug) != model.Path(p.ID, slug) {
				t.Errorf("Path(%q, %q) = %q, the model's %q", p.ID, slug, Path(p.ID, slug), model.Path(p.ID, slug))
			}
		}
	}
	for _, c := range Default.Categories {
		if CategoryPath(c.Name) != model.CategoryPath(c.Name) {
			t.Errorf("CategoryPath(%q) = %q, the model's %q", c.Name, CategoryPath(c.Name), model.CategoryPath(c.Name))
		}
	}
}

// TestInstall checks that a text other than the generated one is refused
// whole, before anything changes, and that the generated one installs again
// to the same catalog.
func TestInstall(t *testing.T) {
	if len(Default.Providers) == 0 || Default.Providers[0].Codes[0].Title == "" {
		t.Fatal("the native build has no catalog installed")
	}
	before := Default.Providers
	title := Default.Providers[0].Codes[0].Title
	for _, bad := range []string{"", Text[:len(Text)/2], Text + "\x1e", Text[1:], "x" + Text[1:]} {
		if Install(bad) {
			t.Errorf("Install accepted a text of %d bytes", len(bad))
		}
		if &Default.Providers[0] != &before[0] {
			t.Fatal("a refused text changed the catalog")
		}
	}
	if !Install(Text) || Default.Providers[0].Codes[0].Title != title || len(Default.Providers) != len(before) {
		t.Error("the generated text did not install again")
	}
}

// FuzzDecode feeds the decoder any text: it never panics and never reads
// past the end (a text that is not the generated one fails the hash check
// in Install; this reaches the decoder directly).
func FuzzDecode(f *testing.F) {
	f.Add(Text)
	f.Add(Text[:len(Text)/3])
	f.Add("2\x1ea\x1e")
	f.Add("99999999999\x1e")
	f.Add("-1")
	f.Fuzz(func(t *testing.T, text string) {
		d := decoder{text: text}
		var c Catalog
		d.catalog(&c)
		if !d.bad && d.pos != len(text)+1 && text == Text {
			t.Error("the generated text did not decode to its end")
		}
	})
}
