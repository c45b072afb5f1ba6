package browsertest

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/errdex/errdex/internal/bench"
)

// The playground's classifier runs in a worker. These tests check what that
// buys and what it must not cost: a 5 MB paste is diagnosed while the page
// keeps answering (asserted by the order of events, never by time), a
// stale answer is never drawn, long values are shortened and can be seen
// whole, and a paste with many errors lists them a hundred at a time.

// patience bounds the waits for a 5 MB diagnosis on a busy machine. It is
// not a measure: make bench measures.
const patience = 50 * time.Second

// orderScript pastes text and records, in window.__order, what happened
// in which order: "working" when the panel says a diagnosis is under way,
// then what a 0 ms timer and a click handler did meanwhile, and
// "diagnosis" when the panel was drawn. Were the classifier on the page's
// thread, the timer could only run after the diagnosis.
const orderScript = `((text) => {
  const o = window.__order = [];
  const panel = document.getElementById('diagnosis');
  const before = +(panel.dataset.run || 0);
  let working = false;
  new MutationObserver(() => {
    if (panel.dataset.state === 'working' && !working) {
      working = true;
      o.push('working');
      setTimeout(() => {
        o.push('timer');
        const d = document.getElementById('shortcuts');
        const was = d.open;
        d.querySelector('summary').click();
        o.push(d.open !== was ? 'click' : 'click ignored');
      }, 0);
    }
    if (+(panel.dataset.run || 0) > before && !o.includes('diagnosis')) o.push('diagnosis');
  }).observe(panel, {attributes: true});
  const box = document.getElementById('response-input');
  box.value = text;
  box.dispatchEvent(new Event('input', {bubbles: true}));
  return true;
})`

// pasteInOrder pastes text with orderScript and waits for the diagnosis.
func (tb *tab) pasteInOrder(text string) []string {
	tb.t.Helper()
	q, _ := json.Marshal(text)
	_ = eval[bool](tb, orderScript+"("+string(q)+")")
	tb.waitLong(`window.__order.includes('diagnosis')`, patience)
	tb.waitLong(`window.__order.length >= 4`, time.Second) // the timer has run by now whichever came first
	return eval[[]string](tb, `window.__order`)
}

