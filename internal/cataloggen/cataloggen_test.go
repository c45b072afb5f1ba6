package cataloggen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/internal/cataloggen"
	"github.com/errdex/errdex/wasm/catalog"
)

const root = "../.."

// TestGeneratedFilesAreFresh fails when content/ changed but the generated
// catalog, its prose or the URL manifest was not regenerated.
func TestGeneratedFilesAreFresh(t *testing.T) {
	cat, problems := content.Load(os.DirFS(filepath.Join(root, "content")))
	if len(problems) > 0 {
		t.Fatalf("content has problems (run go run ./cmd/sitegen check): %v", problems[0])
	}
	src, prose, err := cataloggen.GoSources(cat)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][]byte{cataloggen.DataFile: src, cataloggen.ProseFile: prose, cataloggen.ManifestPath: cataloggen.Manifest(cat)} {
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
	if len(catalog.Providers) != len(cat.Providers) {
		t.Fatalf("catalog has %d providers, content %d: run make gen", len(catalog.Providers), len(cat.Providers))
	}
	for i, p := range cat.Providers {
		cp := catalog.Providers[i]
		if cp.ID != p.ID || len(cp.Codes) != len(p.Codes) {
			t.Errorf("provider %d: catalog %s/%d codes, content %s/%d codes: run make gen", i, cp.ID, len(cp.Codes), p.ID, len(p.Codes))
		}
	}
	if _, ok := catalog.CategoryByName("quota"); !ok {
		t.Error("category quota missing from the compiled catalog")
	}
}

// TestCompiledProseIsTheContents checks that the catalog a native build
// sees, data_gen.go with the prose of prose_gen.go loaded into it, is the
// content's, field for field: the split into two files and the text format
// lose nothing. The playground loads the same text (the site publishes
// catalog.Prose), so it sees the same catalog.
func TestCompiledProseIsTheContents(t *testing.T) {
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	ps, cs, err := cataloggen.Slim(cat)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ps, catalog.Providers) || !reflect.DeepEqual(cs, catalog.Categories) {
		for i := range min(len(ps), len(catalog.Providers)) {
			if !reflect.DeepEqual(ps[i], catalog.Providers[i]) {
				t.Errorf("provider %s: the compiled catalog differs from the content: run make gen", ps[i].ID)
			}
		}
		t.Fatal("the compiled catalog (data_gen.go with prose_gen.go loaded) is not the content's: run make gen")
	}
	text, bad, ok := catalog.SplitProse(ps, cs)
	if !ok {
		t.Fatalf("unwritable prose %q", bad)
	}
	if text != catalog.Prose {
		t.Error("catalog.Prose is not the content's prose: run make gen")
	}
	for _, c := range ps[0].Codes {
		if c.Title != "" || c.Meaning != "" || c.Fix != nil {
			t.Fatalf("SplitProse left the prose of %s in place", c.Code)
		}
	}
}

// TestProseRefusesControlSeparators checks that a text holding a separator
// of the prose format, or an empty fix step, cannot be generated.
func TestProseRefusesControlSeparators(t *testing.T) {
	for _, poison := range []func(*catalog.Code){
		func(c *catalog.Code) { c.Title = "a\x1eb" },
		func(c *catalog.Code) { c.Meaning = "a\x1fb" },
		func(c *catalog.Code) { c.Fix = []string{"step", ""} },
	} {
		ps := []catalog.Provider{{ID: "x", Codes: []catalog.Code{{Code: "1", Title: "t", Meaning: "m", Fix: []string{"f"}}}}}
		poison(&ps[0].Codes[0])
		if _, _, ok := catalog.SplitProse(ps, nil); ok {
			t.Errorf("SplitProse accepted %+v", ps[0].Codes[0])
		}
	}
}
