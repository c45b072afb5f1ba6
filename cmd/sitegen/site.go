package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/errdex/errdex/internal/serve"
	"github.com/errdex/errdex/internal/site"
	"github.com/errdex/errdex/internal/siteurl"
	"github.com/errdex/errdex/internal/wasmbin"
)

// runSite runs "build" and "serve": flags, then the content check, then the
// build, then (for serve) the server.
func runSite(cmd, root string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sitegen "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&root, "root", root, "repository root")
	out := fs.String("out", filepath.Join("build", "site"), "output directory, relative to -root unless absolute")
	base := fs.String("base", "/errdex/", "URL path the site is served under: /errdex/ on GitHub Pages, / at a domain's root")
	siteURL := fs.String("site-url", "https://errdex.github.io", "origin for canonical links, the sitemap and catalog.json")
	wasmFile := fs.String("wasm", "", "the playground's WebAssembly binary (make wasm); default: compile ./wasm into a temporary directory")
	addr := "localhost:8080"
	if cmd == "serve" {
		fs.StringVar(&addr, "addr", addr, "address to listen on")
	}
	fs.Usage = func() { usage(stderr) }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sitegen %s: unexpected arguments %q\n", cmd, fs.Args())
		return 2
	}
	urls, err := siteurl.New(*base, *siteURL)
	if err != nil {
		fmt.Fprintf(stderr, "sitegen %s: %v\n", cmd, err)
		return 2
	}
	dir := *out
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(root, dir)
	}

	start := time.Now()
	cat, ok := load(root, stderr)
	if !ok {
		return 1
	}
	engine, err := playEngine(root, *wasmFile)
	if err != nil {
		fmt.Fprintf(stderr, "sitegen %s: %v\n", cmd, err)
		return 1
	}
	o, err := site.Build(cat, site.Options{URLs: urls, SiteDir: filepath.Join(root, "site"), Engine: engine})
	if err != nil {
		fmt.Fprintf(stderr, "sitegen %s: %v\n", cmd, err)
		return 1
	}
	if err := o.Write(dir); err != nil {
		fmt.Fprintf(stderr, "sitegen %s: %v\n", cmd, err)
		return 1
	}
	report(stdout, o)
	fmt.Fprintf(stdout, "built %d pages, %d files into %s in %v\n", len(o.Pages), len(o.Files), dir, time.Since(start).Round(time.Millisecond))
	if cmd == "build" {
		return 0
	}

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "sitegen serve: %v\n", err)
		return 1
	}
	srv := &http.Server{Handler: serve.Handler(os.DirFS(dir), urls.Base()), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	fmt.Fprintf(stdout, "serving %s at http://%s%s (Ctrl-C stops)\n", dir, ln.Addr(), urls.Base())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "sitegen serve: %v\n", err)
		return 1
	}
	return 0
}

// playEngine reads the playground binary from file, or compiles it into a
// temporary directory when file is "", and pairs it with the wasm_exec.js
// of the go command on PATH.
func playEngine(root, file string) (site.Engine, error) {
	ctx := context.Background()
	if file == "" {
		tmp, err := os.MkdirTemp("", "sitegen-wasm")
		if err != nil {
			return site.Engine{}, err
		}
		defer os.RemoveAll(tmp)
		file = filepath.Join(tmp, "errdex.wasm")
		if err := wasmbin.Build(ctx, "go", root, file); err != nil {
			return site.Engine{}, fmt.Errorf("compiling the playground binary (or pass -wasm FILE): %w", err)
		}
	}
	bin, err := os.ReadFile(file)
	if err != nil {
		return site.Engine{}, fmt.Errorf("-wasm: %w", err)
	}
	if !bytes.HasPrefix(bin, []byte("\x00asm")) {
		return site.Engine{}, fmt.Errorf("-wasm: %s is not a WebAssembly binary", file)
	}
	execJS, err := wasmbin.ExecJS(ctx, "go")
	if err != nil {
		return site.Engine{}, fmt.Errorf("wasm_exec.js: %w", err)
	}
	return site.Engine{Wasm: bin, WasmExec: execJS}, nil
}

// runSize runs "size FILE".
func runSize(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: sitegen size FILE")
		return 2
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintln(stderr, "sitegen size:", err)
		return 1
	}
	s := wasmbin.Measure(data)
	fmt.Fprintf(stdout, "playground binary %s: %s\n", args[0], s)
	if s.OverBudget() {
		fmt.Fprintf(stderr, "sitegen size: %s is over the playground's size budget\n", args[0])
		return 1
	}
	return 0
}

// report prints the sizes that matter for page weight: the bundles, the
// search index, the catalog's prose and catalog.json, raw and gzipped, and the playground binary
// raw. Gzip -9 of the binary takes several times as long as the whole
// build, so its weight and budget are left to `sitegen size` (make size,
// which make site, make serve and make test run).
func report(w io.Writer, o *site.Output) {
	names := []string{o.SearchIndex, o.Examples}
	for _, logical := range []string{"main.js", "play.js", "site.css", "wasm_exec.js", "prose.txt"} {
		names = append(names, o.Assets[logical])
	}
	names = append(names, "catalog.json")
	for _, n := range names {
		s := wasmbin.Measure(o.Files[n])
		fmt.Fprintf(w, "  %-40s %9s B  %7s B gzip\n", n, wasmbin.Group(s.Raw), wasmbin.Group(s.Gzip))
	}
	n := o.Assets["errdex.wasm"]
	fmt.Fprintf(w, "  %-40s %9s B  (gzip and budget: make size)\n", n, wasmbin.Group(len(o.Files[n])))
}
