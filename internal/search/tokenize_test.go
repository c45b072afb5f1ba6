package search

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// TokenCase is one case of testdata/tokenize.json, shared with the
// browser test of site/ts/tokenize.ts.
type TokenCase struct {
	In   string   `json:"in"`
	Want []string `json:"want"`
}

func TestTokenize(t *testing.T) {
	data, err := os.ReadFile("testdata/tokenize.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []TokenCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		got := Tokenize(c.In)
		if len(got) == 0 && len(c.Want) == 0 {
			continue
		}
		if !slices.Equal(got, c.Want) {
			t.Errorf("Tokenize(%q) = %q, want %q", c.In, got, c.Want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("NOT_ENOUGH_BALANCE")
	f.Add("HTTPError v2Beta 404NotFound")
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		// Tokenizing is idempotent on its own output.
		if again := Tokenize(Norm(s)); !slices.Equal(again, toks) && len(toks) > 0 {
			// Case splitting happens before lower-casing, so re-tokenizing
			// the lower-cased tokens may only merge nothing and split nothing.
			t.Errorf("Tokenize(Norm(%q)) = %q, want %q", s, again, toks)
		}
		for _, tok := range toks {
			if tok == "" {
				t.Errorf("Tokenize(%q) has an empty token", s)
			}
		}
	})
}
