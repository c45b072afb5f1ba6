//go:build js && wasm

package main

import "syscall/js"

// main loads the catalog's prose from the global errdexProse (the text the
// worker fetched), registers errdexDiagnose(text, provider) on the global
// object (the playground's worker), says it is ready, and then waits for
// calls forever: the worker calls in, Go never calls out (no fetch, no
// timers). Without the prose it registers nothing: it passes errdexReady
// the reason and exits.
func main() {
	ready := js.Global().Get("errdexReady")
	prose := js.Global().Get("errdexProse")
	text := ""
	if prose.Type() == js.TypeString {
		text = prose.String()
	}
	if msg := loadProse(text); msg != "" {
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
