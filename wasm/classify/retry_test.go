package classify

import (
	"strings"
	"testing"
)

func TestComputeWait(t *testing.T) {
	const date = "Mon, 23 Nov 2026 10:20:00 GMT" // 1795429200
	h := func(kv ...string) headerList {
		var out headerList
		for i := 0; i+1 < len(kv); i += 2 {
			out = append(out, header{kv[i], kv[i+1]})
		}
		return out
	}
	tests := []struct {
		name    string
		in      waitSources
		seconds float64
		ok      bool
		at      string // absolute time when there is no Date
		problem string // a substring of a problem note
	}{
		{name: "delta seconds", in: waitSources{headers: h("Retry-After", "12")}, seconds: 12, ok: true},
		{name: "fractional seconds", in: waitSources{headers: h("retry-after", "1.5")}, seconds: 1.5, ok: true},
		{name: "ms beats seconds", in: waitSources{headers: h("retry-after", "2", "retry-after-ms", "1500")}, seconds: 1.5, ok: true},
		{name: "bad ms falls back", in: waitSources{headers: h("retry-after-ms", "x", "retry-after", "3")}, seconds: 3, ok: true, problem: "retry-after-ms"},
		{name: "http date with Date", in: waitSources{headers: h("Date", date, "Retry-After", "Mon, 23 Nov 2026 10:21:30 GMT")}, seconds: 90, ok: true},
		{name: "http date without Date", in: waitSources{headers: h("Retry-After", "Mon, 23 Nov 2026 10:21:30 GMT")}, at: "2026-11-23 10:21:30"},
		{name: "http date in the past", in: waitSources{headers: h("Date", date, "Retry-After", "Mon, 23 Nov 2026 10:00:00 GMT")}, seconds: 0, ok: true, problem: "already past"},
		{name: "negative", in: waitSources{headers: h("Retry-After", "-5")}, problem: "negative"},
		{name: "garbage", in: waitSources{headers: h("Retry-After", "soon")}, problem: "neither"},
		{name: "epoch sent as delay", in: waitSources{headers: h("Date", date, "Retry-After", "1795429260")}, seconds: 60, ok: true, problem: "Unix time"},
		{name: "body field", in: waitSources{body: bodyWait{seconds: 60, from: "retry_after", ok: true}}, seconds: 60, ok: true},
		{name: "header beats body", in: waitSources{headers: h("Retry-After", "5"), body: bodyWait{seconds: 60, from: "retry_after", ok: true}}, seconds: 5, ok: true},
		{name: "epoch reset with Date", in: waitSources{useReset: true, resetHeaders: []string{"X-RateLimit-Reset"}, resetUnit: "epoch", headers: h("Date", date, "X-RateLimit-Reset", "1795429237")}, seconds: 37, ok: true},
		{name: "epoch reset without Date", in: waitSources{useReset: true, resetHeaders: []string{"X-RateLimit-Reset"}, resetUnit: "epoch", headers: h("X-RateLimit-Reset", "1795429237")}, at: "2026-11-23 10:20:37"},
		{name: "documented epoch that is a delta", in: waitSources{useReset: true, resetHeaders: []string{"X-RateLimit-Reset"}, resetUnit: "epoch", headers: h("X-RateLimit-Reset", "30")}, seconds: 30, ok: true, problem: "plausible delay"},
		{name: "epoch milliseconds", in: waitSources{useReset: true, headers: h("Date", date, "x-ratelimit-reset", "1795429210000")}, seconds: 10, ok: true, problem: "milliseconds"},
		{name: "generic delta reset", in: waitSources{useReset: true, headers: h("ratelimit-reset", "20")}, seconds: 20, ok: true},
		{name: "structured RateLimit t", in: waitSources{useReset: true, headers: h("RateLimit", `"default";r=0;t=30`)}, seconds: 30, ok: true},
		{name: "openai duration", in: waitSources{useReset: true, headers: h("x-ratelimit-reset-requests", "6m0s")}, seconds: 360, ok: true},
		{name: "rfc3339 reset", in: waitSources{useReset: true, headers: h("Date", date, "anthropic-ratelimit-requests-reset", "2026-11-23T10:20:45Z")}, seconds: 45, ok: true},
		{name: "reset ignored unless rate limit", in: waitSources{headers: h("X-RateLimit-Reset", "30")}},
		{name: "documented fixed wait", in: waitSources{fixed: 600, fixedWhy: "the documented wait"}, seconds: 600, ok: true},
		{name: "bad Date", in: waitSources{headers: h("Date", "yesterday", "Retry-After", "Mon, 23 Nov 2026 10:21:30 GMT")}, at: "2026-11-23 10:21:30", problem: "not an HTTP date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := computeWait(tt.in)
			if w.ok != tt.ok || (tt.ok && w.seconds != tt.seconds) {
				t.Errorf("wait = %v (ok %v), want %v (ok %v); source %q", w.seconds, w.ok, tt.seconds, tt.ok, w.source)
			}
			if tt.at != "" && (!w.hasAt || w.at.FormatClock() != tt.at) {
				t.Errorf("at = %v (%v), want %s", w.at, w.hasAt, tt.at)
			}
			if tt.problem != "" && !strings.Contains(strings.Join(w.problems, " "), tt.problem) {
				t.Errorf("problems %q lack %q", w.problems, tt.problem)
			}
		})
	}
}
