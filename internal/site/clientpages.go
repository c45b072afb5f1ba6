package site

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/content/model"
	"github.com/errdex/errdex/internal/render"
)

// ClientRef links a client's page.
type ClientRef struct {
	ID, Name, Href string
}

// ClientTable is a "What your client would do" table: one row per client,
// disagreements first, for the examples it stands for.
type ClientTable struct {
	Label    string // the table's caption
	Examples []Link // the documented examples it is about (#example-N)
	Linked   bool   // the caption links Examples: the code has several tables
	Rows     []ClientRow
}

// ClientRow is one client's verdict, ready to show.
type ClientRow struct {
	Client       ClientRef
	Retries      string // "yes", "no", "unknown"
	Attempts     string // "3", "1", "–"
	FirstWait    string // "30 s", "backoff", "–"
	Backoff      string // "0.5, 1 s, jittered", "–"
	Verdict      string // agrees, wastes, gives_up, unknown
	VerdictLabel string
	Note         string
}

// ClientsMatrix is the clients × categories matrix: one row per category
// that has documented examples, one cell per client.
type ClientsMatrix struct {
	Clients []ClientRef
	Rows    []ClientsMatrixRow
}

// ClientsMatrixRow is one category across clients.
type ClientsMatrixRow struct {
	Category CategoryRef
	Examples int // documented examples diagnosed in this category
	Cells    []ClientsMatrixCell
}

// ClientsMatrixCell is what one client does with one category's examples:
// its most frequent outcome, and the other disagreements.
type ClientsMatrixCell struct {
	Does         string // "retries", "stops", "depends"
	Verdict      string // agrees, wastes, gives_up, unknown
	VerdictLabel string
	Count, Of    int      // examples with that outcome, of the category's
	Also         []string // other disagreements: "wastes 1", "gives up 2"
}

// ClientsData is the clients index.
type ClientsData struct {
	Clients []ClientSummary
	Matrix  *ClientsMatrix
}

// ClientSummary is a client in the index.
type ClientSummary struct {
	ClientRef
	Language, Kind string
	Attempts       int
	Read           string
}

// ClientData is a client's page.
type ClientData struct {
	ClientRef
	Language, Kind string
	Providers      []ProviderRef
	Rule           []Fact
	Headers        []ClientHeaderView
	Backoff        []Fact
	Streams        []Fact
	Notes          []string
	Sources        []SourceView
	Read           string
	Body           template.HTML
	Categories     []ClientCategory // its column of the matrix
}

// ClientHeaderView is a header the client reads.
type ClientHeaderView struct {
	Name, Effect, Statuses, Window, AboveMax, Note string
}

// SourceView is where the rule was read.
type SourceView struct {
	Title, URL, Repo, Path, Version, Read string
}

// ClientCategory is one category on a client's page.
type ClientCategory struct {
	Category CategoryRef
	Cell     ClientsMatrixCell
}

func (b *builder) clientsPage(ids *render.IDs) (*Page, error) {
	d := &ClientsData{Matrix: b.clientsMatrix()}
	for _, c := range b.cat.Clients {
		d.Clients = append(d.Clients, ClientSummary{ClientRef: b.clientRef(c.ID), Language: c.Language, Kind: c.Kind,
			Attempts: c.Defaults.Attempts, Read: lastRead(c)})
	}
	return &Page{
		Kind:        "clients",
		Title:       "What HTTP clients and SDKs retry",
		Description: "The default retry rules of " + strconv.Itoa(len(b.cat.Clients)) + " SDKs and HTTP clients, read from their source, and what each does with every category of documented API error.",
		OGType:      "website",
		Crumbs:      []Link{{Title: "Home", Href: b.urls.Path(homePath)}},
		Data:        d,
	}, nil
}

func (b *builder) clientPage(c *content.Client, ids *render.IDs) (*Page, error) {
	for _, id := range []string{"rule", "rule-title", "headers-table", "by-category", "by-category-title", "prose", "sources", "sources-title"} {
		ids.Put([]byte(id))
	}
	page := model.ClientPath(c.ID)
	body, err := b.md.Block(c.Body, page, ids)
	if err != nil {
		return nil, err
	}
	d := &ClientData{ClientRef: b.clientRef(c.ID), Language: c.Language, Kind: c.Kind, Notes: c.Notes,
		Read: lastRead(c), Body: body, Rule: ruleFacts(c), Backoff: backoffFacts(c.Backoff)}
	for _, id := range c.Providers {
		if p := b.cat.Provider(id); p != nil {
			d.Providers = append(d.Providers, b.providerRef(p))
		}
	}
	mid := "not known"
	if m := c.Streams.RetriesMidStream; m != nil {
		mid = map[bool]string{true: "yes", false: "no"}[*m]
	}
	d.Streams = []Fact{{Label: "Retries an error inside a stream", Values: []string{mid}}, {Label: "What it does", Values: []string{c.Streams.Note}}}
	for _, h := range c.Headers {
		d.Headers = append(d.Headers, headerView(h))
	}
	for _, s := range c.Sources {
		v := SourceView{Title: s.Title, URL: s.URL, Repo: s.Repo, Path: s.Path, Version: s.Commit, Read: s.Read}
		if v.Version == "" {
			v.Version = s.Tag
		}
		d.Sources = append(d.Sources, v)
	}
	m := b.clientsMatrix()
	for i, r := range m.Clients {
		if r.ID != c.ID {
			continue
		}
		for _, row := range m.Rows {
			d.Categories = append(d.Categories, ClientCategory{Category: row.Category, Cell: row.Cells[i]})
		}
	}
	return &Page{
		Kind:        "client",
		Title:       c.Name + ": retry rule",
		Description: "When " + c.Name + " (" + c.Language + ") retries a failed request by default, how long it waits, which headers it honours, and where that disagrees with the providers' documentation.",
		OGType:      "article",
		Crumbs:      []Link{{Title: "Home", Href: b.urls.Path(homePath)}, {Title: "Clients", Href: b.urls.Path(clientsPath)}},
		Data:        d,
	}, nil
}

