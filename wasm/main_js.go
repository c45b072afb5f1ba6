//go:build js && wasm

package main

import "syscall/js"

// main registers errdexDiagnose(text, provider) on the global object (the
// playground's worker), says it is ready, and then waits for calls
// forever: the worker calls in, Go never calls out (no fetch, no timers).
func main() {
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
	if ready := js.Global().Get("errdexReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}
