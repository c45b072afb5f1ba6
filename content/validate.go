package content

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/errdex/errdex/content/model"
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

var (
	idRE   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)
	pathRE = regexp.MustCompile(`^[A-Za-z0-9_$@-]+(\[\])?(\.[A-Za-z0-9_$@-]+(\[\])?)*$`)
	hdrRE  = regexp.MustCompile(`^[A-Za-z0-9-]+: .*$`)
	nameRE = regexp.MustCompile(`^[a-z0-9-]+$`) // a header name, lower case
	// a host pattern: lower-case labels, an optional leading "*." and at
	// most one other "*" (checked apart)
	hostRE = regexp.MustCompile(`^(\*\.)?[a-z0-9*-]+(\.[a-z0-9*-]+)+$`)
)

// waitFormats are the formats a wait may be written in (rate_limit
// reset_unit, envelope retry_after_format).
var waitFormats = []string{"epoch", "seconds", "ms", "duration", "rfc3339"}

// checkID reports an id that is missing, is not lower-case letters, digits
// and '-', or is not the name of its file; it reports whether the id is
// good.
func checkID(report func(int, string), at func(string) int, file, id string) bool {
	want := strings.TrimSuffix(path.Base(file), ".md")
	switch {
	case id == "":
		report(2, `missing required key "id"`)
	case !idRE.MatchString(id):
		report(at("id"), "id "+strconv.Quote(id)+" must be lower-case letters, digits and '-'")
	case id != want:
		report(at("id"), "id "+strconv.Quote(id)+" must equal the file name "+strconv.Quote(want))
	default:
		return true
	}
	return false
}

