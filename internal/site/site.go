package site

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/internal/bundle"
	"github.com/errdex/errdex/internal/catalogjson"
	"github.com/errdex/errdex/internal/render"
	"github.com/errdex/errdex/internal/siteurl"
	"github.com/errdex/errdex/wasm/catalog"
)

// Options configure a build.
type Options struct {
	URLs    siteurl.URLs
	SiteDir string // the site/ directory: templates/, ts/, css/
	Workers int    // pages rendered at once; 0 means GOMAXPROCS
	Engine  Engine // the playground's classifier; required
}

// Engine is the playground's classifier: package ./wasm compiled for
// js/wasm, and the wasm_exec.js of the Go release that compiled it (package
// wasmbin makes both). They become hashed assets that only the playground
// loads, with a third: the catalog as one text (catalog.Text, generated
// with the decoder the binary is compiled with), which the binary is built
// without and its worker fetches.
type Engine struct {
	Wasm     []byte
	WasmExec []byte
}

// Output is a built site, in memory.
type Output struct {
	Files       map[string][]byte // site path of every file → contents
	Pages       []string          // site paths of the HTML pages, sorted
	Assets      map[string]string // logical asset name ("main.js") → site path
	SearchIndex string            // site path of the search index
	Examples    string            // site path of the playground's examples
}

// Entry points bundled by esbuild, relative to SiteDir.
var entries = []string{"ts/main.ts", "ts/play.ts", "ts/worker.ts", "css/site.css"}

// Build renders the whole site.
func Build(cat *content.Catalog, opt Options) (*Output, error) {
	b := &builder{
		cat:  cat,
		urls: opt.URLs,
		md:   render.NewMarkdown(opt.URLs),
		hl:   render.NewHighlighter(),
		out:  &Output{Files: map[string][]byte{}},
	}
	b.index()
	if len(opt.Engine.Wasm) == 0 || len(opt.Engine.WasmExec) == 0 {
		return nil, errors.New("no playground engine: Options.Engine needs the js/wasm binary of ./wasm and its wasm_exec.js (see package wasmbin)")
	}
	if err := b.assets(opt.SiteDir, opt.Engine); err != nil {
		return nil, err
	}
	if err := b.data(); err != nil {
		return nil, err
	}
	if err := b.templates(filepath.Join(opt.SiteDir, "templates")); err != nil {
		return nil, err
	}
	if err := b.pages(opt.Workers); err != nil {
		return nil, err
	}
	b.crawlerFiles()
	if err := b.checkManifest(); err != nil {
		return nil, err
	}
	if problems := CheckLinks(b.out.Files, b.urls, b.out.Examples); len(problems) > 0 {
		return nil, fmt.Errorf("broken links in the output:\n  %s", strings.Join(problems, "\n  "))
	}
	return b.out, nil
}

type builder struct {
	cat   *content.Catalog
	urls  siteurl.URLs
	md    *render.Markdown
	hl    *render.Highlighter
	out   *Output
	tmpls map[string]*template.Template
	codes map[string]codeRef // "provider/slug" → code
	mu    sync.Mutex
}

type codeRef struct {
	p *content.Provider
	c *content.Code
}

func (b *builder) index() {
	b.codes = map[string]codeRef{}
	for _, p := range b.cat.Providers {
		for _, e := range p.Entries {
			b.codes[p.ID+"/"+e.Slug] = codeRef{p, e}
		}
	}
}

// add stores a file, refusing two files at one path.
func (b *builder) add(p string, data []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, dup := b.out.Files[p]; dup {
		return fmt.Errorf("two outputs at %s", p)
	}
	b.out.Files[p] = data
	return nil
}

// assets bundles the TypeScript and CSS with the chroma stylesheet.
func (b *builder) assets(siteDir string, engine Engine) error {
	css, err := render.StyleCSS()
	if err != nil {
		return err
	}
	res, err := bundle.Build(bundle.Options{
		Dir:     siteDir,
		Entries: entries,
		Virtual: map[string]string{"errdex:chroma.css": css},
		OutDir:  "assets",
	})
	if err != nil {
		return err
	}
	for _, f := range res.Files {
		if err := b.add(f.Path, f.Contents); err != nil {
			return err
		}
	}
	b.out.Assets = res.Names
	if err := b.static(filepath.Join(siteDir, "static")); err != nil {
		return err
	}
	return b.engine(engine)
}

// engine adds the playground's binary, wasm_exec.js and the catalog's text
// under hashed names.
func (b *builder) engine(opt Engine) error {
	for _, f := range []struct {
		name, stem, ext string
		data            []byte
	}{
		{"errdex.wasm", "assets/errdex", ".wasm", opt.Wasm},
		{"wasm_exec.js", "assets/wasm_exec", ".js", opt.WasmExec},
		{"catalog.txt", "assets/catalog", ".txt", []byte(catalog.Text)},
	} {
		p := hashed(f.stem, f.ext, f.data)
		if err := b.add(p, f.data); err != nil {
			return err
		}
		b.out.Assets[f.name] = p
	}
	return nil
}

