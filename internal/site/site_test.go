package site

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/content/model"
	"github.com/errdex/errdex/internal/catalogjson"
	"github.com/errdex/errdex/internal/siteurl"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const siteDir = "../../site"

var urls = siteurl.MustNew("/errdex/", "https://errdex.github.io")

// testEngine stands in for the playground binary: the page tests need its
// asset names, not a classifier (internal/browsertest runs the real one).
var testEngine = Engine{Wasm: []byte("\x00asm\x01\x00\x00\x00"), WasmExec: []byte("// wasm_exec.js stand-in\n")}

// real is the site built from the repository's content, once per test binary.
var (
	realCat *content.Catalog
	real    *Output
)

func TestMain(m *testing.M) {
	flag.Parse()
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		fmt.Fprintf(os.Stderr, "content has %d problems, e.g. %s\n", len(problems), problems[0])
		os.Exit(1)
	}
	out, err := Build(cat, Options{Engine: testEngine, URLs: urls, SiteDir: siteDir})
	if err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
	realCat, real = cat, out
	os.Exit(m.Run())
}

// fixture loads a content tree from a txtar file, adding a minimal file for
// every canonical category the archive does not define.
func fixture(t *testing.T, archive []byte) *content.Catalog {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse(archive).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	for i, name := range content.CanonicalCategories {
		file := "categories/" + name + ".md"
		if _, ok := fsys[file]; ok {
			continue
		}
		fsys[file] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\nname: %s\ntitle: Title of %s\nsummary: Summary of %s.\nretryable: \"no\"\nadvice: Advice for %s.\norder: %d\n---\nBody of %s.\n",
			name, name, name, name, i+1, name)}
	}
	cat, problems := content.Load(fsys)
	if len(problems) > 0 {
		t.Fatalf("fixture content has problems: %v", problems)
	}
	return cat
}

func buildFixture(t *testing.T, archive []byte, u siteurl.URLs) *Output {
	t.Helper()
	out, err := Build(fixture(t, archive), Options{Engine: testEngine, URLs: u, SiteDir: siteDir})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestGolden compares representative pages of a small site with
// testdata/golden. Run `go test ./internal/site -run Golden -update` to
// rewrite them, and read the diff before committing.
func TestGolden(t *testing.T) {
	out := buildFixture(t, readFile(t, "testdata/site.txtar"), urls)
	hash := regexp.MustCompile(`-[A-Z2-7]{8}\.(js|css|json|txt)`)
	for golden, page := range map[string]string{
		"home.html":     "index.html",
		"provider.html": "acme/index.html",
		"code.html":     "acme/rate_limited/index.html",
		"stream.html":   "beta/stream_error/index.html",
		"category.html": "categories/rate_limit/index.html",
		"matrix.html":   "categories/index.html",
		"play.html":     "play/index.html",
		"clients.html":  "clients/index.html",
		"client.html":   "clients/sdk-a/index.html",
	} {
		got := hash.ReplaceAll(out.Files[page], []byte("-HASH.$1"))
		file := filepath.Join("testdata", "golden", golden)
		if *update {
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want := readFile(t, file)
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; run go test -run Golden -update and read the diff\n%s", page, file, firstDiff(want, got))
		}
	}
}

func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n want: %s\n  got: %s", i+1, w, g)
		}
	}
	return ""
}

