package classify

import (
	"unicode/utf8"

	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/b64"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is the first stage: recognise what was pasted and peel it. A
// HAR file, curl -v and curl -i output give a status, headers and a body;
// a body may be an SSE stream, an HTML error page or JSON; plain text may be
// an SDK exception, a traceback, a log or a bare JSON body. What is left is
// an artefact: the error document (and any documents escaped inside its
// strings), the status, the headers and the form.

// artefact is what unwrap found in one (already redacted) paste.
type artefact struct {
	form       form
	status     int
	headers    headerList
	reqHeaders headerList
	hosts      []string
	layers     []layer // the error document, then documents escaped inside it
	truncated  bool
	midStream  bool
	partial    bool
	looseCode  string // a code read from text, not from JSON
	looseMsg   string // a message read from text, not from JSON
	html       string // title of an HTML error page
	htmlVendor string // who served it: cloudflare, nginx, ...
	streamDone bool   // the stream ended normally without an error
	exception  bool   // an exception's name comes right before the document
	excMsg     string // that exception's message
	outside    string // why the paste comes from an API outside the catalog, or ""
	notes      []string
	entries    []*node // a HAR file's entries (segment.go reads each failed one)
}

// form is what the paste is: how it was pasted.
type form uint8

const (
	formText form = iota
	formJSON
	formCurlI
	formCurlV
	formSSE
	formSDK
	formLog
	formHAR
	formEmpty
	formBinary
	formAgent
)

// formNames are the forms as Diagnosis.Form names them.
var formNames = [...]string{
	formText: "text", formJSON: "json", formCurlI: "curl-i", formCurlV: "curl-v", formSSE: "sse",
	formSDK: "sdk", formLog: "log", formHAR: "har", formEmpty: "empty", formBinary: "binary", formAgent: "agent",
}

// layer is one error document: the outermost first, then each one found
// escaped inside a string of the previous one.
type layer struct {
	doc    *node
	status int       // a status read in the text just before the document
	where  string    // where the document was found
	_      [0]func() // not comparable: no equality function in the binary
}

// unwrap recognises the form of s and extracts the error document.
func unwrap(s string) artefact {
	return unwrapWith(s, &budget{left: 16*len(s) + 1<<16})
}

// unwrapWith is unwrap charging its reading to b, which segment.go shares
// between the parts of one paste.
func unwrapWith(s string, b *budget) (a artefact) {
	t := textx.TrimSpace(s)
	if t == "" {
		a.form = formEmpty
		return a
	}
	if isBinary(s) {
		a.form = formBinary
		return a
	}
	switch {
	case a.har(t, b):
	case a.curlVerbose(s, b):
	case a.httpResponse(s, b):
	case a.sse(s, b):
		a.form = formSSE
	default:
		a.plain(s, b)
		a.agent(s, b)
	}
	a.hosts = appendHosts(a.hosts, s)
	return a
}

// isBinary reports input that is mostly not text: NUL bytes, control
// characters or invalid UTF-8 in the first 4 KB.
func isBinary(s string) bool {
	head := textx.CutUTF8(s, 4096)
	bad := 0
	for i := 0; i < len(head); i++ {
		switch c := head[i]; {
		case c-0x20 < 0x60: // printable ASCII
		case c == 0:
			return true
		case c < 0x20:
			if c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
				bad++
			}
		default:
			r, size := utf8.DecodeRuneInString(head[i:])
			if r == 0xFFFD && size == 1 { // not UTF-8
				bad++
			}
			i += size - 1
		}
	}
	return bad*10 > len(head) || (bad > 0 && len(head) < 16 && bad*3 > len(head))
}

// ---- HAR ----

