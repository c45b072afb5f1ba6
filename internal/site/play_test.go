package site

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/errdex/errdex/content/model"
	"github.com/errdex/errdex/wasm/catalog"
)

// TestPlayPage checks what the playground needs from the build: its engine,
// the catalog (the text the binary is built without) and the worker
// that runs it as hashed assets named by the page, a gallery entry for every example,
// and the #error-format anchor on every provider page, which the
// playground's field-by-field breakdown links to.
func TestPlayPage(t *testing.T) {
	page := real.Files["play/index.html"]
	for _, name := range []string{"errdex.wasm", "wasm_exec.js", "catalog.txt"} {
		p, ok := real.Assets[name]
		if !ok {
			t.Fatalf("no %s asset", name)
		}
		if !bytes.Equal(real.Files[p], map[string][]byte{"errdex.wasm": testEngine.Wasm, "wasm_exec.js": testEngine.WasmExec, "catalog.txt": []byte(catalog.Text)}[name]) {
			t.Errorf("%s: the asset is not the engine's file", p)
		}
		if !bytes.Contains(page, []byte(`="`+urls.Path(p)+`"`)) {
			t.Errorf("the playground does not name %s", p)
		}
	}
	worker, ok := real.Assets["worker.js"]
	if !ok || !bytes.Contains(page, []byte(`data-worker="`+urls.Path(worker)+`"`)) {
		t.Errorf("the playground does not name its worker (%q)", worker)
	}
	for p, data := range real.Files {
		if strings.HasSuffix(p, ".html") && p != "play/index.html" && (bytes.Contains(data, []byte(".wasm")) || bytes.Contains(data, []byte("/worker-")) || bytes.Contains(data, []byte("/catalog-"))) {
			t.Errorf("%s mentions the playground binary, its catalog or its worker: they must load on the playground only", p)
		}
	}
	var examples map[string]string
	if err := json.Unmarshal(real.Files[real.Examples], &examples); err != nil {
		t.Fatal(err)
	}
	for key := range examples {
		if !bytes.Contains(page, []byte(`href="`+urls.Path("play/")+`#example=`+key+`"`)) {
			t.Errorf("the gallery lacks example %s", key)
		}
	}
	if n := bytes.Count(page, []byte(`#example=`)); n != len(examples) {
		t.Errorf("the gallery has %d links for %d examples", n, len(examples))
	}
	for _, p := range realCat.Providers {
		if !bytes.Contains(real.Files[FileFor(model.ProviderPath(p.ID))], []byte(`id="error-format"`)) {
			t.Errorf("%s has no #error-format", model.ProviderPath(p.ID))
		}
	}
	if _, err := Build(realCat, Options{URLs: urls, SiteDir: siteDir}); err == nil || !strings.Contains(err.Error(), "playground engine") {
		t.Errorf("a build without the engine: %v", err)
	}
}
