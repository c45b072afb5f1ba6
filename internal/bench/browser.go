package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/errdex/errdex/internal/chromium"
	"github.com/errdex/errdex/internal/serve"
)

// Base is the path the bench serves the site under, as GitHub Pages does.
const Base = "/errdex/"

// PageTypes are the pages a visitor meets, one of each kind, by site path
// (relative to Base). The 404 page is audited at its own URL, where it is
// served with status 200: Lighthouse refuses to audit a 404 response, and
// the page is the same bytes GitHub Pages sends for any missing URL.
var PageTypes = []struct{ Type, Path string }{
	{"home", ""},
	{"provider", "clore/"},
	{"code", "clore/5/"},
	{"category", "categories/rate_limit/"},
	{"matrix", "categories/"},
	{"playground", "play/"},
	{"404", "404.html"},
}

// Server serves a built site as `sitegen serve` does (package serve, gzip
// included) on a free loopback port.
type Server struct {
	URL string // http://127.0.0.1:port/errdex/
	srv *http.Server
}

// Serve starts a server for the site in dir.
func Serve(dir string) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{URL: "http://" + ln.Addr().String() + Base, srv: &http.Server{Handler: serve.Handler(os.DirFS(dir), Base), ReadHeaderTimeout: 10 * time.Second}}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// Warm requests every file of the site in dir once, gzipped, so that no
// measurement waits for the server's first compression of a file (gzip -9
// of the 2.6 MB .wasm takes a third of a second; GitHub Pages' CDN has it
// compressed already).
func (s *Server) Warm(ctx context.Context, dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.URL+filepath.ToSlash(rel), nil)
		if err != nil {
			return err
		}
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			return err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		return resp.Body.Close()
	})
}

// Close stops the server.
func (s *Server) Close() { _ = s.srv.Close() }

// PageWeight is what one page costs a first-time visitor: every response's
// encoded bytes (headers and gzip body, as DevTools counts them).
type PageWeight struct {
	Type        string `json:"type"`
	Path        string `json:"path"`
	Requests    int    `json:"requests"`
	Transfer    int64  `json:"transfer_bytes"`
	WasmBytes   int64  `json:"wasm_bytes,omitempty"` // the .wasm's share of Transfer
	WithoutWasm int64  `json:"without_wasm_bytes"`
}

// Search is the search box's cost.
type Search struct {
	IndexRaw   int      `json:"index_raw_bytes"`
	IndexGzip  int      `json:"index_gzip_bytes"` // gzip -9 of the file
	FirstBytes int64    `json:"first_search_bytes"`
	FirstURLs  []string `json:"first_search_requests"`
	Query      string   `json:"query"`
}

// FirstDiagnosis is the playground's time from navigation to a filled
// diagnosis panel, for a paste made as soon as the page is interactive.
type FirstDiagnosis struct {
	RunsMS   []float64 `json:"runs_ms"`
	MedianMS float64   `json:"median_ms"`
	Example  string    `json:"example"`
}

// Browser is the browser section of the report.
type Browser struct {
	Pages          []PageWeight   `json:"pages"`
	Search         Search         `json:"search"`
	FirstDiagnosis FirstDiagnosis `json:"first_diagnosis"`
	LargePastes    []LargePaste   `json:"large_pastes,omitempty"`
	Lighthouse     *LighthouseRun `json:"lighthouse,omitempty"`
}

// benchExample is the paste timed in the playground: a curl -v of a 429.
const benchExample = "* Connected to api.clipia.ai (104.21.48.7) port 443\n> POST /v1/queue/flux-pro HTTP/2\n> Host: api.clipia.ai\n> Authorization: Bearer clipia_test_FAKEa1b2c3d4e5f6g7h8\n>\n< HTTP/2 429\n< retry-after: 12\n< content-type: application/json\n<\n" +
	`{"error":{"message":"Rate limit exceeded. Try again later.","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}`

// benchExampleCode is the code the playground must find in benchExample.
const benchExampleCode = "rate_limit_exceeded"

