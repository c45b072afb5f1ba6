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

// wrappedBody returns the member of n that is a more error-like document
// than n itself, and its path.
func wrappedBody(n *node) (*node, string) {
	for _, p := range wrapperBodies {
		l, _ := resolve(n, p)
		if w := l.n; w.isObject() && errorScore(w) > errorScore(n) && (p != "error" || w.get("error").isObject() || strOf(w.get("type")) == "error") {
			return w, p
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
	if !n.isObject() {
		return n
	}
	body, path := wrappedBody(n)
	st := 0
	for _, p := range wrapperStatuses {
		if l, _ := resolve(n, p); st == 0 && l.n != nil {
			if st = httpStatus(l.n); st == 0 {
				st, _ = statusNear(strOf(l.n))
			}
		}
	}
	if body == nil && !n.get("headers").isObject() && !(a.exception && st != 0) {
		return n
	}
	if a.status == 0 {
		a.status = st
	}
	for _, p := range wrapperHeaders {
		l, _ := resolve(n, p)
		if h := l.n; h.isObject() && len(a.headers) == 0 {
			for i, k := range h.keys {
				a.headers.put(k, scalarOf(h.vals[i]))
			}
		}
	}
	if body != nil {
		push(&a.notes, "The error body was read from "+path+" of the error object the client printed.")
		return body
	}
	// The API's error fields spread over the object's own (OpenAI-style
	// SDKs copy code, type and param onto the exception): the object is
	// read as the body's error object, {"error": {...}}.
	if st == 0 || n.get("error") != nil || n.get("code") == nil && n.get("type") == nil || isNumeric(scalarOf(n.get("code"))) {
		return n
	}
	if n.get("message") == nil && a.excMsg != "" {
		n.keys, n.vals = append(n.keys, "message"), append(n.vals, &node{kind: kindString, text: a.excMsg})
	}
	push(&a.notes, "The error object the client printed carries the API's error fields on itself; it was read as the body's error object.")
	return &node{kind: kindObject, keys: errorKey, vals: []*node{n}}
}

// errorKey is the keys of a body made of an error object.
var errorKey = []string{"error"}
