//go:build !(js && wasm)

package main

import "os"

// main exists so that `go build ./...` works on every platform. The binary
// only means something compiled for the browser: GOOS=js GOARCH=wasm
// (make wasm).
func main() {
	os.Stderr.WriteString("errdex's wasm package is the playground's WebAssembly binary: build it with GOOS=js GOARCH=wasm (make wasm)\n")
	os.Exit(2)
}
