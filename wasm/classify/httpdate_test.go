package classify

import (
	"math"
	"math/rand"
	"strconv"
	"testing"
	"time"
)

// The date and number readers replace package time and strconv's float
// code in the binary; these tests pin them to those packages' answers.

func TestHTTPDateMatchesPackageTime(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	layouts := []string{time.RFC1123, time.RFC1123Z, time.RFC850, time.ANSIC}
	for i := 0; i < 20000; i++ {
		tm := time.Unix(r.Int63n(4102444800), 0).UTC() // 1970..2100
		for _, l := range layouts {
			if l == time.RFC850 && tm.Year() >= 2069 {
				continue // two-digit years stop there
			}
			s := tm.Format(l)
			if l == time.RFC1123 {
				s = s[:len(s)-3] + "GMT"
			}
			got, ok := parseHTTPDate(s)
			if !ok || int64(got) != tm.Unix() {
				t.Fatalf("parseHTTPDate(%q) = %v, %v; want %d", s, int64(got), ok, tm.Unix())
			}
		}
		if got := instant(tm.Unix()).formatClock(); got != tm.Format("2006-01-02 15:04:05") {
			t.Fatalf("formatClock(%d) = %q, want %q", tm.Unix(), got, tm.Format("2006-01-02 15:04:05"))
		}
		if got := instant(tm.Unix()).formatHTTP(); got != tm.Format(time.RFC1123) {
			t.Fatalf("formatHTTP(%d) = %q, want %q", tm.Unix(), got, tm.Format(time.RFC1123))
		}
		s := tm.Add(time.Duration(r.Int63n(1e9))).Format(time.RFC3339Nano)
		want, _ := time.Parse(time.RFC3339Nano, s)
		if got, ok := parseRFC3339(s); !ok || math.Abs(float64(got)-float64(want.UnixNano())/1e9) > 1e-6 {
			t.Fatalf("parseRFC3339(%q) = %v, %v", s, float64(got), ok)
		}
	}
	for _, bad := range []string{"", "yesterday", "Mon, 31 Feb 2026 10:00:00 GMT", "Mon, 23 Nov 2026 24:00:00 GMT",
		"Mon, 23 Foo 2026 10:00:00 GMT", "Mon, 23 Nov 2026 10:00:00", "Mon, 23 Nov 2026 10:00:00 GMT trailing", "2026-11-23"} {
		if _, ok := parseHTTPDate(bad); ok {
			t.Errorf("parseHTTPDate(%q) accepted", bad)
		}
	}
	if got, _ := parseRFC3339("2026-11-23T10:00:00+01:30"); int64(got) != time.Date(2026, 11, 23, 8, 30, 0, 0, time.UTC).Unix() {
		t.Errorf("offset not applied: %v", int64(got))
	}
}

func TestGoDurationMatchesPackageTime(t *testing.T) {
	for _, s := range []string{"0", "12ms", "6m0s", "1.5h", "1h2m3.5s", "250us", "7µs", "40ns", "0.25s"} {
		want, err := time.ParseDuration(s)
		got, ok := parseGoDuration(s)
		if err != nil || !ok || math.Abs(got-want.Seconds()) > 1e-9 {
			t.Errorf("parseGoDuration(%q) = %v, %v; time says %v", s, got, ok, want.Seconds())
		}
	}
	for _, bad := range []string{"", "5", "m", "1x", "-1s"} {
		if _, ok := parseGoDuration(bad); ok {
			t.Errorf("parseGoDuration(%q) accepted", bad)
		}
	}
}

func TestDecimalMatchesStrconv(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	cases := []string{"0", "12", "-0.5", "1.5e3", "1E-2", "0.001", "1792152901", "1792152901123", "60", "12.000",
		"3.141592653589793", "123456789012345678901234", "1e300", "+7"}
	for i := 0; i < 20000; i++ {
		cases = append(cases, strconv.FormatFloat(r.Float64()*math.Pow(10, float64(r.Intn(24)-8)), 'g', -1, 64))
		cases = append(cases, strconv.FormatInt(r.Int63n(1<<53), 10))
	}
	for _, s := range cases {
		want, _ := strconv.ParseFloat(s, 64)
		got, ok := parseDecimal(s)
		if !ok || (got != want && math.Abs(got-want) > 4*math.Abs(want)*0x1p-52) {
			t.Fatalf("parseDecimal(%q) = %v, %v; strconv says %v", s, got, ok, want)
		}
	}
	for _, bad := range []string{"", "-", ".", "1e", "inf", "NaN", "0x10", "1_000", "1.2.3", "12s"} {
		if _, ok := parseDecimal(bad); ok {
			t.Errorf("parseDecimal(%q) accepted", bad)
		}
	}
	for f, want := range map[float64]string{0: "0", 12: "12", 0.97: "0.97", 1.5: "1.5", 0.0004: "0", 412: "412", -2.25: "-2.25", 0.1234: "0.123"} {
		if got := string(appendDecimal(nil, f)); got != want {
			t.Errorf("appendDecimal(%v) = %q, want %q", f, got, want)
		}
	}
}