func (a *artefact) har(t string, b *budget) bool {
	if t[0] != '{' && t[0] != '[' {
		return false
	}
	if textx.Index(t[:min(len(t), 4096)], `"log"`) < 0 && !(textx.Index(t, `"request"`) >= 0 && textx.Index(t, `"response"`) >= 0) {
		return false
	}
	p, ok := readValue(t, 0, b)
	if !ok {
		return false
	}
	root := p.n
	var entries []*node
	switch {
	case root.get("log") != nil:
		entries = root.get("log").get("entries").items()
	case root.get("request").isObject() && root.get("response").isObject():
		entries = []*node{root}
	default:
		for _, v := range root.items() {
			if v.get("response") != nil {
				entries = append(entries, v)
			}
		}
	}
	if len(entries) == 0 {
		return false
	}
	a.form, a.truncated = formHAR, p.truncated
	// the last failed entry, else the last one
	pick := len(entries) - 1
	for i := pick; i >= 0; i-- {
		if st, ok := entries[i].get("response").get("status").num(); ok && st >= 400 {
			pick = i
			break
		}
	}
	a.entries = entries
	req, resp := entries[pick].get("request"), entries[pick].get("response")
	a.reqHeaders, a.headers = harHeaders(req.get("headers")), harHeaders(resp.get("headers"))
	u := req.strAt("url")
	a.hosts = appendHosts(a.hosts, u)
	a.status = httpStatus(resp.get("status"))
	if len(entries) > 1 {
		if len(u) > 120 {
			u = textx.CutUTF8(u, 120) + "…"
		}
		push(&a.notes, "The HAR file has "+decimal.Itoa(len(entries))+" entries; this is entry "+decimal.Itoa(pick+1)+" ("+textx.TrimSpace(req.strAt("method")+" "+u)+"), the last that failed.")
	}
	content := resp.get("content")
	text := content.strAt("text")
	if content.strAt("encoding") == "base64" {
		if d, ok := b64.Decode(text); ok {
			text = d
		} else {
			push(&a.notes, "The HAR body is base64 that could not be decoded.")
		}
	}
	if mt, ok := content.get("mimeType").str(); ok && !a.headers.has("content-type") {
		a.headers.put("content-type", mt)
	}
	a.body(text, b, "HAR response body")
	return true
}

func harHeaders(n *node) headerList {
	var out headerList
	for _, h := range n.items() {
		if name, ok := h.get("name").str(); ok {
			out.put(name, scalarOf(h.get("value")))
		}
	}
	return out
}

// ---- curl -v ----

func (a *artefact) curlVerbose(s string, b *budget) bool {
	if textx.Index(s, "< HTTP/") < 0 && textx.Index(s, "<HTTP/") < 0 {
		return false
	}
	var body []string
	inResponse := false
	for lr := (lineReader{rest: s}); ; {
		line, ok := lr.next()
		if !ok {
			break
		}
		// curl marks lines with "< " (response), "> " (request), "* " (info)
		var mark byte
		if len(line) == 1 || len(line) > 1 && line[1] == ' ' {
			mark = line[0]
		}
		l := ""
		if mark != 0 {
			if l = line[1:]; l != "" && l[0] == ' ' {
				l = l[1:]
			}
		}
		switch {
		case mark == '<':
			if st, _, ok := statusLine(l); ok {
				a.status = st
				a.headers = nil
				body = nil
				inResponse = true
				continue
			}
			a.headers.add(l)
		case mark == '>':
			a.reqHeaders.add(l)
		case mark == '*':
			if i := textx.Index(line, "Connected to "); i >= 0 {
				host := line[i+len("Connected to "):]
				if sp := textx.IndexAny(host, " ("); sp > 0 {
					host = host[:sp]
				}
				a.hosts = appendHost(a.hosts, host)
			}
		case textx.HasPrefix(line, "{ [") || textx.HasPrefix(line, "} ["):
			// curl's "{ [5 bytes data]" transfer notes
		case inResponse:
			push(&body, line)
		default:
			a.reqHeaders.addCurlFlags(line)
		}
	}
	if a.status == 0 {
		return false
	}
	a.form = formCurlV
	if h, ok := a.reqHeaders.get("host"); ok {
		a.hosts = appendHost(a.hosts, h)
	}
	a.body(textx.Join(body, "\n"), b, "response body")
	return true
}

// ---- curl -i / raw HTTP ----

