package classify

import (
	"strings"
	"testing"

	"github.com/errdex/errdex/wasm/catalog"
)

// This file tests the readers of the catalog keys issue 12 added: waits in
// messages and in the envelope's formats, variants selected by a body
// field, codes and request ids from headers, the status as the code, the
// body's status field, stream codes and the upstream provider.

func TestMessageWait(t *testing.T) {
	for _, tt := range []struct {
		msg     string
		seconds float64
		ok      bool
		quote   string // a substring of the source
	}{
		{"Rate limit reached for gpt-4o on tokens per min (TPM). Please try again in 6.596s.", 6.596, true, `"try again in 6.596s"`},
		{"Please try again in 1m30s. Visit https://example.test", 90, true, "1m30s"},
		{"Quota exceeded for metric. Please retry in 47.88s.", 47.88, true, "retry in 47.88s"},
		{"Please retry in 10h17m5.723541104s.", 10*3600 + 17*60 + 5.723541104, true, ""},
		{"Rate limit exceeded. Retry after 60 seconds", 60, true, `"retry after 60 seconds"`},
		{"try again in 1 second.", 1, true, ""},
		{"try again in 20 ms", 0.02, true, ""},
		{"retry in 2 minutes, please", 120, true, ""},
		{"Try again after 1 hour", 3600, true, ""},
		{"try again in 0s", 0, true, ""},
		{"try again in 999999999s", 999999999, true, ""}, // just below a Unix time
		{"try again in 1000000000s", 0, false, ""},       // a Unix time, not a wait
		{"Please try again later.", 0, false, ""},
		{"retry in a moment", 0, false, ""},
		{"retry after 60", 0, false, ""}, // no unit: not guessed
		{"retry after 60 parsecs", 0, false, ""},
		{"try again in -5s", 0, false, ""},
		{"try again in 1e400s", 0, false, ""},
		{"try again in 1.", 0, false, ""},
		{"try again in ", 0, false, ""},
		{"", 0, false, ""},
		{"Try again in 5s — \u212a", 5, true, "5s"}, // a rune that lower-cases to another length
		{"Retry after 3 secs; then give up", 3, true, "3 secs"},
		{"try again in 90 s", 0, false, ""}, // a lone "s" is not a unit word
	} {
		w := messageWait(tt.msg)
		if w.ok != tt.ok || w.ok && (w.seconds-tt.seconds > 1e-9 || tt.seconds-w.seconds > 1e-9) || !w.ok && w.from != "" {
			t.Errorf("messageWait(%q) = %v %v, want %v %v", tt.msg, w.seconds, w.ok, tt.seconds, tt.ok)
		}
		if w.ok && (!w.rule || !strings.Contains(w.from, tt.quote)) {
			t.Errorf("messageWait(%q): source %q lacks %q", tt.msg, w.from, tt.quote)
		}
	}
	// every cut of a message: no panic, and never a wait longer than the
	// one written
	msg := "Please try again in 1m30s (or retry after 2 minutes)."
	for i := range msg {
		if w := messageWait(msg[:i]); w.ok && w.seconds > 120 {
			t.Errorf("messageWait(%q) = %v", msg[:i], w.seconds)
		}
	}
}

func TestParseWait(t *testing.T) {
	for _, tt := range []struct {
		v, format string
		want      float64
		ok        bool
	}{
		{"26s", "duration", 26, true},
		{"1.5s", "duration", 1.5, true},
		{"6m0s", "duration", 360, true},
		{"12ms", "duration", 0.012, true},
		{"0", "duration", 0, true},
		{"26", "duration", 0, false}, // a duration needs its unit
		{"-1s", "duration", 0, false},
		{"1.5", "seconds", 1.5, true},
		{"1.5", "", 1.5, true},
		{" 30 ", "seconds", 30, true},
		{"-5", "seconds", -5, true}, // computeWait reports it
		{"1500", "ms", 1.5, true},
		{"1795429237", "epoch", 1795429237, true},
		{"2026-11-23T10:20:45Z", "rfc3339", 1795429245, true},
		{"2026-11-23", "rfc3339", 0, false},
		{"soon", "seconds", 0, false},
		{"", "seconds", 0, false},
		{"NaN", "seconds", 0, false},
		{"1e400", "seconds", 0, false},
		{"true", "ms", 0, false},
	} {
		got, ok := parseWait(tt.v, tt.format)
		if ok != tt.ok || ok && (got-tt.want > 1e-9 || tt.want-got > 1e-9) {
			t.Errorf("parseWait(%q, %q) = %v %v, want %v %v", tt.v, tt.format, got, ok, tt.want, tt.ok)
		}
	}
}

