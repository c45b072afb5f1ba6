package classify

import (
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is unwrap's reader of plain text (an SDK exception, a traceback,
// a log, a labelled or bare JSON body): the best error document in it.

func (a *artefact) plain(s string, b *budget) {
	a.form = formText
	f, ok := bestDoc(s, b)
	if ok && f.score == 0 && f.start > 0 {
		// A non-error JSON value inside other text is not the subject.
		ok = textx.TrimSpace(s[:f.start]) == "" || textx.Count(s[:f.start], "\n") == 0
	}
	if ok {
		before := s[:f.start]
		label := textx.TrimSpace(before)
		after := textx.TrimSpace(s[f.end:])
		// the exception right before the document ("Name: ...", "Name(");
		// Node's util.inspect puts it above the stack
		head := s[:f.start+1]
		if i := textx.Index(head, "\n    at "); i >= 0 {
			head = head[:i]
		}
		head = lastLines(head, 2)
		st, msg, sdk := sdkException(head)
		a.exception, a.excMsg = sdk, msg
		if v, ok := statusAt(msg, 0); ok && v == st && len(msg) > 4 { // "400 Invalid value"
			a.excMsg = textx.TrimSpace(msg[3:])
		}
		near, _ := statusNear(lastLines(before, 2))
		a.addDoc(f, "body", b)
		switch {
		case sdk:
			a.form = formSDK
			if a.status == 0 {
				a.status = st
			}
		case label == "" && after == "":
			a.form = formJSON
		case after == "" && near == 0 && isLabel(label): // a stray label or prompt before it
			a.form = formJSON
			push(&a.notes, "The text before the JSON (\""+textx.CutUTF8(label, 60)+"\") was ignored.")
		default:
			a.form = formLog
		}
		if a.status == 0 {
			a.status = near
		}
		n := textx.Count(textx.TrimRight(s, "\n"), "\n") + 1
		if a.status == 0 && n <= 12 {
			// A short paste tells one story (a REPL session, a console):
			// a status anywhere around the body is the body's.
			a.status, _ = statusNear(before[max(0, len(before)-1<<15):] + "\n" + textx.CutUTF8(s[f.end:], 1<<15))
		}
		if a.form == formLog && n > 3 {
			push(&a.notes, "Read the JSON on line "+decimal.Itoa(textx.Count(before, "\n")+1)+" of "+decimal.Itoa(n)+".")
		}
		return
	}
	// No JSON: an SDK exception or text.
	excMsg := "" // the message of the last exception
	for lr := (lineReader{rest: s}); ; {
		line, ok := lr.next()
		if !ok {
			break
		}
		if st, msg, ok := sdkException(line); ok {
			a.form = formSDK
			if st > 0 {
				a.status = st
			}
			if msg != "" {
				excMsg = msg
			}
		}
		if st, code, msg, ok := bracketStatus(line); ok {
			a.form = formSDK
			a.status, a.looseCode, a.looseMsg = st, code, msg
		} else if code, msg, ok := awsClientError(line); ok {
			a.form, a.looseCode, a.looseMsg = formSDK, code, msg
		} else if i := textx.Index(line, "Error: "); i >= 0 {
			// "<label> Error: <code> - <message>", e.g. a client's log of a
			// mid-stream error
			rest := line[i+len("Error: "):]
			if d := textx.Index(rest, " - "); d > 0 && isCodeToken(rest[:d]) && textx.IndexByte(rest[:d], '_') >= 0 {
				a.looseCode, a.looseMsg = rest[:d], textx.TrimSpace(rest[d+3:])
			}
		}
	}
	if n := xmlError(s); n != nil {
		a.addDoc(found{n: n}, "body", b)
	} else if looksLikeHTML(s) {
		a.htmlPage(s)
		return
	}
	if a.status == 0 {
		a.status, _ = statusNear(s[:min(len(s), 1<<16)])
	}
	if a.looseMsg == "" {
		a.looseMsg = firstLine(excMsg)
	}
	if a.looseMsg == "" {
		a.looseMsg = firstLine(textx.TrimSpace(s))
	}
}

// isLabel reports a short label or prompt before a JSON body ("Response:",
// ">>> r.json()"), as opposed to a log line, which starts with a time or a
// level.
func isLabel(s string) bool {
	if s == "" || len(s) > 60 || textx.Index(s, "\n") >= 0 {
		return false
	}
	if s[0] >= '0' && s[0] <= '9' || s[0] == '[' {
		return false
	}
	// s in upper case as far as these words go: of the letters outside
	// a-z, strings.ToUpper turns only ı and ſ into ASCII, and S is in none
	u := append([]byte(nil), textx.ReplaceAll(s, "ı", "i")...)
	for i, c := range u {
		if c >= 'a' && c <= 'z' {
			u[i] = c - ('a' - 'A')
		}
	}
	for _, w := range []string{"ERROR", "WARN", "INFO", "DEBUG", "LEVEL="} {
		if textx.Index(string(u), w) >= 0 {
			return false
		}
	}
	return true
}

// found is a JSON document found in text.
type found struct {
	n          *node
	start, end int
	truncated  bool
	score      int
	level      int // levels of string escaping removed
}

// bestDoc returns the most error-like JSON document in s: the highest
// docScore, the later one on a tie (logs end with the failure). A document
// starts at "{", at "[" before "{", or at "(" before "name=" (Python
// keyword arguments).
func bestDoc(s string, b *budget) (found, bool) { return bestDocAt(s, b, true) }

// bestDocAt is bestDoc; deep scores documents by what is escaped inside
// them too.
func bestDocAt(s string, b *budget, deep bool) (found, bool) {
	var best found
	have := false
	for i := 0; i < len(s); {
		for i < len(s) && s[i] != '{' && s[i] != '[' && s[i] != '(' {
			i++
		}
		if i == len(s) {
			break
		}
		if b.left <= 0 {
			break
		}
		if s[i] == '(' && !keywordAt(s, i+1) {
			i++
			continue
		}
		if s[i] == '[' { // only an array of objects
			k := i + 1
			for k < len(s) && k < i+64 && inSet(s[k], " \n\r\t") {
				k++
			}
			if k >= len(s) || k >= i+64 || s[k] != '{' {
				i++
				continue
			}
		}
		p, ok := readValue(s, i, b)
		if ok && (p.n.kind == kindObject || p.n.kind == kindArray) && p.end > i+1 {
			f := found{n: p.n, start: i, end: p.end, truncated: p.truncated, score: docScore(p.n, b, deep)}
			if !have || f.score >= best.score {
				best, have = f, true
			}
			i = p.end
			continue
		}
		if lvl := escapeLevel(s, i); lvl > 0 {
			// The escaped document ends where the string holding it does;
			// the whole region is skipped afterwards, parsed or not, so no
			// byte is unescaped twice.
			end := escapedEnd(s, i, lvl)
			if !b.spend((end - i) * (lvl + 1)) {
				break
			}
			text := s[i:end]
			for k := 0; k < lvl; k++ {
				text = unescapeLevel(text)
			}
			if p, ok := readValue(text, 0, b); ok && p.n.kind == kindObject {
				f := found{n: p.n, start: i, end: end, truncated: p.truncated && end == len(s), score: docScore(p.n, b, deep), level: lvl}
				if !have || f.score >= best.score {
					best, have = f, true
				}
			}
			i = end
			continue
		}
		i++
	}
	return best, have
}

// keywordAt reports "name=" (not "name==") at s[i:], after spaces.
func keywordAt(s string, i int) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) && byteClass[s[j]]&className != 0 {
		j++
	}
	return j > i && byteClass[s[i]]&classIdent != 0 && j+1 < len(s) && s[j] == '=' && s[j+1] != '='
}

