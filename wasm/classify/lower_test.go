package classify

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
)

// TestLowerRanges checks lowerRune against unicode.ToLower for every rune;
// when they differ (a new Unicode version), it prints the table to paste
// into lower.go.
func TestLowerRanges(t *testing.T) {
	bad := 0
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if got, want := lowerRune(r), unicode.ToLower(r); got != want {
			if bad++; bad <= 5 {
				t.Errorf("lowerRune(%U) = %U, unicode.ToLower gives %U", r, got, want)
			}
		}
	}
	if bad > 0 {
		t.Logf("the table for lower.go:\n%s", lowerTable())
	}
	for _, s := range []string{"", "abc", "ABC def", "Straße KELVIN \u212a İx \xff\xfe ǅ Σ", "\u023a\u2c62"} {
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Errorf("toLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// lowerTable writes lowerRanges from unicode.ToLower.
func lowerTable() string {
	type span struct {
		lo, hi rune
		d      int32
		alt    bool
	}
	var spans []span
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		d := int32(unicode.ToLower(r) - r)
		if d == 0 {
			continue
		}
		if n := len(spans); n > 0 {
			last := &spans[n-1]
			if !last.alt && last.d == d && last.hi == r-1 && r-last.lo < 256 {
				last.hi = r
				continue
			}
			if d == 1 && last.d == 1 && (last.alt || last.hi == last.lo) && last.hi == r-2 && r-last.lo < 256 {
				last.alt, last.hi = true, r
				continue
			}
		}
		spans = append(spans, span{r, r, d, false})
	}
	var b strings.Builder
	for i, s := range spans {
		w := uint64(s.lo) | uint64(s.hi-s.lo)<<21 | uint64(uint32(s.d))<<32
		if s.alt {
			w |= 1 << 29
		}
		sep := " "
		if i%4 == 3 {
			sep = "\n"
		}
		fmt.Fprintf(&b, "%#x,%s", w, sep)
	}
	return b.String()
}
