package contract

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// A tsType is a TypeScript type of the subset site/ts's data interfaces
// use: primitives, string literals, null, T[], inline object types, named
// interfaces, Record<string, T> and unions of those. Anything else is a
// parse error, so the check never silently accepts a type it cannot read.
type tsType struct {
	alts []tsAlt // a union; one alternative for a plain type
}

type tsAlt struct {
	kind   string             // string, number, boolean, null, literal, array, object, ref, record
	elem   *tsType            // array, record: the element / value type
	fields map[string]tsField // object
	ref    string             // ref: the interface's name
	lit    string             // literal: the string
}

type tsField struct {
	typ      tsType
	optional bool
}

func (t tsType) String() string {
	var s []string
	for _, a := range t.alts {
		s = append(s, a.String())
	}
	return strings.Join(s, " | ")
}

func (a tsAlt) String() string {
	switch a.kind {
	case "array":
		if len(a.elem.alts) > 1 {
			return "(" + a.elem.String() + ")[]"
		}
		return a.elem.String() + "[]"
	case "record":
		return "Record<string, " + a.elem.String() + ">"
	case "ref":
		return a.ref
	case "literal":
		return "'" + a.lit + "'"
	case "object":
		var keys []string
		for k := range a.fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return "{ " + strings.Join(keys, "; ") + " }"
	}
	return a.kind
}

var (
	lineComment  = regexp.MustCompile(`//[^\n]*`)
	blockComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
	interfaceRe  = regexp.MustCompile(`(?m)^export interface (\w+) \{`)
)

// parseInterfaces reads the top-level `export interface Name { ... }` of
// the TypeScript file at path for each of names; one missing is an error.
func parseInterfaces(path string, names ...string) (map[string]map[string]tsField, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	text := lineComment.ReplaceAllString(blockComment.ReplaceAllString(string(src), ""), "")
	out := map[string]map[string]tsField{}
	for _, m := range interfaceRe.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[2]:m[3]]
		if !slices.Contains(names, name) {
			continue
		}
		p := &tsParser{s: text, i: m[1] - 1}
		obj, err := p.object()
		if err != nil {
			return nil, fmt.Errorf("%s: interface %s: %v", path, name, err)
		}
		out[name] = obj.fields
	}
	for _, n := range names {
		if out[n] == nil {
			return nil, fmt.Errorf("%s: no `export interface %s {`", path, n)
		}
	}
	return out, nil
}

type tsParser struct {
	s string
	i int
}

func (p *tsParser) skip() {
	for p.i < len(p.s) && strings.ContainsRune(" \t\r\n", rune(p.s[p.i])) {
		p.i++
	}
}

func (p *tsParser) peek() byte {
	p.skip()
	if p.i >= len(p.s) {
		return 0
	}
	return p.s[p.i]
}

func (p *tsParser) expect(c byte) error {
	if p.peek() != c {
		return p.errorf("want %q", c)
	}
	p.i++
	return nil
}

func (p *tsParser) errorf(format string, args ...any) error {
	end := min(p.i+30, len(p.s))
	return fmt.Errorf("unsupported TypeScript at %q: %s", p.s[p.i:end], fmt.Sprintf(format, args...))
}

var identRe = regexp.MustCompile(`^[A-Za-z_$][\w$]*`)

func (p *tsParser) ident() string {
	p.skip()
	id := identRe.FindString(p.s[p.i:])
	p.i += len(id)
	return id
}

// object reads `{ name?: Type; ... }`, members separated by ; , or newlines.
func (p *tsParser) object() (tsAlt, error) {
	if err := p.expect('{'); err != nil {
		return tsAlt{}, err
	}
	obj := tsAlt{kind: "object", fields: map[string]tsField{}}
	for {
		if p.peek() == '}' {
			p.i++
			return obj, nil
		}
		name := p.ident()
		if name == "" {
			return obj, p.errorf("want a member name")
		}
		f := tsField{}
		if p.peek() == '?' {
			p.i++
			f.optional = true
		}
		if err := p.expect(':'); err != nil {
			return obj, err
		}
		t, err := p.union()
		if err != nil {
			return obj, err
		}
		f.typ = t
		if _, dup := obj.fields[name]; dup {
			return obj, p.errorf("member %s twice", name)
		}
		obj.fields[name] = f
		if c := p.peek(); c == ';' || c == ',' {
			p.i++
		}
	}
}

func (p *tsParser) union() (tsType, error) {
	var t tsType
	for {
		a, err := p.postfix()
		if err != nil {
			return t, err
		}
		t.alts = append(t.alts, a)
		if p.peek() != '|' {
			return t, nil
		}
		p.i++
	}
}

func (p *tsParser) postfix() (tsAlt, error) {
	a, err := p.primary()
	if err != nil {
		return a, err
	}
	for strings.HasPrefix(p.s[p.i:], "[]") {
		elem := tsType{alts: []tsAlt{a}}
		a = tsAlt{kind: "array", elem: &elem}
		p.i += 2
	}
	return a, nil
}

func (p *tsParser) primary() (tsAlt, error) {
	switch c := p.peek(); {
	case c == '{':
		return p.object()
	case c == '\'':
		end := strings.IndexByte(p.s[p.i+1:], '\'')
		if end < 0 {
			return tsAlt{}, p.errorf("unterminated string")
		}
		lit := p.s[p.i+1 : p.i+1+end]
		p.i += end + 2
		return tsAlt{kind: "literal", lit: lit}, nil
	case c == '(':
		p.i++
		t, err := p.union()
		if err != nil {
			return tsAlt{}, err
		}
		if err := p.expect(')'); err != nil {
			return tsAlt{}, err
		}
		if !strings.HasPrefix(p.s[p.i:], "[]") {
			return tsAlt{}, p.errorf("a parenthesised union must be an array element")
		}
		p.i += 2
		return tsAlt{kind: "array", elem: &t}, nil
	}
	start := p.i
	switch id := p.ident(); id {
	case "string", "number", "boolean", "null":
		return tsAlt{kind: id}, nil
	case "Record":
		if err := p.expect('<'); err != nil {
			return tsAlt{}, err
		}
		if p.ident() != "string" {
			return tsAlt{}, p.errorf("only Record<string, T>")
		}
		if err := p.expect(','); err != nil {
			return tsAlt{}, err
		}
		t, err := p.union()
		if err != nil {
			return tsAlt{}, err
		}
		if err := p.expect('>'); err != nil {
			return tsAlt{}, err
		}
		return tsAlt{kind: "record", elem: &t}, nil
	case "":
		return tsAlt{}, p.errorf("want a type")
	default:
		if id[0] < 'A' || id[0] > 'Z' {
			p.i = start
			return tsAlt{}, p.errorf("unsupported type %s", id)
		}
		return tsAlt{kind: "ref", ref: id}, nil
	}
}
