package classify

import (
	"strconv"
	"strings"

	"github.com/errdex/errdex/wasm/catalog"
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

// credentialHeaders are header names whose value is always a credential.
var credentialHeaders = []string{
	"authorization", "proxy-authorization", "x-api-key", "api-key", "apikey",
	"x-goog-api-key", "x-auth-token", "x-access-token", "cookie", "set-cookie",
	"ocp-apim-subscription-key", "x-amz-security-token",
}

// keyPrefixes returns the catalog's documented prefixes, then the generic
// shapes.
func keyPrefixes() []keyPrefix {
	var out []keyPrefix
	for i := range catalog.Providers {
		p := &catalog.Providers[i]
		for _, pre := range p.Auth.KeyPrefixes {
			if pre != "" {
				out = append(out, keyPrefix{prefix: pre, min: 6, provider: p.ID})
			}
		}
	}
	return append(out, genericPrefixes...)
}

// authHeaders returns the credential header names, lower case, with every
// provider's documented auth headers added. The bool is true for names
// whose value must also look like a key before it is masked (a header
// called "auth" is also an English word).
func authHeaders() (names []string, loose []string) {
	names = append(names, credentialHeaders...)
	add := func(h string) {
		h = strings.ToLower(h)
		if h == "" {
			return
		}
		for _, n := range names {
			if n == h {
				return
			}
		}
		if len(h) <= 5 {
			loose = append(loose, h)
		}
		names = append(names, h)
	}
	for i := range catalog.Providers {
		p := &catalog.Providers[i]
		add(p.Auth.Header)
		for _, h := range p.Auth.AltHeaders {
			add(h)
		}
	}
	return names, loose
}

type redactor struct {
	prefixes []keyPrefix
	headers  []string
	loose    []string
	record   bool
	found    []Redaction
	extra    int
	values   []string // distinct masked values, to mask their other occurrences

	// line tracking
	src     string
	linePos int
	lineNo  int
	out     strings.Builder
	copied  int
}

// The catalog is fixed at build time, so the lists are made once.
var (
	allPrefixes             = keyPrefixes()
	allHeaders, looseHeader = authHeaders()
)

func newRedactor() *redactor {
	return &redactor{prefixes: allPrefixes, headers: allHeaders, loose: looseHeader}
}

// redactText masks secrets in s and returns the masked text, what was
// masked, and the masked values (for scrubbing text decoded later).
func redactText(s string) (string, []Redaction, []string) {
	r := newRedactor()
	r.record = true
	out := r.run(s)
	out = r.repeats(out)
	if r.extra > 0 {
		r.found = append(r.found, Redaction{Kind: "more", Where: strconv.Itoa(r.extra) + " more masked values"})
	}
	return out, r.found, r.values
}

// scrub masks secrets in text decoded from the paste (a JSON string's
// escapes can spell a key the first pass could not see), and every value
// masked before.
func scrub(s string, values []string) string {
	if s == "" {
		return s
	}
	r := newRedactor()
	r.values = values
	out := r.run(s)
	return r.repeats(out)
}

func (r *redactor) line(pos int) int {
	if r.lineNo == 0 {
		r.lineNo = 1
	}
	if pos < r.linePos {
		return r.lineNo
	}
	r.lineNo += strings.Count(r.src[r.linePos:pos], "\n")
	r.linePos = pos
	return r.lineNo
}

func (r *redactor) note(pos int, kind, what string) {
	if !r.record {
		return
	}
	if len(r.found) >= maxRedactions {
		r.extra++
		return
	}
	r.found = append(r.found, Redaction{Kind: kind, Where: "line " + strconv.Itoa(r.line(pos)) + ": " + what})
}

// replace writes repl in place of src[start:end].
func (r *redactor) replace(start, end int, repl string) {
	if start < r.copied {
		return
	}
	r.out.WriteString(r.src[r.copied:start])
	r.out.WriteString(repl)
	r.copied = end
	v := r.src[start:end]
	if len(v) >= 8 && len(r.values) < 32 && !strings.Contains(v, mask) {
		for _, x := range r.values {
			if x == v {
				return
			}
		}
		r.values = append(r.values, v)
	}
}

func (r *redactor) run(s string) string {
	r.src = s
	r.out.Grow(len(s))
	i := 0
	for i < len(s) {
		c := s[i]
		if !isTokenChar(c) || (i > 0 && isAlnum(s[i-1])) {
			i++
			continue
		}
		j := i
		for j < len(s) && isTokenChar(s[j]) {
			j++
		}
		if next, ok := r.prefixed(i, j); ok {
			i = next
			continue
		}
		if next, ok := r.named(i, j); ok {
			i = next
			continue
		}
		if next, ok := r.bearer(i, j); ok {
			i = next
			continue
		}
		i = j
	}
	r.out.WriteString(s[r.copied:])
	return r.out.String()
}

// prefixed masks a key with a known prefix in s[i:j].
func (r *redactor) prefixed(i, j int) (int, bool) {
	w := r.src[i:j]
	for _, p := range r.prefixes {
		if !strings.HasPrefix(w, p.prefix) || len(w)-len(p.prefix) < p.min {
			continue
		}
		rest := w[len(p.prefix):]
		if p.digit && !strings.ContainsAny(rest, "0123456789") {
			continue
		}
		end := j
		kind, what := "key_shape", p.prefix+"… key"
		if p.provider != "" {
			kind, what = "key_prefix", p.prefix+"… key ("+p.provider+")"
		}
		if p.prefix == "eyJ" { // header.payload.signature; base64 JSON alone is not a token
			dots := 0
			for end < len(r.src) && (isTokenChar(r.src[end]) || r.src[end] == '.') {
				if r.src[end] == '.' {
					dots++
				}
				end++
			}
			if dots < 2 {
				continue
			}
			kind, what = "jwt", "JSON web token"
			r.replace(i, end, mask)
		} else {
			r.replace(i+len(p.prefix), end, mask)
		}
		r.note(i, kind, what)
		return end, true
	}
	return 0, false
}

// named masks the value after a credential header or secret field name in
// s[i:j]: `Authorization: Bearer x`, `"api_key": "x"`, `key=x`,
// `{"name": "X-Api-Key", "value": "x"}`.
func (r *redactor) named(i, j int) (int, bool) {
	s := r.src
	name := strings.ToLower(s[i:j])
	header, loose := false, false
	for _, h := range r.headers {
		if name == h {
			header = true
		}
	}
	for _, h := range r.loose {
		if name == h {
			loose = true
		}
	}
	field := !header && secretFieldName(name)
	if !header && !field {
		if name == "cookies" {
			return r.cookieArray(j)
		}
		return 0, false
	}
	k := j
	// closing quote of the name: ", ', \" or \\\"
	for n := 0; k < len(s) && n < 8 && (s[k] == '"' || s[k] == '\'' || s[k] == '\\'); n++ {
		k++
	}
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
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
		k++
		limit := min(len(s), k+200)
		for k < limit && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r' || s[k] == '"' || s[k] == '\\') {
			k++
		}
		if !strings.HasPrefix(s[k:], "value") {
			return 0, false
		}
		k += len("value")
		for k < len(s) && (s[k] == '"' || s[k] == '\\' || s[k] == ' ') {
			k++
		}
		if k >= len(s) || s[k] != ':' {
			return 0, false
		}
		k++
	default:
		return 0, false
	}
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
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
	display := s[i:j]
	switch {
	case header && !loose:
		kind := "credential_header"
		if strings.Contains(name, "cookie") {
			kind = "cookie"
		}
		// keep the scheme word: "Bearer [redacted]"
		if sp := strings.IndexByte(v, ' '); sp > 0 && sp < 12 && isSchemeWord(v[:sp]) {
			vs += sp + 1
			for vs < ve && s[vs] == ' ' {
				vs++
			}
			if vs >= ve || placeholder(s[vs:ve]) {
				return next, true
			}
		}
		r.replace(vs, ve, r.keepPrefix(s[vs:ve]))
		r.note(i, kind, display+" value")
	default:
		if !secretLike(v) && !(strings.Contains(name, "password") || strings.Contains(name, "secret")) {
			return 0, false
		}
		r.replace(vs, ve, r.keepPrefix(v))
		r.note(i, "secret_field", "value of "+display)
	}
	return next, true
}

