package browsertest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/errdex/errdex/wasm/catalog"
)

// The playground's binary is built without the catalog's prose (titles,
// meanings, fixes, notes); its worker fetches it as one static file before
// it gives up its network (package wasm/catalog, site/ts/worker.ts).

// TestPlaygroundProseNotInBinary checks that the binary the site serves
// holds none of the catalog's prose: no field of catalog.Prose of 40 bytes
// or more (meanings, fix steps, notes) is in it, while the codes, which
// the classifier matches, are.
func TestPlaygroundProseNotInBinary(t *testing.T) {
	bin := built.Files[built.Assets["errdex.wasm"]]
	if len(bin) == 0 {
		t.Fatal("the site has no binary")
	}
	checked := 0
	for _, f := range strings.FieldsFunc(catalog.Prose, func(r rune) bool { return r == catalog.ProseSep || r == catalog.ProseItem }) {
		if len(f) < 40 {
			continue
		}
		checked++
		if strings.Contains(string(bin), f) {
			t.Errorf("the binary holds the prose %q", f)
		}
	}
	if checked < 100 {
		t.Errorf("only %d prose fields checked", checked)
	}
	for _, p := range catalog.Providers {
		if c := p.Codes[len(p.Codes)-1].Code; !strings.Contains(string(bin), c) {
			t.Errorf("the binary lacks %s's code %q: the check looks in the wrong place", p.ID, c)
		}
	}
	if !strings.Contains(string(built.Files[built.Assets["prose.txt"]]), "Top up") {
		t.Error("the site's prose file lacks the catalog's words")
	}
	t.Logf("%d prose fields of 40 bytes or more, none in the %d-byte binary", checked, len(bin))
}

// TestPlaygroundProse checks how the prose reaches the worker: one GET of
// one fixed URL per page load, from the worker, whatever is pasted and
// however often, even when the Go program restarts; no request carries a
// paste; and the diagnosis has its words.
func TestPlaygroundProse(t *testing.T) {
	tb := newTab(t)
	all := tb.recordRequests()
	tb.openPlay("")
	origin := strings.TrimSuffix(siteURL, base)
	prose := origin + eval[string](tb, `document.getElementById('play').dataset.prose`)
	if !strings.Contains(prose, "/assets/prose-") {
		t.Fatalf("the page names no prose file (%q)", prose)
	}
	const marker = "pasted-marker-7f3a"
	pastes := []string{
		`{"code": 6, "error": "not_enough_balance", "note": "` + marker + `-1"}`,
		"HTTP/1.1 429 Too Many Requests\nRetry-After: 3\n\n{\"error\": {\"code\": \"" + marker + "-2\"}}",
		marker + "-3 no error here",
	}
	for _, p := range pastes {
		tb.diagnoseUI(p, "")
	}
	_ = eval[bool](tb, `(errdexEngine.reset(), true)`) // the Go program exits; the next paste restarts it
	a, _ := tb.diagnoseUI(`{"code": 6, "error": "not_enough_balance"}`, "")
	if a.Code != "not_enough_balance" {
		t.Errorf("after a restart: %s", a)
	}
	got := eval[string](tb, `errdexEngine.diagnose('{"code": 6, "error": "not_enough_balance"}', '')`)
	if want := string(cliJSON(`{"code": 6, "error": "not_enough_balance"}`, "")); got != want {
		t.Errorf("after a restart the worker's diagnosis differs from the CLI's:\n got: %.300s\nwant: %.300s", got, want)
	}
	var d struct{ Title string }
	if err := json.Unmarshal([]byte(got), &d); err != nil || d.Title == "" {
		t.Fatalf("no title in the diagnosis (%v): %.200s", err, got)
	}
	if shown := eval[string](tb, `document.querySelector('#diagnosis .dx-title')?.textContent ?? ''`); shown != d.Title {
		t.Errorf("the panel's title is %q, want the catalog's %q", shown, d.Title)
	}
	tb.openPlay("") // a second page load fetches it once more
	tb.diagnoseUI(pastes[0], "")

	var proseReqs []string
	for _, r := range all() {
		if strings.Contains(r, marker) {
			t.Errorf("a request carries the paste: %s", r)
		}
		if strings.Contains(r, "/assets/prose-") {
			proseReqs = append(proseReqs, r)
		}
	}
	want := "GET " + prose + " (worker)"
	if len(proseReqs) != 2 || proseReqs[0] != want || proseReqs[1] != want {
		t.Errorf("prose requests over two page loads, four pastes and a restart: %q, want twice %q", proseReqs, want)
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// TestPlaygroundProseFails serves no prose file, then one that is not the
// binary's: the classifier does not start, the page says why, nothing is
// diagnosed without words, and the worker has given up its network all
// the same.
func TestPlaygroundProseFails(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		body   string
		says   string
	}{
		{"missing", 404, "not found", "did not load: HTTP 404"},
		{"foreign", 200, "Some title\x1eSome meaning", "do not match this classifier"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			proseReply.Store(&struct {
				status int
				body   string
			}{tc.status, tc.body})
			t.Cleanup(func() { proseReply.Store(nil) })
			tb := newTab(t)
			tb.onWorker(func(w context.Context) {
				if _, err := chromedp.Call(w, networkSetCacheDisabled, cacheOff); err != nil {
					t.Error(err)
				}
			})
			tb.open("play/")
			tb.setInput(`{"code": 6, "error": "not_enough_balance"}`, "")
			tb.waitFor(`document.getElementById('play').dataset.engine === 'failed'`)
			status := eval[string](tb, `document.getElementById('engine-status').textContent`)
			if !strings.Contains(status, "did not load") || !strings.Contains(status, tc.says) {
				t.Errorf("status %q, want it to say %q", status, tc.says)
			}
			if a := tb.attrs(); a.Code != "" || a.Category != "" {
				t.Errorf("diagnosed without the prose: %s", a)
			}
			if got := eval[string](tb, `errdexEngine.diagnose('{}', '').then(() => 'answered', (e) => 'refused: ' + e.message)`); !strings.HasPrefix(got, "refused") {
				t.Errorf("the engine %s", got)
			}
			if !workerEval[bool](tb, `typeof fetch === 'undefined' && typeof importScripts === 'undefined'`) {
				t.Error("the worker kept its network after the failed load")
			}
		})
	}
}
