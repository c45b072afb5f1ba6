package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// MaxInput is the largest paste Diagnose reads: 8 MiB. Diagnose reads only
// the first MaxInput bytes of a longer input and says so in a note; the
// errdex CLI refuses such input instead (exit status 2).
const MaxInput = 8 << 20

// Options change how Diagnose attributes a paste.
type Options struct {
	// Provider, when it is a catalog provider id, forces that provider: the
	// playground's "this came from..." override. Candidates are still
	// scored and listed.
	Provider string
}

// Classifier diagnoses pastes against one catalog, read once by [New].
type Classifier struct {
	cat   *catalog.Catalog
	lists *redactLists // what the redactor (and the SSE reader) read of cat
}

// Diagnose reads one paste and says what it is. It never fails: empty,
// binary and unrecognised input give a Diagnosis with Category "unknown".
// It is deterministic and does not read the clock.
//
// A paste with several errors (a log, a HAR file, several curl outputs, an
// SSE stream with several error events) is split into them (segment.go);
// the Diagnosis is then about the primary error and lists every distinct
// one in Errors (distinct.go).
func (c Classifier) Diagnose(input string, opts Options) Diagnosis {
	cut := len(input) > MaxInput
	if cut {
		input = textx.CutUTF8(input, MaxInput)
	}
	red, reds, secrets := c.redactText(input)
	var d Diagnosis // notes about the whole paste come first
	if cut {
		push(&d.Notes, "Only the first 8 MiB of the input were read.")
	}
	forced := -1 // the index of the provider the user chose
	if opts.Provider != "" {
		for i := range c.cat.Providers {
			if forced < 0 && c.cat.Providers[i].ID == opts.Provider {
				forced = i
			}
		}
		if forced < 0 {
			push(&d.Notes, "The provider \""+textx.CutUTF8(opts.Provider, 40)+"\" is not in the catalog; it was ignored.")
		}
	}
	art := unwrapWith(red, &budget{left: 16*len(red) + 1<<16, stream: c.lists.stream})
	segs, errs := split(red, &art)
	if total, lone := c.diagnoseSeveral(&d, red, &art, segs, errs, forced, secrets); total < 2 { // read whole: one error or none
		c.diagnoseArtefact(&d, &art, newPasteText(red), forced, secrets)
		if d.Line = min(d.Occurrences, 1); lone >= 0 && d.Occurrences > 0 {
			place(&d, &segs[lone])
		}
	}
	d.Redactions, d.Form = reds, formNames[art.form]
	d.RedactedInput = red
	return d
}

// diagnoseArtefact reads every layer of a (the body and the documents
// escaped in it), keeps the most specific and writes its diagnosis into
// d (which holds at most the notes about the whole paste), with
// every secret the first pass missed masked. t is the text a came from.
func (c *Classifier) diagnoseArtefact(d *Diagnosis, a *artefact, t *pasteText, forced int, secrets []string) {
	d.Form, d.Status, d.Truncated = formNames[a.form], a.status, a.truncated
	// A catalog code wins, the outermost first (a catalog wrapper such as
	// Cline's stream_initialization_failed is the error the client got;
	// rootcause.go then reads what it wraps); otherwise the innermost (the
	// upstream error a proxy wrapped).
	var at attempt
	for i := 0; i == 0 || i < len(a.layers); i++ {
		var l *layer // nil when there is no document
		if i < len(a.layers) {
			l = &a.layers[i]
		}
		next := c.try(a, l, i, t, forced)
		if i == 0 || next.spec > at.spec || (next.spec == at.spec && next.spec < 3) {
			at = next
		}
	}
	c.fill(d, a, &at)
	pushAll(&d.Notes, a.notes)
	if d.Category == "success" || d.Category == "unknown" {
		d.CodeCategory = ""
	} else {
		d.Occurrences = 1
	}

	// Mask, in every string taken from the paste, secrets that escapes hid
	// from the first pass.
	for _, s := range []*string{&d.Message, &d.RequestID, &d.Code, &d.Retry.Reason, &d.Explanation} {
		*s = c.scrub(*s, secrets)
	}
	if rc := d.RootCause; rc != nil {
		rc.Message, rc.Code = c.scrub(rc.Message, secrets), c.scrub(rc.Code, secrets)
	}
	for i := range d.Fields {
		d.Fields[i].Value = c.scrub(d.Fields[i].Value, secrets)
	}
	c.scrubList(d.Notes, secrets)
	changed := c.scrubList(d.Evidence, secrets)
	for i := range d.Candidates {
		// The attributed provider's evidence is d.Evidence: when scrubbing
		// changed none of it, scrubbing it again changes nothing either.
		if ev := d.Candidates[i].Evidence; changed || len(ev) == 0 || len(ev) != len(d.Evidence) || &ev[0] != &d.Evidence[0] {
			c.scrubList(ev, secrets)
		}
	}
}

