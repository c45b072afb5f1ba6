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
