package catalogjson

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"testing"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/content/model"
	"github.com/errdex/errdex/internal/siteurl"
)

var update = flag.Bool("update", false, "rewrite testdata/catalog.json")

const golden = "testdata/catalog.json"

func realJSON(t *testing.T) []byte {
	t.Helper()
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatalf("content problems: %v", problems[0])
	}
	data, err := JSON(cat, siteurl.MustNew("/errdex/", "https://errdex.github.io"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestGolden pins catalog.json for the real content: a change to the model,
// the content or the writer shows up as a diff of testdata/catalog.json
// (rewrite it with -update and read the diff).
func TestGolden(t *testing.T) {
	got := realJSON(t)
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("catalog.json differs from %s: run go test ./internal/catalogjson -update and read the diff", golden)
	}
}

// TestSchema checks the real catalog.json against the model: every object
// has only keys its model type's json tags give, every key not marked
// omitempty is present, lists are never null. (The golden file pins the
// order.) The expected keys
// come from the model, so a new field is checked without touching this test.
func TestSchema(t *testing.T) {
	data := realJSON(t)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc["version"] != json.Number("1") || doc["site"] != "https://errdex.github.io/errdex/" {
		t.Errorf("version %v, site %v", doc["version"], doc["site"])
	}
	if len(doc) != 5 {
		t.Errorf("top level has %d keys, want version, site, providers, categories, clients", len(doc))
	}
	checkList(t, "providers", doc["providers"], reflect.TypeFor[[]model.Provider]())
	checkList(t, "categories", doc["categories"], reflect.TypeFor[[]model.Category]())
	checkList(t, "clients", doc["clients"], reflect.TypeFor[[]model.Client]())
	if n := len(doc["clients"].([]any)); n < 10 {
		t.Errorf("%d clients", n)
	}
	if n := len(doc["providers"].([]any)); n < 5 {
		t.Errorf("%d providers", n)
	}
}

// check compares a decoded JSON value with model type typ.
func check(t *testing.T, where string, v any, typ reflect.Type) {
	t.Helper()
	switch typ.Kind() {
	case reflect.Slice:
		checkList(t, where, v, typ)
	case reflect.Pointer:
		check(t, where, v, typ.Elem())
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			t.Errorf("%s: %T, want an object", where, v)
			return
		}
		known := map[string]bool{}
		for _, k := range layout(typ) {
			known[k.Name] = true
			val, present := m[k.Name]
			if !present {
				if !k.Omit {
					t.Errorf("%s: missing %q", where, k.Name)
				}
				continue
			}
			if k.Index == nil { // url, path
				if _, ok := val.(string); !ok {
					t.Errorf("%s.%s: %T, want a string", where, k.Name, val)
				}
				continue
			}
			check(t, where+"."+k.Name, val, typ.FieldByIndex(k.Index).Type)
		}
		for k := range m {
			if !known[k] {
				t.Errorf("%s: key %q has no field in %s", where, k, typ)
			}
		}
	}
}

func checkList(t *testing.T, where string, v any, typ reflect.Type) {
	t.Helper()
	list, ok := v.([]any)
	if !ok {
		t.Errorf("%s: %v, want a list (never null)", where, v)
		return
	}
	for _, el := range list {
		check(t, where+"[]", el, typ.Elem())
	}
}
