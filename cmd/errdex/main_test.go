//go:build !js

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinary builds errdex and checks its exit statuses end to end.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "errdex")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	paste := filepath.Join(dir, "paste.json")
	os.WriteFile(paste, []byte(`{"error":{"code":"insufficient_scope","message":"The key lacks the required scope."}}`), 0o644)
	tests := []struct {
		args  []string
		stdin string
		code  int
		out   string
	}{
		{[]string{"help"}, "", 0, "Usage:"},
		{[]string{"diagnose", "--json", paste}, "", 0, `"code":"insufficient_scope"`},
		{[]string{"diagnose"}, "not an error at all", 0, "No API error found"},
		{[]string{"diagnose", filepath.Join(dir, "nope")}, "", 2, "cannot read"},
		{[]string{"bogus"}, "", 2, "unknown command"},
	}
	for _, tt := range tests {
		cmd := exec.Command(bin, tt.args...)
		cmd.Stdin = strings.NewReader(tt.stdin)
		out, err := cmd.CombinedOutput()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tt.code || !strings.Contains(string(out), tt.out) {
			t.Errorf("errdex %v: exit %d, output %q; want %d with %q", tt.args, code, out, tt.code, tt.out)
		}
	}
}
