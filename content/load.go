package content

import (
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/errdex/errdex/content/model"
)

// Load reads and validates every content file in fsys. It returns the
// catalog and every problem found; when problems is non-empty the catalog
// must not be used for any output.
func Load(fsys fs.FS) (*Catalog, []Problem) {
	l := &loader{fsys: fsys, cat: &Catalog{}}
	l.loadCategories()
	l.loadProviders()
	l.loadClients()
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
	// detect names seen so far, lower case: no two providers share one
	names map[string]nameAt
}

type nameAt struct {
	provider, file string
	line           int
}

type pendingRelated struct {
	file     string
	line     int
	provider string
	code     *model.Code
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

func (l *loader) loadCategories() {
	canon := map[string]bool{}
	for _, c := range CanonicalCategories {
		canon[c] = true
	}
	seenOrder := map[int]string{}
	for _, file := range l.files("categories") {
		report := l.reporter(file)
		d := l.document(file, report)
		if d == nil {
			continue
		}
		c := &Category{File: file, BodyLine: d.bodyLine}
		if !decode(d, &c.Category, report) {
			continue
		}
		c.Body = d.body
		at := func(key string) int { return lineOf(value(d.root, key), 2) }
		want := strings.TrimSuffix(path.Base(file), ".md")
		switch {
		case c.Name == "":
			report(2, `missing required key "name"`)
		case c.Name != want:
			report(at("name"), "name "+strconv.Quote(c.Name)+" must equal the file name "+strconv.Quote(want))
		case !canon[c.Name]:
			report(at("name"), "unknown category "+strconv.Quote(c.Name)+"; the canonical categories are "+strings.Join(CanonicalCategories, ", "))
		}
		requireStr(report, at, "title", c.Title)
		requireStr(report, at, "summary", c.Summary)
		requireStr(report, at, "advice", c.Advice)
		rt := text(value(d.root, "retryable"))
		var ok bool
		if c.Retryable, ok = parseRetryable(rt); !ok {
			report(at("retryable"), `retryable must be "yes", "no" or "unknown", not `+strconv.Quote(rt))
		}
		if c.Order <= 0 {
			report(at("order"), "order must be a positive integer")
		} else if other, dup := seenOrder[c.Order]; dup {
			report(at("order"), "order "+strconv.Itoa(c.Order)+" is also used by "+other)
		} else {
			seenOrder[c.Order] = file
		}
		l.cat.Categories = append(l.cat.Categories, c)
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

func parseRetryable(s string) (model.Retryable, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "true":
		return model.RetryYes, true
	case "no", "false":
		return model.RetryNo, true
	case "unknown":
		return model.RetryUnknown, true
	}
	return model.RetryUnknown, false
}

func (l *loader) categoryKnown(name string) bool {
	for _, c := range CanonicalCategories {
		if c == name {
			return true
		}
	}
	return false
}

// document reads file and splits it into front matter and body, or
// reports why it cannot and returns nil.
func (l *loader) document(file string, report func(int, string)) *document {
	src, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		report(0, err.Error())
		return nil
	}
	return split(file, src, report)
}

func (l *loader) loadProviders() {
	for _, file := range l.files("providers") {
		report := l.reporter(file)
		d := l.document(file, report)
		if d == nil {
			continue
		}
		p := &Provider{File: file, BodyLine: d.bodyLine}
		if !decode(d, &p.Provider, report) {
			continue
		}
		p.Body = d.body
		l.provider(d, p, report)
		l.cat.Providers = append(l.cat.Providers, p)
	}
	sort.SliceStable(l.cat.Providers, func(i, j int) bool { return l.cat.Providers[i].ID < l.cat.Providers[j].ID })
}
