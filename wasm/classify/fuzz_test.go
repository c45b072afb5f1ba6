package classify

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/errdex/errdex/wasm/catalog"
)

// plantedSecrets are fake secrets the fuzz seeds carry. Wherever one of them
// stands as a whole token in the input, it must not appear anywhere in the
// output.
var plantedSecrets = []string{
	"sk-test-FAKEFAKEFAKE1234567890",
	"oc_live_FAKEFAKEFAKE0123456789",
	"clipia_test_FAKEFAKEFAKE0123456789",
	"clipia_live_FAKEk3y0123456789abcdef",
	"AIzaSyFAKEFAKEFAKEFAKEFAKEFAKE12345678",
}

// plantedPasswords are fake passwords the fuzz seeds carry in a URL's
// userinfo and in curl's -u flag. Wherever the input has one in its
// context (a token of its own), it must not appear anywhere in the output.
var plantedPasswords = []struct{ context, secret string }{
	{"https://user:FAKEurlPassw0rd1234@", "FAKEurlPassw0rd1234"},
	{"curl -u user:FAKEcurlPassw0rd5678", "FAKEcurlPassw0rd5678"},
}

var fuzzSeeds = []string{
	`Authorization: Bearer sk-test-FAKEFAKEFAKE1234567890`,
	`{"error":{"code":"unauthorized","message":"Invalid key oc_live_FAKEFAKEFAKE0123456789"}}`,
	`curl -H 'Authorization: Bearer clipia_test_FAKEFAKEFAKE0123456789' https://api.clipia.ai/v1/x`,
	`{"request":{"url":"https://x/?key=AIzaSyFAKEFAKEFAKEFAKEFAKEFAKE12345678","headers":[{"name":"X-Api-Key","value":"clipia_live_FAKEk3y0123456789abcdef"}]},"response":{"status":401,"content":{"text":"{}"}}}`,
	"data: {\"error\":{\"message\":\"bad key sk-test-FAKEFAKEFAKE1234567890\"}}\n\n",
	`openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-test-FAKEFAKEFAKE1234567890', 'code': 'invalid_api_key'}}`,
	`{"msg":"{\"headers\":{\"Authorization\":\"Bearer oc_live_FAKEFAKEFAKE0123456789\"}}"}`,
	`2026-11-23 11:40:01 ERROR POST https://user:FAKEurlPassw0rd1234@api.example.com/v1/x: 401 {"error":{"code":"unauthorized"}}`,
	`{"request":{"url":"https://user:FAKEurlPassw0rd1234@api.example.com/v1/x"},"response":{"status":401,"content":{"text":"{}"}}}`,
	"$ curl -u user:FAKEcurlPassw0rd5678 -sS https://api.example.com/v1/x\nHTTP/1.1 401 Unauthorized\n\n{\"error\":{\"code\":\"unauthorized\"}}",
	"{\"error\":{\"code\":\"not_found\"", "[[[[[[[[[[", "{'a': b'\\x00'}", "\x00\x01\x02", "",
}

func FuzzDiagnose(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, c := range loadCorpus(f) {
		f.Add(c.input)
	}
	f.Fuzz(func(t *testing.T, input string) {
		d := std.Diagnose(input, Options{})
		out := d.JSON()
		if again := std.Diagnose(input, Options{}); !bytes.Equal(out, again.JSON()) {
			t.Fatalf("not deterministic for %q", input)
		}
		if !json.Valid(out) {
			t.Fatalf("invalid JSON for %q: %s", input, out)
		}
		checkCatalogRefs(t, &d)
		checkErrors(t, &d)
		for _, s := range plantedSecrets {
			if containsToken(input, s) && bytes.Contains(out, []byte(s)) {
				t.Fatalf("secret %s leaked for input %q:\n%s", s, input, out)
			}
		}
		for _, p := range plantedPasswords {
			if containsToken(input, p.context) && bytes.Contains(out, []byte(p.secret)) {
				t.Fatalf("password %s leaked for input %q:\n%s", p.secret, input, out)
			}
		}
	})
}

// checkCatalogRefs fails when d, or an entry of its errors, names a
// category, provider or code the catalog lacks: category names typed in
// this package (for APIs outside the catalog) must stay among
// content/categories.
func checkCatalogRefs(t *testing.T, d *Diagnosis) {
	t.Helper()
	for i := range d.Errors {
		checkCatalogRefs(t, &d.Errors[i])
	}
	for _, c := range []string{d.CodeCategory, rootCategory(d)} {
		if _, ok := catalog.CategoryByName(c); !ok && c != "" {
			t.Fatalf("category %q is not a canonical category", c)
		}
	}
	if rc := d.RootCause; rc != nil && rc.Provider != "" {
		if _, ok := catalog.Lookup(rc.Provider); !ok {
			t.Fatalf("root cause provider %q is not in the catalog", rc.Provider)
		}
	}
	if _, ok := catalog.CategoryByName(d.Category); !ok && d.Category != "success" && d.Category != "unknown" {
		t.Fatalf("category %q is not a canonical category", d.Category)
	}
	if d.Provider == "" {
		return
	}
	p, ok := catalog.Lookup(d.Provider)
	if !ok {
		t.Fatalf("provider %q is not in the catalog", d.Provider)
	}
	if d.Code == "" {
		return
	}
	if _, ok := p.Code(d.Code); ok {
		return
	}
	for _, r := range p.Results {
		if r.Code != "" && sameNumber(r.Code, d.Code) {
			return
		}
	}
	t.Fatalf("code %q is not a %s code", d.Code, d.Provider)
}

