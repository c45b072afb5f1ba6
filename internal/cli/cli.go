// Package cli is the errdex command line: it parses flags, reads the paste
// from a file or stdin (at most classify.MaxInput bytes), runs
// classify.Diagnose and prints the Diagnosis, either for a person in a
// terminal or, with --json, as the same JSON object the playground uses.
//
// Exit status: 0 for any input that could be read, recognised or not; 2 for
// a usage error, an unreadable file or an input over classify.MaxInput.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

// Env is the outside world the command sees; tests replace it.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	TTY    bool // stdout is a terminal
}

const usage = `errdex explains what a failed API call left behind.

Usage:
  errdex diagnose [--json] [FILE]   diagnose FILE, or stdin when FILE is absent or "-"
  errdex help                       show this help

The input can be a JSON error body, curl -i or curl -v output, an SSE stream,
an SDK exception or traceback, a log, a HAR file, or text copied from a page.
Secrets in it (API keys, bearer tokens, cookies) are masked before anything
is printed. Input larger than 8 MiB is refused.

Exit status: 0 when the input was read (even if nothing was recognised),
2 for a usage error, an unreadable file or input over 8 MiB.
`

const diagnoseUsage = `Usage: errdex diagnose [--json] [FILE]

Reads FILE, or stdin when FILE is absent or "-", and prints a diagnosis:
the provider, the error code, its category, whether and when to retry, and
how to fix it.

  --json   print one JSON object (the same fields the playground shows)

Colour is used when stdout is a terminal and NO_COLOR is not set.
`

// Run runs the errdex command with args (without the program name) and
// returns the exit status.
func Run(args []string, env Env) int {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return 2
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(env.Stdout, usage)
		return 0
	case "diagnose":
		return diagnose(args[1:], env)
	}
	fmt.Fprintf(env.Stderr, "errdex: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func diagnose(args []string, env Env) int {
	fs := flag.NewFlagSet("diagnose", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	fs.Usage = func() { fmt.Fprint(env.Stderr, diagnoseUsage) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, diagnoseUsage)
			return 0
		}
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(env.Stderr, "errdex: diagnose takes one FILE, got %d\n\n%s", fs.NArg(), diagnoseUsage)
		return 2
	}
	name := fs.Arg(0)
	input, err := readInput(name, env.Stdin)
	if err != nil {
		fmt.Fprintln(env.Stderr, "errdex:", err)
		return 2
	}
	d := classify.New(catalog.Default).Diagnose(input, classify.Options{})
	if *asJSON {
		out := d.JSON()
		out = append(out, '\n')
		env.Stdout.Write(out)
		return 0
	}
	color := env.TTY && (env.Getenv == nil || env.Getenv("NO_COLOR") == "")
	render(env.Stdout, &d, color)
	return 0
}

// errTooLarge is returned for input over classify.MaxInput.
var errTooLarge = fmt.Errorf("input is larger than %d MiB (classify.MaxInput); cut it down to the failing response", classify.MaxInput>>20)

// readInput reads the named file, or r when name is "" or "-", refusing
// more than classify.MaxInput bytes.
func readInput(name string, r io.Reader) (string, error) {
	src := "stdin"
	if name != "" && name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", fmt.Errorf("cannot read %s: %w", name, unwrapPathError(err))
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return "", fmt.Errorf("cannot read %s: it is a directory", name)
		}
		r, src = f, name
	}
	if r == nil {
		return "", fmt.Errorf("cannot read stdin")
	}
	data, err := io.ReadAll(io.LimitReader(r, classify.MaxInput+1))
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", src, err)
	}
	if len(data) > classify.MaxInput {
		return "", errTooLarge
	}
	return string(data), nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// indentLines prefixes every line of s with pre.
func indentLines(s, pre string) string {
	return pre + strings.ReplaceAll(s, "\n", "\n"+pre)
}
