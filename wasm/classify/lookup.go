package classify

import (
	"strconv"
	"strings"

	"github.com/errdex/errdex/wasm/catalog"
)

// This file reads the error document through a provider's envelope (the
// catalog's JSON paths) and looks the code up: code, variant (selected by
// substrings of the message field only), documented result, message,
// request id, and the field-by-field breakdown.

// reading is what a provider's envelope finds in a document.
type reading struct {
	code        string // the code as sent (after an Indirect pointer)
	entry       *catalog.Code
	variant     *catalog.Variant
	result      *catalog.Result
	unknownCode string // a code at the envelope path the catalog lacks
	byStatus    bool   // entry chosen by the HTTP status alone
	message     string
	requestID   string
	typ         string
	wait        bodyWait
	fields      []Field
}

// bodyWait is a wait in seconds read from the body.
type bodyWait struct {
	seconds float64
	from    string // the field, e.g. "retry_after"
	ok      bool
}

// located is a node and the concrete path it was found at.
type located struct {
	n    *node
	path string
}

// resolve follows an envelope path ("error.code", "choices[].error.code")
// into doc. A segment ending in "[]" tries each array element in turn.
func resolve(doc *node, path string) (located, bool) {
	if path == "" {
		return located{}, false
	}
	return resolveFrom(doc, strings.Split(path, "."), "")
}

func resolveFrom(n *node, segs []string, at string) (located, bool) {
	if n == nil {
		return located{}, false
	}
	if len(segs) == 0 {
		return located{n: n, path: at}, true
	}
	seg := segs[0]
	if name, ok := strings.CutSuffix(seg, "[]"); ok {
		arr := n.get(name)
		if arr == nil || arr.kind != kindArray {
			return located{}, false
		}
		for i, v := range arr.vals {
			if i >= 64 {
				break
			}
			if l, ok := resolveFrom(v, segs[1:], joinPath(at, name)+"["+strconv.Itoa(i)+"]"); ok {
				return l, true
			}
		}
		return located{}, false
	}
	v := n.get(seg)
	if v == nil {
		return located{}, false
	}
	return resolveFrom(v, segs[1:], joinPath(at, seg))
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

// firstPresent returns the concrete path of the first of paths present.
func firstPresent(doc *node, paths []string) (string, bool) {
	for _, p := range paths {
		if l, ok := resolve(doc, p); ok && l.n.kind != kindNull {
			return l.path, true
		}
	}
	return "", false
}

// read reads doc through p's envelope. status is the HTTP status, used
// when the body carries no code. looseCode and looseMsg come from text
// when there is no document.
func read(p *catalog.Provider, doc *node, status int, looseCode, looseMsg string) reading {
	var r reading
	env := &p.Envelope
	if doc != nil && doc.kind == kindArray && len(doc.vals) > 0 {
		doc = doc.vals[0]
	}
	if doc != nil {
		if path, raw, ok := firstScalar(doc, env.Code); ok {
			r.code = raw
			r.fields = append(r.fields, Field{Path: path, Value: raw, Role: "code"})
			if ind := env.Indirect; ind != nil && sameNumber(raw, ind.When) {
				if l, ok := resolve(doc, ind.Field); ok {
					if v, ok := l.n.str(); ok {
						r.code = v
						r.fields = append(r.fields, Field{Path: l.path, Value: v, Role: "code"})
					}
				}
			}
		}
		if path, v, ok := firstScalar(doc, env.Message); ok {
			r.message = v
			if !hasField(r.fields, path) {
				r.fields = append(r.fields, Field{Path: path, Value: v, Role: "message"})
			}
		}
		if path, v, ok := firstScalar(doc, env.Type); ok {
			r.typ = v
			r.fields = append(r.fields, Field{Path: path, Value: v, Role: "type"})
		}
		if path, v, ok := firstScalar(doc, env.RequestID); ok {
			r.requestID = v
			r.fields = append(r.fields, Field{Path: path, Value: v, Role: "request_id"})
		}
		for _, dp := range env.Details {
			if l, ok := resolve(doc, dp); ok && l.n.kind != kindNull {
				r.fields = append(r.fields, Field{Path: l.path, Value: compact(l.n, 300), Role: "details"})
				break
			}
		}
	} else {
		r.code, r.message = looseCode, looseMsg
		if looseCode != "" {
			r.fields = append(r.fields, Field{Path: "(text)", Value: looseCode, Role: "code"})
		}
		if looseMsg != "" && looseCode != "" {
			r.fields = append(r.fields, Field{Path: "(text)", Value: looseMsg, Role: "message"})
		}
	}
	if r.code != "" {
		if c, ok := p.Code(r.code); ok {
			r.entry = c
		} else {
			for i := range p.Results {
				if p.Results[i].Code != "" && sameNumber(r.code, p.Results[i].Code) {
					r.result = &p.Results[i]
				}
			}
			if r.result == nil {
				r.unknownCode = r.code
			}
		}
	} else if status >= 400 {
		if c, ok := p.CodeForStatus(status); ok {
			r.entry, r.byStatus = c, true
			r.code = c.Code
		}
	}
	if r.entry == nil && r.result == nil && r.code == "" && status > 0 {
		for i := range p.Results {
			if p.Results[i].Status == status {
				r.result = &p.Results[i]
			}
		}
	}
	if r.entry != nil {
		r.variant = matchVariant(r.entry, r.message)
		if doc != nil {
			r.wait = readWait(doc, append(append([]string(nil), env.RetryAfter...), r.entry.Retry.WaitFields...), &r.fields)
		}
	} else if doc != nil {
		r.wait = readWait(doc, env.RetryAfter, &r.fields)
	}
	return r
}

// matchVariant returns the first variant whose match substrings occur in
// the message field. Only the message is searched, never the whole paste.
func matchVariant(c *catalog.Code, message string) *catalog.Variant {
	if message == "" {
		return nil
	}
	low := strings.ToLower(message)
	for i := range c.Variants {
		v := &c.Variants[i]
		for _, m := range v.Match {
			if m != "" && strings.Contains(low, strings.ToLower(m)) {
				return v
			}
		}
	}
	return nil
}

// readWait reads the first body field of paths that holds a number of
// seconds.
func readWait(doc *node, paths []string, fields *[]Field) bodyWait {
	for _, p := range paths {
		if l, ok := resolve(doc, p); ok {
			if f, ok := l.n.num(); ok {
				*fields = append(*fields, Field{Path: l.path, Value: l.n.text, Role: "retry_after"})
				return bodyWait{seconds: f, from: l.path, ok: true}
			}
		}
	}
	return bodyWait{}
}

func hasField(fs []Field, path string) bool {
	for _, f := range fs {
		if f.Path == path {
			return true
		}
	}
	return false
}

// requestIDHeaders are the response headers that carry a request id, in
// order of preference.
var requestIDHeaders = []string{"x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id", "cf-ray"}

// headerRequestID returns a request id from the response headers.
func headerRequestID(h headerList) (string, string, bool) {
	for _, name := range requestIDHeaders {
		if v, ok := h.get(name); ok && v != "" {
			return name, v, true
		}
	}
	return "", "", false
}
