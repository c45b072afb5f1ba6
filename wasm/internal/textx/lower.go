package textx

// Lower-casing as strings.ToLower does, without package unicode, whose
// tables and code weigh several KB of gzipped WebAssembly: lowerRanges
// (lower_table.go) is unicode.ToLower as ranges of runes, written by
// TestLowerRanges -update (the test compares LowerRune with
// unicode.ToLower for every rune).

// LowerRune is unicode.ToLower.
func LowerRune(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	lo, hi := 0, len(lowerRanges)
	for lo < hi { // the first range that starts after r
		m := int(uint(lo+hi) >> 1)
		if rune(lowerRanges[m]&(1<<21-1)) <= r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return r
	}
	w := lowerRanges[lo-1]
	first := rune(w & (1<<21 - 1))
	if n := r - first; n <= rune(w>>21&0xff) && (w&(1<<29) == 0 || n&1 == 0) {
		return r + rune(int32(w>>32))
	}
	return r
}

// Lower is strings.ToLower: every rune lower-cased, and each byte that is
// not valid UTF-8 written as U+FFFD.
func Lower(s string) string {
	i := 0 // the first byte to change
	for i < len(s) && s[i] < 0x80 && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(s); i++ { // ASCII is lowered in place
		c := s[i]
		if c >= 0x80 {
			break
		}
		if 'A' <= c && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
	if i < len(s) { // the rest may change length
		b = b[:i]
		for _, r := range s[i:] {
			b = append(b, string(LowerRune(r))...)
		}
	}
	return string(b)
}
