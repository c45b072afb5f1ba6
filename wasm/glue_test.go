package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

func TestDiagnoseJSON(t *testing.T) {
	out := diagnoseJSON(`{"code": 6, "error": "not_enough_balance"}`, "")
	if !strings.Contains(out, `"provider":"clore"`) || !strings.Contains(out, `"code":"not_enough_balance"`) {
		t.Errorf("unexpected diagnosis: %s", out)
	}
	// The same bytes as the CLI's --json.
	d := classify.New(catalog.Default).Diagnose(`{"code": 6, "error": "not_enough_balance"}`, classify.Options{})
	if want := string(d.JSON()); out != want {
		t.Errorf("glue and classifier disagree:\n glue: %s\n want: %s", out, want)
	}
	for _, in := range []string{"", "\x00\xff\xfe", strings.Repeat("{", 100000), "<script>alert(1)</script>"} {
		if out := diagnoseJSON(in, "no-such-provider"); !json.Valid([]byte(out)) || !strings.HasPrefix(out, "{") {
			t.Errorf("diagnoseJSON(%.20q) = %.80s, want a JSON object", in, out)
		}
	}
	if out := diagnoseJSON(strings.Repeat("x", 9<<20), ""); !isError(out) {
		t.Errorf("oversize input: %.80s", out)
	}
}

// TestPanicIsAValue checks that a classifier panic comes back as an error
// value and that the next call works: the page must never die.
func TestPanicIsAValue(t *testing.T) {
	real := classifyJSON
	t.Cleanup(func() { classifyJSON = real })
	classifyJSON = func(string, string) []byte { panic("boom") }
	if out := diagnoseJSON("anything", ""); !isError(out) {
		t.Errorf("a panic gave %s, want an error value", out)
	}
	classifyJSON = real
	if out := diagnoseJSON(`{"code": 6, "error": "not_enough_balance"}`, ""); isError(out) {
		t.Errorf("the call after a panic failed: %s", out)
	}
}

func isError(out string) bool {
	var v struct{ Error string }
	return json.Unmarshal([]byte(out), &v) == nil && v.Error != ""
}

// TestLoadCatalog checks the glue's half of the catalog file: the published
// text (catalog.Text, which the site serves) loads and gives the same
// diagnosis; a missing or foreign text is an error and changes nothing.
func TestLoadCatalog(t *testing.T) {
	in := `{"code": 6, "error": "not_enough_balance"}`
	want := diagnoseJSON(in, "")
	for _, bad := range []string{"", "x", catalog.Text[:len(catalog.Text)-1]} {
		if msg := loadCatalog(bad); msg == "" {
			t.Errorf("loadCatalog accepted a text of %d bytes", len(bad))
		}
	}
	if msg := loadCatalog(catalog.Text); msg != "" {
		t.Fatal(msg)
	}
	if got := diagnoseJSON(in, ""); got != want {
		t.Errorf("after loading the catalog file:\n got: %s\nwant: %s", got, want)
	}
}
