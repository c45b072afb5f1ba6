package classify

import (
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/jsonout"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is the tolerant reader: it turns JSON, Python reprs
// ({'a': True, 'b': None}, Name(key=value, ...), <Response [429]>), Node's
// util.inspect output ({ a: 'x' }, [Function: f], [Object: null prototype]
// {...}, <ref *1>) and Ruby hashes ({"a"=>1}) into one small tree. It
// accepts what people paste: single quotes, trailing commas, bare keys,
// b'...' byte strings, and input cut off in the middle, which it reports as
// truncated instead of failing.
//
// Cost is bounded twice: nesting deeper than maxDepth fails, and every byte
// read is charged to a budget shared by all attempts on one paste, so trying
// to parse at many positions stays linear in the input size.

// maxDepth is the deepest nesting of objects and arrays the reader accepts.
const maxDepth = 64

type nodeKind uint8

const (
	kindNull nodeKind = iota
	kindBool
	kindNumber
	kindString
	kindObject
	kindArray
)

// node is one value of a parsed document.
type node struct {
	kind nodeKind
	text string   // a string's value, a number's literal, "true" or "false"
	keys []string // object keys, in document order
	vals []*node  // object values (parallel to keys) or array elements
}

// get returns the value of the first member named key, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != kindObject {
		return nil
	}
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

func (n *node) isObject() bool { return n != nil && n.kind == kindObject }

// items returns the elements of an array, nil for anything else.
func (n *node) items() []*node {
	if n == nil || n.kind != kindArray {
		return nil
	}
	return n.vals
}

// strAt returns the string value of the member key, or "".
func (n *node) strAt(key string) string { return strOf(n.get(key)) }

// scalar returns the text of a string, number or bool.
func (n *node) scalar() (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.kind {
	case kindString, kindNumber, kindBool:
		return n.text, true
	}
	return "", false
}

// str returns the value of a string node.
func (n *node) str() (string, bool) {
	if n == nil || n.kind != kindString {
		return "", false
	}
	return n.text, true
}

// num returns the value of a number node, or of a string holding a number.
func (n *node) num() (float64, bool) {
	if n == nil || (n.kind != kindNumber && n.kind != kindString) {
		return 0, false
	}
	f, ok := decimal.Parse(textx.TrimSpace(n.text))
	if !ok {
		return 0, false
	}
	return f, true
}

// budget is the number of bytes the reader may still look at for one
// paste. It also holds the nodes the reader makes, a block at a time, and
// the stacks of the members of the containers being read.
type budget struct {
	left   int
	stream []string // the catalog's stream codes (sse.go)
	nodes  []node
	keys   []string
	vals   []*node
}

func (b *budget) node(kind nodeKind, text string) *node {
	if len(b.nodes) == cap(b.nodes) {
		b.nodes = make([]node, 0, 32)
	}
	b.nodes = append(b.nodes, node{kind: kind, text: text})
	return &b.nodes[len(b.nodes)-1]
}

func (b *budget) spend(n int) bool {
	b.left -= n
	return b.left >= 0
}

// parsed is the result of reading one value.
type parsed struct {
	n         *node
	end       int  // offset just past the value (or the end of input if truncated)
	truncated bool // the input ended inside the value
}

// reader reads one value from s.
type reader struct {
	s         string
	i         int
	b         *budget
	truncated bool
	failed    bool
}

// readValue parses the value starting at s[start]. ok is false when the text
// there is not a value the reader understands, or the budget ran out.
func readValue(s string, start int, b *budget) (parsed, bool) {
	r := &reader{s: s, i: start, b: b}
	n := r.value(0)
	if r.failed || n == nil {
		return parsed{}, false
	}
	return parsed{n: n, end: r.i, truncated: r.truncated}, true
}

func (r *reader) fail() *node {
	r.failed = true
	return nil
}

// eof reports whether the input has ended, marking the value truncated.
func (r *reader) eof() bool {
	if r.i >= len(r.s) {
		r.truncated = true
		return true
	}
	return false
}

func (r *reader) skipSpace() {
	start := r.i
	for r.i < len(r.s) {
		switch r.s[r.i] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			r.i++
			continue
		}
		break
	}
	r.b.spend(r.i - start)
}

