package browsertest

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/evanw/esbuild/pkg/api"

	"github.com/errdex/errdex/internal/search"
)

// TestTokenizerMirror runs site/ts/tokenize.ts in the browser on the cases
// that internal/search tests its Go tokenizer with, and checks that both give
// the same tokens: the index is built by one and queried through the other.
func TestTokenizerMirror(t *testing.T) {
	tb := newTab(t)
	res := api.Build(api.BuildOptions{
		EntryPoints: []string{"../../site/ts/tokenize.ts"},
		Bundle:      true,
		Format:      api.FormatIIFE,
		GlobalName:  "errdexTokenize",
		Target:      api.ES2020,
		Write:       false,
		LogLevel:    api.LogLevelSilent,
	})
	if len(res.Errors) > 0 || len(res.OutputFiles) != 1 {
		t.Fatalf("bundling tokenize.ts: %v", res.Errors)
	}
	data, err := os.ReadFile("../search/testdata/tokenize.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		In   string   `json:"in"`
		Want []string `json:"want"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	tb.do(chromedp.Navigate("about:blank"))
	got := eval[[][]string](tb, string(res.OutputFiles[0].Contents)+
		";("+string(data)+").map(c => errdexTokenize.tokenize(c.in))")
	if len(got) != len(cases) {
		t.Fatalf("got %d results for %d cases", len(got), len(cases))
	}
	for i, c := range cases {
		goToks := search.Tokenize(c.In)
		if len(goToks) == 0 && len(got[i]) == 0 {
			continue
		}
		if !slices.Equal(got[i], goToks) {
			t.Errorf("tokenize(%q): TypeScript %q, Go %q", c.In, got[i], goToks)
		}
		if !slices.Equal(got[i], c.Want) && len(c.Want) > 0 {
			t.Errorf("tokenize(%q): TypeScript %q, want %q", c.In, got[i], c.Want)
		}
	}
	norm := eval[string](tb, `errdexTokenize.norm("JOB_NOT_FOUND")`)
	if norm != search.Norm("JOB_NOT_FOUND") {
		t.Errorf("norm: TypeScript %q, Go %q", norm, search.Norm("JOB_NOT_FOUND"))
	}
}
