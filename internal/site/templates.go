package site

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
)

// Layout files define the frame every page shares; each other file in
// site/templates defines one page's "main" (and optionally "head") block.
var layoutFiles = []string{"layout.html", "partials.html"}

// templates parses the layout once and each page template over a clone.
func (b *builder) templates(dir string) error {
	funcs := template.FuncMap{
		"url": b.urls.Path, // site path → root-relative URL
		"abs": b.urls.Abs,  // site path → absolute URL
		"wbr": wbr,
		"asset": func(name string) (string, error) {
			p, ok := b.out.Assets[name]
			if !ok {
				return "", fmt.Errorf("no asset %q", name)
			}
			return b.urls.Path(p), nil
		},
	}
	var files []string
	for _, f := range layoutFiles {
		files = append(files, filepath.Join(dir, f))
	}
	base, err := template.New("layout.html").Funcs(funcs).ParseFiles(files...)
	if err != nil {
		return err
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	b.tmpls = map[string]*template.Template{}
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".html") || name == "layout.html" || name == "partials.html" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFiles(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		b.tmpls[name] = t
	}
	return nil
}

// execute renders a page through the layout.
func (b *builder) execute(tmpl string, p *Page) ([]byte, error) {
	t, ok := b.tmpls[tmpl]
	if !ok {
		return nil, fmt.Errorf("no template %s in site/templates", tmpl)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return nil, fmt.Errorf("%s: %w", tmpl, err)
	}
	return buf.Bytes(), nil
}

// wbr escapes an identifier and lets it break after its separators
// ("RATE_LIMIT_<wbr>EXCEEDED"), so long codes wrap in narrow table cells
// at token boundaries instead of mid-word.
func wbr(s string) template.HTML {
	var sb strings.Builder
	for _, r := range s {
		sb.WriteString(template.HTMLEscapeString(string(r)))
		if strings.ContainsRune("_-.:/", r) {
			sb.WriteString("<wbr>")
		}
	}
	return template.HTML(sb.String()) //nolint:gosec // every rune is escaped
}
