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
