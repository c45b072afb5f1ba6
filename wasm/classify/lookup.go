package classify

import (
	"github.com/errdex/errdex/content/model"
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file reads the error document through a provider's envelope (the
// catalog's JSON paths) and looks the code up: code, variant (selected by
// substrings of the message field only), documented result, message,
// request id, and the field-by-field breakdown.

// reading is what a provider's envelope finds in a document.
type reading struct {
	errorFields // code is the code as sent (after an Indirect pointer)
	entry       *catalog.Code
	variant     *catalog.Variant
	result      int    // 1 + the index in the provider's Results of the documented result found, 0 for none
	unknownCode string // a code at the envelope path the catalog lacks
	byStatus    bool   // entry chosen by the HTTP status alone
	status      int    // the HTTP status the body's status_field gives, 0 for none
	upstream    string // the provider an aggregator names behind the error
	upBody      string // that provider's own error body, as sent
	done        bool   // made by read
}

// errorFields are what a reading of an error document finds, through a
// catalog envelope (reading) or a well-known shape (foreign).
type errorFields struct {
	code      string
	message   string
	typ       string
	requestID string
	wait      bodyWait
	fields    []Field
}

// bodyWait is a wait in seconds read from the body.
type bodyWait struct {
	seconds float64
	from    string // the field, e.g. "retry_after", or the documented rule
	ok      bool
	rule    bool // from is a documented rule, not a field
}

// located is a node and the concrete path it was found at.
type located struct {
	n    *node
	path string
}

// resolve follows an envelope path ("error.code", "choices[].error.code")
// into doc. A segment ending in "[]" tries each array element in turn; the
// path found has the index taken in place of each "[]" ("choices[0]...").
func resolve(doc *node, path string) (located, bool) {
	if path == "" {
		return located{}, false
	}
	var buf [8]int
	n, taken, ok := resolveFrom(doc, path, buf[:0])
	if !ok {
		return located{}, false
	}
	if len(taken) == 0 {
		return located{n: n, path: path}, true
	}
	var b []byte
	for _, i := range taken {
		k := textx.Index(path, "[]")
		b = append(decimal.AppendInt(append(b, path[:k+1]...), int64(i)), ']')
		path = path[k+2:]
	}
	return located{n: n, path: string(append(b, path...))}, true
}

// resolveFrom follows path from n, appending to taken the index taken at
// each "[]".
func resolveFrom(n *node, path string, taken []int) (*node, []int, bool) {
	seg, rest := path, ""
	more := false
	if i := textx.IndexByte(path, '.'); i >= 0 {
		seg, rest, more = path[:i], path[i+1:], true
	}
	name := seg
	each := textx.HasSuffix(seg, "[]")
	if each {
		name = seg[:len(seg)-2]
	}
	v := n.get(name)
	if v == nil || each && v.kind != kindArray {
		return nil, taken, false
	}
	if !each {
		if !more {
			return v, taken, true
		}
		return resolveFrom(v, rest, taken)
	}
	for i, x := range v.vals[:min(len(v.vals), 64)] {
		if !more {
			return x, append(taken, i), true
		}
		if m, t, ok := resolveFrom(x, rest, append(taken, i)); ok {
			return m, t, true
		}
	}
	return nil, taken, false
}

// firstScalar returns the first of paths present in doc with a scalar value.
func firstScalar(doc *node, paths []string) (string, string, bool) {
	for _, p := range paths {
		if l, ok := resolve(doc, p); ok {
			if v, ok := l.n.scalar(); ok && v != "" {
				return l.path, v, true
			}
		}
	}
	return "", "", false
}

// firstPresent returns the first of paths present in doc and not null.
func firstPresent(doc *node, paths []string) (located, bool) {
	for _, p := range paths {
		if l, ok := resolve(doc, p); ok && l.n.kind != kindNull {
			return l, true
		}
	}
	return located{}, false
}

// read reads doc through p's envelope. h are the response headers, read
// for the code (code_headers) and the request id (request_id_headers) when
// the body has none; status is the HTTP status: the code when the envelope
// says so (code_from_status), else a guess at it when the provider has one
// code for it. looseCode and looseMsg come from text when there is no
// document.
func read(p *catalog.Provider, doc *node, status int, h headerList, looseCode, looseMsg string) reading {
	r := reading{done: true}
	env := &p.Envelope
	if doc != nil && doc.kind == kindArray && len(doc.vals) > 0 {
		// a streamed JSON array (Gemini's): its last element with a code,
		// else its first
		i := len(doc.vals) - 1
		for i > 0 {
			if _, ok := firstPresent(doc.vals[i], env.Code); ok {
				break
			}
			i--
		}
		doc = doc.vals[i]
	}
	if doc != nil {
		r.code = r.take(doc, env.Code, "code", false)
		if ind := env.Indirect; ind != nil && r.code != "" && sameNumber(r.code, ind.When) {
			if l, ok := resolve(doc, ind.Field); ok {
				if v, ok := l.n.str(); ok {
					r.code = v
					addField(&r.fields, l.path, v, "code")
				}
			}
		}
		r.message = r.take(doc, env.Message, "message", true)
		r.typ = r.take(doc, env.Type, "type", false)
		r.requestID = r.take(doc, env.RequestID, "request_id", false)
		r.take(doc, env.Reason, "reason", false)
		if l, ok := firstPresent(doc, env.StatusField); ok {
			// a number there is the status (OpenRouter's error.code may
			// also be a code such as "server_error")
			if r.status = httpStatus(l.n); r.status != 0 && status == 0 {
				status = r.status // a bare body: its own status field
			}
			if r.status != 0 && (len(r.fields) == 0 || r.fields[0].Path != l.path) {
				addField(&r.fields, l.path, l.n.text, "status")
			}
		}
		if l, ok := firstPresent(doc, env.Details); ok {
			addField(&r.fields, l.path, compact(l.n, 300), "details")
		}
		if u := env.Upstream; u != nil {
			r.upstream = r.take(doc, u.Provider, "upstream", false)
			_, r.upBody, _ = firstScalar(doc, u.Body)
		}
	} else {
		r.code, r.message = looseCode, looseMsg
		if looseCode != "" {
			addField(&r.fields, "(text)", looseCode, "code")
			if looseMsg != "" {
				addField(&r.fields, "(text)", looseMsg, "message")
			}
		}
	}
	r.fromHeaders(env, h)
	if r.code == "" && env.CodeFromStatus && status >= 400 {
		r.code = decimal.Itoa(status)
		addField(&r.fields, "HTTP status", r.code, "code")
	}
	r.lookUp(p, status)
	if r.entry != nil && len(r.entry.Variants) > 0 {
		r.variant = selectVariant(r.entry, doc, r.message)
	}
	if doc != nil {
		// the envelope's wait fields, then the code's own
		r.wait = readWait(doc, env.RetryAfter, env.RetryAfterFormat, &r.fields)
		if !r.wait.ok && r.entry != nil {
			r.wait = readWait(doc, r.entry.Retry.WaitFields, "", &r.fields)
		}
	}
	return r
}

// fromHeaders reads the code and the request id from the response headers
// the envelope names, when the body has none.
func (r *reading) fromHeaders(env *catalog.Envelope, h headerList) {
	for k, names := range [2][]string{env.CodeHeaders, env.RequestIDHeaders} {
		dst, role := &r.code, "code"
		if k == 1 {
			dst, role = &r.requestID, "request_id"
		}
		for _, name := range names {
			sent, _ := h.get(name)
			v := sent
			if k == 0 {
				v = model.HeaderCode(v)
			}
			if v != "" && *dst == "" {
				*dst = v
				addField(&r.fields, "header "+name, sent, role)
			}
		}
	}
}

// lookUp finds r's code among p's codes and documented results; without a
// code, it takes the one code p documents for an error status; with a code
// p does not document, p's entry for the status when p's statuses are codes
// (code_from_status).
func (r *reading) lookUp(p *catalog.Provider, status int) {
	switch {
	case r.code != "":
		if c, ok := p.Code(r.code); ok {
			r.entry = c
			return
		}
		for i := range p.Results {
			if p.Results[i].Code != "" && sameNumber(r.code, p.Results[i].Code) {
				r.result = i + 1
			}
		}
		if r.result == 0 {
			r.unknownCode = r.code
			// a provider whose statuses are codes documents this status
			// (OpenAI's 401 for a body saying "invalid_api_key")
			if c, ok := p.Code(decimal.Itoa(status)); ok && p.Envelope.CodeFromStatus && status >= 400 {
				r.entry, r.code = c, c.Code
			}
		}
	case status >= 400:
		if c, ok := p.CodeForStatus(status); ok {
			r.entry, r.byStatus = c, true
			r.code = c.Code
		}
	}
	if r.entry == nil && r.result == 0 && r.code == "" && status > 0 {
		for i := range p.Results {
			if p.Results[i].Status == status {
				r.result = i + 1
			}
		}
	}
}

// selectVariant returns the first of e's variants whose match substrings
// occur in the message (only the message field is searched, never the whole
// paste) and whose when holds in doc; either alone when the other is
// empty. nil when none is selected.
func selectVariant(e *catalog.Code, doc *node, message string) *catalog.Variant {
	low := textx.Lower(message)
	for i := range e.Variants {
		v := &e.Variants[i]
		ok := len(v.Match) == 0
		for _, m := range v.Match {
			ok = ok || m != "" && textx.Index(low, textx.Lower(m)) >= 0
		}
		if ok && (v.When == nil || whenHolds(v.When, doc)) {
			return v
		}
	}
	return nil
}

// ReadCode reads the code of body, one JSON error document, through env's
// code paths and Indirect rule exactly as Diagnose does: content's
// validation checks every documented example with it. ok is false when
// body is not a document or has no code there.
func ReadCode(body string, env *catalog.Envelope) (code string, ok bool) {
	doc, ok := readValue(body, 0, &budget{left: 16*len(body) + 1<<16})
	if !ok {
		return "", false
	}
	r := read(&catalog.Provider{Envelope: *env}, doc.n, 0, nil, "", "")
	return r.code, r.code != ""
}

// documented returns the documented result r found, or nil. (An index, not
// a pointer, keeps the catalog's types out of the binary's type data.)
func (r *reading) documented(p *catalog.Provider) *catalog.Result {
	if r.result == 0 {
		return nil
	}
	return &p.Results[r.result-1]
}

// take returns the first scalar of paths in doc and lists it among the
// fields under role; once only, when once is set and a field already has
// that path.
func (r *reading) take(doc *node, paths []string, role string, once bool) string {
	path, v, ok := firstScalar(doc, paths)
	if !ok {
		return ""
	}
	for _, f := range r.fields {
		if once && f.Path == path {
			return v
		}
	}
	addField(&r.fields, path, v, role)
	return v
}

// addField lists one field of the error.
func addField(fields *[]Field, path, value, role string) {
	*fields = append(*fields, Field{Path: path, Value: value, Role: role})
}

// whenHolds reports whether the field w names in doc has w's value.
func whenHolds(w *catalog.When, doc *node) bool {
	l, ok := resolve(doc, w.Path)
	if !ok || l.n.kind == kindNull {
		return false
	}
	v, _ := l.n.scalar()
	switch {
	case w.Equals != "":
		return v == w.Equals
	case w.Contains != "":
		return textx.Index(textx.Lower(v), w.Contains) >= 0
	}
	return w.Present
}

// readWait reads the first body field of paths that holds a wait written
// in format (see parseWait).
func readWait(doc *node, paths []string, format string, fields *[]Field) bodyWait {
	for _, p := range paths {
		if l, ok := resolve(doc, p); ok {
			v, _ := l.n.scalar()
			if f, ok := parseWait(v, format); ok {
				addField(fields, l.path, v, "retry_after")
				return bodyWait{seconds: f, from: l.path, ok: true}
			}
		}
	}
	return bodyWait{}
}

// requestIDHeaders are the response headers that carry a request id, in
// order of preference.
var requestIDHeaders = []string{"x-request-id", "request-id", "x-amzn-requestid", "x-github-request-id", "x-correlation-id", "cf-ray"}