// TestPlaygroundLargePastes pastes 5 MB on one line (a JSON body whose
// message is the whole 5 MB) and 5 MB over 41,000 lines: each is diagnosed
// as the CLI diagnoses it, the page answers a timer and a click while the
// worker works, the box folds, and the 5 MB message is shortened in the
// panel and can be paged through whole.
func TestPlaygroundLargePastes(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("")
	for _, c := range []struct {
		name, text string
	}{
		{"one line", bench.OneLinePaste(bench.PasteSize)},
		{"many lines", bench.ManyLinesPaste(bench.PasteSize)},
	} {
		order := tb.pasteInOrder(c.text)
		if strings.Join(order, " ") != "working timer click diagnosis" {
			t.Errorf("%s: the page did %v; want a timer and a click handled while the worker diagnosed (working timer click diagnosis)", c.name, order)
		}
		a := tb.attrs()
		if a.State != "done" || a.Category != bench.LargePasteCategory {
			t.Errorf("%s: panel %s (state %s), want category %s", c.name, a, a.State, bench.LargePasteCategory)
		}
		if want := nativeAttrs(t, c.text, ""); !sameAttrs(a, want) {
			t.Errorf("%s: panel %s, CLI %s", c.name, a, want)
		}
		if !eval[bool](tb, `document.getElementById('response-input').hidden && !document.getElementById('response-folded').hidden`) {
			t.Errorf("%s: the box did not fold", c.name)
		}
		if n := eval[int](tb, `document.getElementById('response-input').value.length`); n != len(c.text) {
			t.Errorf("%s: the folded box holds %d characters, want %d", c.name, n, len(c.text))
		}
		if n := eval[int](tb, `document.getElementById('diagnosis-body').textContent.length`); n > 20_000 {
			t.Errorf("%s: the panel draws %d characters of text; long values are not shortened", c.name, n)
		}
	}
	// The one-line paste's message: shortened, then seen whole page by page.
	tb.pasteInOrder(bench.OneLinePaste(bench.PasteSize))
	msg := longestField(t, bench.OneLinePaste(bench.PasteSize))
	tb.checkLongValue(`#diagnosis .dx-fields`, msg)
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// longestField is the longest field value the CLI finds in text.
func longestField(t *testing.T, text string) string {
	t.Helper()
	var d classifyJSON
	if err := json.Unmarshal(cliJSON(text, ""), &d); err != nil {
		t.Fatal(err)
	}
	long := ""
	for _, f := range d.Fields {
		if len(f.Value) > len(long) {
			long = f.Value
		}
	}
	return long
}

// checkLongValue checks the shortened value under the selector: it shows
// the start of value and how much more there is, "Show all" opens it in a
// read-only box (a page at a time when long) that holds exactly the value,
// and the focus goes there. value is ASCII, so its length is the page's.
func (tb *tab) checkLongValue(sel, value string) {
	tb.t.Helper()
	t := tb.t
	q := jsString(fmt.Sprintf(`%s .dx-long[data-length="%d"]`, sel, len(value)))
	shown := eval[string](tb, `document.querySelector(`+q+`)?.textContent ?? ''`)
	if shown == "" {
		t.Fatalf("%s: no shortened value of %d characters", sel, len(value))
	}
	if len(shown) > 500 || !strings.HasPrefix(value, strings.SplitN(shown, "…", 2)[0]) || !strings.Contains(shown, fmt.Sprintf("(%s more characters)", groupInt(len(value)-300))) {
		t.Errorf("%s: the shortened value reads %.400q", sel, shown)
	}
	_ = eval[bool](tb, `(document.querySelector(`+q+` + ' button').click(), true)`)
	if !eval[bool](tb, `document.activeElement.classList.contains('dx-whole') && document.activeElement.readOnly`) {
		t.Errorf("%s: Show all did not move the focus to a read-only box", sel)
	}
	const page = 100_000
	got := eval[string](tb, `document.querySelector(`+jsString(sel+" .dx-whole")+`).value`)
	if len(value) <= page {
		if got != value {
			t.Errorf("%s: the whole value differs (%d characters shown, %d in the value)", sel, len(got), len(value))
		}
		return
	}
	for i := 0; i < 2; i++ {
		want := value[i*page : min(len(value), (i+1)*page)]
		if got != want {
			t.Errorf("%s: page %d holds %d characters that differ from the value's", sel, i+1, len(got))
		}
		where := eval[string](tb, `document.querySelector(`+jsString(sel+" .dx-page")+`).textContent`)
		if wantWhere := fmt.Sprintf("Characters %s to %s of %s", groupInt(i*page+1), groupInt(i*page+len(want)), groupInt(len(value))); where != wantWhere {
			t.Errorf("%s: the pager says %q, want %q", sel, where, wantWhere)
		}
		_ = eval[bool](tb, `([...document.querySelectorAll(`+jsString(sel+" .dx-pager button")+`)].find(b => b.textContent === 'Next').click(), true)`)
		got = eval[string](tb, `document.querySelector(`+jsString(sel+" .dx-whole")+`).value`)
	}
}

// groupInt is n as the page writes it: "5,242,880".
func groupInt(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// TestPlaygroundLongValues shortens every long value the panel shows: a
// field's value, the code, the request id, and the masked paste, which
// keeps its secret masked.
func TestPlaygroundLongValues(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("")
	long := strings.Repeat("a lighthouse at dusk, ", 10_000) // 220,000 characters
	text := "HTTP/1.1 429 Too Many Requests\nx-request-id: req_" + strings.Repeat("7", 5000) + "\nAuthorization: Bearer " + fakeKey + "\n\n" +
		`{"error":{"message":"Rate limit exceeded: ` + long + `","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}`
	a, shown := tb.diagnoseUI(text, "")
	if want := nativeAttrs(t, shown, ""); !sameAttrs(a, want) {
		t.Fatalf("panel %s, CLI %s", a, want)
	}
	var d struct {
		classifyJSON
		RequestID string `json:"request_id"`
	}
	_ = json.Unmarshal(cliJSON(shown, ""), &d)
	tb.checkLongValue(`#diagnosis .dx-fields`, longestField(t, shown))
	_ = eval[bool](tb, `(document.querySelector('#diagnosis .dx-input').open = true, true)`)
	tb.checkLongValue(`#diagnosis .dx-input`, d.RedactedInput)
	if html := eval[string](tb, `document.getElementById('diagnosis').outerHTML`); strings.Contains(html, fakeKey[len("sk-test-"):]) {
		t.Error("the key is in the panel")
	}
	if len(d.RequestID) > 1000 {
		if n := eval[int](tb, `[...document.querySelectorAll('#diagnosis .dx-facts dd')].find(dd => dd.previousElementSibling.textContent === 'Request ID')?.querySelectorAll('.dx-long').length ?? -1`); n != 1 {
			t.Errorf("the %d-character request id is not shortened (%d)", len(d.RequestID), n)
		}
	} else {
		t.Logf("the classifier took no long request id (%q)", d.RequestID)
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// TestPlaygroundStaleAnswer pastes 5 MB, then, while the worker diagnoses
// it, a second text and at once a third: the panel draws the third alone.
// The worker answers in order and the engine sends the third only after
// the first's answer came back, so by the time the third is drawn the
// first's answer had arrived and been dropped; the second was superseded
// before it was sent.
func TestPlaygroundStaleAnswer(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("")
	big, _ := json.Marshal(bench.ManyLinesPaste(bench.PasteSize))
	before := tb.run()
	_ = eval[bool](tb, `((big) => {
	  const seen = window.__seen = [];
	  const panel = document.getElementById('diagnosis');
	  const box = document.getElementById('response-input');
	  const now = document.getElementById('diagnose-now');
	  let swapped = false;
	  new MutationObserver(() => {
	    if (panel.dataset.state === 'working' && !swapped) {
	      swapped = true;
	      box.value = '{"error":{"code":"not_found","message":"Resource not found"}}';
	      now.click();
	      box.value = '{"code": 6, "error": "not_enough_balance"}';
	      now.click();
	    }
	    if (panel.dataset.state === 'done' || panel.dataset.state === 'error') seen.push(panel.dataset.state + ' ' + panel.dataset.code);
	  }).observe(panel, {attributes: true});
	  box.value = big;
	  now.click();
	  return true;
	})(`+string(big)+`)`)
	tb.waitLong(`window.__seen.length > 0`, patience)
	time.Sleep(300 * time.Millisecond) // room for a wrong second drawing to show up
	if seen := eval[[]string](tb, `window.__seen`); strings.Join(seen, ",") != "done not_enough_balance" {
		t.Errorf("the panel drew %v; want only the last paste (done not_enough_balance)", seen)
	}
	if n := tb.run(); n != before+1 {
		t.Errorf("the panel drew %d diagnoses, want 1", n-before)
	}
}

// fakeAnswers wraps the page's Worker so that a test can rewrite the
// classifier's answers (window.__fakeAnswer(d) returns the Diagnosis to
// draw): how the panel draws keys the classifier may not send yet.
const fakeAnswers = `(() => {
  const Real = window.Worker;
  window.Worker = class extends Real {
    set onmessage(fn) {
      super.onmessage = (e) => {
        const f = window.__fakeAnswer;
        if (f && e.data && e.data.type === 'answer' && e.data.d) fn(new MessageEvent('message', {data: {...e.data, d: f(e.data.d)}}));
        else fn(e);
      };
    }
    get onmessage() { return super.onmessage; }
  };
})();`

// manyErrors turns a diagnosis into one of a log with n distinct errors,
// the top one the 62nd (at line 1,234, three times), and a root cause.
const manyErrors = `((n) => (d) => {
  const entry = (i) => {
    const e = {...d, line: i === 61 ? 1234 : 20 * i + 1, occurrences: i === 61 ? 3 : 1 + (i % 2)};
    delete e.redacted_input;
    if (i !== 61) { e.code = 'code_' + i; e.category = i % 3 ? d.category : 'server_error'; e.title = 'Error number ' + i; }
    return e;
  };
  return {...d, line: 1234, occurrences: 3, code_category: 'server_error',
    root_cause: {where: 'the message of the SSE error event', provider: 'clipia', code: 'rate_limit_exceeded', status: 429, message: 'Rate limit exceeded. Try again later.', category: d.category},
    errors: Array.from({length: n}, (_, i) => entry(i))};
})`

// TestPlaygroundErrorList draws a diagnosis with 500 errors and a root
// cause (the classifier's answer rewritten in the page, see fakeAnswers):
// the first hundred rows, the rest a hundred per "Show more", the top
// error marked, each row opening to its diagnosis with a link to its
// reference, the root cause, and the Markdown listing the errors briefly.
func TestPlaygroundErrorList(t *testing.T) {
	tb := newTab(t)
	tb.grantClipboard()
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: fakeAnswers}); err != nil {
		t.Fatal(err)
	}
	tb.openPlay("")
	_ = eval[bool](tb, `(window.__fakeAnswer = `+manyErrors+`(500), true)`)
	order := tb.pasteInOrder(`{"error":{"message":"Rate limit exceeded. Try again later.","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}`)
	if strings.Join(order, " ") != "working timer click diagnosis" {
		t.Errorf("the page did %v while the worker diagnosed", order)
	}
	rows := func() int { return eval[int](tb, `document.querySelectorAll('#diagnosis .dx-error-list > li').length`) }
	if n := rows(); n != 100 {
		t.Errorf("%d rows drawn at first, want 100 of 500", n)
	}
	more := `document.querySelector('#diagnosis .dx-more-errors')`
	if got := eval[string](tb, more+`.textContent`); got != "Show 100 more (400 not shown yet)" {
		t.Errorf("the button says %q", got)
	}
	primary := eval[string](tb, `document.querySelector('#diagnosis .dx-error-primary summary')?.textContent ?? ''`)
	if !strings.Contains(primary, "line 1,234") || !strings.Contains(primary, "3 times") || !strings.Contains(primary, "(diagnosed above)") {
		t.Errorf("the top error's row reads %q", primary)
	}
	// A row opens to its diagnosis, with its reference.
	_ = eval[bool](tb, `(document.querySelector('#diagnosis .dx-error-list > li:nth-child(3) summary').click(), true)`)
	body := eval[string](tb, `document.querySelector('#diagnosis .dx-error-list > li:nth-child(3) .dx-error-body')?.textContent ?? ''`)
	if !strings.Contains(body, "Error number 2") || !strings.Contains(body, "Reference") {
		t.Errorf("the third row opens to %.300q", body)
	}
	if n := eval[int](tb, `document.querySelectorAll('#diagnosis .dx-error-body .countdown, #diagnosis .dx-error-body .dx-errors').length`); n != 0 {
		t.Errorf("an opened row draws %d countdowns or lists of its own", n)
	}
	for i := 0; i < 4; i++ {
		_ = eval[bool](tb, `(`+more+`.click(), true)`)
	}
	if n := rows(); n != 500 || !eval[bool](tb, more+`.hidden`) {
		t.Errorf("after four Show more: %d rows, button hidden %v", n, eval[bool](tb, more+`.hidden`))
	}
	facts := eval[string](tb, `document.querySelector('#diagnosis .dx-facts').textContent`)
	if !strings.Contains(facts, "line 1,234, seen 3 times") || !strings.Contains(facts, "(from the root cause)") {
		t.Errorf("the facts do not say where the error is or that the category is the root cause's: %.500q", facts)
	}
	rc := eval[string](tb, `document.querySelector('#diagnosis .dx-root-cause')?.textContent ?? ''`)
	for _, want := range []string{"Root cause:", "the upstream, " + providerName(tb, "clipia") + ",", "rate_limit_exceeded", "Rate limit exceeded. Try again later.", "server_error", "follow the upstream error"} {
		if !strings.Contains(rc, want) {
			t.Errorf("the root cause note lacks %q: %q", want, rc)
		}
	}
	// A click by script: the page is 500 rows long and scrolled to the last ones.
	_ = eval[bool](tb, `(document.getElementById('copy-markdown').click(), true)`)
	tb.waitFor(`document.getElementById('share-output').value.startsWith('###')`)
	md := eval[string](tb, `document.getElementById('share-output').value`)
	for _, want := range []string{"**Errors in the paste** (500, in paste order):", "- line 21: ", "`code_1`", "- … and 480 more", "**Root cause:**", "**Where:** line 1,234, seen 3 times"} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q:\n%.2000s", want, md)
		}
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

func providerName(tb *tab, id string) string {
	return eval[string](tb, `document.querySelector('#provider-override option[value=`+jsString(id)+`]').textContent`)
}

// errorLog is a log of lines lines with an error every step lines, of a
// few kinds, each with its own request id.
func errorLog(lines, step int) string {
	kinds := []string{
		`status=429 {"error":{"message":"Rate limit exceeded. Try again later.","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded","request_id":"req_%d"}}`,
		`status=402 {"error":{"type":"invalid_request_error","code":"insufficient_credits","message":"Not enough credits for this generation.","request_id":"req_%d"}}`,
		`status=400 {"code": 6, "error": "not_enough_balance", "request_id": "req_%d"}`,
	}
	var b strings.Builder
	for i := 1; i <= lines; i++ {
		if i%step == 0 {
			fmt.Fprintf(&b, "2026-11-23T10:00:00Z ERROR "+kinds[(i/step)%len(kinds)]+"\n", i)
		} else {
			fmt.Fprintf(&b, "2026-11-23T10:00:00Z INFO poll {\"request_id\":\"req_%d\",\"status\":\"IN_PROGRESS\"}\n", i)
		}
	}
	return b.String()
}

// TestPlaygroundManyErrors pastes a log of 10,000 lines with 500 errors
// through the real classifier: the page answers while it is diagnosed and
// draws what the CLI finds. When the classifier lists the paste's errors
// (the errors key), the list shows at most a hundred rows at first; when it
// does not (yet), the panel shows the one error as before.
func TestPlaygroundManyErrors(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("")
	log := errorLog(10_000, 20)
	order := tb.pasteInOrder(log)
	if strings.Join(order, " ") != "working timer click diagnosis" {
		t.Errorf("the page did %v while the worker diagnosed", order)
	}
	a := tb.attrs()
	if want := nativeAttrs(t, log, ""); !sameAttrs(a, want) {
		t.Errorf("panel %s, CLI %s", a, want)
	}
	var d struct {
		Errors []json.RawMessage `json:"errors"`
	}
	_ = json.Unmarshal(cliJSON(log, ""), &d)
	rows := eval[int](tb, `document.querySelectorAll('#diagnosis .dx-error-list > li').length`)
	switch n := len(d.Errors); {
	case n >= 2:
		if rows != min(n, 100) {
			t.Errorf("the classifier lists %d errors; the panel draws %d rows, want %d", n, rows, min(n, 100))
		}
	default:
		t.Logf("the classifier lists %d errors (no errors key before the multi-error classifier); the panel draws %d rows", n, rows)
		if rows != 0 {
			t.Errorf("%d rows for a diagnosis without a list", rows)
		}
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// TestPlaygroundFoldPaste pastes 1.5 MB through a paste event: the page
// inserts it itself and folds the box before any frame lays it out, the
// text is diagnosed, Alt+Shift+P reaches the card, "Show the text" unfolds
// the box (without soft wrapping) and "Clear" empties it.
func TestPlaygroundFoldPaste(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("")
	text := bench.ManyLinesPaste(1_500_000)
	n := tb.run()
	_ = eval[bool](tb, `((text) => {
	  const box = document.getElementById('response-input');
	  box.focus();
	  const dt = new DataTransfer();
	  dt.setData('text/plain', text);
	  window.__pasteTaken = !box.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
	  return true;
	})(`+jsString(text)+`)`)
	if !eval[bool](tb, `window.__pasteTaken`) {
		t.Fatal("the page let the browser insert a 1.5 MB paste")
	}
	tb.waitRun(n)
	if a, want := tb.attrs(), nativeAttrs(t, text, ""); !sameAttrs(a, want) {
		t.Errorf("panel %s, CLI %s", a, want)
	}
	if got := eval[int](tb, `document.getElementById('response-input').value.length`); got != len(text) {
		t.Errorf("the box holds %d characters, want %d", got, len(text))
	}
	card := eval[string](tb, `document.getElementById('response-folded').hidden ? '' : document.getElementById('response-folded').textContent`)
	if !strings.Contains(card, groupInt(len(text))+" characters on ") {
		t.Errorf("the card reads %.200q", card)
	}
	if eval[string](tb, `document.activeElement.textContent`) != "Show the text in the box" {
		t.Errorf("the focus is on %q, want the card's button", eval[string](tb, `document.activeElement.outerHTML.slice(0, 100)`))
	}
	_ = eval[bool](tb, `(document.activeElement.blur(), true)`)
	tb.key("P", "KeyP", 80, 1|8)
	if got := eval[string](tb, `document.activeElement.textContent`); got != "Show the text in the box" {
		t.Errorf("Alt+Shift+P with the box folded: focus on %q", got)
	}
	_ = eval[bool](tb, `(document.activeElement.click(), true)`)
	if !eval[bool](tb, `(() => { const b = document.getElementById('response-input'); return !b.hidden && b.wrap === 'off' && document.activeElement === b })()`) {
		t.Error("Show the text did not unfold the box, unwrapped, with the focus in it")
	}
	_ = eval[bool](tb, `(document.getElementById('response-input').value = 'x'.repeat(2e6), document.getElementById('response-input').dispatchEvent(new Event('input')), true)`)
	if !eval[bool](tb, `!document.getElementById('response-input').hidden`) {
		t.Error("an unfolded box folded again while the user edits it")
	}
	_ = eval[bool](tb, `(document.getElementById('response-input').value = 'y'.repeat(1e6 + 1), document.getElementById('response-input').dispatchEvent(new Event('input')), true)`)
	_ = eval[bool](tb, `(document.getElementById('response-input').value = 'small', document.getElementById('response-input').dispatchEvent(new Event('input')), true)`)
	_ = eval[bool](tb, `(document.getElementById('response-input').value = 'z'.repeat(1e6 + 1), document.getElementById('response-input').dispatchEvent(new Event('input')), true)`)
	if !eval[bool](tb, `document.getElementById('response-input').hidden`) {
		t.Error("a new large text after a small one did not fold the box")
	}
	_ = eval[bool](tb, `([...document.querySelectorAll('#response-folded button')].find(b => b.textContent === 'Clear the box').click(), true)`)
	if !eval[bool](tb, `(() => { const b = document.getElementById('response-input'); return !b.hidden && b.value === '' && document.activeElement === b && b.wrap === 'soft' })()`) {
		t.Error("Clear did not leave an empty, unfolded, focused box")
	}
	tb.waitFor(`document.getElementById('diagnosis').dataset.state === 'empty'`)
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}
