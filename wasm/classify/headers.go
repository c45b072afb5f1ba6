package classify

import (
	"strings"
)

// This file holds HTTP headers as pasted: a status line and "Name: value"
// lines in any case, from curl -i, curl -v (after "< " or "> "), a HAR
// entry or a curl command's -H flags.

type header struct {
	name  string
	value string
}

type headerList []header

// get returns the value of the first header called name, in any case.
func (h headerList) get(name string) (string, bool) {
	for _, x := range h {
		if strings.EqualFold(x.name, name) {
			return x.value, true
		}
	}
	return "", false
}

// has reports whether a header called name is present.
func (h headerList) has(name string) bool {
	_, ok := h.get(name)
	return ok
}

// parseHeaderLine reads "Name: value". The name is a token: letters,
// digits and "-_". It does not accept a line with a space before the colon.
func parseHeaderLine(line string) (header, bool) {
	colon := strings.IndexByte(line, ':')
	if colon <= 0 || colon > 100 {
		return header{}, false
	}
	name := line[:colon]
	for i := 0; i < len(name); i++ {
		if !isTokenChar(name[i]) {
			return header{}, false
		}
	}
	return header{name: name, value: strings.TrimSpace(line[colon+1:])}, true
}

func isTokenChar(c byte) bool {
	return c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// statusLine reads "HTTP/1.1 429 Too Many Requests" or "HTTP/2 429". It
// returns the status and the reason phrase.
func statusLine(line string) (int, string, bool) {
	if !strings.HasPrefix(line, "HTTP/") {
		return 0, "", false
	}
	rest := line[len("HTTP/"):]
	sp := strings.IndexByte(rest, ' ')
	if sp <= 0 || sp > 4 {
		return 0, "", false
	}
	for i := 0; i < sp; i++ {
		if c := rest[i]; c != '.' && (c < '0' || c > '9') {
			return 0, "", false
		}
	}
	rest = rest[sp+1:]
	st, ok := statusAt(rest, 0)
	if !ok {
		return 0, "", false
	}
	return st, strings.TrimSpace(rest[3:]), true
}

// statusAt reads a three-digit HTTP status at s[i:], not followed by another
// digit.
func statusAt(s string, i int) (int, bool) {
	if i+3 > len(s) {
		return 0, false
	}
	for j := i; j < i+3; j++ {
		if s[j] < '0' || s[j] > '9' {
			return 0, false
		}
	}
	if i+3 < len(s) && s[i+3] >= '0' && s[i+3] <= '9' {
		return 0, false
	}
	if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		return 0, false
	}
	st := int(s[i]-'0')*100 + int(s[i+1]-'0')*10 + int(s[i+2]-'0')
	if st < 100 || st > 599 {
		return 0, false
	}
	return st, true
}

// curlHeaderFlags reads the headers a curl command line sends with -H or
// --header, e.g. `curl https://api.example -H 'auth: KEY'`.
func curlHeaderFlags(line string) headerList {
	var out headerList
	for i := 0; i < len(line); i++ {
		var rest string
		switch {
		case strings.HasPrefix(line[i:], "-H "):
			rest = line[i+3:]
		case strings.HasPrefix(line[i:], "--header "):
			rest = line[i+9:]
		default:
			continue
		}
		if i > 0 && line[i-1] != ' ' && line[i-1] != '\t' {
			continue
		}
		rest = strings.TrimLeft(rest, " ")
		if rest == "" {
			break
		}
		q := rest[0]
		var val string
		if q == '\'' || q == '"' {
			end := strings.IndexByte(rest[1:], q)
			if end < 0 {
				val = rest[1:]
			} else {
				val = rest[1 : end+1]
			}
		} else {
			end := strings.IndexByte(rest, ' ')
			if end < 0 {
				end = len(rest)
			}
			val = rest[:end]
		}
		if h, ok := parseHeaderLine(val); ok {
			out = append(out, h)
		}
	}
	return out
}

// reasonPhrases are the standard HTTP reason phrases of the error statuses
// that text often quotes ("429 Too Many Requests").
var reasonPhrases = []struct {
	status int
	phrase string
}{
	{400, "bad request"}, {401, "unauthorized"}, {402, "payment required"},
	{403, "forbidden"}, {404, "not found"}, {405, "method not allowed"},
	{408, "request timeout"}, {409, "conflict"}, {410, "gone"},
	{413, "payload too large"}, {413, "request entity too large"},
	{422, "unprocessable entity"}, {422, "unprocessable content"},
	{429, "too many requests"}, {500, "internal server error"},
	{501, "not implemented"}, {502, "bad gateway"},
	{503, "service unavailable"}, {503, "service temporarily unavailable"},
	{504, "gateway timeout"}, {504, "gateway time-out"},
}
