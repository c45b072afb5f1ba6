package bench

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/internal/chromium"
	"github.com/errdex/errdex/internal/site"
	"github.com/errdex/errdex/internal/siteurl"
	"github.com/errdex/errdex/internal/wasmbin"
)

// TestBrowserMeasures runs make bench's browser measurements once against
// the real site in Chromium, so a change to the pages (an id, the engine's
// data-engine attribute, the search box) cannot silently break them. It
// checks that each figure measures what it claims: the playground's .wasm
// (which its worker loads) arrives gzipped at its gzip -9 size, the first
// search fetches the index, the first diagnosis is timed, and both 5 MiB
// pastes are diagnosed, the one-line one with a shortened value to show.
func TestBrowserMeasures(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: make test runs it")
	}
	path := chromium.Find()
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true and no Chromium (chromium, chromium-browser, google-chrome or CHROME_PATH); install it (apt-get install chromium)")
		}
		t.Skip("no Chromium")
	}
	ctx := context.Background()
	tmp := t.TempDir()
	wasmFile := filepath.Join(tmp, "errdex.wasm")
	if err := wasmbin.Build(ctx, "go", "../..", wasmFile); err != nil {
		t.Fatal(err)
	}
	bin, err := os.ReadFile(wasmFile)
	if err != nil {
		t.Fatal(err)
	}
	execJS, err := wasmbin.ExecJS(ctx, "go")
	if err != nil {
		t.Fatal(err)
	}
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	urls, err := siteurl.New(Base, "https://errdex.github.io")
	if err != nil {
		t.Fatal(err)
	}
	out, err := site.Build(cat, site.Options{URLs: urls, SiteDir: "../../site", Engine: site.Engine{Wasm: bin, WasmExec: execJS}})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "site")
	if err := out.Write(dir); err != nil {
		t.Fatal(err)
	}
	srv, err := Serve(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	browser, stop, err := chromium.Start(ctx, path, filepath.Join(tmp, "profile"))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()

	pages, err := RunPageWeights(browser, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 3 {
		t.Fatalf("weighed %d pages, want home, code and playground: %+v", len(pages), pages)
	}
	gz := Weigh(bin).Gzip
	for _, p := range pages {
		if p.Transfer <= 0 || p.Requests < 2 || p.WithoutWasm != p.Transfer-p.WasmBytes {
			t.Errorf("%s: %+v", p.Type, p)
		}
		switch p.Type {
		case "playground":
			// the .wasm's gzip body plus its response headers
			if p.WasmBytes < int64(gz) || p.WasmBytes > int64(gz)+2000 {
				t.Errorf("the playground's .wasm transferred %d B; gzip -9 of it is %d B", p.WasmBytes, gz)
			}
		default:
			if p.WasmBytes != 0 || p.Transfer > 100_000 {
				t.Errorf("%s: %+v (no .wasm, and well under 100 KB)", p.Type, p)
			}
		}
	}

	s, err := RunFirstSearch(browser, srv.URL, "429")
	if err != nil {
		t.Fatal(err)
	}
	index, err := searchIndexFile(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.FirstURLs) == 0 || !strings.HasSuffix(s.FirstURLs[0], "/assets/"+filepath.Base(index)) {
		t.Errorf("the first search fetched %v, want the index %s", s.FirstURLs, filepath.Base(index))
	}
	data, _ := os.ReadFile(index)
	if w := Weigh(data); s.FirstBytes < int64(w.Gzip) {
		t.Errorf("the first search fetched %d B, less than the index's %d B gzip", s.FirstBytes, w.Gzip)
	}

	fd, err := RunFirstDiagnosis(browser, srv.URL, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(fd.RunsMS) != 1 || fd.MedianMS <= 0 {
		t.Errorf("first diagnosis: %+v", fd)
	}

	lps, err := RunLargePastes(browser, srv.URL, 2*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	for _, lp := range lps {
		if lp.TimedOut || lp.MS <= 0 || lp.Category != LargePasteCategory || (lp.Lines == 1) != (lp.RevealMS > 0) {
			t.Errorf("large paste: %+v", lp)
		}
	}
}
