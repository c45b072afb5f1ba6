package classify

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/errdex/errdex/wasm/catalog"
)

// This file is provider detection: every catalog provider is scored on the
// evidence in the paste, each piece of evidence worth a fixed weight and
// described in words. Scores become confidences (see confidence), and
// providers that score alike are reported as a tie, not a guess.

// Evidence weights. A host or a documented key prefix nearly decides; a
// code from the provider's vocabulary at its envelope path is strong; the
// shape of the envelope alone is weak, because many APIs share it.
const (
	wHost          = 6
	wKeyPrefix     = 4
	wIndirectCode  = 4
	wCode          = 3
	wResult        = 3
	wLooseCode     = 3
	wTextCode      = 3
	wNumericCode   = 1.5
	wHeader        = 2
	wSDK           = 2
	wRateHeader    = 0.75
	wCodePath      = 1
	wExplained     = 1
	wField         = 0.5
	wStatusFits    = 0.5
	wStatusClash   = -1
	wUnexplained   = -0.25
	wForeignShape  = -2
	minScore       = 3   // below this a provider is not attributed
	minListed      = 2   // below this a provider is not listed as a candidate
	tieMargin      = 1.0 // candidates closer than this to the best tie with it
	maxCandidates  = 5
	confidenceUnit = 4.0 // score at which strength reaches 1-1/e
)

// scored is one provider's evidence.
type scored struct {
	p        *catalog.Provider
	score    float64
	evidence []string
	conf     float64
	textCode string // a code of this provider found in plain text
}

func (s *scored) add(w float64, why string) {
	s.score += w
	s.evidence = append(s.evidence, why)
}

// pasteText is the redacted paste, with its lower-case form made once.
type pasteText struct {
	text, low string
}

// detect scores every catalog provider for the document doc of artefact a.
// shape is the outside-catalog shape doc was recognised as, if any.
func detect(a *artefact, l *layer, sh shapeMark, t *pasteText) []scored {
	var out []scored
	for i := range catalog.Providers {
		p := &catalog.Providers[i]
		s := scored{p: p}
		var doc *node
		if l != nil {
			doc = l.doc
		}
		status := a.status
		if l != nil && l.status != 0 {
			status = l.status // an upstream error carries its own status
		}
		scoreEnvelope(&s, doc, status, sh)
		scoreForeign(&s, a)
		scoreLoose(&s, a, doc, t)
		scoreHeaders(&s, a)
		scoreHosts(&s, a)
		scoreText(&s, t)
		if s.score >= minListed {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].p.ID < out[j].p.ID
	})
	confidence(out)
	return out
}

// confidence turns scores into 0..1: the strength of a provider's evidence
// (1-e^(-score/4): 3 → 0.53, 6 → 0.78, 10 → 0.92) times its share of all
// the evidence. Two providers with equal evidence therefore each get less
// than half of it.
func confidence(list []scored) {
	total := 0.0
	for _, s := range list {
		if s.score > 0 {
			total += s.score
		}
	}
	for i := range list {
		s := &list[i]
		if s.score <= 0 || total == 0 {
			continue
		}
		strength := 1 - math.Exp(-s.score/confidenceUnit)
		s.conf = math.Round(strength*s.score/total*100) / 100
	}
}

