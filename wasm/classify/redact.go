package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is the redactor. It runs first, on the raw paste, so that every
// later stage (and so every output) sees only masked text. It masks:
//
//   - the values of credential headers (Authorization, Proxy-Authorization,
//     X-Api-Key, api-key, x-goog-api-key, Cookie, Set-Cookie, ...) and of
//     every provider's documented auth headers (catalog Auth.Header and
//     Auth.AltHeaders, e.g. Clore.ai's `auth`), wherever they appear: header
//     lines, curl -H flags, JSON, Python dicts, HAR name/value pairs;
//   - tokens after "Bearer";
//   - keys with a provider's documented prefix (catalog Auth.KeyPrefixes)
//     and common key shapes (sk-..., AIza..., ghp_..., JWTs), keeping the
//     prefix, which is public and tells providers apart;
//   - long high-entropy values of fields named like key, token, secret or
//     password (JSON, Python, query strings, key=value logs);
//   - the password in a URL's userinfo and in curl's -u/--user flag, and a
//     user part that looks like a key (redact_user.go);
//   - every other occurrence of a value masked above.
//
// It records what it masked (kind and line, never the value).

const mask = "[redacted]"

// maxRedactions is how many Redaction entries are listed; the rest are
// counted in one final entry.
const maxRedactions = 50

// keyPrefix is a key shape recognised by its prefix.
type keyPrefix struct {
	prefix   string
	min      int  // characters required after the prefix
	digit    bool // the rest must contain a digit
	provider string
}

// genericPrefixes are widely used key shapes of APIs outside the catalog.
var genericPrefixes = []keyPrefix{
	{prefix: "sk-", min: 16, digit: true},
	{prefix: "sk_live_", min: 8, digit: true},
	{prefix: "sk_test_", min: 8, digit: true},
	{prefix: "rk_live_", min: 8, digit: true},
	{prefix: "rk_test_", min: 8, digit: true},
	{prefix: "AIza", min: 30},
	{prefix: "ghp_", min: 20},
	{prefix: "gho_", min: 20},
	{prefix: "ghs_", min: 20},
	{prefix: "github_pat_", min: 20},
	{prefix: "glpat-", min: 16},
	{prefix: "xoxb-", min: 10},
	{prefix: "xoxp-", min: 10},
	{prefix: "hf_", min: 20},
	{prefix: "gsk_", min: 20},
	{prefix: "r8_", min: 20},
	{prefix: "AKIA", min: 16},
	{prefix: "eyJ", min: 16}, // a JWT; its dots are followed below
}

// schemeWords are the authorization schemes kept before a masked value.
var schemeWords = []string{"bearer", "basic", "key", "token", "digest", "apikey"}

// credentialHeaders are header names whose value is always a credential.
var credentialHeaders = []string{
	"authorization", "proxy-authorization", "x-api-key", "api-key", "apikey",
	"x-goog-api-key", "x-auth-token", "x-access-token", "cookie", "set-cookie",
	"ocp-apim-subscription-key", "x-amz-security-token",
}

// New returns a classifier of cat, which it reads and must not change.
//
// It returns a value, not a pointer: a Classifier allocated on the heap
// would bring the catalog's types into the binary's type data (some 2 KB).
func New(cat *catalog.Catalog) Classifier {
	l := &redactLists{minKey: 1 << 30}
	l.allHeaders = append(l.allHeaders, credentialHeaders...)
	for i := range cat.Providers {
		p := &cat.Providers[i]
		l.addAuthHeader(p.Auth.Header)
		for _, h := range p.Auth.AltHeaders {
			l.addAuthHeader(h)
		}
		for _, pre := range p.Auth.KeyPrefixes {
			if pre != "" {
				l.prefixes = append(l.prefixes, keyPrefix{prefix: pre, min: 6, provider: p.ID})
			}
		}
	}
	l.prefixes = append(l.prefixes, genericPrefixes...)
	for _, p := range l.prefixes {
		l.minKey = min(l.minKey, len(p.prefix)+p.min)
		l.keyStarts += p.prefix[:1]
	}
	l.stream = streamCodes(cat)
	return Classifier{cat: cat, lists: l}
}

