package textx

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The fuzz targets compare each function with its model in the standard
// library. `go test` runs their seeds, natively and under js/wasm (the
// searches of the browser build, search.go, are checked in both builds);
// `go test -fuzz FuzzX` explores natively.

// samples are strings the functions must treat as package strings does:
// ASCII, other scripts, the runes whose case folding or lower case is
// ASCII (K, ſ, İ), white space outside ASCII and invalid UTF-8.
func samples() []string {
	pieces := []string{"a", "A", "k", "K", "s", "S", "i", "I", " ", "\t", "\n", "\r\n", "-", "_", ".", "\"",
		"\u212a", "\u017f", "\u0130", "\u0131", "ß", "ẞ", "Σ", "ǅ", "\u0085", "\u00a0", "\u1680", "\u2028", "\u3000", "\u023a", "\u2c62",
		"\xff", "\xe2\x84", "\xc4", "\x80", "\xef\xbf\xbd", "é", "😀", "0", "9"}
	out := []string{"", "abc", "Straße", "  trim me\t\n", "\u00a0\u2000x\u3000", "K\u212aelvin", "ſecret",
		"Straße KELVIN \u212a İx \xff\xfe ǅ Σ", "\u023a\u2c62", strings.Repeat("ab", 40) + "abc"}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for n := rng.Intn(9); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// pairs are the samples two by two.
func pairs() [][2]string {
	s := samples()
	var out [][2]string
	for i := range s {
		out = append(out, [2]string{s[i], s[(i*7+3)%len(s)]})
	}
	return append(out, [2]string{"", ""}, [2]string{"abc", ""}, [2]string{"", "a"}, [2]string{"abcabc", "c"},
		[2]string{strings.Repeat("a", 300) + "b", "aab"}, [2]string{strings.Repeat("xy", 200) + "xyz", "xyxyz"})
}

// ascii keeps the ASCII bytes of s.
func ascii(s string) string {
	b := []byte{}
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			b = append(b, s[i])
		}
	}
	return string(b)
}

func FuzzTrimSpace(f *testing.F) {
	for _, s := range samples() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("TrimSpace(%q) = %q, strings.TrimSpace gives %q", s, got, want)
		}
	})
}

func FuzzIsSpace(f *testing.F) {
	for _, r := range []rune{-1, 0, ' ', '\t', '\r', 0x0e, 0x1c, 0x7f, 0x85, 0xa0, 0x1680, 0x1fff, 0x2000, 0x200a, 0x200b, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, unicode.MaxRune + 1} {
		f.Add(r)
	}
	f.Fuzz(func(t *testing.T, r rune) {
		if got, want := IsSpace(r), unicode.IsSpace(r); got != want {
			t.Errorf("IsSpace(%U) = %v, unicode.IsSpace gives %v", r, got, want)
		}
	})
}

func FuzzCollapseSpace(f *testing.F) {
	for _, s := range samples() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CollapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("CollapseSpace(%q) = %q, strings.Join(strings.Fields(s), \" \") gives %q", s, got, want)
		}
	})
}

func FuzzHasPrefix(f *testing.F) {
	for _, p := range pairs() {
		f.Add(p[0]+p[1], p[0])
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, s, prefix string) {
		if got, want := HasPrefix(s, prefix), strings.HasPrefix(s, prefix); got != want {
			t.Errorf("HasPrefix(%q, %q) = %v, strings.HasPrefix gives %v", s, prefix, got, want)
		}
	})
}

func FuzzHasSuffix(f *testing.F) {
	for _, p := range pairs() {
		f.Add(p[0]+p[1], p[1])
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, s, suffix string) {
		if got, want := HasSuffix(s, suffix), strings.HasSuffix(s, suffix); got != want {
			t.Errorf("HasSuffix(%q, %q) = %v, strings.HasSuffix gives %v", s, suffix, got, want)
		}
	})
}

func FuzzJoin(f *testing.F) {
	s := samples()
	for i := range s {
		f.Add(s[i], s[(i+1)%len(s)], s[(i+2)%len(s)], []string{"", " ", ", ", "\n"}[i%4], uint8(i))
	}
	f.Fuzz(func(t *testing.T, a, b, c, sep string, n uint8) {
		list := []string{a, b, c}[:n%4]
		if got, want := Join(list, sep), strings.Join(list, sep); got != want {
			t.Errorf("Join(%q, %q) = %q, strings.Join gives %q", list, sep, got, want)
		}
	})
}

// FuzzIndexAny checks IndexAny for what it is defined for, an ASCII set:
// the set's other bytes are dropped.
func FuzzIndexAny(f *testing.F) {
	for _, p := range pairs() {
		f.Add(p[0], p[1])
	}
	for _, set := range []string{"_-", "/:?#", "\n=", " \t", ";, ", "0123456789", "$<{"} {
		f.Add("x-y_z /a:b?c#d\n=e ;,f 9", set)
	}
	f.Fuzz(func(t *testing.T, s, chars string) {
		chars = ascii(chars)
		if got, want := IndexAny(s, chars), strings.IndexAny(s, chars); got != want {
			t.Errorf("IndexAny(%q, %q) = %d, strings.IndexAny gives %d", s, chars, got, want)
		}
	})
}