// TestBodyWaitFormat reads Google's RetryInfo retryDelay, a duration
// string, through an envelope's retry_after and retry_after_format.
func TestBodyWaitFormat(t *testing.T) {
	p := &catalog.Provider{Envelope: catalog.Envelope{Code: []string{"error.status"}, RetryAfter: []string{"error.details[].retryDelay"}, RetryAfterFormat: "duration"}}
	for body, want := range map[string]float64{
		`{"error":{"status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure"},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"26s"}]}}`: 26,
		`{"error":{"status":"RESOURCE_EXHAUSTED","details":[{"retryDelay":"1.5s"}]}}`:                                                                                                           1.5,
		`{"error":{"status":"RESOURCE_EXHAUSTED","details":[{"retryDelay":"later"}]}}`:                                                                                                          -1,
		`{"error":{"status":"RESOURCE_EXHAUSTED","details":[{"retryDelay":{"seconds":3}}]}}`:                                                                                                    -1,
	} {
		r := read(p, mustDoc(t, body), 429, nil, "", "")
		if want < 0 && r.wait.ok || want >= 0 && (!r.wait.ok || r.wait.seconds != want) {
			t.Errorf("%s: wait %v %v, want %v", body, r.wait.seconds, r.wait.ok, want)
		}
	}
}

func mustDoc(t *testing.T, s string) *node {
	t.Helper()
	f, ok := readValue(s, 0, &budget{left: 1 << 20})
	if !ok {
		t.Fatalf("not a document: %s", s)
	}
	return f.n
}

func TestSelectVariant(t *testing.T) {
	e := &catalog.Code{Code: "x", Variants: []catalog.Variant{
		{Name: "spend", When: &catalog.When{Path: "error.details.error_code", Equals: "enforced_spend_limit_reached"}},
		{Name: "per-day", When: &catalog.When{Path: "error.details[].violations[].quotaId", Contains: "perday"}},
		{Name: "budget", Match: []string{"budget"}, When: &catalog.When{Path: "error.metadata.limit_source", Present: true}},
		{Name: "words", Match: []string{"credit"}},
	}}
	for _, tt := range []struct{ body, message, want string }{
		{`{"error":{"details":{"error_code":"enforced_spend_limit_reached"}}}`, "", "spend"},
		{`{"error":{"details":{"error_code":"Enforced_spend_limit_reached"}}}`, "", ""}, // equals is exact
		{`{"error":{"details":{"error_code":null}}}`, "", ""},
		{`{"error":{"details":[{"x":1},{"violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel"}]}]}}`, "", "per-day"},
		{`{"error":{"details":[{"violations":[{"quotaId":"GenerateRequestsPerMinute"}]}]}}`, "", ""},
		{`{"error":{"metadata":{"limit_source":"openrouter_in_flight_budget"}}}`, "over budget", "budget"},
		{`{"error":{"metadata":{"limit_source":"x"}}}`, "slow down", ""},    // when holds, match does not
		{`{"error":{"metadata":{}}}`, "over budget", ""},                    // match holds, when does not
		{`{"error":{"metadata":{"limit_source":null}}}`, "over budget", ""}, // null is not present
		{`{"error":{}}`, "Your CREDIT balance is too low", "words"},         // match alone, any case
		{`[1,2]`, "", ""}, // not an object
		{`{"error":{"details":{"error_code":{"a":"enforced_spend_limit_reached"}}}}`, "", ""}, // an object is not equal to text
	} {
		v := selectVariant(e, mustDoc(t, tt.body), tt.message)
		got := ""
		if v != nil {
			got = v.Name
		}
		if got != tt.want {
			t.Errorf("%s / %q: variant %q, want %q", tt.body, tt.message, got, tt.want)
		}
	}
	if v := selectVariant(e, nil, "credit"); v == nil || v.Name != "words" {
		t.Errorf("no document: a when never holds, match alone still selects; got %v", v)
	}
}