func (a *artefact) httpResponse(s string, b *budget) bool {
	lr := lineReader{rest: s}
	start := -1 // the status line's number
	for n := 0; n < 52 && start < 0; n++ {
		line, ok := lr.next()
		if !ok {
			break
		}
		if _, _, ok := statusLine(textx.TrimSpace(line)); ok {
			start = n
		}
	}
	if start < 0 {
		return false
	}
	lr = lineReader{rest: s}
	for n := 0; n < start; n++ { // a curl command before the response
		line, _ := lr.next()
		a.reqHeaders.addCurlFlags(line)
	}
	line, _ := lr.next()
	for {
		st, reason, _ := statusLine(textx.TrimSpace(line))
		a.status = st
		a.headers = nil
		more := true
		for {
			if line, more = lr.next(); !more || textx.TrimSpace(line) == "" {
				break
			}
			a.headers.add(textx.TrimSpace(line))
		}
		if !more {
			break
		}
		// lr is past the blank line; a 1xx or a proxy's "Connection
		// established" is followed, after blank lines, by the real response
		if st < 200 || catalog.EqualFold("connection established", reason) {
			peek := lr
			next, ok := peek.next()
			for ok && textx.TrimSpace(next) == "" {
				next, ok = peek.next()
			}
			if _, _, isStatus := statusLine(textx.TrimSpace(next)); ok && isStatus {
				line, lr = next, peek
				continue
			}
		}
		break
	}
	a.form = formCurlI
	body := ""
	if !lr.done {
		body = joinLines(lr.rest)
	}
	a.body(body, b, "response body")
	return true
}

// ---- bodies ----

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

type sseEvent struct {
	name string
	data []string // its data lines
}

func looksLikeSSE(s string) bool {
	lr := lineReader{rest: s}
	for n := 0; n < 201; n++ {
		line, ok := lr.next()
		if !ok {
			break
		}
		if textx.HasPrefix(line, "data:") || textx.HasPrefix(line, "event:") {
			return true
		}
	}
	return false
}

// sse reads s as an SSE stream. The diagnosis is about the first error
// event; the events before it mean output may already have been produced.
func (a *artefact) sse(s string, b *budget) bool {
	if !looksLikeSSE(s) {
		return false
	}
	var events []sseEvent
	var cur sseEvent
	flush := func() {
		if cur.name != "" || len(cur.data) > 0 {
			events = append(events, cur)
		}
		cur = sseEvent{}
	}
	for lr := (lineReader{rest: s}); ; {
		line, ok := lr.next()
		if !ok {
			break
		}
		switch {
		case textx.TrimSpace(line) == "":
			flush()
		case textx.HasPrefix(line, "data:"):
			d := line[len("data:"):]
			if d != "" && d[0] == ' ' {
				d = d[1:]
			}
			push(&cur.data, d)
		case textx.HasPrefix(line, "event:"):
			if len(cur.data) > 0 { // no blank line between events
				flush()
			}
			cur.name = textx.TrimSpace(line[len("event:"):])
		case textx.HasPrefix(line, ":"), textx.HasPrefix(line, "id:"), textx.HasPrefix(line, "retry:"):
		case len(cur.data) > 0: // a continuation of a pretty-printed data line
			push(&cur.data, line)
		}
	}
	flush()
	if len(events) == 0 {
		return false
	}
	output := false
	for i, ev := range events {
		d := textx.TrimSpace(textx.Join(ev.data, "\n"))
		if d == "[DONE]" {
			continue
		}
		f, ok := bestDoc(d, b)
		if ev.name != "error" && !(ok && (f.score >= 3 || isFailedEvent(f.n))) {
			output = output || ok && hasOutput(f.n, 0)
			continue
		}
		at := "SSE event " + decimal.Itoa(i+1)
		if ok {
			a.addDoc(f, at, b)
		} else {
			a.looseMsg = firstLine(d)
		}
		if a.status == 0 || a.status >= 200 && a.status < 300 {
			a.midStream = true
		}
		a.partial = output
		w := "The error came in " + at + " of " + decimal.Itoa(len(events))
		if ev.name != "" {
			w += " (event: " + ev.name + ")"
		}
		push(&a.notes, w+".")
		return true
	}
	a.streamDone = true
	return true
}

// isFailedEvent reports stream events that end a response with a failure:
// a choice with finish_reason "error", or a "response.failed" event.
func isFailedEvent(n *node) bool {
	if t := n.strAt("type"); t == "response.failed" || t == "error" {
		return true
	}
	for _, c := range n.get("choices").items() {
		if c.strAt("finish_reason") == "error" {
			return true
		}
	}
	return false
}

