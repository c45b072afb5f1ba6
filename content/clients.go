package content

import (
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/errdex/errdex/content/model"
)

// Client is a client's retry rule and its file.
type Client struct {
	model.Client
	File     string
	BodyLine int
}

// Client returns the client with the given id.
func (c *Catalog) Client(id string) *Client {
	for _, k := range c.Clients {
		if k.ID == id {
			return k
		}
	}
	return nil
}

var (
	specRE   = regexp.MustCompile(`^(!|>=|<)?([0-9]+)$`)
	commitRE = regexp.MustCompile(`^[0-9a-f]{40}$`)
	repoRE   = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$`)
)

// clientKinds, waitUnits, headerEffects and aboveMax are the words the
// client schema allows.
var (
	clientKinds   = []string{"sdk", "framework", "http-client"}
	waitUnits     = []string{"ms", "seconds", "seconds-or-http-date"}
	headerEffects = []string{"wait", "decides"}
	aboveMax      = []string{"give_up", "backoff", "clamp"}
)

// loadClients reads content/clients/*.md. Unlike providers, the directory
// may be missing or empty (test trees without clients).
func (l *loader) loadClients() {
	files, _ := fs.Glob(l.fsys, "clients/*.md")
	sort.Strings(files)
	for _, file := range files {
		report := l.reporter(file)
		d := l.document(file, report)
		if d == nil {
			continue
		}
		c := &Client{File: file, BodyLine: d.bodyLine}
		if !decode(d, &c.Client, report) {
			continue
		}
		c.Body = d.body
		checkClient(d, &c.Client, report)
		l.cat.Clients = append(l.cat.Clients, c)
	}
}

// checkClient validates one client file, decoded into c, and normalises it
// in place.
func checkClient(d *document, c *model.Client, report func(int, string)) {
	root := d.root
	at := func(key string) int { return lineOf(value(root, key), 2) }
	checkID(report, at, d.file, c.ID)
	requireStr(report, at, "name", c.Name)
	requireStr(report, at, "language", c.Language)
	if !slices.Contains(clientKinds, c.Kind) {
		report(at("kind"), "kind "+strconv.Quote(c.Kind)+" must be one of "+strings.Join(clientKinds, ", "))
	}
	if len(c.Sources) == 0 {
		report(at("sources"), `missing required key "sources": where the rule was read (a file at a commit, or a documentation page)`)
	}
	for i, s := range c.Sources {
		checkSource(s, item(value(root, "sources"), i), report)
	}
	for _, key := range []string{"defaults", "retry_on", "backoff", "streams"} {
		if value(root, key) == nil {
			report(2, "missing required key "+strconv.Quote(key))
		}
	}
	df := value(root, "defaults")
	dl := lineOf(df, 2)
	switch {
	case df != nil && value(df, "attempts") == nil:
		report(dl, `defaults needs "attempts": requests sent in all`)
	case df != nil && (c.Defaults.Attempts < 1 || c.Defaults.MaxRetries < 0):
		report(dl, "defaults: attempts must be at least 1 and max_retries at least 0")
	case df != nil && value(df, "max_retries") != nil && c.Defaults.Attempts != c.Defaults.MaxRetries+1:
		report(dl, "defaults: attempts "+strconv.Itoa(c.Defaults.Attempts)+" must be max_retries + 1 ("+strconv.Itoa(c.Defaults.MaxRetries+1)+")")
	}
	ro, no := value(root, "retry_on"), value(root, "never_on")
	checkSpecs(report, "retry_on", value(ro, "statuses"), c.RetryOn.Statuses)
	checkSpecs(report, "never_on", value(no, "statuses"), c.NeverOn.Statuses)
	c.RetryOn.Condition = strings.TrimSpace(c.RetryOn.Condition)
	for i, h := range c.Headers {
		checkHeader(&c.Headers[i], h, item(value(root, "headers"), i), report)
	}
	b, bn := c.Backoff, value(root, "backoff")
	bl := lineOf(bn, 2)
	switch {
	case bn == nil:
	case value(bn, "initial_seconds") == nil || b.InitialSeconds < 0:
		report(bl, `backoff needs "initial_seconds", at least 0`)
	case b.Factor != nil && *b.Factor <= 0:
		report(lineOf(value(bn, "factor"), bl), "backoff factor must be above 0, or null")
	case b.MaxSeconds != nil && *b.MaxSeconds < b.InitialSeconds:
		report(lineOf(value(bn, "max_seconds"), bl), "backoff max_seconds is below initial_seconds")
	}
	if bn != nil && (strings.TrimSpace(b.Jitter) == "" || strings.TrimSpace(b.Formula) == "") {
		report(bl, `backoff needs "jitter" (or "none") and "formula"`)
	}
	if sn := value(root, "streams"); sn != nil && strings.TrimSpace(c.Streams.Note) == "" {
		report(lineOf(sn, 2), `streams needs "note": what the client does with an error inside a stream`)
	}
	c.Notes = trimAll(c.Notes)
	c.Backoff.Words = backoffWords(c)
}

// backoffWords writes a client's default waits: "0.5, 1 s, jittered" for
// an exponential backoff (at most six), "0.5–5 s" for another.
func backoffWords(c *model.Client) string {
	b := &c.Backoff
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	words := []string{num(b.InitialSeconds)}
	if b.Factor == nil && b.MaxSeconds != nil {
		words[0] += "–" + num(*b.MaxSeconds)
	}
	for w, i := b.InitialSeconds, 1; b.Factor != nil && i < c.Defaults.Attempts-1 && i < 6; i++ {
		if w *= *b.Factor; b.MaxSeconds != nil && w > *b.MaxSeconds {
			w = *b.MaxSeconds
		}
		words = append(words, num(w))
	}
	s := strings.Join(words, ", ") + " s"
	if strings.TrimSpace(b.Jitter) != "none" {
		s += ", jittered"
	}
	return s
}

// checkSource validates one entry of a client's sources.
func checkSource(s model.Source, n *yaml.Node, report func(int, string)) {
	line := lineOf(n, 2)
	at := func(key string) int { return lineOf(value(n, key), line) }
	if strings.TrimSpace(s.Title) == "" {
		report(line, `source needs "title": what was read there`)
	}
	checkURL(report, at("url"), "source url", s.URL, true)
	switch {
	case s.Read == "":
		report(line, `source needs "read": the day it was read, as YYYY-MM-DD`)
	default:
		if _, err := time.Parse(time.DateOnly, s.Read); err != nil {
			report(at("read"), "source read "+strconv.Quote(s.Read)+" is not a real date written YYYY-MM-DD")
		}
	}
	switch {
	case s.Repo != "" && !repoRE.MatchString(s.Repo):
		report(at("repo"), "source repo "+strconv.Quote(s.Repo)+` must be "owner/name"`)
	case s.Repo == "" && (s.Path != "" || s.Commit != ""):
		report(line, `source with "path" or "commit" needs "repo"`)
	case s.Path != "" && s.Commit == "" && s.Tag == "":
		report(at("path"), `source with "path" needs "commit" or "tag": the version of the file that was read`)
	}
	if s.Commit != "" && !commitRE.MatchString(s.Commit) {
		report(at("commit"), "source commit "+strconv.Quote(s.Commit)+" must be 40 lower-case hex digits")
	}
}

// checkSpecs validates a list of status specs.
func checkSpecs(report func(int, string), where string, n *yaml.Node, specs []string) {
	for i, s := range specs {
		line := lineOf(item(n, i), lineOf(n, 2))
		m := specRE.FindStringSubmatch(s)
		v := -1
		if m != nil {
			v, _ = strconv.Atoi(m[2])
		}
		if v != 0 && (v < 100 || v > 599) || (v == 0 && m[1] != "") {
			report(line, where+": status "+strconv.Quote(s)+` is not a status spec: an HTTP status (100-599, or 0), ">=500", "<400" or "!501"`)
		}
	}
}

// checkHeader validates one of a client's headers, and lower-cases its name.
func checkHeader(h *model.ClientHeader, orig model.ClientHeader, n *yaml.Node, report func(int, string)) {
	line := lineOf(n, 2)
	at := func(key string) int { return lineOf(value(n, key), line) }
	h.Name = strings.ToLower(strings.TrimSpace(h.Name))
	where := "header " + strconv.Quote(h.Name) + ": "
	if !nameRE.MatchString(h.Name) {
		report(line, "header needs \"name\", a header name, not "+strconv.Quote(orig.Name))
	}
	checkSpecs(report, where[:len(where)-2], value(n, "statuses"), h.Statuses)
	switch h.Effect {
	case "decides":
		if h.Unit != "" || h.MaxSeconds != nil || h.AboveMax != "" {
			report(line, where+`a "decides" header has no unit, max_seconds or above_max`)
		}
		return
	case "wait":
	default:
		report(at("effect"), where+"unknown header effect "+strconv.Quote(h.Effect)+" (known: "+strings.Join(headerEffects, ", ")+")")
		return
	}
	if h.Unit == "" {
		report(line, where+`a "wait" header needs "unit": one of `+strings.Join(waitUnits, ", "))
	} else if !slices.Contains(waitUnits, h.Unit) {
		report(at("unit"), where+"unit "+strconv.Quote(h.Unit)+" must be one of "+strings.Join(waitUnits, ", "))
	}
	switch {
	case h.AboveMax != "" && !slices.Contains(aboveMax, h.AboveMax):
		report(at("above_max"), where+"above_max "+strconv.Quote(h.AboveMax)+" must be one of "+strings.Join(aboveMax, ", ")+", or null")
	case h.MaxSeconds != nil && h.AboveMax == "":
		report(at("max_seconds"), where+`max_seconds needs "above_max": what the client does above it`)
	case h.MaxSeconds == nil && (h.AboveMax == "give_up" || h.AboveMax == "backoff"):
		report(at("above_max"), where+`above_max `+strconv.Quote(h.AboveMax)+` needs "max_seconds"`)
	case h.MinSeconds != nil && h.MaxSeconds != nil && *h.MinSeconds > *h.MaxSeconds:
		report(at("min_seconds"), where+"min_seconds is above max_seconds")
	}
}
