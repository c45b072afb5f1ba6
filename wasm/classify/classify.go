package classify

import (
	"strconv"
	"strings"

	"github.com/errdex/errdex/wasm/catalog"
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

// Diagnose reads one paste and says what it is. It never fails: empty,
// binary and unrecognised input give a Diagnosis with Category "unknown".
// It is deterministic and does not read the clock.
func Diagnose(input string, opts Options) Diagnosis {
	var d Diagnosis
	cut := false
	if len(input) > MaxInput {
		input, cut = cutUTF8(input, MaxInput), true
	}
	red, reds, secrets := redactText(input)
	d.RedactedInput, d.Redactions = red, reds
	a := unwrap(red)
	d.Form = a.form
	d.Status = a.status
	d.Truncated = a.truncated
	if cut {
		d.Notes = append(d.Notes, "Only the first 8 MiB of the input were read.")
	}
	t := &pasteText{text: red, low: strings.ToLower(red)}
	var forced *catalog.Provider
	if opts.Provider != "" {
		if p, ok := catalog.Lookup(opts.Provider); ok {
			forced = p
		} else {
			d.Notes = append(d.Notes, "The provider \""+cutUTF8(opts.Provider, 40)+"\" is not in the catalog; it was ignored.")
		}
	}

	at := choose(a, t, forced)
	fill(&d, a, at, forced)
	d.Notes = append(d.Notes, a.notes...)
	scrubAll(&d, secrets)
	return d
}

// attempt is the reading of one layer of the paste.
type attempt struct {
	layer *layer
	index int
	fgn   foreign
	fok   bool
	cands []scored
	top   []scored  // the attributed provider, or the providers that tie
	reads []reading // each top provider's reading
	spec  int       // how specific the reading is: 3 catalog code, 2 known vocabulary, 1 error shape
}

// choose reads every layer (the body and the documents escaped in it) and
// keeps the most specific: a catalog code wins, the outermost first (a
// catalog wrapper such as Cline's stream_initialization_failed is the
// error the client got); otherwise the innermost (the upstream error a
// proxy wrapped).
func choose(a *artefact, t *pasteText, forced *catalog.Provider) attempt {
	if len(a.layers) == 0 {
		return try(a, nil, 0, t, forced)
	}
	best := try(a, &a.layers[0], 0, t, forced)
	for i := 1; i < len(a.layers); i++ {
		at := try(a, &a.layers[i], i, t, forced)
		if at.spec > best.spec || (at.spec == best.spec && at.spec < 3) {
			best = at
		}
	}
	return best
}

func try(a *artefact, l *layer, index int, t *pasteText, forced *catalog.Provider) attempt {
	at := attempt{layer: l, index: index}
	var doc *node
	if l != nil {
		doc = l.doc
	}
	ct, _ := a.headers.get("content-type")
	at.fgn, at.fok = readForeign(doc, strings.ToLower(ct))
	var mark shapeMark
	if at.fok && at.fgn.strong {
		mark.shape = at.fgn.shape
		switch at.fgn.shape {
		case shapeOpenAI:
			mark.key = "error.type"
		case shapeAnthropic:
			mark.key = "type"
		case shapeGoogle:
			mark.key = "error.status"
		case shapeProblem:
			mark.key = "title"
		}
	}
	at.cands = detect(a, l, mark, t)
	status := a.status
	if l != nil && l.status != 0 {
		status = l.status
	}
	switch {
	case forced != nil:
		s := scored{p: forced, conf: 1, evidence: []string{"chosen by the user"}}
		for _, c := range at.cands {
			if c.p == forced {
				s.evidence = append(s.evidence, c.evidence...)
			}
		}
		at.top = []scored{s}
	case len(at.cands) > 0 && at.cands[0].score >= minScore:
		at.top = []scored{at.cands[0]}
		for _, c := range at.cands[1:] {
			if c.score >= minScore && c.score > at.cands[0].score-tieMargin {
				at.top = append(at.top, c)
			}
		}
	}
	for _, s := range at.top {
		code := a.looseCode
		if code == "" {
			code = s.textCode
		}
		at.reads = append(at.reads, read(s.p, doc, status, code, a.looseMsg))
	}
	for _, r := range at.reads {
		if r.entry != nil || r.result != nil {
			at.spec = 3
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

// fill writes the chosen attempt into d.
func fill(d *Diagnosis, a *artefact, at attempt, forced *catalog.Provider) {
	for i, c := range at.cands {
		if i >= maxCandidates {
			break
		}
		d.Candidates = append(d.Candidates, Candidate{Provider: c.p.ID, Confidence: c.conf, Evidence: c.evidence})
	}
	var doc *node
	if at.layer != nil {
		doc = at.layer.doc
	}
	upstream := 0
	if at.layer != nil && at.index > 0 {
		upstream = at.layer.status
		w := "The error was wrapped: this is the upstream error found inside " + at.layer.where + " of the outer body"
		if upstream != 0 {
			w += " (upstream status " + strconv.Itoa(upstream) + ")"
		}
		d.Notes = append(d.Notes, w+".")
	}
	ctx := explainCtx{a: a, fgn: &at.fgn, fok: at.fok}
	var r *reading
	var p *catalog.Provider
	switch {
	case len(at.top) == 1:
		p, r = at.top[0].p, &at.reads[0]
		d.Provider, d.ProviderName = p.ID, p.Name
		d.Confidence = at.top[0].conf
		d.Evidence = at.top[0].evidence
	case len(at.top) > 1:
		var names []string
		for _, s := range at.top {
			names = append(names, s.p.Name)
		}
		d.Confidence = at.top[0].conf
		d.Evidence = []string{"the paste fits " + strings.Join(names, " and ") + " equally well; nothing in it tells them apart"}
		d.Notes = append(d.Notes, "Provider not attributed: the paste fits "+strings.Join(names, " and ")+" equally. The request URL, a key prefix or a provider-specific header would tell them apart.")
		ctx.tie, ctx.tieReads = at.top, at.reads
	default:
		if at.fok {
			d.Evidence = append(d.Evidence, "the body is "+at.fgn.shape+", from an API outside the catalog")
		}
	}
	if d.Status == 0 && at.fok && at.fgn.status != 0 {
		d.Status = at.fgn.status
	}
	if d.Status == 0 && len(a.layers) > 1 {
		// a log record around the error: {"status": 429, "body": "{...}"}
		d.Status = statusField(a.layers[0].doc)
	}
	status := d.Status
	if upstream != 0 {
		status = upstream
	}

	// code, message, request id, fields
	var v verdict
	v.headers, v.status, v.upstreamStatus = a.headers, status, 0
	switch {
	case r != nil:
		if r.entry != nil || r.result != nil {
			d.Code = r.code
		}
		if r.unknownCode != "" {
			d.Notes = append(d.Notes, "The code \""+cutUTF8(r.unknownCode, 80)+"\" is not one "+p.Name+" documents.")
		}
		if r.byStatus {
			d.Notes = append(d.Notes, "The body carries no code; "+p.Name+" documents \""+r.entry.Code+"\" as its only error with HTTP "+strconv.Itoa(status)+".")
		}
		d.Message, d.RequestID, d.Fields = r.message, r.requestID, r.fields
		if r.variant != nil {
			d.Variant = r.variant.Name
		}
	case len(ctx.tie) > 0:
		r0 := &at.reads[0]
		same := true
		for _, x := range at.reads {
			same = same && x.code == r0.code
		}
		if same {
			d.Code = r0.code
		}
		d.Message, d.RequestID, d.Fields = r0.message, r0.requestID, r0.fields
	case at.fok:
		d.Code, d.Message, d.RequestID = at.fgn.code, at.fgn.message, at.fgn.requestID
		d.Fields = at.fgn.fields
	default:
		d.Code, d.Message = a.looseCode, a.looseMsg
		if a.html != "" {
			d.Message = a.html
		}
	}
	if d.RequestID == "" {
		if name, id, ok := headerRequestID(a.headers); ok {
			d.RequestID = id
			d.Fields = append(d.Fields, Field{Path: "header " + name, Value: id, Role: "request_id"})
		}
	}
	for _, h := range []string{"retry-after", "retry-after-ms"} {
		if val, ok := a.headers.get(h); ok {
			d.Fields = append(d.Fields, Field{Path: "header " + h, Value: val, Role: "retry_after"})
		}
	}

	// category
	d.MidStream = a.midStream
	d.PartialOutput = a.partial
	var entry *catalog.Code
	var variant *catalog.Variant
	var result *catalog.Result
	if r != nil {
		entry, variant, result = r.entry, r.variant, r.result
	}
	switch {
	case entry != nil:
		d.Category = entry.Category
		if variant != nil && variant.Category != "" {
			d.Category = variant.Category
		}
		if entry.Signal == catalog.SignalStream {
			d.MidStream = true
		}
	case result != nil:
		d.Category = "success"
	case len(ctx.tie) > 0 && agreeingCategory(at.reads) != "":
		d.Category = agreeingCategory(at.reads)
	case at.fok && at.fgn.category != "":
		d.Category = at.fgn.category
	case doc != nil && errorScore(doc) == 0 && !d.MidStream && (status >= 200 && status < 300):
		d.Category = "success"
	case a.streamDone && (status == 0 || (status >= 200 && status < 300)) && doc == nil:
		d.Category = "success"
	case status != 0 && statusCategory(status) != "":
		d.Category = statusCategory(status)
	default:
		d.Category = "unknown"
	}
	if d.Category == "success" && doc != nil && errorScore(doc) > 0 && result == nil {
		d.Category = "unknown"
	}
	if d.Category == "unknown" && doc != nil && errorScore(doc) == 0 && status == 0 {
		d.Notes = append(d.Notes, "The JSON has no error fields; with a 2xx status it would be a success.")
	}

	// retry
	v.category = d.Category
	v.provider, v.entry, v.variant, v.result = p, entry, variant, result
	if len(ctx.tie) > 0 {
		for _, s := range ctx.tie {
			v.agreeing = append(v.agreeing, s.p.Name)
		}
		if e := agreeingEntry(at.reads); e != nil {
			v.entry = e
		}
	}
	if v.entry == nil && at.fok {
		v.foreign = &at.fgn
	}
	v.code = d.Code
	v.midStream, v.partial = d.MidStream, d.PartialOutput
	v.html, v.vendor = a.html != "", a.htmlVendor
	if at.index == 0 && len(a.layers) > 1 && v.entry != nil {
		v.upstreamStatus = a.layers[1].status
		describeUpstream(d, a.layers[1])
	}
	src := waitSources{headers: a.headers, useReset: d.Category == "rate_limit" || d.Category == "quota"}
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
	d.Notes = append(d.Notes, v.wait.problems...)
	d.Retry = decide(v)

	explain(d, ctx, p, entry, variant, result)
	if d.Truncated {
		d.Notes = append(d.Notes, "The input was cut off inside the error body; this diagnosis uses what could be read.")
	}
}

// statusField reads a numeric HTTP status from a record's top-level
// status, status_code or statusCode field.
func statusField(n *node) int {
	for _, k := range []string{"status", "status_code", "statusCode", "http_status"} {
		if f, ok := n.get(k).num(); ok && f >= 100 && f < 600 && f == float64(int(f)) {
			return int(f)
		}
	}
	return 0
}

// agreeingCategory returns the category every tied reading gives, or "".
func agreeingCategory(reads []reading) string {
	cat := ""
	for _, r := range reads {
		if r.entry == nil {
			return ""
		}
		c := r.entry.Category
		if r.variant != nil && r.variant.Category != "" {
			c = r.variant.Category
		}
		if cat != "" && c != cat {
			return ""
		}
		cat = c
	}
	return cat
}

// agreeingEntry returns the first tied entry when every tied reading has the
// same retry verdict, so the verdict can be given.
func agreeingEntry(reads []reading) *catalog.Code {
	var first *catalog.Code
	for _, r := range reads {
		if r.entry == nil {
			return nil
		}
		if first != nil && r.entry.Retry.Retryable != first.Retry.Retryable {
			return nil
		}
		if first == nil {
			first = r.entry
		}
	}
	return first
}

// describeUpstream notes the upstream error escaped inside the chosen one.
func describeUpstream(d *Diagnosis, l layer) {
	f, ok := readForeign(l.doc, "")
	var parts []string
	if l.status != 0 {
		parts = append(parts, "status "+strconv.Itoa(l.status))
	}
	if ok {
		if f.typ != "" {
			parts = append(parts, "type "+f.typ)
		}
		if f.code != "" && f.code != f.typ {
			parts = append(parts, "code "+f.code)
		}
	}
	s := "Inside " + l.where + " is the upstream provider's own error"
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	if ok && f.message != "" {
		s += ": \"" + cutUTF8(f.message, 200) + "\""
	}
	d.Notes = append(d.Notes, s+".")
}

// scrubAll masks, in every string taken from the paste, secrets that
// escapes hid from the first pass.
func scrubAll(d *Diagnosis, secrets []string) {
	d.Message = scrub(d.Message, secrets)
	d.RequestID = scrub(d.RequestID, secrets)
	d.Code = scrub(d.Code, secrets)
	for i := range d.Fields {
		d.Fields[i].Value = scrub(d.Fields[i].Value, secrets)
	}
	for i := range d.Notes {
		d.Notes[i] = scrub(d.Notes[i], secrets)
	}
	for i := range d.Evidence {
		d.Evidence[i] = scrub(d.Evidence[i], secrets)
	}
	for i := range d.Candidates {
		for j := range d.Candidates[i].Evidence {
			d.Candidates[i].Evidence[j] = scrub(d.Candidates[i].Evidence[j], secrets)
		}
	}
	d.Retry.Reason = scrub(d.Retry.Reason, secrets)
}
