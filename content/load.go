package content

import (
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errdex/errdex/wasm/catalog"
)

// The raw types mirror the front matter as written; Load converts them into
// catalog values while validating. Their yaml tags are the schema's keys.

type rawProvider struct {
	ID        string        `yaml:"id"`
	Name      string        `yaml:"name"`
	Summary   string        `yaml:"summary"`
	Homepage  string        `yaml:"homepage"`
	BaseURL   string        `yaml:"base_url"`
	Docs      []rawLink     `yaml:"docs"`
	Envelope  rawEnvelope   `yaml:"envelope"`
	Detect    catalogDetect `yaml:"detect"`
	Auth      rawAuth       `yaml:"auth"`
	RateLimit rawRateLimit  `yaml:"rate_limit"`
	Retry     string        `yaml:"retry"`
	Results   []rawResult   `yaml:"results"`
	Codes     []rawCode     `yaml:"codes"`
}

type rawLink struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
}

type rawEnvelope struct {
	Code       []string     `yaml:"code"`
	Message    []string     `yaml:"message"`
	RequestID  []string     `yaml:"request_id"`
	Details    []string     `yaml:"details"`
	Type       []string     `yaml:"type"`
	RetryAfter []string     `yaml:"retry_after"`
	Indirect   *rawIndirect `yaml:"indirect"`
}

type rawIndirect struct {
	When  string `yaml:"when"`
	Field string `yaml:"field"`
}

type catalogDetect struct {
	Hosts   []string `yaml:"hosts"`
	Headers []string `yaml:"headers"`
	SDK     []string `yaml:"sdk"`
}

type rawAuth struct {
	Header      string   `yaml:"header"`
	Scheme      string   `yaml:"scheme"`
	AltHeaders  []string `yaml:"alt_headers"`
	KeyPrefixes []string `yaml:"key_prefixes"`
}

type rawRateLimit struct {
	Summary     string   `yaml:"summary"`
	Headers     []string `yaml:"headers"`
	ResetHeader string   `yaml:"reset_header"`
	ResetUnit   string   `yaml:"reset_unit"`
}

type rawResult struct {
	Code    string `yaml:"code"`
	Status  int    `yaml:"status"`
	Title   string `yaml:"title"`
	Meaning string `yaml:"meaning"`
}

type rawCode struct {
	Code     string       `yaml:"code"`
	Aliases  []string     `yaml:"aliases"`
	Status   yaml.Node    `yaml:"status"`
	Category string       `yaml:"category"`
	Retry    rawRetry     `yaml:"retry"`
	Title    string       `yaml:"title"`
	Meaning  string       `yaml:"meaning"`
	Causes   []string     `yaml:"causes"`
	Fix      []string     `yaml:"fix"`
	Examples []rawExample `yaml:"examples"`
	Variants []rawVariant `yaml:"variants"`
	Related  []string     `yaml:"related"`
}

type rawRetry struct {
	Retryable   string   `yaml:"retryable"`
	WaitSeconds float64  `yaml:"wait_seconds"`
	WaitFields  []string `yaml:"wait_fields"`
	MaxAttempts int      `yaml:"max_attempts"`
	Backoff     string   `yaml:"backoff"`
	Note        string   `yaml:"note"`
}

type rawExample struct {
	Title   string   `yaml:"title"`
	Status  int      `yaml:"status"`
	Headers []string `yaml:"headers"`
	Stream  bool     `yaml:"stream"`
	Body    string   `yaml:"body"`
	Source  string   `yaml:"source"`
}

type rawVariant struct {
	Name      string   `yaml:"name"`
	Match     []string `yaml:"match"`
	Category  string   `yaml:"category"`
	Retryable string   `yaml:"retryable"`
	Title     string   `yaml:"title"`
	Meaning   string   `yaml:"meaning"`
	Fix       []string `yaml:"fix"`
}

type rawCategory struct {
	Name      string `yaml:"name"`
	Title     string `yaml:"title"`
	Summary   string `yaml:"summary"`
	Retryable string `yaml:"retryable"`
	Advice    string `yaml:"advice"`
	Order     int    `yaml:"order"`
}

