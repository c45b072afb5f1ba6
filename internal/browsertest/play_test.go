package browsertest

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

// The playground tests run the real classifier, compiled to js/wasm by
// TestMain, in the page, and compare what the page shows with what the
// classifier gives natively (the CLI's --json).

// panelAttrs are the diagnosis panel's data attributes.
type panelAttrs struct {
	Provider    string `json:"provider"`
	Code        string `json:"code"`
	Category    string `json:"category"`
	Retryable   string `json:"retryable"`
	WaitSeconds string `json:"waitSeconds"`
	State       string `json:"state"`
}

func (a panelAttrs) String() string {
	return fmt.Sprintf("provider=%q code=%q category=%q retryable=%q wait=%q", a.Provider, a.Code, a.Category, a.Retryable, a.WaitSeconds)
}

// nativeAttrs is what the panel should carry for text: the five values of
// classify.New(catalog.Default).Diagnose(...).JSON(), "" for null.
func nativeAttrs(t *testing.T, text, provider string) panelAttrs {
	t.Helper()
	return attrsOfJSON(t, cliJSON(text, provider))
}

// cliJSON is what `errdex diagnose --json` prints for text.
func cliJSON(text, provider string) []byte {
	d := classify.New(catalog.Default).Diagnose(text, classify.Options{Provider: provider})
	return d.JSON()
}