// redactLists are what the redactor reads of the catalog, made once by
// [New]: every credential header name with the documented auth headers
// added; looseHeaders, the added names whose value is masked only after a
// separator (a name of 5 letters or fewer: "auth" is also an English
// word); the key prefixes, the catalog's then the generic ones; minKey, the
// shortest token a prefix can mask; keyStarts, the prefixes' first bytes.
type redactLists struct {
	allHeaders, looseHeaders []string
	stream                   []string // the codes that can arrive inside a stream (sse.go)
	prefixes                 []keyPrefix
	minKey                   int
	keyStarts                string
}

func (l *redactLists) addAuthHeader(h string) {
	if h = textx.Lower(h); h == "" || contains(l.allHeaders, h) {
		return
	}
	if len(h) <= 5 {
		l.looseHeaders = append(l.looseHeaders, h)
	}
	l.allHeaders = append(l.allHeaders, h)
}

// contains reports whether s is one of list.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

type redactor struct {
	l      *redactLists // the classifier's lists (see New)
	record bool
	// curl command lines (see curlLine): the line of src[|curl|] was read
	// up to there, and is one when curl < 0. An int32 beside record keeps
	// the redactor small (136 bytes with l): a larger one slows every
	// scrub call.
	curl   int32
	found  []Redaction
	extra  int
	values []string // distinct masked values, to mask their other occurrences

	// line tracking
	src     string
	linePos int
	lineNo  int
	out     []byte // the masked text up to copied; nil while nothing is masked
	copied  int
}

// redactText masks secrets in s and returns the masked text, what was
// masked, and the masked values (for scrubbing text decoded later).
func (c *Classifier) redactText(s string) (string, []Redaction, []string) {
	r := &redactor{l: c.lists, record: true, lineNo: 1}
	out := r.repeats(r.run(s))
	if r.extra > 0 {
		r.found = append(r.found, Redaction{Kind: "more", Where: decimal.Itoa(r.extra) + " more masked values"})
	}
	return out, r.found, r.values
}

// scrub masks secrets in text decoded from the paste (a JSON string's
// escapes can spell a key the first pass could not see), and every value
// masked before.
func (c *Classifier) scrub(s string, values []string) string {
	if s == "" {
		return s
	}
	r := &redactor{l: c.lists, values: values}
	return r.repeats(r.run(s))
}

// note records a redaction at byte pos of the input, by its line.
func (r *redactor) note(pos int, kind, what string) {
	if !r.record {
		return
	}
	if pos >= r.linePos {
		r.lineNo += textx.Count(r.src[r.linePos:pos], "\n")
		r.linePos = pos
	}
	r.add(kind, "line "+decimal.Itoa(r.lineNo)+": "+what)
}

// add lists one redaction, or counts it once maxRedactions are listed.
func (r *redactor) add(kind, where string) {
	if len(r.found) >= maxRedactions {
		r.extra++
		return
	}
	r.found = append(r.found, Redaction{Kind: kind, Where: where})
}

// replace writes repl in place of src[start:end].
func (r *redactor) replace(start, end int, repl string) {
	if start < r.copied {
		return
	}
	if r.out == nil {
		r.out = make([]byte, 0, len(r.src)+len(repl))
	}
	r.out = append(append(r.out, r.src[r.copied:start]...), repl...)
	r.copied = end
	v := r.src[start:end]
	if len(v) >= 8 && len(r.values) < 32 && textx.Index(v, mask) < 0 && !contains(r.values, v) {
		r.values = append(r.values, v)
	}
}

