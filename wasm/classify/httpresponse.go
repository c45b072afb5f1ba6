package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is unwrap's reader of an HTTP response as curl -i prints it:
// status line, headers, body.

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