// recorder sums the encoded bytes of the finished responses of a tab and
// of its workers (the playground's classifier loads in one).
type recorder struct {
	mu    sync.Mutex
	urls  map[string]string
	bytes map[string]int64
	order []string
}

func record(tab context.Context) *recorder {
	r := &recorder{urls: map[string]string{}, bytes: map[string]int64{}}
	r.listen(tab, "page")
	return r
}

// listen records one target's responses; ids are kept apart by target.
func (r *recorder) listen(ctx context.Context, target string) {
	_ = chromedp.Listen(ctx, func(ev any) {
		r.mu.Lock()
		defer r.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			r.urls[target+"/"+string(ev.RequestID)] = ev.Request.URL
		case *network.EventLoadingFinished:
			id := target + "/" + string(ev.RequestID)
			if _, seen := r.bytes[id]; !seen {
				r.order = append(r.order, id)
			}
			r.bytes[id] = int64(ev.EncodedDataLength)
		}
	})
}

// since returns the requests finished after the first n, and their bytes.
func (r *recorder) since(n int) (urls []string, total, wasm int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, id := range r.order[n:] {
		u := r.urls[id]
		urls = append(urls, u)
		total += r.bytes[id]
		if strings.HasSuffix(strings.SplitN(u, "?", 2)[0], ".wasm") {
			wasm += r.bytes[id]
		}
	}
	return urls, total, wasm
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.order)
}

// newTab opens a tab with the HTTP cache off, for the page and for every
// worker it starts: every figure is a first visit.
func newTab(browser context.Context) (context.Context, context.CancelFunc, *recorder, error) {
	tab, cancel := chromedp.NewContext(browser)
	tab, cancelT := context.WithTimeout(tab, 60*time.Second)
	rec := record(tab)
	stop := func() { cancelT(); cancel() }
	if err := cacheOff(tab); err != nil {
		return tab, stop, rec, err
	}
	err := chromium.FollowWorkers(tab, func(w context.Context) {
		rec.listen(w, "worker "+string(chromedp.FromContext(w).Target.TargetID))
		_ = cacheOff(w)
	})
	return tab, stop, rec, err
}

func cacheOff(ctx context.Context) error {
	_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
	if err == nil {
		_, err = chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
	}
	return err
}

// settle waits until no response has finished for quiet, or until max.
func settle(rec *recorder, quiet, max time.Duration) {
	deadline := time.Now().Add(max)
	last, since := rec.count(), time.Now()
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		if n := rec.count(); n != last {
			last, since = n, time.Now()
		} else if time.Since(since) >= quiet {
			return
		}
	}
}

// RunPageWeights loads the home page, a code page and the playground in
// fresh tabs and sums what each transfers; the playground is weighed once
// its classifier has loaded.
func RunPageWeights(browser context.Context, siteURL string) ([]PageWeight, error) {
	var out []PageWeight
	for _, pt := range PageTypes {
		if pt.Type != "home" && pt.Type != "code" && pt.Type != "playground" {
			continue
		}
		tab, cancel, rec, err := newTab(browser)
		if err != nil {
			cancel()
			return out, err
		}
		actions := []chromedp.Action[chromedp.Void]{chromedp.Navigate(siteURL + pt.Path)}
		if pt.Type == "playground" {
			actions = append(actions, chromedp.WaitVisible(chromedp.CSS(`#play[data-engine="ready"]`)))
		}
		err = chromedp.Do(tab, actions...)
		if err == nil {
			settle(rec, 500*time.Millisecond, 5*time.Second)
		}
		urls, total, wasm := rec.since(0)
		cancel()
		if err != nil {
			return out, fmt.Errorf("%s: %w", pt.Type, err)
		}
		out = append(out, PageWeight{Type: pt.Type, Path: Base + pt.Path, Requests: len(urls), Transfer: total, WasmBytes: wasm, WithoutWasm: total - wasm})
	}
	return out, nil
}

