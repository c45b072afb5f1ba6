// Command wasm is the playground's WebAssembly binary: glue that exposes
// package classify to JavaScript and nothing else.
//
// main_js.go registers one function, errdexDiagnose(text, provider), which
// returns the Diagnosis as the same JSON the CLI's --json prints (so the
// page's data attributes and the CLI agree), or a JSON object with an
// "error" key when the call itself is wrong. A panic inside the classifier
// becomes such an error value: the Go runtime keeps running and the next
// paste still works. When the function is registered, main_js.go calls
// errdexReady() if the global scope defines it. The playground runs this
// program in a Web Worker (site/ts/worker.ts), whose global scope that is.
//
// The playground's binary is built with the tag fetchcatalog: it holds no
// catalog (package catalog), and the worker passes the catalog file it
// fetched in the global errdexCatalog before it starts the program. When that
// text is missing or is not this binary's, main_js.go registers nothing and
// calls errdexReady(reason) instead, so the page reports an engine error
// rather than diagnosing without a catalog.
//
// The logic is in this file, which builds and tests natively; only the
// syscall/js wiring is behind the js build tag (main_other.go lets
// `go build ./...` succeed elsewhere). Build the binary with
// `make wasm` (package internal/wasmbin has the flags).
package main

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

// loadCatalog installs the catalog from text and the classifier over it,
// and returns why it could not, or "".
func loadCatalog(text string) string {
	if text == "" {
		return "the catalog is missing"
	}
	if !catalog.Install(text) {
		return "the catalog does not match this classifier"
	}
	classifier = classify.New(catalog.Default)
	return ""
}

// classifier reads the catalog: the one compiled in (native builds), or
// the one loadCatalog installs.
var classifier = classify.New(catalog.Default)

// classifyJSON is the classifier call, a variable so that a test can make
// it fail.
var classifyJSON = func(text, provider string) []byte {
	d := classifier.Diagnose(text, classify.Options{Provider: provider})
	return d.JSON()
}

// diagnoseJSON runs the classifier on text, forcing provider when it is not
// empty, and returns the diagnosis as JSON. It never panics.
func diagnoseJSON(text, provider string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = errorJSON("the classifier failed on this input; please report it with the input")
		}
	}()
	if len(text) > classify.MaxInput {
		return errorJSON("input is larger than the 8 MiB limit")
	}
	return string(classifyJSON(text, provider))
}

// errorJSON returns {"error": msg} for a message made of plain ASCII text
// with no quote or backslash (every message is a constant of this package).
func errorJSON(msg string) string {
	return `{"error":"` + msg + `"}`
}