// lastRead is the latest date a client's sources were read.
func lastRead(c *content.Client) string {
	last := ""
	for _, s := range c.Sources {
		last = max(last, s.Read)
	}
	return last
}

// ruleFacts are a client's budget and what it retries.
func ruleFacts(c *content.Client) []Fact {
	f := []Fact{{Label: "Attempts", Values: []string{strconv.Itoa(c.Defaults.Attempts) + " in all (" + strconv.Itoa(c.Defaults.MaxRetries) + " retries) by default"}}}
	f = append(f, Fact{Label: "Retries statuses", Values: []string{specWords(c.RetryOn.Statuses)}})
	if len(c.RetryOn.Codes) > 0 {
		f = append(f, Fact{Label: "Retries codes", Values: c.RetryOn.Codes, Code: true})
	}
	f = append(f, Fact{Label: "Connection errors", Values: []string{map[bool]string{true: "retried", false: "not retried"}[c.RetryOn.ConnectionErrors]}})
	if c.RetryOn.Condition != "" {
		f = append(f, Fact{Label: "Condition", Values: []string{c.RetryOn.Condition}})
	}
	if len(c.NeverOn.Statuses) > 0 {
		f = append(f, Fact{Label: "Never retries statuses", Values: []string{specWords(c.NeverOn.Statuses)}})
	}
	if len(c.NeverOn.Codes) > 0 {
		f = append(f, Fact{Label: "Never retries codes", Values: c.NeverOn.Codes, Code: true})
	}
	return f
}

// specWords writes status specs: "408, 409, 429, 500 and above except 501".
func specWords(specs []string) string {
	var in, out []string
	for _, s := range specs {
		switch {
		case s == "0":
			in = append(in, "0 (no response)")
		case strings.HasPrefix(s, ">="):
			in = append(in, s[2:]+" and above")
		case strings.HasPrefix(s, "<"):
			in = append(in, "below "+s[1:])
		case strings.HasPrefix(s, "!"):
			out = append(out, s[1:])
		default:
			in = append(in, s)
		}
	}
	w := strings.Join(in, ", ")
	if w == "" {
		w = "none"
	}
	if len(out) > 0 {
		w += ", except " + strings.Join(out, ", ")
	}
	return w
}

func backoffFacts(bo model.Backoff) []Fact {
	f := []Fact{{Label: "First wait", Values: []string{secondsShort(bo.InitialSeconds)}}}
	if bo.Words != "" {
		f = append([]Fact{{Label: "Waits", Values: []string{bo.Words}}}, f...)
	}
	if bo.Factor != nil {
		f = append(f, Fact{Label: "Factor", Values: []string{strconv.FormatFloat(*bo.Factor, 'f', -1, 64)}})
	}
	maxWait := "none"
	if bo.MaxSeconds != nil {
		maxWait = secondsShort(*bo.MaxSeconds)
	}
	return append(f, Fact{Label: "Longest wait", Values: []string{maxWait}},
		Fact{Label: "Jitter", Values: []string{bo.Jitter}}, Fact{Label: "Formula", Values: []string{bo.Formula}})
}

// headerView writes a header rule in words.
func headerView(h model.ClientHeader) ClientHeaderView {
	v := ClientHeaderView{Name: h.Name, Statuses: "any", Window: "–", AboveMax: "–", Note: h.Note}
	if len(h.Statuses) > 0 {
		v.Statuses = specWords(h.Statuses)
	}
	if h.Effect == "decides" {
		v.Effect = "decides whether to retry"
		if h.Values != "" {
			v.Note = strings.TrimSpace(h.Values + " " + h.Note)
		}
		return v
	}
	v.Effect = "the wait, in " + map[string]string{"ms": "milliseconds", "seconds": "seconds", "seconds-or-http-date": "seconds or an HTTP date"}[h.Unit]
	lo, hi := "0 s", "no limit"
	if h.MinSeconds != nil {
		lo = secondsShort(*h.MinSeconds)
		if !h.MinInclusive {
			lo = "over " + lo
		}
	}
	if h.MaxSeconds != nil {
		hi = "up to " + secondsShort(*h.MaxSeconds)
		if h.MaxExclusive {
			hi = "under " + secondsShort(*h.MaxSeconds)
		}
	}
	v.Window = lo + ", " + hi
	if h.MaxSeconds != nil {
		v.AboveMax = map[string]string{"give_up": "gives up", "backoff": "ignores it and backs off", "clamp": "clamps it"}[h.AboveMax]
	}
	return v
}
