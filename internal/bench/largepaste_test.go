package bench

import (
	"strings"
	"testing"

	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

// TestLargeCases checks that the large pastes are what the report says:
// their size, one line or many, and the category the classifier finds in
// them (RunLargePastes fails when the panel says otherwise).
func TestLargeCases(t *testing.T) {
	for _, c := range largeCases() {
		if len(c.paste) < PasteSize || len(c.paste) > PasteSize+1000 {
			t.Errorf("%s: %d bytes, want about %d", c.name, len(c.paste), PasteSize)
		}
		lines := lineCount(c.paste)
		if strings.Contains(c.name, "one_line") != (lines == 1) || (lines != 1 && lines < 10_000) {
			t.Errorf("%s: %d lines", c.name, lines)
		}
		if testing.Short() {
			continue
		}
		if d := classify.New(catalog.Default).Diagnose(c.paste, classify.Options{}); d.Category != c.category {
			t.Errorf("%s: the classifier says %q, want %q", c.name, d.Category, c.category)
		}
	}
	for s, want := range map[string]int{"": 1, "a": 1, "a\n": 1, "a\nb": 2, "a\nb\n": 2} {
		if got := lineCount(s); got != want {
			t.Errorf("lineCount(%q) = %d, want %d", s, got, want)
		}
	}
}
