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
// The playground's binary is built with the tag fetchprose: its catalog has
// no prose (package catalog), and the worker passes the prose file it
// fetched in the global errdexProse before it starts the program. When that
// text is missing or is not this binary's, main_js.go registers nothing and
// calls errdexReady(reason) instead, so the page reports an engine error
// rather than diagnosing without words.
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

// loadProse fills the catalog's prose from text and returns why it could
// not, or "".
func loadProse(text string) string {
	if text == "" {
		return "the catalog's texts are missing"
	}
	if !catalog.LoadProse(text) {
		return "the catalog's texts do not match this classifier"
	}
	return ""
}

// classifier reads the generated catalog, once.
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
