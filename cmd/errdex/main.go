// Command errdex diagnoses what a failed API call left behind.
//
//	errdex diagnose [--json] [FILE]   read FILE (or stdin) and explain the error
//	errdex help                       show usage
//
// The work is done by package internal/cli (flags, input, rendering) and
// package wasm/classify (the classifier the playground also runs).
package main

import (
	"os"

	"github.com/errdex/errdex/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Env{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Getenv: os.Getenv,
		TTY:    isTerminal(os.Stdout),
	}))
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
