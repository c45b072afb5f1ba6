package model_test

import (
	"bytes"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"gopkg.in/yaml.v3"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/content/model"
)

// A docLine is one field's line in the package doc.
type docLine struct {
	key      string
	typ      string
	required bool // "key*"
	omit     bool // "key?"
	notKey   bool // under "Not a key:"
}

var lineRE = regexp.MustCompile(`^\t([a-z_]+)([*?]?)\s+(\S+)`)

// parseDoc returns the field lines of doc.go's package comment by section
// ("# Provider" → "Provider"), in order.
func parseDoc(t *testing.T) map[string][]docLine {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		t.Fatalf("doc.go: %v", err)
	}
	sections := map[string][]docLine{}
	section, notKey := "", false
	for _, line := range strings.Split(f.Doc.Text(), "\n") {
		if h, ok := strings.CutPrefix(line, "# "); ok {
			section, notKey = strings.Fields(h)[0], false
			continue
		}
		if line == "Not a key:" {
			notKey = true
			continue
		}
		if m := lineRE.FindStringSubmatch(line); m != nil && section != "" {
			sections[section] = append(sections[section], docLine{key: m[1], typ: m[3],
				required: m[2] == "*", omit: m[2] == "?", notKey: notKey})
		}
	}
	return sections
}

// modelTypes returns every struct type of package model reachable from a
// provider, a category and a client.
func modelTypes() []reflect.Type {
	var out []reflect.Type
	seen := map[reflect.Type]bool{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t.PkgPath() != reflect.TypeFor[model.Provider]().PkgPath() || seen[t] {
			return
		}
		seen[t] = true
		out = append(out, t)
		for i := 0; i < t.NumField(); i++ {
			visit(t.Field(i).Type)
		}
	}
	visit(reflect.TypeFor[model.Provider]())
	visit(reflect.TypeFor[model.Category]())
	visit(reflect.TypeFor[model.Client]())
	return out
}

func tagName(f reflect.StructField, tag string) string {
	return strings.Split(f.Tag.Get(tag), ",")[0]
}

// docKey is a field's name in the doc: its front-matter key, else its
// catalog.json key, else its name in lower case.
func docKey(f reflect.StructField) string {
	for _, k := range []string{tagName(f, "yaml"), tagName(f, "json")} {
		if k != "" && k != "-" {
			return k
		}
	}
	return strings.ToLower(f.Name)
}

func goType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice:
		return "[]" + goType(t.Elem())
	case reflect.Pointer:
		return "*" + goType(t.Elem())
	}
	return t.Name()
}

// TestDocCoversModel fails when a field of the model has no line in the
// package doc, a line names no field, or a line's type, "?" (omitempty) or
// "Not a key" (yaml:"-") disagrees with the field: a new field cannot be
// left undocumented, and the doc cannot describe a field that is gone.
func TestDocCoversModel(t *testing.T) {
	doc := parseDoc(t)
	types := map[string]bool{}
	for _, typ := range modelTypes() {
		types[typ.Name()] = true
		lines, ok := doc[typ.Name()]
		if !ok {
			t.Errorf("%s: no section \"# %s\" in doc.go", typ, typ.Name())
			continue
		}
		byKey := map[string]docLine{}
		for _, l := range lines {
			if _, dup := byKey[l.key]; dup {
				t.Errorf("doc.go # %s: %q has two lines", typ.Name(), l.key)
			}
			byKey[l.key] = l
		}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			key := docKey(f)
			l, ok := byKey[key]
			if !ok {
				t.Errorf("%s.%s: no line %q in doc.go's section # %s", typ.Name(), f.Name, key, typ.Name())
				continue
			}
			delete(byKey, key)
			y, j := tagName(f, "yaml"), tagName(f, "json")
			if y != "-" && y != "" && j != "" && j != "-" && y != j {
				t.Errorf("%s.%s: front-matter key %q and catalog.json key %q differ", typ.Name(), f.Name, y, j)
			}
			if l.typ != goType(f.Type) {
				t.Errorf("doc.go # %s: %s is documented as %s, the field is %s", typ.Name(), key, l.typ, goType(f.Type))
			}
			if l.notKey != (y == "-") {
				t.Errorf("doc.go # %s: %s: under \"Not a key\" is %v, but its yaml tag is %q", typ.Name(), key, l.notKey, y)
			}
			if omit := strings.Contains(f.Tag.Get("json"), ",omitempty"); l.omit != omit {
				t.Errorf("doc.go # %s: %s: marked \"?\" is %v, but omitempty is %v", typ.Name(), key, l.omit, omit)
			}
			if l.notKey && l.required {
				t.Errorf("doc.go # %s: %s is not a key and cannot be required", typ.Name(), key)
			}
		}
		for key := range byKey {
			t.Errorf("doc.go # %s: %q is no field of model.%s", typ.Name(), key, typ.Name())
		}
	}
	for section, lines := range doc {
		if !types[section] && len(lines) > 0 {
			t.Errorf("doc.go: section # %s describes no type of the model", section)
		}
	}
}

