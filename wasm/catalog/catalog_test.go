package catalog

import (
	"testing"

	"github.com/errdex/errdex/content/model"
)

// TestPathsAreTheModels checks the binary's copies of the URL helpers
// against the model's, which the site and catalog.json use.
func TestPathsAreTheModels(t *testing.T) {
	for _, p := range Providers {
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
	for _, c := range Categories {
		if CategoryPath(c.Name) != model.CategoryPath(c.Name) {
			t.Errorf("CategoryPath(%q) = %q, the model's %q", c.Name, CategoryPath(c.Name), model.CategoryPath(c.Name))
		}
	}
}

// TestLoadProse checks that a text other than the generated one is refused
// whole, before anything changes, and that the generated one loads again to
// the same catalog.
func TestLoadProse(t *testing.T) {
	title := Providers[0].Codes[0].Title
	if title == "" {
		t.Fatal("the native build has no prose loaded")
	}
	for _, bad := range []string{"", Prose[:len(Prose)/2], Prose + "\x1e", Prose[1:], "x" + Prose[1:]} {
		if LoadProse(bad) {
			t.Errorf("LoadProse accepted a text of %d bytes", len(bad))
		}
		if Providers[0].Codes[0].Title != title {
			t.Fatal("a refused text changed the catalog")
		}
	}
	if !LoadProse(Prose) || Providers[0].Codes[0].Title != title {
		t.Error("the generated prose did not load again")
	}
}
