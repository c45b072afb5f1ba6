package render

import (
	"html"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// newFormatter is the chroma formatter of every highlighted block: CSS
// classes only, and a focusable <pre> so a keyboard can scroll it.
func newFormatter() *chromahtml.Formatter {
	return chromahtml.New(
		chromahtml.WithClasses(true),
		chromahtml.TabWidth(2),
		chromahtml.WithPreWrapper(preWrapper{}),
	)
}

// codeBlockRenderer highlights fenced code blocks in Markdown whose info
// string names a language chroma knows ("```json"); other blocks are
// printed plain, escaped.
type codeBlockRenderer struct {
	f *chromahtml.Formatter
}

func (r codeBlockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

func (r codeBlockRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code []byte
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		code = append(code, seg.Value(src)...)
	}
	var lexer chroma.Lexer
	if lang := n.Language(src); lang != nil {
		lexer = lexers.Get(string(lang))
	}
	if lexer != nil {
		if it, err := chroma.Coalesce(lexer).Tokenise(nil, string(code)); err == nil {
			if err := r.f.Format(w, styles.Fallback, it); err == nil {
				return ast.WalkSkipChildren, nil
			}
		}
	}
	_, _ = w.WriteString(`<pre tabindex="0"><code>`)
	_, _ = w.WriteString(html.EscapeString(string(code)))
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}
