package bench

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/errdex/errdex/content"
)

// synthKind is a category a synthetic code takes, with a status and
// verdict to go with it.
type synthKind struct {
	status    int
	category  string
	retryable string
}

// synthKinds derives the kinds from the real catalog: every category in
// its order, its documented default verdict, and the HTTP status its real
// codes come with most often (400 when none has one). The synthetic codes
// cycle through them, so every category page gets real work.
func synthKinds(cat *content.Catalog) []synthKind {
	var kinds []synthKind
	for _, c := range cat.Categories {
		count := map[int]int{}
		best := 400
		for _, p := range cat.Providers {
			for _, code := range p.Codes {
				if code.Category != c.Name {
					continue
				}
				for _, st := range code.Statuses {
					if count[st]++; count[st] > count[best] || count[st] == count[best] && st < best {
						best = st
					}
				}
			}
		}
		kinds = append(kinds, synthKind{status: best, category: c.Name, retryable: c.Retryable.String()})
	}
	return kinds
}

// Synthesize writes a content tree of providers × codes under dir (its
// layout is content/'s: providers/, categories/, urls.txt). The categories
// are the real ones, and the codes take their statuses and verdicts from
// them (synthKinds); each provider and code is generated, with the prose,
// lists, links and example bodies of a real entry, so a build of it renders,
// highlights and indexes as much per page as the real catalog does.
func Synthesize(dir string, providers, codes int) error {
	if err := os.MkdirAll(filepath.Join(dir, "providers"), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "categories"), 0o755); err != nil {
		return err
	}
	real, problems := content.Load(content.FS)
	if len(problems) > 0 {
		return fmt.Errorf("the real content has %d problem(s), first %s: run make check", len(problems), problems[0])
	}
	kinds := synthKinds(real)
	cats, err := fs.Glob(content.FS, "categories/*.md")
	if err != nil {
		return err
	}
	for _, c := range cats {
		data, err := fs.ReadFile(content.FS, c)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(c)), data, 0o644); err != nil {
			return err
		}
	}
	var urls strings.Builder
	urls.WriteString("# synthetic catalog for make bench\n")
	for p := 1; p <= providers; p++ {
		id := synthProvider(p)
		src := synthProviderFile(kinds, p, providers, codes)
		if err := os.WriteFile(filepath.Join(dir, "providers", id+".md"), []byte(src), 0o644); err != nil {
			return err
		}
		for c := 1; c <= codes; c++ {
			fmt.Fprintf(&urls, "%s/%s/\n", id, synthCode(c))
		}
	}
	return os.WriteFile(filepath.Join(dir, content.ManifestFile), []byte(urls.String()), 0o644)
}

func synthProvider(p int) string { return fmt.Sprintf("synth%02d", p) }
func synthCode(c int) string     { return fmt.Sprintf("e%03d", c) }

func synthProviderFile(kinds []synthKind, p, providers, codes int) string {
	id := synthProvider(p)
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("---\nid: %s\nname: Synthetic %02d\n", id, p)
	w("summary: Generated provider %d of %d for the site-build benchmark.\n", p, providers)
	w("homepage: https://%s.example.com\nbase_url: https://api.%s.example.com/v1\n", id, id)
	w("docs:\n  - title: Error reference\n    url: https://docs.%s.example.com/errors\n    read: 2026-12-02\n  - title: Rate limits\n    url: https://docs.%s.example.com/limits\n    read: 2026-12-02\n", id, id)
	w("envelope:\n  code: [error.code]\n  message: [error.message]\n  request_id: [error.request_id]\n  type: [error.type]\n")
	w("detect:\n  hosts: [api.%s.example.com]\n  headers: [x-%s-trace]\n  sdk: [%sError]\n", id, id, id)
	w("auth:\n  header: Authorization\n  scheme: Bearer\n  key_prefixes: [%s_live_]\n", id)
	w("rate_limit:\n  summary: 60 requests per minute per key.\n  headers: [X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset]\n  reset_headers: [X-RateLimit-Reset]\n  reset_unit: epoch\n")
	w("retry: >-\n  Retry 429 after Retry-After, and 502 to 504 with exponential backoff and\n  jitter, at most five attempts. Do not retry 4xx errors other than 429.\n")
	w("codes:\n")
	for c := 1; c <= codes; c++ {
		k := kinds[(p+c)%len(kinds)]
		code := synthCode(c)
		w("  - code: %s\n    status: %d\n    category: %s\n", code, k.status, k.category)
		w("    retry:\n      retryable: %q\n", k.retryable)
		if k.retryable == "yes" {
			w("      max_attempts: 5\n      backoff: exponential from 1 second, with jitter\n")
		}
		w("      note: Generated rule for code %s, in words, as a provider would document it.\n", code)
		w("    title: Synthetic failure %s of provider %02d\n", code, p)
		w("    meaning: >-\n      The request failed with `%s`. This paragraph stands in for the\n      provider's own explanation, with **emphasis**, a [link](https://docs.%s.example.com/errors#%s)\n      and `inline code`, about as long as a real entry's meaning.\n", code, id, code)
		w("    causes:\n      - A first likely cause, in a sentence or two.\n      - A second cause that mentions `X-RateLimit-Reset` and a value.\n")
		w("    fix:\n      - Check the key in the `Authorization` header.\n      - >-\n        Resend with a corrected body, for example\n        `curl -H \"Authorization: Bearer $KEY\" https://api.%s.example.com/v1/jobs`\n      - Contact support with the request id.\n", id)
		w("    examples:\n      - title: Documented response\n        status: %d\n        headers:\n          - \"Content-Type: application/json\"\n          - \"X-RateLimit-Reset: 1792152901\"\n", k.status)
		w("        body: |\n          {\n            \"error\": {\n              \"code\": \"%s\",\n              \"type\": \"%s\",\n              \"message\": \"Synthetic failure %s: the request could not be completed.\",\n              \"request_id\": \"req_%02d%03d\",\n              \"details\": [{\"field\": \"model\", \"reason\": \"example\"}]\n            }\n          }\n", code, k.category, code, p, c)
		w("        source: https://docs.%s.example.com/errors#%s\n", id, code)
		related := []string{synthCode(c%codes + 1)}
		if providers > 1 {
			related = append(related, synthProvider(p%providers+1)+"/"+code)
		}
		w("    related: [%s]\n\n", strings.Join(related, ", "))
	}
	w("---\n## About this provider\n\nA generated provider for `make bench`: its %d codes exercise every part of a code page.\n", codes)
	return b.String()
}