// TestDocRequiredKeys checks the doc's "*" against the loader: a fixture
// that writes every key loads cleanly, and loses a key at a time. Without a
// key marked required it must not load; without any other it must, unless
// another key written beside it needs it and the loader says so.
func TestDocRequiredKeys(t *testing.T) {
	doc := parseDoc(t)
	full, err := os.ReadFile("testdata/full.md")
	if err != nil {
		t.Fatal(err)
	}
	client, err := os.ReadFile("testdata/client.md")
	if err != nil {
		t.Fatal(err)
	}
	base := fstest.MapFS{
		"providers/full.md": {Data: full},
		"clients/full.md":   {Data: client},
		"urls.txt":          {Data: []byte("# none\n")},
	}
	cats, _ := fs.Glob(content.FS, "categories/*.md")
	for _, c := range cats {
		data, _ := fs.ReadFile(content.FS, c)
		base[c] = &fstest.MapFile{Data: data}
	}
	if _, problems := content.Load(base); len(problems) > 0 {
		t.Fatalf("testdata/full.md does not load: %v", problems)
	}
	files := map[string]reflect.Type{
		"providers/full.md":   reflect.TypeFor[model.Provider](),
		"categories/quota.md": reflect.TypeFor[model.Category](),
		"clients/full.md":     reflect.TypeFor[model.Client](),
	}
	for _, typ := range modelTypes() {
		for _, l := range doc[typ.Name()] {
			if l.notKey {
				continue
			}
			var file string
			var src []byte
			for name, root := range files {
				if out, ok := without(t, base[name].Data, root, typ, l.key); ok {
					file, src = name, out
					break
				}
			}
			if src == nil {
				if l.required {
					t.Errorf("%s.%s: required, but testdata/full.md does not write it", typ.Name(), l.key)
				} else {
					t.Logf("%s.%s: testdata/full.md does not write it; not checked", typ.Name(), l.key)
				}
				continue
			}
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			fsys[file] = &fstest.MapFile{Data: src}
			_, problems := content.Load(fsys)
			switch {
			case l.required && len(problems) == 0:
				t.Errorf("%s.%s is marked required (*) in doc.go, but content without it loads", typ.Name(), l.key)
			case !l.required && len(problems) > 0 && !needed(problems, l.key):
				t.Errorf("%s.%s is optional in doc.go, but content without it does not load: %v", typ.Name(), l.key, problems[0])
			}
		}
	}
}

// needed reports whether every problem says that another key needs key: an
// optional key may be needed by another one written beside it (reset_unit
// by reset_headers), and the loader then says so.
func needed(problems []content.Problem, key string) bool {
	for _, p := range problems {
		if !strings.Contains(p.Msg, "needs") || !strings.Contains(p.Msg, `"`+key+`"`) {
			return false
		}
	}
	return true
}

// without returns a content file with the first key of a mapping of type
// typ deleted, walking the front matter from root by the yaml tags.
func without(t *testing.T, src []byte, root, typ reflect.Type, key string) ([]byte, bool) {
	t.Helper()
	front, body, _ := bytes.Cut(bytes.TrimPrefix(src, []byte("---\n")), []byte("\n---\n"))
	var n yaml.Node
	if err := yaml.Unmarshal(front, &n); err != nil {
		t.Fatal(err)
	}
	m := find(n.Content[0], root, typ, key)
	if m == nil {
		return nil, false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			break
		}
	}
	out, err := yaml.Marshal(n.Content[0])
	if err != nil {
		t.Fatal(err)
	}
	return append(append(append([]byte("---\n"), out...), "---\n"...), body...), true
}

// find returns the first mapping of type typ that has key, below n of type t.
func find(n *yaml.Node, t, typ reflect.Type, key string) *yaml.Node {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if t == typ && n.Content[i].Value == key {
				return n
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			for j := 0; j < t.NumField(); j++ {
				if tagName(t.Field(j), "yaml") == n.Content[i].Value {
					if m := find(n.Content[i+1], t.Field(j).Type, typ, key); m != nil {
						return m
					}
				}
			}
		}
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			if m := find(c, t.Elem(), typ, key); m != nil {
				return m
			}
		}
	}
	return nil
}
