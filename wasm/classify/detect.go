package classify

import (
	"math"

	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is provider detection: every catalog provider is scored on the
// evidence in the paste, each piece of evidence worth a fixed weight and
// described in words. Scores become confidences (see confidence), and
// providers that score alike are reported as a tie, not a guess.

// Evidence weights. A host, a documented key prefix or a response header
// only one provider sends nearly decides; a
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
	wRespHeader    = 5
	wHeader        = 2
	wSDK           = 2
	wAgentAPI      = 3
	wShapeOwner    = 1.5
	wName          = 1
	wSDKShared     = 0.5
	wRateHeader    = 0.75
	wCodePath      = 1
	wExplained     = 1
	wField         = 0.5
	wStatusFits    = 0.5
	wStatusClash   = -1
	wUnexplained   = -0.25
	wForeignShape  = -2
	wNoCodePath    = -1.5
	minScore       = 3   // below this a provider is not attributed
	minListed      = 2   // below this a provider is not listed as a candidate
	tieMargin      = 1.0 // candidates closer than this to the best tie with it
	maxCandidates  = 5
	confidenceUnit = 4.0 // score at which strength reaches 1-1/e
)

// scored is one provider's evidence.
type scored struct {
	pi       int // the provider's index in the catalog's Providers
	score    float64
	evidence []string
	conf     float64
	textCode string // a code of this provider found in plain text
}

// p returns the provider of s. (An index in scored, not a pointer, keeps
// the catalog's types out of the binary's type data.)
func (c *Classifier) p(s *scored) *catalog.Provider { return &c.cat.Providers[s.pi] }

func (s *scored) add(w float64, why string) {
	s.score += w
	if s.evidence == nil {
		s.evidence = make([]string, 0, 8)
	}
	push(&s.evidence, why)
}

// pasteText is the redacted paste, with its lower-case form made once.
type pasteText struct {
	text, low string
	// ends and endsLow are text and low when they are short, else their
	// first and last 64 KB: where the words that name a provider (an SDK's
	// exception class, a key, the provider's name) are looked for. They
	// stand at a paste's ends (a traceback's last line, the request, the
	// agent's wording); searching the 5 MB message of one error body
	// for each of 17 providers' names took the playground seconds.
	ends, endsLow string
}

// newPasteText returns the pasteText of text.
func newPasteText(text string) *pasteText {
	low := textx.Lower(text)
	return &pasteText{text: text, low: low, ends: ends(text), endsLow: ends(low)}
}

// ends is s when it is short, else its first and last 64 KB.
func ends(s string) string {
	if k := 1 << 16; len(s) > 2*k {
		return s[:k] + "\n" + s[len(s)-k:]
	}
	return s
}

// detect scores every catalog provider for the document doc of artefact
// a, which came with HTTP status status. sh is the outside-catalog shape
// doc was recognised as, if any.
func (c *Classifier) detect(a *artefact, doc *node, status int, sh shapeMark, t *pasteText) []scored {
	// A host or header of an API outside the catalog, or an agent that
	// calls one, counts against all.
	outside := a.outside
	for _, seen := range a.hosts {
		if outside == "" && onHost(seen, foreignHosts) {
			outside = "the paste names " + seen + ", an API outside the catalog"
		}
	}
	for _, h := range foreignHeaders {
		if outside == "" && a.headers.has(h) {
			outside = "header " + h + " belongs to an API outside the catalog"
		}
	}
	var out []scored
	var leaves leafPaths
	for i := range c.cat.Providers {
		s, p := scored{pi: i}, &c.cat.Providers[i]
		c.scoreEnvelope(&s, p, doc, status, sh, &leaves)
		if outside != "" {
			s.add(wForeignHost, outside)
		}
		if doc == nil {
			scoreLoose(&s, p, a, t)
		}
		c.scorePaste(&s, p, a, t)
		if s.score >= minListed {
			out = append(out, s)
		}
	}
	// Best first; equal scores by provider id. An insertion sort: the list
	// is short, and sort.SliceStable would pull reflection into the binary.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (out[j].score > out[j-1].score || out[j].score == out[j-1].score && less(c.p(&out[j]).ID, c.p(&out[j-1]).ID)); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	// Confidence is the strength of a provider's evidence (1-e^(-score/4):
	// 3 → 0.53, 6 → 0.78, 10 → 0.92) times its share of all the evidence,
	// each provider weighted e^score: the evidence several providers share
	// (the OpenAI-style envelope, a common code) cancels out, and what sets
	// one apart decides (a lead of one point is a share of 73% against a
	// single rival). Two providers with equal evidence therefore each get
	// less than half of it.
	total := 0.0
	for i := range out {
		total += expNeg(out[i].score - out[0].score)
	}
	for i := range out {
		s := &out[i]
		strength := 1 - expNeg(-s.score/confidenceUnit)
		x := strength * expNeg(s.score-out[0].score) / total * 100 // in 0..100
		r := float64(int64(x))
		if x-r >= 0.5 { // rounded half up, as math.Round does
			r++
		}
		s.conf = r / 100
	}
	return out
}

