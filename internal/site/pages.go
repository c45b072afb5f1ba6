package site

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/errdex/errdex/content"
	"github.com/errdex/errdex/content/model"
	"github.com/errdex/errdex/internal/render"
)

// Site paths of the pages that are not made by the catalog's helpers.
const (
	homePath     = ""
	matrixPath   = "categories/"
	playPath     = "play/"
	notFoundPath = "404.html"
)

// pageJob is one page to render: a template and a function making its data.
type pageJob struct {
	n    int
	path string
	tmpl string
	page func(ids *render.IDs) (*Page, error)
}

func (b *builder) pageJobs() []pageJob {
	jobs := []pageJob{
		{path: homePath, tmpl: "home.html", page: b.homePage},
		{path: matrixPath, tmpl: "matrix.html", page: b.matrixPage},
		{path: playPath, tmpl: "play.html", page: b.playPage},
		{path: notFoundPath, tmpl: "404.html", page: b.notFoundPage},
	}
	for _, p := range b.cat.Providers {
		jobs = append(jobs, pageJob{path: model.ProviderPath(p.ID), tmpl: "provider.html",
			page: func(ids *render.IDs) (*Page, error) { return b.providerPage(p, ids) }})
		for _, e := range p.Entries {
			jobs = append(jobs, pageJob{path: model.Path(p.ID, e.Slug), tmpl: "code.html",
				page: func(ids *render.IDs) (*Page, error) { return b.codePage(p, e, ids) }})
		}
	}
	for _, c := range b.cat.Categories {
		jobs = append(jobs, pageJob{path: model.CategoryPath(c.Name), tmpl: "category.html",
			page: func(ids *render.IDs) (*Page, error) { return b.categoryPage(c, ids) }})
	}
	return jobs
}

func (b *builder) renderPage(j pageJob) error {
	ids := render.NewIDs(layoutIDs...)
	p, err := j.page(ids)
	if err != nil {
		return err
	}
	p.Path = j.path
	if p.CSP == "" {
		p.CSP = cspPage
	}
	if j.path != notFoundPath {
		p.Canonical = b.urls.Abs(j.path)
	}
	if p.OGTitle == "" {
		p.OGTitle = p.Title
	}
	p.Title += " · errdex"
	p.Scripts = append([]string{"main.js"}, p.Scripts...)
	p.SearchIndex = b.urls.Path(b.out.SearchIndex)
	html, err := b.execute(j.tmpl, p)
	if err != nil {
		return err
	}
	return b.add(FileFor(j.path), html)
}

// --- references -----------------------------------------------------------

func (b *builder) providerRef(p *content.Provider) ProviderRef {
	return ProviderRef{ID: p.ID, Name: p.Name, Href: b.urls.Path(model.ProviderPath(p.ID)), DocsRead: p.LastRead()}
}

func (b *builder) categoryRef(name string) CategoryRef {
	r := CategoryRef{Name: name, Title: name, Href: b.urls.Path(model.CategoryPath(name))}
	if c := b.cat.Category(name); c != nil {
		r.Title = c.Title
	}
	return r
}

func (b *builder) codeRef(p *content.Provider, e *content.Code) CodeRef {
	return CodeRef{Provider: b.providerRef(p), Code: e.Code.Code, Title: e.Title, Href: b.urls.Path(model.Path(p.ID, e.Slug))}
}

func (b *builder) codeRow(p *content.Provider, e *content.Code) CodeRow {
	return CodeRow{CodeRef: b.codeRef(p, e), Status: statusShort(e.Code), Category: b.categoryRef(e.Category),
		Retryable: e.Retry.Retryable.String(), Wait: waitSummary(e.Retry)}
}

// variantID is the anchor of a variant on its code's page. Variant names
// are unique within a code and made of safe characters by convention; the
// page's IDs would dedupe a clash with a content heading.
func variantID(name string) string { return "variant-" + name }

// statusShort is the status in a table cell.
func statusShort(c *model.Code) string {
	switch c.Signal {
	case model.SignalStream:
		return "in stream"
	case model.SignalBody:
		return "varies"
	}
	return statusList(c, false)
}

// statusLong is the status on a code's page.
func statusLong(c *model.Code) string {
	switch c.Signal {
	case model.SignalStream:
		return "inside a 200 stream: the HTTP status was already 200 OK"
	case model.SignalBody:
		return "varies: the documentation gives no HTTP status"
	}
	return statusList(c, true)
}

// statusList joins a code's HTTP statuses, with their reason phrases when
// named is true ("429 Too Many Requests").
func statusList(c *model.Code, named bool) string {
	s := make([]string, len(c.Statuses))
	for i, st := range c.Statuses {
		s[i] = strconv.Itoa(st)
		if t := http.StatusText(st); named && t != "" {
			s[i] += " " + t
		}
	}
	return strings.Join(s, ", ")
}