func TestReadHeadersAndStatus(t *testing.T) {
	bedrock := &catalog.Provider{
		Envelope: catalog.Envelope{Code: []string{"__type"}, Message: []string{"message"}, CodeHeaders: []string{"x-amzn-errortype"}, RequestIDHeaders: []string{"x-amzn-requestid", "x-request-id"}},
		Codes:    []catalog.Code{{Code: "ThrottlingException", Statuses: []int{429}}, {Code: "ValidationException", Statuses: []int{400}}},
	}
	hdr := func(kv ...string) (h headerList) {
		for i := 0; i+1 < len(kv); i += 2 {
			h.put(kv[i], kv[i+1])
		}
		return h
	}
	for _, tt := range []struct {
		name, body string
		h          headerList
		code, id   string
	}{
		{"header with URL", `{"message":"Too many tokens"}`, hdr("X-Amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/", "x-amzn-RequestId", "req-1"), "ThrottlingException", "req-1"},
		{"header with namespace", `{"message":"m"}`, hdr("x-amzn-errortype", "aws.protocols#ThrottlingException"), "ThrottlingException", ""},
		{"body wins", `{"__type":"ValidationException","message":"m"}`, hdr("x-amzn-errortype", "ThrottlingException"), "ValidationException", ""},
		{"empty header", `{"message":"m"}`, hdr("x-amzn-errortype", " : "), "", ""},
		{"second request id header", `{"message":"m"}`, hdr("x-request-id", "req-2"), "", "req-2"},
		{"empty request id header", `{"message":"m"}`, hdr("x-amzn-requestid", "", "x-request-id", "req-3"), "", "req-3"},
	} {
		r := read(bedrock, mustDoc(t, tt.body), 0, tt.h, "", "")
		if r.code != tt.code || r.requestID != tt.id {
			t.Errorf("%s: code %q id %q, want %q %q", tt.name, r.code, r.requestID, tt.code, tt.id)
		}
		if tt.code == "ThrottlingException" && (r.entry == nil || r.entry.Code != tt.code) {
			t.Errorf("%s: the header's code is not looked up", tt.name)
		}
	}

	fromStatus := &catalog.Provider{
		Envelope: catalog.Envelope{Code: []string{"error.code"}, StatusField: []string{"error.status"}, CodeFromStatus: true},
		Codes:    []catalog.Code{{Code: "404", Statuses: []int{404}}, {Code: "DeploymentNotFound", Statuses: []int{404}}},
	}
	for _, tt := range []struct {
		body        string
		status      int
		code, entry string
	}{
		{`{"error":{"message":"Resource not found."}}`, 404, "404", "404"},
		{`{"error":{"code":"DeploymentNotFound"}}`, 404, "DeploymentNotFound", "DeploymentNotFound"},
		{`{"error":{"message":"x"}}`, 418, "418", ""}, // a status it does not document: an unknown code
		{`{"error":{"message":"x"}}`, 200, "", ""},    // not an error status
		{`{"error":{"status":404}}`, 0, "404", "404"}, // a bare body: its status field
		{`{"error":{"status":"404x"}}`, 0, "", ""},    // not a status
		{`{"error":{"status":99999}}`, 0, "", ""},
	} {
		r := read(fromStatus, mustDoc(t, tt.body), tt.status, nil, "", "")
		entry := ""
		if r.entry != nil {
			entry = r.entry.Code
		}
		if r.code != tt.code || entry != tt.entry {
			t.Errorf("%s with %d: code %q entry %q, want %q %q", tt.body, tt.status, r.code, entry, tt.code, tt.entry)
		}
	}
}