// cookieArray masks the values in a HAR "cookies": [...] array after s[j].
func (r *redactor) cookieArray(j int) (int, bool) {
	s := r.src
	k := j
	for k < len(s) && (s[k] == '"' || s[k] == ' ' || s[k] == ':' || s[k] == '\\') {
		k++
	}
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
		at := strings.Index(span[off:], "\"value\"")
		if at < 0 {
			break
		}
		p := k + off + at + len("\"value\"")
		for p < end && (s[p] == ' ' || s[p] == ':') {
			p++
		}
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

// bearer masks the token after a bare "Bearer " in s[i:j].
func (r *redactor) bearer(i, j int) (int, bool) {
	s := r.src
	if !strings.EqualFold(s[i:j], "bearer") {
		return 0, false
	}
	k := j
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k == j {
		return 0, false
	}
	e := k
	for e < len(s) && isKeyChar(s[e]) {
		e++
	}
	if e-k < 8 || placeholder(s[k:e]) {
		return 0, false
	}
	r.replace(k, e, r.keepPrefix(s[k:e]))
	r.note(i, "bearer_token", "Bearer token")
	return e, true
}

// keepPrefix returns the mask for v, keeping a known key prefix.
func (r *redactor) keepPrefix(v string) string {
	for _, p := range r.prefixes {
		if p.prefix != "eyJ" && strings.HasPrefix(v, p.prefix) && len(v) > len(p.prefix) {
			return p.prefix + mask
		}
	}
	return mask
}

// repeats masks every other occurrence of a value masked before.
func (r *redactor) repeats(s string) string {
	for _, v := range r.values {
		if n := strings.Count(s, v); n > 0 {
			s = strings.ReplaceAll(s, v, mask)
			if r.record {
				if len(r.found) >= maxRedactions {
					r.extra++
				} else {
					r.found = append(r.found, Redaction{Kind: "repeat", Where: strconv.Itoa(n) + " more occurrence(s) of a masked value"})
				}
			}
		}
	}
	return s
}

// valueSpan finds the value starting at s[k]: a quoted string (", ', or an
// escaped \" at any depth) up to its closing quote, or an unquoted run. It
// returns the value's bounds and where scanning continues.
func valueSpan(s string, k int, short bool, max int) (vs, ve, next int) {
	q := k
	for q < len(s) && s[q] == '\\' && q-k < 8 {
		q++
	}
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
		e := strings.Index(s[vs:limit], open)
		if e < 0 {
			e = strings.IndexByte(s[vs:limit], '\n')
			if e < 0 {
				e = limit - vs
			}
		}
		return vs, vs + e, vs + e
	}
	vs = k
	e := k
	limit := min(len(s), k+max)
	for e < limit {
		c := s[e]
		if c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '\\' {
			break
		}
		if short && (c == ' ' || c == '\t' || c == '&' || c == ',' || c == ';' || c == ')' || c == '}' || c == ']' || c == '>') {
			break
		}
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
	if name == "key" || strings.HasSuffix(name, "_key") || strings.HasSuffix(name, "-key") || strings.HasSuffix(name, "apikey") {
		return true
	}
	for _, w := range []string{"token", "secret", "password", "passwd", "api_key", "api-key", "credential", "access_key", "private_key"} {
		if strings.Contains(name, w) {
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
	if v == "" {
		return true
	}
	switch v[0] {
	case '$', '<', '{', '*', '.', '[', '%':
		return true
	}
	l := strings.ToLower(v)
	return strings.HasPrefix(l, "your") || strings.Contains(v, mask)
}

func isSchemeWord(w string) bool {
	switch strings.ToLower(w) {
	case "bearer", "basic", "key", "token", "digest", "apikey":
		return true
	}
	return false
}

func isAlnum(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// isKeyChar reports characters that occur in keys and tokens (base64url,
// base64, JWT dots).
func isKeyChar(c byte) bool {
	return isTokenChar(c) || c == '.' || c == '~' || c == '+' || c == '/' || c == '='
}
