package classify

import (
	"strings"
	"testing"

	"github.com/errdex/errdex/wasm/catalog"
)

// TestVocabularyCategories checks that every category the vocabulary of
// outside APIs names is a canonical category, and that its values are
// lower case and unique.
func TestVocabularyCategories(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range strings.Split(strings.Trim(vocabulary, "\n"), "\n") {
		v, c, ok := strings.Cut(e, "=")
		if !ok || v != strings.ToLower(v) || seen[v] {
			t.Errorf("bad vocabulary entry %q", e)
		}
		seen[v] = true
		if _, ok := catalog.CategoryByName(c); !ok {
			t.Errorf("%s: category %q is not in content/categories", v, c)
		}
	}
}

// TestRootWordsCategories checks that the categories the root-cause
// wording table names are canonical ones (content/categories defines them).
func TestRootWordsCategories(t *testing.T) {
	for _, w := range rootWords {
		if _, ok := catalog.CategoryByName(w.category); !ok {
			t.Errorf("root wording %q: category %q is not in content/categories", w.text, w.category)
		}
	}
}

// TestStatusNear pins the status rules: numbers with a status context or
// reason phrase are statuses; ports, durations, counts and years are not.
func TestStatusNear(t *testing.T) {
	for in, want := range map[string]int{
		">>> r.status_code\n422":                          422,
		"requests.exceptions.HTTPError: 422 Client Error": 422,
		"Client error '404 Not Found' for url":            404,
		"POST https://x.test/v1 402 (Payment Required)":   402,
		"upstream 503 from https://x.test/v1:":            503,
		"POST /v1/x -> 429 {":                             429,
		"ClawHosters API 422: {":                          422,
		"API Error (529 {":                                529,
		"statusCode: 401,":                                401,
		"got status: 429 Too Many Requests.":              429,
		"HTTP Error 503: Service Unavailable":             503,
		"listening on 0.0.0.0:503":                        0,
		"warm-up took 429 ms":                             0,
		"sync -> 404 rows copied":                         0,
		"Error: 500 items could not be migrated":          0,
		"released in 2024":                                0,
		"api:443.":                                        0,
		"rapid 500:":                                      0,
		"422 clients error":                               0,
		"410 goners":                                      0,
	} {
		if got, _ := statusNear(in); got != want {
			t.Errorf("statusNear(%q) = %d, want %d", in, got, want)
		}
	}
}
