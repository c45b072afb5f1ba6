// Command sitegen builds errdex's static reference site and the files
// generated from content/.
//
//	sitegen check            validate content/, print every problem as file:line
//	sitegen gen              regenerate wasm/catalog/data_gen.go, decode_gen.go, content/urls.txt and site/ts/gen/wording.ts
//	sitegen build [flags]    check content/, then render content/ and site/ into -out
//	sitegen serve [flags]    build, then serve -out at http://<addr><base> like GitHub Pages
//	sitegen size FILE        print the playground binary's raw and gzip size; exit 1 over budget
//
// # The playground binary
//
// The site always includes the playground's classifier, compiled to
// WebAssembly, and the wasm_exec.js it needs: a site without them would
// publish a dead playground, so build and serve never make one.
//
//   - With -wasm FILE, build and serve use FILE (the Makefile passes the
//     binary its wasm target just made: build/wasm/errdex.wasm).
//   - Without it, they compile ./wasm themselves into a temporary directory
//     with the go command on PATH, exactly as the Makefile would
//     (GOOS=js GOARCH=wasm GOEXPERIMENT=nogreenteagc go build -trimpath -tags=fetchcatalog -gcflags=all=-l -ldflags="-s -w";
//     see package wasmbin), so `sitegen build` alone makes a complete site.
//
// Either way wasm_exec.js comes from $(go env GOROOT)/lib/wasm of the go
// command on PATH, which must be the Go that built FILE: the two halves of
// Go's js/wasm runtime only work as a pair.
//
// The size budget (700 KB gzip, package wasmbin) is reported and enforced
// by size, which make site, make serve and make test run; build reports the
// binary's raw size only, since gzip -9 of it takes longer than the build.
//
// Run it from the repository root (the Makefile does). All the work is done
// by packages: content (load and validate), cataloggen (generated files),
// wasmbin (the playground binary), site (pages, assets, search index,
// catalog.json) and serve (the server).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/internal/cataloggen"
	"github.com/errdex/errdex/internal/wording"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func usage(w io.Writer) {
	fmt.Fprintln(w, `usage: sitegen [-root DIR] check|gen|build|serve [flags]

  check   validate content/ and print every problem as file:line: message
  gen     regenerate wasm/catalog/data_gen.go, decode_gen.go, content/urls.txt and site/ts/gen/wording.ts
  build   validate content/, then write the site to -out
          flags: -out build/site -base /errdex/ -site-url https://errdex.github.io
                 -wasm FILE (the playground binary; default: compile ./wasm now)
  serve   build, then serve the site as GitHub Pages would
          flags: as build, and -addr localhost:8080
  size    print the raw and gzip size of a playground binary (FILE);
          exit 1 when it is over the 700 KB gzip budget`)
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sitegen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "repository root")
	fs.Usage = func() { usage(stderr) }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cmd := fs.Arg(0)
	switch cmd {
	case "check":
		if _, ok := load(*root, stderr); !ok {
			return 1
		}
		fmt.Fprintln(stdout, "content ok")
		return 0
	case "gen":
		cat, ok := load(*root, stderr)
		if !ok {
			return 1
		}
		src, dec, err := cataloggen.GoSources(cat)
		if err != nil {
			fmt.Fprintln(stderr, "sitegen gen:", err)
			return 1
		}
		for name, data := range map[string][]byte{
			cataloggen.DataFile:     src,
			cataloggen.DecoderFile:  dec,
			cataloggen.ManifestPath: cataloggen.Manifest(cat),
			wording.TSFile:          wording.TS(),
		} {
			if err := os.WriteFile(filepath.Join(*root, name), data, 0o644); err != nil {
				fmt.Fprintln(stderr, "sitegen gen:", err)
				return 1
			}
		}
		return 0
	case "build", "serve":
		return runSite(cmd, *root, fs.Args()[1:], stdout, stderr)
	case "size":
		return runSize(fs.Args()[1:], stdout, stderr)
	}
	usage(stderr)
	return 2
}

// load validates content/ under root, printing every problem.
func load(root string, stderr io.Writer) (*content.Catalog, bool) {
	dir := filepath.Join(root, "content")
	cat, problems := content.Load(os.DirFS(dir))
	for _, p := range problems {
		fmt.Fprintln(stderr, "content/"+p.String())
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "%d problem(s) in content/\n", len(problems))
		return nil, false
	}
	return cat, true
}