func (r *reader) value(depth int) *node {
	if depth > maxDepth {
		return r.fail()
	}
	r.skipSpace()
	if r.eof() {
		return nil
	}
	if !r.b.spend(1) {
		return r.fail()
	}
	c := r.s[r.i]
	switch {
	case c == '{':
		return r.container(depth, '}')
	case c == '[' || c == '<':
		// Node's [Function: f], [Object: null prototype] {...}, <ref *1>,
		// Python's <Response [429]>: the text, or the object it names
		if e := r.tagEnd(); e > 0 {
			w := r.s[r.i:e]
			r.b.spend(e - r.i)
			for r.i = e; r.i < len(r.s) && r.s[r.i] == ' '; r.i++ {
			}
			if r.i < len(r.s) && (r.s[r.i] == '{' || byteClass[r.s[r.i]]&classIdent != 0) {
				return r.value(depth + 1)
			}
			return r.b.node(kindString, w)
		}
		if c == '<' {
			return r.fail()
		}
		return r.container(depth, ']')
	case c == '(': // Python keyword arguments: (key=value, ...)
		return r.container(depth, ')')
	case c == '"' || c == '\'':
		s, ok := r.str()
		if !ok {
			return r.fail()
		}
		return r.b.node(kindString, s)
	case c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'):
		start := r.i
		for r.i < len(r.s) && inSet(r.s[r.i], "0123456789.-+eE_") {
			r.i++
		}
		if !r.b.spend(r.i - start) {
			return r.fail()
		}
		lit := r.s[start:r.i]
		if _, ok := decimal.Parse(textx.ReplaceAll(lit, "_", "")); !ok {
			if r.i < len(r.s) {
				return r.fail()
			}
			// "12e" at the end of input: cut off
			r.truncated = true
			lit = textx.TrimRight(lit, "eE+-.")
		}
		return r.b.node(kindNumber, lit)
	case byteClass[c]&classIdent != 0:
		return r.bare(depth)
	}
	return r.fail()
}

// container reads an object (close is '}') or an array (close is ']').
func (r *reader) container(depth int, close byte) *node {
	r.i++ // { or [
	b := r.b
	n := b.node(kindArray, "")
	if close != ']' {
		n.kind = kindObject
	}
	nk, nv := len(b.keys), len(b.vals) // the members are pushed on b's stacks
members:
	for {
		r.skipSpace()
		if r.eof() {
			break members
		}
		c := r.s[r.i]
		if c == close {
			r.i++
			break members
		}
		if c == ',' { // tolerate trailing and doubled commas
			r.i++
			continue
		}
		var key string
		if n.kind == kindObject {
			var ok bool
			if key, ok = r.key(); !ok {
				if !r.truncated {
					r.fail()
				}
				break members
			}
			r.skipSpace()
			if r.eof() {
				break members
			}
			switch {
			case r.s[r.i] == ':':
				r.i++
			case textx.HasPrefix(r.s[r.i:], "=>"):
				r.i += 2
			case close == ')' && r.s[r.i] == '=':
				r.i++
			default:
				r.fail()
				break members
			}
		}
		v := r.value(depth + 1)
		if r.failed || v == nil { // v is nil when the input ended before it
			break members
		}
		if n.kind == kindObject {
			b.keys = append(b.keys, key)
		}
		b.vals = append(b.vals, v)
		if r.truncated {
			break members
		}
		r.skipSpace()
		if r.eof() {
			break members
		}
		switch r.s[r.i] {
		case ',':
			r.i++
		case close:
			r.i++
			break members
		default:
			r.fail()
			break members
		}
	}
	if len(b.keys) > nk {
		n.keys = append([]string(nil), b.keys[nk:]...)
	}
	if len(b.vals) > nv {
		n.vals = append([]*node(nil), b.vals[nv:]...)
	}
	b.keys, b.vals = b.keys[:nk], b.vals[:nv]
	if r.failed {
		return nil
	}
	return n
}

// key reads an object key: a quoted string, a bare identifier or a number.
func (r *reader) key() (string, bool) {
	c := r.s[r.i]
	switch {
	case c == '"' || c == '\'':
		return r.str()
	case c == '[': // Node's [Symbol(name)]
		e := r.tagEnd()
		if e < 0 {
			return "", false
		}
		k := r.s[r.i:e]
		r.i = e
		return k, true
	case byteClass[c]&classIdent != 0 || (c >= '0' && c <= '9'):
		start := r.i
		for r.i < len(r.s) && (byteClass[r.s[r.i]]&className != 0 || r.s[r.i] == '-') {
			r.i++
		}
		if !r.b.spend(r.i - start) {
			return "", false
		}
		if r.eof() {
			return "", false
		}
		// b'...' is a Python bytes key
		if r.i-start == 1 && (r.s[r.i] == '\'' || r.s[r.i] == '"') && inSet(c, "bBuU") {
			return r.str()
		}
		return r.s[start:r.i], true
	}
	return "", false
}

