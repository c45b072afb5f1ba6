package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is the last stage: a title, what happened, the fix steps and
// the reference page. Catalog codes bring their own words; everything else
// is explained from its category (catalog Categories) and what was read.

// explain returns the title, explanation, fix steps and reference page
// for d, which holds the category; p and r are the attributed provider and
// its reading.
func (c *Classifier) explain(d *Diagnosis, a *artefact, at *attempt, p *catalog.Provider, r *reading) (title, explanation string, fix []string, ref string) {
	var entry *catalog.Code
	var variant *catalog.Variant
	var result *catalog.Result
	if r != nil {
		entry, variant, result = r.entry, r.variant, r.documented(p)
	}
	tie := len(at.top) > 1
	var what []string
	if d.MidStream {
		w := "The stream had already started (HTTP 200) when this error arrived, so output may already have been produced."
		if d.PartialOutput {
			w = "The stream had already started (HTTP 200) and produced output before this error arrived."
		}
		push(&what, w)
	}
	cat, hasCat := c.cat.Category(d.Category)
	switch {
	case entry != nil:
		title, fix, ref = entry.Title, entry.Fix, catalog.Path(p.ID, textx.Lower(entry.Code))
		meaning := entry.Meaning
		if variant != nil {
			title, meaning = variant.Title, variant.Meaning
			if len(variant.Fix) > 0 {
				fix = variant.Fix
			}
		}
		push(&what, meaning)
	case result != nil:
		title, ref = "Not an error: "+result.Title, catalog.ProviderPath(p.ID)
		push(&what, result.Meaning)
	case !tie && d.Category == "success":
		title = "Not an error"
		if d.Status != 0 {
			push(&what, "HTTP "+decimal.Itoa(d.Status)+" with no error in the body: the call worked.")
		} else {
			push(&what, "The stream finished without an error event: the call worked.")
		}
	case !tie && d.Category == "unknown":
		title = "No API error found"
		switch a.form {
		case formEmpty:
			push(&what, "The input is empty.")
		case formBinary:
			push(&what, "The input is binary data, not text: there is nothing to read.")
		default:
			push(&what, "Nothing in the paste could be read as an API error: no error body, HTTP status or known error code.")
		}
		fix = []string{"Paste the whole response: the status line, the headers and the body (curl -i shows all three), or the full SDK exception."}
	default: // explained by the category
		title = d.Category
		if hasCat {
			title, ref = cat.Title, catalog.CategoryPath(d.Category)
		}
		var parts, refs []string
		switch {
		case tie:
			for i := range at.top {
				if e := c.readTop(at, a, i).entry; e != nil {
					push(&parts, c.p(&at.top[i]).Name+" (\""+e.Code+"\": "+lowerFirst(e.Title)+")")
					push(&refs, catalog.Path(c.p(&at.top[i]).ID, textx.Lower(e.Code)))
				} else {
					push(&parts, c.p(&at.top[i]).Name)
				}
			}
			word := "body" // what was read: the body, or the text when there was no JSON
			if len(a.layers) == 0 {
				word = "text"
			}
			push(&what, "The "+word+" fits "+textx.Join(parts, " and ")+" equally well.")
		case a.html != "":
			who := a.htmlVendor
			if who == "" {
				who = "A proxy or gateway"
			}
			push(&what, who+" answered with an HTML error page (\""+a.html+"\") instead of the API's JSON, so the request may not have reached the API.")
		case at.fok:
			s := "The body is " + at.fgn.shape + ", from an API outside the catalog"
			if at.fgn.rule != "" {
				s += "; " + at.fgn.rule
			}
			push(&what, s+".")
		case d.Status != 0:
			push(&what, "Only the HTTP status "+decimal.Itoa(d.Status)+" could be read; the category follows from it.")
		}
		if !tie {
			if d.Code != "" && d.Code != d.Category {
				title += " (" + textx.CutUTF8(d.Code, 60) + ")"
			}
			if p != nil {
				push(&what, "The paste comes from "+p.Name+", but not with one of its documented codes.")
			}
		}
		if hasCat {
			push(&what, cat.Summary)
			push(&fix, cat.Advice)
		}
		if tie {
			push(&fix, "Check which API answered (the request URL or the key's prefix tells them apart), then read that provider's page: "+textx.Join(refs, " or ")+".")
		}
	}
	return title, textx.Join(what, " "), fix, ref
}
