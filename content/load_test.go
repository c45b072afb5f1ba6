package content_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/errdex/errdex/content"
)

// baseFS is a minimal valid content tree: every canonical category and the
// provider in testdata/good.txtar. Fixtures overlay files on it; a file whose
// text is "(deleted)" removes it.
func baseFS(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for i, name := range content.CanonicalCategories {
		fsys["categories/"+name+".md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\nname: %s\ntitle: T %s\nsummary: S.\nretryable: \"no\"\nadvice: A.\norder: %d\n---\nBody.\n", name, name, i+1))}
	}
	overlay(t, fsys, "testdata/good.txtar")
	// Broken fixtures redefine acme with rate_limited alone.
	fsys["urls.txt"] = &fstest.MapFile{Data: []byte("acme/rate_limited/\n")}
	return fsys
}

func overlay(t testing.TB, fsys fstest.MapFS, archive string) *txtar.Archive {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		switch {
		case f.Name == "want":
		case strings.TrimSpace(string(f.Data)) == "(deleted)":
			delete(fsys, f.Name)
		default:
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return ar
}

func TestRepositoryContentIsValid(t *testing.T) {
	cat, problems := content.Load(content.FS)
	for _, p := range problems {
		t.Error(p)
	}
	if len(cat.Providers) < 5 {
		t.Errorf("loaded %d providers, want the five seed providers", len(cat.Providers))
	}
}

func TestGoodFixture(t *testing.T) {
	cat, problems := content.Load(baseFS(t))
	for _, p := range problems {
		t.Error(p)
	}
	p := cat.Provider("acme")
	if p == nil || len(p.Entries) != 2 {
		t.Fatalf("acme not loaded with 2 codes: %+v", p)
	}
	if got := p.Entries[0].Related; !slices.Equal(got, []string{"acme/bad_key"}) {
		t.Errorf("related = %v, want [acme/bad_key]", got)
	}
	if p.BodyLine != 43 || !strings.HasPrefix(p.Body, "## Error format") {
		t.Errorf("body starts at line %d with %q", p.BodyLine, p.Body[:min(20, len(p.Body))])
	}
}

// TestBrokenFixtures loads each testdata/broken/*.txtar over the base tree and
// expects exactly the problems listed in its "want" section.
func TestBrokenFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/broken/*.txtar")
	if len(files) < 8 {
		t.Fatalf("found %d broken fixtures", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			fsys := baseFS(t)
			ar := overlay(t, fsys, file)
			var want []string
			for _, f := range ar.Files {
				if f.Name == "want" {
					want = strings.Split(strings.TrimSpace(string(f.Data)), "\n")
				}
			}
			_, problems := content.Load(fsys)
			var got []string
			for _, p := range problems {
				got = append(got, p.String())
			}
			for _, w := range want {
				if !slices.Contains(got, w) {
					t.Errorf("missing problem:\n  %s", w)
				}
			}
			if t.Failed() || len(got) != len(want) {
				t.Errorf("got %d problems, want %d:\n  %s", len(got), len(want), strings.Join(got, "\n  "))
			}
		})
	}
}

// FuzzLoad feeds arbitrary provider files to the loader: it must never panic,
// and every problem must name a file.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/broken/*.txtar")
	files = append(files, "testdata/good.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			if strings.HasPrefix(af.Name, "providers/") {
				f.Add(af.Data)
			}
		}
	}
	base := baseFS(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["providers/acme.md"] = &fstest.MapFile{Data: data}
		_, problems := content.Load(fsys)
		for _, p := range problems {
			if p.File == "" || p.Line < 0 || p.Msg == "" {
				t.Fatalf("problem without a place: %#v", p)
			}
		}
	})
}

// TestRepositoryClients checks that the client rules issue 13 names are
// loaded, each with its prose and a source read on a date.
func TestRepositoryClients(t *testing.T) {
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatalf("content has %d problems; see TestRepositoryContentIsValid", len(problems))
	}
	for _, id := range []string{"openai-python", "openai-node", "anthropic-python", "anthropic-typescript",
		"vercel-ai", "litellm", "google-genai", "aws-sdk-go-v2", "go-retryablehttp", "stripe-go"} {
		c := cat.Client(id)
		if c == nil {
			t.Errorf("client %s is not loaded", id)
			continue
		}
		if !strings.Contains(c.Body, "## ") || c.BodyLine < 10 {
			t.Errorf("%s: body at line %d has no section: %.40q", id, c.BodyLine, c.Body)
		}
		if len(c.Sources) == 0 || c.Sources[0].Read == "" || c.Defaults.Attempts < 1 {
			t.Errorf("%s: sources %v, attempts %d", id, c.Sources, c.Defaults.Attempts)
		}
	}
	for id, want := range map[string]string{"openai-python": "0.5, 1 s, jittered", "go-retryablehttp": "1, 2, 4, 8 s",
		"stripe-go": "0.5–5 s, jittered", "vercel-ai": "2, 4 s", "google-genai": "1 s, jittered"} {
		if c := cat.Client(id); c != nil && c.Backoff.Words != want {
			t.Errorf("%s: backoff words %q, want %q", id, c.Backoff.Words, want)
		}
	}
	if !slices.IsSortedFunc(cat.Clients, func(a, b *content.Client) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("clients are not sorted by id")
	}
}

// FuzzLoadClient feeds arbitrary client files to the loader: it must never
// panic, and every problem must name a file.
func FuzzLoadClient(f *testing.F) {
	files, _ := filepath.Glob("testdata/broken/client_*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			if strings.HasPrefix(af.Name, "clients/") {
				f.Add(af.Data)
			}
		}
	}
	real, _ := filepath.Glob("clients/*.md")
	for _, file := range real {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	base := baseFS(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["clients/acme-sdk.md"] = &fstest.MapFile{Data: data}
		_, problems := content.Load(fsys)
		for _, p := range problems {
			if p.File == "" || p.Line < 0 || p.Msg == "" {
				t.Fatalf("problem without a place: %#v", p)
			}
		}
	})
}