// seconds formats a documented wait.
func seconds(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	unit := " seconds"
	if v == 1 {
		unit = " second"
	}
	out := s + unit
	if v >= 120 && float64(int(v/60))*60 == v {
		out += " (" + strconv.Itoa(int(v/60)) + " minutes)"
	}
	return out
}

// waitSummary is a code's documented wait rules in a few words.
func waitSummary(r model.Retry) string {
	var parts []string
	if r.WaitSeconds > 0 {
		parts = append(parts, "wait "+seconds(r.WaitSeconds))
	}
	if len(r.WaitFields) > 0 {
		parts = append(parts, "wait from "+strings.Join(r.WaitFields, ", "))
	}
	if r.MaxAttempts > 0 {
		a := "attempts"
		if r.MaxAttempts == 1 {
			a = "attempt"
		}
		parts = append(parts, "at most "+strconv.Itoa(r.MaxAttempts)+" "+a)
	}
	if r.Backoff != "" {
		parts = append(parts, "backoff: "+r.Backoff)
	}
	return strings.Join(parts, "; ")
}

// --- pages ----------------------------------------------------------------

func (b *builder) homePage(ids *render.IDs) (*Page, error) {
	d := &HomeData{}
	for _, p := range b.cat.Providers {
		d.Providers = append(d.Providers, ProviderSummary{ProviderRef: b.providerRef(p), Summary: p.Summary, Codes: len(p.Entries)})
		d.CodeCount += len(p.Entries)
	}
	for _, c := range b.cat.Categories {
		d.Categories = append(d.Categories, CategorySummary{CategoryRef: b.categoryRef(c.Name), Summary: c.Summary, Retryable: c.Retryable.String()})
	}
	return &Page{
		Kind:        "home",
		Title:       "API error reference",
		OGTitle:     "errdex: API error reference",
		Description: "One stable page per provider and per error code: what it means, whether and when to retry, how to fix it, and how other providers signal the same failure.",
		OGType:      "website",
		Data:        d,
	}, nil
}

func (b *builder) providerPage(p *content.Provider, ids *render.IDs) (*Page, error) {
	for _, id := range []string{"at-a-glance", "glance-title", "error-format", "codes", "codes-title", "results", "results-title"} {
		ids.Put([]byte(id))
	}
	page := model.ProviderPath(p.ID)
	body, err := b.md.Block(p.Body, page, ids)
	if err != nil {
		return nil, err
	}
	d := &ProviderData{ProviderRef: b.providerRef(p), Summary: p.Summary, Homepage: p.Homepage, BaseURL: p.BaseURL,
		Retry: p.Retry, Body: body}
	for _, l := range p.Docs {
		d.Docs = append(d.Docs, Link{Title: l.Title, Href: l.URL})
	}
	env := p.Envelope
	for _, f := range []Fact{
		{Label: "Code", Values: env.Code}, {Label: "Message", Values: env.Message},
		{Label: "Request ID", Values: env.RequestID}, {Label: "Details", Values: env.Details},
		{Label: "Type", Values: env.Type}, {Label: "Wait (seconds)", Values: env.RetryAfter},
	} {
		if len(f.Values) > 0 {
			f.Code = true
			d.Envelope = append(d.Envelope, f)
		}
	}
	if env.Indirect != nil {
		d.Indirect = &Fact{Label: "Indirect", Values: []string{env.Indirect.When, env.Indirect.Field}}
	}
	a := p.Auth
	hdr := a.Header + ": "
	if a.Scheme != "" {
		hdr += a.Scheme + " "
	}
	d.Auth = append(d.Auth, Fact{Label: "Header", Values: []string{hdr + "<key>"}, Code: true})
	if len(a.AltHeaders) > 0 {
		d.Auth = append(d.Auth, Fact{Label: "Also accepted", Values: a.AltHeaders, Code: true})
	}
	if len(a.KeyPrefixes) > 0 {
		d.Auth = append(d.Auth, Fact{Label: "Key prefixes", Values: a.KeyPrefixes, Code: true})
	}
	rl := p.RateLimit
	if rl.Summary != "" {
		d.RateLimit = append(d.RateLimit, Fact{Label: "Limits", Values: []string{rl.Summary}})
	}
	if len(rl.Headers) > 0 {
		d.RateLimit = append(d.RateLimit, Fact{Label: "Headers", Values: rl.Headers, Code: true})
	}
	if rl.ResetHeader != "" {
		unit := map[string]string{"epoch": " (Unix time)", "seconds": " (seconds from now)"}[rl.ResetUnit]
		d.RateLimit = append(d.RateLimit, Fact{Label: "Reset", Values: []string{rl.ResetHeader + unit}})
	}
	for _, e := range p.Entries {
		d.Codes = append(d.Codes, b.codeRow(p, e))
	}
	for _, r := range p.Results {
		m, err := b.md.Inline(r.Meaning, page, ids)
		if err != nil {
			return nil, err
		}
		d.Results = append(d.Results, ResultRow{Code: r.Code, Status: r.Status, Title: r.Title, Meaning: m})
	}
	return &Page{
		Kind:        "provider",
		Title:       p.Name + " API errors",
		Description: p.Name + ": " + p.Summary + " Every documented error code, its error format, authentication, rate limits and retry rules.",
		OGType:      "website",
		Crumbs:      []Link{{Title: "Home", Href: b.urls.Path(homePath)}},
		Data:        d,
	}, nil
}

