package site

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/content/model"
	"github.com/errdex/errdex/internal/cataloggen"
	"github.com/errdex/errdex/internal/siteurl"
	"github.com/errdex/errdex/internal/wording"
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

// This file is what the site says about HTTP clients' retry rules
// (content/clients): the "What your client would do" table of every code
// page, a page per client and the clients × categories matrix. Nothing is
// written by hand: every row comes from the classifier's clients engine
// (wasm/classify clients.go) run natively over the documented examples of
// the catalog being built.

// clientsPath is the site path of the clients index and its matrix.
const clientsPath = "clients/"

// exampleRun is what the classifier made of one documented example: its
// category and each client's verdict.
type exampleRun struct {
	category string
	verdicts []classify.ClientVerdict
}

// runClients diagnoses every documented example, as the playground would
// with the example's provider chosen, and keeps the clients' verdicts.
func (b *builder) runClients() error {
	slim, err := cataloggen.SlimCatalog(b.cat)
	if err != nil {
		return err
	}
	clf := classify.New(slim)
	b.runs = map[string][]exampleRun{}
	for _, p := range b.cat.Providers {
		for _, e := range p.Entries {
			runs := make([]exampleRun, len(e.Examples))
			for i, x := range e.Examples {
				d := clf.Diagnose(response(x).Text(), classify.Options{Provider: p.ID})
				runs[i] = exampleRun{category: d.Category, verdicts: d.Clients}
			}
			b.runs[p.ID+"/"+e.Slug] = runs
		}
	}
	return nil
}

// verdictOrder puts disagreements first: the order of the tables' rows.
// verdictLabels are the verdicts in words, readable without their colour;
// verdictShort, in a matrix cell. All three come from internal/wording,
// which the playground's table reads too.
var verdictOrder, verdictLabels, verdictShort = func() (map[string]int, map[string]string, map[string]string) {
	o, l, s := map[string]int{}, map[string]string{}, map[string]string{}
	for i, v := range wording.ClientVerdicts {
		o[v.Key], l[v.Key], s[v.Key] = i, v.Label, v.Short
	}
	return o, l, s
}()

func (b *builder) clientRef(id string) ClientRef {
	r := ClientRef{ID: id, Name: id, Href: b.urls.Path(model.ClientPath(id))}
	if c := b.cat.Client(id); c != nil {
		r.Name = c.Name
	}
	return r
}

// clientRows turns an example's verdicts into table rows, disagreements
// first.
func (b *builder) clientRows(vs []classify.ClientVerdict) []ClientRow {
	rows := make([]ClientRow, len(vs))
	for i, v := range vs {
		r := ClientRow{Client: b.clientRef(v.ID), Retries: "unknown", Attempts: "–", FirstWait: "–", Backoff: "–",
			Verdict: v.Verdict, VerdictLabel: verdictLabels[v.Verdict], Note: v.Note}
		switch v.Retries {
		case catalog.RetryYes:
			r.Retries, r.FirstWait, r.Backoff = "yes", "backoff", v.Backoff
		case catalog.RetryNo:
			r.Retries = "no"
		}
		if v.Attempts > 0 {
			r.Attempts = strconv.Itoa(v.Attempts)
		}
		if v.HasWait {
			r.FirstWait = secondsShort(v.Wait)
		}
		rows[i] = r
	}
	slices.SortStableFunc(rows, func(a, c ClientRow) int { return cmp.Compare(verdictOrder[a.Verdict], verdictOrder[c.Verdict]) })
	return rows
}

// secondsShort is a wait in a table cell: "30 s", "0.5 s".
func secondsShort(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64) + " s"
}

// codeClients is the clients section of a code's page: one table per
// distinct outcome, each naming the examples it stands for (one table when
// every example gets the same answers).
func (b *builder) codeClients(p *content.Provider, e *content.Code, exampleIDs []string) []ClientTable {
	var tables []ClientTable
	var keys []string
	for i, run := range b.runs[p.ID+"/"+e.Slug] {
		if len(run.verdicts) == 0 {
			continue
		}
		rows := b.clientRows(run.verdicts)
		key := fmt.Sprint(rows)
		title := e.Examples[i].Title
		if title == "" {
			title = "Example " + strconv.Itoa(i+1)
		}
		ex := Link{Title: title, Href: "#" + exampleIDs[i]}
		if j := slices.Index(keys, key); j >= 0 {
			tables[j].Examples = append(tables[j].Examples, ex)
			continue
		}
		keys = append(keys, key)
		tables = append(tables, ClientTable{Examples: []Link{ex}, Rows: rows})
	}
	for i := range tables {
		tables[i].Label = "What each client would do with " + exampleWords(tables[i].Examples, len(e.Examples))
		tables[i].Linked = len(tables) > 1
	}
	return tables
}

