package classify

import "github.com/errdex/errdex/wasm/catalog"

// This file is the category stage of fill: the canonical category, from
// the catalog entry, a documented result, the tied providers' agreement, a
// shape outside the catalog or the status.

// fillCategory writes the category into d and returns the inputs of the
// retry verdict it gathered on the way.
func (c *Classifier) fillCategory(d *Diagnosis, a *artefact, at *attempt, p *catalog.Provider, r *reading, names []string, doc *node, status int) verdict {
	v := verdict{provider: p, agreeing: names, html: a.html != "", vendor: a.htmlVendor, headers: a.headers}
	if r != nil {
		v.entry, v.variant, v.result = r.entry, r.variant, r.documented(p)
	}
	entry, variant, result := v.entry, v.variant, v.result
	bodyScore := -1 // how error-like the body is; -1 without one
	if doc != nil {
		bodyScore = errorScore(doc)
	}
	agreed, agreedEntry := c.agreement(a, at)
	var cat string
	switch {
	case entry != nil:
		cat = entry.Category
		if variant != nil && variant.Category != "" {
			cat = variant.Category
		} else if f := &at.fgn; at.fok && cat == "rate_limit" && (f.category == "quota" || f.category == "payment") {
			// a documented rate limit whose body says more: Google's
			// RESOURCE_EXHAUSTED with a per-day quota in QuotaFailure
			cat = f.category
			push(&d.Notes, "By the body's "+f.rule+", it is "+cat+".")
		}
		if entry.Signal == catalog.SignalStream {
			d.MidStream = true
		}
	case result != nil:
		cat = "success"
	case agreed != "":
		cat = agreed
	case at.fok && at.fgn.category != "":
		cat = at.fgn.category
	case bodyScore == 0 && !d.MidStream && status >= 200 && status < 300,
		a.streamDone && (status == 0 || status >= 200 && status < 300) && doc == nil:
		cat = "success"
	default:
		cat = statusCategory(status)
		if cat == "" {
			cat = "unknown"
		}
	}
	if cat == "success" && bodyScore > 0 && result == nil {
		cat = "unknown"
	}
	if cat == "unknown" && bodyScore == 0 && status == 0 {
		push(&d.Notes, "The JSON has no error fields; with a 2xx status it would be a success.")
	}
	d.Category = cat
	v.category, v.code, v.midStream, v.partial = cat, d.Code, d.MidStream, d.PartialOutput
	if agreedEntry != nil {
		v.entry = agreedEntry
	}
	if v.entry == nil && at.fok {
		v.foreign = &at.fgn
	}

	return v
}
