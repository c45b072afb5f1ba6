package b64

import "github.com/errdex/errdex/wasm/internal/textx"

// Decode decodes standard or URL-safe base64, with or without padding: it
// reads both alphabets at once, skips '=', '\n', '\r' and ' ' wherever they
// stand, and drops the bits left over after the last whole byte. It fails
// only on a byte outside the alphabets and those. Where encoding/base64
// decodes s (StdEncoding, URLEncoding, RawStdEncoding or RawURLEncoding),
// Decode gives the same bytes (FuzzDecode).
func Decode(s string) (string, bool) {
	var out []byte
	var acc, bits uint
	for i := 0; i < len(s); i++ {
		c := s[i]
		v := textx.IndexByte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", c)
		switch {
		case c == '-': // URL-safe
			v = 62
		case c == '_':
			v = 63
		case c == '=' || c == '\n' || c == '\r' || c == ' ':
			continue
		case v < 0:
			return "", false
		}
		acc = acc<<6 | uint(v)
		bits += 6
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
			acc &= 1<<bits - 1
		}
	}
	return string(out), true
}
