// Package catalogjson writes catalog.json: the whole errdex catalog as one
// public, machine-readable JSON file at the root of the site
// (https://errdex.github.io/errdex/catalog.json), for tools that want the
// data rather than the pages.
//
// # Schema (version 1)
//
// catalog.json is package model's data written by the model's json tags, so
// its keys and what they hold are documented once, in package model
// (`go doc ./content/model`), where each key of the content is also its key here:
//
//	{
//	  "version": 1,   // Version: bumped only on breaking changes
//	  "site": "https://errdex.github.io/errdex/",
//	  "providers": [...],   // model.Provider, sorted by id; codes keep their order in content/
//	  "categories": [...],  // model.Category, in their documented order
//	  "clients": [...]      // model.Client (client retry rules), sorted by id
//	}
//
// An object's keys are its type's fields, in field order; the fields of a
// code's status (statuses, signal) are keys of the code. A key marked "?" in
// the model's doc is left out when empty; every other key is always there,
// and a list is [] rather than null. Retryable and Signal are their words
// ("yes", "stream"). Markdown fields hold the Markdown source from content/.
//
// Providers, codes, categories and clients also have "url", absolute, and
// "path", relative to the site's base and stable: a code's path never
// changes once published. They come after "base_url" in a provider and last
// in a code, a category and a client ([pages]).
//
// The output is byte-identical for the same content; testdata/catalog.json
// pins it for the real content (go test ./internal/catalogjson -update
// rewrites it).
package catalogjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"strings"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/content/model"
	"github.com/errdex/errdex/internal/siteurl"
)

// Version is the schema version written as "version".
const Version = 1

// File is the file's path relative to the site's base.
const File = "catalog.json"

// page says where the "url" and "path" keys of a type with a page go: after
// the field named After ("" for last). Path makes the path from the value
// and the id of the provider it belongs to.
type page struct {
	After string
	Path  func(v reflect.Value, provider string) string
}

// pages lists the model types that have a page on the site.
var pages = map[reflect.Type]page{
	reflect.TypeFor[model.Provider](): {"BaseURL", func(v reflect.Value, _ string) string {
		return model.ProviderPath(v.Interface().(model.Provider).ID)
	}},
	reflect.TypeFor[model.Code](): {"", func(v reflect.Value, provider string) string {
		return model.Path(provider, v.Interface().(model.Code).Slug)
	}},
	reflect.TypeFor[model.Category](): {"", func(v reflect.Value, _ string) string {
		return model.CategoryPath(v.Interface().(model.Category).Name)
	}},
	reflect.TypeFor[model.Client](): {"", func(v reflect.Value, _ string) string {
		return model.ClientPath(v.Interface().(model.Client).ID)
	}},
}

