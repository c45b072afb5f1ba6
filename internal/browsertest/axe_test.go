package browsertest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/errdex/errdex/internal/bench"
)

// axePath is axe-core as `npm ci --prefix site` installs it (.ci/run does).
const axePath = "../../site/node_modules/axe-core/axe.min.js"

// axeViolation is one rule axe-core found broken, with where.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axeSource returns axe-core's script from site/node_modules; without it
// the test skips, except with CI=true, where it fails.
func axeSource(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile(axePath)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core is missing (%v): run npm ci --prefix site", err)
		}
		t.Skipf("axe-core is missing (%v): run npm ci --prefix site", err)
	}
	return src
}

// TestAccessibility runs axe-core (WCAG 2.1 A and AA, and best practices)
// on one page of each type, on the playground with a diagnosis shown, and
// on the playground after a 1.5 MB paste (the box folded, a long value
// shown whole a page at a time, a list of errors with a row open, a root
// cause), in the light and the dark colour scheme. A serious or critical violation
// fails; lesser ones are logged. Without site/node_modules the test skips,
// except with CI=true, where it fails.
func TestAccessibility(t *testing.T) {
	src := axeSource(t)
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: fakeAnswers}); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, scheme := range []string{"light", "dark"} {
		if scheme == "dark" {
			if _, err := callEmulatedMedia(tb, darkMode()); err != nil {
				t.Fatal(err)
			}
		}
		for _, p := range []string{"", "clore/", "clore/not_enough_balance/", "categories/rate_limit/", "categories/", "no/such/page/", "play/", "play/#example=clore/can_lower_every_600_seconds/0", largePlay} {
			if p == largePlay {
				tb.showLargePaste()
			} else {
				tb.open(p)
			}
			if strings.HasPrefix(p, "play/#") {
				tb.waitFor(`document.getElementById('diagnosis').dataset.state === 'done'`)
				// Open every disclosure so that axe sees their contents.
				_ = eval[bool](tb, `(document.querySelectorAll('#play details').forEach(d => d.open = true), true)`)
			}
			if eval[bool](tb, `typeof window.axe === 'undefined'`) {
				_ = eval[bool](tb, string(src)+";\ntrue")
			}
			res := eval[axeResult](tb, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
			  .then(r => ({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))}))`)
			if res.Passes < 10 {
				t.Errorf("/%s (%s): axe passed only %d rules; did it run?", p, scheme, res.Passes)
			}
			checked++
			for _, v := range res.Violations {
				msg := fmt.Sprintf("/%s (%s): %s [%s] %s: %s", p, scheme, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Error(msg)
				} else {
					t.Log(msg)
				}
			}
		}
	}
	t.Logf("axe-core checked %d pages", checked)
}

// largePlay names the playground after a large paste in the page list.
const largePlay = "play/ (a 1.5 MB paste with 150 errors)"

// showLargePaste leaves the playground with everything a large paste
// draws: the folded box, a long value paged whole, the errors list with
// its first row open, and a root cause (the answer rewritten as in
// TestPlaygroundErrorList).
func (tb *tab) showLargePaste() {
	tb.t.Helper()
	tb.openPlay("")
	_ = eval[bool](tb, `(window.__fakeAnswer = `+manyErrors+`(150), true)`)
	tb.pasteInOrder(bench.OneLinePaste(1_500_000))
	_ = eval[bool](tb, `(() => {
	  document.querySelector('#diagnosis .dx-fields .dx-long button').click();
	  document.querySelectorAll('#play details').forEach(d => d.open = true);
	  document.activeElement.blur();
	  return true })()`)
	tb.waitFor(`document.querySelectorAll('#diagnosis .dx-error-body').length === 100`)
}

type axeResult struct {
	Passes     int            `json:"passes"`
	Violations []axeViolation `json:"violations"`
}
