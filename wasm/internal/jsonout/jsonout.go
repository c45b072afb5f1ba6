package jsonout

import (
	"math"
	"unicode/utf8"

	"github.com/errdex/errdex/wasm/internal/decimal"
)

// AppendNumber writes f as a JSON number with at most three decimals
// (decimal.AppendRounded), as an integer when whole; NaN and infinities,
// which JSON lacks, as null.
func AppendNumber(b []byte, f float64) []byte {
	if f != f || f > math.MaxFloat64 || f < -math.MaxFloat64 { // NaN or infinite
		return append(b, "null"...)
	}
	return decimal.AppendRounded(b, f)
}

const hexDigits = "0123456789abcdef"

// AppendString writes s as a JSON string, as json.Marshal(s) does: invalid
// UTF-8 becomes U+FFFD; <, > and & are escaped so the output is safe
// inside HTML; U+2028 and U+2029 are escaped so it is safe inside
// JavaScript. It differs in three escapes, all valid JSON: \u0008 and
// \u000c where json.Marshal writes \b and \f, and \u007f for DEL, which
// json.Marshal leaves as it is.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7f:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0xFFFD && size == 1: // not UTF-8
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
