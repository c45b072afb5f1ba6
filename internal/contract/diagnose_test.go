package contract

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

// classifier reads the real catalog, as the CLI and the playground do.
var classifier = classify.New(catalog.Default)

// diagnose is the test's one call of the classifier: the Diagnosis JSON of
// input, with provider forced when set.
func diagnose(input, provider string) []byte {
	d := classifier.Diagnose(input, classify.Options{Provider: provider})
	return d.JSON()
}

// extremes are two Diagnosis values the corpus may not show, written by the
// real Diagnosis.JSON: every field at its zero value (what is written as
// null) and every field set, so each key shows every type it can take.
func extremes() [][]byte {
	empty := classify.Diagnosis{RootCause: &classify.RootCause{}, Occurrences: 1}
	full := classify.Diagnosis{
		Provider: "p", ProviderName: "P", Confidence: 0.5,
		Candidates: []classify.Candidate{{Provider: "p", Confidence: 0.5, Evidence: []string{"e"}}},
		Evidence:   []string{"e"}, Form: "json", Status: 429, Code: "c", Message: "m", RequestID: "r",
		Category: "rate_limit", Variant: "v", CodeCategory: "c",
		RootCause: &classify.RootCause{Where: "w", Provider: "p", Code: "c", Status: 500, Message: "m", Category: "c"},
		MidStream: true, PartialOutput: true, Truncated: true, Line: 3, Occurrences: 2,
		Retry: classify.Retry{Retryable: catalog.RetryYes, WaitSeconds: 1.5, HasWait: true, Reason: "r"},
		Clients: []classify.ClientVerdict{
			{ID: "c", Name: "C", Retries: catalog.RetryYes, Attempts: 3, Wait: 2, HasWait: true, Backoff: "2, 4 s", Verdict: "agrees", Note: "n"},
			{ID: "d", Name: "D", Verdict: "unknown", Note: "n"},
		},
		Title: "t", Explanation: "x", Fix: []string{"f"}, Reference: "p/c/",
		Redactions: []classify.Redaction{{Kind: "k", Where: "w"}},
		Fields:     []classify.Field{{Path: "p", Value: "v", Role: "code"}},
		Notes:      []string{"n"}, RedactedInput: "i",
	}
	full.Errors = []classify.Diagnosis{full, full}
	return [][]byte{empty.JSON(), full.JSON()}
}