// outputKeys are the fields of stream events that carry generated content.
var outputKeys = []string{"content", "text", "partial_json", "delta"}

// hasOutput reports whether a stream event carries generated content.
func hasOutput(n *node, depth int) bool {
	if depth > 6 || n == nil {
		return false
	}
	for i, v := range n.vals { // an object's values or an array's elements
		if n.kind == kindObject && v.kind == kindString && v.text != "" && contains(outputKeys, n.keys[i]) {
			return true
		}
		if hasOutput(v, depth+1) {
			return true
		}
	}
	return false
}

// ---- HTML ----

func looksLikeHTML(s string) bool {
	t := textx.Lower(textx.TrimSpace(s[:min(len(s), 512)]))
	return textx.HasPrefix(t, "<!doctype html") || textx.HasPrefix(t, "<html") ||
		textx.HasPrefix(t, "<head") || (textx.HasPrefix(t, "<") && textx.Index(t, "<title>") >= 0)
}

// htmlVendors are the servers an HTML error page names, in order.
var htmlVendors = []struct{ key, name string }{
	{"cloudflare", "Cloudflare"}, {"nginx", "nginx"}, {"awselb", "AWS load balancer"},
	{"varnish", "Varnish"}, {"envoy", "Envoy"}, {"apache", "Apache"}, {"openresty", "OpenResty"},
}

func (a *artefact) htmlPage(s string) {
	low := textx.Lower(s)
	a.html = tagText(s, low, "title")
	if a.html == "" {
		a.html = tagText(s, low, "h1")
	}
	for _, v := range htmlVendors {
		if textx.Index(low, v.key) >= 0 {
			a.htmlVendor = v.name
			break
		}
	}
	if a.status == 0 {
		if a.status, _ = statusNear(a.html); a.status == 0 {
			if i := textx.Index(low, "error code "); i >= 0 {
				a.status, _ = statusAt(s, i+len("error code "))
			}
		}
	}
	if a.html == "" {
		a.html = "an HTML page"
	}
}

func tagText(s, low, tag string) string {
	i := textx.Index(low, "<"+tag)
	if i < 0 {
		return ""
	}
	j := textx.IndexByte(low[i:], '>')
	if j < 0 {
		return ""
	}
	start := i + j + 1
	end := textx.Index(low[start:], "</"+tag)
	if end < 0 {
		end = min(len(s)-start, 200)
	}
	// low is s in lower case, and as long unless s has invalid UTF-8 or
	// letters whose lower case is longer or shorter
	if start > len(s) {
		return ""
	}
	end = max(0, min(end, len(s)-start))
	return textx.CutUTF8(textx.CollapseSpace(s[start:start+end]), 200)
}

// ---- plain text: JSON, SDK exceptions, logs ----

