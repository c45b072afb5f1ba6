package search

import (
	"encoding/json"
)

// Version is the index format's version, written as "v".
const Version = 1

// Doc is one search result as the browser shows it.
type Doc struct {
	Kind     string   `json:"k"`           // "code", "provider", "category" or "client"
	Code     string   `json:"c"`           // the code as sent; a provider's id; a category's name
	Aliases  []string `json:"a,omitempty"` // other spellings of a code
	Norms    []string `json:"n"`           // Norm of Code, then of each alias (filled by Build)
	Provider string   `json:"p,omitempty"` // provider display name
	Title    string   `json:"t"`           // one line
	Status   string   `json:"s,omitempty"` // "429", "400, 409", "in stream" or "varies"
	Category string   `json:"g,omitempty"` // category name of a code
	URL      string   `json:"u"`           // root-relative URL of the page
}

// Entry is a Doc with the text indexed for it besides its title.
type Entry struct {
	Doc  Doc
	Text string // plain text: a code's meaning, a provider's or category's summary
}

// Index is the JSON document the browser loads.
type Index struct {
	Version int              `json:"v"`
	Docs    []Doc            `json:"docs"`
	Title   map[string][]int `json:"title"`
	Text    map[string][]int `json:"text"`
}

// Build indexes entries in the order given and returns the index as JSON.
func Build(entries []Entry) ([]byte, error) {
	ix := Index{Version: Version, Title: map[string][]int{}, Text: map[string][]int{}}
	for n, e := range entries {
		d := e.Doc
		d.Norms = nil
		for _, s := range append([]string{d.Code}, d.Aliases...) {
			d.Norms = append(d.Norms, Norm(s))
		}
		ix.Docs = append(ix.Docs, d)
		post(ix.Title, n, Tokenize(d.Title))
		post(ix.Title, n, words(d.Title))
		text := d.Provider + " " + e.Text
		post(ix.Text, n, Tokenize(text))
		post(ix.Text, n, words(text))
	}
	return json.Marshal(ix)
}

// post adds doc n to the posting list of each token, once. Docs are added in
// order, so every list stays ascending.
func post(m map[string][]int, n int, toks []string) {
	for _, t := range toks {
		if l := m[t]; len(l) == 0 || l[len(l)-1] != n {
			m[t] = append(l, n)
		}
	}
}
