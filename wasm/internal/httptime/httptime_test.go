package httptime

import (
	"math"
	"net/http"
	"testing"
	"time"
)

// The fuzz targets compare each function with package time. `go test` runs
// their seeds, natively and under js/wasm; `go test -fuzz FuzzX` explores
// natively.

const (
	minUnix = -62167219200 // 0000-01-01T00:00:00Z
	maxUnix = 253402300799 // 9999-12-31T23:59:59Z
)

// inRange folds sec into years 0000-9999, the years of a four-digit field.
func inRange(sec int64) int64 {
	sec %= maxUnix - minUnix + 1
	if sec < 0 {
		sec += maxUnix - minUnix + 1
	}
	return minUnix + sec
}

// httpLayouts are the layouts of the dates ParseHTTPDate reads:
// http.ParseTime's three (IMF-fixdate, RFC 850, asctime) and RFC 1123 with
// a zone name or a numeric zone.
var httpLayouts = []string{http.TimeFormat, time.RFC850, time.ANSIC, time.RFC1123, time.RFC1123Z}

var dateSeeds = []string{"", "yesterday", "Mon, 31 Feb 2026 10:00:00 GMT", "Mon, 23 Nov 2026 24:00:00 GMT",
	"Mon, 23 Foo 2026 10:00:00 GMT", "Mon, 23 Nov 2026 10:00:00", "Mon, 23 Nov 2026 10:00:00 GMT trailing", "2026-11-23",
	"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "Sun Nov 6 08:49:37 1994",
	"Mon, 23 Nov 2026 10:00:00 +0130", "Mon, 23 Nov 2026 10:00:00 -2400", " Mon, 23 Nov 2026 10:00:00 GMT\n", "Mon, 3 Nov 2026 10:00:00 UTC",
	"Mon, 23 Nov 2026 10:00:00 GMT+3", "Mon, 23 Nov 2026 10:00:00.5 GMT", "Mon, 23 Nov 2026 1:00:00 GMT", "Mon, 29 Feb 2028 10:00:60 PST",
	"Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Sat, 01 Jan 0000 00:00:00 GMT", "Monday, 02-Jan-69 15:04:05 MST"}

// FuzzParseHTTPDate checks ParseHTTPDate against time.Parse with
// httpLayouts. Every time of years 0000-9999 (1969-2068 for RFC 850's
// two-digit years) that time writes in one of them, with any numeric zone
// for RFC 1123Z, reads back to its Unix second; and every string that
// both read gives both the same instant. ParseHTTPDate reads more (any
// zone word, taken as UTC like an HTTP date's GMT; a numeric zone after a
// comma form; a one-digit day; second 60; white space around); time reads
// some it does not (one-digit hours, fractional seconds, GMT+h zones), and
// reads "+0100" where a zone name stands as a name with offset 0, where
// ParseHTTPDate applies the offset, as time does for RFC 1123Z.
func FuzzParseHTTPDate(f *testing.F) {
	for i, s := range dateSeeds {
		f.Add(s, int64(i)*86400*365+int64(i)*3607, int16(i*97))
	}
	f.Fuzz(func(t *testing.T, s string, sec int64, zone int16) {
		tm := time.Unix(inRange(sec), 0).In(time.FixedZone("", int(zone)%1440*60))
		for _, l := range httpLayouts {
			tm := tm
			if l != time.RFC1123Z {
				tm = tm.UTC()
			}
			if l == time.RFC850 && (tm.Year() < 1969 || tm.Year() > 2068) || tm.Year() < 0 || tm.Year() > 9999 {
				continue
			}
			w := tm.Format(l)
			if got, ok := ParseHTTPDate(w); !ok || got != Instant(tm.Unix()) {
				t.Errorf("ParseHTTPDate(%q) = %v, %v; want %d", w, int64(got), ok, tm.Unix())
			}
		}
		got, ok := ParseHTTPDate(s)
		for _, l := range httpLayouts {
			want, err := time.Parse(l, s)
			if name, _ := want.Zone(); name != "" && (name[0] == '+' || name[0] == '-') {
				continue // for a zone name, time takes "+0100" as a name with offset 0
			}
			if err == nil && ok && got != Instant(want.Unix()) {
				t.Errorf("ParseHTTPDate(%q) = %v, time.Parse(%q) gives %d", s, int64(got), l, want.Unix())
			}
		}
	})
}

