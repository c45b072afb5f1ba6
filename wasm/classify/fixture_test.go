package classify

import (
	"strings"
	"testing"

	"github.com/errdex/errdex/wasm/catalog"
)

// fixture is a hand-built catalog of two made-up providers: the stages read
// whatever catalog the Classifier was given, not the generated one.
var fixture = &catalog.Catalog{
	Providers: []catalog.Provider{
		{
			ID: "acme", Name: "Acme",
			Envelope: catalog.Envelope{Code: []string{"error.code"}, Message: []string{"error.message"}},
			Detect:   catalog.Detect{Hosts: []string{"api.acme.test"}},
			Auth:     catalog.Auth{Header: "x-acme-key", KeyPrefixes: []string{"acme_"}},
			Codes: []catalog.Code{{Code: "quota_gone", Category: "quota", Title: "Quota used up", Statuses: []int{429},
				Retry: catalog.Retry{Retryable: catalog.RetryNo}}},
		},
		{
			ID: "zeta", Name: "Zeta",
			Envelope: catalog.Envelope{Code: []string{"err_code"}, Message: []string{"detail"}},
			Detect:   catalog.Detect{Hosts: []string{"zeta.test"}},
			Codes:    []catalog.Code{{Code: "ZX_BUSY", Category: "unavailable", Title: "Busy", Statuses: []int{503}}},
		},
	},
	Categories: []catalog.Category{
		{Name: "quota", Title: "Quota", Retryable: catalog.RetryNo, Advice: "Raise the quota."},
		{Name: "unavailable", Title: "Unavailable", Retryable: catalog.RetryYes, Advice: "Retry later."},
	},
}

func TestFixtureCatalog(t *testing.T) {
	c := New(fixture)
	for _, tc := range []struct {
		in, provider, code, category string
	}{
		{"HTTP/1.1 429 Too Many Requests\n\n{\"error\":{\"code\":\"quota_gone\",\"message\":\"no more\"}}", "acme", "quota_gone", "quota"},
		{`{"err_code":"ZX_BUSY","detail":"try later"}`, "zeta", "ZX_BUSY", "unavailable"},
		{`{"code": 6, "error": "not_enough_balance"}`, "", "not_enough_balance", ""}, // Clore's, outside this catalog: read as a generic body
	} {
		d := c.Diagnose(tc.in, Options{})
		if d.Provider != tc.provider || d.Code != tc.code || tc.category != "" && d.Category != tc.category {
			t.Errorf("%q: provider %q code %q category %q, want %q %q %q", tc.in, d.Provider, d.Code, d.Category, tc.provider, tc.code, tc.category)
		}
	}
	if d := c.Diagnose(`{"error":{"code":"quota_gone"}}`, Options{Provider: "zeta"}); d.Provider != "zeta" {
		t.Errorf("forced provider: got %q", d.Provider)
	}
	if d := c.Diagnose("x-acme-key: acme_0123456789abcdef", Options{}); len(d.Redactions) == 0 || strings.Contains(d.RedactedInput, "0123456789") {
		t.Errorf("the fixture's auth header and key prefix are not masked: %q", d.RedactedInput)
	}
}
