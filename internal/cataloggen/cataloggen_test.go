package cataloggen_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/internal/cataloggen"
	"github.com/errdex/errdex/wasm/catalog"
)

const root = "../.."

// TestGeneratedFilesAreFresh fails when content/ changed but the generated
// catalog text, its decoder or the URL manifest was not regenerated.
func TestGeneratedFilesAreFresh(t *testing.T) {
	cat, problems := content.Load(os.DirFS(filepath.Join(root, "content")))
	if len(problems) > 0 {
		t.Fatalf("content has problems (run go run ./cmd/sitegen check): %v", problems[0])
	}
	src, dec, err := cataloggen.GoSources(cat)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][]byte{cataloggen.DataFile: src, cataloggen.DecoderFile: dec, cataloggen.ManifestPath: cataloggen.Manifest(cat)} {
		got, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run make gen", name)
		}
	}
}

// TestCompiledCatalogMatchesContent checks the compiled-in catalog against the
// loaded content, so a stale build of package catalog is caught too.
func TestCompiledCatalogMatchesContent(t *testing.T) {
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	if len(catalog.Default.Providers) != len(cat.Providers) {
		t.Fatalf("catalog has %d providers, content %d: run make gen", len(catalog.Default.Providers), len(cat.Providers))
	}
	for i, p := range cat.Providers {
		cp := catalog.Default.Providers[i]
		if cp.ID != p.ID || len(cp.Codes) != len(p.Codes) {
			t.Errorf("provider %d: catalog %s/%d codes, content %s/%d codes: run make gen", i, cp.ID, len(cp.Codes), p.ID, len(p.Codes))
		}
	}
	if _, ok := catalog.CategoryByName("quota"); !ok {
		t.Error("category quota missing from the compiled catalog")
	}
}

// TestCompiledTextIsTheContents checks that the catalog a native build
// sees, data_gen.go's text decoded by decode_gen.go, is the content's,
// field for field: the text format loses nothing. The playground installs
// the same text (the site publishes catalog.Text), so it sees the same
// catalog.
func TestCompiledTextIsTheContents(t *testing.T) {
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	c, err := cataloggen.SlimCatalog(cat)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, catalog.Default) {
		for i := range min(len(c.Providers), len(catalog.Default.Providers)) {
			if !reflect.DeepEqual(c.Providers[i], catalog.Default.Providers[i]) {
				t.Errorf("provider %s: the compiled catalog differs from the content: run make gen", c.Providers[i].ID)
			}
		}
		t.Fatal("the compiled catalog (data_gen.go decoded) is not the content's: run make gen")
	}
	text, err := cataloggen.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	if text != catalog.Text {
		t.Error("catalog.Text is not the content's: run make gen")
	}
}

// TestTextRoundTrips encodes a hand-made catalog that uses every kind of
// field (empty and nil lists, a nil and a set pointer, negative and
// fractional numbers, empty strings) and installs it through the generated
// decoder's types: what comes back is what went in.
func TestTextRoundTrips(t *testing.T) {
	in := &catalog.Catalog{
		Providers: []catalog.Provider{{
			ID: "x", Name: "", Envelope: catalog.Envelope{Code: []string{"a", ""}, Indirect: &catalog.Indirect{When: "w", Field: "f"}},
			Codes: []catalog.Code{{Code: "c", Statuses: []int{429, -1}, Retry: catalog.Retry{Retryable: catalog.RetryNo, WaitSeconds: 0.25}}, {Code: "d", Retry: catalog.Retry{WaitSeconds: 1e6}}},
		}, {ID: "y"}},
		Categories: []catalog.Category{{Name: "n", Retryable: catalog.RetryYes}},
	}
	text, err := cataloggen.Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	if !catalog.Decodes(text, func(out *catalog.Catalog) {
		if !reflect.DeepEqual(out, in) {
			t.Errorf("round trip:\n got %+v\nwant %+v", out, in)
		}
	}) {
		t.Fatalf("the decoder refused the text %q", text)
	}
}

// TestTextRefusesTheSeparator checks that a text holding the format's
// separator cannot be generated.
func TestTextRefusesTheSeparator(t *testing.T) {
	for _, poison := range []func(*catalog.Code){
		func(c *catalog.Code) { c.Title = "a\x1eb" },
		func(c *catalog.Code) { c.Fix = []string{"step", "x\x1e"} },
	} {
		c := &catalog.Catalog{Providers: []catalog.Provider{{ID: "x", Codes: []catalog.Code{{Code: "1"}}}}}
		poison(&c.Providers[0].Codes[0])
		if _, err := cataloggen.Encode(c); err == nil {
			t.Errorf("Encode accepted %+v", c.Providers[0].Codes[0])
		}
	}
}

// TestManifestNeverShrinks reads content/urls.txt as every commit of the
// repository's history left it (git log) and fails when a URL that was
// ever published is missing now: support tickets link to them. The
// freshness test above only catches a live code missing from the file;
// this catches a code page and its line deleted together. It needs git
// and the history: without them it skips, except in CI (CI=true), where
// it fails.
func TestManifestNeverShrinks(t *testing.T) {
	out, err := exec.Command("git", "-C", root, "log", "--format=", "-p", "--", cataloggen.ManifestPath).Output()
	if err != nil || len(out) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no history of %s (git log: %v): CI needs a clone with its history", cataloggen.ManifestPath, err)
		}
		t.Skipf("no git history of %s here (%v)", cataloggen.ManifestPath, err)
	}
	now, err := os.ReadFile(filepath.Join(root, cataloggen.ManifestPath))
	if err != nil {
		t.Fatal(err)
	}
	current := map[string]bool{}
	for _, l := range strings.Split(string(now), "\n") {
		current[l] = true
	}
	ever := 0
	for _, l := range strings.Split(string(out), "\n") {
		if !strings.HasPrefix(l, "+") || strings.HasPrefix(l, "+++") || strings.HasPrefix(l, "+#") || len(l) < 2 {
			continue
		}
		ever++
		if u := l[1:]; !current[u] {
			t.Errorf("%s was published (it is in an earlier %s) and is gone: a URL may be added, never removed", u, cataloggen.ManifestPath)
		}
	}
	if ever < 100 {
		t.Errorf("only %d URLs in the history of %s: the check reads the wrong thing", ever, cataloggen.ManifestPath)
	}
}
