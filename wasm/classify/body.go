package classify

import (
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is unwrap's reader of a response body: its JSON or XML error
// document, and the documents escaped in it.

// body reads a response body: an SSE stream, an HTML page or JSON.
func (a *artefact) body(body string, b *budget, where string) {
	if a.sse(body, b) { // it checks that the body looks like SSE
		return
	}
	ct, _ := a.headers.get("content-type")
	if textx.Index(textx.Lower(ct), "text/html") >= 0 || looksLikeHTML(body) {
		a.htmlPage(body)
		return
	}
	if f, ok := bestDoc(body, b); ok {
		a.addDoc(f, where, b)
		if f.start > 0 && textx.TrimSpace(body[:f.start]) != "" {
			push(&a.notes, "The body has text before its JSON.")
		}
		return
	}
	if n := xmlError(body); n != nil {
		a.addDoc(found{n: n}, where, b)
		return
	}
	if t := textx.TrimSpace(body); t != "" {
		a.looseMsg = firstLine(t)
	}
}

// xmlFields are the elements read from an XML error body: AWS's (S3's
// <Error>, the query protocol's <ErrorResponse><Error>, EC2's
// <Response><Errors><Error>).
var xmlFields = []string{"Code", "Message", "RequestId"}

// xmlError reads an XML error body as {"Code": ..., "Message": ...,
// "RequestId": ...}; nil when it has no <Code>.
func xmlError(s string) *node {
	var texts [3]string
	for i, k := range xmlFields {
		if at := textx.Index(s, "<"+k+">"); at >= 0 {
			v := s[at+len(k)+2:]
			texts[i] = v[:max(textx.IndexByte(v, '<'), 0)]
		}
	}
	if texts[0] == "" {
		return nil
	}
	return textObject(xmlFields, texts[:])
}

// textObject returns the object of the keys with their texts.
func textObject(keys, texts []string) *node {
	vals := make([]*node, len(keys))
	for i := range vals {
		vals[i] = &node{kind: kindString, text: texts[i]}
	}
	return &node{kind: kindObject, keys: keys, vals: vals}
}

// addDoc records f as the error document, and any documents escaped inside
// its strings (up to three levels).
func (a *artefact) addDoc(f found, where string, b *budget) {
	l := layer{doc: a.errorObject(f.n), where: where}
	if f.truncated {
		a.truncated = true
	}
	if f.level > 0 {
		push(&a.notes, "The JSON was escaped "+decimal.Itoa(f.level)+" level(s) deep and was unescaped.")
	}
	a.layers = append(a.layers, l)
	for level := 1; level <= 3; level++ {
		s := docSearch{b: b, score: 1}
		s.walk(a.layers[len(a.layers)-1].doc, "", 0)
		if s.best.doc == nil {
			break
		}
		a.layers = append(a.layers, s.best)
	}
}

// docSearch looks for an error document written as text inside the
// strings of a document: a proxy's message carrying the upstream body.
type docSearch struct {
	b     *budget
	best  layer
	score int // the best document's errorScore; it must be 2 or more
}

func (s *docSearch) walk(n *node, path string, depth int) {
	if depth > 8 {
		return
	}
	switch n.kind {
	case kindString:
		if len(n.text) < 8 || textx.Index(n.text, "{") < 0 {
			return
		}
		if f, ok := bestDocAt(n.text, s.b, false); ok && f.score > s.score {
			s.score = f.score
			st, _ := statusNear(n.text[:f.start])
			s.best = layer{doc: f.n, status: st, where: path}
		}
	case kindObject:
		for i, k := range n.keys {
			s.walk(n.vals[i], joinPath(path, k), depth+1)
		}
	case kindArray:
		for i, v := range n.vals[:min(len(n.vals), 16)] {
			s.walk(v, path+"["+decimal.Itoa(i)+"]", depth+1)
		}
	}
}

func joinPath(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

// ---- SSE ----