// static copies site/static (the favicon) into assets/ under hashed names.
func (b *builder) static(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		ext := filepath.Ext(e.Name())
		p := hashed("assets/"+strings.TrimSuffix(e.Name(), ext), ext, data)
		if err := b.add(p, data); err != nil {
			return err
		}
		b.out.Assets[e.Name()] = p
	}
	return nil
}

// data writes the generated JSON files: the search index, the playground's
// examples and catalog.json.
func (b *builder) data() error {
	idx, err := b.searchIndex()
	if err != nil {
		return err
	}
	b.out.SearchIndex = hashed("assets/search", ".json", idx)
	if err := b.add(b.out.SearchIndex, idx); err != nil {
		return err
	}
	ex, err := json.Marshal(b.examples())
	if err != nil {
		return err
	}
	b.out.Examples = hashed("assets/examples", ".json", ex)
	if err := b.add(b.out.Examples, ex); err != nil {
		return err
	}
	cj, err := catalogjson.JSON(b.cat, b.urls)
	if err != nil {
		return err
	}
	return b.add(catalogjson.File, cj)
}

// hashed names a generated file after its content, like esbuild does.
func hashed(stem, ext string, data []byte) string {
	sum := sha256.Sum256(data)
	return stem + "-" + base32.StdEncoding.EncodeToString(sum[:5]) + ext
}

// ExampleKey names an example in the playground's examples file and in its
// URL fragment: "clore/5/0" (provider, slug, index from 0).
func ExampleKey(provider, slug string, i int) string {
	return fmt.Sprintf("%s/%s/%d", provider, slug, i)
}

// examples maps every example's key to its text as a terminal shows it.
func (b *builder) examples() map[string]string {
	m := map[string]string{}
	for _, p := range b.cat.Providers {
		for _, e := range p.Entries {
			for i, x := range e.Examples {
				m[ExampleKey(p.ID, e.Slug, i)] = response(x).Text()
			}
		}
	}
	return m
}

func response(x content.Example) render.Response {
	return render.Response{Status: x.Status, Headers: x.Headers, Stream: x.Stream, Body: x.Body}
}

// pages renders every page, Workers at a time.
func (b *builder) pages(workers int) error {
	jobs := b.pageJobs()
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ch := make(chan pageJob)
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range ch {
				errs[j.n] = b.renderPage(j)
			}
		})
	}
	for i := range jobs {
		jobs[i].n = i
		ch <- jobs[i]
	}
	close(ch)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, j := range jobs {
		b.out.Pages = append(b.out.Pages, j.path)
	}
	sort.Strings(b.out.Pages)
	return nil
}

// FileFor returns the file that serves a page's site path: "clore/5/" is
// served by "clore/5/index.html".
func FileFor(sitePath string) string {
	if sitePath == "" || strings.HasSuffix(sitePath, "/") {
		return sitePath + "index.html"
	}
	return sitePath
}

// crawlerFiles writes sitemap.xml and robots.txt.
func (b *builder) crawlerFiles() {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	sb.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range b.out.Pages {
		if p == notFoundPath {
			continue
		}
		sb.WriteString("  <url><loc>")
		template.HTMLEscape(&sb, []byte(b.urls.Abs(p)))
		sb.WriteString("</loc></url>\n")
	}
	sb.WriteString("</urlset>\n")
	b.out.Files["sitemap.xml"] = []byte(sb.String())
	b.out.Files["robots.txt"] = []byte("User-agent: *\nAllow: /\n\nSitemap: " + b.urls.Abs("sitemap.xml") + "\n")
}

// checkManifest fails unless every published code URL produced a page:
// support tickets link to them.
func (b *builder) checkManifest() error {
	var missing []string
	for _, p := range b.cat.Manifest {
		if _, ok := b.out.Files[FileFor(p)]; !ok {
			missing = append(missing, "/"+p)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("published code pages missing from the output (content/urls.txt): %s", strings.Join(missing, ", "))
	}
	return nil
}

// Write replaces dir with the site. A non-empty dir is only cleared if an
// earlier Write left its marker there, so a mistyped -out cannot wipe a
// directory sitegen did not make.
func (o *Output) Write(dir string) error {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
			return fmt.Errorf("%s is not empty and was not written by sitegen (no %s); refusing to replace it", dir, marker)
		}
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(o.Files))
	for p := range o.Files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, o.Files[p], 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, marker), []byte("written by cmd/sitegen; the directory is replaced on every build\n"), 0o644)
}

// marker marks an output directory as sitegen's own.
const marker = ".sitegen"

// Paths returns the site paths of all files, sorted.
func (o *Output) Paths() []string {
	ps := make([]string, 0, len(o.Files))
	for p := range o.Files {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}
