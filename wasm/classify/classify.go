package classify

import "github.com/errdex/errdex/wasm/catalog"

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

// Diagnose reads one paste and says what it is. It never fails: empty,
// binary and unrecognised input give a Diagnosis with Category "unknown".
// It is deterministic and does not read the clock.
func Diagnose(input string, opts Options) Diagnosis {
	var d Diagnosis
	cut := len(input) > MaxInput
	if cut {
		input = cutUTF8(input, MaxInput)
	}
	red, reds, secrets := redactText(input)
	art := unwrap(red)
	a := &art
	d.RedactedInput, d.Redactions, d.Form, d.Status, d.Truncated = red, reds, formNames[a.form], a.status, a.truncated
	if cut {
		push(&d.Notes, "Only the first 8 MiB of the input were read.")
	}
	t := &pasteText{text: red, low: toLower(red)}
	forced := -1 // the index of the provider the user chose
	if opts.Provider != "" {
		for i := range catalog.Providers {
			if forced < 0 && catalog.Providers[i].ID == opts.Provider {
				forced = i
			}
		}
		if forced < 0 {
			push(&d.Notes, "The provider \""+cutUTF8(opts.Provider, 40)+"\" is not in the catalog; it was ignored.")
		}
	}

	// Read every layer (the body and the documents escaped in it) and keep
	// the most specific: a catalog code wins, the outermost first (a
	// catalog wrapper such as Cline's stream_initialization_failed is the
	// error the client got); otherwise the innermost (the upstream error a
	// proxy wrapped).
	var at attempt
	for i := 0; i == 0 || i < len(a.layers); i++ {
		var l *layer // nil when there is no document
		if i < len(a.layers) {
			l = &a.layers[i]
		}
		next := try(a, l, i, t, forced)
		if i == 0 || next.spec > at.spec || (next.spec == at.spec && next.spec < 3) {
			at = next
		}
	}
	d = fill(d, a, &at)
	pushAll(&d.Notes, a.notes)

	// Mask, in every string taken from the paste, secrets that escapes hid
	// from the first pass.
	for _, s := range []*string{&d.Message, &d.RequestID, &d.Code, &d.Retry.Reason} {
		*s = scrub(*s, secrets)
	}
	for i := range d.Fields {
		d.Fields[i].Value = scrub(d.Fields[i].Value, secrets)
	}
	scrubList(d.Notes, secrets)
	changed := scrubList(d.Evidence, secrets)
	for i := range d.Candidates {
		// The attributed provider's evidence is d.Evidence: when scrubbing
		// changed none of it, scrubbing it again changes nothing either.
		if ev := d.Candidates[i].Evidence; changed || len(ev) == 0 || len(ev) != len(d.Evidence) || &ev[0] != &d.Evidence[0] {
			scrubList(ev, secrets)
		}
	}
	return d
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
func (at *attempt) readTop(a *artefact, i int) reading {
	if i < len(at.reads) && at.reads[i].done {
		return at.reads[i]
	}
	code := a.looseCode
	if code == "" {
		code = at.top[i].textCode
	}
	return read(at.top[i].p(), at.doc, at.status, code, a.looseMsg)
}

func try(a *artefact, l *layer, index int, t *pasteText, forced int) attempt {
	at := attempt{layer: l, index: index, status: a.status}
	if l != nil {
		at.doc = l.doc
		if l.status != 0 {
			at.status = l.status // an upstream error carries its own status
		}
	}
	doc, status := at.doc, at.status
	ct, _ := a.headers.get("content-type")
	at.fgn, at.fok = readForeign(doc, toLower(ct))
	if at.fok {
		at.fgn.context(doc, a.headers, status)
	}
	var mark shapeMark
	if at.fok && at.fgn.mark != "" {
		mark = shapeMark{shape: at.fgn.shape, key: at.fgn.mark}
	}
	at.cands = detect(a, doc, status, mark, t)
	switch {
	case forced >= 0:
		s := scored{pi: forced, conf: 1, evidence: []string{"chosen by the user"}}
		for _, c := range at.cands {
			if c.pi == forced {
				pushAll(&s.evidence, c.evidence)
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
		r := at.readTop(a, i)
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

// fill returns d with the chosen attempt written in.
func fill(d Diagnosis, a *artefact, at *attempt) Diagnosis {
	d.MidStream, d.PartialOutput = a.midStream, a.partial
	for _, c := range at.cands[:min(len(at.cands), maxCandidates)] {
		d.Candidates = append(d.Candidates, Candidate{Provider: c.p().ID, Confidence: c.conf, Evidence: c.evidence})
	}
	var doc *node
	upstream := 0
	if l := at.layer; l != nil {
		doc = l.doc
		if at.index > 0 {
			upstream = l.status
			w := "The error was wrapped: this is the upstream error found inside " + l.where + " of the outer body"
			if upstream != 0 {
				w += " (upstream status " + itoa(upstream) + ")"
			}
			push(&d.Notes, w+".")
		}
	}
	var r *reading // the attributed provider's reading
	var p *catalog.Provider
	var names []string // the tied providers
	switch {
	case len(at.top) == 1:
		p, r = at.top[0].p(), &at.reads[0]
		d.Provider, d.ProviderName, d.Evidence = p.ID, p.Name, at.top[0].evidence
	case len(at.top) > 1:
		for _, s := range at.top {
			push(&names, s.p().Name)
		}
		tied := join(names, " and ")
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
			if f, ok := a.layers[0].doc.get(k).num(); ok && f >= 100 && f < 600 && f == float64(int(f)) {
				d.Status = int(f)
				break
			}
		}
	}
	status := d.Status
	if upstream != 0 {
		status = upstream
	}

	// code, message, request id, fields
	var read *errorFields // what they are read from
	switch {
	case r != nil:
		read = &r.errorFields
		if r.entry != nil || r.result > 0 {
			d.Code = r.code
		}
		if r.unknownCode != "" {
			push(&d.Notes, "The code \""+cutUTF8(r.unknownCode, 80)+"\" is not one "+p.Name+" documents.")
		}
		if r.byStatus {
			push(&d.Notes, "The body carries no code; "+p.Name+" documents \""+r.entry.Code+"\" as its only error with HTTP "+itoa(status)+".")
		}
		if r.variant != nil {
			d.Variant = r.variant.Name
		}
	case names != nil:
		read = &at.reads[0].errorFields
		same := true
		for i := range at.top {
			same = same && at.readTop(a, i).code == read.code
		}
		if same {
			d.Code = read.code
		}
	case at.fok:
		read = &at.fgn.errorFields
		d.Code = read.code
	default:
		d.Code, d.Message = a.looseCode, a.looseMsg
		if a.html != "" {
			d.Message = a.html
		}
	}
	if read != nil {
		d.Message, d.RequestID, d.Fields = read.message, read.requestID, read.fields
	}
	if d.RequestID == "" {
		for _, name := range requestIDHeaders {
			if id, ok := a.headers.get(name); ok && id != "" {
				d.RequestID = id
				addField(&d.Fields, "header "+name, id, "request_id")
				break
			}
		}
	}
	for _, h := range []string{"retry-after", "retry-after-ms"} {
		if val, ok := a.headers.get(h); ok {
			addField(&d.Fields, "header "+h, val, "retry_after")
		}
	}

	// category; v gathers the inputs of the retry verdict on the way
	v := verdict{provider: p, agreeing: names, html: a.html != "", vendor: a.htmlVendor, headers: a.headers}
	if r != nil {
		v.entry, v.variant, v.result = r.entry, r.variant, r.documented(p)
	}
	entry, variant, result := v.entry, v.variant, v.result
	bodyScore := -1 // how error-like the body is; -1 without one
	if doc != nil {
		bodyScore = errorScore(doc)
	}
	agreed, agreedEntry := agreement(a, at)
	var cat string
	switch {
	case entry != nil:
		cat = entry.Category
		if variant != nil && variant.Category != "" {
			cat = variant.Category
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

	// retry
	v.category, v.code, v.midStream, v.partial = cat, d.Code, d.MidStream, d.PartialOutput
	if agreedEntry != nil {
		v.entry = agreedEntry
	}
	if v.entry == nil && at.fok {
		v.foreign = &at.fgn
	}
	if at.index == 0 && len(a.layers) > 1 && v.entry != nil {
		// describe the upstream error escaped inside the chosen one
		up := &a.layers[1]
		v.upstreamStatus = up.status
		f, _ := readForeign(up.doc, "") // the zero foreign when it is no known shape
		var parts []string
		if up.status != 0 {
			push(&parts, "status "+itoa(up.status))
		}
		if f.typ != "" {
			push(&parts, "type "+f.typ)
		}
		if f.code != "" && f.code != f.typ {
			push(&parts, "code "+f.code)
		}
		s := "Inside " + up.where + " is the upstream provider's own error"
		if len(parts) > 0 {
			s += " (" + join(parts, ", ") + ")"
		}
		if f.message != "" {
			s += ": \"" + cutUTF8(f.message, 200) + "\""
		}
		push(&d.Notes, s+".")
	}
	src := waitSources{headers: a.headers, useReset: cat == "rate_limit" || cat == "quota"}
	if r != nil {
		src.body = r.wait
	} else if at.fok {
		src.body = at.fgn.wait
	}
	if p != nil {
		src.resetHeader, src.resetUnit = p.RateLimit.ResetHeader, p.RateLimit.ResetUnit
	}
	if v.entry != nil && v.entry.Retry.WaitSeconds > 0 {
		src.fixed = v.entry.Retry.WaitSeconds
		src.fixedWhy = "the documented wait for \"" + v.entry.Code + "\""
	}
	v.wait = computeWait(src)
	pushAll(&d.Notes, v.wait.problems)
	d.Retry = decide(&v)

	d.Title, d.Explanation, d.Fix, d.Reference = explain(&d, a, at, p, r)
	if d.Truncated {
		push(&d.Notes, "The input was cut off inside the error body; this diagnosis uses what could be read.")
	}
	return d
}

// agreement returns the category all the tied readings give, and the
// first tied entry when all have the same retry verdict, so the verdict
// can be given; "" and nil when they differ or one has no entry.
func agreement(a *artefact, at *attempt) (cat string, first *catalog.Code) {
	sameCat, sameRetry := true, true
	for i := range at.top {
		r := at.readTop(a, i)
		e := r.entry
		if e == nil {
			return "", nil
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
func scrubList(list, secrets []string) (changed bool) {
	for i, s := range list {
		list[i] = scrub(s, secrets)
		changed = changed || list[i] != s
	}
	return changed
}