// bareWords are the literals of JSON, Python and JavaScript, and what
// they read as.
var bareWords = []struct {
	word string
	kind nodeKind
	text string
}{
	{"true", kindBool, "true"}, {"True", kindBool, "true"},
	{"false", kindBool, "false"}, {"False", kindBool, "false"},
	{"null", kindNull, ""}, {"None", kindNull, ""}, {"undefined", kindNull, ""}, {"nil", kindNull, ""},
	{"NaN", kindNumber, "NaN"}, {"Infinity", kindNumber, "Infinity"},
}

// bare reads true/false/null and their Python and JavaScript spellings,
// a class-named object (`APIError { ... }`, `Headers({...})`) or another
// bare word, which becomes a string.
func (r *reader) bare(depth int) *node {
	start := r.i
	// Python string prefixes: b'..', u"..", rb'..'
	for r.i < len(r.s) && r.i-start < 2 && inSet(r.s[r.i], "bBuUrRfF") {
		r.i++
	}
	if r.i < len(r.s) && r.i > start && (r.s[r.i] == '\'' || r.s[r.i] == '"') {
		s, ok := r.str()
		if !ok {
			return r.fail()
		}
		return r.b.node(kindString, s)
	}
	r.i = start
	for r.i < len(r.s) && byteClass[r.s[r.i]]&className != 0 {
		r.i++
	}
	if !r.b.spend(r.i - start) {
		return r.fail()
	}
	word := r.s[start:r.i]
	for _, w := range bareWords {
		if w.word == word {
			return r.b.node(w.kind, w.text)
		}
	}
	// Class-named values: `Headers({...})`, `APIError { ... }`,
	// `Error(status=429, ...)`, `Object [AxiosHeaders] { ... }`.
	j := r.i
	for j < len(r.s) && (r.s[j] == ' ' || r.s[j] == '\t') {
		j++
	}
	if j < len(r.s) && r.s[j] == '(' && !keywordAt(r.s, j+1) {
		r.i = j + 1
		v := r.value(depth + 1)
		if r.failed || v == nil {
			if v == nil && r.truncated {
				return r.b.node(kindNull, "")
			}
			return r.fail()
		}
		r.skipSpace()
		if r.eof() {
			return v
		}
		if r.s[r.i] != ')' {
			return r.fail()
		}
		r.i++
		return v
	}
	if j < len(r.s) && (r.s[j] == '(' || j > r.i && (r.s[j] == '{' || r.s[j] == '[')) {
		r.i = j
		return r.value(depth + 1)
	}
	return r.b.node(kindString, word)
}

// tagEnd returns the end of the bracketed word at r.i: "[Function: f]",
// "[Object]", "[Symbol(x)]", "<Response [429]>", "<ref *1>", on one line,
// at most 200 bytes, without quotes or commas, and "[" followed by a
// capital letter; -1 when there is none.
func (r *reader) tagEnd() int {
	open, close := r.s[r.i], byte('>')
	if open == '[' {
		if r.i+1 >= len(r.s) || r.s[r.i+1]-'A' > 25 {
			return -1
		}
		close = ']'
	}
	depth := 0
	for j := r.i; j < len(r.s) && j < r.i+200; j++ {
		switch c := r.s[j]; c {
		case open:
			depth++
		case close:
			if depth--; depth == 0 {
				return j + 1
			}
		case '\n', '"', '\'', '{', ',':
			return -1
		}
	}
	return -1
}

