package classify

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/errdex/errdex/wasm/catalog"
)

// textSamples are strings that catalog.EqualFold and lineReader must treat
// as package strings does: ASCII, other scripts, the runes whose case
// folding or lower case is ASCII (K, ſ, İ), white space outside ASCII and
// invalid UTF-8.
func textSamples() []string {
	pieces := []string{"a", "A", "k", "K", "s", "S", "i", "I", " ", "\t", "\n", "\r\n", "-", "_", ".", "\"",
		"\u212a", "\u017f", "\u0130", "\u0131", "ß", "ẞ", "Σ", "ǅ", "\u00a0", "\u2028", "\u3000", "\u023a", "\u2c62",
		"\xff", "\xe2\x84", "\xc4", "\xef\xbf\xbd", "é", "😀", "0", "9"}
	out := []string{"", "abc", "Straße", "  trim me\t\n", "\u00a0\u2000x\u3000", "K\u212aelvin", "ſecret"}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 4000; i++ {
		var b strings.Builder
		for n := rng.Intn(9); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// TestEqualFold compares catalog.EqualFold with strings.EqualFold for ASCII
// first arguments, the only ones the catalog has (TestCatalogIsASCII).
func TestEqualFold(t *testing.T) {
	ascii := []string{"", "k", "K", "s", "S", "key", "KEY", "invalid_api_key", "Retry-After", "x-ratelimit-reset", "a1-_.", "ss", "i"}
	for _, a := range ascii {
		for _, b := range append(textSamples()[:2000], ascii...) {
			for _, b := range []string{b, strings.ToUpper(b), strings.ReplaceAll(strings.ReplaceAll(a, "k", "\u212a"), "s", "\u017f")} {
				if got, want := catalog.EqualFold(a, b), strings.EqualFold(a, b); got != want {
					t.Errorf("EqualFold(%q, %q) = %v, want %v", a, b, got, want)
				}
			}
		}
	}
}

// TestCatalogIsASCII checks what the classifier's case folding assumes:
// the codes, aliases, variant matches, SDK names and header names of the
// catalog are ASCII. (Folding the case of ASCII is then exactly what
// strings.EqualFold and strings.ToLower do.)
func TestCatalogIsASCII(t *testing.T) {
	check := func(what string, list ...string) {
		for _, s := range list {
			for i := 0; i < len(s); i++ {
				if s[i] >= utf8.RuneSelf {
					t.Errorf("%s %q is not ASCII", what, s)
					break
				}
			}
		}
	}
	for _, p := range catalog.Default.Providers {
		check(p.ID+" header", p.Auth.Header)
		check(p.ID+" header", p.RateLimit.ResetHeaders...)
		check(p.ID+" header", p.Envelope.CodeHeaders...)
		check(p.ID+" header", p.Envelope.RequestIDHeaders...)
		check(p.ID+" header", p.Auth.AltHeaders...)
		check(p.ID+" header", p.Detect.Headers...)
		check(p.ID+" header", p.RateLimit.Headers...)
		check(p.ID+" SDK name", p.Detect.SDK...)
		for _, c := range p.Codes {
			check(p.ID+" code", c.Code)
			check(p.ID+" alias", c.Aliases...)
			for _, v := range c.Variants {
				check(p.ID+" variant match", v.Match...)
			}
		}
	}
}

// TestSecretFieldName keeps the one-pass secretFieldName equal to its
// definition.
func TestSecretFieldName(t *testing.T) {
	def := func(name string) bool {
		if name == "key" || strings.HasSuffix(name, "_key") || strings.HasSuffix(name, "-key") || strings.HasSuffix(name, "apikey") {
			return true
		}
		for _, w := range []string{"token", "secret", "password", "passwd", "api_key", "api-key", "credential", "access_key", "private_key"} {
			if strings.Contains(name, w) {
				return true
			}
		}
		return false
	}
	names := []string{"", "key", "_key", "my_key", "my-key", "apikey", "xapikey", "keyboard", "monkey", "credits", "credential",
		"x_access_key_id", "private_keys", "pass", "passwd", "password1", "tok", "tokens", "secretive", "api-key2", "ap", "a", "t", "s", "p", "c"}
	for _, n := range names {
		if got, want := secretFieldName(n), def(n); got != want {
			t.Errorf("secretFieldName(%q) = %v, want %v", n, got, want)
		}
		if got, want := secretWord(n) || !def(n), true; got != want {
			t.Errorf("secretWord(%q) is false for a secret field's name", n)
		}
	}
}
