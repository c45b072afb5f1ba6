//go:build js && wasm

package main

import "syscall/js"

// main installs the catalog from the global errdexCatalog (the text the
// worker fetched), registers errdexDiagnose(text, provider) on the global
// object (the playground's worker), says it is ready, and then waits for
// calls forever: the worker calls in, Go never calls out (no fetch, no
// timers). Without the catalog it registers nothing: it passes errdexReady
// the reason and exits.
func main() {
	ready := js.Global().Get("errdexReady")
	cat := js.Global().Get("errdexCatalog")
	text := ""
	if cat.Type() == js.TypeString {
		text = cat.String()
	}
	if msg := loadCatalog(text); msg != "" {
		if ready.Type() == js.TypeFunction {
			ready.Invoke(msg)
		}
		return
	}
	js.Global().Set("errdexDiagnose", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeString {
			return errorJSON("errdexDiagnose(text, provider) takes the pasted text as a string")
		}
		provider := ""
		if len(args) > 1 && args[1].Type() == js.TypeString {
			provider = args[1].String()
		}
		return diagnoseJSON(args[0].String(), provider)
	}))
	if ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}