func (a *artefact) plain(s string, b *budget) {
	a.form = formText
	f, ok := bestDoc(s, b)
	if ok && f.score == 0 && f.start > 0 {
		// A non-error JSON value inside other text is not the subject.
		ok = textx.TrimSpace(s[:f.start]) == "" || textx.Count(s[:f.start], "\n") == 0
	}
	if ok {
		before := s[:f.start]
		label := textx.TrimSpace(before)
		after := textx.TrimSpace(s[f.end:])
		// the exception right before the document ("Name: ...", "Name(");
		// Node's util.inspect puts it above the stack
		head := s[:f.start+1]
		if i := textx.Index(head, "\n    at "); i >= 0 {
			head = head[:i]
		}
		head = lastLines(head, 2)
		st, msg, sdk := sdkException(head)
		a.exception, a.excMsg = sdk, msg
		if v, ok := statusAt(msg, 0); ok && v == st && len(msg) > 4 { // "400 Invalid value"
			a.excMsg = textx.TrimSpace(msg[3:])
		}
		near, _ := statusNear(lastLines(before, 2))
		a.addDoc(f, "body", b)
		switch {
		case sdk:
			a.form = formSDK
			if a.status == 0 {
				a.status = st
			}
		case label == "" && after == "":
			a.form = formJSON
		case after == "" && near == 0 && isLabel(label): // a stray label or prompt before it
			a.form = formJSON
			push(&a.notes, "The text before the JSON (\""+textx.CutUTF8(label, 60)+"\") was ignored.")
		default:
			a.form = formLog
		}
		if a.status == 0 {
			a.status = near
		}
		n := textx.Count(textx.TrimRight(s, "\n"), "\n") + 1
		if a.status == 0 && n <= 12 {
			// A short paste tells one story (a REPL session, a console):
			// a status anywhere around the body is the body's.
			a.status, _ = statusNear(before[max(0, len(before)-1<<15):] + "\n" + textx.CutUTF8(s[f.end:], 1<<15))
		}
		if a.form == formLog && n > 3 {
			push(&a.notes, "Read the JSON on line "+decimal.Itoa(textx.Count(before, "\n")+1)+" of "+decimal.Itoa(n)+".")
		}
		return
	}
	// No JSON: an SDK exception or text.
	excMsg := "" // the message of the last exception
	for lr := (lineReader{rest: s}); ; {
		line, ok := lr.next()
		if !ok {
			break
		}
		if st, msg, ok := sdkException(line); ok {
			a.form = formSDK
			if st > 0 {
				a.status = st
			}
			if msg != "" {
				excMsg = msg
			}
		}
		if st, code, msg, ok := bracketStatus(line); ok {
			a.form = formSDK
			a.status, a.looseCode, a.looseMsg = st, code, msg
		} else if i := textx.Index(line, "Error: "); i >= 0 {
			// "<label> Error: <code> - <message>", e.g. a client's log of a
			// mid-stream error
			rest := line[i+len("Error: "):]
			if d := textx.Index(rest, " - "); d > 0 && isCodeToken(rest[:d]) && textx.IndexByte(rest[:d], '_') >= 0 {
				a.looseCode, a.looseMsg = rest[:d], textx.TrimSpace(rest[d+3:])
			}
		}
	}
	if n := xmlError(s); n != nil {
		a.addDoc(found{n: n}, "body", b)
	} else if looksLikeHTML(s) {
		a.htmlPage(s)
		return
	}
	if a.status == 0 {
		a.status, _ = statusNear(s[:min(len(s), 1<<16)])
	}
	if a.looseMsg == "" {
		a.looseMsg = firstLine(excMsg)
	}
	if a.looseMsg == "" {
		a.looseMsg = firstLine(textx.TrimSpace(s))
	}
}

// isLabel reports a short label or prompt before a JSON body ("Response:",
// ">>> r.json()"), as opposed to a log line, which starts with a time or a
// level.
func isLabel(s string) bool {
	if s == "" || len(s) > 60 || textx.Index(s, "\n") >= 0 {
		return false
	}
	if s[0] >= '0' && s[0] <= '9' || s[0] == '[' {
		return false
	}
	// s in upper case as far as these words go: of the letters outside
	// a-z, strings.ToUpper turns only ı and ſ into ASCII, and S is in none
	u := append([]byte(nil), textx.ReplaceAll(s, "ı", "i")...)
	for i, c := range u {
		if c >= 'a' && c <= 'z' {
			u[i] = c - ('a' - 'A')
		}
	}
	for _, w := range []string{"ERROR", "WARN", "INFO", "DEBUG", "LEVEL="} {
		if textx.Index(string(u), w) >= 0 {
			return false
		}
	}
	return true
}

// found is a JSON document found in text.
type found struct {
	n          *node
	start, end int
	truncated  bool
	score      int
	level      int // levels of string escaping removed
}

// bestDoc returns the most error-like JSON document in s: the highest
// docScore, the later one on a tie (logs end with the failure). A document
// starts at "{", at "[" before "{", or at "(" before "name=" (Python
// keyword arguments).
func bestDoc(s string, b *budget) (found, bool) { return bestDocAt(s, b, true) }

