// Package contract's tests guard the data contract between the Go side and
// the playground's TypeScript: the keys and value types of the Diagnosis
// JSON (wasm/classify Diagnosis.JSON) against site/ts/diagnosis.ts, and
// the search index (internal/search) against site/ts/rank.ts.
package contract

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/errdex/errdex/internal/search"
	"golang.org/x/tools/txtar"
)

const root = "../.."

// member names one member of a TypeScript interface, e.g.
// "Diagnosis.retry.wait_seconds": the unit the coverage check counts in.
type member struct {
	name  string // Diagnosis.retry.wait_seconds
	typ   tsType
	path  string // a JSON path where it was seen, for messages
	seen  map[string]bool
	found bool
}

type checker struct {
	ifaces  map[string]map[string]tsField
	members map[string]*member
	errs    map[string]string // by member and problem: one message each, at the first path
}

func (c *checker) errorf(key, format string, args ...any) {
	if _, ok := c.errs[key]; !ok {
		c.errs[key] = fmt.Sprintf(format, args...)
	}
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// value checks v, found at path, against t, the type of member m (nil for
// array elements and record values, which count as their member's).
func (c *checker) value(path, name string, v any, t tsType) {
	k := jsonKind(v)
	if m := c.members[name]; m != nil {
		m.seen[k] = true
		m.found = true
	}
	for _, a := range t.alts {
		switch {
		case a.kind == k && (k == "string" || k == "number" || k == "boolean" || k == "null"):
			return
		case a.kind == "literal" && k == "string":
			if a.lit == v.(string) {
				return
			}
		case a.kind == "array" && k == "array":
			for _, e := range v.([]any) {
				c.value(path+"[]", name+"[]", e, *a.elem)
			}
			return
		case a.kind == "record" && k == "object":
			for key, e := range v.(map[string]any) {
				c.value(path+"."+key, name+"{}", e, *a.elem)
			}
			return
		case a.kind == "object" && k == "object":
			c.object(path, name, v.(map[string]any), a.fields)
			return
		case a.kind == "ref" && k == "object":
			fields, ok := c.ifaces[a.ref]
			if !ok {
				c.errorf(name+" ref", "%s: the TypeScript names interface %s, which the contract check does not know", name, a.ref)
				return
			}
			c.object(path, a.ref, v.(map[string]any), fields)
			return
		}
	}
	raw, _ := json.Marshal(v)
	shown := string(raw)
	if k == "object" || k == "array" {
		shown = k
	}
	c.errorf(name+" "+k, "%s (JSON %s): Go writes %s (%.40s) but TypeScript declares %s", name, path, k, shown, t)
}

func (c *checker) object(path, name string, obj map[string]any, fields map[string]tsField) {
	for key, v := range obj {
		f, ok := fields[key]
		if !ok {
			c.errorf(name+"."+key+" extra", "%s.%s (JSON %s.%s): Go writes key %q but the TypeScript interface has no member %s", name, key, path, key, key, key)
			continue
		}
		mn := name + "." + key
		if c.members[mn] == nil {
			c.members[mn] = &member{name: mn, typ: f.typ, path: path + "." + key, seen: map[string]bool{}}
		}
		c.value(path+"."+key, mn, v, f.typ)
	}
	for key, f := range fields {
		if _, ok := obj[key]; !ok && !f.optional {
			c.errorf(name+"."+key+" missing", "%s.%s (JSON %s): TypeScript requires member %s but Go does not write it", name, key, path, key)
		}
	}
}

// coverage reports the alternatives of a member's declared type Go never
// wrote over the whole corpus: a TypeScript "number | null" where Go
// always writes a number is as wrong as the other way round.
func (c *checker) coverage() {
	for _, m := range c.members {
		for _, a := range m.typ.alts {
			k := a.kind
			switch k {
			case "ref", "object", "record":
				k = "object"
			case "literal":
				continue
			}
			if !m.seen[k] {
				c.errorf(m.name+" unseen "+k, "%s (JSON %s): TypeScript declares %s but Go never writes %s there over the corpus (change the TypeScript, or add a corpus case that shows it)", m.name, m.path, m.typ, k)
			}
		}
	}
}

func (c *checker) report(t *testing.T, what string) {
	var list []string
	for _, e := range c.errs {
		list = append(list, e)
	}
	sort.Strings(list)
	for _, e := range list {
		t.Errorf("%s contract: %s", what, e)
	}
}

// corpusInputs returns the "input" sections of the classifier's golden
// corpus, with the "provider:" hint of each case's comment.
func corpusInputs(t *testing.T) (inputs, providers []string) {
	files, err := filepath.Glob(filepath.Join(root, "wasm/classify/testdata/*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		provider := ""
		for _, line := range strings.Split(string(ar.Comment), "\n") {
			if v, ok := strings.CutPrefix(line, "provider: "); ok {
				provider = strings.TrimSpace(v)
			}
		}
		for _, sec := range ar.Files {
			if sec.Name == "input" {
				inputs = append(inputs, string(sec.Data))
				providers = append(providers, provider)
			}
		}
	}
	return inputs, providers
}

func TestDiagnosisMatchesTypeScript(t *testing.T) {
	ifaces, err := parseInterfaces(filepath.Join(root, "site/ts/diagnosis.ts"), "Diagnosis", "Candidate", "Field", "RootCause", "ClientVerdict")
	if err != nil {
		t.Fatal(err)
	}
	diag := ifaces["Diagnosis"]
	c := &checker{ifaces: ifaces, members: map[string]*member{}, errs: map[string]string{}}
	inputs, providers := corpusInputs(t)
	var outs [][]byte
	for i, in := range inputs {
		outs = append(outs, diagnose(in, providers[i]))
	}
	for _, out := range append(outs, extremes()...) {
		var v map[string]any
		if err := json.Unmarshal(out, &v); err != nil {
			t.Fatalf("Diagnosis.JSON is not JSON: %v", err)
		}
		c.object("$", "Diagnosis", v, diag)
	}
	c.coverage()
	c.report(t, "Diagnosis JSON (wasm/classify) vs site/ts/diagnosis.ts")
}

func TestSearchIndexMatchesTypeScript(t *testing.T) {
	ifaces, err := parseInterfaces(filepath.Join(root, "site/ts/rank.ts"), "Doc", "Index")
	if err != nil {
		t.Fatal(err)
	}
	c := &checker{ifaces: ifaces, members: map[string]*member{}, errs: map[string]string{}}
	// Every field set, and every omitempty field empty.
	out, err := search.Build([]search.Entry{
		{Doc: search.Doc{Kind: "code", Code: "c", Aliases: []string{"a"}, Provider: "P", Title: "t", Status: "429", Category: "g", URL: "/u/"}, Text: "x"},
		{Doc: search.Doc{Kind: "provider", Code: "p", Title: "P", URL: "/p/"}, Text: "y"},
		{Doc: search.Doc{Kind: "category", Code: "g", Title: "G", URL: "/g/"}, Text: "z"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	c.object("$", "Index", v, ifaces["Index"])
	c.coverage()
	// Optional members are exactly the omitempty fields.
	for name, typ := range map[string]reflect.Type{"Doc": reflect.TypeFor[search.Doc](), "Index": reflect.TypeFor[search.Index]()} {
		for i := range typ.NumField() {
			tag := strings.Split(typ.Field(i).Tag.Get("json"), ",")
			f, ok := ifaces[name][tag[0]]
			omit := len(tag) > 1 && tag[1] == "omitempty"
			if ok && f.optional != omit {
				c.errorf(name+tag[0]+" optional", "%s.%s: Go field %s has omitempty=%v but the TypeScript member is optional=%v", name, tag[0], typ.Field(i).Name, omit, f.optional)
			}
		}
	}
	c.report(t, "search index (internal/search) vs site/ts/rank.ts")
}
