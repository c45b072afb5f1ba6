package site

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"
)

// payload is text an attacker might get into content/: markup, event
// handlers, script URLs and a way out of the playground's textarea.
const payload = `<script>alert(1)</script><img src=x onerror=alert(2)></textarea><a href="javascript:alert(3)" onclick="alert(4)">x</a>"'&`

// mdPayload adds the Markdown ways to the same ends.
const mdPayload = "Inline " + payload + " [md](javascript:alert(5)) [md2](JaVaScRiPt:alert(6)) <javascript:alert(7)> ![i](javascript:alert(8))" +
	"\n\n" + payload + "\n\n<div onmouseover=\"alert(9)\">raw block</div>\n\n```html\n</code></pre><script>alert(10)</script>\n```\n"

// q quotes a string for YAML (JSON strings are YAML double-quoted scalars).
func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func hostileArchive() []byte {
	body, _ := json.Marshal(map[string]any{"error": map[string]any{"code": "evil", "message": payload}})
	var sb strings.Builder
	w := func(s string) { sb.WriteString(s + "\n") }
	w("-- providers/evil.md --")
	w("---")
	w("id: evil")
	w("name: " + q("Evil "+payload))
	w("summary: " + q(payload))
	w("homepage: https://evil.example/?q=%3Cscript%3E")
	w("base_url: https://evil.example/api")
	w("docs:")
	w("  - title: " + q(payload))
	w("    url: https://evil.example/docs")
	w("    read: 2026-01-15")
	w("envelope:")
	w("  code: [error.code]")
	w("  message: [error.message]")
	w("detect:")
	w("  sdk: [" + q(payload) + "]")
	w("  names: [" + q(payload) + "]")
	w("auth:")
	w("  header: " + q("X-Evil"))
	w("  scheme: " + q(payload))
	w("  key_prefixes: [" + q(payload) + "]")
	w("rate_limit:")
	w("  summary: " + q(payload))
	w("  headers: [" + q(payload) + "]")
	w("  reset_headers: [X-Evil-Reset]") // a header name: the loader refuses anything else
	w("  reset_unit: epoch")
	w("retry: " + q(payload))
	w("results:")
	w("  - status: 200")
	w("    title: " + q(payload))
	w("    meaning: " + q(mdPayload))
	w("codes:")
	w("  - code: evil")
	w("    aliases: [" + q(payload) + "]")
	w("    status: 400")
	w("    category: invalid_request")
	w("    retry:")
	w("      retryable: \"no\"")
	w("      wait_fields: [" + q(payload) + "]")
	w("      backoff: " + q(payload))
	w("      note: " + q(mdPayload))
	w("    title: " + q(payload))
	w("    meaning: " + q(mdPayload))
	w("    causes: [" + q(mdPayload) + "]")
	w("    fix: [" + q(mdPayload) + "]")
	w("    examples:")
	w("      - title: " + q(payload))
	w("        status: 400")
	w("        headers: [" + q("X-Evil: "+payload) + "]")
	w("        body: " + q(string(body)))
	w("        source: https://evil.example/src")
	w("      - stream: true")
	w("        body: " + q(string(body)))
	w("        source: https://evil.example/src?q=%3Cscript%3E")
	w("    variants:")
	w("      - name: v")
	w("        match: [" + q(payload) + "]")
	w("        category: auth")
	w("        title: " + q(payload))
	w("        meaning: " + q(mdPayload))
	w("        fix: [" + q(mdPayload) + "]")
	w("---")
	w(mdPayload)
	w("-- categories/auth.md --")
	w("---")
	w("name: auth")
	w("title: " + q(payload))
	w("summary: " + q(payload))
	w("retryable: \"no\"")
	w("advice: " + q(payload))
	w("order: 1")
	w("---")
	w(mdPayload)
	w("-- urls.txt --")
	w("evil/evil/")
	return []byte(sb.String())
}

// TestHostileContent renders content full of markup through the whole build
// and checks that none of it is live in the output: it must all arrive as
// text, or be dropped.
func TestHostileContent(t *testing.T) {
	out := buildFixture(t, hostileArchive(), urls)
	tagRE := regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	// html/template quotes every attribute value with '"' and escapes '"'
	// inside it, so an attribute is a name and an optional "value".
	attrRE := regexp.MustCompile(`\s([^\s"'=<>/]+)(?:="([^"]*)")?`)
	scriptRE := regexp.MustCompile(`(?is)<script\b[^>]*>.*?</script>|(?i)<script\b`)
	ownScript := regexp.MustCompile(`^<script src="/errdex/assets/[a-z]+-[A-Z2-7]{8}\.js" defer></script>$`)
	checked := 0
	for name, data := range out.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(data)
		for _, s := range scriptRE.FindAllString(page, -1) {
			if !ownScript.MatchString(s) {
				t.Errorf("%s: live script: %q", name, s)
			}
		}
		for _, tag := range tagRE.FindAllString(page, -1) {
			if strings.ContainsAny(strings.TrimSuffix(tag, ">")[1:], "<'") {
				t.Errorf("%s: malformed tag %q", name, tag)
			}
			for _, a := range attrRE.FindAllStringSubmatch(tag, -1) {
				attr, val := strings.ToLower(a[1]), html.UnescapeString(a[2])
				if strings.HasPrefix(attr, "on") {
					t.Errorf("%s: event handler %s in %q", name, attr, tag)
				}
				v := strings.ToLower(strings.Join(strings.Fields(val), ""))
				switch attr {
				case "href", "src", "action", "formaction", "srcset", "xlink:href":
					if strings.Contains(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:") {
						t.Errorf("%s: script URL in %q", name, tag)
					}
				}
			}
			for _, bad := range []string{"<img", "<iframe", "<object", "<embed", "<svg", "<div onmouseover"} {
				if strings.HasPrefix(strings.ToLower(tag), bad) {
					t.Errorf("%s: injected element %q", name, tag)
				}
			}
		}
		// The playground has two: the paste box and the share output.
		if n := strings.Count(page, "<textarea"); n != map[bool]int{true: 2, false: 0}[name == "play/index.html"] {
			t.Errorf("%s: %d textareas", name, n)
		}
		if strings.Count(page, "</textarea>") != strings.Count(page, "<textarea") {
			t.Errorf("%s: unbalanced </textarea>", name)
		}
		if strings.Contains(page, "&amp;lt;") || strings.Contains(page, "&amp;#") {
			t.Errorf("%s: double escaping", name)
		}
		checked++
	}
	if checked < 5 {
		t.Fatalf("only %d pages checked", checked)
	}
	// The payload is there, as text.
	code := string(out.Files["evil/evil/index.html"])
	if strings.Contains(code, `href=""`) {
		t.Error(`a dangerous link became href="" instead of losing its link`)
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;/textarea&gt;", "Inline ", " md md2 javascript:alert(7) i"} {
		if !strings.Contains(code, want) {
			t.Errorf("code page lacks the escaped payload %s", want)
		}
	}
	// JSON files the browser reads never carry raw markup.
	for _, f := range []string{out.SearchIndex, out.Examples, "catalog.json"} {
		if strings.ContainsAny(string(out.Files[f]), "<>") {
			t.Errorf("%s carries raw < or >", f)
		}
	}
}