func attrsOfJSON(t *testing.T, raw []byte) panelAttrs {
	t.Helper()
	var d struct {
		Provider *string `json:"provider"`
		Code     *string `json:"code"`
		Category string  `json:"category"`
		Retry    struct {
			Retryable   *bool        `json:"retryable"`
			WaitSeconds *json.Number `json:"wait_seconds"`
		} `json:"retry"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("diagnosis JSON: %v\n%.300s", err, raw)
	}
	a := panelAttrs{Category: d.Category}
	if d.Provider != nil {
		a.Provider = *d.Provider
	}
	if d.Code != nil {
		a.Code = *d.Code
	}
	if d.Retry.Retryable != nil {
		a.Retryable = strconv.FormatBool(*d.Retry.Retryable)
	}
	if d.Retry.WaitSeconds != nil {
		a.WaitSeconds = d.Retry.WaitSeconds.String()
	}
	return a
}

// sameAttrs compares two sets of attributes; wait seconds as numbers (the
// page writes JavaScript's String(number), the CLI Go's decimal).
func sameAttrs(a, b panelAttrs) bool {
	if a.Provider != b.Provider || a.Code != b.Code || a.Category != b.Category || a.Retryable != b.Retryable {
		return false
	}
	if a.WaitSeconds == "" || b.WaitSeconds == "" {
		return a.WaitSeconds == b.WaitSeconds
	}
	x, err1 := strconv.ParseFloat(a.WaitSeconds, 64)
	y, err2 := strconv.ParseFloat(b.WaitSeconds, 64)
	return err1 == nil && err2 == nil && x == y
}

// openPlay opens the playground and waits until its classifier is ready.
func (tb *tab) openPlay(fragment string) {
	tb.t.Helper()
	tb.open("play/" + fragment)
	tb.waitFor(`document.getElementById('play').dataset.engine === 'ready'`)
}

func (tb *tab) attrs() panelAttrs {
	tb.t.Helper()
	return eval[panelAttrs](tb, `(() => { const d = document.getElementById('diagnosis').dataset;
	  return {provider: d.provider ?? '', code: d.code ?? '', category: d.category ?? '', retryable: d.retryable ?? '', waitSeconds: d.waitSeconds ?? '', state: d.state ?? ''} })()`)
}

func (tb *tab) run() int {
	tb.t.Helper()
	return eval[int](tb, `+(document.getElementById('diagnosis').dataset.run || 0)`)
}

// waitRun waits until the panel has drawn a diagnosis after run number n.
func (tb *tab) waitRun(n int) {
	tb.t.Helper()
	tb.waitFor(`+(document.getElementById('diagnosis').dataset.run || 0) > ` + strconv.Itoa(n))
}

// setInput puts text in the box and the override in the select the way a
// script would, then fires the box's input event: the debounced path.
func (tb *tab) setInput(text, provider string) {
	tb.t.Helper()
	_ = eval[bool](tb, `(() => {
	  document.getElementById('provider-override').value = `+jsString(provider)+`;
	  const box = document.getElementById('response-input');
	  box.value = `+jsString(text)+`;
	  box.dispatchEvent(new Event('input', {bubbles: true}));
	  return true })()`)
}

// diagnoseUI runs text through the page and returns the panel's attributes
// and what the box holds (a textarea turns CR LF into LF).
func (tb *tab) diagnoseUI(text, provider string) (panelAttrs, string) {
	tb.t.Helper()
	n := tb.run()
	tb.setInput(text, provider)
	tb.waitRun(n)
	return tb.attrs(), eval[string](tb, `document.getElementById('response-input').value`)
}

type corpusCase struct {
	name, input, provider string
}

// loadCorpus reads the classifier's golden corpus: every input form the
// classifier knows, with the provider override of the case.
func loadCorpus(t *testing.T) []corpusCase {
	t.Helper()
	files, err := filepath.Glob("../../wasm/classify/testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	var out []corpusCase
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := corpusCase{name: strings.TrimSuffix(filepath.Base(f), ".txtar")}
		for _, line := range strings.Split(string(ar.Comment), "\n") {
			if v, ok := strings.CutPrefix(line, "provider: "); ok {
				c.provider = strings.TrimSpace(v)
			}
		}
		found := false
		for _, sec := range ar.Files {
			if sec.Name == "input" {
				c.input, found = string(sec.Data), true
			}
		}
		if found {
			out = append(out, c)
		}
	}
	return out
}

// asBrowserSees is text as a JavaScript string holds it: invalid UTF-8
// becomes U+FFFD, byte by byte, as JSON carries it into the page.
func asBrowserSees(text string) string {
	if utf8.ValidString(text) {
		return text
	}
	b, _ := json.Marshal(text)
	var s string
	_ = json.Unmarshal(b, &s)
	return s
}

// TestPlaygroundCorpus checks that the page diagnoses every input of the
// classifier's corpus exactly as the CLI does: the whole JSON through
// the worker (window.errdexEngine.diagnose) for every case, and the panel's data attributes
// through the full UI path (box, debounce, render) for one case per input
// form and for every case with a provider override.
func TestPlaygroundCorpus(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("")
	cases := loadCorpus(t)

	pairs := make([][2]string, len(cases))
	for i, c := range cases {
		pairs[i] = [2]string{asBrowserSees(c.input), c.provider}
	}
	arg, _ := json.Marshal(pairs)
	got := eval[[]string](tb, `Promise.all((`+string(arg)+`).map(([t, p]) => errdexEngine.diagnose(t, p)))`)
	if len(got) != len(cases) {
		t.Fatalf("%d answers for %d cases", len(got), len(cases))
	}
	forms := map[string]corpusCase{}
	for i, c := range cases {
		in := pairs[i][0]
		want := cliJSON(in, c.provider)
		if got[i] != string(want) {
			wa, ga := attrsOfJSON(t, want), attrsOfJSON(t, []byte(got[i]))
			t.Errorf("%s: the page's classifier differs from the CLI's\n page: %s\n  cli: %s\n page: %.300s\n  cli: %.300s", c.name, ga, wa, got[i], want)
		}
		var d struct{ Form string }
		_ = json.Unmarshal(want, &d)
		if _, ok := forms[d.Form]; !ok || c.provider != "" {
			key := d.Form
			if c.provider != "" {
				key += " with override " + c.provider
			}
			if _, seen := forms[key]; !seen {
				forms[key] = c
			}
		}
	}

	keys := make([]string, 0, len(forms))
	for k := range forms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, form := range keys {
		c := forms[form]
		a, shown := tb.diagnoseUI(asBrowserSees(c.input), c.provider)
		if a.State != "done" {
			t.Errorf("%s (%s): panel state %q", c.name, form, a.State)
			continue
		}
		want := nativeAttrs(t, shown, c.provider)
		if !sameAttrs(a, want) {
			t.Errorf("%s (%s): the panel says\n  %s\nthe CLI says\n  %s", c.name, form, a, want)
		}
		if shown != asBrowserSees(c.input) {
			if orig := nativeAttrs(t, asBrowserSees(c.input), c.provider); !sameAttrs(orig, want) {
				t.Logf("%s (%s): the textarea changed the text (CR LF → LF) and with it the diagnosis: file %s, box %s", c.name, form, orig, want)
			}
		}
	}
	t.Logf("%d corpus cases through the worker, %d through the UI (%s)", len(cases), len(keys), strings.Join(keys, ", "))
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// TestPlaygroundPanel checks what the panel shows for a documented rate
// limit: the verdict, the wait and its countdown, the reference link, the
// field-by-field breakdown, and the time to the first diagnosis.
func TestPlaygroundPanel(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("#example=clore/5/0")
	tb.waitFor(`document.getElementById('diagnosis').dataset.state === 'done'`)
	t.Logf("classifier loaded in %s ms (%s); first diagnosis %s ms after navigation",
		eval[string](tb, `document.getElementById('play').dataset.engineLoadMs`),
		eval[string](tb, `document.getElementById('play').dataset.engineCompiledBy`),
		eval[string](tb, `document.getElementById('play').dataset.firstDiagnosisMs`))
	if by := eval[string](tb, `document.getElementById('play').dataset.engineCompiledBy`); by != "streaming" {
		t.Errorf("compiled by %q, want streaming (the server sends application/wasm)", by)
	}

	text := "HTTP/1.1 429 Too Many Requests\nRetry-After: 30\nx-request-id: req_abc123\nContent-Type: application/json\n\n" +
		`{"error": {"code": "rate_limit_exceeded", "message": "Rate limit exceeded. Try again later."}}`
	a, shown := tb.diagnoseUI(text, "")
	want := nativeAttrs(t, shown, "")
	if !sameAttrs(a, want) {
		t.Fatalf("panel %s, CLI %s", a, want)
	}
	var d classifyJSON
	_ = json.Unmarshal(cliJSON(shown, ""), &d)
	body := eval[string](tb, `document.getElementById('diagnosis-body').textContent`)
	for _, s := range []string{d.Title, d.Explanation, "HTTP status", "429", "req_abc123"} {
		if s != "" && !strings.Contains(body, s) {
			t.Errorf("the panel does not show %q", s)
		}
	}
	if a.WaitSeconds != "" && a.Retryable != "false" {
		tb.waitFor(`/retry allowed in \d+:\d\d/.test(document.querySelector('#diagnosis .countdown')?.textContent ?? '')`)
		first := eval[string](tb, `document.querySelector('#diagnosis .countdown').textContent`)
		time.Sleep(1100 * time.Millisecond)
		if next := eval[string](tb, `document.querySelector('#diagnosis .countdown').textContent`); next == first {
			t.Errorf("the countdown does not count: %q, then %q", first, next)
		}
	}
	if d.Reference != "" {
		href := eval[string](tb, `[...document.querySelectorAll('#diagnosis-body a')].map(a => a.getAttribute('href')).find(h => h === `+jsString(base+d.Reference)+`) ?? ''`)
		if href == "" {
			t.Errorf("no link to the reference %s", d.Reference)
		}
	}
	rows := eval[int](tb, `document.querySelectorAll('#diagnosis .dx-fields tbody tr').length`)
	if rows != len(d.Fields) {
		t.Errorf("the breakdown has %d rows, the diagnosis %d fields", rows, len(d.Fields))
	}
	// Every link in the panel leads to a page of the site, and its fragment to an element.
	for _, href := range eval[[]string](tb, `[...document.querySelectorAll('#diagnosis a')].map(a => a.getAttribute('href'))`) {
		checkSiteLink(t, href)
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// classifyJSON is the part of the diagnosis JSON the tests read.
type classifyJSON struct {
	Title         string `json:"title"`
	Explanation   string `json:"explanation"`
	Reference     string `json:"reference"`
	RedactedInput string `json:"redacted_input"`
	Fields        []struct {
		Path, Value, Role string
	} `json:"fields"`
}

// checkSiteLink checks that a root-relative URL names a file of the built
// site and its fragment an element of that page.
func checkSiteLink(t *testing.T, href string) {
	t.Helper()
	rel, ok := strings.CutPrefix(href, base)
	if !ok {
		t.Errorf("link %q leaves the site", href)
		return
	}
	page, frag, _ := strings.Cut(rel, "#")
	file := page + "index.html"
	if page != "" && !strings.HasSuffix(page, "/") {
		file = page
	}
	data, ok := built.Files[file]
	if !ok {
		t.Errorf("link %q: no page %s", href, file)
		return
	}
	if frag != "" && !bytes.Contains(data, []byte(`id="`+frag+`"`)) {
		t.Errorf("link %q: no element #%s on %s", href, frag, file)
	}
}

// TestPlaygroundOverride checks the provider select: an ambiguous paste is
// left undecided with its candidates shown, and choosing a provider
// re-diagnoses at once, as the CLI does with that provider.
func TestPlaygroundOverride(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("")
	text := `{"error":{"code":"not_found","message":"Resource not found"}}`
	a, _ := tb.diagnoseUI(text, "")
	if want := nativeAttrs(t, text, ""); !sameAttrs(a, want) {
		t.Fatalf("auto: panel %s, CLI %s", a, want)
	}
	if a.Provider != "" {
		t.Logf("the ambiguous paste was attributed to %q", a.Provider)
	} else if n := eval[int](tb, `document.querySelectorAll('#diagnosis .dx-candidates li').length`); n < 2 {
		t.Errorf("an ambiguous paste shows %d candidates", n)
	}
	for _, p := range []string{"clipia", "clawhosters"} {
		n := tb.run()
		_ = eval[bool](tb, `(() => { const s = document.getElementById('provider-override'); s.value = `+jsString(p)+`; s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
		tb.waitRun(n)
		got := tb.attrs()
		if want := nativeAttrs(t, text, p); !sameAttrs(got, want) || got.Provider != p {
			t.Errorf("override %s: panel %s, CLI %s", p, got, want)
		}
		if how := eval[string](tb, `document.querySelector('#diagnosis .dx-facts dd').textContent`); !strings.Contains(how, "chosen by you") {
			t.Errorf("override %s: the provider line does not say it was chosen: %q", p, how)
		}
	}
}

// TestPlaygroundGallery opens examples from the gallery: one click loads
// one and diagnoses it, and the gallery lists every documented example.
func TestPlaygroundGallery(t *testing.T) {
	tb := newTab(t)
	var examples map[string]string
	if err := json.Unmarshal(built.Files[built.Examples], &examples); err != nil {
		t.Fatal(err)
	}
	tb.openPlay("")
	if n := eval[int](tb, `document.querySelectorAll('#examples .gallery-list a').length`); n != len(examples) {
		t.Errorf("the gallery lists %d examples, the catalog documents %d", n, len(examples))
	}
	hrefs := eval[[]string](tb, `[...document.querySelectorAll('#examples .gallery-list a')].map(a => a.getAttribute('href'))`)
	if len(hrefs) < 2 {
		t.Fatal("no examples in the gallery")
	}
	for _, i := range []int{0, len(hrefs) / 2, 0} { // the first again: same fragment, no hashchange
		key := strings.TrimPrefix(hrefs[i], base+"play/#example=")
		n := tb.run()
		_ = eval[bool](tb, `(() => {
		  document.getElementById('examples').open = true;
		  const a = document.querySelectorAll('#examples .gallery-list a')[`+strconv.Itoa(i)+`];
		  a.closest('details.gallery-group').open = true;
		  document.getElementById('response-input').value = 'edited';
		  return true })()`)
		tb.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#examples .gallery-list a[href=%q]`, hrefs[i]))))
		tb.waitRun(n)
		tb.waitFor(`document.getElementById('diagnosis').dataset.state === 'done'`)
		if got := eval[string](tb, `document.getElementById('response-input').value`); got != strings.ReplaceAll(examples[key], "\r\n", "\n") {
			t.Errorf("example %s: the box holds %.80q, want %.80q", key, got, examples[key])
			continue
		}
		if a, want := tb.attrs(), nativeAttrs(t, eval[string](tb, `document.getElementById('response-input').value`), ""); !sameAttrs(a, want) {
			t.Errorf("example %s: panel %s, CLI %s", key, a, want)
		}
	}
}

// TestPlaygroundOpenFromCodePage follows a code page's "Open in playground".
func TestPlaygroundOpenFromCodePage(t *testing.T) {
	tb := newTab(t)
	tb.open("clore/not_enough_balance/")
	tb.do(chromedp.Click(chromedp.CSS(`#example-1 a[href*="play/#example="]`)))
	tb.waitFor(`location.pathname === '` + base + `play/' && document.getElementById('diagnosis').dataset.state === 'done'`)
	a := tb.attrs()
	if want := nativeAttrs(t, eval[string](tb, `document.getElementById('response-input').value`), ""); !sameAttrs(a, want) {
		t.Errorf("panel %s, CLI %s", a, want)
	}
	if a.Provider != "clore" || a.Code != "not_enough_balance" {
		t.Errorf("the example of clore/not_enough_balance was diagnosed as %s", a)
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// decodeV1 decodes a permalink fragment independently of the page: the
// format documented in site/ts/fragment.ts.
func decodeV1(t *testing.T, hash string) (input, provider string) {
	t.Helper()
	payload, ok := strings.CutPrefix(hash, "#v1=")
	if !ok {
		t.Fatalf("not a v1 permalink: %.60q", hash)
	}
	packed, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		t.Fatalf("permalink: not base64url: %v", err)
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(packed)))
	if err != nil {
		t.Fatalf("permalink: not raw DEFLATE: %v", err)
	}
	var v struct{ Input, Provider string }
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("permalink: not JSON: %v\n%s", err, raw)
	}
	return v.Input, v.Provider
}

const fakeKey = "sk-test-FAKEFAKEFAKE1234567890abcd"

// secretPaste is curl -v output with a fake key in the Authorization
// header and echoed in the body.
var secretPaste = "> POST /v1/generate HTTP/1.1\n> Host: api.example.com\n> Authorization: Bearer " + fakeKey + "\n>\n< HTTP/1.1 401 Unauthorized\n< Content-Type: application/json\n<\n" +
	`{"error":{"code":"invalid_api_key","message":"Invalid API key: ` + fakeKey + `","type":"authentication_error"}}`

// TestPlaygroundSecrets checks that a key in the paste appears nowhere in
// the panel (text or attributes), the permalink or the Markdown.
func TestPlaygroundSecrets(t *testing.T) {
	tb := newTab(t)
	tb.grantClipboard()
	tb.openPlay("")
	tb.diagnoseUI(secretPaste, "")
	secret := fakeKey[len("sk-test-"):]
	if html := eval[string](tb, `document.getElementById('diagnosis').outerHTML`); strings.Contains(html, secret) {
		t.Errorf("the key is in the panel:\n%s", html)
	}
	if n := eval[int](tb, `document.querySelectorAll('#diagnosis .dx-redactions li').length`); n == 0 {
		t.Error("the panel does not say what was masked")
	}
	tb.click("copy-permalink")
	tb.waitFor(`location.hash.startsWith('#v1=')`)
	in, _ := decodeV1(t, eval[string](tb, `location.hash`))
	if strings.Contains(in, secret) || !strings.Contains(in, "[redacted]") {
		t.Errorf("the permalink holds %q", in)
	}
	tb.click("copy-markdown")
	tb.waitFor(`document.getElementById('share-output').value.startsWith('###')`)
	md := eval[string](tb, `document.getElementById('share-output').value`)
	if strings.Contains(md, secret) {
		t.Errorf("the Markdown holds the key:\n%s", md)
	}
	if clip, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise)); err == nil && clip != md {
		t.Errorf("the clipboard holds %.200q, the page shows %.200q", clip, md)
	}
	if html := eval[string](tb, `document.getElementById('diagnosis').outerHTML`); strings.Contains(html, secret) {
		t.Error("the key is in the panel after sharing")
	}
}

