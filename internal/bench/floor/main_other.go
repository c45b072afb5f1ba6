//go:build !js

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "floor is a js/wasm program: GOOS=js GOARCH=wasm go build ./internal/bench/floor")
	os.Exit(2)
}
