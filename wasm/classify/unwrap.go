package classify

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is the first stage: recognise what was pasted and peel it. A
// HAR file, curl -v and curl -i output give a status, headers and a body;
// a body may be an SSE stream, an HTML error page or JSON; plain text may be
// an SDK exception, a traceback, a log or a bare JSON body. What is left is
// an artefact: the error document (and any documents escaped inside its
// strings), the status, the headers and the form.

// artefact is what unwrap found in one (already redacted) paste.
type artefact struct {
	form       string
	status     int
	statusFrom string // "status line", "HAR entry", "SDK exception", "text", ...
	headers    headerList
	reqHeaders headerList
	hosts      []string
	layers     []layer // the error document, then documents escaped inside it
	truncated  bool
	midStream  bool
	partial    bool
	sdk        string // SDK exception class, e.g. "openai.RateLimitError"
	looseCode  string // a code read from text, not from JSON
	looseMsg   string // a message read from text, not from JSON
	html       string // title of an HTML error page
	htmlVendor string // who served it: cloudflare, nginx, ...
	stream     bool   // the body was an SSE stream
	streamDone bool   // the stream ended normally without an error
	notes      []string
	text       string // the redacted input
}

// layer is one error document: the outermost first, then each one found
// escaped inside a string of the previous one.
type layer struct {
	doc    *node
	status int    // a status read in the text just before the document
	where  string // where the document was found
}

// doc returns the outermost error document, or nil.
func (a *artefact) doc() *node {
	if len(a.layers) == 0 {
		return nil
	}
	return a.layers[0].doc
}

func (a *artefact) note(s string) { a.notes = append(a.notes, s) }

// unwrap recognises the form of s and extracts the error document.
func unwrap(s string) *artefact {
	a := &artefact{text: s}
	t := strings.TrimSpace(s)
	if t == "" {
		a.form = "empty"
		return a
	}
	if isBinary(s) {
		a.form = "binary"
		return a
	}
	b := &budget{left: 16*len(s) + 1<<16}
	switch {
	case a.har(t, b):
	case a.curlVerbose(s, b):
	case a.httpResponse(s, b):
	case a.sse(s, b):
		a.form = "sse"
	default:
		a.plain(s, b)
	}
	a.hosts = appendHosts(a.hosts, s)
	return a
}

// isBinary reports input that is mostly not text: NUL bytes, control
// characters or invalid UTF-8 in the first 4 KB.
func isBinary(s string) bool {
	head := cutUTF8(s, 4096)
	bad := 0
	for i := 0; i < len(head); {
		c := head[i]
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			bad++
		}
		r, size := utf8.DecodeRuneInString(head[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		}
		i += size
	}
	return bad*10 > len(head) || (bad > 0 && len(head) < 16 && bad*3 > len(head))
}

// ---- HAR ----

func (a *artefact) har(t string, b *budget) bool {
	if t[0] != '{' && t[0] != '[' {
		return false
	}
	head := t[:min(len(t), 4096)]
	if !strings.Contains(head, "\"log\"") && !(strings.Contains(t, "\"request\"") && strings.Contains(t, "\"response\"")) {
		return false
	}
	p, ok := readValue(t, 0, b)
	if !ok {
		return false
	}
	root := p.n
	var entries []*node
	if l := root.get("log"); l != nil {
		if e := l.get("entries"); e != nil && e.kind == kindArray {
			entries = e.vals
		}
	} else if root.get("request").isObject() && root.get("response").isObject() {
		entries = []*node{root}
	} else if root.kind == kindArray {
		for _, v := range root.vals {
			if v.get("response") != nil {
				entries = append(entries, v)
			}
		}
	}
	if len(entries) == 0 {
		return false
	}
	a.form = "har"
	if p.truncated {
		a.truncated = true
	}
	// the last failed entry, else the last one
	pick := len(entries) - 1
	for i := len(entries) - 1; i >= 0; i-- {
		if st, ok := entries[i].get("response").get("status").num(); ok && st >= 400 {
			pick = i
			break
		}
	}
	e := entries[pick]
	req, resp := e.get("request"), e.get("response")
	a.reqHeaders = harHeaders(req.get("headers"))
	a.headers = harHeaders(resp.get("headers"))
	if u, ok := req.get("url").str(); ok {
		a.hosts = appendHosts(a.hosts, u)
	}
	if st, ok := resp.get("status").num(); ok && st >= 100 && st < 600 {
		a.status, a.statusFrom = int(st), "HAR entry"
	}
	if len(entries) > 1 {
		m, _ := req.get("method").str()
		a.note("The HAR file has " + strconv.Itoa(len(entries)) + " entries; this is entry " + strconv.Itoa(pick+1) + " (" + strings.TrimSpace(m+" "+harURL(req)) + "), the last that failed.")
	}
	content := resp.get("content")
	text, _ := content.get("text").str()
	if enc, _ := content.get("encoding").str(); enc == "base64" {
		if d, ok := decodeBase64(text); ok {
			text = d
		} else {
			a.note("The HAR body is base64 that could not be decoded.")
		}
	}
	if mt, ok := content.get("mimeType").str(); ok && !a.headers.has("content-type") {
		a.headers = append(a.headers, header{name: "content-type", value: mt})
	}
	a.body(text, b, "HAR response body")
	return true
}