func TestDeterministic(t *testing.T) {
	again, err := Build(realCat, Options{Engine: testEngine, URLs: urls, SiteDir: siteDir, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(real.Paths(), again.Paths()) {
		t.Fatalf("file lists differ:\n%v\n%v", real.Paths(), again.Paths())
	}
	for p, data := range real.Files {
		if !bytes.Equal(data, again.Files[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
	// And on disk.
	a, b := t.TempDir(), t.TempDir()
	if err := real.Write(a); err != nil {
		t.Fatal(err)
	}
	if err := again.Write(b); err != nil {
		t.Fatal(err)
	}
	for _, p := range real.Paths() {
		if !bytes.Equal(readFile(t, filepath.Join(a, p)), readFile(t, filepath.Join(b, p))) {
			t.Errorf("%s differs on disk", p)
		}
	}
}

func TestPages(t *testing.T) {
	want := []string{"", "categories/", "play/", "404.html", "clients/"}
	for _, c := range realCat.Clients {
		want = append(want, model.ClientPath(c.ID))
	}
	for _, p := range realCat.Providers {
		want = append(want, model.ProviderPath(p.ID))
		for _, e := range p.Entries {
			want = append(want, model.Path(p.ID, e.Slug))
		}
	}
	for _, c := range realCat.Categories {
		want = append(want, model.CategoryPath(c.Name))
	}
	slices.Sort(want)
	if !slices.Equal(real.Pages, want) {
		t.Errorf("pages:\n got %v\nwant %v", real.Pages, want)
	}
	for _, p := range realCat.Manifest {
		if _, ok := real.Files[FileFor(p)]; !ok {
			t.Errorf("manifest entry %s has no page", p)
		}
	}
	for _, f := range []string{"sitemap.xml", "robots.txt", "catalog.json", "404.html", real.SearchIndex, real.Examples} {
		if _, ok := real.Files[f]; !ok {
			t.Errorf("missing %s", f)
		}
	}
}

func TestManifestAssertion(t *testing.T) {
	cat := fixture(t, readFile(t, "testdata/site.txtar"))
	cat.Manifest = append(cat.Manifest, "acme/gone_code/")
	_, err := Build(cat, Options{Engine: testEngine, URLs: urls, SiteDir: siteDir})
	if err == nil || !strings.Contains(err.Error(), "/acme/gone_code/") {
		t.Fatalf("Build with a manifest entry that has no page: err = %v", err)
	}
}

func TestLinks(t *testing.T) {
	if problems := CheckLinks(real.Files, urls, real.Examples); len(problems) > 0 {
		t.Errorf("broken links:\n%s", strings.Join(problems, "\n"))
	}
	// Both base paths, on the small site.
	for _, base := range []string{"/", "/a/b/"} {
		u := siteurl.MustNew(base, "https://example.com")
		out := buildFixture(t, readFile(t, "testdata/site.txtar"), u)
		if problems := CheckLinks(out.Files, u, out.Examples); len(problems) > 0 {
			t.Errorf("base %s: broken links:\n%s", base, strings.Join(problems, "\n"))
		}
		for p, data := range out.Files {
			if strings.HasSuffix(p, ".html") && bytes.Contains(data, []byte(`href="/errdex/`)) {
				t.Errorf("base %s: %s links under /errdex/", base, p)
			}
		}
	}
	// The checker itself catches what it should.
	files := map[string][]byte{}
	for p, d := range real.Files {
		files[p] = d
	}
	files["broken.html"] = []byte(`<a href="/errdex/nope/">x</a> <a href="#missing">y</a> <a href="/elsewhere/">z</a>
<a href="/errdex/clore/5/#no-such-id">w</a> <a href="/errdex/play/#example=clore/5/99">v</a> <img src="assets/nope.png">`)
	got := CheckLinks(files, urls, real.Examples)
	if len(got) != 6 {
		t.Errorf("CheckLinks found %d problems in broken.html, want 6:\n%s", len(got), strings.Join(got, "\n"))
	}
}

// TestPageRules checks every page for the rules a strict CSP and the
// reference's promises depend on.
func TestPageRules(t *testing.T) {
	scriptRE := regexp.MustCompile(`(?is)<script\b[^>]*>.*?</script>`)
	ownScript := regexp.MustCompile(`^<script src="/errdex/assets/[a-z]+-[A-Z2-7]{8}\.js" defer></script>$`)
	for _, p := range real.Pages {
		file := FileFor(p)
		page := string(real.Files[file])
		csp := cspPage
		if p == playPath {
			csp = cspPlay
		}
		if !strings.Contains(page, `<meta http-equiv="Content-Security-Policy" content="`+html.EscapeString(csp)+`">`) {
			t.Errorf("%s: missing or wrong CSP meta", file)
		}
		for _, s := range scriptRE.FindAllString(page, -1) {
			if !ownScript.MatchString(s) {
				t.Errorf("%s: inline or foreign script %q", file, s)
			}
		}
		for _, bad := range []string{" style=", "<style", "javascript:", "&amp;lt;", "&amp;gt;", "&amp;amp;", "&amp;quot;", "&amp;#"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s contains %q", file, bad)
			}
		}
		for _, want := range []string{`<header class="site-header">`, `<nav class="site-nav" aria-label="Site">`, `<main id="main"`, `<footer class="site-footer">`, `<a class="skip-link" href="#main">`, "<title>", `<meta name="description" content="`, "<h1"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: missing %s", file, want)
			}
		}
		seen := map[string]bool{}
		for _, id := range attrValues(real.Files[file], "id") {
			if seen[id] {
				t.Errorf("%s: duplicate id %q", file, id)
			}
			seen[id] = true
		}
		if p != notFoundPath && !strings.Contains(page, `<link rel="canonical" href="`+urls.Abs(p)+`">`) {
			t.Errorf("%s: missing canonical link", file)
		}
	}
}

func TestCodePageMeta(t *testing.T) {
	page := string(real.Files["clore/not_enough_balance/index.html"])
	for _, want := range []string{
		`<meta property="og:title" content="Clore.ai not_enough_balance: `,
		`<link rel="canonical" href="https://errdex.github.io/errdex/clore/not_enough_balance/">`,
		`data-copy="https://errdex.github.io/errdex/clore/not_enough_balance/"`,
		`href="/errdex/play/#example=clore/not_enough_balance/0"`,
		`href="/errdex/categories/payment/"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("clore/not_enough_balance: missing %s", want)
		}
	}
	desc := regexp.MustCompile(`<meta property="og:description" content="([^"]*)">`).FindStringSubmatch(page)
	if desc == nil || !strings.HasSuffix(html.UnescapeString(desc[1]), ".") || strings.Count(desc[1], ". ") > 0 {
		t.Errorf("og:description should be one sentence: %q", desc)
	}
}

func TestCatalogJSON(t *testing.T) {
	var c struct {
		Version   int
		Providers []struct {
			ID    string
			Codes []struct {
				Code, Slug, Path, URL, Signal string
				Retry                         struct{ Retryable string }
				Examples                      []any
			}
		}
		Categories []any
	}
	if err := json.Unmarshal(real.Files[catalogjson.File], &c); err != nil {
		t.Fatal(err)
	}
	if c.Version != 1 || len(c.Providers) != len(realCat.Providers) || len(c.Categories) != len(content.CanonicalCategories) {
		t.Fatalf("version %d, %d providers, %d categories", c.Version, len(c.Providers), len(c.Categories))
	}
	n := 0
	for _, p := range c.Providers {
		for _, code := range p.Codes {
			n++
			if code.Path != model.Path(p.ID, code.Slug) || code.URL != urls.Abs(code.Path) {
				t.Errorf("%s/%s: path %q url %q", p.ID, code.Code, code.Path, code.URL)
			}
			if _, ok := real.Files[FileFor(code.Path)]; !ok {
				t.Errorf("%s: no page", code.Path)
			}
			if len(code.Examples) == 0 || code.Retry.Retryable == "" || code.Signal == "" {
				t.Errorf("%s: incomplete entry", code.Path)
			}
		}
	}
	if n != len(realCat.CodePaths()) {
		t.Errorf("catalog.json has %d codes, content %d", n, len(realCat.CodePaths()))
	}
	if regexp.MustCompile(`(?m)^\s*"[a-z_]+": null`).Match(real.Files["catalog.json"]) {
		t.Error("catalog.json has a null; lists must be []")
	}
}

func TestSitemap(t *testing.T) {
	sm := string(real.Files["sitemap.xml"])
	locs := regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(sm, -1)
	if len(locs) != len(real.Pages)-1 {
		t.Errorf("sitemap has %d URLs, want %d (every page but 404)", len(locs), len(real.Pages)-1)
	}
	for _, l := range locs {
		if !strings.HasPrefix(l[1], "https://errdex.github.io/errdex/") {
			t.Errorf("sitemap URL %s is not absolute under the site", l[1])
		}
	}
	if !strings.Contains(string(real.Files["robots.txt"]), "Sitemap: https://errdex.github.io/errdex/sitemap.xml") {
		t.Error("robots.txt lacks the sitemap")
	}
}

func TestExamples(t *testing.T) {
	var ex map[string]string
	if err := json.Unmarshal(real.Files[real.Examples], &ex); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, p := range realCat.Providers {
		for _, e := range p.Entries {
			want += len(e.Examples)
			for i, x := range e.Examples {
				text := ex[ExampleKey(p.ID, e.Slug, i)]
				if x.Stream && !strings.Contains(text, "data: {") {
					t.Errorf("%s/%s/%d: stream example not shown as data: %q", p.ID, e.Slug, i, text)
				}
				if x.Status != 0 && !strings.HasPrefix(text, "HTTP/1.1 ") {
					t.Errorf("%s/%s/%d: no status line: %q", p.ID, e.Slug, i, text)
				}
			}
		}
	}
	if len(ex) != want {
		t.Errorf("%d examples, want %d", len(ex), want)
	}
}

func TestWriteRefusesForeignDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "precious.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := real.Write(dir); err == nil {
		t.Fatal("Write replaced a directory it did not create")
	}
	out := filepath.Join(t.TempDir(), "site")
	if err := real.Write(out); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "stale.html"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := real.Write(out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); err == nil {
		t.Error("a stale file survived a rebuild")
	}
}