// scoreEnvelope weighs the document against the provider's envelope.
func scoreEnvelope(s *scored, doc *node, status int, sh shapeMark) {
	if doc == nil || doc.kind != kindObject {
		if doc != nil && doc.kind == kindArray && len(doc.vals) > 0 {
			doc = doc.vals[0]
		} else {
			return
		}
	}
	p := s.p
	env := &p.Envelope
	path, raw, ok := firstScalar(doc, env.Code)
	if !ok {
		return
	}
	s.add(wCodePath, "the body has "+path+", where "+p.Name+" keeps its error code")
	code := raw
	var entry *catalog.Code
	if ind := env.Indirect; ind != nil && sameNumber(raw, ind.When) {
		if real, ok := resolve(doc, ind.Field); ok {
			if v, ok := real.n.str(); ok {
				code = v
				if c, ok := p.Code(v); ok {
					entry = c
					s.add(wIndirectCode, path+" "+raw+" points to "+ind.Field+" \""+v+"\", one of "+poss(p.Name)+" codes")
				}
			}
		}
	} else if c, ok := p.Code(raw); ok {
		entry = c
		if isNumeric(raw) {
			s.add(wNumericCode, path+" "+raw+" is one of "+poss(p.Name)+" codes (numbers are common, so this is weak)")
		} else {
			s.add(wCode, "\""+raw+"\" is one of "+poss(p.Name)+" codes")
		}
	}
	if entry == nil {
		for _, r := range p.Results {
			if r.Code != "" && sameNumber(raw, r.Code) {
				s.add(wResult, path+" "+raw+" is "+poss(p.Name)+" \""+r.Title+"\" marker")
				break
			}
		}
	}
	_ = code
	for _, f := range []struct {
		paths []string
		what  string
	}{
		{env.Message, "message"}, {env.Type, "type"}, {env.Details, "details"},
		{env.RequestID, "request id"}, {env.RetryAfter, "retry-after"},
	} {
		if fp, ok := firstPresent(doc, f.paths); ok {
			s.add(wField, "the body has "+fp+", "+poss(p.Name)+" "+f.what+" field")
		}
	}
	// Keys the envelope does not explain count against the provider; a body
	// made only of envelope fields counts for it.
	known := envelopePaths(p, entry)
	unexplained := 0
	var firstUnexplained string
	for _, lp := range leafPaths(doc) {
		if !covered(lp, known) {
			if unexplained == 0 {
				firstUnexplained = lp
			}
			unexplained++
		}
	}
	if unexplained == 0 && (entry != nil || s.score >= wCodePath+wResult) {
		s.add(wExplained, "every field of the body is named in "+poss(p.Name)+" envelope")
	} else {
		w := math.Max(wUnexplained*float64(unexplained), -1)
		s.add(w, "the body has fields "+poss(p.Name)+" envelope does not name (e.g. "+firstUnexplained+")")
	}
	if sh.shape != "" && !covered(sh.key, known) {
		s.add(wForeignShape, "the body is shaped like "+sh.shape+", with "+sh.key+", which "+poss(p.Name)+" envelope does not name")
	}
	if entry != nil && status != 0 && entry.Signal == catalog.SignalHTTP && len(entry.Statuses) > 0 {
		fits := false
		for _, st := range entry.Statuses {
			fits = fits || st == status
		}
		if fits {
			s.add(wStatusFits, "HTTP "+strconv.Itoa(status)+" is the status "+p.Name+" documents for it")
		} else {
			s.add(wStatusClash, "HTTP "+strconv.Itoa(status)+" is not the status "+p.Name+" documents for it")
		}
	}
}

// scoreLoose weighs a code read from text (an SDK string, a log line, a
// docs page) against the provider's vocabulary.
func scoreLoose(s *scored, a *artefact, doc *node, t *pasteText) {
	if doc != nil {
		return
	}
	if a.looseCode != "" {
		if _, ok := s.p.Code(a.looseCode); ok {
			if isNumeric(a.looseCode) {
				s.add(wNumericCode, "code "+a.looseCode+" is one of "+poss(s.p.Name)+" codes (numbers are common, so this is weak)")
			} else {
				s.add(wLooseCode, "\""+a.looseCode+"\" is one of "+poss(s.p.Name)+" codes")
			}
		}
		return
	}
	if code, ok := textCode(t.text, s.p); ok {
		s.textCode = code
		s.add(wTextCode, "the text mentions \""+code+"\", one of "+poss(s.p.Name)+" codes")
	}
}

