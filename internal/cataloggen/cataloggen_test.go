package cataloggen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/internal/cataloggen"
	"github.com/errdex/errdex/wasm/catalog"
)

const root = "../.."

// TestGeneratedFilesAreFresh fails when content/ changed but the generated
// catalog or URL manifest was not regenerated.
func TestGeneratedFilesAreFresh(t *testing.T) {
	cat, problems := content.Load(os.DirFS(filepath.Join(root, "content")))
	if len(problems) > 0 {
		t.Fatalf("content has problems (run go run ./cmd/sitegen check): %v", problems[0])
	}
	src, err := cataloggen.GoSource(cat)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][]byte{cataloggen.DataFile: src, cataloggen.ManifestPath: cataloggen.Manifest(cat)} {
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
