package render

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Response is a documented example response as the site shows it.
type Response struct {
	Status  int      // HTTP status, 0 if not documented
	Headers []string // "Name: value"
	Stream  bool     // Body is one chunk of an SSE stream
	Body    string   // the JSON body, as documented
}

// StatusLine returns "HTTP/1.1 429 Too Many Requests", or "" without a status.
func (r Response) StatusLine() string {
	if r.Status == 0 {
		return ""
	}
	line := "HTTP/1.1 " + strconv.Itoa(r.Status)
	if t := http.StatusText(r.Status); t != "" {
		line += " " + t
	}
	return line
}

// BodyText returns the body as it travels: as documented, or for a stream
// chunk compacted onto one "data: " line, the way SSE sends it.
func (r Response) BodyText() string {
	body := strings.TrimRight(r.Body, "\n")
	if !r.Stream {
		return body
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, []byte(body)); err == nil {
		body = buf.String()
	}
	return "data: " + body
}

// Text returns the whole response as plain text, as a terminal would show
// it: the status line, the headers, a blank line, then the body.
func (r Response) Text() string {
	var sb strings.Builder
	if l := r.StatusLine(); l != "" {
		sb.WriteString(l + "\n")
	}
	for _, h := range r.Headers {
		sb.WriteString(h + "\n")
	}
	if sb.Len() > 0 {
		sb.WriteString("\n")
	}
	sb.WriteString(r.BodyText())
	return sb.String()
}

// Highlighter turns responses into highlighted HTML with CSS classes.
type Highlighter struct {
	f    *chromahtml.Formatter
	json chroma.Lexer
}

// NewHighlighter returns a Highlighter.
func NewHighlighter() *Highlighter {
	return &Highlighter{
		f:    newFormatter(),
		json: lexers.Get("json"),
	}
}

// HTML returns r as a highlighted <pre> block.
func (h *Highlighter) HTML(r Response) (template.HTML, error) {
	var toks []chroma.Token
	if l := r.StatusLine(); l != "" {
		code, reason, _ := strings.Cut(strings.TrimPrefix(l, "HTTP/1.1 "), " ")
		toks = append(toks,
			chroma.Token{Type: chroma.KeywordReserved, Value: "HTTP"},
			chroma.Token{Type: chroma.Operator, Value: "/"},
			chroma.Token{Type: chroma.LiteralNumber, Value: "1.1"},
			chroma.Token{Type: chroma.Text, Value: " "},
			chroma.Token{Type: chroma.LiteralNumber, Value: code},
		)
		if reason != "" {
			toks = append(toks, chroma.Token{Type: chroma.Text, Value: " "}, chroma.Token{Type: chroma.NameException, Value: reason})
		}
		toks = append(toks, chroma.Token{Type: chroma.Text, Value: "\n"})
	}
	for _, hd := range r.Headers {
		name, value, _ := strings.Cut(hd, ":")
		toks = append(toks,
			chroma.Token{Type: chroma.NameAttribute, Value: name},
			chroma.Token{Type: chroma.Operator, Value: ":"},
			chroma.Token{Type: chroma.Literal, Value: value},
			chroma.Token{Type: chroma.Text, Value: "\n"},
		)
	}
	if len(toks) > 0 {
		toks = append(toks, chroma.Token{Type: chroma.Text, Value: "\n"})
	}
	body := r.BodyText()
	if rest, ok := strings.CutPrefix(body, "data: "); ok && r.Stream {
		toks = append(toks,
			chroma.Token{Type: chroma.NameAttribute, Value: "data"},
			chroma.Token{Type: chroma.Punctuation, Value: ":"},
			chroma.Token{Type: chroma.Text, Value: " "},
		)
		body = rest
	}
	it, err := h.json.Tokenise(nil, body)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := h.f.Format(&buf, styles.Fallback, chroma.Concaterator(chroma.Literator(toks...), it)); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil //nolint:gosec // chroma escapes every token
}

// preWrapper makes the block focusable, so a keyboard can scroll it.
type preWrapper struct{}

func (preWrapper) Start(code bool, styleAttr string) string {
	return `<pre tabindex="0"` + styleAttr + `><code>`
}
func (preWrapper) End(code bool) string { return `</code></pre>` }

// Light and Dark are the chroma styles of the two colour schemes.
const (
	Light = "github"
	Dark  = "github-dark"
)

// StyleCSS returns the stylesheet for highlighted blocks: the light style,
// then the dark one inside a prefers-color-scheme media query. A class the
// light style colours but the dark one leaves at its default is reset in the
// dark block, so no light colour survives into the dark scheme.
func StyleCSS() (string, error) {
	f := chromahtml.New(chromahtml.WithClasses(true))
	var light, dark bytes.Buffer
	if err := f.WriteCSS(&light, styles.Get(Light)); err != nil {
		return "", err
	}
	if err := f.WriteCSS(&dark, styles.Get(Dark)); err != nil {
		return "", err
	}
	inDark := map[string]bool{}
	for _, m := range tokenRuleRE.FindAllStringSubmatch(dark.String(), -1) {
		inDark[m[1]] = true
	}
	var sb strings.Builder
	sb.Write(light.Bytes())
	sb.WriteString("@media (prefers-color-scheme: dark) {\n")
	sb.Write(dark.Bytes())
	for _, m := range tokenRuleRE.FindAllStringSubmatch(light.String(), -1) {
		if !inDark[m[1]] {
			sb.WriteString(".chroma ." + m[1] + " { color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit; text-decoration: inherit }\n")
		}
	}
	sb.WriteString("}\n")
	return sb.String(), nil
}

// tokenRuleRE finds the token classes a chroma stylesheet styles.
var tokenRuleRE = regexp.MustCompile(`\.chroma \.([a-z0-9]+) \{`)
