// Package bundle compiles the site's front-end sources (TypeScript and CSS
// under site/) into minified, content-hashed files with esbuild's Go API, so
// building the site needs no Node.
//
// Each entry point becomes one file named after it and its content hash
// ("ts/main.ts" → "assets/main-7ZK2QF3A.js"), with a linked source map. A
// changed file gets a new name, so browsers may cache assets for as long as
// GitHub Pages lets them without ever running stale code. Generated sources
// (the chroma stylesheet) are passed as virtual modules and imported by
// name: `@import "errdex:chroma.css";`.
package bundle

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Options says what to bundle.
type Options struct {
	Dir     string            // directory the entry points are relative to (site/)
	Entries []string          // entry points, e.g. "ts/main.ts", "css/site.css"
	Virtual map[string]string // virtual modules: import path ("errdex:chroma.css") → source
	OutDir  string            // output directory relative to the site root, e.g. "assets"
}

// Asset is one output file.
type Asset struct {
	Path     string // relative to the site root: "assets/main-7ZK2QF3A.js"
	Contents []byte
}

// Result maps each entry's logical name ("main.js", "site.css") to its
// output path, and lists every output file (source maps too).
type Result struct {
	Names map[string]string
	Files []Asset
}

// Build runs esbuild once over all entries.
func Build(opt Options) (*Result, error) {
	dir, err := filepath.Abs(opt.Dir)
	if err != nil {
		return nil, err
	}
	outDir := filepath.Join(dir, ".bundle-out") // nothing is written: Write is false
	res := api.Build(api.BuildOptions{
		AbsWorkingDir:     dir,
		EntryPoints:       opt.Entries,
		Outdir:            outDir,
		EntryNames:        "[name]-[hash]",
		AssetNames:        "[name]-[hash]",
		Bundle:            true,
		Write:             false,
		Format:            api.FormatIIFE,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2020,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		Sourcemap:         api.SourceMapLinked,
		LogLevel:          api.LogLevelSilent,
		Plugins:           []api.Plugin{virtualPlugin(opt.Virtual)},
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, errors.New("esbuild:\n" + strings.Join(msgs, ""))
	}
	out := &Result{Names: map[string]string{}}
	for _, f := range res.OutputFiles {
		rel, err := filepath.Rel(outDir, f.Path)
		if err != nil {
			return nil, err
		}
		p := path.Join(opt.OutDir, filepath.ToSlash(rel))
		out.Files = append(out.Files, Asset{Path: p, Contents: f.Contents})
		if strings.HasSuffix(p, ".map") {
			continue
		}
		base := path.Base(p)
		ext := path.Ext(base)
		stem := strings.TrimSuffix(base, ext)
		i := strings.LastIndexByte(stem, '-')
		if i < 0 {
			return nil, fmt.Errorf("esbuild output %s has no hash", p)
		}
		logical := stem[:i] + ext
		if prev, dup := out.Names[logical]; dup {
			return nil, fmt.Errorf("two entries produce %s: %s and %s", logical, prev, p)
		}
		out.Names[logical] = p
	}
	sort.Slice(out.Files, func(i, j int) bool { return out.Files[i].Path < out.Files[j].Path })
	return out, nil
}

// virtualPlugin serves generated sources under their import paths.
func virtualPlugin(mods map[string]string) api.Plugin {
	return api.Plugin{
		Name: "errdex-virtual",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: `^errdex:`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				if _, ok := mods[a.Path]; !ok {
					return api.OnResolveResult{}, fmt.Errorf("unknown virtual module %q", a.Path)
				}
				return api.OnResolveResult{Path: a.Path, Namespace: "errdex"}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: "errdex"}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				src := mods[a.Path]
				loader := api.LoaderJS
				switch path.Ext(a.Path) {
				case ".css":
					loader = api.LoaderCSS
				case ".ts":
					loader = api.LoaderTS
				case ".json":
					loader = api.LoaderJSON
				}
				return api.OnLoadResult{Contents: &src, Loader: loader}, nil
			})
		},
	}
}
