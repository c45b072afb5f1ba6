package catalog

import "github.com/errdex/errdex/wasm/internal/decimal"

// The catalog as one text. The classifier's catalog is not Go source: it is
// one text ([Text]) that [Install] decodes, generated beside the decoder
// that reads it:
//
//   - decode_gen.go (always compiled) is the decoder: one function per slim
//     type, one line per field, in the order of the type's fields, and
//     textSum, the FNV-1a hash of the text it was generated with;
//   - data_gen.go (left out by the tag fetchcatalog) holds the text as the
//     constant Text, and installs it when the package starts. Native builds
//     (the CLI, the tests, sitegen) compile it in and see the catalog whole.
//   - The playground's binary is built with the tag fetchcatalog: it holds
//     no catalog at all, which keeps the binary's size independent of the
//     catalog's (17 providers cost the Go literals this replaced 17.5 KB of
//     gzipped binary). The site publishes Text as one static file; the worker
//     fetches it once, before it gives up its network, the same request for
//     every paste, and the glue (wasm/glue.go) hands it to Install before it
//     registers the classifier.
//
// The text is a sequence of fields separated by Sep: a string as it is; a
// number in decimal; a list (of strings, numbers or structs) as its length
// followed by its items; an optional struct as 0, or 1 followed by the
// struct; a struct as its fields, in order. internal/cataloggen writes it from package model's values by
// reflection over these slim types and generates the decoder from the same
// types, so that a field added to a slim type is written and read without
// touching either by hand. No content field may hold Sep: cataloggen refuses
// it.

// Sep separates the text's fields: ASCII's record separator.
const Sep = '\x1e'

// Install decodes text, the catalog generated with this package's decoder,
// into Default, and reports false, changing
// nothing, when text is not that catalog.
func Install(text string) bool {
	if TextSum(text) != textSum {
		return false
	}
	c, ok := decode(text)
	if ok {
		*Default = *c
	}
	return ok
}

// decode reads text whole, or reports that it could not.
func decode(text string) (*Catalog, bool) {
	d := decoder{text: text}
	c := new(Catalog)
	d.catalog(c)
	return c, !d.bad && d.pos == len(text)+1
}

// TextSum is the 64-bit FNV-1a hash of text.
func TextSum(text string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(text); i++ {
		h ^= uint64(text[i])
		h *= 1099511628211
	}
	return h
}

// decoder reads the text's fields in order. Past the end, or on a field
// that is not what the decoder expects, it sets bad and returns zero
// values: Install then refuses the text.
type decoder struct {
	text string
	pos  int
	bad  bool
}

// str returns the next field.
func (d *decoder) str() string {
	if d.pos > len(d.text) {
		d.bad = true
		return ""
	}
	i := d.pos
	for i < len(d.text) && d.text[i] != Sep {
		i++
	}
	s := d.text[d.pos:i]
	d.pos = i + 1
	return s
}

// num returns the next field as a number.
func (d *decoder) num() float64 {
	f, ok := decimal.Parse(d.str())
	if !ok {
		d.bad = true
	}
	return f
}

// int returns the next field as an integer.
func (d *decoder) int() int {
	f := d.num()
	if f != float64(int(f)) {
		d.bad = true
	}
	return int(f)
}

// count returns the next field as a list's length: at most the fields left.
func (d *decoder) count() int {
	n := d.int()
	if n < 0 || n > len(d.text)-d.pos+1 {
		d.bad = true
		return 0
	}
	return n
}

// strs returns a list of strings, nil when it is empty.
func (d *decoder) strs() []string {
	var l []string
	for n := d.count(); n > 0; n-- {
		l = append(l, d.str())
	}
	return l
}

// ints returns a list of integers, nil when it is empty.
func (d *decoder) ints() []int {
	var l []int
	for n := d.count(); n > 0; n-- {
		l = append(l, d.int())
	}
	return l
}

// Decodes decodes text, without the hash check, and hands the catalog to
// f when the whole text decoded; it reports whether it did. It is for tests
// of texts other than the generated one (internal/cataloggen's round trip).
func Decodes(text string, f func(*Catalog)) bool {
	c, ok := decode(text)
	if ok {
		f(c)
	}
	return ok
}