// attempt is the reading of one layer of the paste.
type attempt struct {
	layer  *layer
	index  int
	doc    *node // the layer's document, nil without one
	status int   // the HTTP status it came with
	fgn    foreign
	fok    bool
	cands  []scored
	top    []scored               // the attributed provider, or the providers that tie
	reads  [maxCandidates]reading // the first top providers' readings
	spec   int                    // how specific the reading is: 3 catalog code, 2 known vocabulary, 1 error shape
}

// readTop returns the reading of the document through the envelope of the
// i-th top provider. The first readings are kept in the attempt, never on
// the heap, which keeps the catalog's types out of the binary's type data;
// more tied providers are read again where they are needed.
func (c *Classifier) readTop(at *attempt, a *artefact, i int) reading {
	if i < len(at.reads) && at.reads[i].done {
		return at.reads[i]
	}
	code := a.looseCode
	if code == "" {
		code = at.top[i].textCode
	}
	return read(c.p(&at.top[i]), at.doc, at.status, a.headers, code, a.looseMsg)
}

func (c *Classifier) try(a *artefact, l *layer, index int, t *pasteText, forced int) attempt {
	at := attempt{layer: l, index: index, status: a.status}
	if l != nil {
		at.doc = l.doc
		if l.status != 0 {
			at.status = l.status // an upstream error carries its own status
		}
	}
	doc, status := at.doc, at.status
	ct, _ := a.headers.get("content-type")
	at.fgn, at.fok = readForeign(doc, textx.Lower(ct))
	if at.fok {
		at.fgn.context(doc, a.headers, status)
	}
	var mark shapeMark
	if at.fok && at.fgn.mark != "" {
		mark = shapeMark{shape: at.fgn.shape, key: at.fgn.mark}
	}
	if at.fok {
		mark.code = at.fgn.code
	}
	at.cands = c.detect(a, doc, status, mark, t)
	switch {
	case forced >= 0:
		s := scored{pi: forced, conf: 1, evidence: []string{"chosen by the user"}}
		for _, x := range at.cands {
			if x.pi == forced {
				pushAll(&s.evidence, x.evidence)
			}
		}
		at.top = []scored{s}
	case len(at.cands) > 0 && at.cands[0].score >= minScore:
		// The candidates are sorted, so the ones that tie with the best
		// come right after it.
		k := 1
		for k < len(at.cands) && at.cands[k].score >= minScore && at.cands[k].score > at.cands[0].score-tieMargin {
			k++
		}
		at.top = at.cands[:k]
	}
	for i := range at.top {
		r := c.readTop(&at, a, i)
		if r.entry != nil || r.result > 0 {
			at.spec = 3
		}
		if i < len(at.reads) {
			at.reads[i] = r
		}
	}
	if at.spec == 0 {
		switch {
		case at.fok && at.fgn.category != "":
			at.spec = 2
		case at.fok || (doc != nil && errorScore(doc) > 0):
			at.spec = 1
		}
	}
	return at
}

// fill writes the chosen attempt at of a into d, stage by stage: the
// provider (fillProvider), the code and fields (code.go), the category
// (category.go), the explanation (explain.go), then the root cause
// (rootcause.go) and the retry verdict (fillRetry).
func (c *Classifier) fill(d *Diagnosis, a *artefact, at *attempt) {
	var p *catalog.Provider // the attributed provider
	var r *reading          // its reading
	if len(at.top) == 1 {
		p, r = c.p(&at.top[0]), &at.reads[0]
	}
	names, doc, upstream := c.fillProvider(d, a, at, p)
	if d.Status == 0 && r != nil {
		d.Status = r.status // the body's status field (Google's error.code)
	}
	status := d.Status // the status the category follows
	if upstream != 0 {
		status = upstream
	}
	c.fillCode(d, a, at, p, r, names, status)
	v := c.fillCategory(d, a, at, p, r, names, doc, status)

	// explanation, root cause, retry verdict
	d.CodeCategory = d.Category
	d.Title, d.Explanation, d.Fix, d.Reference = c.explain(d, a, at, p, r)
	var found bool
	if v.upstreamStatus, found = c.rootCause(d, a, at, p, r); !found {
		body := at.fgn.wait
		if r != nil {
			body = r.wait
		}
		c.fillRetry(d, a, p, v, body)
	}
	d.Clients = judgeClients(c.cat.Clients, d, a.headers)
	if d.Truncated {
		push(&d.Notes, "The input was cut off inside the error body; this diagnosis uses what could be read.")
	}
}