// TestPlaygroundMarkdown checks the Markdown block for a ticket.
func TestPlaygroundMarkdown(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("#example=clore/not_enough_balance/0")
	tb.waitFor(`document.getElementById('diagnosis').dataset.state === 'done'`)
	text := eval[string](tb, `document.getElementById('response-input').value`)
	var d struct {
		classifyJSON
		Code      string `json:"code"`
		Category  string `json:"category"`
		RequestID string `json:"request_id"`
		Fix       []string
		Clients   []struct{ Name, Verdict string }
	}
	_ = json.Unmarshal(cliJSON(text, ""), &d)
	if len(d.Clients) == 0 {
		t.Fatal("the example's diagnosis has no clients")
	}
	tb.click("copy-markdown")
	tb.waitFor(`document.getElementById('share-output').value.startsWith('###')`)
	md := eval[string](tb, `document.getElementById('share-output').value`)
	siteRoot := strings.TrimSuffix(siteURL, "/") + "/"
	for _, want := range []string{
		"**Provider:** Clore.ai (`clore`)", "**Code:** `" + d.Code + "`", "**HTTP status:**", "**Category:** `" + d.Category + "`",
		"**Retryable:**", "**Request ID:**", "**Reference:** " + siteRoot + d.Reference, "**What happened:**", "**How to fix it:**",
		"1. ", "```text\n" + d.RedactedInput,
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, md)
		}
	}
	// What each client would do: every client is named, a disagreeing one
	// on its own line with its verdict in words.
	if !strings.Contains(md, "**What your client would do**") {
		t.Errorf("the Markdown lacks the clients:\n%s", md)
	}
	for _, c := range d.Clients {
		if !strings.Contains(md, c.Name) {
			t.Errorf("the Markdown does not name client %s:\n%s", c.Name, md)
		}
		if c.Verdict == "wastes" && !strings.Contains(md, "- "+c.Name+": Wastes retries") {
			t.Errorf("the Markdown does not say %s wastes retries:\n%s", c.Name, md)
		}
	}
}