// FuzzParseRFC3339 checks ParseRFC3339 against time.Parse(time.RFC3339):
// every time of years 0000-9999 that time.RFC3339Nano writes, with any
// zone, reads back to within float64's precision (a microsecond, or
// |t|·2^-52 seconds); every string both read, likewise. ParseRFC3339 also
// reads 't' or ' ' for 'T', 'z' for 'Z', second 60, any numeric offset,
// and white space around; time.Parse reads a few it does not (one-digit
// fields, which its general parser allows).
func FuzzParseRFC3339(f *testing.F) {
	for i, s := range []string{"2026-11-23T10:00:00Z", "2026-11-23T10:00:00+01:30", "2026-11-23t10:00:00.123456789z", "2026-11-23 10:00:00Z",
		"2026-11-23T10:00:00.Z", "2026-11-23T10:00:00", "2026-11-23", "2026-02-29T10:00:00Z", "2026-11-23T10:00:60Z", "0000-01-01T00:00:00-23:59",
		" 2026-11-23T10:00:00Z\n", "2026-11-23T1:00:00Z", "9999-12-31T23:59:59.999999999+99:99"} {
		f.Add(s, int64(i)*86400*367+int64(i)*3607, uint32(i)*123456789, int16(i*97))
	}
	f.Fuzz(func(t *testing.T, s string, sec int64, nsec uint32, zone int16) {
		check := func(s string, want time.Time) {
			w := float64(want.Unix()) + float64(want.Nanosecond())/1e9
			if got, ok := ParseRFC3339(s); !ok || math.Abs(float64(got)-w) > 1e-6+math.Abs(w)*0x1p-52 {
				t.Errorf("ParseRFC3339(%q) = %v, %v; want %v", s, float64(got), ok, w)
			}
		}
		tm := time.Unix(inRange(sec), int64(nsec%1e9)).In(time.FixedZone("", int(zone)%1440*60))
		if tm.Year() >= 0 && tm.Year() <= 9999 {
			check(tm.Format(time.RFC3339Nano), tm)
		}
		if want, err := time.Parse(time.RFC3339, s); err == nil {
			if _, ok := ParseRFC3339(s); ok {
				check(s, want)
			}
		}
	})
}

// FuzzParseDuration checks ParseDuration against time.ParseDuration for
// what it reads: durations without a sign. Every such duration that
// time.Duration.String writes reads back, and every string both read gives
// the same seconds, to within time's truncation to whole nanoseconds (a
// nanosecond a unit).
func FuzzParseDuration(f *testing.F) {
	for i, s := range []string{"0", "12ms", "6m0s", "1.5h", "1h2m3.5s", "250us", "7µs", "7μs", "40ns", "0.25s", ".5s", "5.s",
		"", "5", "m", "1x", "-1s", "+1s", " 6m0s ", "1.5.5s", "1e3s", "1h 2m", "2562047h47m16.854775807s", "3000000h"} {
		f.Add(s, int64(i)*1234567891011)
	}
	f.Fuzz(func(t *testing.T, s string, ns int64) {
		check := func(s string, want time.Duration) {
			got, ok := ParseDuration(s)
			if !ok || math.Abs(got-want.Seconds()) > 1e-9*float64(len(s))+1e-15*math.Abs(want.Seconds()) {
				t.Errorf("ParseDuration(%q) = %v, %v; time.ParseDuration gives %v", s, got, ok, want.Seconds())
			}
		}
		if ns < 0 {
			ns = -(ns + 1)
		}
		check(time.Duration(ns).String(), time.Duration(ns))
		if want, err := time.ParseDuration(s); err == nil {
			if _, ok := ParseDuration(s); ok {
				check(s, want)
			}
		}
	})
}

