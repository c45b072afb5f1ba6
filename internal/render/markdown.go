package render

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/errdex/errdex/internal/siteurl"
)

// Markdown renders content Markdown into HTML fragments.
type Markdown struct {
	md   goldmark.Markdown
	urls siteurl.URLs
}

// pageKey carries the site path of the page being rendered to the link
// rewriter.
var pageKey = parser.NewContextKey()

// NewMarkdown returns a renderer whose site links resolve under urls.
func NewMarkdown(urls siteurl.URLs) *Markdown {
	m := &Markdown{urls: urls}
	m.md = goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(linkRewriter{urls}, 100)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(codeBlockRenderer{newFormatter()}, 100)),
			// No html.WithUnsafe: raw HTML is omitted and dangerous URLs dropped.
		),
	)
	return m
}

// Block renders src as block HTML (paragraphs, lists, headings, tables) for
// the page at site path page. Heading IDs are drawn from ids, which a page
// shares between all of its fragments so that no two elements get one id.
func (m *Markdown) Block(src, page string, ids *IDs) (template.HTML, error) {
	var buf bytes.Buffer
	ctx := parser.NewContext(parser.WithIDs(ids))
	ctx.Set(pageKey, page)
	if err := m.md.Convert([]byte(src), &buf, parser.WithContext(ctx)); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil //nolint:gosec // goldmark output with raw HTML off
}

// Inline renders src like Block but without the paragraph around a single
// paragraph, for text inside a list item or a table cell.
func (m *Markdown) Inline(src, page string, ids *IDs) (template.HTML, error) {
	h, err := m.Block(src, page, ids)
	if err != nil {
		return "", err
	}
	s := strings.TrimSuffix(string(h), "\n")
	if inner, ok := strings.CutPrefix(s, "<p>"); ok {
		if inner, ok = strings.CutSuffix(inner, "</p>"); ok && !strings.Contains(inner, "<p>") {
			return template.HTML(inner), nil //nolint:gosec // as above
		}
	}
	return h, nil
}

// Text returns src as plain text: Markdown syntax removed, code spans and
// link texts kept, line breaks turned into spaces. Templates escape it.
func (m *Markdown) Text(src string) string {
	b := []byte(src)
	doc := m.md.Parser().Parse(text.NewReader(b), parser.WithContext(parser.NewContext(parser.WithIDs(NewIDs()))))
	var sb strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			sb.Write(n.Value(b))
			if n.SoftLineBreak() || n.HardLineBreak() {
				sb.WriteByte(' ')
			}
		case *ast.String:
			sb.Write(n.Value)
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(sb.String()), " ")
}

// FirstSentence returns the first sentence of plain text s: up to the first
// '.', '!' or '?' that ends the text or is followed by a space and a
// capital letter or a digit.
func FirstSentence(s string) string {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '!', '?':
			if i+1 == len(s) {
				return s
			}
			if i+2 < len(s) && s[i+1] == ' ' && (isUpper(s[i+2]) || (s[i+2] >= '0' && s[i+2] <= '9')) {
				return s[:i+1]
			}
		}
	}
	return s
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// linkRewriter turns site-relative link destinations into URLs under the
// base path. Absolute URLs, fragments and dangerous schemes are left to
// goldmark's renderer (which drops the dangerous ones).
type linkRewriter struct{ urls siteurl.URLs }

func (r linkRewriter) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	page, _ := pc.Get(pageKey).(string)
	src := reader.Source()
	var unsafe []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if dangerous(n.Destination) {
				unsafe = append(unsafe, n)
			}
			n.Destination = []byte(r.resolve(string(n.Destination), page))
		case *ast.Image:
			if dangerous(n.Destination) {
				unsafe = append(unsafe, n)
			}
			n.Destination = []byte(r.resolve(string(n.Destination), page))
		case *ast.AutoLink:
			if dangerous(n.URL(src)) {
				unsafe = append(unsafe, n)
			}
		}
		return ast.WalkContinue, nil
	})
	// A link to a script URL keeps its text and loses the link, rather than
	// becoming goldmark's href="".
	for _, n := range unsafe {
		parent := n.Parent()
		if al, ok := n.(*ast.AutoLink); ok {
			parent.InsertBefore(parent, n, ast.NewString(al.Label(src)))
		} else {
			for c := n.FirstChild(); c != nil; {
				next := c.NextSibling()
				parent.InsertBefore(parent, n, c)
				c = next
			}
		}
		parent.RemoveChild(parent, n)
	}
}

// dangerous reports a URL whose scheme can run code, also when disguised by
// case, whitespace or control characters that browsers strip.
func dangerous(u []byte) bool {
	var b []byte
	for _, c := range u {
		if c > ' ' && c != 0x7f {
			b = append(b, c)
		}
	}
	return html.IsDangerousURL(bytes.ToLower(b))
}

func (r linkRewriter) resolve(dest, page string) string {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || dest == "" || dest[0] == '#' {
		return dest
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = path.Join("/"+page, p) // page is a directory path ("categories/rate_limit/")
	}
	if strings.HasSuffix(u.Path, "/") && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	out := r.urls.Path(strings.TrimPrefix(p, "/"))
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		out += "#" + u.EscapedFragment()
	}
	return out
}

// IDs hands out the element ids of one page. Ids the page's own markup uses
// are reserved first, so a heading in the content can never take them;
// repeated headings get "-1", "-2" suffixes. It implements goldmark's
// parser.IDs.
type IDs struct {
	used map[string]bool
}

// NewIDs returns an id set with the given ids already taken.
func NewIDs(reserved ...string) *IDs {
	ids := &IDs{used: map[string]bool{}}
	for _, r := range reserved {
		ids.used[r] = true
	}
	return ids
}

// Generate makes a unique id from a heading's text, GitHub-style: lower-case
// ASCII letters and digits, spaces and '_' as '-'.
func (ids *IDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b []byte
	for _, c := range bytes.TrimSpace(value) {
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		case c == ' ' || c == '-' || c == '_':
			b = append(b, '-')
		}
	}
	if len(b) == 0 {
		b = []byte("section")
	}
	id := string(b)
	for i := 1; ids.used[id]; i++ {
		id = string(b) + "-" + strconv.Itoa(i)
	}
	ids.used[id] = true
	return []byte(id)
}

// Put marks an id as taken.
func (ids *IDs) Put(value []byte) { ids.used[string(value)] = true }

// Take returns a unique id built from base, for the page's own elements.
func (ids *IDs) Take(base string) string {
	return string(ids.Generate([]byte(base), ast.KindHeading))
}