func TestStreamedArrayLastError(t *testing.T) {
	p := &catalog.Provider{Envelope: catalog.Envelope{Code: []string{"error.status", "candidates[].finishReason"}},
		Codes:   []catalog.Code{{Code: "UNAVAILABLE"}},
		Results: []catalog.Result{{Code: "STOP"}}}
	for body, want := range map[string]string{
		`[{"candidates":[{"content":{}}]},{"candidates":[{"content":{}}]},{"error":{"code":503,"status":"UNAVAILABLE"}}]`: "UNAVAILABLE",
		`[{"candidates":[{"content":{}}]},{"candidates":[{"finishReason":"STOP"}]}]`:                                      "STOP",
		`[{"error":{"status":"UNAVAILABLE"}},{"candidates":[{"content":{}}]}]`:                                            "UNAVAILABLE",
		`[]`:             "",
		`[1, "x", null]`: "",
	} {
		if r := read(p, mustDoc(t, body), 0, nil, "", ""); r.code != want {
			t.Errorf("%s: code %q, want %q", body, r.code, want)
		}
	}
}

func TestHasStreamCode(t *testing.T) {
	codes := []string{"SAFETY", "ERROR", "conversation.response.error"}
	for body, want := range map[string]bool{
		`{"candidates":[{"finishReason":"SAFETY","index":0}]}`:            true,
		`{"type":"message-end","delta":{"finish_reason":"ERROR"}}`:        true,
		`{"type":"conversation.response.error","message":"x","code":500}`: true,
		`{"candidates":[{"finishReason":"STOP"}]}`:                        false,
		`{"candidates":[{"content":{"parts":[{"text":"SAFETY"}]}}]}`:      false, // generated text
		`{"delta":{"text":"ERROR"}}`:                                      false,
		`{"finishReason":"safety"}`:                                       false, // exact
		`{"a":{"b":{"c":{"d":{"e":{"f":{"g":"SAFETY"}}}}}}}`:              false, // too deep
		`["SAFETY"]`: true,
	} {
		if got := hasStreamCode(mustDoc(t, body), codes, "", 0); got != want {
			t.Errorf("%s: %v, want %v", body, got, want)
		}
	}
	if hasStreamCode(nil, codes, "", 0) || hasStreamCode(mustDoc(t, `{"x":"SAFETY"}`), nil, "", 0) {
		t.Error("nil document or no codes: true")
	}
}

func TestResetOfTheLimitThatRanOut(t *testing.T) {
	h := headerList{
		{"x-ratelimit-remaining-requests", "99"}, {"x-ratelimit-reset-requests", "120ms"},
		{"x-ratelimit-remaining-tokens", "0"}, {"x-ratelimit-reset-tokens", "6m0s"},
	}
	in := waitSources{headers: h, useReset: true, resetHeaders: []string{"x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"}, resetUnit: "duration"}
	if w := computeWait(in); !w.ok || w.seconds != 360 {
		t.Errorf("wait %v (%v), want 360 from the tokens' reset", w.seconds, w.ok)
	}
	h[2].value = "5"
	if w := computeWait(in); !w.ok || w.seconds != 0.12 {
		t.Errorf("nothing ran out: wait %v, want the first reset, 0.12", w.seconds)
	}
	in.resetHeaders = []string{"anthropic-ratelimit-tokens-reset"}
	in.resetUnit = "rfc3339"
	in.headers = headerList{{"Date", "Mon, 23 Nov 2026 10:20:00 GMT"}, {"anthropic-ratelimit-tokens-remaining", "0"}, {"anthropic-ratelimit-tokens-reset", "2026-11-23T10:20:45Z"}}
	if w := computeWait(in); !w.ok || w.seconds != 45 {
		t.Errorf("RFC 3339 against Date: wait %v, want 45", w.seconds)
	}
	in.headers[2].value = "2026-11-23 10:20:45"
	if w := computeWait(in); w.ok && w.seconds == 45 {
		t.Error("a reset that is not RFC 3339 was read")
	}
}

