package site

import (
	"github.com/errdex/errdex/content/model"
	"github.com/errdex/errdex/internal/search"
)

// searchIndex indexes every code, provider, category and client. A code's
// text also carries its provider's id and its HTTP statuses, so that with
// seventeen providers sending 429 a query can name both: "openai 429",
// "vertex-ai 404" (the provider's name is added by search.Build).
func (b *builder) searchIndex() ([]byte, error) {
	var entries []search.Entry
	for _, p := range b.cat.Providers {
		for _, e := range p.Entries {
			entries = append(entries, search.Entry{
				Doc: search.Doc{Kind: "code", Code: e.Code.Code, Aliases: e.Aliases, Provider: p.Name, Title: e.Title,
					Status: statusShort(e.Code), Category: e.Category, URL: b.urls.Path(model.Path(p.ID, e.Slug))},
				Text: p.ID + " " + statusList(e.Code, false) + " " + b.md.Text(e.Meaning),
			})
		}
	}
	for _, p := range b.cat.Providers {
		entries = append(entries, search.Entry{
			Doc:  search.Doc{Kind: "provider", Code: p.ID, Provider: p.Name, Title: p.Name, URL: b.urls.Path(model.ProviderPath(p.ID))},
			Text: p.Summary,
		})
	}
	for _, c := range b.cat.Categories {
		entries = append(entries, search.Entry{
			Doc:  search.Doc{Kind: "category", Code: c.Name, Title: c.Title, URL: b.urls.Path(model.CategoryPath(c.Name))},
			Text: c.Summary,
		})
	}
	for _, c := range b.cat.Clients {
		entries = append(entries, search.Entry{
			Doc:  search.Doc{Kind: "client", Code: c.ID, Title: c.Name, URL: b.urls.Path(model.ClientPath(c.ID))},
			Text: c.Language + " " + c.Kind + " retry rule",
		})
	}
	return search.Build(entries)
}
