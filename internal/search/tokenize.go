package search

import (
	"strings"
	"unicode"
)

// Tokenize splits s into lower-case tokens: runs of letters and digits,
// further split where the case changes inside a run. See the package doc.
// site/ts/tokenize.ts must stay a mirror of this function.
func Tokenize(s string) []string {
	var toks []string
	var word []rune
	flush := func() {
		toks = append(toks, splitCase(word)...)
		word = word[:0]
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word = append(word, r)
			continue
		}
		if len(word) > 0 {
			flush()
		}
	}
	if len(word) > 0 {
		flush()
	}
	return toks
}

// splitCase splits one run at case changes: before an upper-case letter that
// follows a lower-case letter or a digit ("rateLimit", "v2Beta"), and before
// the last upper-case letter of a run of them when a lower-case letter
// follows ("HTTPError").
func splitCase(w []rune) []string {
	var out []string
	start := 0
	for i := 1; i < len(w); i++ {
		prev, cur := w[i-1], w[i]
		boundary := unicode.IsUpper(cur) && (unicode.IsLower(prev) || unicode.IsDigit(prev))
		if !boundary && unicode.IsUpper(prev) && unicode.IsUpper(cur) && i+1 < len(w) && unicode.IsLower(w[i+1]) {
			boundary = true
		}
		if boundary {
			out = append(out, strings.ToLower(string(w[start:i])))
			start = i
		}
	}
	return append(out, strings.ToLower(string(w[start:])))
}

// words returns the runs of letters and digits of s, lower-cased but not
// split at case changes ("ClawHosters" → "clawhosters"). The index holds
// these next to the tokens, so that a query typed as one word finds a
// CamelCase name; queries never need them.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Norm returns the tokens of s joined by single spaces: the form in which
// identifiers are compared ("JOB_NOT_FOUND" and "job not found" are both
// "job not found").
func Norm(s string) string { return strings.Join(Tokenize(s), " ") }
