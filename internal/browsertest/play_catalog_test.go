package browsertest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/errdex/errdex/wasm/catalog"
)

// The playground's binary is built without the catalog (providers, codes,
// titles, meanings, fixes, notes); its worker fetches it as one static file
// before it gives up its network (package wasm/catalog, site/ts/worker.ts).

// TestPlaygroundCatalogNotInBinary checks that the binary the site serves
// holds none of the catalog: no field of catalog.Text of 40 bytes or more
// (meanings, fix steps, notes) is in it, and that the catalog file the site
// serves beside it is catalog.Text, which names every provider.
func TestPlaygroundCatalogNotInBinary(t *testing.T) {
	bin := built.Files[built.Assets["errdex.wasm"]]
	if len(bin) == 0 {
		t.Fatal("the site has no binary")
	}
	checked := 0
	for _, f := range strings.Split(catalog.Text, string(rune(catalog.Sep))) {
		if len(f) < 40 {
			continue
		}
		checked++
		if strings.Contains(string(bin), f) {
			t.Errorf("the binary holds the catalog's text %q", f)
		}
	}
	if checked < 100 {
		t.Errorf("only %d catalog fields checked", checked)
	}
	file := string(built.Files[built.Assets["catalog.txt"]])
	if file != catalog.Text {
		t.Error("the site's catalog file is not catalog.Text")
	}
	for _, p := range catalog.Default.Providers {
		if !strings.Contains(file, "\x1e"+p.ID+"\x1e") {
			t.Errorf("the site's catalog file lacks provider %s", p.ID)
		}
	}
	t.Logf("%d catalog fields of 40 bytes or more, none in the %d-byte binary", checked, len(bin))
}

// TestPlaygroundCatalog checks how the catalog reaches the worker: one GET of
// one fixed URL per page load, from the worker, whatever is pasted and
// however often, even when the Go program restarts; no request carries a
// paste; and the diagnosis has its words.
func TestPlaygroundCatalog(t *testing.T) {
	tb := newTab(t)
	all := tb.recordRequests()
	tb.openPlay("")
	origin := strings.TrimSuffix(siteURL, base)
	file := origin + eval[string](tb, `document.getElementById('play').dataset.catalog`)
	if !strings.Contains(file, "/assets/catalog-") {
		t.Fatalf("the page names no catalog file (%q)", file)
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

	var fileReqs []string
	for _, r := range all() {
		if strings.Contains(r, marker) {
			t.Errorf("a request carries the paste: %s", r)
		}
		if strings.Contains(r, "/assets/catalog-") {
			fileReqs = append(fileReqs, r)
		}
	}
	want := "GET " + file + " (worker)"
	if len(fileReqs) != 2 || fileReqs[0] != want || fileReqs[1] != want {
		t.Errorf("catalog requests over two page loads, four pastes and a restart: %q, want twice %q", fileReqs, want)
	}
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// TestPlaygroundCatalogFails serves no catalog file, then one that is not the
// binary's: the classifier does not start, the page says why, nothing is
// diagnosed without words, and the worker has given up its network all
// the same.
func TestPlaygroundCatalogFails(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		body   string
		says   string
	}{
		{"missing", 404, "not found", "did not load: HTTP 404"},
		{"foreign", 200, "Some title\x1eSome meaning", "does not match this classifier"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			catalogReply.Store(&struct {
				status int
				body   string
			}{tc.status, tc.body})
			t.Cleanup(func() { catalogReply.Store(nil) })
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
				t.Errorf("diagnosed without the catalog: %s", a)
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