func harHeaders(n *node) headerList {
	var out headerList
	if n == nil || n.kind != kindArray {
		return nil
	}
	for _, h := range n.vals {
		name, ok1 := h.get("name").str()
		value, _ := h.get("value").scalar()
		if ok1 {
			out = append(out, header{name: name, value: value})
		}
	}
	return out
}

func harURL(req *node) string {
	u, _ := req.get("url").str()
	if len(u) > 120 {
		u = cutUTF8(u, 120) + "…"
	}
	return u
}

// ---- curl -v ----

func (a *artefact) curlVerbose(s string, b *budget) bool {
	if !strings.Contains(s, "< HTTP/") && !strings.Contains(s, "<HTTP/") {
		return false
	}
	var body []string
	inResponse := false
	var reqLine string
	for _, line := range lines(s) {
		switch {
		case strings.HasPrefix(line, "< ") || line == "<":
			l := strings.TrimPrefix(strings.TrimPrefix(line, "<"), " ")
			if st, _, ok := statusLine(l); ok {
				a.status, a.statusFrom = st, "status line"
				a.headers = nil
				body = nil
				inResponse = true
				continue
			}
			if h, ok := parseHeaderLine(l); ok {
				a.headers = append(a.headers, h)
			}
		case strings.HasPrefix(line, "> ") || line == ">":
			l := strings.TrimPrefix(strings.TrimPrefix(line, ">"), " ")
			if h, ok := parseHeaderLine(l); ok {
				a.reqHeaders = append(a.reqHeaders, h)
			} else if l != "" && reqLine == "" {
				reqLine = l
			}
		case strings.HasPrefix(line, "* ") || line == "*":
			if i := strings.Index(line, "Connected to "); i >= 0 {
				host := line[i+len("Connected to "):]
				if sp := strings.IndexAny(host, " ("); sp > 0 {
					host = host[:sp]
				}
				a.hosts = appendHost(a.hosts, host)
			}
		case strings.HasPrefix(line, "{ [") || strings.HasPrefix(line, "} ["):
			// curl's "{ [5 bytes data]" transfer notes
		default:
			if inResponse {
				body = append(body, line)
			} else {
				a.reqHeaders = append(a.reqHeaders, curlHeaderFlags(line)...)
			}
		}
	}
	if a.status == 0 {
		return false
	}
	a.form = "curl-v"
	if h, ok := a.reqHeaders.get("host"); ok {
		a.hosts = appendHost(a.hosts, h)
	}
	a.body(strings.Join(body, "\n"), b, "response body")
	return true
}

// ---- curl -i / raw HTTP ----

