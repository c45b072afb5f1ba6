package jsonout

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets compare each function with encoding/json. `go test`
// runs their seeds, natively and under js/wasm; `go test -fuzz FuzzX`
// explores natively.

// FuzzAppendString checks AppendString against json.Marshal: the same
// bytes for every string without \b, \f or DEL (which AppendString writes
// \u0008, \u000c and \u007f); for every string, valid JSON that decodes
// to what json.Marshal's output decodes to, with no raw control
// character, DEL, <, >, &, U+2028 or U+2029.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "abc", `"quoted" \ back\slash`, "\n\r\t\b\f\x00\x1f\x7f", "<script>&amp;</script>",
		"\u2028\u2029", "é😀", "\xff\xfe", "\xe2\x80", "\xe2\x80\xa8", "\xef\xbf\xbd", "\xed\xa0\x80", "a\x00b", "Straße \u212a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := AppendString([]byte("x"), s)[1:]
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.ContainsAny(s, "\b\f\x7f") {
			if !bytes.Equal(got, want) {
				t.Errorf("AppendString(%q) = %s, json.Marshal gives %s", s, got, want)
			}
			return
		}
		var g, w string
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("AppendString(%q) = %s: %v", s, got, err)
		}
		if err := json.Unmarshal(want, &w); err != nil || g != w {
			t.Errorf("AppendString(%q) = %s reads as %q, json.Marshal's as %q", s, got, g, w)
		}
		for i := 0; i < len(got); {
			r, n := utf8.DecodeRune(got[i:])
			if r < 0x20 || r == 0x7f || r == '<' || r == '>' || r == '&' || r == '\u2028' || r == '\u2029' || r == utf8.RuneError && n == 1 {
				t.Fatalf("AppendString(%q) = %q has %q", s, got, r)
			}
			i += n
		}
	})
}

// FuzzAppendNumber checks AppendNumber against json.Marshal of f rounded
// to three decimals (as decimal.AppendRounded rounds, FuzzAppendRounded)
// for |f| < 1e11, where -0 is written 0; null where json.Marshal fails (NaN
// and infinities); valid JSON always.
func FuzzAppendNumber(f *testing.F) {
	for _, v := range []float64{0, 0.97, 1.5, 12, 412, -2.25, 0.1234, 0.0004, -0.0004, 1e-7, 60, 1792152901, 1e11, 1e15, 1e300,
		math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, -math.MaxFloat64} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		got := string(AppendNumber([]byte("x"), v)[1:])
		if math.IsNaN(v) || math.IsInf(v, 0) {
			if _, err := json.Marshal(v); err == nil || got != "null" {
				t.Errorf("AppendNumber(%v) = %s, json.Marshal fails with %v", v, got, err)
			}
			return
		}
		if math.Abs(v) < 1<<63 && !json.Valid([]byte(got)) {
			t.Fatalf("AppendNumber(%v) = %s: not JSON", v, got)
		}
		if math.Abs(v) >= 1e11 {
			return
		}
		want, err := json.Marshal(math.Copysign(math.Floor(math.Abs(v)*1000+0.5), v) / 1000)
		if string(want) == "-0" {
			want = []byte("0")
		}
		if err != nil || got != string(want) {
			t.Errorf("AppendNumber(%v) = %s, json.Marshal gives %s", v, got, want)
		}
	})
}