// RunFirstSearch loads the home page, then types a query into the search
// box and sums what the first search fetches.
func RunFirstSearch(browser context.Context, siteURL, query string) (Search, error) {
	s := Search{Query: query}
	tab, cancel, rec, err := newTab(browser)
	defer cancel()
	if err != nil {
		return s, err
	}
	if err := chromedp.Do(tab, chromedp.Navigate(siteURL), chromedp.WaitVisible(chromedp.ID("search-input"))); err != nil {
		return s, err
	}
	settle(rec, 500*time.Millisecond, 5*time.Second)
	before := rec.count()
	if err := chromedp.Do(tab,
		chromedp.Focus(chromedp.ID("search-input")),
		chromedp.SendKeys(chromedp.ID("search-input"), query),
		chromedp.WaitVisible(chromedp.CSS("#search-results li")),
	); err != nil {
		return s, fmt.Errorf("search for %q: %w", query, err)
	}
	settle(rec, 300*time.Millisecond, 3*time.Second)
	urls, total, _ := rec.since(before)
	s.FirstBytes, s.FirstURLs = total, urls
	return s, nil
}

// firstDiagnosisScript runs in the playground before its own scripts:
// once the document is parsed it pastes the example (as the user would,
// through an input event) and notes when the panel shows a diagnosis.
const firstDiagnosisScript = `(() => {
  const example = %s;
  window.__errdexBench = {};
  const mark = (k) => { if (!(k in window.__errdexBench)) window.__errdexBench[k] = performance.now(); };
  document.addEventListener('DOMContentLoaded', () => setTimeout(() => {
    const panel = document.getElementById('diagnosis');
    const check = () => {
      if (panel.dataset.state === 'done' && !('done' in window.__errdexBench)) { mark('done'); window.__errdexBench.code = panel.dataset.code; }
      if (panel.dataset.state === 'error') mark('error');
    };
    new MutationObserver(check).observe(panel, {attributes: true});
    const box = document.getElementById('response-input');
    box.value = example;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    mark('pasted');
    check();
  }, 0));
})();`

// RunFirstDiagnosis times the playground runs times, each a first visit.
func RunFirstDiagnosis(browser context.Context, siteURL string, runs int) (FirstDiagnosis, error) {
	fd := FirstDiagnosis{Example: "curl -v of a Clipia 429 (" + fmt.Sprint(len(benchExample)) + " B)"}
	q, _ := json.Marshal(benchExample)
	script := fmt.Sprintf(firstDiagnosisScript, q)
	for i := 0; i < runs; i++ {
		tab, cancel, _, err := newTab(browser)
		if err != nil {
			cancel()
			return fd, err
		}
		var marks map[string]any
		_, err = chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		if err == nil {
			err = chromedp.Do(tab, chromedp.Navigate(siteURL+"play/"))
		}
		if err == nil {
			marks, err = chromedp.Run(tab, chromedp.Poll[map[string]any](`window.__errdexBench && (window.__errdexBench.done || window.__errdexBench.error) ? window.__errdexBench : null`, chromedp.WithPollingTimeout(30*time.Second)))
		}
		cancel()
		if err != nil {
			return fd, fmt.Errorf("playground: %w", err)
		}
		if _, bad := marks["error"]; bad {
			return fd, errors.New("playground: the example ended in an error panel")
		}
		if code, _ := marks["code"].(string); code != benchExampleCode {
			return fd, fmt.Errorf("playground: the example was diagnosed as %q, want %q", code, benchExampleCode)
		}
		done, _ := marks["done"].(float64)
		fd.RunsMS = append(fd.RunsMS, done)
	}
	fd.MedianMS = medianOf(fd.RunsMS)
	return fd, nil
}

// searchIndexFile finds the search index in a built site.
func searchIndexFile(dir string) (string, error) {
	m, err := filepath.Glob(filepath.Join(dir, "assets", "search-*.json"))
	if err != nil || len(m) != 1 {
		return "", fmt.Errorf("search index in %s/assets: found %d files", dir, len(m))
	}
	return m[0], nil
}
