package render

import (
	"strings"
	"testing"

	"github.com/errdex/errdex/internal/siteurl"
)

var urls = siteurl.MustNew("/errdex/", "https://errdex.github.io")

func TestMarkdownLinks(t *testing.T) {
	m := NewMarkdown(urls)
	for _, tc := range []struct{ src, page, want string }{
		{"[q](../quota/)", "categories/rate_limit/", `<a href="/errdex/categories/quota/">q</a>`},
		{"[q](../quota/#retrying)", "categories/rate_limit/", `<a href="/errdex/categories/quota/#retrying">q</a>`},
		{"[c](/clore/5/)", "", `<a href="/errdex/clore/5/">c</a>`},
		{"[x](https://example.com/a)", "", `<a href="https://example.com/a">x</a>`},
		{"[f](#here)", "", `<a href="#here">f</a>`},
		{"x [j](javascript:alert(1)) y", "", `x j y`},
		{"x [j *k*](JavaScript:alert(1)) y", "", `x j <em>k</em> y`},
		{"x <javascript:alert(1)> y", "", `x javascript:alert(1) y`},
		{"x ![alt](javascript:alert(1)) y", "", `x alt y`},
		{"x [d](data:text/html;base64,PHNjcmlwdD4=) y", "", `x d y`},
		{"<script>alert(1)</script>", "", `<!-- raw HTML omitted -->`},
		{"x <img src=x onerror=alert(1)> y", "", `x <!-- raw HTML omitted --> y`},
	} {
		got, err := m.Inline(tc.src, tc.page, NewIDs())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), tc.want) {
			t.Errorf("Inline(%q) = %q, want it to contain %q", tc.src, got, tc.want)
		}
	}
}

func TestMarkdownIDs(t *testing.T) {
	m := NewMarkdown(urls)
	ids := NewIDs("codes")
	got, err := m.Block("## Codes\n\n## Error format\n\n## Error format\n", "clore/", ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<h2 id="codes-1">`, `<h2 id="error-format">`, `<h2 id="error-format-1">`} {
		if !strings.Contains(string(got), want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	if id := ids.Take("codes"); id != "codes-2" {
		t.Errorf("Take(codes) = %q", id)
	}
}

func TestText(t *testing.T) {
	m := NewMarkdown(urls)
	got := m.Text("The key `oc_live_` is *wrong*.\nSee [the docs](https://x.io). Then <b>retry</b>.")
	want := "The key oc_live_ is wrong. See the docs. Then retry."
	if got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if got := FirstSentence(want); got != "The key oc_live_ is wrong." {
		t.Errorf("FirstSentence = %q", got)
	}
	if got := FirstSentence("Use e.g. backoff. Then stop."); got != "Use e.g. backoff." {
		t.Errorf("FirstSentence = %q", got)
	}
}

func TestResponse(t *testing.T) {
	r := Response{Status: 429, Headers: []string{"X-RateLimit-Limit: 100"}, Body: "{\n  \"code\": 5\n}\n"}
	if got, want := r.Text(), "HTTP/1.1 429 Too Many Requests\nX-RateLimit-Limit: 100\n\n{\n  \"code\": 5\n}"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	s := Response{Status: 200, Stream: true, Body: "{\n  \"error\": {\"code\": \"x\"}\n}"}
	if got, want := s.Text(), "HTTP/1.1 200 OK\n\ndata: {\"error\":{\"code\":\"x\"}}"; got != want {
		t.Errorf("stream Text = %q, want %q", got, want)
	}
	h := NewHighlighter()
	for _, resp := range []Response{r, s, {Body: `{"a":"</pre><script>alert(1)</script>"}`}} {
		out, err := h.HTML(resp)
		if err != nil {
			t.Fatal(err)
		}
		html := string(out)
		if strings.Contains(html, "style=") || strings.Contains(html, "<script") {
			t.Errorf("unsafe or inline-styled output: %s", html)
		}
		if !strings.HasPrefix(html, `<pre tabindex="0" class="chroma"><code>`) {
			t.Errorf("unexpected wrapper: %s", html)
		}
	}
	css, err := StyleCSS()
	if dark := css[strings.Index(css, "@media"):]; !strings.Contains(dark, ".chroma .na {") {
		t.Errorf("the dark block does not reset .na, which only the light style colours")
	}
	if err != nil || !strings.Contains(css, "@media (prefers-color-scheme: dark)") || !strings.Contains(css, ".chroma .s2") {
		t.Errorf("StyleCSS: %v\n%s", err, css)
	}
}

func TestCodeBlock(t *testing.T) {
	m := NewMarkdown(urls)
	got, err := m.Block("```json\n{\"code\": \"</code><script>\"}\n```\n\n```\nplain <b>\n```\n", "", NewIDs())
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	for _, want := range []string{`<pre tabindex="0" class="chroma"><code>`, `<span class="nt">&#34;code&#34;</span>`, `<pre tabindex="0"><code>plain &lt;b&gt;`} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %s in\n%s", want, s)
		}
	}
	if strings.Contains(s, "<script") || strings.Contains(s, "style=") {
		t.Errorf("unsafe output:\n%s", s)
	}
}