func (r *redactor) run(s string) string {
	r.src = s
	i := 0
	for i < len(s) {
		c := s[i]
		if byteClass[c]&classToken == 0 || (i > 0 && byteClass[s[i-1]]&classAlnum != 0) {
			i++
			continue
		}
		j := i
		for j < len(s) && byteClass[s[j]]&classToken != 0 {
			j++
		}
		// a URL's userinfo (scheme://user:pass@host), curl's -u user:pass
		if c == '-' || j+2 < len(s) && s[j] == ':' && (s[j+1] == '/' || s[j+1] == '\\') {
			var next int
			var ok bool
			if c == '-' {
				next, ok = r.curlUser(i, j)
			} else {
				next, ok = r.userinfo(i, j)
			}
			if ok {
				i = next
				continue
			}
		}
		if n := j - i; n < r.l.minKey && !(n == 6 && lowerIs(s[i:j], "bearer")) && !(n == 7 && lowerIs(s[i:j], "cookies")) {
			none := j == len(s) || byteClass[s[j]]&classSep == 0 || j+1 < len(s) && s[j] == ' ' && byteClass[s[j+1]]&classAlnum != 0
			if !none {
				// is the name followed, after its closing quote (", ', \" or
				// \\\") and blanks, by ':', '=' or a ',' (after a quote), as a
				// credential's name is?
				k := j
				for k < len(s) && k < j+8 && (s[k] == '"' || s[k] == '\'' || s[k] == '\\') {
					k++
				}
				for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
					k++
				}
				none = !(k < len(s) && (s[k] == ':' || s[k] == '=' || s[k] == ',' && k > j))
			}
			if none {
				i = j // no key, no Bearer, no name of a credential
				continue
			}
		}
		next, ok := r.prefixed(i, j)
		if !ok {
			next, ok = r.named(i, j)
		}
		if !ok && lowerIs(s[i:j], "bearer") {
			// a Bearer token: base64url, base64 or JWT characters
			k := skip(s, j, len(s), " ")
			e := k
			for e < len(s) && (byteClass[s[e]]&classToken != 0 || inSet(s[e], ".~+/=")) {
				e++
			}
			if k != j && e-k >= 8 && !placeholder(s[k:e]) {
				r.replace(k, e, r.l.keepPrefix(s[k:e]))
				r.note(i, "bearer_token", "Bearer token")
				next, ok = e, true
			}
		}
		if !ok {
			next = j
		}
		i = next
	}
	if r.out == nil {
		return s
	}
	return string(append(r.out, s[r.copied:]...))
}

// prefixed masks a key with a known prefix in s[i:j]: a prefix the
// catalog documents, or a generic shape.
func (r *redactor) prefixed(i, j int) (int, bool) {
	w := r.src[i:j]
	if len(w) < r.l.minKey || !inSet(w[0], r.l.keyStarts) {
		return 0, false
	}
	for k := range r.l.prefixes {
		if p := &r.l.prefixes[k]; textx.HasPrefix(w, p.prefix) {
			if end, ok := r.prefix(i, j, p); ok {
				return end, true
			}
		}
	}
	return 0, false
}

// prefix masks the key in s[i:j], which starts with p.prefix.
func (r *redactor) prefix(i, j int, p *keyPrefix) (int, bool) {
	w := r.src[i:j]
	if len(w)-len(p.prefix) < p.min {
		return 0, false
	}
	if p.digit && textx.IndexAny(w[len(p.prefix):], "0123456789") < 0 {
		return 0, false
	}
	end := j
	kind, what := "key_shape", p.prefix+"… key"
	if p.provider != "" {
		kind, what = "key_prefix", p.prefix+"… key ("+p.provider+")"
	}
	start := i + len(p.prefix)
	if p.prefix == "eyJ" { // header.payload.signature; base64 JSON alone is not a token
		dots := 0
		for end < len(r.src) && (byteClass[r.src[end]]&classToken != 0 || r.src[end] == '.') {
			if r.src[end] == '.' {
				dots++
			}
			end++
		}
		if dots < 2 {
			return 0, false
		}
		kind, what, start = "jwt", "JSON web token", i
	}
	r.replace(start, end, mask)
	r.note(i, kind, what)
	return end, true
}

// skip returns the first index from k on, before end, whose byte is not
// one of set.
func skip(s string, k, end int, set string) int {
	for k < end && inSet(s[k], set) {
		k++
	}
	return k
}