// TestUpstreamProvider reads OpenRouter's kind of error, which names the
// provider behind it: the name resolves through detect.names and the
// wrapped body is read as that provider's own error.
func TestUpstreamProvider(t *testing.T) {
	cat := &catalog.Catalog{
		Providers: []catalog.Provider{
			{ID: "router", Name: "Router", Envelope: catalog.Envelope{Code: []string{"error.code"}, Message: []string{"error.message"},
				Upstream: &catalog.Upstream{Provider: []string{"error.metadata.provider_name"}, Body: []string{"error.metadata.raw"}}},
				Codes: []catalog.Code{{Code: "502", Category: "upstream", Statuses: []int{502}}}},
			{ID: "acme", Name: "Acme", Detect: catalog.Detect{Names: []string{"acme", "acme ai"}},
				Envelope: catalog.Envelope{Code: []string{"error.type"}, Message: []string{"error.message"}},
				Codes:    []catalog.Code{{Code: "busy_error", Category: "unavailable", Retry: catalog.Retry{Retryable: catalog.RetryYes}}}},
		},
		Categories: []catalog.Category{{Name: "upstream", Retryable: catalog.RetryYes}, {Name: "unavailable", Retryable: catalog.RetryYes}, {Name: "rate_limit"}},
	}
	c := New(cat)
	for _, tt := range []struct{ name, raw, provider, code, category string }{
		{"Acme AI", `{\"error\":{\"type\":\"busy_error\",\"message\":\"busy\"}}`, "acme", "busy_error", "unavailable"},
		{"ACME", `rate limit hit upstream`, "acme", "", "rate_limit"}, // text: by its wording
		{"Nobody", `{\"error\":{\"type\":\"busy_error\"}}`, "", "", ""},
	} {
		in := `{"error":{"code":502,"message":"Provider returned error","metadata":{"provider_name":"` + tt.name + `","raw":"` + tt.raw + `"}}}`
		d := c.Diagnose("HTTP/1.1 502\n\n"+in, Options{Provider: "router"})
		rc := d.RootCause
		if tt.category == "" {
			if rc != nil && rc.Provider != "" {
				t.Errorf("%s: root cause provider %q for a name outside the catalog", tt.name, rc.Provider)
			}
			continue
		}
		if rc == nil || rc.Provider != tt.provider || rc.Code != tt.code || rc.Category != tt.category || d.Category != tt.category {
			t.Errorf("%s: root cause %+v, category %s; want %s %q %s", tt.name, rc, d.Category, tt.provider, tt.code, tt.category)
		}
	}
}

// TestRateLimitHeadersAreNotSecrets keeps rate-limit headers out of the
// redactor: anthropic-ratelimit-input-tokens-reset is named like a token
// field but holds the reset time the wait is read from.
func TestRateLimitHeadersAreNotSecrets(t *testing.T) {
	c := New(&catalog.Catalog{})
	in := "Anthropic-RateLimit-Input-Tokens-Reset: 2026-12-02T10:00:42Z\nx-other-tokens-reset: 2026-12-02T11:30:07Z"
	red, _, _ := c.redactText(in)
	if !strings.Contains(red, "Tokens-Reset: 2026-12-02T10:00:42Z\n") {
		t.Errorf("a documented reset header was masked: %q", red)
	}
	if !strings.HasSuffix(red, "x-other-tokens-reset: "+mask) {
		t.Errorf("an undocumented token-named field is no longer masked: %q", red)
	}
}
