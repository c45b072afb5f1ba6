package classify

import (
	"strings"
	"testing"

	"github.com/errdex/errdex/wasm/catalog"
)

// A clientCase is one diagnosed error and what one client must do with it.
type clientCase struct {
	name     string
	status   int
	code     string
	category string            // default rate_limit
	docs     catalog.Retryable // the documented verdict (Diagnosis.Retry)
	docsWait float64           // the documented wait; 0: none
	mid      bool              // mid-stream after HTTP 200
	headers  []string          // "Name: value"
	retries  catalog.Retryable
	attempts int     // 0: null
	wait     float64 // -1: null
	verdict  string
	note     string // a part of the note, when it matters
}

// Date and a Retry-After date 90 s after it.
const (
	testDate      = "Date: Wed, 02 Dec 2026 15:00:00 GMT"
	testDate90    = "Retry-After: Wed, 02 Dec 2026 15:01:30 GMT"
	yes, no, dunn = catalog.RetryYes, catalog.RetryNo, catalog.RetryUnknown
)

func rule(t *testing.T, id string) *catalog.Client {
	t.Helper()
	for i := range catalog.Default.Clients {
		if c := &catalog.Default.Clients[i]; c.ID == id {
			return c
		}
	}
	t.Fatalf("no client rule %q in the catalog", id)
	return nil
}

func runClient(t *testing.T, r *catalog.Client, cases []clientCase) {
	t.Helper()
	for _, c := range cases {
		d := Diagnosis{Status: c.status, Code: c.code, Category: c.category, MidStream: c.mid,
			Retry: Retry{Retryable: c.docs, WaitSeconds: c.docsWait, HasWait: c.docsWait > 0}}
		if d.Category == "" {
			d.Category = "rate_limit"
		}
		var h headerList
		for _, s := range c.headers {
			k, v, _ := strings.Cut(s, ": ")
			h = append(h, header{name: k, value: v})
		}
		var got ClientVerdict
		judgeClient(&got, r, &d, h)
		wait := -1.0
		if got.HasWait {
			wait = got.Wait
		}
		if got.Retries != c.retries || got.Attempts != c.attempts || wait != c.wait || got.Verdict != c.verdict ||
			!strings.Contains(got.Note, c.note) || got.ID != r.ID {
			t.Errorf("%s, %s: got retries %v, attempts %d, wait %v, %s (%q); want %v, %d, %v, %s (%q)",
				r.ID, c.name, got.Retries, got.Attempts, wait, got.Verdict, got.Note, c.retries, c.attempts, c.wait, c.verdict, c.note)
		}
		if (got.Backoff == "") != (got.Retries != yes) {
			t.Errorf("%s, %s: backoff %q with retries %v", r.ID, c.name, got.Backoff, got.Retries)
		}
	}
}

