package browsertest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

// clientRow is one row of the playground's #clients table as the page
// shows it.
type clientRow struct {
	ID        string `json:"id"`
	Verdict   string `json:"verdict"`
	Label     string `json:"label"`
	Retries   string `json:"retries"`
	FirstWait string `json:"firstWait"`
	Href      string `json:"href"`
}

// clientRows reads the rows of the table #clients, or of the first client
// table under sel, in page order.
func (tb *tab) clientRows(sel string) []clientRow {
	tb.t.Helper()
	return eval[[]clientRow](tb, `[...document.querySelectorAll(`+jsString(sel)+` + ' tbody tr')].map(r => ({
	  id: r.dataset.client ?? '', verdict: r.dataset.verdict ?? '',
	  label: r.querySelector('.verdict')?.textContent ?? '',
	  retries: r.cells[2]?.textContent ?? '', firstWait: r.cells[4]?.textContent ?? '',
	  href: r.querySelector('th a')?.getAttribute('href') ?? ''}))`)
}

// rank orders verdicts as the table must: disagreements first.
var rank = map[string]int{"wastes": 0, "gives_up": 1, "unknown": 2, "agrees": 3}

func rowOf(rows []clientRow, id string) (int, clientRow) {
	for i, r := range rows {
		if r.ID == id {
			return i, r
		}
	}
	return -1, clientRow{}
}

// TestPlaygroundClients pastes issue 13's cases into the playground and
// reads the "What your client would do" table: an OpenAI
// insufficient_quota 429 that openai-python retries in vain, listed before
// the clients that agree, with the verdicts the classifier gives natively
// and in the words of the code page; and a 429 with Retry-After: 300, which
// go-retryablehttp waits out and openai-python gives up on.
func TestPlaygroundClients(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("")
	quota := "HTTP/1.1 429 Too Many Requests\nContent-Type: application/json\n\n" +
		`{"error": {"message": "You exceeded your current quota, please check your plan and billing details.", "type": "insufficient_quota", "param": null, "code": "insufficient_quota"}}`
	_, shown := tb.diagnoseUI(quota, "")
	rows := tb.clientRows("#clients")
	native := classify.New(catalog.Default).Diagnose(shown, classify.Options{}).Clients
	if len(rows) != len(native) || len(rows) == 0 {
		t.Fatalf("%d rows in #clients, the classifier gives %d clients", len(rows), len(native))
	}
	for _, v := range native {
		if _, r := rowOf(rows, v.ID); r.Verdict != v.Verdict {
			t.Errorf("%s: the page says %q, the classifier %q", v.ID, r.Verdict, v.Verdict)
		}
	}
	i, py := rowOf(rows, "openai-python")
	if py.Verdict != "wastes" || py.Retries != "Yes" || !strings.HasSuffix(py.Href, base+"clients/openai-python/") {
		t.Errorf("openai-python on insufficient_quota: %+v, want it to retry and waste", py)
	}
	for j, r := range rows {
		if j > 0 && rank[r.Verdict] < rank[rows[j-1].Verdict] {
			t.Errorf("row %d (%s %s) follows %s %s: disagreements must come first", j, r.ID, r.Verdict, rows[j-1].ID, rows[j-1].Verdict)
		}
		if r.Verdict == "agrees" && j < i {
			t.Errorf("%s agrees yet is listed before openai-python, which wastes", r.ID)
		}
		if strings.TrimSpace(r.Label) == "" {
			t.Errorf("%s: the verdict has no words, only a colour", r.ID)
		}
	}
	labels := map[string]string{}
	for _, r := range rows {
		labels[r.Verdict] = r.Label
	}

	wait := "HTTP/1.1 429 Too Many Requests\nRetry-After: 300\nContent-Type: application/json\n\n" +
		`{"error": {"message": "Rate limit reached for requests", "type": "requests", "code": "rate_limit_exceeded"}}`
	tb.diagnoseUI(wait, "")
	rows = tb.clientRows("#clients")
	if _, r := rowOf(rows, "go-retryablehttp"); r.Retries != "Yes" || r.FirstWait != "300 s" {
		t.Errorf("go-retryablehttp on Retry-After: 300: %+v, want it to wait 300 s", r)
	}
	if _, r := rowOf(rows, "openai-python"); r.Verdict != "gives_up" || r.Retries != "No" {
		t.Errorf("openai-python on Retry-After: 300: %+v, want it to give up", r)
	}
	for _, r := range rows {
		labels[r.Verdict] = r.Label
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}

	// The code page draws the same table in Go, with the same words.
	tb.open("openai/insufficient_quota/")
	page := tb.clientRows("#clients .client-table")
	if len(page) != len(native) {
		t.Fatalf("the code page's table has %d rows, want %d", len(page), len(native))
	}
	for _, r := range page {
		if want, ok := labels[r.Verdict]; ok && r.Label != want {
			t.Errorf("verdict %s reads %q on the code page and %q in the playground", r.Verdict, r.Label, want)
		}
	}
	if _, r := rowOf(page, "openai-python"); r.Verdict != "wastes" {
		t.Errorf("the code page says openai-python %q on insufficient_quota, want wastes", r.Verdict)
	}
}

