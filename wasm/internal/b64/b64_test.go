package b64

import (
	"encoding/base64"
	"math/rand"
	"strings"
	"testing"
)

// encodings are those of encoding/base64 that Decode reads.
var encodings = []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding}

// FuzzDecode checks Decode against encoding/base64: the data encoded by
// any of the four encodings, also with MIME line breaks, decodes to the
// data; and whatever one of them decodes, Decode decodes to the same
// bytes. (Decode reads more: mixed alphabets, padding and spaces anywhere,
// a trailing lone character.) It fails exactly on a byte outside the
// alphabets, '=', '\n', '\r' and ' '.
func FuzzDecode(f *testing.F) {
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 40; n++ {
		data := make([]byte, n)
		r.Read(data)
		f.Add(data, base64.StdEncoding.EncodeToString(data))
	}
	for _, s := range []string{"", "QQ", "QQ==", "QR==", "Q", "QUJD", "QU JD", "-_-_", "+/+/", "QQ=\n=", "QQ\r\n==", "a$b", "Zm9v\nYmFy", "====", "A==A"} {
		f.Add([]byte(nil), s)
	}
	f.Fuzz(func(t *testing.T, data []byte, s string) {
		for _, enc := range encodings {
			e := enc.EncodeToString(data)
			var lines []string
			for rest := e; rest != ""; {
				n := min(len(rest), 76)
				lines, rest = append(lines, rest[:n]), rest[n:]
			}
			for _, e := range []string{e, strings.Join(lines, "\r\n")} {
				if got, ok := Decode(e); !ok || got != string(data) {
					t.Errorf("Decode(%q) = %q, %v; want %q", e, got, ok, data)
				}
			}
		}
		got, ok := Decode(s)
		for _, enc := range encodings {
			if want, err := enc.DecodeString(s); err == nil && (!ok || got != string(want)) {
				t.Errorf("Decode(%q) = %q, %v; encoding/base64 gives %q", s, got, ok, want)
			}
		}
		bad := strings.IndexFunc(s, func(r rune) bool {
			return !strings.ContainsRune("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=\n\r ", r)
		}) >= 0
		if ok == bad {
			t.Errorf("Decode(%q) ok = %v", s, ok)
		}
	})
}
