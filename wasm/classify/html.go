package classify

import (
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is unwrap's reader of an HTML error page: its title and the
// proxy or gateway that sent it.

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
