package main

import (
	"compress/gzip"
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
	o, err := site.Build(cat, site.Options{URLs: urls, SiteDir: filepath.Join(root, "site")})
	if err != nil {
		fmt.Fprintf(stderr, "sitegen %s: %v\n", cmd, err)
		return 1
	}
	if err := o.Write(dir); err != nil {
		fmt.Fprintf(stderr, "sitegen %s: %v\n", cmd, err)
		return 1
	}
	fmt.Fprintf(stdout, "built %d pages, %d files into %s in %v\n", len(o.Pages), len(o.Files), dir, time.Since(start).Round(time.Millisecond))
	report(stdout, o)
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

// report prints the sizes that matter for page weight: the bundles and the
// search index, raw and gzipped.
func report(w io.Writer, o *site.Output) {
	names := []string{o.SearchIndex, o.Examples}
	for _, logical := range []string{"main.js", "play.js", "site.css"} {
		names = append(names, o.Assets[logical])
	}
	names = append(names, "catalog.json")
	for _, n := range names {
		data := o.Files[n]
		fmt.Fprintf(w, "  %-40s %8d B  %7d B gzip\n", n, len(data), gzipSize(data))
	}
}

func gzipSize(data []byte) int {
	var c countWriter
	zw, _ := gzip.NewWriterLevel(&c, gzip.BestCompression)
	_, _ = zw.Write(data)
	_ = zw.Close()
	return int(c)
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