// TestPlaygroundPermalink copies a permalink with a provider override and
// opens it in a fresh tab: the paste, the override and the diagnosis come
// back.
func TestPlaygroundPermalink(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("")
	text := `{"error":{"code":"not_found","message":"Resource not found"}}` + "\n" + strings.Repeat("padding so that compression matters ", 20)
	tb.diagnoseUI(text, "clawhosters")
	tb.click("copy-permalink")
	tb.waitFor(`location.hash.startsWith('#v1=')`)
	link := eval[string](tb, `location.href`)
	if shown := eval[string](tb, `document.getElementById('share-output').value`); shown != link {
		t.Errorf("the page shows %q, the address bar %q", shown, link)
	}
	in, p := decodeV1(t, eval[string](tb, `location.hash`))
	if p != "clawhosters" {
		t.Errorf("the permalink's provider is %q", p)
	}
	if len(link) > len(text) {
		t.Errorf("the permalink (%d bytes) is longer than the text (%d bytes): not compressed?", len(link), len(text))
	}

	tb2 := newTab(t)
	tb2.do(chromedp.Navigate(link))
	tb2.waitFor(`document.readyState === 'complete' && document.getElementById('diagnosis').dataset.state === 'done'`)
	if got := eval[string](tb2, `document.getElementById('response-input').value`); got != in {
		t.Errorf("restored %q, want %q", got, in)
	}
	if got := eval[string](tb2, `document.getElementById('provider-override').value`); got != "clawhosters" {
		t.Errorf("restored the override %q", got)
	}
	if a, want := tb2.attrs(), nativeAttrs(t, in, "clawhosters"); !sameAttrs(a, want) {
		t.Errorf("restored diagnosis %s, CLI %s", a, want)
	}
	// A damaged link says so and leaves the page working.
	tb2.do(chromedp.Navigate(siteURL + "play/#v1=AAAA_not-deflate"))
	tb2.waitFor(`document.readyState === 'complete' && /permalink could not be read/.test(document.getElementById('engine-status').textContent)`)
	tb2.waitFor(`document.getElementById('play').dataset.engine === 'ready'`)
	if a, _ := tb2.diagnoseUI(text, ""); a.State != "done" {
		t.Errorf("after a damaged permalink: state %q", a.State)
	}
	for _, x := range []*tab{tb, tb2} {
		if p := x.problems(); len(p) > 0 {
			t.Errorf("problems:\n%s", strings.Join(p, "\n"))
		}
	}
}

