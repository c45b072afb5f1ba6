package bench

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestRunSiteBuild times one build of the real content and of a small
// synthetic catalog, with the output directory given relative to the
// working directory as `make bench` gives it (sitegen reads -out relative
// to its -root, so the bench must pass absolute paths).
func TestRunSiteBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: make test runs it")
	}
	// A relative directory below the working directory, like build/bench.
	out, err := os.MkdirTemp(".", "bench-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(out) })
	// sitegen only checks the magic number; the pages are what is timed.
	wasm := filepath.Join(out, "errdex.wasm")
	if err := os.WriteFile(wasm, []byte("\x00asm\x01\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := &Env{Root: "../..", Out: out}
	res, err := RunSiteBuild(context.Background(), env, wasm, 1, 2, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 {
		t.Fatalf("%d builds, want the real and the synthetic catalog", len(res))
	}
	real, synth := res[0], res[1]
	if real.Providers < 5 || real.Codes < 88 || real.Pages <= real.Codes || real.Highlighted == 0 {
		t.Errorf("real content: %+v", real)
	}
	// home, 2 providers, 10 codes, 15 categories, the matrix, play, 404
	if synth.Providers != 2 || synth.Codes != 10 || synth.Pages < 10+2+15 || synth.Highlighted != 10 {
		t.Errorf("synthetic 2×5: %+v", synth)
	}
	for _, b := range res {
		if len(b.WallMS) != 1 || b.MedianMS <= 0 || b.MSPerPage <= 0 || b.PagesPerSec <= 0 {
			t.Errorf("%s: timings %+v", b.Name, b)
		}
		if _, err := os.Stat(filepath.Join(out, "site-"+map[string]string{"real content": "real"}[b.Name], "index.html")); b.Name == "real content" && err != nil {
			t.Errorf("the real site is not in the output directory: %v", err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "site-synthetic", "synth01", "e001", "index.html")); err != nil {
		t.Errorf("the synthetic site is not where the bench reads it: %v", err)
	}
}
