package browsertest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/errdex/errdex/content"
)

// TestPlaygroundExamples pastes every documented example of every provider
// into the playground's worker as a support ticket carries it (`curl -i`
// output to the provider's host, content.Provider.CurlPaste) and checks
// that the page names the provider and code the catalog documents, with
// the same JSON the CLI prints, byte for byte (issue 12: "each provider's
// documented examples diagnose to the right provider and code through
// errdex diagnose and the playground"). The confusion test checks the same
// natively, with the bare bodies too.
func TestPlaygroundExamples(t *testing.T) {
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	type example struct{ name, provider, code, paste string }
	var cases []example
	for _, p := range cat.Providers {
		for i := range p.Codes {
			c := &p.Codes[i]
			for j := range c.Examples {
				cases = append(cases, example{p.ID + "/" + c.Code, p.ID, c.Code, p.CurlPaste(c, &c.Examples[j])})
			}
		}
	}
	if len(cases) < 250 {
		t.Fatalf("only %d documented examples", len(cases))
	}
	tb := newTab(t)
	tb.openPlay("")
	pastes := make([]string, len(cases))
	for i, c := range cases {
		pastes[i] = asBrowserSees(c.paste)
	}
	arg, _ := json.Marshal(pastes)
	got := eval[[]string](tb, `Promise.all((`+string(arg)+`).map((t) => errdexEngine.diagnose(t, '')))`)
	if len(got) != len(cases) {
		t.Fatalf("%d answers for %d examples", len(got), len(cases))
	}
	for i, c := range cases {
		var d struct {
			Provider string `json:"provider"`
			Code     string `json:"code"`
		}
		if err := json.Unmarshal([]byte(got[i]), &d); err != nil {
			t.Fatalf("%s: %v: %.200s", c.name, err, got[i])
		}
		if d.Provider != c.provider || !strings.EqualFold(d.Code, c.code) && !isAlias(cat, c.provider, c.code, d.Code) {
			t.Errorf("%s: the playground says provider %q code %q", c.name, d.Provider, d.Code)
		}
		if want := cliJSON(pastes[i], ""); got[i] != string(want) {
			t.Errorf("%s: the page's JSON differs from the CLI's:\n page: %.300s\n  cli: %.300s", c.name, got[i], want)
		}
	}
	t.Logf("%d documented examples of %d providers through the worker", len(cases), len(cat.Providers))
	if p := tb.problems(); len(p) > 0 {
		t.Errorf("problems:\n%s", strings.Join(p, "\n"))
	}
}

// isAlias reports whether got is one of the aliases of provider's code.
func isAlias(cat *content.Catalog, provider, code, got string) bool {
	p := cat.Provider(provider)
	for i := range p.Codes {
		if p.Codes[i].Code == code {
			for _, a := range p.Codes[i].Aliases {
				if strings.EqualFold(a, got) {
					return true
				}
			}
		}
	}
	return false
}