// TestClientPagesAccessible runs axe-core on the client pages, a code page
// with its clients table, and the playground showing the table, in both
// colour schemes; the pages also load without console errors or CSP
// violations.
func TestClientPagesAccessible(t *testing.T) {
	src := axeSource(t)
	tb := newTab(t)
	for _, scheme := range []string{"light", "dark"} {
		if scheme == "dark" {
			if _, err := callEmulatedMedia(tb, darkMode()); err != nil {
				t.Fatal(err)
			}
		}
		for _, p := range []string{"clients/", "clients/openai-python/", "clients/go-retryablehttp/", "openai/insufficient_quota/", "play/"} {
			if p == "play/" {
				tb.openPlay("")
				tb.diagnoseUI("HTTP/1.1 429 Too Many Requests\nRetry-After: 300\n\n"+`{"error": {"code": "rate_limit_exceeded", "message": "slow down"}}`, "")
				tb.waitFor(`document.querySelectorAll('#clients tbody tr').length > 0`)
			} else {
				tb.open(p)
			}
			for _, v := range tb.axe(string(src)) {
				msg := fmt.Sprintf("/%s (%s): %s [%s] %s: %s", p, scheme, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
				if slices.Contains([]string{"serious", "critical"}, v.Impact) {
					t.Error(msg)
				} else {
					t.Log(msg)
				}
			}
		}
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// axe runs axe-core (src) on the page as TestAccessibility does and
// returns its violations; it fails the test when axe ran too few rules.
func (tb *tab) axe(src string) []axeViolation {
	tb.t.Helper()
	if eval[bool](tb, `typeof window.axe === 'undefined'`) {
		_ = eval[bool](tb, src+";\ntrue")
	}
	res := eval[axeResult](tb, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
	  .then(r => ({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))}))`)
	if res.Passes < 10 {
		tb.t.Errorf("axe passed only %d rules; did it run?", res.Passes)
	}
	return res.Violations
}

// TestClientPagesLayout checks that the wide client tables scroll inside
// their regions on a phone instead of widening the page.
func TestClientPagesLayout(t *testing.T) {
	tb := newTab(t)
	tb.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	for _, p := range []string{"clients/", "clients/openai-python/", "openai/insufficient_quota/"} {
		tb.open(p)
		if w := eval[int](tb, `document.documentElement.scrollWidth`); w > 390 {
			t.Errorf("/%s is %dpx wide on a 390px phone", p, w)
		}
	}
	tb.openPlay("")
	tb.diagnoseUI("HTTP/1.1 429 Too Many Requests\nRetry-After: 300\n\n"+`{"error": {"code": "rate_limit_exceeded", "message": "slow down"}}`, "")
	tb.waitFor(`document.querySelectorAll('#clients tbody tr').length > 0`)
	if w := eval[int](tb, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the playground with its clients table is %dpx wide on a 390px phone", w)
	}
}