// provider validates one provider file, decoded into p, and normalises it in
// place.
func (l *loader) provider(d *document, p *Provider, report func(int, string)) {
	root := d.root
	at := func(key string) int { return lineOf(value(root, key), 2) }
	if checkID(report, at, d.file, p.ID) && slices.Contains(ReservedIDs, p.ID) {
		report(at("id"), "id "+strconv.Quote(p.ID)+" is reserved for the site's own pages")
	}
	requireStr(report, at, "name", p.Name)
	requireStr(report, at, "summary", p.Summary)
	if strings.ContainsAny(p.Summary, "`*[]") {
		report(at("summary"), "summary is plain text (it is the home page's line and the meta description): no Markdown such as `code`, *emphasis* or [links]")
	}
	requireStr(report, at, "retry", p.Retry)
	checkURL(report, at("homepage"), "homepage", p.Homepage, false)
	checkURL(report, at("base_url"), "base_url", p.BaseURL, false)
	if len(p.Docs) == 0 {
		report(at("docs"), `missing required key "docs": link the provider's own documentation`)
	}
	for i, dl := range p.Docs {
		n := item(value(root, "docs"), i)
		if dl.Title == "" {
			report(lineOf(n, 2), "docs entry needs a title")
		}
		checkURL(report, lineOf(value(n, "url"), lineOf(n, 2)), "docs url", dl.URL, true)
		rl := lineOf(value(n, "read"), lineOf(n, 2))
		if dl.Read == "" {
			report(rl, `docs entry needs "read": the day the page was last read, as YYYY-MM-DD`)
		} else if _, err := time.Parse(time.DateOnly, dl.Read); err != nil {
			report(rl, "docs read "+strconv.Quote(dl.Read)+" is not a real date written YYYY-MM-DD")
		}
	}

	env := value(root, "envelope")
	envAt := func(key string) int { return lineOf(value(env, key), at("envelope")) }
	if len(p.Envelope.Code) == 0 {
		report(at("envelope"), `envelope needs "code": the path(s) of the error code in the body`)
	}
	envPaths := map[string][]string{"code": p.Envelope.Code, "message": p.Envelope.Message,
		"request_id": p.Envelope.RequestID, "details": p.Envelope.Details, "type": p.Envelope.Type,
		"reason": p.Envelope.Reason, "status_field": p.Envelope.StatusField, "extra": p.Envelope.Extra,
		"retry_after": p.Envelope.RetryAfter}
	if up := p.Envelope.Upstream; up != nil {
		envPaths["upstream provider"], envPaths["upstream body"] = up.Provider, up.Body
		if len(up.Provider) == 0 {
			report(envAt("upstream"), `envelope upstream needs "provider": the path(s) of the upstream provider's name`)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(envPaths)) {
		line := envAt(key)
		if k, _, ok := strings.Cut(key, " "); ok {
			line = envAt(k)
		}
		for _, s := range envPaths[key] {
			if !pathRE.MatchString(s) {
				report(line, "envelope "+key+": "+strconv.Quote(s)+" is not a path like error.code or choices[].error.code")
			}
		}
	}
	for key, hs := range map[string]*[]string{"code_headers": &p.Envelope.CodeHeaders, "request_id_headers": &p.Envelope.RequestIDHeaders} {
		*hs = lowerAll(*hs)
		for _, h := range *hs {
			if !nameRE.MatchString(h) {
				report(envAt(key), "envelope "+key+": "+strconv.Quote(h)+" is not a header name")
			}
		}
	}
	if f := p.Envelope.RetryAfterFormat; f != "" {
		if !slices.Contains(waitFormats, f) {
			report(envAt("retry_after_format"), "envelope retry_after_format "+strconv.Quote(f)+" must be one of "+strings.Join(waitFormats, ", "))
		} else if len(p.Envelope.RetryAfter) == 0 {
			report(envAt("retry_after_format"), `envelope retry_after_format needs "retry_after": the paths it describes`)
		}
	}
	if ind := p.Envelope.Indirect; ind != nil {
		if ind.When == "" || ind.Field == "" || !pathRE.MatchString(ind.Field) {
			report(envAt("indirect"), `envelope indirect needs "when" (a code value) and "field" (a path)`)
		}
	}
	l.detect(p, value(root, "detect"), report)

	authAt := lineOf(value(root, "auth"), 2)
	if p.Auth.Header == "" {
		report(authAt, `auth needs "header": the header that carries the key`)
	}
	rlAt := func(key string) int {
		return lineOf(value(value(root, "rate_limit"), key), lineOf(value(root, "rate_limit"), 2))
	}
	switch u := p.RateLimit.ResetUnit; {
	case u != "" && !slices.Contains(waitFormats, u):
		report(rlAt("reset_unit"), "rate_limit reset_unit "+strconv.Quote(u)+" must be one of "+strings.Join(waitFormats, ", "))
	case u == "" && len(p.RateLimit.ResetHeaders) > 0:
		report(rlAt("reset_headers"), `rate_limit reset_headers needs "reset_unit": how the reset time is written (`+strings.Join(waitFormats, ", ")+")")
	case u != "" && len(p.RateLimit.ResetHeaders) == 0:
		report(rlAt("reset_unit"), `rate_limit reset_unit needs "reset_headers": the headers it describes`)
	}
	for _, h := range p.RateLimit.ResetHeaders {
		if !nameRE.MatchString(strings.ToLower(h)) {
			report(rlAt("reset_headers"), "rate_limit reset_headers: "+strconv.Quote(h)+" is not a header name")
		}
	}
	if len(p.RateLimit.ResetHeaders) > 0 {
		p.RateLimit.ResetHeader = p.RateLimit.ResetHeaders[0]
	}
	lower := func(xs []string) []string {
		out := make([]string, len(xs))
		for i, x := range xs {
			out[i] = strings.ToLower(x)
		}
		return out
	}
	p.Summary = strings.TrimSpace(p.Summary)
	p.Retry = strings.TrimSpace(p.Retry)
	p.Detect.Headers = lower(p.Detect.Headers)
	p.RateLimit.Summary = strings.TrimSpace(p.RateLimit.Summary)
	for i := range p.Results {
		rr := &p.Results[i]
		n := item(value(root, "results"), i)
		if rr.Code == "" && rr.Status == 0 {
			report(lineOf(n, 2), `result needs "code" or "status"`)
		}
		if rr.Title == "" || rr.Meaning == "" {
			report(lineOf(n, 2), `result needs "title" and "meaning"`)
		}
		rr.Meaning = strings.TrimSpace(rr.Meaning)
	}

	if len(p.Codes) == 0 {
		report(at("codes"), `missing required key "codes": a provider needs at least one error code`)
	}
	seen := map[string]int{} // lower-cased code or alias -> line; slugs are lower-cased codes, so this also keeps URLs unique
	for i := range p.Codes {
		n := item(value(root, "codes"), i)
		e := l.code(d, p, &p.Codes[i], n, report)
		p.Entries = append(p.Entries, e)
		for _, name := range append([]string{e.Code.Code}, e.Aliases...) {
			key := strings.ToLower(name)
			if key == "" {
				continue
			}
			if prev, dup := seen[key]; dup {
				report(e.Line, "duplicate code "+strconv.Quote(name)+": already defined at line "+strconv.Itoa(prev))
			} else {
				seen[key] = e.Line
			}
		}
	}
}

// detect validates and normalises a provider's fingerprints.
func (l *loader) detect(p *Provider, n *yaml.Node, report func(int, string)) {
	at := func(key string) int { return lineOf(value(n, key), lineOf(n, 2)) }
	for i, h := range p.Detect.Hosts {
		h = strings.ToLower(strings.TrimSpace(h))
		p.Detect.Hosts[i] = h
		inner := strings.Count(strings.TrimPrefix(h, "*."), "*")
		literal := 0 // labels without a '*'
		for _, lb := range strings.Split(strings.TrimPrefix(h, "*."), ".") {
			if !strings.Contains(lb, "*") {
				literal++
			}
		}
		if !hostRE.MatchString(h) || inner > 1 || literal < 2 {
			report(lineOf(item(value(n, "hosts"), i), at("hosts")), "detect hosts: "+strconv.Quote(h)+
				` is not a host pattern: lower-case labels, with an optional leading "*." and at most one other "*" (two labels at least without one)`)
		}
	}
	for i, name := range p.Detect.Names {
		name = strings.TrimSpace(name)
		p.Detect.Names[i] = name
		nl := lineOf(item(value(n, "names"), i), at("names"))
		key := strings.ToLower(name)
		prev, dup := l.names[key]
		switch {
		case name == "":
			report(nl, "detect names: a name cannot be empty")
		case dup && prev.provider == p.ID:
			report(nl, "detect names: "+strconv.Quote(name)+" is listed twice")
		case dup:
			report(nl, "detect names: "+strconv.Quote(name)+" is already a name of "+prev.provider+" ("+prev.file+":"+strconv.Itoa(prev.line)+"): an upstream name must resolve to one provider")
		default:
			if l.names == nil {
				l.names = map[string]nameAt{}
			}
			l.names[key] = nameAt{provider: p.ID, file: p.File, line: nl}
		}
	}
}

func checkURL(report func(int, string), line int, key, raw string, required bool) {
	if raw == "" {
		if required {
			report(line, key+" is required")
		}
		return
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		report(line, key+" "+strconv.Quote(raw)+" must be an absolute http(s) URL")
	}
}

// code validates one code entry, decoded into c, and normalises it in place.
func (l *loader) code(d *document, p *Provider, c *model.Code, n *yaml.Node, report func(int, string)) *Code {
	line := lineOf(n, 2)
	at := func(key string) int { return lineOf(value(n, key), line) }
	name := c.Code
	if name == "" {
		report(line, `code entry needs "code"`)
		name = "?"
	}
	where := "code " + strconv.Quote(name) + ": "
	c.Slug = strings.ToLower(c.Code)
	c.Title, c.Meaning, c.Fix = strings.TrimSpace(c.Title), strings.TrimSpace(c.Meaning), trimAll(c.Fix)
	c.Causes = trimAll(c.Causes)
	if c.Code != "" && !slugRE.MatchString(c.Slug) {
		report(at("code"), where+"cannot make a URL: a code may contain only letters, digits, '_', '.' and '-'")
	}

	// status: int, list of ints (and "stream"), "stream" or "varies"
	st := value(n, "status")
	if st != nil && st.Kind == yaml.AliasNode && st.Alias != nil {
		st = st.Alias
	}
	switch {
	case st == nil:
		report(line, where+`missing "status": an HTTP status, a list of them, "stream" or "varies"`)
	case st.Kind == yaml.ScalarNode && st.Value == "varies":
		c.Signal = model.SignalBody
	case st.Kind == yaml.ScalarNode:
		c.Statuses, c.Stream = statusList(report, where, []*yaml.Node{st})
	case st.Kind == yaml.SequenceNode && len(st.Content) > 0:
		c.Statuses, c.Stream = statusList(report, where, st.Content)
	default:
		report(lineOf(st, line), where+`status must be an HTTP status, a list of them, "stream" or "varies"`)
	}
	if c.Stream && len(c.Statuses) == 0 {
		c.Signal = model.SignalStream
	}

	if c.Category == "" {
		report(line, where+`missing "category"`)
	} else if !l.categoryKnown(c.Category) {
		report(at("category"), where+"unknown category "+strconv.Quote(c.Category)+"; use one of "+strings.Join(CanonicalCategories, ", "))
	}
	rn := value(n, "retry")
	rt := text(value(rn, "retryable"))
	r, ok := parseRetryable(rt)
	if rn == nil {
		report(line, where+`missing "retry" with "retryable: yes|no|unknown"`)
	} else if !ok {
		report(lineOf(value(rn, "retryable"), lineOf(rn, line)), where+`retry.retryable must be "yes", "no" or "unknown", not `+strconv.Quote(rt))
	}
	if c.Retry.WaitSeconds < 0 || c.Retry.MaxAttempts < 0 {
		report(lineOf(rn, line), where+"retry wait_seconds and max_attempts cannot be negative")
	}
	c.Retry.Retryable = r
	c.Retry.Note = strings.TrimSpace(c.Retry.Note)
	if c.Title == "" {
		report(line, where+`missing "title"`)
	}
	if c.Meaning == "" {
		report(line, where+`missing "meaning"`)
	}
	if len(c.Fix) == 0 {
		report(line, where+`missing "fix": at least one step`)
	}

	e := &Code{Code: c, Line: line}
	if len(c.Examples) == 0 {
		report(line, where+`missing "examples": at least one documented example response`)
	}
	for i := range c.Examples {
		ex := &c.Examples[i]
		xn := item(value(n, "examples"), i)
		xl := lineOf(xn, line)
		ex.Body = strings.TrimRight(ex.Body, "\n")
		l.checkExample(p, c, ex, lineOf(value(xn, "body"), xl), report, where)
		for _, h := range ex.Headers {
			if !hdrRE.MatchString(h) {
				report(lineOf(value(xn, "headers"), xl), where+"example header "+strconv.Quote(h)+` must look like "Name: value"`)
			}
		}
		if ex.Status != 0 && c.Signal == model.SignalHTTP && len(c.Statuses) > 0 && !slices.Contains(c.Statuses, ex.Status) {
			report(lineOf(value(xn, "status"), xl), where+"example status "+strconv.Itoa(ex.Status)+" is not one of the code's statuses")
		}
		if ex.Source == "" {
			report(xl, where+`example needs "source": the URL of the page it was documented at`)
		}
		checkURL(report, lineOf(value(xn, "source"), xl), "example source", ex.Source, false)
	}

	names := map[string]bool{}
	for i := range c.Variants {
		v := &c.Variants[i]
		vn := item(value(n, "variants"), i)
		vl := lineOf(vn, line)
		vt := text(value(vn, "retryable"))
		vr, ok := parseRetryable(vt)
		if vt == "" {
			vr, ok = r, true
		}
		if !ok {
			report(vl, where+"variant retryable must be yes, no or unknown")
		}
		v.Retryable = vr
		switch {
		case v.Name == "":
			report(vl, where+`variant needs "name"`)
		case names[v.Name]:
			report(vl, where+"duplicate variant "+strconv.Quote(v.Name))
		case !idRE.MatchString(v.Name):
			report(lineOf(value(vn, "name"), vl), where+"variant "+strconv.Quote(v.Name)+" must be lower-case letters, digits and '-': it is the anchor of its section on the code's page")
		}
		names[v.Name] = true
		if len(v.Match) == 0 && v.When == nil {
			report(vl, where+"variant "+strconv.Quote(v.Name)+` needs "match" (message substrings that select it) or "when" (a body field that does)`)
		}
		if w := v.When; w != nil {
			wl := lineOf(value(vn, "when"), vl)
			set := 0
			for _, b := range []bool{w.Equals != "", w.Contains != "", w.Present} {
				if b {
					set++
				}
			}
			switch {
			case !pathRE.MatchString(w.Path):
				report(wl, where+"variant "+strconv.Quote(v.Name)+": when needs \"path\", a path like error.details.error_code, not "+strconv.Quote(w.Path))
			case set != 1:
				report(wl, where+"variant "+strconv.Quote(v.Name)+`: when needs exactly one of "equals", "contains" and "present" (true)`)
			}
			w.Contains = strings.ToLower(w.Contains)
		}
		if !l.categoryKnown(v.Category) {
			report(lineOf(value(vn, "category"), vl), where+"variant "+strconv.Quote(v.Name)+": unknown category "+strconv.Quote(v.Category))
		}
		if v.Title == "" || v.Meaning == "" || len(v.Fix) == 0 {
			report(vl, where+"variant "+strconv.Quote(v.Name)+` needs "title", "meaning" and "fix"`)
		}
		v.Match, v.Title, v.Meaning, v.Fix = lowerAll(v.Match), strings.TrimSpace(v.Title), strings.TrimSpace(v.Meaning), trimAll(v.Fix)
	}

	// related links are resolved, and written as "provider/slug", once every
	// provider is loaded
	for i, ref := range c.Related {
		l.pending = append(l.pending, pendingRelated{file: d.file, line: lineOf(item(value(n, "related"), i), at("related")),
			provider: p.ID, code: c, ref: ref})
	}
	c.Related = nil
	return e
}

// statusList reads a status or a list of them, where "stream" may stand
// beside the statuses; it reports whether it did.
func statusList(report func(int, string), where string, ns []*yaml.Node) (out []int, stream bool) {
	for _, s := range ns {
		if s.Value == "stream" && s.Kind == yaml.ScalarNode {
			if stream {
				report(frontLine(s.Line), where+`status lists "stream" twice`)
			}
			stream = true
			continue
		}
		v, err := strconv.Atoi(s.Value)
		if err != nil || v < 100 || v > 599 || s.Kind != yaml.ScalarNode {
			msg := `is not an HTTP status (100-599), "stream" or "varies"`
			if len(ns) > 1 {
				msg = `is not an HTTP status (100-599) or "stream"`
			}
			report(frontLine(s.Line), where+"status "+strconv.Quote(s.Value)+" "+msg)
			continue
		}
		if slices.Contains(out, v) {
			report(frontLine(s.Line), where+"status "+s.Value+" is listed twice")
		}
		out = append(out, v)
	}
	return out, stream
}

func trimAll(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func lowerAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strings.ToLower(strings.TrimSpace(x))
	}
	return out
}

