package content

import (
	"strconv"
	"strings"

	"github.com/errdex/errdex/content/model"
)

// CurlPaste returns ex, an example of p's code c, as a support ticket would
// carry it: `curl -i` output of a request to p's host (its first host
// pattern, a '*' read as a region and "*." as a subdomain), with ex's
// headers and p's provider-only headers, and the body (a streamed example
// as one SSE event after HTTP 200). The confusion test and the browser
// suite paste every documented example this way.
func (p *Provider) CurlPaste(c *model.Code, ex *model.Example) string {
	var b strings.Builder
	b.WriteString("$ curl -i https://" + p.ExampleHost() + "/v1/example -d @req.json\n")
	st := ex.Status
	if st == 0 && len(c.Statuses) > 0 {
		st = c.Statuses[0]
	}
	if ex.Stream || st == 0 {
		st = 200
	}
	b.WriteString("HTTP/1.1 " + strconv.Itoa(st) + " Example\n")
	if ex.Stream {
		b.WriteString("content-type: text/event-stream\n")
	} else {
		b.WriteString("content-type: application/json\n")
	}
	for _, h := range ex.Headers {
		b.WriteString(h + "\n")
	}
	for _, h := range p.Detect.Headers {
		if !hasHeader(ex.Headers, h) {
			b.WriteString(h + ": example-value\n")
		}
	}
	b.WriteString("\n")
	if ex.Stream {
		b.WriteString("data: " + strings.Join(strings.Fields(ex.Body), " ") + "\n\n")
	} else {
		b.WriteString(ex.Body + "\n")
	}
	return b.String()
}

// ExampleHost is a host of p's first host pattern: a '*' stands for a
// region name, and "*." for a subdomain; "" when p names no host.
func (p *Provider) ExampleHost() string {
	if len(p.Detect.Hosts) == 0 {
		return ""
	}
	h := strings.Replace(p.Detect.Hosts[0], "*.", "x.", 1)
	return strings.Replace(h, "*", "us-east-1", 1)
}

func hasHeader(list []string, name string) bool {
	for _, h := range list {
		if i := strings.IndexByte(h, ':'); i > 0 && strings.EqualFold(strings.TrimSpace(h[:i]), name) {
			return true
		}
	}
	return false
}
