package decimal

import (
	"errors"
	"math"
	"math/rand"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The fuzz targets compare each function with its model in package strconv.
// `go test` runs their seeds, natively and under js/wasm; `go test -fuzz
// FuzzX` explores natively.

// syntax is what Parse reads: an optional sign, digits with an optional
// fraction (at least one digit in all), an optional exponent.
var syntax = regexp.MustCompile(`^[+-]?([0-9]+)?(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$`)

// ulps is how many float64 values lie between a and b, both finite and of
// the same sign (or zero).
func ulps(a, b float64) uint64 {
	x, y := math.Float64bits(math.Abs(a)), math.Float64bits(math.Abs(b))
	if x > y {
		return x - y
	}
	return y - x
}

func parseSeeds() []string {
	cases := []string{"0", "-0", "12", "-0.5", "1.5e3", "1E-2", "0.001", "1792152901", "1792152901123", "60", "12.000",
		"3.141592653589793", "123456789012345678901234", "1e300", "+7", ".5", "5.", "1e+2", "00012", "0.000000000000000000000001",
		"1e308", "1.7976931348623157e308", "1.8e308", "1e309", "4.9e-324", "2e-324", "1e-400", "9007199254740993", "99999999999999999999e-5",
		"", "-", ".", "1e", "1e+", "inf", "NaN", "0x10", "1_000", "1.2.3", "12s", " 1", "1 ", "e5", "+-1", "1e5.5"}
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 300; i++ {
		cases = append(cases, strconv.FormatFloat(r.Float64()*math.Pow(10, float64(r.Intn(24)-8)), 'g', -1, 64))
		cases = append(cases, strconv.FormatInt(r.Int63n(1<<53), 10))
	}
	return cases
}

// FuzzParse checks Parse against strconv.ParseFloat. Parse accepts exactly
// the strings syntax matches (strconv.ParseFloat reads them all, and more:
// inf, nan, hex, underscores); on them it gives strconv's value exactly
// when there are at most 15 significant digits and a power of ten within
// 1e±22 (a single correctly rounded operation), and otherwise a value
// within maxULPs of it (infinity where strconv overflows; near zero,
// within maxULPs of the smallest subnormal).
func FuzzParse(f *testing.F) {
	for _, s := range parseSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Parse(s)
		m := syntax.FindStringSubmatch(s)
		if m != nil && m[1] == "" && m[2] == "" {
			m = nil // no digit
		}
		if ok != (m != nil) {
			t.Fatalf("Parse(%q) ok = %v, want %v", s, ok, m != nil)
		}
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			t.Fatalf("strconv.ParseFloat(%q): %v", s, err)
		}
		if math.Signbit(got) != math.Signbit(want) {
			t.Fatalf("Parse(%q) = %v, strconv gives %v", s, got, want)
		}
		digits := strings.TrimLeft(m[1]+m[2], "0")
		e, _ := strconv.Atoi(m[3])
		e -= len(m[2])
		exact := len(digits) <= 15 && (digits == "" || e >= -22 && e <= 22)
		switch {
		case got == want:
		case exact:
			t.Fatalf("Parse(%q) = %v, strconv gives %v", s, got, want)
		case math.IsInf(got, 0) || math.IsInf(want, 0):
			if ulps(got, want) > maxULPs { // math.MaxFloat64 is one ulp below infinity
				t.Fatalf("Parse(%q) = %v, strconv gives %v", s, got, want)
			}
		case ulps(got, want) > maxULPs:
			t.Fatalf("Parse(%q) = %v, strconv gives %v: %d ulps apart", s, got, want, ulps(got, want))
		}
	})
}

// maxULPs bounds Parse's error, in float64 steps, beyond its exact range:
// one rounding to 53 bits, then at most 15 correctly rounded
// multiplications or divisions by powers of ten up to 1e22, each off by
// at most half an ulp. (Random tests see at most 6.)
const maxULPs = 16

// FuzzAppendInt checks AppendInt against strconv.AppendInt(b, n, 10).
func FuzzAppendInt(f *testing.F) {
	for _, n := range []int64{0, 1, -1, 9, 10, -10, 1792152901, math.MaxInt64, math.MinInt64, math.MinInt64 + 1} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		if got, want := string(AppendInt([]byte("x"), n)), string(strconv.AppendInt([]byte("x"), n, 10)); got != want {
			t.Errorf("AppendInt(%d) = %q, strconv gives %q", n, got, want)
		}
	})
}

// FuzzItoa checks Itoa against strconv.Itoa.
func FuzzItoa(f *testing.F) {
	for _, n := range []int{0, 7, -7, 429, 1 << 31, math.MaxInt, math.MinInt} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int) {
		if got, want := Itoa(n), strconv.Itoa(n); got != want {
			t.Errorf("Itoa(%d) = %q, strconv gives %q", n, got, want)
		}
	})
}

// FuzzAppendRounded checks AppendRounded against strconv.FormatFloat. It
// rounds f·1000 half away from zero as int64(|f|·1000 + 0.5) does in
// float64, which is math.Round(f·1000) but for an ulp or so below a tie,
// and writes no "-0"; for |f| < 1e11 its digits are
// strconv.FormatFloat(that/1000, 'f', -1, 64) and within 0.0005 of f. For
// 1e11 ≤ |f| ≤ 1e15 they are only checked to read back within 0.0005 of
// f, plus f·1000's rounding error and the reading's (|f|·2^-51): above
// 2^53/1000 ≈ 9e12 the decimals written are that error, as
// 200000000000038.016 for 2e14+38. Above 1e15 it writes f without its
// fraction, strconv.FormatFloat(math.Trunc(f), 'f', 0, 64), up to
// |f| < 2^63 (beyond, Go's conversion to int64 is implementation-specific).
// NaN is written null.
func FuzzAppendRounded(f *testing.F) {
	for _, v := range []float64{0, 12, 0.97, 1.5, 0.0004, 0.0005, -0.0004, 412, -2.25, 0.1234, 0.1235, 2.5e-3, 1e11, 123456789.9996,
		1e15, 1e15 + 0.5, -1e15, 2.00000000000038e+14, 1.5e15, 1e18, -9.2e18, math.NaN(), 0.49999999999999994 / 1000, 60.000499999999995} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		got := string(AppendRounded([]byte("x"), v))[1:]
		a := math.Abs(v)
		var want string
		switch {
		case math.IsNaN(v):
			want = "null"
		case a >= 1<<63:
			return
		case a > 1e15:
			want = strconv.FormatFloat(math.Trunc(v), 'f', 0, 64)
		case a >= 1e11:
			p, err := strconv.ParseFloat(got, 64)
			if err != nil || math.Abs(p-v) > 0.0005+a*0x1p-51 || strings.Contains(got, "e") {
				t.Errorf("AppendRounded(%v) = %q", v, got)
			}
			return
		default:
			r := math.Copysign(math.Floor(a*1000+0.5), v) / 1000
			want = strconv.FormatFloat(r, 'f', -1, 64)
			if want == "-0" {
				want = "0"
			}
			if math.Abs(r-v) > 0.0005+1e-12*a {
				t.Errorf("AppendRounded(%v): %v is not within 0.0005", v, r)
			}
		}
		if got != want {
			t.Errorf("AppendRounded(%v) = %q, strconv gives %q", v, got, want)
		}
	})
}
