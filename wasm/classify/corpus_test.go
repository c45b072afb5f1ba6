package classify

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// The corpus: testdata/*.txtar, one case per file. Each has an "input"
// section (the paste) and a "want" section (the Diagnosis as indented
// JSON). A line "provider: <id>" in the file's comment sets
// Options.Provider. Rewrite the want sections with
//
//	go test ./wasm/classify -run TestCorpus -update
//
// and read the diff: a golden is a claim that the diagnosis is right.
var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

type corpusCase struct {
	name    string
	file    string
	archive *txtar.Archive
	input   string
	opts    Options
	want    []byte
}

func loadCorpus(t testing.TB) []corpusCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var out []corpusCase
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := corpusCase{name: strings.TrimSuffix(filepath.Base(f), ".txtar"), file: f, archive: ar}
		for _, line := range strings.Split(string(ar.Comment), "\n") {
			if v, ok := strings.CutPrefix(line, "provider: "); ok {
				c.opts.Provider = strings.TrimSpace(v)
			}
		}
		found := false
		for _, sec := range ar.Files {
			switch sec.Name {
			case "input":
				c.input, found = string(sec.Data), true
			case "want":
				c.want = sec.Data
			}
		}
		if !found {
			t.Fatalf("%s: no input section", f)
		}
		out = append(out, c)
	}
	return out
}

// indent pretty-prints the Diagnosis JSON for a golden file.
func indent(t testing.TB, raw []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		t.Fatalf("Diagnosis.JSON is not valid JSON: %v\n%s", err, raw)
	}
	b.WriteByte('\n')
	return b.Bytes()
}

func TestCorpus(t *testing.T) {
	cases := loadCorpus(t)
	if len(cases) == 0 {
		t.Fatal("no corpus cases in testdata")
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := std.Diagnose(c.input, c.opts)
			got := indent(t, d.JSON())
			if *update {
				var files []txtar.File
				for _, sec := range c.archive.Files {
					if sec.Name != "want" {
						files = append(files, sec)
					}
				}
				files = append(files, txtar.File{Name: "want", Data: got})
				c.archive.Files = files
				if err := os.WriteFile(c.file, txtar.Format(c.archive), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(got, c.want) {
				t.Errorf("diagnosis differs from %s (run with -update and read the diff)\n--- got\n%s\n--- want\n%s", c.file, got, c.want)
			}
		})
	}
}