// bestDocAt is bestDoc; deep scores documents by what is escaped inside
// them too.
func bestDocAt(s string, b *budget, deep bool) (found, bool) {
	var best found
	have := false
	for i := 0; i < len(s); {
		for i < len(s) && s[i] != '{' && s[i] != '[' && s[i] != '(' {
			i++
		}
		if i == len(s) {
			break
		}
		if b.left <= 0 {
			break
		}
		if s[i] == '(' && !keywordAt(s, i+1) {
			i++
			continue
		}
		if s[i] == '[' { // only an array of objects
			k := i + 1
			for k < len(s) && k < i+64 && inSet(s[k], " \n\r\t") {
				k++
			}
			if k >= len(s) || k >= i+64 || s[k] != '{' {
				i++
				continue
			}
		}
		p, ok := readValue(s, i, b)
		if ok && (p.n.kind == kindObject || p.n.kind == kindArray) && p.end > i+1 {
			f := found{n: p.n, start: i, end: p.end, truncated: p.truncated, score: docScore(p.n, b, deep)}
			if !have || f.score >= best.score {
				best, have = f, true
			}
			i = p.end
			continue
		}
		if lvl := escapeLevel(s, i); lvl > 0 {
			// The escaped document ends where the string holding it does;
			// the whole region is skipped afterwards, parsed or not, so no
			// byte is unescaped twice.
			end := escapedEnd(s, i, lvl)
			if !b.spend((end - i) * (lvl + 1)) {
				break
			}
			text := s[i:end]
			for k := 0; k < lvl; k++ {
				text = unescapeLevel(text)
			}
			if p, ok := readValue(text, 0, b); ok && p.n.kind == kindObject {
				f := found{n: p.n, start: i, end: end, truncated: p.truncated && end == len(s), score: docScore(p.n, b, deep), level: lvl}
				if !have || f.score >= best.score {
					best, have = f, true
				}
			}
			i = end
			continue
		}
		i++
	}
	return best, have
}

// keywordAt reports "name=" (not "name==") at s[i:], after spaces.
func keywordAt(s string, i int) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) && byteClass[s[j]]&className != 0 {
		j++
	}
	return j > i && byteClass[s[i]]&classIdent != 0 && j+1 < len(s) && s[j] == '=' && s[j+1] != '='
}

// escapeLevel reports how many levels of string escaping precede the first
// key of an object at s[i]: `{\"` is 1, `{\\\"` is 2, `{\\\\\\\"` is 3.
func escapeLevel(s string, i int) int {
	k := i + 1
	for k < len(s) && s[k] == ' ' {
		k++
	}
	n := 0
	for k < len(s) && s[k] == '\\' && n < 8 {
		n++
		k++
	}
	if n == 0 || k >= len(s) || s[k] != '"' {
		return 0
	}
	switch n {
	case 1:
		return 1
	case 3:
		return 2
	case 7:
		return 3
	}
	return 0
}

// escapedEnd returns the end of a document escaped lvl levels deep that
// starts at s[i]: the quote that closes the string holding it (a quote after
// exactly 0, 1 or 3 backslashes for levels 1, 2, 3), or the end of the line.
func escapedEnd(s string, i, lvl int) int {
	want := 1<<(lvl-1) - 1
	for k := i + 1; k < len(s); k++ {
		switch s[k] {
		case '\n':
			return k
		case '"':
			n := 0
			for j := k - 1; j > i && s[j] == '\\' && n <= want; j-- {
				n++
			}
			if n == want {
				return k
			}
		}
	}
	return len(s)
}

// errorScore says how much a document looks like an error body.
func errorScore(n *node) int {
	if n.kind == kindArray {
		best := 0
		for i, v := range n.vals {
			if i >= 8 {
				break
			}
			best = max(best, errorScore(v))
		}
		return best
	}
	if n.kind != kindObject {
		return 0
	}
	s := 0
	if e := n.get("error"); e != nil {
		switch e.kind {
		case kindObject:
			s += 4
		case kindString:
			if e.text != "" {
				s += 2
			}
		}
	}
	if n.get("error_code") != nil || n.get("errorCode") != nil {
		s += 3
	}
	if e := n.get("errors"); e != nil && e.kind == kindArray && len(e.vals) > 0 {
		s += 2
	}
	if t, _ := n.get("type").str(); t == "error" {
		s += 3
	}
	if n.get("code") != nil {
		s++
	}
	if n.get("message") != nil || n.get("detail") != nil {
		s++
	}
	if st, ok := n.get("status").num(); ok && st >= 400 {
		s++
	}
	if n.get("title") != nil && n.get("status") != nil {
		s++
	}
	if isFailedEvent(n) {
		s += 4
	}
	return s
}