// textCode finds the first word of text that is one of p's distinctive codes
// (snake_case or kebab-case words of six or more letters).
func textCode(text string, p *catalog.Provider) (string, bool) {
	text = text[:min(len(text), 1<<16)]
	for i := 0; i < len(text); {
		if !isTokenChar(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isTokenChar(text[j]) {
			j++
		}
		w := text[i:j]
		i = j
		if len(w) < 6 || !strings.ContainsAny(w, "_-") || isNumeric(w) {
			continue
		}
		if _, ok := p.Code(w); ok {
			return w, true
		}
	}
	return "", false
}

// shapeMark is a distinctive outside-catalog shape and the body path that
// marks it.
type shapeMark struct {
	shape string
	key   string
}

// foreignHosts are hosts of well-known APIs outside the catalog; naming one
// is evidence against every catalog provider.
var foreignHosts = []string{
	"api.openai.com", "api.anthropic.com", "generativelanguage.googleapis.com",
	"aiplatform.googleapis.com", "openrouter.ai", "api.mistral.ai", "api.groq.com",
	"api.cohere.com", "api.together.xyz", "api.deepseek.com", "api.x.ai",
	"openai.azure.com", "bedrock-runtime.amazonaws.com", "api.stripe.com", "api.github.com",
}

// foreignHeaders are response headers only well-known outside APIs send.
var foreignHeaders = []string{
	"openai-organization", "openai-processing-ms", "anthropic-ratelimit-requests-limit",
	"x-goog-api-client", "stripe-should-retry", "x-github-request-id",
}

const wForeignHost = -3

func scoreForeign(s *scored, a *artefact) {
	for _, seen := range a.hosts {
		for _, h := range foreignHosts {
			if seen == h || strings.HasSuffix(seen, "."+h) {
				s.add(wForeignHost, "the paste names "+seen+", an API outside the catalog")
				return
			}
		}
	}
	for _, h := range foreignHeaders {
		if a.headers.has(h) {
			s.add(wForeignHost, "header "+h+" belongs to an API outside the catalog")
			return
		}
	}
}

func scoreHeaders(s *scored, a *artefact) {
	n := 0
	for _, h := range s.p.Detect.Headers {
		if n >= 2 {
			break
		}
		if a.headers.has(h) || a.reqHeaders.has(h) {
			s.add(wHeader, "header "+h+" is one "+s.p.Name+" uses")
			n++
		}
	}
	m := 0
	for _, h := range s.p.RateLimit.Headers {
		if m >= 2 {
			break
		}
		if a.headers.has(h) {
			s.add(wRateHeader, "header "+h+" is a rate-limit header "+s.p.Name+" sends")
			m++
		}
	}
}

func scoreHosts(s *scored, a *artefact) {
	hosts := append([]string(nil), s.p.Detect.Hosts...)
	if h := hostOf(s.p.BaseURL); h != "" {
		hosts = append(hosts, h)
	}
	for _, seen := range a.hosts {
		for _, h := range hosts {
			if seen == h || strings.HasSuffix(seen, "."+h) {
				s.add(wHost, "the paste names the host "+seen)
				return
			}
		}
	}
}

func scoreText(s *scored, t *pasteText) {
	for _, pre := range s.p.Auth.KeyPrefixes {
		if pre != "" && strings.Contains(t.text, pre) {
			s.add(wKeyPrefix, "a key with "+poss(s.p.Name)+" prefix "+pre)
			break
		}
	}
	n := 0
	for _, w := range s.p.Detect.SDK {
		if n >= 2 || len(w) < 4 {
			continue
		}
		if containsWord(t.low, strings.ToLower(w)) {
			s.add(wSDK, "the text mentions "+w)
			n++
		}
	}
}

// containsWord reports whether w occurs in s with no letter or digit
// directly before or after it. Both are lower case.
func containsWord(s, w string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		at := off + i
		end := at + len(w)
		if (at == 0 || !isAlnum(s[at-1])) && (end == len(s) || !isAlnum(s[end])) {
			return true
		}
		off = at + 1
	}
}

func hostOf(url string) string {
	i := strings.Index(url, "://")
	if i < 0 {
		return ""
	}
	h := url[i+3:]
	if j := strings.IndexAny(h, "/:?#"); j >= 0 {
		h = h[:j]
	}
	return strings.ToLower(h)
}

// envelopePaths lists every body path the provider's envelope explains.
func envelopePaths(p *catalog.Provider, c *catalog.Code) []string {
	e := &p.Envelope
	var out []string
	for _, l := range [][]string{e.Code, e.Message, e.RequestID, e.Details, e.Type, e.RetryAfter} {
		out = append(out, l...)
	}
	if e.Indirect != nil {
		out = append(out, e.Indirect.Field)
	}
	if c != nil {
		out = append(out, c.Retry.WaitFields...)
	}
	return out
}

// covered reports whether leaf path lp lies at or under one of the paths.
func covered(lp string, paths []string) bool {
	for _, p := range paths {
		if lp == p || strings.HasPrefix(lp, p+".") || strings.HasPrefix(lp, p+"[]") {
			return true
		}
	}
	return false
}

// leafPaths lists the paths of n's scalar leaves, array indexes written
// as "[]", empty objects as leaves. At most 64 are listed.
func leafPaths(n *node) []string {
	var out []string
	var walk func(n *node, path string, depth int)
	walk = func(n *node, path string, depth int) {
		if len(out) >= 64 || depth > 16 {
			return
		}
		switch n.kind {
		case kindObject:
			if len(n.keys) == 0 && path != "" {
				out = append(out, path)
			}
			for i, k := range n.keys {
				walk(n.vals[i], joinPath(path, k), depth+1)
			}
		case kindArray:
			seen := len(out)
			for _, v := range n.vals {
				walk(v, path+"[]", depth+1)
			}
			// keep each distinct path once
			out = append(out[:seen], dedupe(out[seen:])...)
			if len(n.vals) == 0 {
				out = append(out, path)
			}
		default:
			out = append(out, path)
		}
	}
	walk(n, "", 0)
	return out
}

func dedupe(list []string) []string {
	var out []string
	for _, s := range list {
		dup := false
		for _, o := range out {
			dup = dup || o == s
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

func isNumeric(s string) bool {
	if s == "" {
		return false
	}
	_, ok := parseDecimal(s)
	return ok
}

// sameNumber compares a code as sent with a catalog code: equal strings, or
// equal numbers ("6" and "6.0").
func sameNumber(a, b string) bool {
	if a == b {
		return true
	}
	x, ok1 := parseDecimal(a)
	y, ok2 := parseDecimal(b)
	return ok1 && ok2 && x == y
}

// poss writes the possessive of a name: "Clipia's", "ClawHosters'".
func poss(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}
