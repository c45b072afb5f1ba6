package bench

import (
	"os"
	"testing"

	"github.com/errdex/errdex/content"
)

// TestSynthesize loads a small synthetic catalog with the real loader: the
// site-build benchmark must measure valid content, not a pile of errors.
func TestSynthesize(t *testing.T) {
	dir := t.TempDir()
	if err := Synthesize(dir, 3, 20); err != nil {
		t.Fatal(err)
	}
	cat, problems := content.Load(os.DirFS(dir))
	for _, p := range problems {
		t.Error(p)
	}
	if cat == nil {
		t.Fatal("no catalog")
	}
	if got := len(cat.Providers); got != 3 {
		t.Errorf("%d providers, want 3", got)
	}
	n := 0
	for _, p := range cat.Providers {
		n += len(p.Codes)
	}
	if n != 60 {
		t.Errorf("%d codes, want 60", n)
	}
	// every real category is used: the synthetic pages cover them all
	used := map[string]bool{}
	for _, p := range cat.Providers {
		for _, c := range p.Codes {
			used[c.Category] = true
		}
	}
	if len(used) != len(cat.Categories) || len(cat.Categories) < 15 {
		t.Errorf("the codes use %d of %d categories", len(used), len(cat.Categories))
	}
	if len(cat.Manifest) != 60 {
		t.Errorf("manifest lists %d URLs, want 60", len(cat.Manifest))
	}
}
