package classify

import "github.com/errdex/errdex/wasm/internal/textx"

// This file is the part of the redactor that masks credentials written as
// user:password pairs:
//
//   - the userinfo of a URL (`https://user:pass@host`, also with JSON's
//     `\/` escapes): the password, and a user part that looks like a key
//     (`https://KEY@host`);
//   - the value of curl's -u/--user and -U/--proxy-user flags
//     (`curl -u user:pass`, `-uuser:pass`, `--user=user:pass`, quoted or
//     not), when the flag is one of a curl command line.
//
// The scheme, a plain user name, the '@' and the host are kept, so the text
// stays readable: `https://user:[redacted]@api.example.com/`.

// userinfoStop are the bytes that end a URL's authority (and so its
// userinfo) before its host is reached.
const userinfoStop = "/\\?#\"'<>`[]{}| \t\r\n"

// userinfo masks the credentials of a URL whose scheme is s[i:j], followed
// by "://" (or an escaped `:\/\/`).
func (r *redactor) userinfo(i, j int) (int, bool) {
	s := r.src
	k := j + 1
	slashes := 0
	for k < len(s) && k < j+9 && (s[k] == '/' || s[k] == '\\') {
		if s[k] == '/' {
			slashes++
		}
		k++
	}
	if slashes < 2 || k >= len(s) {
		return 0, false
	}
	// the authority ends at the path, query, fragment or the end of the
	// string; its userinfo ends at the last '@' in it
	limit := min(len(s), k+512)
	at := textx.IndexByte(s[k:limit], '@') // most URLs have none: done at once
	if at < 0 {
		return 0, false
	}
	at = -1
	for e := k; e < limit && !inSet(s[e], userinfoStop); e++ {
		if s[e] == '@' {
			at = e
		}
	}
	if at <= k {
		return 0, false
	}
	end, key := r.prefixed(i, j) // a key standing before "://" is still one
	what := r.userPass(k, at, "a URL")
	if what == "" {
		return end, key
	}
	r.note(i, "url_userinfo", what)
	return at + 1, true
}

// userPass masks the credentials in the user:password pair s[vs:ve]: the
// password (what follows the first ':') and a user part that looks like a
// key. It returns what it masked, as a Redaction says it, or "".
func (r *redactor) userPass(vs, ve int, in string) string {
	s := r.src
	colon := textx.IndexByte(s[vs:ve], ':')
	user := s[vs:ve]
	if colon >= 0 {
		user = s[vs : vs+colon]
	}
	what := ""
	// a user name that looks like a key or token rather than a name: a
	// single-part userinfo or curl user is often an API key
	if !placeholder(user) && (secretLike(user) || len(user) >= 8 && r.l.keepPrefix(user) != mask) {
		r.replace(vs, vs+len(user), r.l.keepPrefix(user))
		what = "key"
	}
	if colon >= 0 {
		ps := vs + colon + 1
		// a password that is not a real secret: a shell variable or command
		// ("$PASS", "$(cat f)"), a "<password>" or "{password}" template,
		// stars, an already masked value
		if pw := s[ps:ve]; pw != "" && !(inSet(pw[0], "$<{") || textx.Index(pw, mask) >= 0 || textx.TrimRight(pw, "*") == "") {
			r.replace(ps, ve, r.l.keepPrefix(pw))
			if what != "" {
				what += " and "
			}
			what += "password"
		}
	}
	if what == "" {
		return ""
	}
	return what + " in " + in
}

// curlUser masks the value of curl's -u/--user or -U/--proxy-user flag
// when the token s[i:j] is one of them, on a curl command line.
func (r *redactor) curlUser(i, j int) (int, bool) {
	s := r.src
	tok := s[i:j]
	if len(tok) < 2 {
		return 0, false
	}
	var flag string
	k := j // where the value starts
	switch {
	case tok == "--user" || tok == "--proxy-user":
		flag = tok
		if k < len(s) && s[k] == '=' {
			k++
		} else if k = skip(s, k, len(s), " \t"); k == j {
			return 0, false
		}
	case tok[1] == 'u' || tok[1] == 'U':
		flag = tok[:2]
		if len(tok) > 2 {
			k = i + 2 // -uuser:pass
		} else {
			k = skip(s, k, len(s), " \t")
		}
	default:
		return 0, false
	}
	if k >= len(s) || !r.curlLine(i) {
		return 0, false
	}
	// the value: quoted ('x', "x", \"x\") or up to a blank or a quote
	vs, end, quote := k, " \t\r\n\"'`\\", byte(0)
	if q := skip(s, k, min(len(s), k+4), `\`); q < len(s) && (s[q] == '\'' || s[q] == '"') {
		vs, end, quote = q+1, s[q:q+1]+"\n", s[q]
	}
	ve := vs
	for ve < len(s) && ve < vs+1024 && !inSet(s[ve], end) {
		ve++
	}
	next := ve
	for ve > vs && s[ve-1] == '\\' { // the escape of \"
		ve--
	}
	// no value, an unclosed quote or a blank in the user name: not a
	// user:password, read on as usual
	user := s[vs:ve]
	if c := textx.IndexByte(user, ':'); c >= 0 {
		user = user[:c]
	}
	if ve <= vs || quote != 0 && (next == len(s) || s[next] != quote) || textx.IndexAny(user, " \t") >= 0 {
		return 0, false
	}
	what := r.userPass(vs, ve, "curl "+flag)
	if what == "" {
		if s[ve-1] == ':' && textx.IndexAny(s[vs:ve], " \t") < 0 {
			return next, true // "user:": no password, and no header name either
		}
		return 0, false // a plain user name; read on as usual
	}
	r.note(i, "curl_user", what)
	return next, true
}

// curlLine reports whether s[i] is on a curl command line: after "curl" on
// its line, or on a continuation line (ending in \, ^ or `) of one. What
// was read of the line is kept, so a line is read once.
func (r *redactor) curlLine(i int) bool {
	s := r.src
	to, yes := int(r.curl), r.curl < 0
	if yes {
		to = -to
	}
	if to > 0 && i >= to && textx.IndexByte(s[to:i], '\n') < 0 {
		// the line is read up to to: read on to i
		yes = yes || hasCurl(s[to-min(to, 4):i])
	} else {
		ls := lineStart(s, i)
		yes = hasCurl(s[ls:i])
		// continuation lines: the lines before, while each ends in \, ^ or `
		for n := 0; !yes && n < 64 && ls > 0 && i-ls < 1<<14; n++ {
			ps := lineStart(s, ls-1)
			prev := textx.TrimRight(s[ps:ls-1], " \t\r")
			if prev == "" || !inSet(prev[len(prev)-1], "\\^`") {
				break
			}
			yes = hasCurl(prev)
			ls = ps
		}
	}
	r.curl = 0
	if int(int32(i)) == i { // kept while it fits
		r.curl = int32(i)
		if yes {
			r.curl = -r.curl
		}
	}
	return yes
}

// hasCurl reports whether line has the word "curl" in it (also as
// /usr/bin/curl or curl.exe).
func hasCurl(line string) bool {
	for off := 0; ; {
		at := textx.Index(line[off:], "curl")
		if at < 0 {
			return false
		}
		at += off
		end := at + 4
		if (at == 0 || byteClass[line[at-1]]&classToken == 0) && (end == len(line) || byteClass[line[end]]&classToken == 0) {
			return true
		}
		off = end
	}
}

// lineStart returns the index of the first byte of the line s[i] is on.
func lineStart(s string, i int) int {
	for i > 0 && s[i-1] != '\n' {
		i--
	}
	return i
}