func (a *artefact) httpResponse(s string, b *budget) bool {
	ls := lines(s)
	start := -1
	for i, line := range ls {
		if _, _, ok := statusLine(strings.TrimSpace(line)); ok {
			start = i
			break
		}
		if i > 50 {
			break
		}
	}
	if start < 0 {
		return false
	}
	for _, line := range ls[:start] { // a curl command before the response
		a.reqHeaders = append(a.reqHeaders, curlHeaderFlags(line)...)
	}
	i := start
	for {
		st, reason, _ := statusLine(strings.TrimSpace(ls[i]))
		a.status, a.statusFrom = st, "status line"
		a.headers = nil
		i++
		for i < len(ls) && strings.TrimSpace(ls[i]) != "" {
			if h, ok := parseHeaderLine(strings.TrimSpace(ls[i])); ok {
				a.headers = append(a.headers, h)
			}
			i++
		}
		// skip the blank line; a 1xx or a proxy's "Connection established"
		// is followed by the real response
		j := i
		for j < len(ls) && strings.TrimSpace(ls[j]) == "" {
			j++
		}
		if j < len(ls) && (st < 200 || strings.EqualFold(reason, "connection established")) {
			if _, _, ok := statusLine(strings.TrimSpace(ls[j])); ok {
				i = j
				continue
			}
		}
		break
	}
	a.form = "curl-i"
	body := ""
	if i < len(ls) {
		body = strings.Join(ls[i+1:], "\n")
	}
	a.body(body, b, "response body")
	return true
}

// ---- bodies ----

// body reads a response body: an SSE stream, an HTML page or JSON.
func (a *artefact) body(body string, b *budget, where string) {
	ct, _ := a.headers.get("content-type")
	ct = strings.ToLower(ct)
	if strings.Contains(ct, "text/event-stream") || looksLikeSSE(body) {
		if a.sse(body, b) {
			return
		}
	}
	if strings.Contains(ct, "text/html") || looksLikeHTML(body) {
		a.htmlPage(body)
		return
	}
	if f, ok := bestDoc(body, b); ok {
		a.addDoc(f, where, b)
		if f.start > 0 && strings.TrimSpace(body[:f.start]) != "" {
			a.note("The body has text before its JSON.")
		}
		return
	}
	if t := strings.TrimSpace(body); t != "" {
		a.looseMsg = firstLine(t)
	}
}

// addDoc records f as the error document, and any documents escaped inside
// its strings (up to three levels).
func (a *artefact) addDoc(f found, where string, b *budget) {
	a.layers = append(a.layers, layer{doc: f.n, where: where})
	if f.truncated {
		a.truncated = true
	}
	if f.level > 0 {
		a.note("The JSON was escaped " + strconv.Itoa(f.level) + " level(s) deep and was unescaped.")
	}
	n := f.n
	for level := 1; level <= 3; level++ {
		inner, status, path, ok := embeddedDoc(n, b)
		if !ok {
			break
		}
		a.layers = append(a.layers, layer{doc: inner.n, status: status, where: path})
		n = inner.n
	}
}

// embeddedDoc finds an error document written as text inside one of n's
// strings: a proxy's message carrying the upstream body.
func embeddedDoc(n *node, b *budget) (found, int, string, bool) {
	var best found
	var bestStatus int
	var bestPath string
	var walk func(n *node, path string, depth int)
	walk = func(n *node, path string, depth int) {
		if depth > 8 {
			return
		}
		switch n.kind {
		case kindString:
			if len(n.text) < 8 || !strings.Contains(n.text, "{") {
				return
			}
			f, ok := bestDoc(n.text, b)
			if !ok || f.score < 2 || f.score <= best.score {
				return
			}
			best, bestPath = f, path
			bestStatus, _ = statusNear(n.text[:f.start])
		case kindObject:
			for i, k := range n.keys {
				walk(n.vals[i], joinPath(path, k), depth+1)
			}
		case kindArray:
			for i, v := range n.vals {
				if i >= 16 {
					break
				}
				walk(v, path+"["+strconv.Itoa(i)+"]", depth+1)
			}
		}
	}
	walk(n, "", 0)
	return best, bestStatus, bestPath, best.n != nil
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
	data string
}

func looksLikeSSE(s string) bool {
	for i, line := range lines(s) {
		if i > 200 {
			break
		}
		if strings.HasPrefix(line, "data:") || strings.HasPrefix(line, "event:") {
			return true
		}
	}
	return false
}

