package classify_test

import (
	"testing"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// TestSlugIsLowerCode checks that the URL slug of every code is its code
// lower-cased, which the classifier computes instead of carrying the slugs
// in the generated catalog.
func TestSlugIsLowerCode(t *testing.T) {
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	for _, p := range cat.Providers {
		for _, c := range p.Codes {
			if c.Slug != textx.Lower(c.Code) {
				t.Errorf("%s: slug %q is not %q lower-cased", p.ID, c.Slug, c.Code)
			}
		}
	}
}