// exampleWords names the examples a table stands for, in its caption.
func exampleWords(ex []Link, all int) string {
	switch {
	case len(ex) == all && all == 1:
		return "the documented response"
	case len(ex) == all:
		return "every documented response"
	}
	titles := make([]string, len(ex))
	for i, l := range ex {
		titles[i] = l.Title
	}
	return strings.Join(titles, ", ")
}

// clientsMatrix runs through the examples by category: for each canonical
// category, what each client does with its documented errors.
func (b *builder) clientsMatrix() *ClientsMatrix {
	m := &ClientsMatrix{}
	for _, c := range b.cat.Clients {
		m.Clients = append(m.Clients, b.clientRef(c.ID))
	}
	for _, c := range b.cat.Categories {
		row := ClientsMatrixRow{Category: b.categoryRef(c.Name)}
		tally := make([]map[outcome]int, len(m.Clients))
		for i := range tally {
			tally[i] = map[outcome]int{}
		}
		for _, p := range b.cat.Providers {
			for _, e := range p.Entries {
				for _, run := range b.runs[p.ID+"/"+e.Slug] {
					if run.category != c.Name || len(run.verdicts) != len(m.Clients) {
						continue
					}
					row.Examples++
					for i, v := range run.verdicts {
						tally[i][outcome{retries: v.Retries, verdict: v.Verdict}]++
					}
				}
			}
		}
		if row.Examples == 0 {
			continue
		}
		for _, t := range tally {
			row.Cells = append(row.Cells, matrixCell(t, row.Examples))
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

// outcome is what a client does with one example: retries or not, and the
// verdict against the docs.
type outcome struct {
	retries catalog.Retryable
	verdict string
}

// matrixCell sums up a client's outcomes over a category's n examples: the
// most frequent one (a tie goes to the disagreement, and never to an
// unknown), and how many others
// disagree with the docs.
func matrixCell(t map[outcome]int, n int) ClientsMatrixCell {
	var top outcome
	best := -1
	for o, k := range t {
		if k > best || k == best && less(o, top) {
			top, best = o, k
		}
	}
	c := ClientsMatrixCell{Does: doesWord(top.retries), Verdict: top.verdict, VerdictLabel: verdictShort[top.verdict], Count: best, Of: n}
	for _, v := range []string{"wastes", "gives_up"} {
		k := 0
		for o, x := range t {
			if o.verdict == v && o != top {
				k += x
			}
		}
		if k > 0 {
			c.Also = append(c.Also, verdictShort[v]+" "+strconv.Itoa(k))
		}
	}
	return c
}

// tieOrder breaks ties between outcomes: a disagreement, then an
// agreement, before an unknown.
var tieOrder = map[string]int{"wastes": 0, "gives_up": 1, "agrees": 2, "unknown": 3}

// less orders outcomes for ties: by tieOrder, then retries before stops.
func less(a, b outcome) bool {
	if tieOrder[a.verdict] != tieOrder[b.verdict] {
		return tieOrder[a.verdict] < tieOrder[b.verdict]
	}
	return a.retries < b.retries
}

func doesWord(r catalog.Retryable) string {
	switch r {
	case catalog.RetryYes:
		return "retries"
	case catalog.RetryNo:
		return "stops"
	}
	return "depends"
}

// Text is the cell as the site writes it, on one line:
// "retries, agrees 20/26; also gives up 2".
func (c ClientsMatrixCell) Text() string {
	s := c.Does + ", " + c.VerdictLabel + " " + strconv.Itoa(c.Count) + "/" + strconv.Itoa(c.Of)
	if len(c.Also) > 0 {
		s += "; also " + strings.Join(c.Also, ", ")
	}
	return s
}

// ClientsMatrixText runs the clients engine over cat's documented examples
// and writes the clients × categories matrix of /clients/ as a Markdown
// table, each cell in the words the page shows (sitegen clients-matrix).
func ClientsMatrixText(cat *content.Catalog) (string, error) {
	b := &builder{cat: cat, urls: siteurl.MustNew("/", "https://errdex.github.io")}
	if err := b.runClients(); err != nil {
		return "", err
	}
	m := b.clientsMatrix()
	var sb strings.Builder
	sb.WriteString("| category (examples) |")
	for _, c := range m.Clients {
		sb.WriteString(" " + c.ID + " |")
	}
	sb.WriteString("\n|---|" + strings.Repeat("---|", len(m.Clients)) + "\n")
	for _, r := range m.Rows {
		fmt.Fprintf(&sb, "| %s (%d) |", r.Category.Name, r.Examples)
		for _, c := range r.Cells {
			sb.WriteString(" " + c.Text() + " |")
		}
		sb.WriteString("\n")
	}
	return sb.String(), nil
}
