package browsertest

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/content/model"
)

// phone is the viewport of TestPhone: a small phone in portrait.
const phoneWidth, phoneHeight = 375, 800

// TestPhone opens the pages that list the whole catalog (home, a category,
// the provider with the most codes, the matrix) at a phone's viewport and
// checks that none scrolls sideways, that the category's and the
// provider's tables fit without scrolling in their regions, and that axe-core
// finds nothing serious there at that width; then that every provider's
// page, and its code page with the most examples, fits too; then that the
// matrix keeps what its design promises: its table is wider than the phone and scrolls inside
// its own region, the provider column stays at the region's left edge,
// painted over the cells, however far the table is scrolled sideways, and
// the category headings stay at its top when it is scrolled down.
func TestPhone(t *testing.T) {
	tb := newTab(t)
	tb.do(chromedp.EmulateViewport(phoneWidth, phoneHeight, chromedp.EmulateMobile))
	for _, p := range []string{"", "categories/rate_limit/", biggestProvider(t) + "/", "categories/"} {
		tb.open(p)
		if got := eval[[]int](tb, `[document.documentElement.scrollWidth, window.innerWidth]`); got[0] > got[1] || got[1] != phoneWidth {
			t.Errorf("/%s: the page is %dpx wide in a %dpx viewport (want %d); too wide: %s", p, got[0], got[1], phoneWidth, eval[string](tb, tooWide))
		}
		// The tables of a category's codes and of a provider's fit the
		// phone; only the matrix scrolls sideways, in its own region.
		if got := eval[string](tb, `[...document.querySelectorAll('table.compare, table.codes')]
		  .filter(t => t.parentElement.scrollWidth > t.parentElement.clientWidth)
		  .map(t => t.className + ' is ' + t.parentElement.scrollWidth + 'px wide in ' + t.parentElement.clientWidth + 'px').join('; ')`); got != "" {
			t.Errorf("/%s: %s", p, got)
		}
		if *phoneShots != "" {
			tb.phoneShot(p)
		}
		tb.axeAtPhone(p)
	}
	// Every provider's page fits too: their bodies hold tables and long
	// field names.
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	// So does each provider's code page with the most examples.
	for _, p := range cat.Providers {
		most := p.Entries[0]
		for _, e := range p.Entries {
			if len(e.Examples) > len(most.Examples) {
				most = e
			}
		}
		for _, path := range []string{model.ProviderPath(p.ID), model.Path(p.ID, most.Slug)} {
			tb.open(path)
			if got := eval[[]int](tb, `[document.documentElement.scrollWidth, window.innerWidth]`); got[0] > got[1] || got[1] != phoneWidth {
				t.Errorf("/%s: the page is %dpx wide in a %dpx viewport (want %d); too wide: %s", path, got[0], got[1], phoneWidth, eval[string](tb, tooWide))
			}
		}
	}
	tb.open("categories/")
	// Back on the matrix. Bring its region into view, without the smooth
	// scrolling the stylesheet asks for.
	_ = eval[bool](tb, `(document.documentElement.style.scrollBehavior = 'auto',
	  document.querySelector('.matrix-wrap').scrollIntoView({block: 'start'}), true)`)
	if w := eval[[]int](tb, `(w => [w.scrollWidth, w.clientWidth, w.scrollHeight, w.clientHeight])(document.querySelector('.matrix-wrap'))`); w[0] <= w[1]*2 || w[2] <= w[3] {
		t.Fatalf("the matrix (%dx%d in a %dx%d region) does not need scrolling both ways on a phone: the test would prove nothing", w[0], w[2], w[1], w[3])
	}
	for _, left := range []string{"0", "400", "w.scrollWidth"} {
		got := eval[string](tb, `(() => {
		  const w = document.querySelector('.matrix-wrap');
		  w.scrollLeft = `+left+`;
		  return (`+pinnedColumn+`)(w);
		})()`)
		if got != "" {
			t.Errorf("matrix scrolled sideways to %s: %s", left, got)
		}
	}
	// At the far right the last category's cells are in view.
	if got := eval[string](tb, `(() => {
	  const w = document.querySelector('.matrix-wrap'), r = w.getBoundingClientRect();
	  const c = w.querySelector('tbody tr:not(.matrix-group) td:last-child').getBoundingClientRect();
	  return c.right <= r.right + 1 && c.left >= r.left ? '' : 'last column at ' + c.left + '..' + c.right + ', region ' + r.left + '..' + r.right;
	})()`); got != "" {
		t.Errorf("matrix scrolled to the right end: %s", got)
	}
	got := eval[string](tb, `(() => {
	  const w = document.querySelector('.matrix-wrap'), r = w.getBoundingClientRect();
	  w.scrollTop = w.scrollHeight;
	  const bad = [], edge = w.querySelector('thead th').getBoundingClientRect().right;
	  for (const h of w.querySelectorAll('thead th')) {
	    const b = h.getBoundingClientRect();
	    if (Math.abs(b.top - r.top - w.clientTop) > 1) bad.push(h.textContent.trim() + ' at top ' + b.top + ', region top ' + r.top);
	    // A heading scrolled sideways out of view, or under the corner, is
	    // not drawn; the rest must be.
	    if (h.cellIndex > 0 && (b.right <= edge + 4 || b.left >= r.right - 4)) continue;
	    const x = Math.max(b.left, h.cellIndex > 0 ? edge : r.left) + 2, y = b.top + b.height / 2;
	    if (!h.contains(document.elementFromPoint(x, y))) bad.push(h.textContent.trim() + ' is covered by ' + document.elementFromPoint(x, y)?.outerHTML.slice(0, 80));
	  }
	  return bad.join('; ');
	})()`)
	if got != "" {
		t.Errorf("matrix scrolled down: the category headings left the top: %s", got)
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

var phoneShots = flagString("phoneshots", "", "TestPhone writes screenshots of the pages it checks into this directory")

// phoneShot writes two screenshots of the page open in the tab to the
// -phoneshots directory, for a person to look at: its top, and its main
// list (the providers of a category or the home page, a provider's codes,
// the matrix):
//
//	go test ./internal/browsertest -run 'TestPhone$' -phoneshots /tmp/shots
func (tb *tab) phoneShot(path string) {
	tb.t.Helper()
	name := strings.Trim(strings.ReplaceAll(path, "/", "-"), "-")
	if name == "" {
		name = "home"
	}
	for i, scroll := range []string{`window.scrollTo(0, 0)`,
		`document.querySelector('.matrix-wrap, #codes, #providers').scrollIntoView({block: 'start'})`} {
		_ = eval[bool](tb, `(document.documentElement.style.scrollBehavior = 'auto', `+scroll+`, true)`)
		png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			tb.t.Fatal(err)
		}
		file := filepath.Join(*phoneShots, name+"-"+strconv.Itoa(i+1)+".png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			tb.t.Fatal(err)
		}
	}
	_ = eval[bool](tb, `(window.scrollTo(0, 0), document.documentElement.style.scrollBehavior = '', true)`)
}

// axeAtPhone runs axe-core (as TestAccessibility does) on the open page at
// the phone's width, where the tables scroll and stick: a serious or
// critical violation fails. Without axe-core it does nothing;
// TestAccessibility says why.
func (tb *tab) axeAtPhone(path string) {
	tb.t.Helper()
	src, err := os.ReadFile(axePath)
	if err != nil {
		return
	}
	if eval[bool](tb, `typeof window.axe === 'undefined'`) {
		_ = eval[bool](tb, string(src)+";\ntrue")
	}
	res := eval[axeResult](tb, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
	  .then(r => ({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))}))`)
	if res.Passes < 10 {
		tb.t.Errorf("/%s: axe passed only %d rules at a phone's width; did it run?", path, res.Passes)
	}
	for _, v := range res.Violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			tb.t.Errorf("/%s at a phone's width: %s [%s] %s: %s", path, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
		}
	}
}

// tooWide names the innermost elements that reach past the phone's width.
const tooWide = `[...document.body.querySelectorAll('*')]
  .filter(e => e.getBoundingClientRect().right > ` + "375" + ` + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > ` + "375" + ` + 1))
  .slice(0, 4).map(e => e.outerHTML.slice(0, 120)).join(' | ')`

// pinnedColumn is a JavaScript function of the matrix's region: it checks
// that every provider's row heading sits at the region's left edge and is
// the element drawn there (not a cell scrolled over it), and returns what
// is wrong, or "".
const pinnedColumn = `(w) => {
  const r = w.getBoundingClientRect(), bad = [];
  const heads = w.querySelectorAll('tbody th[scope="row"]');
  if (heads.length === 0) return 'no row headings';
  for (const h of heads) {
    // Scroll down to the row only: scrollIntoView would also scroll
    // sideways and hide a heading that does not stay put.
    w.scrollTop += h.getBoundingClientRect().top - (r.top + w.clientTop + w.querySelector('thead').offsetHeight);
    const b = h.getBoundingClientRect();
    if (Math.abs(b.left - r.left - w.clientLeft) > 1) bad.push(h.textContent.trim() + ' at left ' + b.left + ', region left ' + r.left);
    const y = b.top + Math.min(b.height / 2, 10), el = document.elementFromPoint(b.left + 4, y);
    if (!h.contains(el)) bad.push(h.textContent.trim() + ' is covered by ' + (el ? el.outerHTML.slice(0, 80) : 'nothing'));
  }
  return bad.join('; ');
}`

// biggestProvider is the provider with the most codes: its page has the
// longest table.
func biggestProvider(t *testing.T) string {
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	id, n := "", -1
	for _, p := range cat.Providers {
		if len(p.Entries) > n {
			id, n = p.ID, len(p.Entries)
		}
	}
	return id
}

// TestPhoneSearch searches at a phone's width with seventeen providers that
// nearly all send 429: a query naming a provider and a status puts one of
// that provider's codes with that status first, and the open list of
// results does not widen the page.
func TestPhoneSearch(t *testing.T) {
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	tb := newTab(t)
	tb.do(chromedp.EmulateViewport(phoneWidth, phoneHeight, chromedp.EmulateMobile))
	tb.open("categories/")
	tried := 0
	for _, p := range cat.Providers {
		want := map[string]bool{}
		for _, e := range p.Entries {
			if slices.Contains(e.Statuses, 429) {
				want[model.Path(p.ID, e.Slug)] = true
			}
		}
		if len(want) == 0 {
			continue
		}
		tried++
		q := p.ID + " 429"
		got := tb.search(q)
		if len(got) == 0 || !want[got[0]] {
			t.Errorf("%q: first result %v, want one of %s's 429 codes %v", q, got, p.ID, want)
		}
		if w := eval[[]int](tb, `[document.documentElement.scrollWidth, window.innerWidth]`); w[0] > w[1] {
			t.Errorf("%q: with the results open the page is %dpx wide in %dpx", q, w[0], w[1])
		}
	}
	if tried < 10 {
		t.Errorf("only %d providers have a 429 code: the catalog is not the one this test was written for", tried)
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}
