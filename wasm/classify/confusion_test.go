package classify_test

// The confusion test: every documented example of every catalog provider,
// pasted as a bare body and as `curl -i` output with the provider's host
// and its provider-only headers, must be attributed to its own provider
// when the host is there, and never to a single wrong provider without it
// (several candidates below 0.5, its own among them, or none, are honest
// answers for a bare body that many APIs could have sent). It is an external test package:
// package content imports the classifier.

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/content/model"
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

// confusionCase is one documented example in one form.
type confusionCase struct {
	provider string // the provider that documents it
	code     *model.Code
	ex       *model.Example
	name     string // provider/code#n
	paste    string
}

func loadContent(t *testing.T) *content.Catalog {
	t.Helper()
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatalf("content does not load: %v", problems[0])
	}
	return cat
}

// confusionCases lists every example of cat in both forms.
func confusionCases(cat *content.Catalog) (bare, curl []confusionCase) {
	for _, p := range cat.Providers {
		for i := range p.Codes {
			c := &p.Codes[i]
			for j := range c.Examples {
				ex := &c.Examples[j]
				name := fmt.Sprintf("%s/%s#%d", p.ID, c.Code, j+1)
				bare = append(bare, confusionCase{p.ID, c, ex, name, ex.Body})
				curl = append(curl, confusionCase{p.ID, c, ex, name, p.CurlPaste(c, ex)})
			}
		}
	}
	return bare, curl
}

// Columns of the confusion matrix besides the providers.
const (
	colNone      = "none"
	colAmbiguous = "ambiguous"
)

// attributed is the column a diagnosis falls in: a provider id, "none" or
// "ambiguous" (several candidates tie, none attributed).
func attributed(d *classify.Diagnosis) string {
	switch {
	case d.Provider != "":
		return d.Provider
	case len(d.Candidates) > 1 && d.Confidence > 0:
		return colAmbiguous
	}
	return colNone
}

// matrix counts diagnoses by true provider (row) and attributed column.
type matrix struct {
	ids   []string
	count map[[2]string]int
}

func (m *matrix) String() string {
	cols := append(append([]string{}, m.ids...), colNone, colAmbiguous)
	var b strings.Builder
	short := func(s string) string {
		if len(s) > 6 {
			return s[:6]
		}
		return s
	}
	fmt.Fprintf(&b, "%-13s", "true\\got")
	for _, c := range cols {
		fmt.Fprintf(&b, " %6s", short(c))
	}
	b.WriteString("\n")
	for _, r := range m.ids {
		fmt.Fprintf(&b, "%-13s", r)
		for _, c := range cols {
			if n := m.count[[2]string{r, c}]; n > 0 {
				fmt.Fprintf(&b, " %6d", n)
			} else {
				fmt.Fprintf(&b, " %6s", ".")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestConfusion(t *testing.T) {
	cat := loadContent(t)
	cl := classify.New(catalog.Default)
	var ids []string
	for _, p := range cat.Providers {
		ids = append(ids, p.ID)
	}
	sort.Strings(ids)
	bare, curl := confusionCases(cat)
	if len(bare) < 100 {
		t.Fatalf("only %d documented examples: the catalog did not load whole", len(bare))
	}
	for _, form := range []struct {
		name     string
		cases    []confusionCase
		withHost bool
	}{{"curl -i with host and headers", curl, true}, {"bare body", bare, false}} {
		m := &matrix{ids: ids, count: map[[2]string]int{}}
		var bad []string
		for _, c := range form.cases {
			d := cl.Diagnose(c.paste, classify.Options{})
			got := attributed(&d)
			m.count[[2]string{c.provider, got}]++
			switch {
			case got == c.provider:
			case form.withHost:
				bad = append(bad, fmt.Sprintf("%s: attributed to %s, want %s (candidates %v)", c.name, got, c.provider, cands(&d)))
			case got == colAmbiguous && d.Confidence >= 0.5:
				bad = append(bad, fmt.Sprintf("%s: ambiguous with confidence %.2f, want below 0.5 (candidates %v)", c.name, d.Confidence, cands(&d)))
			case got == colAmbiguous && !isCandidate(&d, c.provider):
				bad = append(bad, fmt.Sprintf("%s: ambiguous without %s among the candidates (candidates %v)", c.name, c.provider, cands(&d)))
			case got != colNone && got != colAmbiguous:
				bad = append(bad, fmt.Sprintf("%s: attributed to the wrong provider %s (candidates %v)", c.name, got, cands(&d)))
			}
		}
		if len(bad) > 0 {
			t.Errorf("%s: %d of %d examples misattributed:\n  %s\n%s", form.name, len(bad), len(form.cases), strings.Join(bad, "\n  "), m)
		} else if testing.Verbose() {
			t.Logf("%s: %d examples\n%s", form.name, len(form.cases), m)
		}
	}
}

func isCandidate(d *classify.Diagnosis, id string) bool {
	for _, c := range d.Candidates {
		if c.Provider == id {
			return true
		}
	}
	return false
}

func cands(d *classify.Diagnosis) []string {
	var out []string
	for _, c := range d.Candidates {
		out = append(out, fmt.Sprintf("%s %.2f", c.Provider, c.Confidence))
	}
	return out
}

// TestExampleCodes: each example, pasted as `curl -i` output from its
// provider (host and headers, nothing forced), is attributed to it and
// diagnoses to its documented code (or an alias). examples_codes_test.go
// checks the codes with the provider forced, also as bare bodies.
func TestExampleCodes(t *testing.T) {
	cat := loadContent(t)
	cl := classify.New(catalog.Default)
	_, curl := confusionCases(cat)
	var bad []string
	for _, c := range curl {
		d := cl.Diagnose(c.paste, classify.Options{})
		if d.Provider == c.provider && sameCode(d.Code, c.code.Code, c.code.Aliases) {
			continue
		}
		bad = append(bad, fmt.Sprintf("%s: provider %q code %q", c.name, d.Provider, d.Code))
	}
	if len(bad) > 0 {
		t.Errorf("%d of %d examples do not diagnose to their provider and code:\n  %s", len(bad), len(curl), strings.Join(bad, "\n  "))
	}
}

// sameCode reports whether got is code or one of its aliases, ignoring case.
func sameCode(got, code string, aliases []string) bool {
	if strings.EqualFold(got, code) {
		return true
	}
	for _, a := range aliases {
		if strings.EqualFold(got, a) {
			return true
		}
	}
	return false
}
