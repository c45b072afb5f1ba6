package classify_test

import (
	"fmt"

	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

// A bare JSON body is enough: Clore.ai's code 6 points to the real code in
// its "error" string.
func ExampleClassifier_Diagnose() {
	d := classify.New(catalog.Default).Diagnose(`{"code": 6, "error": "not_enough_balance"}`, classify.Options{})
	fmt.Println(d.Provider, d.Code, d.Category, d.Retry.Retryable)
	fmt.Println(d.Reference)
	// Output:
	// clore not_enough_balance payment no
	// clore/not_enough_balance/
}

// curl -i output gives the status and the headers; the wait comes from
// Retry-After. The OpenAI-style body alone fits several providers: the
// host in the command line tells which one answered.
func ExampleClassifier_Diagnose_curl() {
	d := classify.New(catalog.Default).Diagnose(`$ curl -i https://api.clipia.ai/v1/chat/completions -d @req.json
HTTP/2 429
retry-after: 12
content-type: application/json

{"error":{"message":"Rate limit exceeded. Try again later.","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}`, classify.Options{})
	fmt.Println(d.Form, d.Status, d.Provider, d.Category)
	fmt.Println(d.Retry.Retryable, d.Retry.WaitSeconds)
	// Output:
	// curl-i 429 clipia rate_limit
	// yes 12
}

// A body several providers document alike is not attributed to any.
func ExampleClassifier_Diagnose_ambiguous() {
	d := classify.New(catalog.Default).Diagnose(`{"error":{"code":"not_found","message":"Resource not found"}}`, classify.Options{})
	fmt.Printf("provider=%q candidates=%d low=%v category=%s\n", d.Provider, len(d.Candidates), d.Confidence < 0.5, d.Category)
	// Output:
	// provider="" candidates=4 low=true category=not_found
}

// Options.Provider settles it, as the playground's override does.
func ExampleOptions() {
	d := classify.New(catalog.Default).Diagnose(`{"error":{"code":"not_found","message":"Resource not found"}}`, classify.Options{Provider: "clipia"})
	fmt.Println(d.Provider, d.Confidence, d.Reference)
	// Output:
	// clipia 1 clipia/not_found/
}

// Secrets are masked before anything else happens; the Diagnosis lists
// what was masked, never the value.
func ExampleDiagnosis_Redactions() {
	d := classify.New(catalog.Default).Diagnose("Authorization: Bearer oc_live_FAKE0123456789abcdef\n\n{\"error\":{\"code\":\"unauthorized\",\"message\":\"Invalid or missing API key\"}}", classify.Options{})
	fmt.Println(d.Redactions[0].Kind, "-", d.Redactions[0].Where)
	fmt.Println(d.RedactedInput[:40])
	// Output:
	// credential_header - line 1: Authorization value
	// Authorization: Bearer oc_live_[redacted]
}

// JSON is the one encoding the CLI and the playground share.
func ExampleDiagnosis_JSON() {
	d := classify.New(catalog.Default).Diagnose("", classify.Options{})
	fmt.Println(string(d.JSON())[:100])
	// Output:
	// {"provider":null,"provider_name":null,"confidence":0,"candidates":[],"evidence":[],"form":"empty","s
}

// A log with several failed calls: the top level is the last failure that
// no later success recovered, and errors lists every distinct one.
func ExampleDiagnosis_Errors() {
	d := classify.New(catalog.Default).Diagnose(`2026-11-23T09:00:05Z ERROR POST https://api.clipia.ai/v1/queue/flux-pro status=429 {"error":{"type":"rate_limit_error","code":"rate_limit_exceeded","message":"Rate limit exceeded. Try again later."}}
2026-11-23T09:00:07Z ERROR POST https://api.clipia.ai/v1/queue/flux-pro status=429 {"error":{"type":"rate_limit_error","code":"rate_limit_exceeded","message":"Rate limit exceeded. Try again later."}}
2026-11-23T09:00:09Z ERROR GET https://aitbc.bubuit.net/api/v1/jobs/job-77 status=404 {"detail": "Job job-77 not found", "error_code": "JOB_NOT_FOUND"}
2026-11-23T09:00:12Z INFO POST https://api.clipia.ai/v1/queue/flux-pro status=200`, classify.Options{})
	fmt.Println("top:", d.Line, d.Code, d.Occurrences)
	for _, e := range d.Errors {
		fmt.Println("entry:", e.Line, e.Code, e.Occurrences, e.Primary)
	}
	// Output:
	// top: 3 JOB_NOT_FOUND 1
	// entry: 1 rate_limit_exceeded 2 false
	// entry: 3 JOB_NOT_FOUND 1 true
}

// Cline's stream_initialization_failed wraps an upstream error: the code
// stays Cline's, the advice follows the upstream's "maximum context
// length", which no retry cures.
func ExampleRootCause() {
	d := classify.New(catalog.Default).Diagnose(`{"code":"stream_initialization_failed","message":"Failed to create stream: request failed with status 400: {\"error\":{\"message\":\"This model's maximum context length is 204800 tokens.\",\"code\":400}}"}`, classify.Options{})
	fmt.Println(d.Code, d.CodeCategory, "->", d.Category, d.Retry.Retryable)
	fmt.Println(d.RootCause.Where, d.RootCause.Status)
	// Output:
	// stream_initialization_failed upstream -> context_length no
	// message (escaped JSON) 400
}
