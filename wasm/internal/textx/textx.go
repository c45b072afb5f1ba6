package textx

import "unicode/utf8"

// TrimSpace is strings.TrimSpace: it removes the leading and trailing
// Unicode white space.
func TrimSpace(s string) string {
	start := len(s)
	for i, r := range s {
		if !IsSpace(r) {
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
		r, n := utf8.DecodeRuneInString(s[i:])
		if i+n != len(s) || !IsSpace(r) {
			break
		}
		s = s[:i]
	}
	return s
}

// IsSpace is unicode.IsSpace: Unicode's White_Space property.
func IsSpace(r rune) bool {
	switch {
	case r <= 0xFF:
		return r == ' ' || r >= '\t' && r <= '\r' || r == 0x85 || r == 0xA0
	case r >= 0x2000 && r <= 0x200A:
		return true
	}
	return r == 0x1680 || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000
}

// CollapseSpace is strings.Join(strings.Fields(s), " "): the words of s
// joined by single spaces.
func CollapseSpace(s string) string {
	var b []byte
	gap := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if IsSpace(r) {
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

// HasPrefix is strings.HasPrefix.
func HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

// HasSuffix is strings.HasSuffix.
func HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// Join is strings.Join.
func Join(list []string, sep string) string {
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

// inSet reports whether c is one of the bytes of set.
func inSet(c byte, set string) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}

// IndexAny is strings.IndexAny for a set of ASCII chars. (It compares
// bytes: with chars outside ASCII it would differ.)
func IndexAny(s, chars string) int {
	for i := 0; i < len(s); i++ {
		if inSet(s[i], chars) {
			return i
		}
	}
	return -1
}

// TrimRight is strings.TrimRight for a set of ASCII chars. (It compares
// bytes: with a cutset outside ASCII it would differ.)
func TrimRight(s, cutset string) string {
	for s != "" && inSet(s[len(s)-1], cutset) {
		s = s[:len(s)-1]
	}
	return s
}

// ReplaceAll is strings.ReplaceAll for a non-empty old. (With an empty
// old it would not return.)
func ReplaceAll(s, old, new string) string {
	i := Index(s, old)
	if i < 0 {
		return s
	}
	var b []byte
	for ; i >= 0; i = Index(s, old) {
		b = append(append(b, s[:i]...), new...)
		s = s[i+len(old):]
	}
	return string(append(b, s...))
}

// CutUTF8 returns at most n bytes of s (n ≥ 0), not splitting a UTF-8
// sequence: s[:m] for the largest m ≤ n that is len(s) or where
// utf8.RuneStart(s[m]). Package utf8 has no such function; for valid UTF-8
// it is the longest prefix of at most n bytes that is valid UTF-8.
func CutUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 { // not the start of a rune
		n--
	}
	return s[:n]
}
