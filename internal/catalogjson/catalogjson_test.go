package catalogjson

import (
	"encoding/json"
	"testing"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/internal/siteurl"
)

// TestSchema checks the documented keys on the real catalog: every key of
// the package doc is present where the doc says it always is.
func TestSchema(t *testing.T) {
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatalf("content problems: %v", problems[0])
	}
	data, err := New(cat, siteurl.MustNew("/errdex/", "https://errdex.github.io")).JSON()
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["version"] != float64(1) || doc["site"] != "https://errdex.github.io/errdex/" {
		t.Errorf("version %v, site %v", doc["version"], doc["site"])
	}
	has := func(where string, m map[string]any, keys ...string) {
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				t.Errorf("%s: missing %q", where, k)
			}
		}
	}
	has("catalog", doc, "version", "site", "providers", "categories")
	for _, p := range doc["providers"].([]any) {
		pm := p.(map[string]any)
		has("provider", pm, "id", "name", "summary", "url", "path", "docs", "envelope", "detect", "auth", "rate_limit", "retry", "results", "codes")
		has("envelope", pm["envelope"].(map[string]any), "code", "message", "request_id", "details", "type", "retry_after")
		has("auth", pm["auth"].(map[string]any), "header", "alt_headers", "key_prefixes")
		has("rate_limit", pm["rate_limit"].(map[string]any), "headers")
		for _, c := range pm["codes"].([]any) {
			cm := c.(map[string]any)
			has("code", cm, "code", "aliases", "slug", "statuses", "signal", "category", "retry", "title", "meaning", "causes", "fix", "variants", "related", "examples", "url", "path")
			has("retry", cm["retry"].(map[string]any), "retryable", "wait_fields")
			for _, x := range cm["examples"].([]any) {
				has("example", x.(map[string]any), "headers", "body")
			}
		}
	}
	for _, c := range doc["categories"].([]any) {
		has("category", c.(map[string]any), "name", "title", "summary", "retryable", "advice", "order", "url", "path")
	}
}