func parseSSE(s string) []sseEvent {
	var out []sseEvent
	var cur sseEvent
	var data []string
	flush := func() {
		if cur.name != "" || len(data) > 0 {
			cur.data = strings.Join(data, "\n")
			out = append(out, cur)
		}
		cur, data = sseEvent{}, nil
	}
	for _, line := range lines(s) {
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case strings.HasPrefix(line, "data:"):
			data = append(data, strings.TrimPrefix(strings.TrimPrefix(line, "data:"), " "))
		case strings.HasPrefix(line, "event:"):
			if len(data) > 0 { // no blank line between events
				flush()
			}
			cur.name = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, ":"), strings.HasPrefix(line, "id:"), strings.HasPrefix(line, "retry:"):
		default:
			if len(data) > 0 { // a continuation of a pretty-printed data line
				data = append(data, line)
			}
		}
	}
	flush()
	return out
}

// sse reads s as an SSE stream. The diagnosis is about the first error
// event; the events before it mean output may already have been produced.
func (a *artefact) sse(s string, b *budget) bool {
	if !looksLikeSSE(s) {
		return false
	}
	events := parseSSE(s)
	if len(events) == 0 {
		return false
	}
	a.stream = true
	output := false
	for i, ev := range events {
		d := strings.TrimSpace(ev.data)
		if d == "[DONE]" {
			continue
		}
		f, ok := bestDoc(d, b)
		isErr := ev.name == "error" || (ok && (f.score >= 3 || isFailedEvent(f.n)))
		if !isErr {
			if ok && hasOutput(f.n, 0) {
				output = true
			}
			continue
		}
		if !ok {
			a.looseMsg = firstLine(d)
		} else {
			a.addDoc(f, "SSE event "+strconv.Itoa(i+1), b)
		}
		if a.status == 0 || (a.status >= 200 && a.status < 300) {
			a.midStream = true
		}
		a.partial = output
		if ev.name != "" {
			a.note("The error came in SSE event " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(events)) + " (event: " + ev.name + ").")
		} else {
			a.note("The error came in SSE event " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(events)) + ".")
		}
		return true
	}
	a.streamDone = true
	return true
}

// isFailedEvent reports stream events that end a response with a failure:
// a choice with finish_reason "error", or a "response.failed" event.
func isFailedEvent(n *node) bool {
	if t, _ := n.get("type").str(); t == "response.failed" || t == "error" {
		return true
	}
	if ch := n.get("choices"); ch != nil && ch.kind == kindArray {
		for _, c := range ch.vals {
			if fr, _ := c.get("finish_reason").str(); fr == "error" {
				return true
			}
		}
	}
	return false
}

// hasOutput reports whether a stream event carries generated content.
func hasOutput(n *node, depth int) bool {
	if depth > 6 || n == nil {
		return false
	}
	switch n.kind {
	case kindObject:
		for i, k := range n.keys {
			v := n.vals[i]
			if (k == "content" || k == "text" || k == "partial_json" || k == "delta") && v.kind == kindString && v.text != "" {
				return true
			}
			if hasOutput(v, depth+1) {
				return true
			}
		}
	case kindArray:
		for _, v := range n.vals {
			if hasOutput(v, depth+1) {
				return true
			}
		}
	}
	return false
}

// ---- HTML ----

func looksLikeHTML(s string) bool {
	t := strings.ToLower(strings.TrimSpace(s[:min(len(s), 512)]))
	return strings.HasPrefix(t, "<!doctype html") || strings.HasPrefix(t, "<html") ||
		strings.HasPrefix(t, "<head") || (strings.HasPrefix(t, "<") && strings.Contains(t, "<title>"))
}

