// Package site builds errdex's static reference site from a loaded
// [content.Catalog] and the sources in site/ (html/template layouts,
// TypeScript and CSS), entirely in memory, then writes it to a directory
// that GitHub Pages serves as is.
//
// # Pages and their URLs
//
// Every URL is a site path made by the helpers of wasm/catalog and turned
// into a link by [siteurl.URLs], so the site works under a sub-path
// ("/errdex/") or at the root ("/"):
//
//	""                        home: what errdex is, search, providers, categories
//	<provider>/               model.ProviderPath: error format, auth, rate limits, retry, code table
//	<provider>/<slug>/        model.Path: one error code (listed in content/urls.txt, never moves)
//	categories/               the providers × categories matrix
//	categories/<name>/        model.CategoryPath: one category, every provider side by side
//	play/                     the playground (its examples gallery, and the classifier loaded on demand)
//	404.html                  served by GitHub Pages for any miss
//	sitemap.xml, robots.txt   for crawlers
//	catalog.json              the public catalog (package catalogjson)
//	assets/…-<hash>.{js,css,json}  bundles, the search index, the playground's examples
//	assets/errdex-<hash>.wasm       the playground's classifier (Options.Engine)
//	assets/wasm_exec-<hash>.js      Go's js/wasm runtime support for it
//	assets/catalog-<hash>.txt       the catalog as one text, which the binary leaves out (catalog.Text)
//
// # The build
//
// [Build] bundles the front end (package bundle, with the chroma stylesheet
// of package render as a virtual import), writes the search index (package
// search), the playground's examples and catalog.json, then renders every
// page in parallel: Markdown through goldmark, example responses through
// chroma, layouts through html/template. Before it returns it checks that
// every URL in content/urls.txt produced a page and that every internal
// link and #fragment in the output resolves; either failure fails the
// build. Output is deterministic: the same input gives byte-identical files.
//
// The playground's engine is an input, not something Build makes:
// Options.Engine holds the js/wasm binary of ./wasm and the wasm_exec.js of
// the Go that compiled it (package wasmbin makes both; cmd/sitegen passes
// them). Build refuses to run without it, so no site ships a dead
// playground. The catalog's text, which that binary is built without,
// comes from package catalog (catalog.Text, compiled into this native
// build with the same generated decoder). Only play/ names these assets; its
// worker loads them when the page is idle or the paste box gets focus.
//
// Pages carry a Content-Security-Policy meta tag and no inline script or
// style, and read completely without JavaScript; only search and the
// playground need it. The playground's policy adds 'wasm-unsafe-eval' to
// script-src, the one thing WebAssembly needs, and keeps connect-src 'self'.
package site
