package decimal

// pow10 holds the powers of ten a float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// Parse reads a decimal number: an optional sign, digits with an
// optional fraction, and an optional exponent ("12", "-0.5", "1.5e3"). It
// rejects what JSON and headers never carry (inf, nan, hex, underscores).
// It stands in for strconv.ParseFloat, whose exact algorithms cost tens of
// KB of WebAssembly: up to 15 significant digits and powers of ten within
// 1e±22 it is exact (one correctly rounded operation); beyond, within a
// few ulps (at most 16, relatively 4e-15), which no wait or confidence can
// notice. FuzzParse holds it to strconv.ParseFloat.
func Parse(s string) (float64, bool) {
	i, neg := 0, false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	var mant uint64
	digits, exp, sawDigit := 0, 0, false
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		sawDigit = true
		if digits < 19 {
			mant = mant*10 + uint64(s[i]-'0')
			if mant > 0 {
				digits++
			}
		} else {
			exp++
		}
	}
	if i < len(s) && s[i] == '.' {
		i++
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			sawDigit = true
			if digits < 19 {
				mant = mant*10 + uint64(s[i]-'0')
				if mant > 0 {
					digits++
				}
				exp--
			}
		}
	}
	if !sawDigit {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		if i == len(s) {
			return 0, false
		}
		e := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if e < 10000 {
				e = e*10 + int(s[i]-'0')
			}
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	if i != len(s) {
		return 0, false
	}
	f := float64(mant)
	for exp > 0 {
		k := min(exp, 22)
		f *= pow10[k]
		exp -= k
		if f > 1.7976931348623157e308 {
			break
		}
	}
	for exp < 0 && f != 0 {
		k := min(-exp, 22)
		f /= pow10[k]
		exp += k
	}
	if neg {
		f = -f
	}
	return f, true
}

// AppendRounded writes f rounded to three decimals, as an integer when
// whole, without strconv's float formatting: the digits of
// strconv.FormatFloat(math.Round(f*1000)/1000, 'f', -1, 64), but "0" for
// "-0", f without its fraction above 1e15, "null" for NaN (FuzzAppendRounded
// has the details). Beyond 2^53/1000 ≈ 9e12 the last decimals are f·1000's
// rounding error: no wait or confidence is that large.
func AppendRounded(b []byte, f float64) []byte {
	if f != f || f > 1e15 || f < -1e15 {
		if f != f {
			return append(b, "null"...)
		}
		return AppendInt(b, int64(f))
	}
	neg := f < 0
	if neg {
		f = -f
	}
	n := int64(f*1000 + 0.5)
	if neg && n != 0 {
		b = append(b, '-')
	}
	b = AppendInt(b, n/1000)
	if frac := n % 1000; frac != 0 {
		b = append(b, '.')
		for ; frac != 0; frac = frac % 100 * 10 { // the digits up to the last that is not 0
			b = append(b, byte('0'+frac/100))
		}
	}
	return b
}

// AppendInt writes n in decimal, as strconv.AppendInt(b, n, 10) does; the
// package does without strconv, whose error values bring in its quoting
// tables.
func AppendInt(b []byte, n int64) []byte {
	u := uint64(n)
	if n < 0 {
		b = append(b, '-')
		u = -u
	}
	var buf [20]byte
	i := len(buf) - 1
	for u >= 10 {
		buf[i] = byte('0' + u%10)
		u /= 10
		i--
	}
	buf[i] = byte('0' + u)
	return append(b, buf[i:]...)
}

// Itoa is strconv.Itoa.
func Itoa(n int) string { return string(AppendInt(nil, int64(n))) }
