package bundle

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestBuild(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ts/dep.ts", "export function twice(n: number): number { return n * 2 }\n")
	write("ts/app.ts", "import { twice } from './dep'\ndocument.title = String(twice(21))\n")
	write("css/site.css", "@import \"errdex:gen.css\";\nbody { color: red }\n")
	opt := Options{Dir: dir, Entries: []string{"ts/app.ts", "css/site.css"}, OutDir: "assets",
		Virtual: map[string]string{"errdex:gen.css": ".gen { color: blue }"}}
	a, err := Build(opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(opt)
	if err != nil {
		t.Fatal(err)
	}
	hashed := regexp.MustCompile(`^assets/[a-z]+-[A-Z0-9]{8}\.(js|css)$`)
	for _, name := range []string{"app.js", "site.css"} {
		if !hashed.MatchString(a.Names[name]) {
			t.Errorf("%s → %q, want a hashed asset path", name, a.Names[name])
		}
	}
	if len(a.Files) != 4 { // two files, two source maps
		t.Errorf("got %d files, want 4", len(a.Files))
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Contents, b.Files[i].Contents) {
			t.Errorf("build is not deterministic: %s", a.Files[i].Path)
		}
		if strings.HasSuffix(a.Files[i].Path, ".css") && !bytes.Contains(a.Files[i].Contents, []byte(".gen{color:#00f}")) {
			t.Errorf("virtual module missing from %s:\n%s", a.Files[i].Path, a.Files[i].Contents)
		}
	}
	write("ts/app.ts", "document.title = 'x' +\n")
	if _, err := Build(opt); err == nil || !strings.Contains(err.Error(), "app.ts") {
		t.Errorf("syntax error not reported with its file: %v", err)
	}
}
