package httptime

import (
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// Instant is a moment as Unix seconds, UTC: time.Time's Unix() with its
// fraction.
type Instant float64

var (
	monthNames = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	dayNames   = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

// daysFromCivil returns the days since 1970-01-01 of a proleptic Gregorian
// date (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y, m, d int64) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

// makeInstant validates a UTC date and time and returns it as an Instant.
// A date is valid when it survives the trip to a day number and back.
func makeInstant(y, mo, d, h, mi, s int64, frac float64) (Instant, bool) {
	days := daysFromCivil(y, mo, d)
	if y2, mo2, d2 := civilFromDays(days); y2 != y || mo2 != mo || d2 != d || h > 23 || mi > 59 || s > 60 {
		return 0, false
	}
	return Instant(float64(days*86400+h*3600+mi*60+s) + frac), true
}

// dateScanner reads a date string field by field. Once a field is missing
// it stays !ok and reads nothing more.
type dateScanner struct {
	s  string
	ok bool
}

func (p *dateScanner) lit(want string) {
	if p.ok && textx.HasPrefix(p.s, want) {
		p.s = p.s[len(want):]
		return
	}
	p.ok = false
}

// num reads between min and max digits.
func (p *dateScanner) num(min, max int) int64 {
	var n int64
	i := 0
	for ; i < len(p.s) && i < max && p.s[i] >= '0' && p.s[i] <= '9'; i++ {
		n = n*10 + int64(p.s[i]-'0')
	}
	if !p.ok || i < min {
		p.ok = false
		return 0
	}
	p.s = p.s[i:]
	return n
}

// word reads a run of letters.
func (p *dateScanner) word() string {
	i := 0
	for i < len(p.s) && (p.s[i] >= 'A' && p.s[i] <= 'Z' || p.s[i] >= 'a' && p.s[i] <= 'z') {
		i++
	}
	if !p.ok || i == 0 {
		p.ok = false
		return ""
	}
	w := p.s[:i]
	p.s = p.s[i:]
	return w
}

func (p *dateScanner) month() int64 {
	w := p.word()
	for i, m := range monthNames {
		if p.ok && w == m {
			return int64(i + 1)
		}
	}
	p.ok = false
	return 0
}

func (p *dateScanner) clock() (h, m, s int64) {
	h = p.num(2, 2)
	p.lit(":")
	m = p.num(2, 2)
	p.lit(":")
	s = p.num(2, 2)
	return
}

// offset reads a numeric zone, "+hhmm" or, with colon, "+hh:mm", in
// seconds; its sign has been read.
func (p *dateScanner) offset(sign byte, colon string) int64 {
	hh := p.num(2, 2)
	p.lit(colon)
	off := hh*3600 + p.num(2, 2)*60
	if sign == '-' {
		off = -off
	}
	return off
}

// ParseHTTPDate reads an HTTP date in any of the forms RFC 9110 allows
// (IMF-fixdate, RFC 850, asctime), plus a numeric zone and a one-digit day.
// It stands in for http.ParseTime (time.Parse with http.TimeFormat,
// time.RFC850 or time.ANSIC); FuzzParseHTTPDate states where they differ.
func ParseHTTPDate(s string) (Instant, bool) {
	s = textx.TrimSpace(s)
	p := &dateScanner{s: s, ok: true}
	p.word() // day name
	var y, mo, d, h, mi, sec, off int64
	switch {
	case p.ok && textx.HasPrefix(p.s, ", "): // IMF-fixdate or RFC 850
		p.lit(", ")
		d = p.num(1, 2)
		if p.ok && textx.HasPrefix(p.s, "-") { // RFC 850: 06-Nov-94
			p.lit("-")
			mo = p.month()
			p.lit("-")
			y = p.num(2, 4)
			if y < 69 { // two-digit years pivot as in package time
				y += 2000
			} else if y < 100 {
				y += 1900
			}
		} else {
			p.lit(" ")
			mo = p.month()
			p.lit(" ")
			y = p.num(4, 4)
		}
		p.lit(" ")
		h, mi, sec = p.clock()
		p.lit(" ")
		// the zone: "GMT"-style letters (every abbreviation counts as
		// UTC, as HTTP dates are always GMT) or a numeric "+hhmm"
		switch {
		case !p.ok || p.s == "":
			p.ok = false
		case p.s[0] == '+' || p.s[0] == '-':
			c := p.s[0]
			p.s = p.s[1:]
			off = p.offset(c, "")
		default:
			p.word()
		}
	case p.ok: // asctime: Sun Nov  6 08:49:37 1994
		p.lit(" ")
		mo = p.month()
		for p.ok && textx.HasPrefix(p.s, " ") {
			p.s = p.s[1:]
		}
		d = p.num(1, 2)
		p.lit(" ")
		h, mi, sec = p.clock()
		p.lit(" ")
		y = p.num(4, 4)
	}
	if !p.ok || p.s != "" {
		return 0, false
	}
	t, ok := makeInstant(y, mo, d, h, mi, sec, 0)
	return t - Instant(off), ok
}

// ParseRFC3339 reads 2026-11-23T10:00:00Z, with optional fraction and a
// numeric offset, as time.Parse(time.RFC3339, s) does (FuzzParseRFC3339
// states where they differ).
func ParseRFC3339(s string) (Instant, bool) {
	p := &dateScanner{s: textx.TrimSpace(s), ok: true}
	y := p.num(4, 4)
	p.lit("-")
	mo := p.num(2, 2)
	p.lit("-")
	d := p.num(2, 2)
	if p.ok && p.s != "" && (p.s[0] == 'T' || p.s[0] == 't' || p.s[0] == ' ') {
		p.s = p.s[1:]
	} else {
		p.ok = false
	}
	h, mi, sec := p.clock()
	frac := 0.0
	if p.ok && textx.HasPrefix(p.s, ".") {
		i := 1
		for i < len(p.s) && p.s[i] >= '0' && p.s[i] <= '9' {
			i++
		}
		if i == 1 {
			return 0, false
		}
		frac, _ = decimal.Parse("0" + p.s[:i])
		p.s = p.s[i:]
	}
	var off int64
	switch {
	case !p.ok:
	case p.s == "Z" || p.s == "z":
		p.s = ""
	case p.s != "" && (p.s[0] == '+' || p.s[0] == '-'):
		c := p.s[0]
		p.s = p.s[1:]
		off = p.offset(c, ":")
	default:
		p.ok = false
	}
	if !p.ok || p.s != "" {
		return 0, false
	}
	t, ok := makeInstant(y, mo, d, h, mi, sec, frac)
	return t - Instant(off), ok
}

// durationUnits are the units of a Go duration, in seconds.
var durationUnits = []struct {
	name    string
	seconds float64
}{
	{"ns", 1e-9}, {"us", 1e-6}, {"µs", 1e-6}, {"μs", 1e-6}, {"ms", 1e-3}, {"s", 1}, {"m", 60}, {"h", 3600},
}

// ParseDuration reads a Go-style duration ("6m0s", "12ms", "1.5h") as
// seconds, the format of OpenAI's x-ratelimit-reset-* headers: it is
// time.ParseDuration(s).Seconds() for durations without a sign.
func ParseDuration(s string) (float64, bool) {
	s = textx.TrimSpace(s)
	if s == "0" {
		return 0, true
	}
	if s == "" {
		return 0, false
	}
	total := 0.0
	for s != "" {
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		if i == 0 {
			return 0, false
		}
		n, ok := decimal.Parse(s[:i])
		if !ok {
			return 0, false
		}
		s = s[i:]
		j := 0
		for j < len(s) && !(s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
			j++
		}
		unit := 0.0
		for _, u := range durationUnits {
			if u.name == s[:j] {
				unit = u.seconds
			}
		}
		if unit == 0 {
			return 0, false
		}
		total += n * unit
		s = s[j:]
	}
	return total, true
}

// days returns t's days since 1970-01-01 and seconds into that day, both
// rounded down.
func (t Instant) days() (days, rem int64) {
	sec := int64(t)
	if float64(sec) > float64(t) {
		sec-- // floor for times before 1970
	}
	days, rem = sec/86400, sec%86400
	if rem < 0 {
		rem += 86400
		days--
	}
	return days, rem
}

// FormatClock writes t as "2006-01-02 15:04:05", as time.Time.Format does
// in UTC, the fraction of a second dropped.
func (t Instant) FormatClock() string {
	days, rem := t.days()
	y, m, d := civilFromDays(days)
	b := pad(nil, y, 4, 0)
	b = pad(b, m, 2, '-')
	b = pad(b, d, 2, '-')
	b = pad(b, rem/3600, 2, ' ')
	b = pad(b, rem/60%60, 2, ':')
	b = pad(b, rem%60, 2, ':')
	return string(b)
}

// FormatHTTP writes t, a whole second, as "Mon, 02 Jan 2006 15:04:05 UTC":
// time.Time.Format(time.RFC1123) in UTC.
func (t Instant) FormatHTTP() string {
	days, _ := t.days()
	y, m, d := civilFromDays(days)
	return dayNames[(days%7+11)%7] + ", " + // 1970-01-01 was a Thursday
		string(pad(nil, d, 2, 0)) + " " + monthNames[m-1] + " " +
		string(pad(nil, y, 4, 0)) + t.FormatClock()[10:] + " UTC"
}

// pad writes sep (unless 0), then n with at least width digits.
func pad(b []byte, n int64, width int, sep byte) []byte {
	if sep != 0 {
		b = append(b, sep)
	}
	s := decimal.Itoa(int(n))
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
