package site

import (
	"regexp"
	"strings"
	"testing"

	"github.com/errdex/errdex/content/model"
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

// rowsOf returns the "client=verdict" pairs of a page's client tables, in
// page order.
func rowsOf(page []byte) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<tr data-client="([^"]+)" data-verdict="([^"]+)">`).FindAllSubmatch(page, -1) {
		out = append(out, string(m[1])+"="+string(m[2]))
	}
	return out
}

// TestClientTableOnCodePage is issue 13's first case on the built site: an
// OpenAI insufficient_quota 429 is retried by openai-python although it
// cannot clear, and the disagreements come before the agreements.
func TestClientTableOnCodePage(t *testing.T) {
	page := real.Files["openai/insufficient_quota/index.html"]
	rows := rowsOf(page)
	if len(rows) != len(realCat.Clients) {
		t.Fatalf("%d client rows on openai/insufficient_quota, want %d (one per client): %v", len(rows), len(realCat.Clients), rows)
	}
	if !strings.Contains(strings.Join(rows, " "), "openai-python=wastes") {
		t.Errorf("openai-python does not waste its retries on insufficient_quota: %v", rows)
	}
	assertDisagreementsFirst(t, "openai/insufficient_quota", rows)
	for _, c := range realCat.Clients {
		if !strings.Contains(string(page), `href="/errdex/clients/`+c.ID+`/"`) {
			t.Errorf("the table does not link %s's page", c.ID)
		}
	}
	// Every code page that has tables orders them the same way, and a page
	// with several says in each caption which examples it is about.
	caption := regexp.MustCompile(`<caption>What each client would do with <a href="#example-\d+">`)
	several := 0
	for _, p := range real.Pages {
		page := real.Files[FileFor(p)]
		assertDisagreementsFirst(t, p, rowsOf(page))
		if n := strings.Count(string(page), `<table class="client-table">`); n > 1 {
			several++
			if got := len(caption.FindAll(page, -1)); got != n {
				t.Errorf("%s: %d client tables, %d captions naming their examples", p, n, got)
			}
		}
	}
	if several == 0 {
		t.Error("no code page has examples that clients treat differently; the captions go untested")
	}
}

// assertDisagreementsFirst checks the order of rows within each table of a
// page (a new table starts when the clients repeat).
func assertDisagreementsFirst(t *testing.T, page string, rows []string) {
	t.Helper()
	last, seen := -1, map[string]bool{}
	for _, r := range rows {
		id, v, _ := strings.Cut(r, "=")
		if seen[id] { // the next table
			last, seen = -1, map[string]bool{}
		}
		seen[id] = true
		o, ok := verdictOrder[v]
		if !ok {
			t.Errorf("%s: unknown verdict %q", page, v)
		}
		if o < last {
			t.Errorf("%s: %s comes after a row it should precede: %v", page, r, rows)
			return
		}
		last = o
	}
}

// TestClientRowsMatchEngine checks a code page's table against the engine
// run directly on the example.
func TestClientRowsMatchEngine(t *testing.T) {
	p := realCat.Provider("anthropic")
	var ex string
	for _, e := range p.Entries {
		if e.Slug == "overloaded_error" {
			ex = response(e.Examples[0]).Text()
		}
	}
	d := classify.New(catalog.Default).Diagnose(ex, classify.Options{Provider: "anthropic"})
	want := map[string]bool{}
	for _, v := range d.Clients {
		want[v.ID+"="+v.Verdict] = true
	}
	got := rowsOf(real.Files["anthropic/overloaded_error/index.html"])
	if len(got) < len(want) {
		t.Fatalf("rows %v, engine %v", got, want)
	}
	for _, r := range got[:len(want)] {
		if !want[r] {
			t.Errorf("row %s is not what the engine says (%v)", r, want)
		}
	}
}

func TestClientPages(t *testing.T) {
	for _, c := range realCat.Clients {
		page := string(real.Files[FileFor(model.ClientPath(c.ID))])
		if page == "" {
			t.Errorf("no page for client %s", c.ID)
			continue
		}
		for _, s := range c.Sources {
			if !strings.Contains(page, `href="`+strings.ReplaceAll(s.URL, "&", "&amp;")+`"`) {
				t.Errorf("%s: source %s is not linked", c.ID, s.URL)
			}
			if !strings.Contains(page, `<time datetime="`+s.Read+`">`) {
				t.Errorf("%s: the date %s was read is not shown", c.ID, s.Read)
			}
		}
		for _, h := range c.Headers {
			if !strings.Contains(page, "<code>"+h.Name+"</code>") {
				t.Errorf("%s: header %s is not listed", c.ID, h.Name)
			}
		}
		if !strings.Contains(page, `<section id="prose"`) || !strings.Contains(page, "<h2 id=") {
			t.Errorf("%s: the prose was not rendered", c.ID)
		}
	}
	fx := buildFixture(t, readFile(t, "testdata/site.txtar"), urls)
	page := string(fx.Files["clients/sdk-a/index.html"])
	if strings.Contains(page, "<script>alert") || !strings.Contains(page, "raw HTML omitted") {
		t.Error("raw HTML in a client's prose reached the page")
	}
	index := string(real.Files["clients/index.html"])
	for _, c := range realCat.Clients {
		if !strings.Contains(index, `href="/errdex/clients/`+c.ID+`/"`) {
			t.Errorf("the clients index does not link %s", c.ID)
		}
	}
	idx := string(real.Files[real.SearchIndex])
	if !strings.Contains(idx, `"/errdex/clients/openai-python/"`) {
		t.Error("the search index has no client pages")
	}
}

// TestClientsMatrix checks that the matrix follows the rules: the same
// fixture with one rule changed gives another cell.
func TestClientsMatrix(t *testing.T) {
	archive := readFile(t, "testdata/site.txtar")
	text, err := ClientsMatrixText(fixture(t, archive))
	if err != nil {
		t.Fatal(err)
	}
	want := "| rate_limit (1) | retries, wastes 1/1 | retries, wastes 1/1 |"
	if !strings.Contains(text, want) {
		t.Errorf("matrix:\n%s\nwant the line %s", text, want)
	}
	changed := strings.Replace(string(archive), `statuses: [0, 429, ">=500", "!501"]`, `statuses: [0, ">=500", "!501"]`, 1)
	text, err = ClientsMatrixText(fixture(t, []byte(changed)))
	if err != nil {
		t.Fatal(err)
	}
	want = "| rate_limit (1) | stops, gives up 1/1 | retries, wastes 1/1 |"
	if !strings.Contains(text, want) {
		t.Errorf("with plain-http no longer retrying 429, matrix:\n%s\nwant the line %s", text, want)
	}
	// The page shows the same cells.
	m := string(real.Files["clients/index.html"])
	if !strings.Contains(m, `<tr data-category="quota">`) || !strings.Contains(m, `class="verdict verdict-wastes">wastes</span>`) {
		t.Error("the clients index has no quota row or no wasted retries")
	}
}

func TestMatrixCell(t *testing.T) {
	for _, c := range []struct {
		t    map[outcome]int
		want string
	}{
		{map[outcome]int{{catalog.RetryYes, "agrees"}: 20, {catalog.RetryYes, "wastes"}: 1, {catalog.RetryNo, "gives_up"}: 2, {catalog.RetryUnknown, "unknown"}: 3}, "retries, agrees 20/26; also wastes 1, gives up 2"},
		{map[outcome]int{{catalog.RetryNo, "agrees"}: 1, {catalog.RetryUnknown, "unknown"}: 1}, "stops, agrees 1/2"},
		{map[outcome]int{{catalog.RetryNo, "agrees"}: 1, {catalog.RetryYes, "wastes"}: 1}, "retries, wastes 1/2"},
		{map[outcome]int{{catalog.RetryUnknown, "unknown"}: 2}, "depends, unknown 2/2"},
	} {
		n := 0
		for _, k := range c.t {
			n += k
		}
		if got := matrixCell(c.t, n).Text(); got != c.want {
			t.Errorf("%v: %q, want %q", c.t, got, c.want)
		}
	}
}