// checkExample parses an example body and checks that the provider's
// envelope finds this code in it.
func (l *loader) checkExample(p *Provider, c *model.Code, ex *model.Example, line int, report func(int, string), where string) {
	if strings.TrimSpace(ex.Body) == "" {
		report(line, where+`example needs "body"`)
		return
	}
	var v json.RawMessage // encoding/json only says whether it is JSON; the classifier reads it
	dec := json.NewDecoder(strings.NewReader(ex.Body))
	if err := dec.Decode(&v); err != nil {
		report(line, where+"example body is not valid JSON: "+err.Error())
		return
	}
	if dec.More() {
		report(line, where+"example body has text after the JSON value")
		return
	}
	env := p.Envelope
	if c.Code == "" || slices.ContainsFunc(env.Code, func(s string) bool { return !pathRE.MatchString(s) }) {
		return // nothing to compare with; the broken path is reported on its own
	}
	for _, sp := range env.StatusField {
		// a number there is the status; a string may be a code (OpenRouter's
		// error.code is 429 or "server_error")
		if sv, ok := classify.ReadCode(ex.Body, &catalog.Envelope{Code: []string{sp}}); ok && ex.Status != 0 && isInt(sv) && sv != strconv.Itoa(ex.Status) && pathRE.MatchString(sp) {
			report(line, where+"example body's "+sp+" is "+strconv.Quote(sv)+", not the example's status "+strconv.Itoa(ex.Status))
		}
	}
	is := func(got string) bool {
		return strings.EqualFold(got, c.Code) || slices.ContainsFunc(c.Aliases, func(a string) bool { return strings.EqualFold(a, got) })
	}
	// the body, then the headers, then the status (the envelope's order)
	// read as the classifier reads it (its envelope paths, its Indirect rule)
	if got, ok := classify.ReadCode(ex.Body, &catalog.Envelope{Code: env.Code, Indirect: (*catalog.Indirect)(env.Indirect)}); ok {
		if !is(got) {
			report(line, where+"example body carries code "+strconv.Quote(got)+", not this code")
		}
		return
	}
	if h, got, ok := headerCode(env, ex.Headers); ok {
		if !is(got) {
			report(line, where+"example header "+h+" carries code "+strconv.Quote(got)+", not this code")
		}
		return
	}
	if env.CodeFromStatus {
		switch {
		case ex.Status != 0 && !is(strconv.Itoa(ex.Status)):
			report(line, where+"example has no code in its body or headers, and its status "+strconv.Itoa(ex.Status)+" is not this code")
		case ex.Status == 0 && !slices.ContainsFunc(c.Statuses, func(st int) bool { return is(strconv.Itoa(st)) }):
			report(line, where+"example has no code in its body or headers, no status, and the code is none of its statuses")
		}
		return
	}
	where2 := "no code at " + strings.Join(env.Code, " or ")
	if len(env.CodeHeaders) > 0 {
		where2 += " or in a header " + strings.Join(env.CodeHeaders, " or ")
	}
	report(line, where+"example body does not match the "+p.ID+" envelope: "+where2)
}