func rootCategory(d *Diagnosis) string {
	if d.RootCause == nil {
		return ""
	}
	return d.RootCause.Category
}

// checkErrors fails when the errors list and the keys that go with it
// disagree. In the JSON: no error means no entries, line null and
// occurrences 0; one error is the one entry, equal to the top level
// without "errors" and "redacted_input"; several are at most maxEntries
// entries, each an error seen at least once with a line, in paste order,
// exactly one of them (in Go) the primary. A root cause has a specific
// category that is the diagnosis's; the code's own category is the
// category unless there is a root cause.
func checkErrors(t *testing.T, d *Diagnosis) {
	t.Helper()
	var got struct {
		Errors []json.RawMessage `json:"errors"`
	}
	out := d.JSON()
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	isErr := d.Category != "success" && d.Category != "unknown"
	switch {
	case !isErr && (len(got.Errors) != 0 || d.Line != 0 || d.Occurrences != 0 || d.CodeCategory != ""):
		t.Fatalf("no error, yet errors=%d line=%d occurrences=%d code_category=%q", len(got.Errors), d.Line, d.Occurrences, d.CodeCategory)
	case isErr && (len(got.Errors) == 0 || len(got.Errors) > maxEntries || d.Line < 1 || d.Occurrences < 1):
		t.Fatalf("an error, yet errors=%d line=%d occurrences=%d", len(got.Errors), d.Line, d.Occurrences)
	case len(got.Errors) == 1 && len(d.Errors) == 0:
		top := *d
		top.RedactedInput = ""
		want := top.JSON()
		want = want[:bytes.LastIndex(want, []byte(`,"errors":`))]
		if e := got.Errors[0]; !bytes.Equal(e[:len(e)-1], want) {
			t.Fatalf("the one entry differs from the top level:\n%s\n%s", e, want)
		}
	case len(d.Errors) == 1 && d.Occurrences < 2:
		t.Fatalf("an entry alone in Errors: one error is the top level itself")
	}
	primaries := 0
	for i := range d.Errors {
		e := &d.Errors[i]
		if e.Category == "success" || e.Category == "unknown" || e.Occurrences < 1 || e.Line < 1 || len(e.Errors) != 0 || e.RedactedInput != "" {
			t.Fatalf("entry %d: category %s, occurrences %d, line %d, %d errors", i, e.Category, e.Occurrences, e.Line, len(e.Errors))
		}
		if i > 0 && e.Line < d.Errors[i-1].Line {
			t.Fatalf("entry %d on line %d comes before line %d", i, e.Line, d.Errors[i-1].Line)
		}
		if e.Primary {
			primaries++
		}
		checkRoot(t, e)
	}
	if len(d.Errors) > 1 && primaries != 1 && len(d.Errors) < maxEntries {
		t.Fatalf("%d primary entries", primaries)
	}
	checkRoot(t, d)
}

func checkRoot(t *testing.T, d *Diagnosis) {
	t.Helper()
	rc := d.RootCause
	switch {
	case rc == nil && d.Occurrences > 0 && d.CodeCategory != d.Category:
		t.Fatalf("code_category %q differs from category %q without a root cause", d.CodeCategory, d.Category)
	case rc != nil && (rc.Category != d.Category || vague(rc.Category) || rc.Where == "" || d.Provider == "" || d.Code == ""):
		t.Fatalf("root cause %+v of %s/%s (category %s)", *rc, d.Provider, d.Code, d.Category)
	}
}

// containsToken reports whether s occurs in input with no letter, digit, "_"
// or "-" directly before it: a token of its own, as the redactor sees one.
func containsToken(input, s string) bool {
	for off := 0; ; {
		i := strings.Index(input[off:], s)
		if i < 0 {
			return false
		}
		at := off + i
		if at == 0 || byteClass[input[at-1]]&classToken == 0 {
			return true
		}
		off = at + 1
	}
}

// TestCorpusProperties checks the fuzz properties on every corpus case and
// on the planted-secret seeds, so they hold in every plain test run.
func TestCorpusProperties(t *testing.T) {
	inputs := append([]string(nil), fuzzSeeds...)
	for _, c := range loadCorpus(t) {
		inputs = append(inputs, c.input)
	}
	for _, in := range inputs {
		d := std.Diagnose(in, Options{})
		out := d.JSON()
		checkCatalogRefs(t, &d)
		checkErrors(t, &d)
		for _, s := range plantedSecrets {
			if containsToken(in, s) && bytes.Contains(out, []byte(s)) {
				t.Errorf("secret %s leaked:\n%s", s, out)
			}
		}
		for _, p := range plantedPasswords {
			if containsToken(in, p.context) && bytes.Contains(out, []byte(p.secret)) {
				t.Errorf("password %s leaked:\n%s", p.secret, out)
			}
		}
	}
}