func (a *artefact) htmlPage(s string) {
	low := strings.ToLower(s)
	a.html = tagText(s, low, "title")
	if a.html == "" {
		a.html = tagText(s, low, "h1")
	}
	for _, v := range []struct{ key, name string }{
		{"cloudflare", "Cloudflare"}, {"nginx", "nginx"}, {"awselb", "AWS load balancer"},
		{"varnish", "Varnish"}, {"envoy", "Envoy"}, {"apache", "Apache"}, {"openresty", "OpenResty"},
	} {
		if strings.Contains(low, v.key) {
			a.htmlVendor = v.name
			break
		}
	}
	if a.status == 0 {
		if st, ok := statusNear(a.html); ok {
			a.status, a.statusFrom = st, "HTML page title"
		} else if i := strings.Index(low, "error code "); i >= 0 {
			if st, ok := statusAt(s, i+len("error code ")); ok {
				a.status, a.statusFrom = st, "HTML page"
			}
		}
	}
	if a.html == "" {
		a.html = "an HTML page"
	}
}

func tagText(s, low, tag string) string {
	i := strings.Index(low, "<"+tag)
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(low[i:], '>')
	if j < 0 {
		return ""
	}
	start := i + j + 1
	end := strings.Index(low[start:], "</"+tag)
	if end < 0 {
		end = min(len(s)-start, 200)
	}
	t := strings.Join(strings.Fields(s[start:start+end]), " ")
	return cutUTF8(t, 200)
}

// ---- plain text: JSON, SDK exceptions, logs ----

func (a *artefact) plain(s string, b *budget) {
	f, ok := bestDoc(s, b)
	if ok && f.score == 0 && f.start > 0 {
		// A non-error JSON value inside other text is not the subject.
		ok = strings.TrimSpace(s[:f.start]) == "" || lineCount(s[:f.start]) <= 1
	}
	if ok {
		before := s[:f.start]
		after := strings.TrimSpace(s[f.end:])
		a.addDoc(f, "body", b)
		if name, st, ok := sdkException(lastLines(before, 2)); ok {
			a.form, a.sdk = "sdk", name
			if st > 0 {
				a.status, a.statusFrom = st, "SDK exception"
			}
		} else if strings.TrimSpace(before) == "" && after == "" {
			a.form = "json"
		} else if after == "" && isLabel(strings.TrimSpace(before)) {
			a.form = "json" // a stray label or prompt before it
			a.note("The text before the JSON (\"" + cutUTF8(strings.TrimSpace(before), 60) + "\") was ignored.")
		} else {
			a.form = "log"
		}
		if a.status == 0 {
			if st, ok := statusNear(lastLines(before, 2)); ok {
				a.status, a.statusFrom = st, "text before the JSON"
			}
		}
		if n := lineCount(strings.TrimRight(s, "\n")); a.form == "log" && n > 3 {
			a.note("Read the JSON on line " + strconv.Itoa(lineCount(before)) + " of " + strconv.Itoa(n) + ".")
		}
		return
	}
	// No JSON: an SDK exception or text.
	a.form = "text"
	for _, line := range lines(s) {
		if name, st, ok := sdkException(line); ok {
			a.form, a.sdk = "sdk", name
			if st > 0 {
				a.status, a.statusFrom = st, "SDK exception"
			}
		}
		if st, code, msg, ok := bracketStatus(line); ok {
			a.form = "sdk"
			a.status, a.statusFrom = st, "SDK exception"
			a.looseCode, a.looseMsg = code, msg
		} else if code, msg, ok := dashCode(line); ok {
			a.looseCode, a.looseMsg = code, msg
		}
	}
	if looksLikeHTML(s) {
		a.htmlPage(s)
		return
	}
	if a.status == 0 {
		if st, ok := statusNear(s[:min(len(s), 1<<16)]); ok {
			a.status, a.statusFrom = st, "text"
		}
	}
	if a.looseMsg == "" {
		a.looseMsg = firstLine(strings.TrimSpace(s))
	}
}

