package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file holds HTTP headers as pasted: a status line and "Name: value"
// lines in any case, from curl -i, curl -v (after "< " or "> "), a HAR
// entry or a curl command's -H flags.

type header struct {
	name  string
	value string
}

type headerList []header

// get returns the value of the first header called name, in any case.
func (h headerList) get(name string) (string, bool) {
	for _, x := range h {
		if catalog.EqualFold(name, x.name) {
			return x.value, true
		}
	}
	return "", false
}

// add adds the header on line, "Name: value", if it is one. The name is a
// token: letters, digits and "-_". A line with a space before the colon
// is not a header.
func (h *headerList) add(line string) {
	colon := textx.IndexByte(line, ':')
	if colon <= 0 || colon > 100 {
		return
	}
	name := line[:colon]
	for i := 0; i < len(name); i++ {
		if byteClass[name[i]]&classToken == 0 {
			return
		}
	}
	h.put(name, textx.TrimSpace(line[colon+1:]))
}

func (h *headerList) put(name, value string) { *h = append(*h, header{name: name, value: value}) }

// has reports whether a header called name is present.
func (h headerList) has(name string) bool {
	_, ok := h.get(name)
	return ok
}

// byteClass classifies the bytes of ASCII.
var byteClass [256]uint8

const (
	classToken = 1 << iota // a token character: a letter, a digit, '-' or '_'
	classAlnum             // a letter or a digit
	classIdent             // what starts an identifier: a letter, '_' or '$'
	className              // what continues one: also a digit or '.'
	classSep               // what may follow a name before its value: quotes, blanks, ':', '=', ','
)

func init() {
	for i := range byteClass {
		c := byte(i)
		lower := c | 0x20
		switch {
		case lower >= 'a' && lower <= 'z':
			byteClass[c] = classToken | classAlnum | classIdent | className
		case c >= '0' && c <= '9':
			byteClass[c] = classToken | classAlnum | className
		}
		switch c {
		case '_':
			byteClass[c] = classToken | classIdent | className
		case '-':
			byteClass[c] = classToken
		case '$':
			byteClass[c] = classIdent | className
		case '.':
			byteClass[c] = className
		case '"', '\'', '\\', ' ', '\t', ':', '=', ',':
			byteClass[c] = classSep
		}
	}
}

// statusLine reads "HTTP/1.1 429 Too Many Requests" or "HTTP/2 429". It
// returns the status and the reason phrase.
func statusLine(line string) (int, string, bool) {
	if !textx.HasPrefix(line, "HTTP/") {
		return 0, "", false
	}
	rest := line[len("HTTP/"):]
	sp := textx.IndexByte(rest, ' ')
	if sp <= 0 || sp > 4 {
		return 0, "", false
	}
	for i := 0; i < sp; i++ {
		if c := rest[i]; c != '.' && (c < '0' || c > '9') {
			return 0, "", false
		}
	}
	rest = rest[sp+1:]
	st, ok := statusAt(rest, 0)
	if !ok {
		return 0, "", false
	}
	return st, textx.TrimSpace(rest[3:]), true
}

// statusAt reads a three-digit HTTP status at s[i:], not followed by another
// digit.
func statusAt(s string, i int) (int, bool) {
	if i < 0 || i+3 > len(s) || i > 0 && s[i-1]-'0' <= 9 || i+3 < len(s) && s[i+3]-'0' <= 9 {
		return 0, false
	}
	st := 0
	for _, c := range []byte(s[i : i+3]) {
		if c-'0' > 9 {
			return 0, false
		}
		st = st*10 + int(c-'0')
	}
	if st < 100 || st > 599 {
		return 0, false
	}
	return st, true
}

// addCurlFlags adds the headers a curl command line sends with -H or
// --header, e.g. `curl https://api.example -H 'auth: KEY'`.
func (h *headerList) addCurlFlags(line string) {
	for i := 0; i < len(line); i++ {
		var rest string
		switch {
		case textx.HasPrefix(line[i:], "-H "):
			rest = line[i+3:]
		case textx.HasPrefix(line[i:], "--header "):
			rest = line[i+9:]
		default:
			continue
		}
		if i > 0 && line[i-1] != ' ' && line[i-1] != '\t' {
			continue
		}
		for rest != "" && rest[0] == ' ' {
			rest = rest[1:]
		}
		if rest == "" {
			break
		}
		q := rest[0]
		var val string
		if q == '\'' || q == '"' {
			end := textx.IndexByte(rest[1:], q)
			if end < 0 {
				val = rest[1:]
			} else {
				val = rest[1 : end+1]
			}
		} else {
			end := textx.IndexByte(rest, ' ')
			if end < 0 {
				end = len(rest)
			}
			val = rest[:end]
		}
		h.add(val)
	}
}
