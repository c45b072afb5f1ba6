package classify

import (
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is unwrap's reader of curl -v output: the response lines marked
// "<".

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