// isLabel reports a short label or prompt before a JSON body ("Response:",
// ">>> r.json()"), as opposed to a log line, which starts with a time or a
// level.
func isLabel(s string) bool {
	if s == "" || len(s) > 60 || strings.Contains(s, "\n") {
		return false
	}
	if s[0] >= '0' && s[0] <= '9' || s[0] == '[' {
		return false
	}
	u := strings.ToUpper(s)
	for _, w := range []string{"ERROR", "WARN", "INFO", "DEBUG", "LEVEL="} {
		if strings.Contains(u, w) {
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
// errorScore, the later one on a tie (logs end with the failure).
func bestDoc(s string, b *budget) (found, bool) {
	var best found
	have := false
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], "{[")
		if j < 0 {
			break
		}
		i += j
		if b.left <= 0 {
			break
		}
		if s[i] == '[' && !arrayOfObjects(s, i) {
			i++
			continue
		}
		p, ok := readValue(s, i, b)
		if ok && (p.n.kind == kindObject || p.n.kind == kindArray) && p.end > i+1 {
			f := found{n: p.n, start: i, end: p.end, truncated: p.truncated, score: errorScore(p.n)}
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
				f := found{n: p.n, start: i, end: end, truncated: p.truncated && end == len(s), score: errorScore(p.n), level: lvl}
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

func arrayOfObjects(s string, i int) bool {
	for k := i + 1; k < len(s) && k < i+64; k++ {
		switch s[k] {
		case ' ', '\n', '\r', '\t':
			continue
		case '{':
			return true
		}
		return false
	}
	return false
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

// sdkException finds "pkg.SomeError: ..." or "Error: 429 ..." in text and
// returns the exception name and a status it states.
func sdkException(text string) (string, int, bool) {
	for _, line := range lines(text) {
		line = strings.TrimSpace(line)
		colon := strings.Index(line, ": ")
		for colon > 0 {
			name := line[:colon]
			if sp := strings.LastIndexAny(name, " \t"); sp >= 0 {
				name = name[sp+1:]
			}
			if isExceptionName(name) {
				rest := strings.TrimSpace(line[colon+2:])
				st := 0
				if v, ok := statusAt(rest, 0); ok {
					st = v
				} else if v, _, _, ok := bracketStatus(rest); ok {
					st = v
				} else if v, ok := statusNear(rest[:min(len(rest), 40)]); ok {
					st = v
				}
				return name, st, true
			}
			next := strings.Index(line[colon+2:], ": ")
			if next < 0 {
				break
			}
			colon += 2 + next
		}
	}
	return "", 0, false
}

func isExceptionName(name string) bool {
	if len(name) < 5 || len(name) > 120 {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !isIdentChar(name[i]) {
			return false
		}
	}
	last := name[strings.LastIndexByte(name, '.')+1:]
	return strings.HasSuffix(last, "Error") || strings.HasSuffix(last, "Exception")
}

// bracketStatus reads "[401] invalid_api_key: Key revoked", the format of
// SDKs that print "[<status>] <code>: <message>".
func bracketStatus(line string) (int, string, string, bool) {
	line = strings.TrimSpace(line)
	if i := strings.Index(line, ": ["); i >= 0 { // after an exception name
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
	colon := strings.Index(rest, ": ")
	if colon <= 0 || !isCodeToken(rest[:colon]) {
		return st, "", strings.TrimSpace(rest), true
	}
	return st, rest[:colon], strings.TrimSpace(rest[colon+2:]), true
}

// dashCode reads "<label> Error: <code> - <message>", e.g. a client's log
// of a mid-stream error.
func dashCode(line string) (string, string, bool) {
	i := strings.Index(line, "Error: ")
	if i < 0 {
		return "", "", false
	}
	rest := line[i+len("Error: "):]
	d := strings.Index(rest, " - ")
	if d <= 0 || !isCodeToken(rest[:d]) || !strings.ContainsAny(rest[:d], "_") {
		return "", "", false
	}
	return rest[:d], strings.TrimSpace(rest[d+3:]), true
}

func isCodeToken(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isTokenChar(s[i]) && s[i] != '.' {
			return false
		}
	}
	return true
}

// statusNear finds an HTTP status stated in text: "HTTP/1.1 429",
// "status 429", "status_code=429", "Error code: 429", "[429]",
// "429 Too Many Requests". The last one wins: it is nearest to what follows.
func statusNear(text string) (int, bool) {
	low := strings.ToLower(text)
	best, bestAt := 0, -1
	try := func(at, from int) {
		k := from
		for k < len(low) && k < from+12 && strings.IndexByte(" :=\"'_-#()[", low[k]) >= 0 || (k < len(low) && k < from+12 && strings.HasPrefix(low[k:], "code")) {
			if strings.HasPrefix(low[k:], "code") {
				k += 4
				continue
			}
			k++
		}
		if st, ok := statusAt(low, k); ok && at >= bestAt {
			best, bestAt = st, at
		}
	}
	for _, kw := range []string{"http/1.0 ", "http/1.1 ", "http/2 ", "http/3 ", "http ", "status", "error code", "returned", "statuscode"} {
		for off := 0; ; {
			i := strings.Index(low[off:], kw)
			if i < 0 {
				break
			}
			at := off + i
			try(at, at+len(kw))
			off = at + len(kw)
		}
	}
	for off := 0; ; {
		i := strings.IndexByte(low[off:], '[')
		if i < 0 {
			break
		}
		at := off + i
		if at+4 < len(low) && low[at+4] == ']' {
			if st, ok := statusAt(low, at+1); ok && st >= 400 && at >= bestAt {
				best, bestAt = st, at
			}
		}
		off = at + 1
	}
	for _, rp := range reasonPhrases {
		for off := 0; ; {
			i := strings.Index(low[off:], rp.phrase)
			if i < 0 {
				break
			}
			at := off + i
			if at >= 4 && low[at-1] == ' ' {
				if st, ok := statusAt(low, at-4); ok && st == rp.status && at-4 >= bestAt {
					best, bestAt = st, at-4
				}
			}
			off = at + len(rp.phrase)
		}
	}
	return best, best != 0
}

// ---- hosts ----

// appendHosts adds the host of every URL in s.
func appendHosts(hosts []string, s string) []string {
	for off := 0; len(hosts) < 32; {
		i := strings.Index(s[off:], "://")
		if i < 0 {
			break
		}
		start := off + i + 3
		end := start
		for end < len(s) && (isTokenChar(s[end]) || s[end] == '.' || s[end] == '@' || s[end] == ':') {
			end++
		}
		h := s[start:end]
		if at := strings.LastIndexByte(h, '@'); at >= 0 {
			h = h[at+1:]
		}
		if c := strings.IndexByte(h, ':'); c >= 0 {
			h = h[:c]
		}
		hosts = appendHost(hosts, h)
		off = max(end, start)
	}
	return hosts
}

func appendHost(hosts []string, h string) []string {
	h = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(h), "."))
	if c := strings.IndexByte(h, ':'); c >= 0 {
		h = h[:c]
	}
	if h == "" || !strings.Contains(h, ".") {
		return hosts
	}
	for _, x := range hosts {
		if x == h {
			return hosts
		}
	}
	return append(hosts, h)
}

// ---- text helpers ----

// lines splits s into lines without their "\n" or "\r\n".
func lines(s string) []string {
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = strings.TrimSuffix(l, "\r")
	}
	return ls
}

func lineCount(s string) int { return strings.Count(s, "\n") + 1 }

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	end := len(s)
	for k := 0; k < n; k++ {
		i := strings.LastIndexByte(s[:end], '\n')
		if i < 0 {
			return s
		}
		if k < n-1 {
			end = i
		} else {
			return s[i+1:]
		}
	}
	return s
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if len(s) > 300 {
		s = cutUTF8(s, 300) + "…"
	}
	return s
}

// decodeBase64 decodes standard or URL-safe base64, with or without padding.
func decodeBase64(s string) (string, bool) {
	var out []byte
	var acc, bits uint
	for i := 0; i < len(s); i++ {
		c := s[i]
		var v uint
		switch {
		case c >= 'A' && c <= 'Z':
			v = uint(c - 'A')
		case c >= 'a' && c <= 'z':
			v = uint(c-'a') + 26
		case c >= '0' && c <= '9':
			v = uint(c-'0') + 52
		case c == '+' || c == '-':
			v = 62
		case c == '/' || c == '_':
			v = 63
		case c == '=' || c == '\n' || c == '\r' || c == ' ':
			continue
		default:
			return "", false
		}
		acc = acc<<6 | v
		bits += 6
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
			acc &= 1<<bits - 1
		}
	}
	return string(out), true
}
