package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// LargePaste is the playground's time from a large paste to its drawn
// diagnosis: the box is filled and its input event fired (as a paste
// does), and the clock stops when the frame after the filled panel has
// been painted, so that drawing the panel counts. A paste that takes
// longer than the timeout is reported as timed out, with no time.
type LargePaste struct {
	Name     string  `json:"name"` // "json_one_line_5MB", "log_many_lines_5MB"
	What     string  `json:"what"`
	Bytes    int     `json:"bytes"`
	Lines    int     `json:"lines"`
	MS       float64 `json:"ms"` // 0 when it timed out
	TimedOut bool    `json:"timed_out"`
	TimeoutS float64 `json:"timeout_s"`
	// LongestStallMS is the longest time, from the paste to the paint, in
	// which the page's thread could not run a 20 ms timer: how long it
	// could not answer a click or a key. (Chromium's Long Tasks API misses
	// the frames that lay out a big textarea, so a timer measures it.)
	LongestStallMS float64 `json:"longest_stall_ms"`
	Category       string  `json:"category"` // the panel's data-category
	// RevealMS is the time from a click on the first "Show all" of the
	// panel to the next painted frame, and RevealStallMS the longest stall
	// meanwhile; both 0 when the panel shortened nothing.
	RevealMS      float64 `json:"reveal_ms,omitempty"`
	RevealStallMS float64 `json:"reveal_stall_ms,omitempty"`
}

// largeCase is one paste RunLargePastes times, and what the panel must say.
type largeCase struct {
	name, what, paste, category string
}

// PasteSize is the size of the large pastes: 5 MiB.
const PasteSize = 5 << 20

// OneLinePaste is a JSON error body of at least size bytes on one line:
// a Clipia rate limit whose message carries the request's long prompt.
func OneLinePaste(size int) string {
	const head = `{"error":{"message":"Rate limit exceeded. Request context: `
	const tail = `","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}`
	filler := "a lighthouse at dusk, "
	n := (size-len(head)-len(tail))/len(filler) + 1
	return head + strings.Repeat(filler, n) + tail
}

// ManyLinesPaste is a log of at least size bytes, one short JSON line per
// poll, with one Clipia rate limit near the end.
func ManyLinesPaste(size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString("2026-11-23T10:00:00Z INFO poll ")
		b.WriteString(`{"request_id":"req_` + strconv.Itoa(i) + `","status":"IN_PROGRESS","logs":[{"message":"step 12/30: denoising"}]}` + "\n")
	}
	b.WriteString(`2026-11-23T10:00:02Z ERROR status=429 {"error":{"message":"Rate limit exceeded. Try again later.","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}` + "\n")
	b.WriteString("2026-11-23T10:00:03Z INFO shutting down\n")
	return b.String()
}

// LargePasteCategory is what the playground must find in both pastes.
const LargePasteCategory = "rate_limit"

func largeCases() []largeCase {
	return []largeCase{
		{"json_one_line_5MB", "a JSON error body whose message is one 5 MiB line", OneLinePaste(PasteSize), LargePasteCategory},
		{"log_many_lines_5MB", "a 5 MiB log, one short line per poll, with one error", ManyLinesPaste(PasteSize), LargePasteCategory},
	}
}

// heartbeatScript starts a 20 ms timer that records in
// window.__errdexStall.longest the longest gap between its ticks, a stall
// of the page's thread.
const heartbeatScript = `(() => {
  const h = window.__errdexStall = {longest: 0, last: performance.now()};
  h.timer = setInterval(() => { const n = performance.now(); h.longest = Math.max(h.longest, n - h.last - 20); h.last = n; }, 20);
  return true;
})()`

// largePasteScript pastes window.__errdexText into the playground (whose
// classifier is ready) and records, in window.__errdexLarge, when it
// pasted, when the panel showed a diagnosis and when the next frame was
// painted. It returns at once. The text is handed over by an earlier
// script, so that compiling a 5 MB script is no part of what is measured.
const largePasteScript = `(() => {
  const text = window.__errdexText;
  delete window.__errdexText;
  const r = window.__errdexLarge = {};
  const panel = document.getElementById('diagnosis');
  const box = document.getElementById('response-input');
  const before = +(panel.dataset.run || 0);
  const check = () => {
    if ('done' in r || +(panel.dataset.run || 0) <= before) return;
    r.done = performance.now();
    r.state = panel.dataset.state;
    r.category = panel.dataset.category;
    requestAnimationFrame(() => setTimeout(() => { r.painted = performance.now(); r.longest = window.__errdexStall.longest; }, 0));
  };
  new MutationObserver(check).observe(panel, {attributes: true});
  r.pasted = performance.now();
  box.value = text;
  box.dispatchEvent(new Event('input', {bubbles: true}));
  return true;
})()`

