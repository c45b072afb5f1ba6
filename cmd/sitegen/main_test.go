package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-root", "../..", "build", "-out", out, "-base", "/", "-site-url", "https://example.com"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "pages") {
		t.Errorf("no summary: %s", stdout.String())
	}
	page, err := os.ReadFile(filepath.Join(out, "clore", "5", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`<link rel="canonical" href="https://example.com/clore/5/">`)) {
		t.Error("the -base / -site-url flags did not reach the page")
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"nope"},
		{"build", "-no-such-flag"},
		{"build", "extra"},
		{"build", "-base", "/a b/"},
		{"build", "-site-url", "errdex.github.io"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

func TestCheckCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-root", "../..", "check"}, &stdout, &stderr); code != 0 || stdout.String() != "content ok\n" {
		t.Errorf("check: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}

// TestBuildCommandWasm checks -wasm FILE: the file becomes the playground's
// binary, and a file that is not WebAssembly is refused.
func TestBuildCommandWasm(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "stub.wasm")
	stub := []byte("\x00asm\x01\x00\x00\x00")
	if err := os.WriteFile(bin, stub, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "site")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-root", "../..", "build", "-out", out, "-wasm", bin}, &stdout, &stderr); code != 0 {
		t.Fatalf("build -wasm exited %d: %s", code, stderr.String())
	}
	matches, _ := filepath.Glob(filepath.Join(out, "assets", "errdex-*.wasm"))
	if len(matches) != 1 {
		t.Fatalf("assets hold %d playground binaries", len(matches))
	}
	if got, _ := os.ReadFile(matches[0]); !bytes.Equal(got, stub) {
		t.Errorf("the site's binary is not the -wasm file")
	}
	execJS, _ := filepath.Glob(filepath.Join(out, "assets", "wasm_exec-*.js"))
	page, _ := os.ReadFile(filepath.Join(out, "play", "index.html"))
	if len(execJS) != 1 || !bytes.Contains(page, []byte(`data-wasm="/errdex/assets/`+filepath.Base(matches[0])+`"`)) ||
		!bytes.Contains(page, []byte(`data-wasm-exec="/errdex/assets/`+filepath.Base(execJS[0])+`"`)) {
		t.Errorf("the playground does not name its binary and wasm_exec.js (%v)", execJS)
	}
	if !strings.Contains(stdout.String(), ".wasm") {
		t.Errorf("the size report leaves out the binary:\n%s", stdout.String())
	}

	notWasm := filepath.Join(dir, "not.wasm")
	_ = os.WriteFile(notWasm, []byte("MZ"), 0o644)
	stderr.Reset()
	if code := run([]string{"-root", "../..", "build", "-out", filepath.Join(dir, "site2"), "-wasm", notWasm}, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), "not a WebAssembly binary") {
		t.Errorf("a non-wasm -wasm file: exit %d, %s", code, stderr.String())
	}
}

func TestSizeCommand(t *testing.T) {
	small := filepath.Join(t.TempDir(), "small.wasm")
	_ = os.WriteFile(small, []byte("\x00asm\x01\x00\x00\x00"), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"size", small}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "8 B raw") || !strings.Contains(stdout.String(), "budget 700,000 B") {
		t.Errorf("size: exit %d, %q %q", code, stdout.String(), stderr.String())
	}
	if code := run([]string{"size"}, &stdout, &stderr); code != 2 {
		t.Errorf("size without a file: exit %d", code)
	}
	if code := run([]string{"size", small + ".missing"}, &stdout, &stderr); code != 1 {
		t.Errorf("size of a missing file: exit %d", code)
	}
}
