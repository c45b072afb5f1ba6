// Command floor is the smallest useful Go program for the browser: it
// exports one function through syscall/js and waits, as the playground's
// glue does. Built with the playground's flags (package wasmbin), its size
// is the Go runtime's floor that make bench weighs the playground against.
package main

import "syscall/js"

func main() {
	js.Global().Set("floorCall", js.FuncOf(func(this js.Value, args []js.Value) any {
		return len(args)
	}))
	select {}
}