// JSON returns catalog.json for a loaded catalog, indented, with a trailing
// newline.
func JSON(cat *content.Catalog, urls siteurl.URLs) ([]byte, error) {
	providers := make([]model.Provider, len(cat.Providers))
	for i, p := range cat.Providers {
		providers[i] = p.Provider
	}
	categories := make([]model.Category, len(cat.Categories))
	for i, c := range cat.Categories {
		categories[i] = c.Category
	}
	clients := make([]model.Client, len(cat.Clients))
	for i, c := range cat.Clients {
		clients[i] = c.Client
	}
	w := &writer{urls: urls, layouts: map[reflect.Type][]key{}}
	w.buf.WriteString(`{"version":`)
	w.scalar(reflect.ValueOf(Version))
	w.buf.WriteString(`,"site":`)
	w.scalar(reflect.ValueOf(urls.Abs("")))
	w.buf.WriteString(`,"providers":`)
	w.value(reflect.ValueOf(providers))
	w.buf.WriteString(`,"categories":`)
	w.value(reflect.ValueOf(categories))
	w.buf.WriteString(`,"clients":`)
	w.value(reflect.ValueOf(clients))
	w.buf.WriteString("}\n")
	if w.err != nil {
		return nil, w.err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, w.buf.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// A key is one key of an object of a model type, as catalog.json writes it.
type key struct {
	Name  string
	Index []int // the field's index path (reflect.Value.FieldByIndex); nil for "url" and "path"
	Omit  bool  // left out when empty (omitempty)
}

// layout returns the keys of an object of model type t, in order: its
// fields' json names, with embedded structs' fields in place, and "url" and
// "path" where [pages] puts them.
func layout(t reflect.Type) []key {
	pg, hasPage := pages[t]
	var keys []key
	urlPath := func() { keys = append(keys, key{Name: "url"}, key{Name: "path"}) }
	var walk func(s reflect.Type, index []int)
	walk = func(s reflect.Type, index []int) {
		for i := 0; i < s.NumField(); i++ {
			f := s.Field(i)
			at := append(append([]int(nil), index...), i)
			name, omit := jsonName(f)
			switch {
			case name == "-":
			case name == "" && f.Anonymous:
				walk(f.Type, at)
			default:
				keys = append(keys, key{Name: name, Index: at, Omit: omit})
			}
			if hasPage && len(index) == 0 && pg.After != "" && f.Name == pg.After {
				urlPath()
			}
		}
	}
	walk(t, nil)
	if hasPage && pg.After == "" {
		urlPath()
	}
	return keys
}

// jsonName returns a field's json key ("-" when it has none, "" for an
// embedded struct whose fields are the parent's keys) and its omitempty.
func jsonName(f reflect.StructField) (string, bool) {
	tag, ok := f.Tag.Lookup("json")
	name, opts, _ := strings.Cut(tag, ",")
	if !ok && !f.Anonymous {
		name = f.Name
	}
	return name, strings.Contains(","+opts+",", ",omitempty,")
}

type writer struct {
	urls     siteurl.URLs
	buf      bytes.Buffer
	provider string // id of the provider being written
	layouts  map[reflect.Type][]key
	err      error
}

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

func (w *writer) value(v reflect.Value) {
	switch {
	case v.Type().Implements(textMarshaler):
		text, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			w.err = err
		}
		w.scalar(reflect.ValueOf(string(text)))
	case v.Kind() == reflect.Struct:
		w.object(v)
	case v.Kind() == reflect.Slice:
		w.buf.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			w.value(v.Index(i))
		}
		w.buf.WriteByte(']')
	case v.Kind() == reflect.Pointer && v.IsNil():
		w.buf.WriteString("null")
	case v.Kind() == reflect.Pointer:
		w.value(v.Elem())
	default:
		w.scalar(v)
	}
}

// scalar writes v as encoding/json does (HTML-safe strings, shortest floats).
func (w *writer) scalar(v reflect.Value) {
	b, err := json.Marshal(v.Interface())
	if err != nil {
		w.err = err
	}
	w.buf.Write(b)
}

func (w *writer) object(v reflect.Value) {
	if p, ok := v.Interface().(model.Provider); ok {
		w.provider = p.ID
	}
	w.buf.WriteByte('{')
	first := true
	keys, ok := w.layouts[v.Type()]
	if !ok {
		keys = layout(v.Type())
		w.layouts[v.Type()] = keys
	}
	for _, k := range keys {
		var f reflect.Value
		if k.Index != nil {
			if f = v.FieldByIndex(k.Index); k.Omit && empty(f) {
				continue
			}
		} else {
			path := pages[v.Type()].Path(v, w.provider)
			if k.Name == "url" {
				path = w.urls.Abs(path)
			}
			f = reflect.ValueOf(path)
		}
		if !first {
			w.buf.WriteByte(',')
		}
		first = false
		w.scalar(reflect.ValueOf(k.Name))
		w.buf.WriteByte(':')
		w.value(f)
	}
	w.buf.WriteByte('}')
}

// empty is encoding/json's omitempty test.
func empty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Map, reflect.Array, reflect.String:
		return v.Len() == 0
	case reflect.Struct:
		return false
	}
	return v.IsZero()
}