func TestClientOpenAIPython(t *testing.T) {
	runClient(t, rule(t, "openai-python"), []clientCase{
		{name: "429", status: 429, docs: yes, retries: yes, attempts: 3, wait: -1, verdict: "agrees"},
		{name: "408", status: 408, category: "timeout", docs: yes, retries: yes, attempts: 3, wait: -1, verdict: "agrees"},
		{name: "409, docs silent", status: 409, category: "conflict", retries: yes, attempts: 3, wait: -1, verdict: "unknown"},
		{name: "501 is >= 500", status: 501, category: "server", docs: no, retries: yes, attempts: 3, wait: -1, verdict: "wastes"},
		{name: "400", status: 400, category: "invalid_request", docs: no, retries: no, attempts: 1, wait: -1, verdict: "agrees"},
		{name: "Retry-After at the cap", status: 429, docs: yes, docsWait: 120, headers: []string{"Retry-After: 120"}, retries: yes, attempts: 3, wait: 120, verdict: "agrees"},
		{name: "Retry-After below the cap", status: 429, docs: yes, docsWait: 119, headers: []string{"retry-after: 119"}, retries: yes, attempts: 3, wait: 119, verdict: "agrees"},
		{name: "Retry-After above the cap", status: 429, docs: yes, docsWait: 121, headers: []string{"retry-after: 121"}, retries: no, attempts: 1, wait: -1, verdict: "gives_up", note: "retry-after: 121 is above its cap"},
		{name: "retry-after-ms at the cap", status: 429, docs: yes, headers: []string{"retry-after-ms: 120000"}, retries: yes, attempts: 3, wait: 120, verdict: "agrees"},
		{name: "retry-after-ms above the cap", status: 503, category: "unavailable", docs: yes, headers: []string{"retry-after-ms: 120001"}, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		{name: "retry-after-ms before Retry-After", status: 429, docs: yes, docsWait: 1.5, headers: []string{"retry-after: 2", "retry-after-ms: 1500"}, retries: yes, attempts: 3, wait: 1.5, verdict: "agrees"},
		{name: "bad retry-after-ms, then Retry-After", status: 429, docs: yes, headers: []string{"retry-after-ms: soon", "retry-after: 7"}, retries: yes, attempts: 3, wait: 7, verdict: "agrees"},
		{name: "Retry-After 0 falls back to backoff", status: 429, docs: yes, headers: []string{"retry-after: 0"}, retries: yes, attempts: 3, wait: -1, verdict: "agrees", note: "too small"},
		{name: "negative Retry-After", status: 429, docs: yes, headers: []string{"retry-after: -5"}, retries: yes, attempts: 3, wait: -1, verdict: "agrees"},
		{name: "unreadable Retry-After", status: 429, docs: yes, headers: []string{"retry-after: soon"}, retries: yes, attempts: 3, wait: -1, verdict: "agrees"},
		{name: "Retry-After date, against Date", status: 429, docs: yes, docsWait: 90, headers: []string{testDate, testDate90}, retries: yes, attempts: 3, wait: 90, verdict: "agrees"},
		{name: "Retry-After date without Date", status: 429, docs: yes, headers: []string{testDate90}, retries: dunn, wait: -1, verdict: "unknown"},
		{name: "x-should-retry: false", status: 429, docs: yes, headers: []string{"x-should-retry: false"}, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		{name: "x-should-retry: true on 400", status: 400, category: "invalid_request", docs: no, headers: []string{"x-should-retry: true"}, retries: yes, attempts: 3, wait: -1, verdict: "wastes"},
		{name: "x-should-retry: True is not read", status: 400, category: "invalid_request", docs: no, headers: []string{"x-should-retry: True"}, retries: no, attempts: 1, wait: -1, verdict: "agrees"},
		{name: "the cap before x-should-retry", status: 429, docs: yes, headers: []string{"x-should-retry: true", "retry-after: 300"}, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		{name: "quota 429", status: 429, code: "insufficient_quota", category: "quota", docs: no, retries: yes, attempts: 3, wait: -1, verdict: "wastes"},
		{name: "mid-stream", mid: true, code: "server_error", category: "server", docs: yes, retries: no, attempts: 1, wait: -1, verdict: "gives_up", note: "inside a stream"},
		{name: "no status", code: "rate_limit_exceeded", docs: yes, retries: dunn, wait: -1, verdict: "unknown", note: "does not show"},
		{name: "connection error", category: "timeout", docs: yes, retries: yes, attempts: 3, wait: -1, verdict: "agrees", note: "connection errors"},
	})
}

func TestClientAnthropicPython(t *testing.T) {
	runClient(t, rule(t, "anthropic-python"), []clientCase{
		{name: "529", status: 529, category: "unavailable", docs: yes, retries: yes, attempts: 3, wait: -1, verdict: "agrees"},
		{name: "Retry-After at the cap", status: 429, docs: yes, docsWait: 60, headers: []string{"retry-after: 60"}, retries: yes, attempts: 3, wait: 60, verdict: "agrees"},
		{name: "Retry-After below the cap", status: 429, docs: yes, docsWait: 59.5, headers: []string{"retry-after: 59.5"}, retries: yes, attempts: 3, wait: 59.5, verdict: "agrees"},
		{name: "Retry-After above the cap is ignored", status: 429, docs: yes, docsWait: 61, headers: []string{"retry-after: 61"}, retries: yes, attempts: 3, wait: -1, verdict: "wastes", note: "ignores retry-after: 61"},
		{name: "retry-after-ms above the cap", status: 429, docs: yes, headers: []string{"retry-after-ms: 60001"}, retries: yes, attempts: 3, wait: -1, verdict: "agrees"},
		{name: "x-should-retry: false first", status: 529, category: "unavailable", docs: yes, headers: []string{"x-should-retry: false", "retry-after: 5"}, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		{name: "x-should-retry: true and a wait", status: 400, category: "invalid_request", headers: []string{"x-should-retry: true", "retry-after: 5"}, retries: yes, attempts: 3, wait: 5, verdict: "unknown"},
		{name: "401", status: 401, category: "auth", docs: no, retries: no, attempts: 1, wait: -1, verdict: "agrees"},
		{name: "overloaded mid-stream", mid: true, code: "overloaded_error", category: "unavailable", docs: yes, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
	})
}

func TestClientUncappedSDKs(t *testing.T) {
	for _, id := range []string{"anthropic-typescript", "openai-node"} {
		runClient(t, rule(t, id), []clientCase{
			{name: "an hour", status: 429, docs: yes, docsWait: 3600, headers: []string{"retry-after: 3600"}, retries: yes, attempts: 3, wait: 3600, verdict: "agrees"},
			{name: "retry-after-ms", status: 429, docs: yes, docsWait: 1.5, headers: []string{"retry-after-ms: 1500"}, retries: yes, attempts: 3, wait: 1.5, verdict: "agrees"},
			{name: "a date already past waits 0", status: 503, category: "unavailable", docs: yes, headers: []string{testDate, "retry-after: Wed, 02 Dec 2026 14:00:00 GMT"}, retries: yes, attempts: 3, wait: 0, verdict: "agrees"},
			{name: "x-should-retry: false", status: 500, category: "server", docs: yes, headers: []string{"x-should-retry: false"}, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
			{name: "404", status: 404, category: "not_found", docs: no, retries: no, attempts: 1, wait: -1, verdict: "agrees"},
			{name: "stream error", mid: true, category: "server", docs: yes, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		})
	}
}

func TestClientVercelAI(t *testing.T) {
	runClient(t, rule(t, "vercel-ai"), []clientCase{
		{name: "429: 2 s, no jitter", status: 429, docs: yes, retries: yes, attempts: 3, wait: 2, verdict: "agrees"},
		{name: "Retry-After at the cap is out", status: 429, docs: yes, docsWait: 60, headers: []string{"retry-after: 60"}, retries: yes, attempts: 3, wait: 2, verdict: "wastes"},
		{name: "Retry-After below the cap", status: 429, docs: yes, docsWait: 59, headers: []string{"retry-after: 59"}, retries: yes, attempts: 3, wait: 59, verdict: "agrees"},
		{name: "Retry-After above the cap", status: 429, docs: yes, docsWait: 300, headers: []string{"retry-after: 300"}, retries: yes, attempts: 3, wait: 2, verdict: "wastes"},
		{name: "Retry-After 0 is in", status: 429, docs: yes, headers: []string{"retry-after: 0"}, retries: yes, attempts: 3, wait: 0, verdict: "agrees"},
		{name: "x-should-retry is not read", status: 429, docs: yes, headers: []string{"x-should-retry: false"}, retries: yes, attempts: 3, wait: 2, verdict: "agrees"},
		{name: "stream error", mid: true, category: "unavailable", docs: yes, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
	})
}

func TestClientLiteLLM(t *testing.T) {
	runClient(t, rule(t, "litellm"), []clientCase{
		{name: "Retry-After at the cap", status: 429, docs: yes, docsWait: 60, headers: []string{"retry-after: 60"}, retries: yes, attempts: 3, wait: 60, verdict: "agrees"},
		{name: "Retry-After above the cap", status: 429, docs: yes, headers: []string{"retry-after: 61"}, retries: yes, attempts: 3, wait: -1, verdict: "agrees"},
		{name: "fractional Retry-After is not read", status: 429, docs: yes, headers: []string{"retry-after: 1.5"}, retries: yes, attempts: 3, wait: -1, verdict: "agrees"},
		{name: "404 never", status: 404, category: "not_found", docs: no, retries: no, attempts: 1, wait: -1, verdict: "agrees"},
		{name: "stream error is not known", mid: true, category: "server", docs: yes, retries: dunn, wait: -1, verdict: "unknown"},
	})
}

func TestClientGoogleGenAI(t *testing.T) {
	runClient(t, rule(t, "google-genai"), []clientCase{
		{name: "429: retries are opt-in", status: 429, docs: yes, headers: []string{"retry-after: 5"}, retries: no, attempts: 1, wait: -1, verdict: "gives_up", note: "by default"},
		{name: "400", status: 400, category: "invalid_request", docs: no, retries: no, attempts: 1, wait: -1, verdict: "agrees"},
	})
}

func TestClientAWS(t *testing.T) {
	runClient(t, rule(t, "aws-sdk-go-v2"), []clientCase{
		{name: "throttling code on 400", status: 400, code: "ThrottlingException", docs: yes, retries: yes, attempts: 3, wait: -1, verdict: "agrees", note: "ThrottlingException"},
		{name: "throttling code, no status", code: "ThrottlingException", docs: yes, retries: yes, attempts: 3, wait: -1, verdict: "agrees"},
		{name: "503", status: 503, category: "unavailable", docs: yes, retries: yes, attempts: 3, wait: -1, verdict: "agrees"},
		{name: "501", status: 501, category: "server", docs: yes, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		{name: "x-amz-retry-after is clamped: random", status: 429, docs: yes, headers: []string{"x-amz-retry-after: 3000"}, retries: yes, attempts: 3, wait: -1, verdict: "agrees", note: "random backoff"},
		{name: "Retry-After is not read", status: 429, docs: yes, docsWait: 30, headers: []string{"retry-after: 30"}, retries: yes, attempts: 3, wait: -1, verdict: "wastes"},
		{name: "validation", status: 400, code: "ValidationException", category: "invalid_request", docs: no, retries: no, attempts: 1, wait: -1, verdict: "agrees"},
	})
}

func TestClientGoRetryableHTTP(t *testing.T) {
	runClient(t, rule(t, "go-retryablehttp"), []clientCase{
		{name: "429 waits Retry-After, uncapped", status: 429, docs: yes, docsWait: 300, headers: []string{"Retry-After: 300"}, retries: yes, attempts: 5, wait: 300, verdict: "agrees"},
		{name: "503 reads it too", status: 503, category: "unavailable", docs: yes, docsWait: 10, headers: []string{"Retry-After: 10"}, retries: yes, attempts: 5, wait: 10, verdict: "agrees"},
		{name: "500 does not", status: 500, category: "server", docs: yes, docsWait: 10, headers: []string{"Retry-After: 10"}, retries: yes, attempts: 5, wait: 1, verdict: "wastes"},
		{name: "Retry-After 0", status: 429, docs: yes, headers: []string{"Retry-After: 0"}, retries: yes, attempts: 5, wait: 0, verdict: "agrees"},
		{name: "fractional Retry-After", status: 429, docs: yes, headers: []string{"Retry-After: 1.5"}, retries: yes, attempts: 5, wait: 1, verdict: "agrees"},
		{name: "negative Retry-After", status: 429, docs: yes, headers: []string{"Retry-After: -1"}, retries: yes, attempts: 5, wait: 1, verdict: "agrees"},
		{name: "date against Date", status: 429, docs: yes, docsWait: 90, headers: []string{testDate, testDate90}, retries: yes, attempts: 5, wait: 90, verdict: "agrees"},
		{name: "501", status: 501, category: "server", docs: yes, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		{name: "999", status: 999, category: "server", docs: yes, retries: yes, attempts: 5, wait: 1, verdict: "agrees"},
		{name: "408 is not retried", status: 408, category: "timeout", docs: yes, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
	})
}

func TestClientStripeGo(t *testing.T) {
	runClient(t, rule(t, "stripe-go"), []clientCase{
		{name: "lock_timeout", status: 429, code: "lock_timeout", docs: yes, retries: yes, attempts: 3, wait: -1, verdict: "agrees"},
		{name: "rate_limit", status: 429, code: "rate_limit", docs: yes, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		{name: "500", status: 500, category: "server", docs: yes, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		{name: "Stripe-Should-Retry is not read on errors", status: 500, category: "server", docs: yes, headers: []string{"Stripe-Should-Retry: true"}, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		{name: "409", status: 409, category: "conflict", docs: no, retries: no, attempts: 1, wait: -1, verdict: "agrees"},
	})
}

// TestClientRuleIsData runs the engine on a rule written here, not in
// content/: every window end and status spec comes from the data.
func TestClientRuleIsData(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	r := &catalog.Client{ID: "x", Name: "X", Defaults: catalog.ClientDefaults{Attempts: 4},
		RetryOn: catalog.RetryOn{Statuses: []string{"<300", ">=500", "!503", "418"}, Codes: []string{"busy"}},
		NeverOn: catalog.NeverOn{Codes: []string{"never"}},
		Headers: []catalog.ClientHeader{
			{Name: "x-go", Effect: "decides", Statuses: []string{"418"}},
			{Name: "x-wait", Effect: "wait", Unit: "seconds", Integer: true, MinSeconds: f(2), MinInclusive: true, MaxSeconds: f(10), MaxExclusive: true, AboveMax: "give_up"},
		},
		Backoff: catalog.Backoff{InitialSeconds: 3, Factor: f(3), MaxSeconds: f(20), Jitter: "none", Words: "3, 9, 20 s"},
	}
	runClient(t, r, []clientCase{
		{name: "418", status: 418, docs: yes, retries: yes, attempts: 4, wait: 3, verdict: "agrees"},
		{name: "503 excluded", status: 503, docs: yes, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		{name: "code busy on 400", status: 400, code: "busy", docs: no, retries: yes, attempts: 4, wait: 3, verdict: "wastes"},
		{name: "code never on 500", status: 500, code: "never", docs: yes, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		{name: "x-go on its status", status: 418, headers: []string{"x-go: false"}, retries: no, attempts: 1, wait: -1, verdict: "unknown"},
		{name: "x-go elsewhere", status: 500, docs: yes, headers: []string{"x-go: false"}, retries: yes, attempts: 4, wait: 3, verdict: "agrees"},
		{name: "min inclusive", status: 500, docs: yes, headers: []string{"x-wait: 2"}, retries: yes, attempts: 4, wait: 2, verdict: "agrees"},
		{name: "below min", status: 500, docs: yes, headers: []string{"x-wait: 1"}, retries: yes, attempts: 4, wait: 3, verdict: "agrees"},
		{name: "max exclusive", status: 500, docs: yes, headers: []string{"x-wait: 10"}, retries: no, attempts: 1, wait: -1, verdict: "gives_up"},
		{name: "integer only", status: 500, docs: yes, headers: []string{"x-wait: 5.0"}, retries: yes, attempts: 4, wait: 3, verdict: "agrees"},
		{name: "too early", status: 500, docs: yes, docsWait: 9, headers: []string{"x-wait: 5"}, retries: yes, attempts: 4, wait: 5, verdict: "wastes"},
	})
	var v ClientVerdict
	if judgeClient(&v, r, &Diagnosis{Status: 418, Category: "rate_limit"}, nil); v.Backoff != "3, 9, 20 s" {
		t.Errorf("backoff %q, want the rule's words", v.Backoff)
	}
	if judgeClient(&v, r, &Diagnosis{Status: 418, Category: "rate_limit"}, headerList{{"x-wait", "4"}}); v.Backoff != "as x-wait: 4 says" || v.Wait != 4 {
		t.Errorf("backoff %q, wait %v, want the header's", v.Backoff, v.Wait)
	}
}

func TestMatchStatus(t *testing.T) {
	for _, c := range []struct {
		specs []string
		st    int
		want  bool
	}{
		{[]string{"429"}, 429, true},
		{[]string{"429"}, 428, false},
		{[]string{">=500", "!501"}, 501, false},
		{[]string{">=500", "!501"}, 599, true},
		{[]string{"0", "429"}, 0, true},
		{[]string{"<400"}, 399, true},
		{[]string{"<400"}, 400, false},
		{nil, 500, false},
		{[]string{"!501"}, 500, false}, // "!" alone matches nothing
	} {
		if got := matchStatus(c.specs, c.st); got != c.want {
			t.Errorf("matchStatus(%q, %d) = %v", c.specs, c.st, got)
		}
	}
}

// TestClientsDoneWhen runs issue 13's three cases through the whole
// classifier, on the real catalog.
func TestClientsDoneWhen(t *testing.T) {
	cl := New(catalog.Default)
	find := func(d *Diagnosis, id string) ClientVerdict {
		for _, c := range d.Clients {
			if c.ID == id {
				return c
			}
		}
		t.Fatalf("no entry for %s among %d", id, len(d.Clients))
		return ClientVerdict{}
	}
	quota := cl.Diagnose("HTTP/1.1 429 Too Many Requests\r\ncontent-type: application/json\r\n\r\n"+
		`{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}`, Options{})
	if c := find(&quota, "openai-python"); quota.Provider != "openai" || c.Retries != yes || c.Attempts != 3 || c.Verdict != "wastes" {
		t.Errorf("OpenAI insufficient_quota 429 (%s): openai-python %+v, want retries true, wastes", quota.Provider, c)
	}
	over := cl.Diagnose("HTTP/1.1 529\r\nretry-after: 30\r\ncontent-type: application/json\r\n\r\n"+
		`{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`, Options{})
	if c := find(&over, "anthropic-python"); over.Provider != "anthropic" || c.Retries != yes || !c.HasWait || c.Wait != 30 || c.Verdict != "agrees" {
		t.Errorf("Anthropic 529 retry-after 30 (%s): anthropic-python %+v, want a 30 s wait, agrees", over.Provider, c)
	}
	long := cl.Diagnose("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 300\r\n\r\nslow down\n", Options{})
	if c := find(&long, "go-retryablehttp"); c.Retries != yes || !c.HasWait || c.Wait != 300 || c.Verdict != "agrees" {
		t.Errorf("429 Retry-After 300: go-retryablehttp %+v, want a 300 s wait", c)
	}
	if c := find(&long, "openai-python"); c.Retries != no || c.Attempts != 1 || c.Verdict != "gives_up" {
		t.Errorf("429 Retry-After 300: openai-python %+v, want gives_up", c)
	}
	if len(long.Clients) != len(catalog.Default.Clients) || len(long.Clients) < 10 {
		t.Errorf("%d entries for %d rules", len(long.Clients), len(catalog.Default.Clients))
	}
	js := string(long.JSON())
	for _, want := range []string{`"clients":[{"id":"anthropic-python","name":"Anthropic Python SDK","retries":true,"attempts":3,"wait_seconds":null,"backoff":"0.5, 1 s, jittered","verdict":"wastes","note":`,
		`{"id":"openai-python","name":"OpenAI Python SDK","retries":false,"attempts":1,"wait_seconds":null,"backoff":null,"verdict":"gives_up",`} {
		if !strings.Contains(js, want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	if none := cl.Diagnose("hello", Options{}); len(none.Clients) != 0 || !strings.Contains(string(none.JSON()), `"clients":[]`) {
		t.Errorf("an unrecognised paste has clients %v", none.Clients)
	}
}
