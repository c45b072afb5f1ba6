package classify

import (
	"unicode/utf8"

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
	calls      string // the API an agent calls by default, as named in detect.names, or ""
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
	// input that is mostly not text: NUL bytes, control characters or
	// invalid UTF-8 in the first 4 KB
	head := textx.CutUTF8(s, 4096)
	bad := 0
	for i := 0; i < len(head); i++ {
		switch c := head[i]; {
		case c-0x20 < 0x60: // printable ASCII
		case c == 0:
			a.form = formBinary
			return a
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
	if bad*10 > len(head) || (bad > 0 && len(head) < 16 && bad*3 > len(head)) {
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

// ---- HAR ----

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