// key presses one key with modifiers (Alt=1, Ctrl=2, Meta=4, Shift=8) as a
// keyboard does.
func (tb *tab) key(key, code string, vk int64, modifiers int64) {
	tb.t.Helper()
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
		p := input.DispatchKeyEventParams{Type: typ, Key: key, Code: code, WindowsVirtualKeyCode: vk, NativeVirtualKeyCode: vk, Modifiers: modifiers}
		if _, err := chromedp.Call(tb.ctx, input.DispatchKeyEvent, p); err != nil {
			tb.t.Fatal(err)
		}
	}
}

func (tb *tab) click(id string) {
	tb.t.Helper()
	tb.do(chromedp.Click(chromedp.ID(id)))
}

func (tb *tab) grantClipboard() {
	for _, perm := range []string{"clipboard-read", "clipboard-write"} {
		origin := strings.TrimSuffix(siteURL, base)
		if _, err := chromedp.CallBrowser(tb.ctx, browserSetPermission, permissionParams(perm, origin)); err != nil {
			tb.t.Logf("granting %s: %v", perm, err)
		}
	}
}

// TestPlaygroundShortcuts presses every shortcut the page lists.
func TestPlaygroundShortcuts(t *testing.T) {
	tb := newTab(t)
	tb.grantClipboard()
	tb.openPlay("")
	help := eval[string](tb, `document.getElementById('shortcuts').textContent`)
	for _, want := range []string{"Ctrl", "Enter", "⌘", "Alt", "Shift", "P", "L", "M", "D", "?", "/"} {
		if !strings.Contains(help, want) {
			t.Errorf("the shortcut list does not mention %q", want)
		}
	}
	const alt, ctrl, meta, shift = 1, 2, 4, 8

	// ? opens the list (outside the box), and again closes it.
	_ = eval[bool](tb, `(document.activeElement.blur(), true)`)
	tb.key("?", "Slash", 191, shift)
	if !eval[bool](tb, `document.getElementById('shortcuts').open`) {
		t.Error("? did not open the shortcut list")
	}
	tb.key("?", "Slash", 191, shift)
	if eval[bool](tb, `document.getElementById('shortcuts').open`) {
		t.Error("? did not close the shortcut list")
	}

	// Alt+Shift+P focuses the box.
	tb.key("P", "KeyP", 80, alt|shift)
	if id := eval[string](tb, `document.activeElement.id`); id != "response-input" {
		t.Errorf("Alt+Shift+P: focus on %q", id)
	}

	// Ctrl+Enter and Cmd+Enter diagnose at once, with no input event.
	for _, mod := range []int64{ctrl, meta} {
		n := tb.run()
		_ = eval[bool](tb, `(document.getElementById('response-input').value = '{"code": 6, "error": "not_enough_balance"}', true)`)
		tb.key("Enter", "Enter", 13, mod)
		tb.waitRun(n)
		if a := tb.attrs(); a.Code != "not_enough_balance" {
			t.Errorf("modifier %d+Enter: %s", mod, a)
		}
		if v := eval[string](tb, `document.getElementById('response-input').value`); strings.Contains(v, "\n") {
			t.Errorf("modifier %d+Enter typed a newline into the box", mod)
		}
	}

	// Alt+Shift+D moves to the diagnosis.
	tb.key("D", "KeyD", 68, alt|shift)
	if id := eval[string](tb, `document.activeElement.id`); id != "diagnosis" {
		t.Errorf("Alt+Shift+D: focus on %q", id)
	}
	// Alt+Shift+L copies a permalink, Alt+Shift+M the Markdown.
	tb.key("L", "KeyL", 76, alt|shift)
	tb.waitFor(`document.getElementById('share-output').value.includes('#v1=')`)
	tb.key("M", "KeyM", 77, alt|shift)
	tb.waitFor(`document.getElementById('share-output').value.startsWith('###')`)

	// The site's / still goes to search.
	_ = eval[bool](tb, `(document.activeElement.blur(), true)`)
	tb.pressSlash()
	if id := eval[string](tb, `document.activeElement.id`); id != "search-input" {
		t.Errorf("/: focus on %q, want the search box", id)
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// recordRequests returns the requests the tab and its workers make from
// now on.
func (tb *tab) recordRequests() func() []string {
	tb.mu.Lock()
	from := len(tb.reqs)
	tb.mu.Unlock()
	return func() []string {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		return append([]string(nil), tb.reqs[from:]...)
	}
}

// TestPlaygroundPrivacy proves the paste stays in the tab: the page's CSP
// allows connections to the site only and workers from it only, the page
// and its classifier's worker load nothing from elsewhere, the worker has
// no way left to make a request once loaded, and pasting, diagnosing and
// sharing make no request at all, from the page or the worker.
func TestPlaygroundPrivacy(t *testing.T) {
	tb := newTab(t)
	tb.grantClipboard()
	all := tb.recordRequests()
	tb.openPlay("")
	csp := eval[string](tb, `document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`)
	for _, want := range []string{"connect-src 'self'", "script-src 'self';", "worker-src 'self';", "default-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("the playground's CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "wasm-unsafe-eval") {
		t.Errorf("the playground's CSP %q lets the page compile WebAssembly; only its worker does", csp)
	}
	if n := eval[int](tb, `document.querySelectorAll('script:not([src])').length`); n != 0 {
		t.Errorf("%d inline scripts", n)
	}
	if eval[bool](tb, `'errdexDiagnose' in window`) {
		t.Error("the classifier is callable on the page's thread (window.errdexDiagnose); it belongs in the worker")
	}
	origin := strings.TrimSuffix(siteURL, base)
	loaded := all()
	worker := 0
	for _, r := range loaded {
		if _, u, _ := strings.Cut(r, " "); !strings.HasPrefix(u, origin+"/") && !strings.HasPrefix(u, "data:") {
			t.Errorf("the page loaded something from elsewhere: %s", r)
		}
		if strings.HasSuffix(r, "(worker)") {
			worker++
		}
	}
	if worker < 3 {
		t.Errorf("the worker's requests (wasm_exec.js, the .wasm and the catalog) were not seen: %v", loaded)
	}
	sealed := workerEval[bool](tb, `[typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof EventSource, typeof importScripts].every(t => t === 'undefined')`)
	if !sealed {
		t.Error("the loaded worker can still make requests (fetch, XMLHttpRequest, WebSocket, EventSource or importScripts)")
	}
	before := len(all())
	tb.do(chromedp.Focus(chromedp.ID("response-input")))
	if _, err := chromedp.Call(tb.ctx, input.InsertText, input.InsertTextParams{Text: secretPaste}); err != nil {
		t.Fatal(err)
	}
	tb.waitFor(`document.getElementById('diagnosis').dataset.state === 'done'`)
	tb.click("copy-markdown")
	tb.click("copy-permalink")
	tb.waitFor(`location.hash.startsWith('#v1=')`)
	tb.do(chromedp.Click(chromedp.ID("diagnose-now")))
	time.Sleep(500 * time.Millisecond)
	if after := all(); len(after) != before {
		t.Errorf("pasting and sharing made requests:\n%s", strings.Join(after[before:], "\n"))
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// workerEval evaluates an expression in the tab's last worker.
func workerEval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.lastWorker(), chromedp.Evaluate[T](expr))
	if err != nil {
		tb.t.Fatalf("in the worker: %s: %v", expr, err)
	}
	return v
}

// TestPlaygroundHostile pastes inputs that would run script if any of them
// were treated as HTML, and a 5 MB paste; nothing runs, no element comes
// from the paste, and the page still diagnoses the next small paste.
func TestPlaygroundHostile(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("")
	_ = eval[bool](tb, `(window.__pwned = undefined, true)`)
	big := `{"error": {"code": "rate_limit_exceeded", "message": "` + strings.Repeat(`<img src=x onerror="window.__pwned='big'"> `, 5<<20/44) + `"}}`
	for _, tc := range []struct{ name, text string }{
		{"script", `<script>window.__pwned = 'script'</script>`},
		{"img onerror", `<img src=x onerror="window.__pwned='img'">`},
		{"textarea breakout", `</textarea><script>window.__pwned='textarea'</script><textarea>`},
		{"javascript: URL", `{"error": {"code": "javascript:window.__pwned='js'", "message": "see javascript:window.__pwned='js2'", "type": "javascript:alert(1)"}, "doc_url": "javascript:window.__pwned='doc'"}`},
		{"HTML in JSON strings", `{"error": {"code": "<b onmouseover=\"window.__pwned='b'\">x</b>", "message": "<img src=x onerror=\"window.__pwned='json'\"><svg onload=\"window.__pwned='svg'\"></svg>", "request_id": "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\">"}}`},
		{"headers", "HTTP/1.1 429 Too Many Requests\nx-request-id: <img src=x onerror=\"window.__pwned='hdr'\">\nRetry-After: <script>window.__pwned='ra'</script>\n\n{\"error\":{\"code\":\"</textarea><img src=x onerror=window.__pwned=1>\"}}"},
		{"5 MB", big},
	} {
		n := tb.run()
		t0 := time.Now()
		tb.setInput(tc.text, "")
		tb.waitRun(n)
		if tc.name == "5 MB" {
			t.Logf("a %d-byte paste was shown %v after it was set (state %s); status: %s", len(tc.text), time.Since(t0).Round(time.Millisecond), tb.attrs().State,
				eval[string](tb, `document.getElementById('engine-status').textContent`))
		}
		time.Sleep(100 * time.Millisecond) // an onerror would have fired by now
		if v := eval[string](tb, `String(window.__pwned ?? '')`); v != "" {
			t.Errorf("%s: the paste ran script (window.__pwned = %q)", tc.name, v)
		}
		if n := eval[int](tb, `document.querySelectorAll('#diagnosis script, #diagnosis img, #diagnosis svg, #diagnosis iframe, #diagnosis b, #diagnosis [onerror], #diagnosis [onload]').length`); n != 0 {
			t.Errorf("%s: %d elements from the paste in the panel", tc.name, n)
		}
		for _, href := range eval[[]string](tb, `[...document.querySelectorAll('#diagnosis a')].map(a => a.getAttribute('href'))`) {
			if !strings.HasPrefix(href, base) {
				t.Errorf("%s: a link to %q", tc.name, href)
			}
		}
		if n := eval[int](tb, `document.scripts.length`); n > 4 {
			t.Errorf("%s: %d scripts on the page", tc.name, n)
		}
	}
	// Still responsive.
	t0 := time.Now()
	a, _ := tb.diagnoseUI(`{"code": 6, "error": "not_enough_balance"}`, "")
	if a.Code != "not_enough_balance" {
		t.Errorf("after the hostile pastes: %s", a)
	}
	t.Logf("the next small paste was diagnosed %v after it was set (including the 200 ms debounce)", time.Since(t0).Round(time.Millisecond))
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// TestPlaygroundEarlyPaste pastes before the classifier is ready: the box
// works, the page says it is loading, and the paste is diagnosed when the
// classifier arrives.
func TestPlaygroundEarlyPaste(t *testing.T) {
	tb := newTab(t)
	tb.open("play/")
	state := eval[string](tb, `document.getElementById('play').dataset.engine`)
	tb.setInput(`{"code": 6, "error": "not_enough_balance"}`, "")
	tb.waitFor(`document.getElementById('diagnosis').dataset.state === 'done'`)
	if a := tb.attrs(); a.Code != "not_enough_balance" {
		t.Errorf("the early paste: %s", a)
	}
	t.Logf("the classifier was %q when the paste came", state)
}

// TestPlaygroundMIMEFallback serves the binary as application/octet-stream,
// as a misconfigured server would: instantiateStreaming refuses it and the
// worker falls back to arrayBuffer + instantiate. The worker's cache is off
// so that the binary comes from the server.
func TestPlaygroundMIMEFallback(t *testing.T) {
	octet := "application/octet-stream"
	wasmType.Store(&octet)
	t.Cleanup(func() { wasmType.Store(nil) })
	tb := newTab(t)
	tb.onWorker(func(w context.Context) {
		if _, err := chromedp.Call(w, networkSetCacheDisabled, cacheOff); err != nil {
			t.Error(err)
		}
	})
	tb.openPlay("")
	if by := eval[string](tb, `document.getElementById('play').dataset.engineCompiledBy`); by != "arraybuffer" {
		t.Errorf("compiled by %q, want the arraybuffer fallback", by)
	}
	if a, _ := tb.diagnoseUI(`{"code": 6, "error": "not_enough_balance"}`, ""); a.Code != "not_enough_balance" {
		t.Errorf("after the fallback: %s", a)
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

var (
	screenshot = flagString("screenshot", "", "TestPlaygroundScreenshot writes a PNG of the playground to this file")
	fullShot   = flagString("fullshot", "", "TestPlaygroundScreenshot also writes the whole page to this file")
)

// TestPlaygroundScreenshot takes the README's picture of the playground:
//
//	go test ./internal/browsertest -run Screenshot -screenshot ../../.github/assets/playground.png
func TestPlaygroundScreenshot(t *testing.T) {
	if *screenshot == "" {
		t.Skip("no -screenshot FILE")
	}
	tb := newTab(t)
	tb.do(chromedp.EmulateViewport(1280, 900))
	tb.openPlay("#example=aitbc/rate_limit_exceeded/0")
	tb.waitFor(`document.getElementById('diagnosis').dataset.state === 'done'`)
	_ = eval[bool](tb, `(document.activeElement.blur(), true)`)
	top := eval[float64](tb, `document.querySelector('.page-head h1').getBoundingClientRect().top + window.scrollY - 12`)
	png, err := chromedp.Call(tb.ctx, pageCaptureScreenshot, clip(0, top, 1280, 820))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*screenshot, png.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", *screenshot, len(png.Data))
	if *fullShot != "" {
		full, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*fullShot, full, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPlaygroundEngineRestart makes the worker's Go program look exited,
// as a fatal runtime error would leave it: the next paste starts a fresh
// instance of the compiled module and is diagnosed. Wrong calls are error
// values, not exceptions, and the runtime goes on.
func TestPlaygroundEngineRestart(t *testing.T) {
	tb := newTab(t)
	tb.openPlay("")
	for _, call := range []string{`errdexEngine.diagnose(42)`, `errdexEngine.diagnose()`, `errdexEngine.diagnose(null, 7)`} {
		if got := eval[string](tb, call); !strings.Contains(got, `"error"`) {
			t.Errorf("%s = %s, want an error value", call, got)
		}
	}
	if got := eval[string](tb, `errdexEngine.diagnose('{"code": 6, "error": "not_enough_balance"}', '')`); !strings.Contains(got, `"not_enough_balance"`) {
		t.Errorf("after wrong calls: %.200s", got)
	}
	_ = eval[bool](tb, `(errdexEngine.reset(), true)`)
	if a, _ := tb.diagnoseUI(`{"code": 6, "error": "not_enough_balance"}`, ""); a.Code != "not_enough_balance" {
		t.Errorf("after the classifier exited: %s (status %q)", a, eval[string](tb, `document.getElementById('engine-status').textContent`))
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}
