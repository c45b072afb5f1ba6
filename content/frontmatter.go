package content

import (
	"bytes"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errdex/errdex/content/model"
)

// document is one content file split into its front matter and body.
type document struct {
	file     string
	front    []byte // YAML between the "---" lines
	root     *yaml.Node
	body     string
	bodyLine int // line number of the body's first line
}

// frontLine converts a line within the front matter to a line in the file:
// the front matter starts on the file's second line.
func frontLine(n int) int { return n + 1 }

// split parses a file into front matter and body. It reports a missing or
// unterminated front matter block and YAML syntax errors with file lines.
func split(file string, src []byte, report func(line int, msg string)) *document {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(src, []byte("---\n")) {
		report(1, `file must start with a front-matter block: a line "---", YAML, a line "---"`)
		return nil
	}
	rest := src[4:]
	end := -1
	off := 0
	for off <= len(rest) {
		nl := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if string(line) == "---" {
			end = off
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		report(1, `front matter is not closed by a line "---"`)
		return nil
	}
	d := &document{file: file, front: rest[:end]}
	bodyStart := end + 4 // past "---\n"
	if bodyStart > len(rest) {
		bodyStart = len(rest)
	}
	d.body = string(rest[bodyStart:])
	d.bodyLine = 2 + bytes.Count(rest[:bodyStart], []byte("\n"))
	var root yaml.Node
	if err := yaml.Unmarshal(d.front, &root); err != nil {
		for _, m := range yamlMessages(err) {
			report(m.line, m.msg)
		}
		return nil
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		report(2, "front matter must be a YAML mapping of keys to values")
		return nil
	}
	d.root = root.Content[0]
	return d
}

type lineMsg struct {
	line int
	msg  string
}

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlMessages turns a yaml.v3 error into messages with file lines.
func yamlMessages(err error) []lineMsg {
	var msgs []string
	if te, ok := err.(*yaml.TypeError); ok {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var out []lineMsg
	for _, m := range msgs {
		if sm := yamlLineRE.FindStringSubmatch(m); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			out = append(out, lineMsg{frontLine(n), "YAML: " + sm[2]})
			continue
		}
		out = append(out, lineMsg{2, "YAML: " + strings.TrimPrefix(m, "yaml: ")})
	}
	return out
}

// loaderSet holds the model types whose keys the walk accepts but leaves
// for the validator: their messages need the context (which code, which
// variant), and their text does not map to a Go value one to one.
var loaderSet = map[reflect.Type]bool{
	reflect.TypeFor[model.Retryable](): true, // "yes", "no", "unknown"; a variant inherits when absent
	reflect.TypeFor[model.Status]():    true, // int, list of int, "stream" or "varies"
}

// decode fills v, a pointer to a model value, from the document's front
// matter by the yaml tags of its type. It is the one reader for every type
// of the model: a misspelt key is an error rather than silently ignored, and
// every unknown key and type error is reported at its line. It returns false
// if anything was wrong.
func decode(d *document, v any, report func(int, string)) bool {
	bad := false
	r := func(line int, msg string) { bad = true; report(line, msg) }
	// yaml.v3's decoder vets the tree first: duplicate keys, and aliases
	// that contain themselves or expand without bound (the walk below then
	// follows aliases safely).
	if err := d.root.Decode(new(any)); err != nil {
		for _, m := range yamlMessages(err) {
			r(m.line, m.msg)
		}
		if _, ok := err.(*yaml.TypeError); !ok {
			return false
		}
	}
	walk(d.root, reflect.ValueOf(v).Elem(), r)
	return !bad
}

// walk sets v from n: structs key by key through their yaml tags, slices and
// pointers element by element, and everything else by yaml.v3 itself, so
// scalars convert and fail exactly as yaml.v3 decodes them.
func walk(n *yaml.Node, v reflect.Value, report func(line int, msg string)) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if loaderSet[v.Type()] {
		return
	}
	switch {
	case v.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields, names := yamlFields(v.Type())
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			f, ok := fields[k.Value]
			if !ok {
				report(frontLine(k.Line), "unknown key "+strconv.Quote(k.Value)+" (known: "+strings.Join(names, ", ")+")")
				continue
			}
			walk(val, v.Field(f), report)
		}
	case v.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			walk(c, s.Index(i), report)
		}
		v.Set(s)
	case v.Kind() == reflect.Pointer && n.ShortTag() != "!!null":
		p := reflect.New(v.Type().Elem())
		walk(n, p.Elem(), report)
		v.Set(p)
	default:
		if err := n.Decode(v.Addr().Interface()); err != nil {
			for _, m := range yamlMessages(err) {
				report(m.line, m.msg)
			}
		}
	}
}

// yamlFields maps a struct type's keys to field indexes, and lists the keys
// in field order.
func yamlFields(t reflect.Type) (map[string]int, []string) {
	fields := map[string]int{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		fields[tag] = i
		names = append(names, tag)
	}
	return fields, names
}

// text returns a scalar's text ("" for null, a list or a map), through an
// alias.
func text(n *yaml.Node) string {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		return ""
	}
	return n.Value
}

// value returns the value node of key in mapping n, or nil.
func value(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// item returns element i of sequence n, or nil.
func item(n *yaml.Node, i int) *yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
		return nil
	}
	return n.Content[i]
}

// lineOf returns the file line of a node, or fallback when n is nil.
func lineOf(n *yaml.Node, fallback int) int {
	if n == nil {
		return fallback
	}
	return frontLine(n.Line)
}
