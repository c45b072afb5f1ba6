package site

import "github.com/errdex/errdex/content"

// providerGroup is a heading under which the home page lists providers, so
// that seventeen (and more) providers read as a few short lists rather than
// one wall. The grouping is editorial, not a fact of any provider's docs, so
// it lives with the pages that show it; a provider not named here is listed
// under otherProviders, never dropped.
type providerGroup struct {
	ID, Title, Blurb string
	IDs              []string // provider ids, in the order the group lists them
}

var providerGroups = []providerGroup{
	{ID: "model-apis", Title: "Model APIs", Blurb: "The model makers' own inference APIs, and the clouds that host their models.",
		IDs: []string{"openai", "anthropic", "gemini", "vertex-ai", "azure-openai", "bedrock", "mistral", "cohere", "xai", "deepseek", "groq"}},
	{ID: "routers", Title: "Routers and gateways", Blurb: "APIs that relay requests to other providers' models, and pass their errors on.",
		IDs: []string{"openrouter", "cline", "clipia"}},
	{ID: "compute", Title: "Compute and hosting", Blurb: "Marketplaces and hosts that run jobs and servers rather than answer prompts.",
		IDs: []string{"clore", "aitbc", "clawhosters"}},
}

var otherProviders = providerGroup{ID: "other", Title: "Other APIs", Blurb: "Providers not yet filed under a group."}

// groupProviders splits the catalog's providers into providerGroups, in
// their order, then everything else in catalog order. Empty groups are left
// out.
func groupProviders(providers []*content.Provider) []groupOf {
	byID := map[string]*content.Provider{}
	for _, p := range providers {
		byID[p.ID] = p
	}
	placed := map[string]bool{}
	var out []groupOf
	for _, g := range providerGroups {
		gr := groupOf{providerGroup: g}
		for _, id := range g.IDs {
			if p, ok := byID[id]; ok && !placed[id] {
				gr.Providers = append(gr.Providers, p)
				placed[id] = true
			}
		}
		if len(gr.Providers) > 0 {
			out = append(out, gr)
		}
	}
	rest := groupOf{providerGroup: otherProviders}
	for _, p := range providers {
		if !placed[p.ID] {
			rest.Providers = append(rest.Providers, p)
		}
	}
	if len(rest.Providers) > 0 {
		out = append(out, rest)
	}
	return out
}

// groupOf is a group with the catalog's providers in it.
type groupOf struct {
	providerGroup
	Providers []*content.Provider
}

// inGroupOrder is the catalog's providers in the order the home page lists
// them: group by group. The matrix and the category pages use it too, so a
// provider is found in the same place on every page.
func inGroupOrder(providers []*content.Provider) []*content.Provider {
	var out []*content.Provider
	for _, g := range groupProviders(providers) {
		out = append(out, g.Providers...)
	}
	return out
}
