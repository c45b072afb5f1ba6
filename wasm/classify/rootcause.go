package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is the root-cause stage. A catalog code whose own category is
// generic (upstream, server, unknown) often only wraps the error that
// matters: Cline's stream_initialization_failed carries the upstream's
// "maximum context length" error escaped inside its message, and retrying
// it is useless. When the wrapped error is more specific, the Diagnosis
// keeps the wrapper's provider, code, title and reference, and takes its
// category, retry verdict and fix from the wrapped error, the root cause.
//
// The root cause is the innermost document escaped inside the wrapper whose
// category is specific, or, when there is no document, the wrapper's
// message text. Its category comes, in order, from the code or type
// vocabulary of well-known APIs (foreign.go), the message's wording
// (rootWords), then the status. When an aggregator names the provider
// behind the error (the envelope's upstream, resolved through detect.names),
// the wrapped document is read as that provider's own error, whose
// documented code and retry rule then decide.

// rootWords are the wordings that give a message's category when its code
// does not: the first match wins. They are matched in lower case.
var rootWords = []struct{ text, category string }{
	{"context length", "context_length"}, {"context window", "context_length"}, {"too long", "context_length"},
	{"content filter", "content_filter"}, {"content policy", "content_filter"},
	{"credit", "payment"}, {"insufficient balance", "payment"}, {"payment required", "payment"},
	{"quota", "quota"}, {"spend limit", "quota"},
	{"api key", "auth"}, {"unauthorized", "auth"}, {"authentication", "auth"},
	{"permission", "permission"}, {"rate limit", "rate_limit"}, {"too many requests", "rate_limit"},
}

// vague reports the categories that say nothing about the cause: a root
// cause must have another one. invalid_request, the catch-all of 4xx, may
// be refined by the wording.
func vague(cat string) bool {
	return cat == "" || cat == "upstream" || cat == "server" || cat == "unknown"
}

// rootCause reads what the chosen catalog error (p's, read as r) wraps,
// when its category is vague: the innermost document escaped inside it
// that says more, else its message text. The category comes from the
// code or type vocabulary of well-known APIs (foreign.go), then, when that
// says nothing or invalid_request (the catch-all of 4xx), from the
// message's wording (rootWords), then from the status. A root cause found
// is written into d (category, retry verdict, fix, explanation, notes);
// otherwise it returns the status of the document right inside, if any,
// and says what that document is.
func (c *Classifier) rootCause(d *Diagnosis, a *artefact, at *attempt, p *catalog.Provider, r *reading) (upstream int, found bool) {
	var rc RootCause
	var g foreign        // the wrapped document's well-known shape
	var ue *catalog.Code // the upstream provider's code for it
	up := c.upstream(r)  // the provider an aggregator names, or nil
	how := ""            // what gave the category, in words
	for i := len(a.layers) - 1; i >= at.index && r != nil && r.entry != nil && vague(d.Category); i-- {
		if i == at.index && i+1 < len(a.layers) {
			push(&d.Notes, "Inside "+rc.Where+" is the wrapped error; it says no more than "+d.Category+".")
			return rc.Status, false
		}
		rc, g, ue = RootCause{Message: d.Message, Where: "message (text)"}, foreign{}, nil
		if i == at.index { // no document inside: the upstream's text, or the message
			for _, f := range d.Fields {
				if f.Role == "message" {
					rc.Where = f.Path + " (text)"
				}
			}
			if r.upBody != "" {
				rc.Message, rc.Where = r.upBody, "the upstream's error (text)"
			}
			if rc.Status, _ = statusNear(rc.Message); rc.Status == d.Status {
				rc.Status = 0
			}
		} else {
			l := &a.layers[i]
			g, _ = readForeign(l.doc, "") // the zero foreign when it is no known shape
			rc = RootCause{Where: l.where + " (escaped JSON)", Status: max(l.status, g.status), Code: g.code, Message: g.message, Category: g.category}
			how = g.rule
			if up != nil { // read as the named provider's own error
				ur := read(up, l.doc, rc.Status, nil, "", "")
				if ue = ur.entry; ue != nil {
					rc.Code, rc.Message, rc.Category = ur.code, ur.message, ue.Category
					if ur.variant != nil {
						rc.Category = ur.variant.Category
					}
					how, g.shape = up.Name+" documents \""+ue.Code+"\"", ""
				}
			}
		}
		if up != nil {
			rc.Provider = up.ID
		}
		low := textx.Lower(rc.Message)
		for _, w := range rootWords {
			if ue == nil && (vague(rc.Category) || rc.Category == "invalid_request") && textx.Index(low, w.text) >= 0 {
				rc.Category, how, g.shape = w.category, "its message says \""+w.text+"\"", ""
			}
		}
		if rc.Category == "" && rc.Status >= 400 {
			rc.Category = statusCategory(rc.Status)
			how = "HTTP " + decimal.Itoa(rc.Status) + " means " + rc.Category
		}
		if vague(rc.Category) {
			continue
		}
		// the root cause decides the category, the retry verdict and the fix
		found := rc // a copy: only a found root cause is allocated
		cat, _ := c.cat.Category(rc.Category)
		v := verdict{category: rc.Category, headers: a.headers, midStream: d.MidStream, partial: d.PartialOutput}
		d.Category, d.RootCause, d.Fix = rc.Category, &found, []string{cat.Advice}
		if g.shape != "" {
			v.foreign = &g
		}
		if ue != nil {
			v.provider, v.entry, d.Fix = up, ue, ue.Fix
		}
		wrapper := p.Name + " reports \"" + d.Code + "\" (" + d.CodeCategory + "), which wraps another error: "
		d.Explanation = wrapper + "the upstream said \"" + textx.CutUTF8(rc.Message, 200) + "\", which is " + rc.Category + ". " + d.Explanation
		push(&d.Notes, "The root cause, in "+rc.Where+", is "+rc.Category+" ("+how+"); it decides the category, the retry verdict and the fix.")
		c.fillRetry(d, a, p, v, g.wait)
		d.Retry.Reason = wrapper + "that error decides. " + d.Retry.Reason
		return 0, true
	}
	return 0, false
}

// upstream returns the catalog provider whose detect.names has the name an
// aggregator's error gives for the provider behind it (r.upstream); nil
// when there is none or it is not in the catalog.
func (c *Classifier) upstream(r *reading) *catalog.Provider {
	for i := range c.cat.Providers {
		for _, n := range c.cat.Providers[i].Detect.Names {
			if r != nil && r.upstream != "" && catalog.EqualFold(n, r.upstream) {
				return &c.cat.Providers[i]
			}
		}
	}
	return nil
}