// named masks the value after a credential header or secret field name in
// s[i:j]: `Authorization: Bearer x`, `"api_key": "x"`, `key=x`,
// `{"name": "X-Api-Key", "value": "x"}`.
func (r *redactor) named(i, j int) (int, bool) {
	s := r.src
	tok := s[i:j]
	header := lowerIn(r.l.allHeaders, tok)
	loose := header && lowerIn(r.l.looseHeaders, tok)
	// a rate-limit header is no secret field:
	// anthropic-ratelimit-input-tokens-reset holds a time
	field := !header && secretWord(tok) && secretFieldName(textx.Lower(tok)) && textx.Index(textx.Lower(tok), "ratelimit") < 0
	if !header && !field {
		if lowerIs(tok, "cookies") {
			return r.cookieArray(j)
		}
		return 0, false
	}
	name := textx.Lower(tok)
	// closing quote of the name: ", ', \" or \\\"
	k := skip(s, j, min(len(s), j+8), `"'\`)
	k = skip(s, k, len(s), " \t")
	if k >= len(s) {
		return 0, false
	}
	sep := s[k]
	switch {
	case sep == ':' || sep == '=':
		k++
		if k < len(s) && s[k] == '>' { // Ruby =>
			k++
		}
		if sep == '=' && k < len(s) && s[k] == '=' {
			return 0, false
		}
	case sep == ',' && k > j: // HAR: "name": "X", "value": "v"
		k = skip(s, k+1, min(len(s), k+201), " \t\n\r\"\\")
		if !textx.HasPrefix(s[k:], "value") {
			return 0, false
		}
		k = skip(s, k+len("value"), len(s), `"\ `)
		if k >= len(s) || s[k] != ':' {
			return 0, false
		}
		k++
	default:
		return 0, false
	}
	k = skip(s, k, len(s), " \t")
	limit := 4096 // a credential header's value is masked whole
	if field || loose {
		limit = 256 // checked, and skipped when it does not look like a key
	}
	vs, ve, next := valueSpan(s, k, sep == '=' || field || loose, limit)
	if ve <= vs {
		return 0, false
	}
	v := s[vs:ve]
	if placeholder(v) {
		return next, true
	}
	kind, what := "secret_field", "value of "+s[i:j]
	if header && !loose {
		kind, what = "credential_header", s[i:j]+" value"
		if textx.Index(name, "cookie") >= 0 {
			kind = "cookie"
		}
		// keep the scheme word: "Bearer [redacted]"
		if sp := textx.IndexByte(v, ' '); sp > 0 && sp < 12 && contains(schemeWords, textx.Lower(v[:sp])) {
			vs = skip(s, vs+sp+1, ve, " ")
			if vs >= ve || placeholder(s[vs:ve]) {
				return next, true
			}
		}
	} else if !secretLike(v) && textx.Index(name, "password") < 0 && textx.Index(name, "secret") < 0 {
		return 0, false
	}
	r.replace(vs, ve, r.l.keepPrefix(s[vs:ve]))
	r.note(i, kind, what)
	return next, true
}

// cookieArray masks the values in a HAR "cookies": [...] array after s[j].
func (r *redactor) cookieArray(j int) (int, bool) {
	s := r.src
	k := skip(s, j, len(s), `" :\`)
	if k >= len(s) || s[k] != '[' {
		return 0, false
	}
	end := k + 1
	depth := 1
	limit := min(len(s), k+1<<16)
	for end < limit && depth > 0 {
		switch s[end] {
		case '[':
			depth++
		case ']':
			depth--
		}
		end++
	}
	span := s[k:end]
	masked := false
	for off := 0; ; {
		at := textx.Index(span[off:], `"value"`)
		if at < 0 {
			break
		}
		p := skip(s, k+off+at+len(`"value"`), end, " :")
		vs, ve, _ := valueSpan(s, p, true, 4096)
		if ve > vs && ve <= end {
			r.replace(vs, ve, mask)
			masked = true
		}
		off = ve - k
		if off <= 0 || off >= len(span) {
			break
		}
	}
	if masked {
		r.note(j, "cookie", "HAR cookies")
	}
	return end, true
}

// keepPrefix returns the mask for v, keeping a known key prefix.
func (l *redactLists) keepPrefix(v string) string {
	for _, p := range l.prefixes {
		if p.prefix != "eyJ" && textx.HasPrefix(v, p.prefix) && len(v) > len(p.prefix) {
			return p.prefix + mask
		}
	}
	return mask
}

// repeats masks every other occurrence of a value masked before.
func (r *redactor) repeats(s string) string {
	for _, v := range r.values {
		if n := textx.Count(s, v); n > 0 {
			s = textx.ReplaceAll(s, v, mask)
			if r.record {
				r.add("repeat", decimal.Itoa(n)+" more occurrence(s) of a masked value")
			}
		}
	}
	return s
}

// valueSpan finds the value starting at s[k]: a quoted string (", ', or an
// escaped \" at any depth) up to its closing quote, or an unquoted run. It
// returns the value's bounds and where scanning continues.
func valueSpan(s string, k int, short bool, max int) (vs, ve, next int) {
	q := skip(s, k, min(len(s), k+8), `\`)
	if q < len(s) && (s[q] == '"' || s[q] == '\'') {
		open := s[k : q+1] // e.g. `"` or `\"`
		vs = q + 1
		limit := min(len(s), vs+max)
		if len(open) == 1 {
			e := vs
			for e < limit && s[e] != open[0] && s[e] != '\n' {
				if s[e] == '\\' {
					e++
				}
				e++
			}
			e = min(e, limit)
			return vs, e, min(e+1, len(s))
		}
		e := textx.Index(s[vs:limit], open)
		if e < 0 {
			e = textx.IndexByte(s[vs:limit], '\n')
			if e < 0 {
				e = limit - vs
			}
		}
		return vs, vs + e, vs + e
	}
	stop := "\n\r\"'\\"
	if short {
		stop = "\n\r\"'\\ \t&,;)}]>"
	}
	vs = k
	e := k
	for limit := min(len(s), k+max); e < limit && !inSet(s[e], stop); {
		e++
	}
	// trim trailing spaces of a header line
	ve = e
	for ve > vs && (s[ve-1] == ' ' || s[ve-1] == '\t') {
		ve--
	}
	return vs, ve, e
}

