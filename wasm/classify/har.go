package classify

import (
	"github.com/errdex/errdex/wasm/internal/b64"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is unwrap's reader of a HAR file or entry: its response's
// status, headers and body.

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
	for k, n := range [2]*node{req.get("headers"), resp.get("headers")} {
		var hs headerList
		for _, h := range n.items() {
			if name, ok := h.get("name").str(); ok {
				hs.put(name, scalarOf(h.get("value")))
			}
		}
		if k == 0 {
			a.reqHeaders = hs
		} else {
			a.headers = hs
		}
	}
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

// ---- curl -v ----