// escapeLevel reports how many levels of string escaping precede the first
// key of an object at s[i]: `{\"` is 1, `{\\\"` is 2, `{\\\\\\\"` is 3.
func escapeLevel(s string, i int) int {
	k := i + 1
	for k < len(s) && s[k] == ' ' {
		k++
	}
	n := 0
	for k < len(s) && s[k] == '\\' && n < 8 {
		n++
		k++
	}
	if n == 0 || k >= len(s) || s[k] != '"' {
		return 0
	}
	switch n {
	case 1:
		return 1
	case 3:
		return 2
	case 7:
		return 3
	}
	return 0
}

// escapedEnd returns the end of a document escaped lvl levels deep that
// starts at s[i]: the quote that closes the string holding it (a quote after
// exactly 0, 1 or 3 backslashes for levels 1, 2, 3), or the end of the line.
func escapedEnd(s string, i, lvl int) int {
	want := 1<<(lvl-1) - 1
	for k := i + 1; k < len(s); k++ {
		switch s[k] {
		case '\n':
			return k
		case '"':
			n := 0
			for j := k - 1; j > i && s[j] == '\\' && n <= want; j-- {
				n++
			}
			if n == want {
				return k
			}
		}
	}
	return len(s)
}

// errorScore says how much a document looks like an error body.
func errorScore(n *node) int {
	if n.kind == kindArray {
		best := 0
		for i, v := range n.vals {
			if i >= 8 {
				break
			}
			best = max(best, errorScore(v))
		}
		return best
	}
	if n.kind != kindObject {
		return 0
	}
	s := 0
	if e := n.get("error"); e != nil {
		switch e.kind {
		case kindObject:
			s += 4
		case kindString:
			if e.text != "" {
				s += 2
			}
		}
	}
	if n.get("error_code") != nil || n.get("errorCode") != nil {
		s += 3
	}
	if e := n.get("errors"); e != nil && e.kind == kindArray && len(e.vals) > 0 {
		s += 2
	}
	if t, _ := n.get("type").str(); t == "error" {
		s += 3
	}
	if n.get("code") != nil {
		s++
	}
	if n.get("message") != nil || n.get("detail") != nil {
		s++
	}
	if st, ok := n.get("status").num(); ok && st >= 400 {
		s++
	}
	if n.get("title") != nil && n.get("status") != nil {
		s++
	}
	if isFailedEvent(n) {
		s += 4
	}
	return s
}

// ---- SDK exceptions and statuses in text ----
