package catalog

// The catalog's prose: the words the classifier only copies into a
// diagnosis (titles, meanings, fix steps, retry notes, category advice) and
// never matches against a paste. data_gen.go leaves them empty; they are
// filled from one text ([LoadProse]), generated beside it:
//
//   - native builds (the CLI, the tests, sitegen) compile it in
//     (prose_gen.go, the constant Prose) and load it when the package
//     starts, so they see the catalog whole;
//   - the playground's binary is built with the tag fetchprose, which
//     leaves prose_gen.go out. The site publishes Prose as a static file;
//     the worker fetches it once, before it gives up its network, and the
//     glue (wasm/main_js.go) hands it to LoadProse before it registers the
//     classifier.
//
// The text is every prose field in the order of [eachProse], separated by
// ProseSep; a list's items are separated by ProseItem (an empty field is an
// empty list). Neither byte occurs in content: cataloggen refuses it.
// proseSum (data_gen.go) is the text's FNV-1a hash: a text that is not the
// one generated with this data_gen.go is refused whole, before anything is
// filled in.

// The separators of the prose text: ASCII's record and unit separators.
const (
	ProseSep  = '\x1e'
	ProseItem = '\x1f'
)

// LoadProse fills the prose fields of Providers and Categories from text,
// and reports false, changing nothing, when text is not the prose generated
// with this package's data.
func LoadProse(text string) bool {
	if ProseSum(text) != proseSum {
		return false
	}
	pos := 0
	next := func() string {
		if pos > len(text) {
			return ""
		}
		i := pos
		for i < len(text) && text[i] != ProseSep {
			i++
		}
		s := text[pos:i]
		pos = i + 1
		return s
	}
	eachProse(Providers, Categories, func(s *string) { *s = next() }, func(l *[]string) {
		s := next()
		*l = nil
		for s != "" {
			i := 0
			for i < len(s) && s[i] != ProseItem {
				i++
			}
			*l = append(*l, s[:i])
			if i == len(s) {
				break
			}
			s = s[i+1:]
		}
	})
	return pos == len(text)+1 || pos == 0 && text == "" // every field read; or none there
}

// ProseSum is the 64-bit FNV-1a hash of text.
func ProseSum(text string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(text); i++ {
		h ^= uint64(text[i])
		h *= 1099511628211
	}
	return h
}

// eachProse calls str on every prose string and list on every prose list
// of ps and cs, in the order of the prose text. It is the one list of what
// is prose: anything the classifier matches a paste against, or cites as
// evidence (a result's title, a provider's name), is not.
func eachProse(ps []Provider, cs []Category, str func(*string), list func(*[]string)) {
	for i := range ps {
		p := &ps[i]
		for j := range p.Codes {
			c := &p.Codes[j]
			str(&c.Title)
			str(&c.Meaning)
			list(&c.Fix)
			str(&c.Retry.Note)
			str(&c.Retry.Backoff)
			for k := range c.Variants {
				v := &c.Variants[k]
				str(&v.Title)
				str(&v.Meaning)
				list(&v.Fix)
			}
		}
		for j := range p.Results {
			str(&p.Results[j].Meaning)
		}
	}
	for i := range cs {
		c := &cs[i]
		str(&c.Title)
		str(&c.Summary)
		str(&c.Advice)
	}
}

// SplitProse returns the prose of ps and cs as the text LoadProse reads and
// clears it from them, or reports a field that cannot be written (it holds
// a separator, or a list holds an empty item). cataloggen uses it; the
// classifier never calls it.
func SplitProse(ps []Provider, cs []Category) (text string, bad string, ok bool) {
	var b []byte
	first := true
	sep := func() {
		if !first {
			b = append(b, ProseSep)
		}
		first = false
	}
	clean := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] == ProseSep || s[i] == ProseItem {
				return false
			}
		}
		return true
	}
	ok = true
	eachProse(ps, cs, func(s *string) {
		sep()
		if !clean(*s) {
			bad, ok = *s, false
		}
		b = append(b, *s...)
		*s = ""
	}, func(l *[]string) {
		sep()
		for i, item := range *l {
			if i > 0 {
				b = append(b, ProseItem)
			}
			if item == "" || !clean(item) {
				bad, ok = item, false
			}
			b = append(b, item...)
		}
		*l = nil
	})
	return string(b), bad, ok
}
