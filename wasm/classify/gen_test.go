//go:build !js

package classify_test

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/errdex/errdex/content"
	"golang.org/x/tools/txtar"
)

var gen = flag.Bool("gen", false, "write a starter corpus case for every catalog code that has none")

// TestGenerateCorpus writes testdata/code_<provider>_<slug>.txtar for each
// code's first documented example, wrapped the way people meet it: an HTTP
// response for examples with a status, an SSE event for stream examples, a
// bare body otherwise. It never overwrites a file, so hand edits stay; run
// -update afterwards to record the diagnoses, then check each by eye.
//
//	go test ./wasm/classify -run TestGenerateCorpus -gen
func TestGenerateCorpus(t *testing.T) {
	if !*gen {
		t.Skip("run with -gen to write starter cases")
	}
	cat, problems := content.Load(content.FS)
	for _, p := range problems {
		if !strings.Contains(p.Msg, "related code") {
			t.Fatalf("content problem: %s", p)
		}
	}
	for _, p := range cat.Providers {
		for _, e := range p.Entries {
			if len(e.Examples) == 0 {
				continue
			}
			name := filepath.Join("testdata", "code_"+p.ID+"_"+safeName(e.Slug)+".txtar")
			if _, err := os.Stat(name); err == nil {
				continue
			}
			ex := e.Examples[0]
			ar := &txtar.Archive{
				Comment: []byte("Starter case from the documented example of " + p.ID + "/" + e.Code.Code + " (" + ex.Source + ").\n"),
				Files:   []txtar.File{{Name: "input", Data: []byte(wrapExample(ex))}},
			}
			if err := os.WriteFile(name, txtar.Format(ar), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s", name)
		}
	}
}

func wrapExample(ex content.Example) string {
	body := strings.TrimSpace(ex.Body)
	switch {
	case ex.Stream:
		return "data: " + strings.Join(strings.Fields(body), " ") + "\n\ndata: [DONE]\n"
	case ex.Status != 0:
		var b strings.Builder
		b.WriteString("HTTP/1.1 " + strconv.Itoa(ex.Status) + "\n")
		for _, h := range ex.Headers {
			b.WriteString(h + "\n")
		}
		b.WriteString("Content-Type: application/json\n\n" + body + "\n")
		return b.String()
	}
	return body + "\n"
}

func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == ' ' {
			return '_'
		}
		return r
	}, s)
}