// less is a < b for strings: the bytes compared in order. (This is the
// package's only ordering of strings, and < would bring the runtime's
// string comparison into the WebAssembly binary.)
func less(a, b string) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// expNeg returns e^x for a negative x of moderate size (a score's: not
// below -700), with the reduction and polynomial of math.Exp's portable
// code, which is what js/wasm runs; math.Exp's special cases for NaN,
// infinities and subnormal results cannot occur, and leaving them out
// keeps math.Exp's code out of the WebAssembly binary.
func expNeg(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01
		ln2Lo = 1.90821492927058770002e-10
		log2e = 1.44269504088896338700e+00
		p1    = 1.66666666666666657415e-01
		p2    = -2.77777777770155933842e-03
		p3    = 6.61375632143793436117e-05
		p4    = -1.65339022054652515390e-06
		p5    = 4.13813679705723846039e-08
	)
	k := int(log2e*x - 0.5)
	hi := x - float64(k)*ln2Hi
	lo := float64(k) * ln2Lo
	r := hi - lo
	t := r * r
	c := r - t*(p1+t*(p2+t*(p3+t*(p4+t*p5))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	return y * math.Float64frombits(uint64(1023+k)<<52) // y·2^k, a normal number
}

// scoreEnvelope weighs the document against the provider's envelope.
func (c *Classifier) scoreEnvelope(s *scored, p *catalog.Provider, doc *node, status int, sh shapeMark, leaves *leafPaths) {
	if doc != nil && doc.kind == kindArray && len(doc.vals) > 0 {
		doc = doc.vals[0]
	}
	if doc == nil || doc.kind != kindObject {
		return
	}
	owner := poss(p.Name)
	env := &p.Envelope
	path, raw, ok := firstScalar(doc, env.Code)
	if !ok {
		if sh.code != "" && len(env.Code) > 0 {
			s.add(wNoCodePath, "the body's code is not at "+env.Code[0]+", where "+p.Name+" keeps it")
		}
		return
	}
	s.add(wCodePath, "the body has "+path+", where "+p.Name+" keeps its error code")
	var entry *catalog.Code
	if ind := env.Indirect; ind != nil && sameNumber(raw, ind.When) {
		if real, ok := resolve(doc, ind.Field); ok {
			if v, ok := real.n.str(); ok {
				if c, ok := p.Code(v); ok {
					entry = c
					s.add(wIndirectCode, path+" "+raw+" points to "+ind.Field+" \""+v+"\", one of "+owner+" codes")
				}
			}
		}
	} else if e, ok := p.Code(raw); ok {
		entry = e
		s.addCode(wCode, path, raw, p.Name, c.codeOwners(raw) > 1)
	}
	if entry == nil {
		for i := range p.Results {
			if r := &p.Results[i]; r.Code != "" && sameNumber(raw, r.Code) {
				s.add(wResult, path+" "+raw+" is "+owner+" \""+r.Title+"\" marker")
				break
			}
		}
	}
	for _, f := range []struct {
		paths []string
		what  string
	}{
		{env.Message, "message"}, {env.Type, "type"}, {env.Details, "details"},
		{env.RequestID, "request id"}, {env.RetryAfter, "retry-after"},
	} {
		if l, ok := firstPresent(doc, f.paths); ok {
			s.add(wField, "the body has "+l.path+", "+owner+" "+f.what+" field")
		}
	}
	// Keys the envelope does not explain count against the provider; a body
	// made only of envelope fields counts for it.
	unexplained := 0
	var firstUnexplained string
	if !leaves.done {
		walkLeaves(&leaves.paths, doc, "", 0)
		leaves.done = true
	}
	owned := ownedShape(p)
	own := owned != "" && sh.shape == owned // the shape is p's own
	for _, lp := range leaves.paths {
		if !explained(lp, env, entry) && !(own && lp == sh.key) {
			if unexplained == 0 {
				firstUnexplained = lp
			}
			unexplained++
		}
	}
	if unexplained == 0 && (entry != nil || s.score >= wCodePath+wResult) {
		s.add(wExplained, "every field of the body is named in "+owner+" envelope")
	} else if unexplained > 0 {
		w := wUnexplained * float64(unexplained)
		if w < -1 {
			w = -1
		}
		s.add(w, "the body has fields "+owner+" envelope does not name (e.g. "+firstUnexplained+")")
	}
	// A distinctive shape counts for the API it belongs to when the body
	// has nothing else, and against it when the body is not that shape;
	// another distinctive shape counts against a provider whose envelope
	// lacks its mark, unless the code is one of that provider's.
	switch {
	case own && unexplained == 0:
		s.add(wShapeOwner, "the body is shaped like "+sh.shape+", "+owner+" own envelope")
	case owned != "" && !own:
		s.add(wForeignShape, "the body is not "+owned+", the shape of every "+p.Name+" error")
	case sh.shape != "" && !own && entry == nil && !explained(sh.key, env, entry):
		s.add(wForeignShape, "the body is shaped like "+sh.shape+", with "+sh.key+", which "+owner+" envelope does not name")
	}
	if entry != nil && status != 0 && entry.Signal == catalog.SignalHTTP && len(entry.Statuses) > 0 {
		w, is := float64(wStatusClash), " is not the status "
		for _, st := range entry.Statuses {
			if st == status {
				w, is = wStatusFits, " is the status "
			}
		}
		s.add(w, "HTTP "+decimal.Itoa(status)+is+p.Name+" documents for it")
	}
}

// explained reports whether the body path lp is at or under a path the
// envelope env names, or a wait field of its code entry.
func explained(lp string, env *catalog.Envelope, entry *catalog.Code) bool {
	for _, l := range [][]string{env.Code, env.Message, env.RequestID, env.Details, env.Type, env.RetryAfter} {
		if covered(lp, l) {
			return true
		}
	}
	return env.Indirect != nil && covered(lp, []string{env.Indirect.Field}) ||
		entry != nil && covered(lp, entry.Retry.WaitFields)
}

// leafPaths are the paths of a document's leaves (see walkLeaves), listed
// when first needed.
type leafPaths struct {
	paths []string
	done  bool
}

// addCode credits a code of the provider's vocabulary found at where
// (an envelope path, or "code" in text). Numbers are weak evidence, and a
// code other catalog providers document too (shared) weaker than the rest.
func (s *scored) addCode(w float64, where, code, name string, shared bool) {
	if isNumeric(code) {
		s.add(wNumericCode, where+" "+code+" is one of "+poss(name)+" codes (numbers are common, so this is weak)")
	} else if shared {
		s.add(w-1, "\""+code+"\" is one of "+poss(name)+" codes (other providers send it too)")
	} else {
		s.add(w, "\""+code+"\" is one of "+poss(name)+" codes")
	}
}

// scoreLoose weighs a code read from text (an SDK string, a log line, a
// docs page) against the provider's vocabulary: the loose code, or else
// the first word of the text that is one of its distinctive codes
// (snake_case or kebab-case words of six or more letters).
func scoreLoose(s *scored, p *catalog.Provider, a *artefact, t *pasteText) {
	if a.looseCode != "" {
		if _, ok := p.Code(a.looseCode); ok && vocabCategory(a.looseCode) != "" {
			s.add(wNumericCode, "\""+a.looseCode+"\" is one of "+poss(p.Name)+" codes (many APIs use it, so read from text this is weak)")
		} else if ok {
			s.addCode(wLooseCode, "code", a.looseCode, p.Name, false)
		}
		return
	}
	text := t.text[:min(len(t.text), 1<<16)]
	for i := 0; i < len(text); {
		if byteClass[text[i]]&classToken == 0 {
			i++
			continue
		}
		j := i
		for j < len(text) && byteClass[text[j]]&classToken != 0 {
			j++
		}
		w := text[i:j]
		i = j
		if len(w) < 6 || textx.IndexAny(w, "_-") < 0 || isNumeric(w) {
			continue
		}
		if _, ok := p.Code(w); ok {
			s.textCode = w
			s.add(wTextCode, "the text mentions \""+w+"\", one of "+poss(p.Name)+" codes")
			return
		}
	}
}

// shapeMark is a distinctive well-known shape and the body path that
// marks it, and the code any well-known shape gave the body.
type shapeMark struct {
	shape string
	key   string
	code  string // the code the shape's reader found, if any
}

// foreignHosts are hosts of well-known APIs outside the catalog; naming one
// is evidence against every catalog provider.
var foreignHosts = []string{"api.together.xyz", "api.stripe.com", "api.github.com"}

// foreignHeaders are response headers only well-known outside APIs send.
var foreignHeaders = []string{"stripe-should-retry", "x-github-request-id"}

const wForeignHost = -3

// onHost reports whether host is one of hosts or a subdomain of one.
func onHost(host string, hosts []string) bool {
	for _, h := range hosts {
		if n := len(host) - len(h); n >= 0 && host[n:] == h && (n == 0 || host[n-1] == '.') {
			return true
		}
	}
	return false
}

// scorePaste weighs what surrounds the body: the provider's own headers
// and rate-limit headers, its hosts, its key prefixes, the names its SDK
// prints and the names it goes by.
func (c *Classifier) scorePaste(s *scored, p *catalog.Provider, a *artefact, t *pasteText) {
	n := 0
	for _, h := range p.Detect.Headers {
		switch {
		case n >= 2:
		case a.headers.has(h): // the server that answered sent it
			s.add(wRespHeader, "response header "+h+" is one only "+p.Name+" sends")
			n++
		case a.reqHeaders.has(h):
			s.add(wHeader, "request header "+h+" is one "+p.Name+" reads")
			n++
		}
	}
	n = 0
	for _, h := range p.RateLimit.Headers {
		if n < 2 && a.headers.has(h) {
			s.add(wRateHeader, "header "+h+" is a rate-limit header "+p.Name+" sends")
			n++
		}
	}
	if seen, ok := onProviderHost(p, a.hosts); ok {
		s.add(wHost, "the paste names the host "+seen)
	}
	if pre := c.keyPrefix(p, t.ends); pre != "" {
		s.add(wKeyPrefix, "a key with "+poss(p.Name)+" prefix "+pre)
	}
	n = 0
	for _, w := range p.Detect.SDK {
		if n >= 2 || len(w) < 4 || !wordIn(t.endsLow, textx.Lower(w), contains(sharedClasses, w)) {
			continue
		}
		n++
		if contains(sharedClasses, w) {
			s.add(wSDKShared, "the text mentions "+w+" (SDKs of several APIs print it, so this is weak)")
		} else {
			s.add(wSDK, "the text mentions "+w)
		}
	}
	if a.calls != "" && names(p, a.calls) {
		s.add(wAgentAPI, "the paste is worded as an agent that calls "+a.calls+" by default")
	}
	for _, name := range p.Detect.Names {
		if len(name) >= 3 && wordIn(t.endsLow, textx.Lower(name), true) {
			s.add(wName, "the text names "+name)
			break
		}
	}
}

// onProviderHost returns the first of hosts that is one of p's host
// patterns (matchHost) or the host of its documented base URL, or
// a subdomain of it.
func onProviderHost(p *catalog.Provider, hosts []string) (string, bool) {
	var base []string // the host of the documented base URL
	if i := textx.Index(p.BaseURL, "://"); i >= 0 && len(hosts) > 0 {
		h := p.BaseURL[i+3:]
		if j := textx.IndexAny(h, "/:?#"); j >= 0 {
			h = h[:j]
		}
		if h != "" && textx.IndexAny(h, "{<*") < 0 {
			base = []string{textx.Lower(h)}
		}
	}
	for _, seen := range hosts {
		if onHost(seen, base) {
			return seen, true
		}
		for _, pat := range p.Detect.Hosts {
			if matchHost(pat, seen) {
				return seen, true
			}
		}
	}
	return "", false
}

// matchHost is model.MatchHost, written for size: a plain pattern is the
// host or a parent domain of it, "*.x" a parent domain only, and a '*'
// inside a label stands for one or more characters other than '.'.
// TestMatchHostIsTheModels keeps the two equal.
func matchHost(pat, host string) bool {
	sub := textx.HasPrefix(pat, "*.")
	if sub {
		pat = pat[2:]
	}
	for i := 0; i < len(host); i++ { // host[i:] after each dot
		if (i == 0 || host[i-1] == '.') && !(sub && i == 0) && glob(pat, host[i:]) {
			return true
		}
	}
	return false
}

// glob matches h against p, where a '*' in p stands for one or more
// characters other than '.'.
func glob(p, h string) bool {
	for ; p != ""; p, h = p[1:], h[1:] {
		if p[0] == '*' {
			for k := 1; k <= len(h) && h[k-1] != '.'; k++ {
				if glob(p[1:], h[k:]) {
					return true
				}
			}
			return false
		}
		if h == "" || h[0] != p[0] {
			return false
		}
	}
	return h == ""
}

// keyPrefix returns the first of p's key prefixes that starts a word of
// text ("sk-" in "key sk-…", not in "task-"), unless another provider's
// longer prefix starts there ("sk-or-v1-" is OpenRouter's, not OpenAI's
// "sk-").
func (c *Classifier) keyPrefix(p *catalog.Provider, text string) string {
	for _, pre := range p.Auth.KeyPrefixes {
	next:
		for off := 0; pre != ""; {
			i := textx.Index(text[off:], pre)
			if i < 0 {
				break
			}
			at := off + i
			off = at + 1
			if at > 0 && (byteClass[text[at-1]]&classToken != 0 || text[at-1] == '.') {
				continue // inside a word
			}
			for k := range c.cat.Providers {
				for _, q := range c.cat.Providers[k].Auth.KeyPrefixes {
					if len(q) > len(pre) && textx.HasPrefix(text[at:], q) {
						continue next
					}
				}
			}
			return pre
		}
	}
	return ""
}

// codeOwners counts the providers that document code.
func (c *Classifier) codeOwners(code string) int {
	k := 0
	for i := range c.cat.Providers {
		if _, ok := c.cat.Providers[i].Code(code); ok {
			k++
		}
	}
	return k
}

// names reports whether name is one of the names p goes by.
func names(p *catalog.Provider, name string) bool {
	for _, n := range p.Detect.Names {
		if catalog.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// wordIn reports whether w (lower case) occurs in low as a word: no letter
// or digit directly before or after it. With bare, it must also stand
// outside a dotted or dashed name: "anthropic.RateLimitError" is not a
// bare "RateLimitError", nor are the "cohere" of api.cohere.com and the
// "claude" of claude-3-haiku names.
func wordIn(low, w string, bare bool) bool {
	for off := 0; ; {
		i := textx.Index(low[off:], w)
		if i < 0 {
			return false
		}
		at := off + i
		end := at + len(w)
		before := at == 0 || byteClass[low[at-1]]&classAlnum == 0 && (!bare || !inSet(low[at-1], "./"))
		after := end == len(low) || byteClass[low[end]]&classAlnum == 0 && (!bare || !inSet(low[end], ".-") || end+1 == len(low) || byteClass[low[end+1]]&classAlnum == 0)
		if before && after {
			return true
		}
		off = at + 1
	}
}

// covered reports whether leaf path lp lies at or under one of the paths.
func covered(lp string, paths []string) bool {
	for _, p := range paths {
		if rest := lp[min(len(p), len(lp)):]; textx.HasPrefix(lp, p) && (rest == "" || rest[0] == '.' || textx.HasPrefix(rest, "[]")) {
			return true
		}
	}
	return false
}

// walkLeaves lists in out the paths of n's scalar leaves, array indexes
// written as "[]", empty objects as leaves. At most 64 are listed.
func walkLeaves(out *[]string, n *node, path string, depth int) {
	if len(*out) >= 64 || depth > 16 {
		return
	}
	switch n.kind {
	case kindObject:
		if len(n.keys) == 0 && path != "" {
			push(out, path)
		}
		for i, k := range n.keys {
			walkLeaves(out, n.vals[i], joinPath(path, k), depth+1)
		}
	case kindArray:
		seen := len(*out)
		for _, v := range n.vals {
			walkLeaves(out, v, path+"[]", depth+1)
		}
		// keep each distinct path once
		k := seen
		for _, p := range (*out)[seen:] {
			if !contains((*out)[seen:k], p) {
				(*out)[k] = p
				k++
			}
		}
		*out = (*out)[:k]
		if len(n.vals) == 0 {
			push(out, path)
		}
	default:
		push(out, path)
	}
}

func isNumeric(s string) bool {
	if s == "" {
		return false
	}
	_, ok := decimal.Parse(s)
	return ok
}

// sameNumber compares a code as sent with a catalog code: equal strings, or
// equal numbers ("6" and "6.0").
func sameNumber(a, b string) bool {
	if a == b {
		return true
	}
	x, ok1 := decimal.Parse(a)
	y, ok2 := decimal.Parse(b)
	return ok1 && ok2 && x == y
}

// poss writes the possessive of a name: "Clipia's", "ClawHosters'".
func poss(name string) string {
	if textx.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}
