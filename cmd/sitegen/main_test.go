package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckReportsProblemsAndFails runs `sitegen check` on a content tree with
// a broken provider: the exit status is 1 and the problem names file and line.
func TestCheckReportsProblemsAndFails(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join("..", "..", "content")
	for _, dir := range []string{"providers", "categories"} {
		if err := os.CopyFS(filepath.Join(root, "content", dir), os.DirFS(filepath.Join(src, dir))); err != nil {
			t.Fatal(err)
		}
	}
	urls, _ := os.ReadFile(filepath.Join(src, "urls.txt"))
	os.WriteFile(filepath.Join(root, "content", "urls.txt"), urls, 0o644)

	var out, errOut bytes.Buffer
	if code := run([]string{"-root", root, "check"}, &out, &errOut); code != 0 {
		t.Fatalf("check on the real content: exit %d\n%s", code, errOut.String())
	}

	file := filepath.Join(root, "content", "providers", "clipia.md")
	data, _ := os.ReadFile(file)
	broken := strings.Replace(string(data), "category: rate_limit\n", "category: ratelimit\n", 1)
	os.WriteFile(file, []byte(broken), 0o644)
	out.Reset()
	errOut.Reset()
	if code := run([]string{"-root", root, "check"}, &out, &errOut); code != 1 {
		t.Fatalf("check on broken content: exit %d, want 1", code)
	}
	if !strings.Contains(errOut.String(), `content/providers/clipia.md:`) || !strings.Contains(errOut.String(), `unknown category "ratelimit"`) {
		t.Errorf("problem output does not name file, line and cause:\n%s", errOut.String())
	}
	if code := run([]string{"nonsense"}, &out, &errOut); code != 2 {
		t.Errorf("unknown subcommand: exit %d, want 2", code)
	}
}
