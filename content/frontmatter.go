package content

import (
	"bytes"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
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

// checkKeys reports every mapping key in n that has no field in the struct
// type t (by its yaml tag), recursing into nested structs and slices, so a
// misspelt key is an error rather than silently ignored.
func checkKeys(n *yaml.Node, t reflect.Type, report func(line int, msg string)) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == reflect.TypeOf(yaml.Node{}) {
		return
	}
	switch {
	case n.Kind == yaml.MappingNode && t.Kind() == reflect.Struct:
		fields := map[string]reflect.Type{}
		var names []string
		for i := 0; i < t.NumField(); i++ {
			tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
			if tag == "" || tag == "-" {
				continue
			}
			fields[tag] = t.Field(i).Type
			names = append(names, tag)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			ft, ok := fields[k.Value]
			if !ok {
				report(frontLine(k.Line), "unknown key "+strconv.Quote(k.Value)+" (known: "+strings.Join(names, ", ")+")")
				continue
			}
			checkKeys(v, ft, report)
		}
	case n.Kind == yaml.SequenceNode && t.Kind() == reflect.Slice:
		for _, c := range n.Content {
			checkKeys(c, t.Elem(), report)
		}
	}
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