// secretFieldName reports whether a field called name (lower case) holds a
// secret when its value looks like one.
func secretFieldName(name string) bool {
	if name == "key" || textx.HasSuffix(name, "_key") || textx.HasSuffix(name, "-key") || textx.HasSuffix(name, "apikey") {
		return true
	}
	for i := range name {
		w := name[i:]
		switch w[0] {
		case 't':
			w = "token"
		case 's':
			w = "secret"
		case 'p':
			if textx.HasPrefix(w, "passwd") || textx.HasPrefix(w, "private_key") {
				return true
			}
			w = "password"
		case 'a':
			if textx.HasPrefix(w, "api_key") || textx.HasPrefix(w, "api-key") {
				return true
			}
			w = "access_key"
		case 'c':
			w = "credential"
		default:
			continue
		}
		if textx.HasPrefix(name[i:], w) {
			return true
		}
	}
	return false
}

// secretWord reports whether the token w has key, tok, sec, pas or cre in
// it, in any case, as the name of every secret field has.
func secretWord(w string) bool {
	var t uint32 // the last three bytes, letters in lower case
	for i := 0; i < len(w); i++ {
		t = (t<<8 | uint32(w[i]|0x20)) & 0xFFFFFF
		switch t {
		case 'k'<<16 | 'e'<<8 | 'y', 't'<<16 | 'o'<<8 | 'k', 's'<<16 | 'e'<<8 | 'c', 'p'<<16 | 'a'<<8 | 's', 'c'<<16 | 'r'<<8 | 'e':
			return true
		}
	}
	return false
}

// lowerIs reports whether textx.Lower(w) == lower for an ASCII token w.
func lowerIs(w, lower string) bool {
	if len(w) != len(lower) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// lowerIn reports whether textx.Lower(w) is one of list, for an ASCII token w.
func lowerIn(list []string, w string) bool {
	for _, x := range list {
		if lowerIs(w, x) {
			return true
		}
	}
	return false
}

// secretLike reports whether v looks like a key or token rather than a word,
// a number or a sentence.
func secretLike(v string) bool {
	if len(v) < 8 || placeholder(v) {
		return false
	}
	letters, digits := false, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == ' ' || c == '\t':
			return false
		case c >= '0' && c <= '9':
			digits = true
		case (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'):
			letters = true
		}
	}
	return letters && (digits || len(v) >= 24)
}

// placeholder reports values that are not real secrets: "$KEY", "<key>",
// "***", an already masked value.
func placeholder(v string) bool {
	if v == "" || inSet(v[0], "$<{*.[%") {
		return true
	}
	return textx.HasPrefix(textx.Lower(v), "your") || textx.Index(v, mask) >= 0
}
