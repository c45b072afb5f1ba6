package classify

import (
	"strconv"
	"strings"

	"github.com/errdex/errdex/wasm/catalog"
)

// This file is the last stage: a title, what happened, the fix steps and
// the reference page. Catalog codes bring their own words; everything else
// is explained from its category (catalog Categories) and what was read.

type explainCtx struct {
	a        *artefact
	fgn      *foreign
	fok      bool
	tie      []scored
	tieReads []reading
}

func explain(d *Diagnosis, ctx explainCtx, p *catalog.Provider, entry *catalog.Code, variant *catalog.Variant, result *catalog.Result) {
	a := ctx.a
	var what []string
	if d.MidStream {
		w := "The stream had already started (HTTP 200) when this error arrived, so output may already have been produced."
		if d.PartialOutput {
			w = "The stream had already started (HTTP 200) and produced output before this error arrived."
		}
		what = append(what, w)
	}
	cat, hasCat := catalog.CategoryByName(d.Category)
	switch {
	case entry != nil:
		d.Title, d.Fix = entry.Title, entry.Fix
		what = append(what, entry.Meaning)
		if variant != nil {
			d.Title = variant.Title
			what[len(what)-1] = variant.Meaning
			if len(variant.Fix) > 0 {
				d.Fix = variant.Fix
			}
		}
		d.Reference = catalog.Path(p.ID, entry.Slug)
	case result != nil:
		d.Title = "Not an error: " + result.Title
		what = append(what, result.Meaning)
		d.Reference = catalog.ProviderPath(p.ID)
	case len(ctx.tie) > 0:
		var parts, refs []string
		for i, s := range ctx.tie {
			r := ctx.tieReads[i]
			if r.entry != nil {
				parts = append(parts, s.p.Name+" (\""+r.entry.Code+"\": "+lowerFirst(r.entry.Title)+")")
				refs = append(refs, catalog.Path(s.p.ID, r.entry.Slug))
			} else {
				parts = append(parts, s.p.Name)
			}
		}
		d.Title = categoryTitle(d.Category)
		what = append(what, "The "+pasteWord(a)+" fits "+strings.Join(parts, " and ")+" equally well.")
		if hasCat {
			what = append(what, cat.Summary)
			d.Fix = append(d.Fix, cat.Advice)
		}
		d.Fix = append(d.Fix, "Check which API answered (the request URL or the key's prefix tells them apart), then read that provider's page: "+strings.Join(refs, " or ")+".")
		d.Reference = categoryRef(d.Category)
	case d.Category == "success":
		d.Title = "Not an error"
		if d.Status != 0 {
			what = append(what, "HTTP "+strconv.Itoa(d.Status)+" with no error in the body: the call worked.")
		} else {
			what = append(what, "The stream finished without an error event: the call worked.")
		}
	case d.Category == "unknown":
		d.Title = "No API error found"
		switch a.form {
		case "empty":
			what = append(what, "The input is empty.")
		case "binary":
			what = append(what, "The input is binary data, not text: there is nothing to read.")
		default:
			what = append(what, "Nothing in the paste could be read as an API error: no error body, HTTP status or known error code.")
		}
		d.Fix = []string{"Paste the whole response: the status line, the headers and the body (curl -i shows all three), or the full SDK exception."}
	default:
		d.Title = categoryTitle(d.Category)
		if d.Code != "" && d.Code != d.Category {
			d.Title += " (" + cutUTF8(d.Code, 60) + ")"
		}
		switch {
		case a.html != "":
			who := "A proxy or gateway"
			if a.htmlVendor != "" {
				who = a.htmlVendor
			}
			what = append(what, who+" answered with an HTML error page (\""+a.html+"\") instead of the API's JSON, so the request may not have reached the API.")
		case ctx.fok:
			s := "The body is " + ctx.fgn.shape + ", from an API outside the catalog"
			if ctx.fgn.rule != "" {
				s += "; " + ctx.fgn.rule
			}
			what = append(what, s+".")
		case d.Status != 0:
			what = append(what, "Only the HTTP status "+strconv.Itoa(d.Status)+" could be read; the category follows from it.")
		}
		if p != nil {
			what = append(what, "The paste comes from "+p.Name+", but not with one of its documented codes.")
		}
		if hasCat {
			what = append(what, cat.Summary)
			d.Fix = append(d.Fix, cat.Advice)
		}
		d.Reference = categoryRef(d.Category)
	}
	d.Explanation = strings.Join(what, " ")
}

func categoryTitle(name string) string {
	if c, ok := catalog.CategoryByName(name); ok {
		return c.Title
	}
	return name
}

func categoryRef(name string) string {
	if _, ok := catalog.CategoryByName(name); ok {
		return catalog.CategoryPath(name)
	}
	return ""
}

// pasteWord names what was read: the body, or the text when there was no
// JSON.
func pasteWord(a *artefact) string {
	if len(a.layers) == 0 {
		return "text"
	}
	return "body"
}
