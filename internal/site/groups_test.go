package site

import (
	"slices"
	"strings"
	"testing"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/content/model"
)

func TestGroupProviders(t *testing.T) {
	var ps []*content.Provider
	for _, id := range []string{"acme", "anthropic", "clore", "openai", "zeta"} {
		ps = append(ps, &content.Provider{Provider: model.Provider{ID: id}})
	}
	var got []string
	for _, g := range groupProviders(ps) {
		var ids []string
		for _, p := range g.Providers {
			ids = append(ids, p.ID)
		}
		got = append(got, g.ID+": "+strings.Join(ids, " "))
	}
	// The groups' own order, empty groups left out, the rest in catalog order.
	want := []string{"model-apis: openai anthropic", "compute: clore", "other: acme zeta"}
	if !slices.Equal(got, want) {
		t.Errorf("groupProviders:\n got %q\nwant %q", got, want)
	}
}

// TestGroupsNameRealProviders keeps the group table honest: every id in it
// is a provider of the catalog (a typo would silently move a provider to
// "Other APIs"), no id is in two groups, and the home page lists every
// provider exactly once.
func TestGroupsNameRealProviders(t *testing.T) {
	seen := map[string]string{}
	for _, g := range providerGroups {
		for _, id := range g.IDs {
			if realCat.Provider(id) == nil {
				t.Errorf("group %s names %q, which is not a provider", g.ID, id)
			}
			if other, ok := seen[id]; ok {
				t.Errorf("%q is in groups %s and %s", id, other, g.ID)
			}
			seen[id] = g.ID
		}
	}
	home := string(real.Files["index.html"])
	for _, p := range realCat.Providers {
		link := `<a class="provider-name" href="` + urls.Path(model.ProviderPath(p.ID)) + `">`
		if n := strings.Count(home, link); n != 1 {
			t.Errorf("the home page lists %s %d times, want once", p.ID, n)
		}
	}
}

// TestCategoryOrder checks that a category's page lists providers in the
// home page's order, group by group.
func TestCategoryOrder(t *testing.T) {
	page := string(real.Files["categories/rate_limit/index.html"])
	last, seen := -1, 0
	for _, p := range inGroupOrder(realCat.Providers) {
		at := strings.Index(page, `<tbody id="`+p.ID+`">`)
		if at < 0 {
			continue // no rate_limit code: listed after the table
		}
		if at < last {
			t.Errorf("categories/rate_limit: %s comes before the provider listed before it on the home page", p.ID)
		}
		last = at
		seen++
	}
	if seen < 10 {
		t.Errorf("categories/rate_limit lists %d providers, want 10 or more", seen)
	}
}