// ---- SDK exceptions and statuses in text ----

// sdkException finds an exception in text: "pkg.SomeError: message",
// "Error: 429 ..." or a Python repr "RateLimitError('...')". It returns
// the status the exception states (0 when none) and its message: what
// follows "Name: " or the quoted argument.
func sdkException(text string) (int, string, bool) {
	for lr := (lineReader{rest: text}); ; {
		line, ok := lr.next()
		if !ok {
			break
		}
		line = textx.TrimSpace(line)
		for i := 0; i < len(line); i++ {
			c := line[i]
			if c != '(' && (c != ':' || i+1 < len(line) && line[i+1] != ' ') {
				continue
			}
			start := i
			for start > 0 && byteClass[line[start-1]]&className != 0 {
				start--
			}
			name := line[start:i] // "pkg.SomeError"
			if len(name) < 5 || len(name) > 120 || start > 0 && !inSet(line[start-1], " \t[(") {
				continue
			}
			last := name // its last part
			for k := 0; k < len(name); k++ {
				if name[k] == '.' {
					last = name[k+1:]
				}
			}
			if !textx.HasSuffix(last, "Error") && !textx.HasSuffix(last, "Exception") {
				continue
			}
			rest := textx.TrimSpace(line[min(i+1, len(line)):])
			if c == '(' { // a repr: the quoted message
				rest = trimRight1(rest, ')')
				if len(rest) > 1 && inSet(rest[0], "'\"") && rest[len(rest)-1] == rest[0] {
					rest = rest[1 : len(rest)-1]
				}
			}
			if st, ok := statusAt(rest, 0); ok && standsAlone(rest, 3) { // "Error: 429 {...}"
				return st, rest, true
			}
			if st, _, _, ok := bracketStatus(rest); ok {
				return st, rest, true
			}
			st, _ := statusNear(rest[:min(len(rest), 40)])
			return st, rest, true
		}
	}
	return 0, "", false
}

// bracketStatus reads "[401] invalid_api_key: Key revoked", the format of
// SDKs that print "[<status>] <code>: <message>".
func bracketStatus(line string) (int, string, string, bool) {
	line = textx.TrimSpace(line)
	if i := textx.Index(line, ": ["); i >= 0 { // after an exception name
		line = line[i+2:]
	}
	if len(line) < 7 || line[0] != '[' || line[4] != ']' || line[5] != ' ' {
		return 0, "", "", false
	}
	st, ok := statusAt(line, 1)
	if !ok {
		return 0, "", "", false
	}
	rest := line[6:]
	colon := textx.Index(rest, ": ")
	if colon <= 0 || !isCodeToken(rest[:colon]) {
		return st, "", textx.TrimSpace(rest), true
	}
	return st, rest[:colon], textx.TrimSpace(rest[colon+2:]), true
}

func isCodeToken(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if byteClass[s[i]]&classToken == 0 && s[i] != '.' {
			return false
		}
	}
	return true
}

// ---- hosts ----

// appendHosts adds the host of every URL in s.
func appendHosts(hosts []string, s string) []string {
	for off := 0; len(hosts) < 32; {
		i := textx.Index(s[off:], "://")
		if i < 0 {
			break
		}
		start := off + i + 3
		end := start
		for end < len(s) && (byteClass[s[end]]&classToken != 0 || s[end] == '.' || s[end] == '@' || s[end] == ':') {
			end++
		}
		h := s[start:end]
		at := -1 // the end of user info before the host
		for i := 0; i < len(h); i++ {
			if h[i] == '@' {
				at = i
			}
		}
		h = h[at+1:]
		if c := textx.IndexByte(h, ':'); c >= 0 {
			h = h[:c]
		}
		hosts = appendHost(hosts, h)
		off = max(end, start)
	}
	return hosts
}

func appendHost(hosts []string, h string) []string {
	h = textx.Lower(trimRight1(textx.TrimSpace(h), '.'))
	if c := textx.IndexByte(h, ':'); c >= 0 {
		h = h[:c]
	}
	if h == "" || textx.Index(h, ".") < 0 {
		return hosts
	}
	for _, x := range hosts {
		if x == h {
			return hosts
		}
	}
	return append(hosts, h)
}
