package classify

// This file reads error objects printed whole: Node's util.inspect of an
// SDK's APIError or of an AxiosError, a Python repr with keyword arguments
// (APIStatusError(status_code=429, body={...})), a log record {"status":
// 429, "body": {...}}. Such an object holds the API's error body (as a
// member, or spread over its own fields) beside the status and headers the
// client saw. The reader (jsonread.go) makes a tree of it like any other
// document; here the body is taken out of it, and the status and headers
// are kept.

// wrapperBodies are the members that hold the error body, in order.
// "error" counts only when it is a whole body itself (Anthropic's SDK
// keeps {type: 'error', error: {...}} there).
var wrapperBodies = []string{"body", "response.data", "response.body", "error"}

// wrapperStatuses are the members that hold the HTTP status, in order. A
// string is read as text ("<Response [429]>").
var wrapperStatuses = []string{
	"status", "status_code", "statusCode", "http_status", "httpStatus", "$metadata.httpStatusCode",
	"response.status", "response.status_code", "response.statusCode", "response",
}

// wrapperHeaders are the members that hold the response headers.
var wrapperHeaders = []string{"headers", "response.headers"}

// flatFields are the fields of an API's error object that SDKs copy onto
// their exception (OpenAI-style SDKs: code, type, param), and message.
var flatFields = []string{"code", "type", "param", "message"}

// wrappedBody returns the member of n that is a more error-like document
// than n itself, and its path.
func wrappedBody(n *node) (*node, string) {
	own := errorScore(n)
	for _, p := range wrapperBodies {
		if l, ok := resolve(n, p); ok && l.n.kind == kindObject && errorScore(l.n) > own {
			if p != "error" || l.n.get("error").isObject() || strOf(l.n.get("type")) == "error" {
				return l.n, p
			}
		}
	}
	return nil, ""
}

// docScore is how error-like a document found in text is: its own
// errorScore, or that of the body it wraps, or (when deep) that of an error
// document escaped inside its strings, whichever is highest. A wrapper is
// as much the subject as what it carries.
func docScore(n *node, b *budget, deep bool) int {
	s := errorScore(n)
	if w, _ := wrappedBody(n); w != nil {
		s = errorScore(w)
	}
	if deep && s < 4 {
		ds := docSearch{b: b, score: s}
		ds.walk(n, "", 0)
		s = ds.score
	}
	return s
}

// errorObject reads n as a printed error object: it records the status and
// headers n carries, and returns the error body (n itself when n is not
// such an object). An object is a printed error object when it wraps a
// body, has headers, or states a status after an exception's name.
func (a *artefact) errorObject(n *node) *node {
	if n == nil || n.kind != kindObject {
		return n
	}
	body, path := wrappedBody(n)
	st := 0
	for _, p := range wrapperStatuses {
		if l, ok := resolve(n, p); ok && st == 0 {
			if st = httpStatus(l.n); st == 0 && l.n.kind == kindString {
				st, _ = statusNear(l.n.text)
			}
		}
	}
	headers := n.get("headers").isObject()
	if body == nil && !headers && !(a.exception && st != 0) {
		return n
	}
	if a.status == 0 {
		a.status = st
	}
	if len(a.headers) == 0 {
		for _, p := range wrapperHeaders {
			if l, ok := resolve(n, p); ok && l.n.kind == kindObject && len(a.headers) == 0 {
				for i, k := range l.n.keys {
					if v, ok := l.n.vals[i].scalar(); ok {
						a.headers.put(k, v)
					}
				}
			}
		}
	}
	if body != nil {
		push(&a.notes, "The error body was read from "+path+" of the error object the client printed.")
		if s := compact(body, 2000); index(s, `"[Object]"`) >= 0 || index(s, `"[Array]"`) >= 0 {
			push(&a.notes, "Node printed the body only two levels deep ([Object]); log util.inspect(err, {depth: null}) or err.response.data to see all of it.")
		}
		return body
	}
	// The API's error fields spread over the object's own (OpenAI-style
	// SDKs copy code, type and param onto the exception): read as the body
	// {"error": {...}} they came from.
	if st == 0 || n.get("error") != nil || n.get("error_code") != nil || isNumeric(scalarOf(n.get("code"))) {
		return n
	}
	e := &node{kind: kindObject}
	for _, k := range flatFields {
		if v := n.get(k); v != nil && v.kind != kindNull {
			e.keys, e.vals = append(e.keys, k), append(e.vals, v)
		}
	}
	if e.get("code") == nil && e.get("type") == nil {
		return n
	}
	if e.get("message") == nil && a.excMsg != "" {
		e.keys, e.vals = append(e.keys, "message"), append(e.vals, &node{kind: kindString, text: a.excMsg})
	}
	push(&a.notes, "The error object the client printed carries the API's error fields ("+join(e.keys, ", ")+") on itself; they were read as the body's error object.")
	out := &node{kind: kindObject, keys: []string{"error"}, vals: []*node{e}}
	if id := n.get("request_id"); id != nil {
		out.keys, out.vals = append(out.keys, "request_id"), append(out.vals, id)
	}
	return out
}