// FuzzTrimRight checks TrimRight for what it is defined for, an ASCII
// cutset: the cutset's other bytes are dropped.
func FuzzTrimRight(f *testing.F) {
	for _, p := range pairs() {
		f.Add(p[0], p[1])
	}
	for _, set := range []string{"eE+-.", "*", " \t\r", "\n"} {
		f.Add("1.5e+- \t\r\n**", set)
	}
	f.Fuzz(func(t *testing.T, s, cutset string) {
		cutset = ascii(cutset)
		if got, want := TrimRight(s, cutset), strings.TrimRight(s, cutset); got != want {
			t.Errorf("TrimRight(%q, %q) = %q, strings.TrimRight gives %q", s, cutset, got, want)
		}
	})
}

// FuzzReplaceAll checks ReplaceAll for what it is defined for, a non-empty
// old.
func FuzzReplaceAll(f *testing.F) {
	for _, p := range pairs() {
		f.Add(p[0]+p[1]+p[0], p[1], "<>")
	}
	f.Fuzz(func(t *testing.T, s, old, new string) {
		if old == "" {
			return
		}
		if got, want := ReplaceAll(s, old, new), strings.ReplaceAll(s, old, new); got != want {
			t.Errorf("ReplaceAll(%q, %q, %q) = %q, strings.ReplaceAll gives %q", s, old, new, got, want)
		}
	})
}

// FuzzIndex checks Index, and the loop the browser build uses, in s and
// in s with sep planted in its middle.
func FuzzIndex(f *testing.F) {
	for _, p := range pairs() {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, s, sep string) {
		for _, s := range []string{s, s + sep + s} {
			want := strings.Index(s, sep)
			if got := Index(s, sep); got != want {
				t.Errorf("Index(%q, %q) = %d, strings.Index gives %d", s, sep, got, want)
			}
			if got := indexLoop(s, sep); got != want {
				t.Errorf("indexLoop(%q, %q) = %d, strings.Index gives %d", s, sep, got, want)
			}
		}
	})
}

func FuzzIndexByte(f *testing.F) {
	for _, s := range samples() {
		f.Add(s, byte('a'))
		f.Add(s, byte(0xff))
	}
	f.Fuzz(func(t *testing.T, s string, c byte) {
		want := strings.IndexByte(s, c)
		if got := IndexByte(s, c); got != want {
			t.Errorf("IndexByte(%q, %q) = %d, strings.IndexByte gives %d", s, c, got, want)
		}
		if got := indexByteLoop(s, c); got != want {
			t.Errorf("indexByteLoop(%q, %q) = %d, strings.IndexByte gives %d", s, c, got, want)
		}
	})
}

// FuzzCount checks Count, and the loop the browser build uses, for what
// they are defined for, a non-empty sep.
func FuzzCount(f *testing.F) {
	for _, p := range pairs() {
		f.Add(p[0]+p[1]+p[0]+p[1], p[1])
	}
	f.Fuzz(func(t *testing.T, s, sep string) {
		if sep == "" {
			return
		}
		want := strings.Count(s, sep)
		if got := Count(s, sep); got != want {
			t.Errorf("Count(%q, %q) = %d, strings.Count gives %d", s, sep, got, want)
		}
		if got := countLoop(s, sep); got != want {
			t.Errorf("countLoop(%q, %q) = %d, strings.Count gives %d", s, sep, got, want)
		}
	})
}

// FuzzCutUTF8 checks CutUTF8 against package utf8 for n ≥ 0: the result is
// the prefix that ends at the last utf8.RuneStart at or before n, and for
// valid UTF-8 the longest valid prefix of at most n bytes.
func FuzzCutUTF8(f *testing.F) {
	for i, s := range samples() {
		f.Add(s, i%12)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 {
			return
		}
		got := CutUTF8(s, n)
		if len(s) <= n {
			if got != s {
				t.Errorf("CutUTF8(%q, %d) = %q, want all of it", s, n, got)
			}
			return
		}
		m := len(got)
		if !strings.HasPrefix(s, got) || m > n || m > 0 && !utf8.RuneStart(s[m]) {
			t.Fatalf("CutUTF8(%q, %d) = %q: not a prefix of at most n bytes ending before a rune start", s, n, got)
		}
		for k := m + 1; k <= n; k++ {
			if utf8.RuneStart(s[k]) {
				t.Fatalf("CutUTF8(%q, %d) = %q, but s[%d] is a rune start", s, n, got, k)
			}
		}
		if utf8.ValidString(s) {
			longest := 0
			for i := range s {
				if i <= n {
					longest = i
				}
			}
			if m != longest || !utf8.ValidString(got) {
				t.Errorf("CutUTF8(%q, %d) = %q, want the valid prefix of %d bytes", s, n, got, longest)
			}
		}
	})
}
