// Package wasmbin makes the playground's WebAssembly binary: it compiles
// package ./wasm for js/wasm with the go command, finds the wasm_exec.js
// that must be served beside it, and holds the binary to its size budget.
//
// The build is
//
//	GOOS=js GOARCH=wasm GOEXPERIMENT=nogreenteagc go build -trimpath -tags=fetchcatalog -gcflags=all=-l -ldflags="-s -w" -o OUT ./wasm
//
// (the Makefile's wasm target runs the same command). -s -w drop the symbol
// table and DWARF; -gcflags=all=-l turns inlining off, which costs the
// classifier speed no one notices in a browser and saves tens of KB gzip.
// The tag fetchcatalog leaves the catalog out of the binary: the
// playground's worker fetches it as a static file (package wasm/catalog).
// GOEXPERIMENT=nogreenteagc builds the runtime with Go's previous garbage
// collector instead of Green Tea, the default since Go 1.26: Green Tea
// scans memory span by span to use many cores' caches better, and js/wasm
// has one thread; its code costs the binary 11.2 KB gzip (700,653 →
// 689,464 B when it was measured). Go may drop the opt-out in a later
// release; the size budget would then say so.
//
// wasm_exec.js is the JavaScript half of Go's js/wasm runtime. It lives at
// $(go env GOROOT)/lib/wasm/wasm_exec.js and must come from the same Go
// release as the binary: the two speak a private protocol. [ExecJS] asks the
// same go command that [Build] runs.
//
// The budget is on the bytes a visitor downloads: at most [BudgetGzip]
// bytes once gzipped (GitHub Pages gzips .wasm on the fly). [Measure] uses
// gzip -9, as the size reports of cmd/sitegen do.
package wasmbin

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Package is the import path of the glue, relative to the module root.
const Package = "./wasm"

// BuildFlags are the go build flags of the binary, after "build".
var BuildFlags = []string{"-trimpath", "-tags=fetchcatalog", "-gcflags=all=-l", "-ldflags=-s -w"}

// BuildEnv is the environment of the build, beside the caller's.
var BuildEnv = []string{"GOOS=js", "GOARCH=wasm", "GOEXPERIMENT=nogreenteagc"}

// BudgetGzip is the most the binary may weigh gzipped, in bytes (700 KB).
const BudgetGzip = 700_000

// Build compiles the playground binary from the module at root into out,
// with the go command goCmd ("go" finds it on PATH).
func Build(ctx context.Context, goCmd, root, out string) error {
	return BuildPackage(ctx, goCmd, root, Package, out)
}

// BuildPackage compiles another main package of the module (pkg, relative
// to root) exactly as Build compiles the playground: make bench weighs a
// bare syscall/js program built this way beside it.
func BuildPackage(ctx context.Context, goCmd, root, pkg, out string) error {
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	args := append(append([]string{"build"}, BuildFlags...), "-o", out, pkg)
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), BuildEnv...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s %s: %v\n%s", strings.Join(BuildEnv, " "), goCmd, strings.Join(args, " "), err, stderr.Bytes())
	}
	return nil
}

// ExecJS returns $(go env GOROOT)/lib/wasm/wasm_exec.js of goCmd.
func ExecJS(ctx context.Context, goCmd string) ([]byte, error) {
	dir, err := LibWasm(ctx, goCmd)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(filepath.Join(dir, "wasm_exec.js"))
}

// LibWasm returns $(go env GOROOT)/lib/wasm of goCmd: wasm_exec.js, and
// go_js_wasm_exec, which runs js/wasm test binaries under node.
func LibWasm(ctx context.Context, goCmd string) (string, error) {
	out, err := exec.CommandContext(ctx, goCmd, "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("%s env GOROOT: %v", goCmd, err)
	}
	return filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm"), nil
}

// Size is a binary's weight.
type Size struct {
	Raw  int // bytes on disk
	Gzip int // bytes after gzip -9
}

// Measure weighs a binary.
func Measure(data []byte) Size {
	var c counter
	zw, _ := gzip.NewWriterLevel(&c, gzip.BestCompression)
	_, _ = zw.Write(data)
	_ = zw.Close()
	return Size{Raw: len(data), Gzip: int(c)}
}

// OverBudget reports whether s exceeds BudgetGzip.
func (s Size) OverBudget() bool { return s.Gzip > BudgetGzip }

// String is one line for a report:
// "2,823,741 B raw, 689,102 B gzip -9 (budget 700,000 B: 10,898 B to spare)".
func (s Size) String() string {
	verdict := Group(BudgetGzip-s.Gzip) + " B to spare"
	if s.OverBudget() {
		verdict = "OVER by " + Group(s.Gzip-BudgetGzip) + " B"
	}
	return fmt.Sprintf("%s B raw, %s B gzip -9 (budget %s B: %s)", Group(s.Raw), Group(s.Gzip), Group(BudgetGzip), verdict)
}

// Group writes n with thousands separators: 2823741 → "2,823,741".
func Group(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

type counter int

func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }
