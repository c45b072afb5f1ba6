package classify

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// The benchmark inputs: what users paste, at the sizes `make bench`
// reports (cmd/bench reads these benchmarks by name; keep the names).
//
// Each case also has a floor: the bytes encoding/json.Unmarshal reads in
// BenchmarkUnmarshal, the cheapest honest way to read the same paste.
// Where the paste is JSON the floor is the paste itself; otherwise it is
// the paste as one JSON string, so the floor still reads every byte.
type benchCase struct {
	name  string
	paste string
	floor string
	// what the diagnosis must say, so a benchmark never times a miss
	provider, code string
}

func benchCases() []benchCase {
	typical := `{"error":{"type":"invalid_request_error","code":"insufficient_credits","message":"Not enough credits for this generation. Please top up your balance."},"request":{"model":"flux-pro","prompt":"` + strings.Repeat("a lighthouse at dusk, ", 36) + `"}}`
	curlV := "* Connected to api.clipia.ai (104.21.48.7) port 443\n> POST /v1/queue/flux-pro HTTP/2\n> Host: api.clipia.ai\n> Authorization: Bearer clipia_test_FAKEa1b2c3d4e5f6g7h8\n>\n< HTTP/2 429\n< retry-after: 12\n< content-type: application/json\n<\n" +
		`{"error":{"message":"Rate limit exceeded. Try again later.","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}`
	var sse strings.Builder
	for i := 0; i < 40; i++ {
		sse.WriteString(`data: {"id":"gen-1","choices":[{"index":0,"delta":{"content":"token "},"finish_reason":null}]}` + "\n\n")
	}
	sse.WriteString(`data: {"id":"gen-1","choices":[{"index":0,"delta":{},"finish_reason":"error","error":{"code":"rate_limit","message":"Rate limit hit during generation."}}]}` + "\n\n")
	cases := []benchCase{
		// fits Clipia and Cline equally: the code is certain, the provider is not
		{name: "json_1KB", paste: typical, provider: "clipia", code: "insufficient_credits"},
		{name: "curl_v", paste: curlV, provider: "clipia", code: "rate_limit_exceeded"},
		{name: "sse", paste: sse.String(), provider: "cline", code: "rate_limit"},
		{name: "log_200KB", paste: bigLog(200 << 10), provider: "clipia", code: "insufficient_credits"},
		{name: "log_5MB", paste: bigLog(5 << 20), provider: "clipia", code: "insufficient_credits"},
		{name: "har_5MB", paste: bigHAR(5 << 20), provider: "clipia", code: "insufficient_credits"},
		// the last of 500 errors, of five kinds, in 10,000 lines
		{name: "log_10k_lines_500_errors", paste: manyErrorsLog(10000, 20), provider: "clawhosters", code: "rate_limit_exceeded"},
	}
	for i, c := range cases {
		if json.Valid([]byte(c.paste)) {
			cases[i].floor = c.paste
		} else {
			q, _ := json.Marshal(c.paste)
			cases[i].floor = string(q)
		}
	}
	return cases
}

// bigHAR is a browser's HAR export of size bytes or more: many successful
// calls with JSON bodies, then the one that failed.
func bigHAR(size int) string {
	var b strings.Builder
	b.WriteString(`{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"entries":[`)
	entry := func(i, status int, text string) {
		if i > 0 {
			b.WriteByte(',')
		}
		q, _ := json.Marshal(text)
		b.WriteString(`{"startedDateTime":"2026-11-23T11:05:00.000Z","time":120,"request":{"method":"GET","url":"https://api.clipia.ai/v1/requests/req_` + strconv.Itoa(i) + `","headers":[{"name":"Authorization","value":"Bearer clipia_live_FAKEa9b8c7d6e5f4g3h2i1"}]},`)
		b.WriteString(`"response":{"status":` + strconv.Itoa(status) + `,"statusText":"","headers":[{"name":"content-type","value":"application/json"}],"content":{"size":` + strconv.Itoa(len(text)) + `,"mimeType":"application/json","text":`)
		b.Write(q)
		b.WriteString(`}}}`)
	}
	i := 0
	for ; b.Len() < size; i++ {
		entry(i, 200, `{"request_id":"req_`+strconv.Itoa(i)+`","status":"IN_PROGRESS","logs":[{"message":"step 12/30: denoising"},{"message":"step 13/30: denoising"}],"queue_position":0}`)
	}
	entry(i, 402, `{"error":{"type":"invalid_request_error","code":"insufficient_credits","message":"Not enough credits for this generation. Please top up your balance."}}`)
	b.WriteString(`]}}`)
	return b.String()
}

// errorKinds are the failures manyErrorsLog writes, in turn; %d stands for
// a number that changes from one occurrence to the next.
var errorKinds = []string{
	`ERROR POST https://api.clipia.ai/v1/queue/flux-pro status=429 {"error":{"message":"Rate limit exceeded. Try again later.","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}} attempt=%d`,
	`ERROR POST https://api.clipia.ai/v1/queue/flux-pro status=402 {"error":{"type":"invalid_request_error","code":"insufficient_credits","message":"Not enough credits for this generation. Please top up your balance."}}`,
	`ERROR GET https://aitbc.bubuit.net/api/v1/jobs/job-%d status=404 {"detail": "Job job-%d not found", "error_code": "JOB_NOT_FOUND", "request_id": "req-%d"}`,
	`ERROR chat failed {"code":"stream_initialization_failed","message":"Failed to create stream: request failed with status 400: {\"error\":{\"message\":\"This model's maximum context length is 204800 tokens. However, you requested %d tokens.\",\"code\":400}}"}`,
	`WARN POST https://clawhosters.com/api/v1/instances/%d/restart status=429 {"error": {"code": "rate_limit_exceeded", "message": "Rate limit exceeded. Try again later."}}`,
}

// manyErrorsLog is a log of n lines: one line in every is an error, of the
// errorKinds in turn; the others are progress lines.
func manyErrorsLog(n, every int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("2026-11-23T10:00:00Z ")
		if i%every != every-1 {
			b.WriteString(`INFO poll {"request_id":"req_` + strconv.Itoa(i) + `","status":"IN_PROGRESS","logs":[{"message":"step 12/30"}]}` + "\n")
			continue
		}
		k := i / every
		b.WriteString(strings.ReplaceAll(errorKinds[k%len(errorKinds)], "%d", strconv.Itoa(1000+k)) + "\n")
	}
	return b.String()
}

// TestBenchCases keeps the benchmarks honest: each input is diagnosed as
// intended, and each floor is JSON.
func TestBenchCases(t *testing.T) {
	for _, c := range benchCases() {
		d := std.Diagnose(c.paste, Options{})
		if d.Provider != c.provider || d.Code != c.code {
			t.Errorf("%s: diagnosed %s/%s, want %s/%s", c.name, d.Provider, d.Code, c.provider, c.code)
		}
		if !json.Valid([]byte(c.floor)) {
			t.Errorf("%s: the floor is not JSON", c.name)
		}
	}
}

// BenchmarkDiagnose times the classifier on each paste; `make bench`
// reports ns/op, allocs/op and MB/s, and the paste's size (paste-B).
func BenchmarkDiagnose(b *testing.B) {
	for _, c := range benchCases() {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.paste)))
			b.ReportAllocs()
			for b.Loop() {
				std.Diagnose(c.paste, Options{})
			}
			b.ReportMetric(float64(len(c.paste)), "paste-B")
		})
	}
}

// BenchmarkUnmarshal is the floor: encoding/json.Unmarshal into any of the
// same bytes (see benchCase).
func BenchmarkUnmarshal(b *testing.B) {
	for _, c := range benchCases() {
		data := []byte(c.floor)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.paste)))
			b.ReportAllocs()
			for b.Loop() {
				var v any
				if err := json.Unmarshal(data, &v); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(c.paste)), "paste-B")
		})
	}
}