// Load reads and validates every content file in fsys. It returns the
// catalog and every problem found; when problems is non-empty the catalog
// must not be used for any output.
func Load(fsys fs.FS) (*Catalog, []Problem) {
	l := &loader{fsys: fsys, cat: &Catalog{}}
	l.loadCategories()
	l.loadProviders()
	l.loadManifest()
	if len(l.problems) == 0 {
		l.crossCheck()
	}
	sort.SliceStable(l.problems, func(i, j int) bool {
		a, b := l.problems[i], l.problems[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return l.cat, l.problems
}

type loader struct {
	fsys     fs.FS
	cat      *Catalog
	problems []Problem
	// related links are resolved after every provider is loaded
	pending []pendingRelated
}

type pendingRelated struct {
	file     string
	line     int
	provider string
	code     *catalog.Code
	ref      string
}

func (l *loader) reporter(file string) func(int, string) {
	return func(line int, msg string) {
		l.problems = append(l.problems, Problem{File: file, Line: line, Msg: msg})
	}
}

func (l *loader) files(dir string) []string {
	names, err := fs.Glob(l.fsys, dir+"/*.md")
	if err != nil || len(names) == 0 {
		l.problems = append(l.problems, Problem{File: dir, Msg: "no .md files found"})
	}
	sort.Strings(names)
	return names
}

// decode fills v from the document's root, reporting unknown keys and type
// errors with their lines. It returns false if anything was wrong.
func decode(d *document, v any, report func(int, string)) bool {
	bad := false
	checkKeys(d.root, reflect.TypeOf(v), func(line int, msg string) { bad = true; report(line, msg) })
	if err := d.root.Decode(v); err != nil {
		for _, m := range yamlMessages(err) {
			report(m.line, m.msg)
		}
		bad = true
	}
	return !bad
}

func (l *loader) loadCategories() {
	canon := map[string]bool{}
	for _, c := range CanonicalCategories {
		canon[c] = true
	}
	seenOrder := map[int]string{}
	for _, file := range l.files("categories") {
		report := l.reporter(file)
		src, err := fs.ReadFile(l.fsys, file)
		if err != nil {
			report(0, err.Error())
			continue
		}
		d := split(file, src, report)
		if d == nil {
			continue
		}
		var rc rawCategory
		if !decode(d, &rc, report) {
			continue
		}
		at := func(key string) int { return lineOf(value(d.root, key), 2) }
		want := strings.TrimSuffix(path.Base(file), ".md")
		switch {
		case rc.Name == "":
			report(2, `missing required key "name"`)
		case rc.Name != want:
			report(at("name"), "name "+strconv.Quote(rc.Name)+" must equal the file name "+strconv.Quote(want))
		case !canon[rc.Name]:
			report(at("name"), "unknown category "+strconv.Quote(rc.Name)+"; the canonical categories are "+strings.Join(CanonicalCategories, ", "))
		}
		requireStr(report, at, "title", rc.Title)
		requireStr(report, at, "summary", rc.Summary)
		requireStr(report, at, "advice", rc.Advice)
		r, ok := parseRetryable(rc.Retryable)
		if !ok {
			report(at("retryable"), `retryable must be "yes", "no" or "unknown", not `+strconv.Quote(rc.Retryable))
		}
		if rc.Order <= 0 {
			report(at("order"), "order must be a positive integer")
		} else if other, dup := seenOrder[rc.Order]; dup {
			report(at("order"), "order "+strconv.Itoa(rc.Order)+" is also used by "+other)
		} else {
			seenOrder[rc.Order] = file
		}
		l.cat.Categories = append(l.cat.Categories, &Category{
			Category: catalog.Category{Name: rc.Name, Title: rc.Title, Summary: rc.Summary, Retryable: r, Advice: rc.Advice},
			Order:    rc.Order, File: file, Body: d.body, BodyLine: d.bodyLine,
		})
	}
	have := map[string]bool{}
	for _, c := range l.cat.Categories {
		have[c.Name] = true
	}
	for _, name := range CanonicalCategories {
		if !have[name] {
			l.problems = append(l.problems, Problem{File: "categories/" + name + ".md", Msg: "missing: every canonical category needs a file"})
		}
	}
	sort.SliceStable(l.cat.Categories, func(i, j int) bool { return l.cat.Categories[i].Order < l.cat.Categories[j].Order })
}

func requireStr(report func(int, string), at func(string) int, key, v string) {
	if strings.TrimSpace(v) == "" {
		report(at(key), "missing required key "+strconv.Quote(key))
	}
}

func parseRetryable(s string) (catalog.Retryable, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "true":
		return catalog.RetryYes, true
	case "no", "false":
		return catalog.RetryNo, true
	case "unknown":
		return catalog.RetryUnknown, true
	}
	return catalog.RetryUnknown, false
}

func (l *loader) categoryKnown(name string) bool {
	for _, c := range CanonicalCategories {
		if c == name {
			return true
		}
	}
	return false
}

func (l *loader) loadProviders() {
	for _, file := range l.files("providers") {
		report := l.reporter(file)
		src, err := fs.ReadFile(l.fsys, file)
		if err != nil {
			report(0, err.Error())
			continue
		}
		d := split(file, src, report)
		if d == nil {
			continue
		}
		var rp rawProvider
		if !decode(d, &rp, report) {
			continue
		}
		if p := l.provider(d, &rp, report); p != nil {
			l.cat.Providers = append(l.cat.Providers, p)
		}
	}
	sort.SliceStable(l.cat.Providers, func(i, j int) bool { return l.cat.Providers[i].ID < l.cat.Providers[j].ID })
}
