package classify

import "github.com/errdex/errdex/wasm/internal/textx"

// This file holds the package's own text helpers. The equivalents of
// package strings and unicode are in package textx (wasm/internal/textx),
// which the browser build uses in their place.

// lineReader yields the lines of a text without their "\n" or "\r\n", as
// many as the text has "\n" plus one.
type lineReader struct {
	rest string
	done bool
}

func (l *lineReader) next() (string, bool) {
	if l.done {
		return "", false
	}
	line := l.rest
	if j := textx.IndexByte(line, '\n'); j >= 0 {
		line, l.rest = line[:j], line[j+1:]
	} else {
		l.done = true
	}
	return trimRight1(line, '\r'), true
}

// joinLines is the lines of s (see lineReader) joined by "\n": s with
// "\r\n" as "\n" and without a final "\r".
func joinLines(s string) string {
	if textx.IndexByte(s, '\r') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\r' || (i+1 < len(s) && s[i+1] != '\n') {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// trimRight1 removes one trailing c.
func trimRight1(s string, c byte) string {
	if s != "" && s[len(s)-1] == c {
		return s[:len(s)-1]
	}
	return s
}

// inSet reports whether c is one of the bytes of set.
func inSet(c byte, set string) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '\n' {
			if n--; n == 0 {
				return s[i+1:]
			}
		}
	}
	return s
}

func firstLine(s string) string {
	if i := textx.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	s = textx.TrimSpace(s)
	if len(s) > 300 {
		s = textx.CutUTF8(s, 300) + "…"
	}
	return s
}