func (b *builder) codePage(p *content.Provider, e *content.Code, ids *render.IDs) (*Page, error) {
	for _, id := range []string{"summary", "meaning", "meaning-title", "causes", "causes-title", "fix", "fix-title",
		"variants", "variants-title", "examples", "examples-title", "related", "related-title", "copy-status"} {
		ids.Put([]byte(id))
	}
	page := model.Path(p.ID, e.Slug)
	inline := func(src string) (template.HTML, error) { return b.md.Inline(src, page, ids) }
	inlines := func(srcs []string) ([]template.HTML, error) {
		var out []template.HTML
		for _, s := range srcs {
			h, err := inline(s)
			if err != nil {
				return nil, err
			}
			out = append(out, h)
		}
		return out, nil
	}
	meaning, err := b.md.Block(e.Meaning, page, ids)
	if err != nil {
		return nil, err
	}
	d := &CodeData{
		Provider: b.providerRef(p), Code: e.Code.Code, Aliases: e.Aliases, Title: e.Title,
		Status: statusLong(e.Code), Category: b.categoryRef(e.Category), Meaning: meaning,
		CanonicalURL: b.urls.Abs(page),
		Retry: RetryView{Retryable: e.Retry.Retryable.String(), WaitFields: e.Retry.WaitFields,
			MaxAttempts: e.Retry.MaxAttempts, Backoff: e.Retry.Backoff},
	}
	if e.Retry.WaitSeconds > 0 {
		d.Retry.Wait = seconds(e.Retry.WaitSeconds)
	}
	if d.Retry.Note, err = inline(e.Retry.Note); err != nil {
		return nil, err
	}
	if d.Causes, err = inlines(e.Causes); err != nil {
		return nil, err
	}
	if d.Fix, err = inlines(e.Fix); err != nil {
		return nil, err
	}
	for _, v := range e.Variants {
		vv := VariantView{ID: ids.Take(variantID(v.Name)), Name: v.Name, Title: v.Title, Match: v.Match,
			Category: b.categoryRef(v.Category), Retryable: v.Retryable.String()}
		if vv.Meaning, err = b.md.Block(v.Meaning, page, ids); err != nil {
			return nil, err
		}
		if vv.Fix, err = inlines(v.Fix); err != nil {
			return nil, err
		}
		d.Variants = append(d.Variants, vv)
	}
	for i, x := range e.Examples {
		h, err := b.hl.HTML(response(x))
		if err != nil {
			return nil, err
		}
		ev := ExampleView{ID: ids.Take("example-" + strconv.Itoa(i+1)), Title: x.Title, HTML: h, Source: x.Source,
			PlayHref: b.urls.Path(playPath + "#example=" + ExampleKey(p.ID, e.Slug, i))}
		switch {
		case x.Stream && x.Status != 0:
			ev.Context = "one chunk of an SSE stream, after HTTP " + strconv.Itoa(x.Status)
		case x.Stream:
			ev.Context = "one chunk of an SSE stream"
		case x.Status != 0:
			ev.Context = "HTTP " + strconv.Itoa(x.Status)
		default:
			ev.Context = "body only; the status is not documented"
		}
		d.Examples = append(d.Examples, ev)
	}
	for _, r := range e.Related {
		if ref, ok := b.codes[r]; ok {
			d.Related = append(d.Related, b.codeRef(ref.p, ref.c))
		}
	}
	desc := render.FirstSentence(b.md.Text(e.Meaning))
	return &Page{
		Kind:        "code",
		Title:       p.Name + " " + e.Code.Code + ": " + e.Title,
		Description: desc,
		OGType:      "article",
		Crumbs:      []Link{{Title: "Home", Href: b.urls.Path(homePath)}, {Title: p.Name, Href: b.urls.Path(model.ProviderPath(p.ID))}},
		Data:        d,
	}, nil
}