// str reads a single- or double-quoted string, decoding JSON and Python
// escapes. An unterminated string at the end of input is returned as read,
// with the reader marked truncated.
func (r *reader) str() (string, bool) {
	q := r.s[r.i]
	r.i++
	start, from := r.i, r.i // r.s[from:r.i] is not yet in b
	if k := textx.IndexByte(r.s[start:], q); k >= 0 {
		// the common case, a string without escapes: it ends at the quote
		if s := r.s[start : start+k]; textx.IndexByte(s, '\\') < 0 && (q == '"' || textx.IndexByte(s, '\n') < 0) {
			r.i += k + 1
			return s, r.b.spend(k + 1)
		}
	}
	var b []byte // the decoded text, once there is an escape
	escaped := false
	end := len(r.s)
	for r.i < len(r.s) {
		c := r.s[r.i]
		if c == q {
			end = r.i
			r.i++
			break
		}
		if c == '\n' && q == '\'' { // Python strings do not span lines
			return "", false
		}
		if c != '\\' {
			r.i++
			continue
		}
		b = r.escape(append(b, r.s[from:r.i]...))
		from, escaped = r.i, true
	}
	if end == len(r.s) {
		r.truncated = true
	}
	s := r.s[start:end]
	if escaped {
		s = string(append(b, r.s[from:end]...))
	}
	return s, r.b.spend(r.i - start)
}

// escape decodes one backslash escape at r.i onto b.
func (r *reader) escape(b []byte) []byte {
	r.i++ // backslash
	if r.i >= len(r.s) {
		return b
	}
	c := r.s[r.i]
	r.i++
	// \n \t \r \b \f \0, and the characters that stand for themselves
	out := r.s[r.i-2 : r.i] // an unknown escape stays as it is
	switch k := textx.IndexByte("ntrbf0\"'\\/", c); {
	case k >= 0:
		out = "\n\t\r\b\f\x00\"'\\/"[k : k+1]
	case c == '\n': // line continuation
		out = ""
	case c == 'u' || c == 'x':
		n := 4
		if c == 'x' {
			n = 2
		}
		if v, ok := hexAt(r.s, r.i, n); ok {
			r.i += n
			if v >= 0xD800 && v < 0xDC00 && textx.HasPrefix(r.s[r.i:], "\\u") {
				if lo, ok := hexAt(r.s, r.i+2, 4); ok && lo >= 0xDC00 && lo < 0xE000 {
					r.i += 6
					v = 0x10000 + (v-0xD800)<<10 + (lo - 0xDC00)
				}
			}
			out = string(rune(v))
		}
	}
	return append(b, out...)
}

func hexAt(s string, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for j := i; j < i+n; j++ {
		c := s[j]
		d := textx.IndexByte("0123456789abcdef", c|0x20) // A-F as a-f
		if d < 0 || c < '0' {
			return 0, false
		}
		v = v*16 + d
	}
	return v, true
}

// unescapeLevel decodes one level of JSON string escaping (\" to ", \\ to
// \, \n to a newline, \uXXXX) from s[start:] up to the end of the line, so
// that JSON embedded in a JSON string can be read. It returns the decoded
// text.
func unescapeLevel(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b = append(b, c)
			continue
		}
		i++
		switch c = s[i]; c {
		case 'n':
			c = '\n'
		case 't':
			c = '\t'
		case 'r':
			c = '\r'
		case 'u':
			if v, ok := hexAt(s, i+1, 4); ok {
				b = append(b, string(rune(v))...)
				i += 4
				continue
			}
			b = append(b, '\\')
		}
		b = append(b, c)
	}
	return string(b)
}

// compact renders n as one line of JSON-like text, at most max bytes, for
// the field-by-field breakdown.
func compact(n *node, max int) string {
	s := string(writeCompact(nil, n, max, 0))
	if len(s) > max {
		s = textx.CutUTF8(s, max) + "…"
	}
	return s
}

func writeCompact(b []byte, n *node, max, depth int) []byte {
	if len(b) > max || depth > maxDepth {
		return b
	}
	switch n.kind {
	case kindNull:
		b = append(b, "null"...)
	case kindBool, kindNumber:
		b = append(b, n.text...)
	case kindString:
		b = jsonout.AppendString(b, textx.CutUTF8(n.text, max))
	default: // an object or an array
		open, close := byte('['), byte(']')
		if n.kind == kindObject {
			open, close = '{', '}'
		}
		b = append(b, open)
		for i, v := range n.vals {
			if i > 0 {
				b = append(b, ',')
			}
			if n.kind == kindObject {
				b = append(jsonout.AppendString(b, n.keys[i]), ':')
			}
			if b = writeCompact(b, v, max, depth+1); len(b) > max {
				return b
			}
		}
		b = append(b, close)
	}
	return b
}
