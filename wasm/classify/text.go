package classify

// This file holds the text helpers. Most are small equivalents of
// functions of package strings (trimSpace, index, join, ...): the
// WebAssembly binary has a size budget, and package strings brings along
// packages unicode, io and errors, whose code and tables the classifier
// does not need. Each gives exactly what its model gives.

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
	if j := indexByte(line, '\n'); j >= 0 {
		line, l.rest = line[:j], line[j+1:]
	} else {
		l.done = true
	}
	return trimRight1(line, '\r'), true
}

// joinLines is the lines of s (see lineReader) joined by "\n": s with
// "\r\n" as "\n" and without a final "\r".
func joinLines(s string) string {
	if indexByte(s, '\r') < 0 {
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

// decodeRune is utf8.DecodeRuneInString for a non-empty s.
func decodeRune(s string) (r rune, size int) {
	size = len(s)
	for i, c := range s {
		if i > 0 {
			size = i
			break
		}
		r = c
	}
	return r, size
}

// trimSpace is strings.TrimSpace: it removes the leading and trailing
// Unicode white space.
func trimSpace(s string) string {
	start := len(s)
	for i, r := range s {
		if !isSpace(r) {
			start = i
			break
		}
	}
	s = s[start:]
	for s != "" {
		// the last rune, as utf8.DecodeLastRuneInString finds it
		i := len(s) - 1
		for i > 0 && i > len(s)-4 && s[i]&0xC0 == 0x80 { // not a rune start
			i--
		}
		r, n := decodeRune(s[i:])
		if i+n != len(s) || !isSpace(r) {
			break
		}
		s = s[:i]
	}
	return s
}

// isSpace is unicode.IsSpace: Unicode's White_Space property.
func isSpace(r rune) bool {
	switch {
	case r <= 0xFF:
		return r == ' ' || r >= '\t' && r <= '\r' || r == 0x85 || r == 0xA0
	case r >= 0x2000 && r <= 0x200A:
		return true
	}
	return r == 0x1680 || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000
}

// hasPrefix is strings.HasPrefix.
func hasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

// hasSuffix is strings.HasSuffix.
func hasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// join is strings.Join.
func join(list []string, sep string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	}
	n := len(sep) * (len(list) - 1)
	for _, s := range list {
		n += len(s)
	}
	b := make([]byte, 0, n)
	for i, s := range list {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, s...)
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

// collapseSpace returns the words of s joined by single spaces, as
// strings.Join(strings.Fields(s), " ") does.
func collapseSpace(s string) string {
	var b []byte
	gap := false
	for i := 0; i < len(s); {
		r, size := decodeRune(s[i:])
		if isSpace(r) {
			gap = len(b) > 0
		} else {
			if gap {
				b = append(b, ' ')
				gap = false
			}
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
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

// indexAny is strings.IndexAny for a set of ASCII chars.
func indexAny(s, chars string) int {
	for i := 0; i < len(s); i++ {
		if inSet(s[i], chars) {
			return i
		}
	}
	return -1
}

// trimRight is strings.TrimRight for a set of ASCII chars.
func trimRight(s, cutset string) string {
	for s != "" && inSet(s[len(s)-1], cutset) {
		s = s[:len(s)-1]
	}
	return s
}

// replaceAll is strings.ReplaceAll for a non-empty old.
func replaceAll(s, old, new string) string {
	i := index(s, old)
	if i < 0 {
		return s
	}
	var b []byte
	for ; i >= 0; i = index(s, old) {
		b = append(append(b, s[:i]...), new...)
		s = s[i+len(old):]
	}
	return string(append(b, s...))
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
	if i := indexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	s = trimSpace(s)
	if len(s) > 300 {
		s = cutUTF8(s, 300) + "…"
	}
	return s
}

// decodeBase64 decodes standard or URL-safe base64, with or without padding.
func decodeBase64(s string) (string, bool) {
	var out []byte
	var acc, bits uint
	for i := 0; i < len(s); i++ {
		c := s[i]
		v := indexByte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", c)
		switch {
		case c == '-': // URL-safe
			v = 62
		case c == '_':
			v = 63
		case c == '=' || c == '\n' || c == '\r' || c == ' ':
			continue
		case v < 0:
			return "", false
		}
		acc = acc<<6 | uint(v)
		bits += 6
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
			acc &= 1<<bits - 1
		}
	}
	return string(out), true
}