// FuzzFormat checks FormatClock and FormatHTTP against time.Time.Format
// ("2006-01-02 15:04:05" and time.RFC1123 in UTC) for the instants of
// years 0000-9999, their fraction of a second dropped.
func FuzzFormat(f *testing.F) {
	for _, v := range []float64{0, -1, -0.5, 0.999, 1792152901, 1792152901.75, minUnix, maxUnix + 0.5, 951782400, -62135596800} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if !(v >= minUnix && v < maxUnix+1) {
			return
		}
		tm := time.Unix(int64(math.Floor(v)), 0).UTC()
		if got, want := Instant(v).FormatClock(), tm.Format("2006-01-02 15:04:05"); got != want {
			t.Errorf("Instant(%v).FormatClock() = %q, time gives %q", v, got, want)
		}
		if got, want := Instant(v).FormatHTTP(), tm.Format(time.RFC1123); got != want {
			t.Errorf("Instant(%v).FormatHTTP() = %q, time gives %q", v, got, want)
		}
	})
}

// FuzzCivil checks daysFromCivil and civilFromDays against time's
// calendar, the proleptic Gregorian one, over ±2.7 million years.
func FuzzCivil(f *testing.F) {
	for _, d := range []int64{0, -1, 1, 59, 60, 11016, -719468, -719469, 2932896, 1e9, -1e9} {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, z int64) {
		z %= 1e9
		y, m, d := civilFromDays(z)
		ty, tm, td := time.Unix(z*86400, 0).UTC().Date()
		if y != int64(ty) || m != int64(tm) || d != int64(td) {
			t.Errorf("civilFromDays(%d) = %d-%d-%d, time gives %d-%d-%d", z, y, m, d, ty, tm, td)
		}
		if got := daysFromCivil(int64(ty), int64(tm), int64(td)); got != z {
			t.Errorf("daysFromCivil(%d, %d, %d) = %d, want %d", ty, tm, td, got, z)
		}
	})
}

// FuzzMakeInstant checks makeInstant against time.Date: it accepts the
// dates time.Date keeps as they are, hours to 23, minutes to 59 and
// seconds to 60 (a leap second, which time.Date carries into the next
// minute), and gives time.Date's Unix time.
func FuzzMakeInstant(f *testing.F) {
	f.Add(int16(2026), uint8(11), uint8(23), uint8(10), uint8(0), uint8(0))
	f.Add(int16(2028), uint8(2), uint8(29), uint8(23), uint8(59), uint8(60))
	f.Add(int16(2026), uint8(2), uint8(29), uint8(0), uint8(0), uint8(0))
	f.Add(int16(1900), uint8(2), uint8(29), uint8(0), uint8(0), uint8(0))
	f.Add(int16(0), uint8(13), uint8(0), uint8(24), uint8(60), uint8(61))
	f.Fuzz(func(t *testing.T, y int16, mo, d, h, mi, s uint8) {
		tm := time.Date(int(y), time.Month(mo), int(d), int(h), int(mi), int(s), 0, time.UTC)
		ty, tmo, td := time.Date(int(y), time.Month(mo), int(d), 0, 0, 0, 0, time.UTC).Date()
		want := ty == int(y) && int(tmo) == int(mo) && td == int(d) && h <= 23 && mi <= 59 && s <= 60
		got, ok := makeInstant(int64(y), int64(mo), int64(d), int64(h), int64(mi), int64(s), 0)
		if ok != want || ok && got != Instant(tm.Unix()) {
			t.Errorf("makeInstant(%d-%d-%d %d:%d:%d) = %v, %v; time says %v, %d", y, mo, d, h, mi, s, int64(got), ok, want, tm.Unix())
		}
	})
}
