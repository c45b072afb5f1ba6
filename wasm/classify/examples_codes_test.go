//go:build !js

package classify_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

// TestExamplesDiagnoseToTheirCode pastes every documented example of every
// provider, with that provider chosen (attribution is the confusion test's
// business), as the HTTP response or stream it came in, and checks that
// the classifier reads the documented code, a category the code or one of
// its variants documents, and its retry verdict: a quota or payment error
// is never retryable, whatever wait it carries.
func TestExamplesDiagnoseToTheirCode(t *testing.T) {
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatal(problems[0])
	}
	c := classify.New(catalog.Default)
	bad, total := 0, 0
	for pi, p := range cat.Providers {
		if catalog.Default.Providers[pi].ID != p.ID {
			t.Fatalf("the generated catalog is stale at %s: run make gen", p.ID)
		}
		for _, e := range p.Entries {
			for i, ex := range e.Examples {
				total++
				in := examplePaste(ex)
				d := c.Diagnose(in, classify.Options{Provider: p.ID})
				if env := &catalog.Default.Providers[pi].Envelope; !ex.Stream {
					// a body that carries its code: pasted alone too
					if _, ok := classify.ReadCode(ex.Body, env); ok {
						if b := c.Diagnose(ex.Body, classify.Options{Provider: p.ID}); !sameCode(b.Code, e.Code.Code, e.Aliases) {
							bad++
							t.Errorf("%s/%s example %d as a bare body: code %q\n%s", p.ID, e.Code.Code, i+1, b.Code, ex.Body)
						}
					}
				}
				cats := []string{e.Category}
				for _, v := range e.Variants {
					cats = append(cats, v.Category)
				}
				var why []string
				if !sameCode(d.Code, e.Code.Code, e.Aliases) {
					why = append(why, "code "+strconv.Quote(d.Code))
				}
				if !contains(cats, d.CodeCategory) { // a root cause may change Category
					why = append(why, "category "+d.CodeCategory+", not one of "+strings.Join(cats, ", "))
				}
				if (d.Category == "quota" || d.Category == "payment") && d.Retry.Retryable != catalog.RetryNo {
					why = append(why, "a "+d.Category+" error is retryable: "+d.Retry.Retryable.String())
				}
				if ex.Stream && !d.MidStream {
					why = append(why, "a stream example is not mid-stream")
				}
				if len(why) > 0 {
					bad++
					t.Errorf("%s/%s example %d: %s\n%s", p.ID, e.Code.Code, i+1, strings.Join(why, "; "), in)
				}
			}
		}
	}
	t.Logf("%d of %d examples read wrong", bad, total)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// examplePaste writes an example as it reaches a client: an SSE event of
// a 200 stream, or an HTTP response with its status and headers.
func examplePaste(ex content.Example) string {
	body := strings.TrimSpace(ex.Body)
	if ex.Stream {
		var b strings.Builder
		b.WriteString("HTTP/1.1 200 OK\nContent-Type: text/event-stream\n")
		for _, h := range ex.Headers {
			b.WriteString(h + "\n")
		}
		b.WriteString("\ndata: " + strings.Join(strings.Fields(body), " ") + "\n\n")
		return b.String()
	}
	st := ex.Status
	if st == 0 {
		return body + "\n"
	}
	var b strings.Builder
	b.WriteString("HTTP/1.1 " + strconv.Itoa(st) + "\n")
	for _, h := range ex.Headers {
		b.WriteString(h + "\n")
	}
	b.WriteString("Content-Type: application/json\n\n" + body + "\n")
	return b.String()
}