// revealScript clicks the panel's first "Show all" and records when the
// next frame was painted; false when there is nothing to reveal.
const revealScript = `(() => {
  const b = document.querySelector('#diagnosis-body .dx-long button');
  if (!b) return false;
  const r = window.__errdexLarge = {pasted: performance.now()};
  b.click();
  requestAnimationFrame(() => setTimeout(() => { r.painted = performance.now(); r.longest = window.__errdexStall.longest; }, 0));
  return true;
})()`

// RunLargePastes times each large paste in a fresh playground tab, each
// bounded by timeout.
func RunLargePastes(browser context.Context, siteURL string, timeout time.Duration) ([]LargePaste, error) {
	var out []LargePaste
	for _, c := range largeCases() {
		lp, err := runLargePaste(browser, siteURL, c, timeout)
		if err != nil {
			return out, fmt.Errorf("%s: %w", c.name, err)
		}
		out = append(out, lp)
	}
	return out, nil
}

// largeMarks is what largePasteScript records.
type largeMarks struct {
	Pasted   float64  `json:"pasted"`
	Painted  *float64 `json:"painted"`
	Longest  float64  `json:"longest"`
	State    string   `json:"state"`
	Category string   `json:"category"`
}

func runLargePaste(browser context.Context, siteURL string, c largeCase, timeout time.Duration) (LargePaste, error) {
	lp := LargePaste{Name: c.name, What: c.what, Bytes: len(c.paste), Lines: lineCount(c.paste), TimeoutS: timeout.Seconds()}
	tab, cancel := chromedp.NewContext(browser)
	defer cancel()
	ready, cancelReady := context.WithTimeout(tab, 60*time.Second)
	defer cancelReady()
	if err := chromedp.Do(ready, chromedp.Navigate(siteURL+"play/"), chromedp.WaitVisible(chromedp.CSS(`#play[data-engine="ready"]`))); err != nil {
		return lp, fmt.Errorf("the playground did not get ready: %w", err)
	}
	q, _ := json.Marshal(c.paste)
	for _, script := range []string{"(window.__errdexText = " + string(q) + ", true)", heartbeatScript, largePasteScript} {
		if _, err := chromedp.Run(ready, chromedp.Evaluate[bool](script)); err != nil {
			return lp, err
		}
	}
	marks, err := waitPainted(tab, time.Now().Add(timeout))
	if errors.Is(err, context.DeadlineExceeded) {
		lp.TimedOut = true
		return lp, nil
	}
	if err != nil {
		return lp, err
	}
	lp.MS, lp.LongestStallMS, lp.Category = *marks.Painted-marks.Pasted, marks.Longest, marks.Category
	if marks.State != "done" || marks.Category != c.category {
		return lp, fmt.Errorf("the panel ended in state %q with category %q, want done and %q", marks.State, marks.Category, c.category)
	}
	return lp, reveal(tab, &lp, timeout)
}

// reveal times the first "Show all" of the panel, if it has one.
func reveal(tab context.Context, lp *LargePaste, timeout time.Duration) error {
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`(window.__errdexStall.longest = 0, true)`)); err != nil {
		return err
	}
	found, err := chromedp.Run(tab, chromedp.Evaluate[bool](revealScript))
	if err != nil || !found {
		return err
	}
	marks, err := waitPainted(tab, time.Now().Add(timeout))
	if err != nil {
		return fmt.Errorf("show all: %w", err)
	}
	lp.RevealMS, lp.RevealStallMS = *marks.Painted-marks.Pasted, marks.Longest
	return nil
}

// waitPainted polls the page's marks until the diagnosis has been painted
// or the deadline passes. A page busy in one long task answers no poll
// until it is done; the deadline cuts the wait short.
func waitPainted(tab context.Context, deadline time.Time) (largeMarks, error) {
	ctx, cancel := context.WithDeadline(tab, deadline)
	defer cancel()
	for {
		m, err := chromedp.Run(ctx, chromedp.Evaluate[largeMarks](`window.__errdexLarge`))
		if err == nil && m.Painted != nil {
			return m, nil
		}
		if ctx.Err() != nil {
			return m, context.DeadlineExceeded
		}
		if err != nil && !strings.Contains(err.Error(), "context") {
			return m, err
		}
		select {
		case <-ctx.Done():
			return m, context.DeadlineExceeded
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// lineCount counts lines as an editor does: a final newline ends the last
// line rather than starting another.
func lineCount(s string) int {
	n := strings.Count(s, "\n")
	if !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}