func isInt(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// headerCode returns the first of an example's headers named in the
// envelope's code_headers, and the code in its value.
func headerCode(env model.Envelope, headers []string) (name, code string, ok bool) {
	for _, want := range env.CodeHeaders {
		for _, h := range headers {
			k, val, found := strings.Cut(h, ":")
			if found && strings.EqualFold(strings.TrimSpace(k), want) {
				if code := model.HeaderCode(val); code != "" {
					return want, code, true
				}
			}
		}
	}
	return "", "", false
}

// crossCheck resolves related links, which may point into other providers.
func (l *loader) crossCheck() {
	for _, pr := range l.pending {
		prov, slug, cross := strings.Cut(pr.ref, "/")
		if !cross {
			prov, slug = pr.provider, pr.ref
		}
		slug = strings.ToLower(slug)
		target := l.cat.Provider(prov)
		found := false
		if target != nil {
			for _, e := range target.Entries {
				if e.Slug == slug {
					found = true
				}
			}
		}
		switch {
		case !found:
			l.problems = append(l.problems, Problem{File: pr.file, Line: pr.line,
				Msg: "code " + strconv.Quote(pr.code.Code) + ": related code " + strconv.Quote(pr.ref) + " does not exist"})
		case prov == pr.provider && slug == pr.code.Slug:
			l.problems = append(l.problems, Problem{File: pr.file, Line: pr.line,
				Msg: "code " + strconv.Quote(pr.code.Code) + ": a code cannot be related to itself"})
		default:
			pr.code.Related = append(pr.code.Related, prov+"/"+slug)
		}
	}
}

// ManifestFile is the name of the URL manifest within the content FS.
const ManifestFile = "urls.txt"

// loadManifest reads urls.txt and reports every listed code page that no
// longer exists: published URLs must never disappear.
func (l *loader) loadManifest() {
	src, err := fs.ReadFile(l.fsys, ManifestFile)
	if err != nil {
		l.problems = append(l.problems, Problem{File: ManifestFile, Msg: "missing: the manifest of published code URLs (run make gen)"})
		return
	}
	have := map[string]bool{}
	for _, p := range l.cat.CodePaths() {
		have[p] = true
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		l.cat.Manifest = append(l.cat.Manifest, line)
		if !have[line] && len(l.cat.Providers) > 0 {
			l.problems = append(l.problems, Problem{File: ManifestFile, Line: n,
				Msg: "published code page /" + line + " no longer exists; restore the code: URLs linked from support tickets must not break"})
		}
	}
}