// fillProvider writes the candidates, the provider p (nil when none was
// attributed), its evidence and the status; it returns the tied providers'
// names, the error document and the status of an upstream error found
// inside the body.
func (c *Classifier) fillProvider(d *Diagnosis, a *artefact, at *attempt, p *catalog.Provider) (names []string, doc *node, upstream int) {
	// candidates, provider, status
	d.MidStream, d.PartialOutput = a.midStream, a.partial
	for i := range at.cands[:min(len(at.cands), maxCandidates)] {
		x := &at.cands[i]
		d.Candidates = append(d.Candidates, Candidate{Provider: c.p(x).ID, Confidence: x.conf, Evidence: x.evidence})
	}
	if l := at.layer; l != nil {
		doc = l.doc
		if at.index > 0 {
			upstream = l.status
			w := "The error was wrapped: this is the upstream error found inside " + l.where + " of the outer body"
			if upstream != 0 {
				w += " (upstream status " + decimal.Itoa(upstream) + ")"
			}
			push(&d.Notes, w+".")
		}
	}
	switch {
	case len(at.top) == 1:
		d.Provider, d.ProviderName, d.Evidence = p.ID, p.Name, at.top[0].evidence
	case len(at.top) > 1:
		for i := range at.top {
			push(&names, c.p(&at.top[i]).Name)
		}
		tied := textx.Join(names, " and ")
		d.Evidence = []string{"the paste fits " + tied + " equally well; nothing in it tells them apart"}
		push(&d.Notes, "Provider not attributed: the paste fits "+tied+" equally. The request URL, a key prefix or a provider-specific header would tell them apart.")
	case at.fok:
		d.Evidence = []string{"the body is " + at.fgn.shape + ", from an API outside the catalog"}
	}
	if len(at.top) > 0 {
		d.Confidence = at.top[0].conf
	}
	if d.Status == 0 && at.fok {
		d.Status = at.fgn.status
	}
	if d.Status == 0 && len(a.layers) > 1 {
		// a log record around the error: {"status": 429, "body": "{...}"}
		for _, k := range []string{"status", "status_code", "statusCode", "http_status"} {
			if n, ok := a.layers[0].doc.get(k).num(); ok && n >= 100 && n < 600 && n == float64(int(n)) {
				d.Status = int(n)
				break
			}
		}
	}
	return names, doc, upstream
}

// fillRetry writes the retry verdict from its inputs v (a copy: storing the
// wait through a pointer would bring its type data into the binary); body
// is the wait the error body gives, p the provider that answered.
func (c *Classifier) fillRetry(d *Diagnosis, a *artefact, p *catalog.Provider, v verdict, body bodyWait) {
	if !body.ok {
		body = messageWait(d.Message)
	}
	src := waitSources{headers: a.headers, body: body, useReset: v.category == "rate_limit" || v.category == "quota"}
	if p != nil {
		src.resetHeaders, src.resetUnit = p.RateLimit.ResetHeaders, p.RateLimit.ResetUnit
	}
	if v.entry != nil && v.entry.Retry.WaitSeconds > 0 {
		src.fixed = v.entry.Retry.WaitSeconds
		src.fixedWhy = "the documented wait for \"" + v.entry.Code + "\""
	}
	v.wait = computeWait(src)
	pushAll(&d.Notes, v.wait.problems)
	v.cat = c.cat
	d.Retry = decide(&v)
}

// agreement returns the category all the tied readings give, and the
// first tied entry when all have the same retry verdict, so the verdict
// can be given; "" and nil when they differ or none has an entry. A
// reading without an entry (its provider does not document the code) has
// no say.
func (c *Classifier) agreement(a *artefact, at *attempt) (cat string, first *catalog.Code) {
	sameCat, sameRetry := true, true
	for i := range at.top {
		r := c.readTop(at, a, i)
		e := r.entry
		if e == nil {
			continue // a candidate that does not document the code has no say
		}
		c := e.Category
		if v := r.variant; v != nil && v.Category != "" {
			c = v.Category
		}
		sameCat = sameCat && (cat == "" || c == cat)
		cat = c
		if first == nil {
			first = e
		} else {
			sameRetry = sameRetry && e.Retry.Retryable == first.Retry.Retryable
		}
	}
	if !sameCat {
		cat = ""
	}
	if !sameRetry {
		first = nil
	}
	return cat, first
}

// scrubList scrubs each string of list, and reports whether any changed.
func (c *Classifier) scrubList(list, secrets []string) (changed bool) {
	for i, s := range list {
		list[i] = c.scrub(s, secrets)
		changed = changed || list[i] != s
	}
	return changed
}