func (b *builder) categoryPage(c *content.Category, ids *render.IDs) (*Page, error) {
	ids.Put([]byte("providers"))
	ids.Put([]byte("providers-title"))
	for _, p := range b.cat.Providers {
		ids.Put([]byte(p.ID))
	}
	page := model.CategoryPath(c.Name)
	body, err := b.md.Block(c.Body, page, ids)
	if err != nil {
		return nil, err
	}
	d := &CategoryData{CategoryRef: b.categoryRef(c.Name), Summary: c.Summary, Retryable: c.Retryable.String(),
		Advice: c.Advice, Body: body}
	for _, p := range b.cat.Providers {
		d.Providers = append(d.Providers, ProviderCodes{ProviderRef: b.providerRef(p), Rows: b.inCategory(p, c.Name)})
	}
	return &Page{
		Kind:        "category",
		Title:       c.Title + " (" + c.Name + ") across providers",
		Description: c.Summary,
		OGType:      "article",
		Crumbs:      []Link{{Title: "Home", Href: b.urls.Path(homePath)}, {Title: "Categories", Href: b.urls.Path(matrixPath)}},
		Data:        d,
	}, nil
}

// inCategory lists a provider's codes in a category: codes of that category,
// and variants of other codes whose own category it is.
func (b *builder) inCategory(p *content.Provider, name string) []CodeRow {
	var rows []CodeRow
	for _, e := range p.Entries {
		if e.Category == name {
			rows = append(rows, b.codeRow(p, e))
			continue
		}
		for _, v := range e.Variants {
			if v.Category != name {
				continue
			}
			r := b.codeRow(p, e)
			r.Variant = v.Title
			r.Href += "#" + variantID(v.Name)
			r.Category = b.categoryRef(v.Category)
			r.Retryable = v.Retryable.String()
			rows = append(rows, r)
		}
	}
	return rows
}

func (b *builder) matrixPage(ids *render.IDs) (*Page, error) {
	d := &MatrixData{}
	for _, p := range b.cat.Providers {
		d.Providers = append(d.Providers, b.providerRef(p))
	}
	for _, c := range b.cat.Categories {
		row := MatrixRow{Category: b.categoryRef(c.Name)}
		for _, p := range b.cat.Providers {
			var cell []CodeRef
			for _, r := range b.inCategory(p, c.Name) {
				cell = append(cell, r.CodeRef)
			}
			row.Cells = append(row.Cells, cell)
		}
		d.Rows = append(d.Rows, row)
	}
	return &Page{
		Kind:        "matrix",
		Title:       "Error categories by provider",
		Description: "Which error code each provider sends for each kind of failure: authentication, rate limits, quotas, server errors and more.",
		OGType:      "website",
		Crumbs:      []Link{{Title: "Home", Href: b.urls.Path(homePath)}},
		Data:        d,
	}, nil
}

func (b *builder) playPage(ids *render.IDs) (*Page, error) {
	wasm := b.out.Assets["errdex.wasm"]
	d := &PlayData{
		Examples: b.urls.Path(b.out.Examples),
		Worker:   b.urls.Path(b.out.Assets["worker.js"]),
		Wasm:     b.urls.Path(wasm),
		WasmExec: b.urls.Path(b.out.Assets["wasm_exec.js"]),
		Catalog:  b.urls.Path(b.out.Assets["catalog.txt"]),
		WasmSize: megabytes(len(b.out.Files[wasm])),
		Base:     b.urls.Path(homePath),
		SiteURL:  b.urls.Abs(homePath),
	}
	for _, p := range b.cat.Providers {
		d.Providers = append(d.Providers, b.providerRef(p))
		g := ExampleGroup{Provider: b.providerRef(p)}
		for _, e := range p.Entries {
			for i, x := range e.Examples {
				title := e.Title
				if len(e.Examples) > 1 && x.Title != "" {
					title += ": " + x.Title
				}
				g.Items = append(g.Items, GalleryItem{Code: e.Code.Code, Title: title,
					Href: b.urls.Path(playPath + "#example=" + ExampleKey(p.ID, e.Slug, i))})
			}
		}
		g.Count = len(g.Items)
		if g.Count > 0 {
			d.Gallery = append(d.Gallery, g)
		}
	}
	return &Page{
		Kind:        "play",
		Title:       "Playground",
		Description: "Paste an API error response and get the provider, the code, whether and when to retry, and how to fix it. The classifier runs in your browser tab; nothing is sent anywhere.",
		OGType:      "website",
		CSP:         cspPlay,
		Scripts:     []string{"play.js"},
		Crumbs:      []Link{{Title: "Home", Href: b.urls.Path(homePath)}},
		Data:        d,
	}, nil
}

// megabytes is a size for people: "2.8 MB".
func megabytes(n int) string {
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
}

func (b *builder) notFoundPage(ids *render.IDs) (*Page, error) {
	return &Page{
		Kind:        "404",
		Title:       "Page not found",
		Description: "This page does not exist.",
		OGType:      "website",
	}, nil
}
