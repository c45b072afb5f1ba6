package classify

import (
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is unwrap's reader of SDK exceptions written in words: "Error
// code: 429 - {...}", "[401] code: message".

// sdkException finds an exception in text: "pkg.SomeError: message",
// "Error: 429 ..." or a Python repr "RateLimitError('...')". It returns
// the status the exception states (0 when none) and its message: what
// follows "Name: " or the quoted argument.
func sdkException(text string) (int, string, bool) {
	for lr := (lineReader{rest: text}); ; {
		line, ok := lr.next()
		if !ok {
			break
		}
		line = textx.TrimSpace(line)
		for i := 0; i < len(line); i++ {
			c := line[i]
			if c != '(' && (c != ':' || i+1 < len(line) && line[i+1] != ' ') {
				continue
			}
			start := i
			for start > 0 && byteClass[line[start-1]]&className != 0 {
				start--
			}
			name := line[start:i] // "pkg.SomeError"
			if len(name) < 5 || len(name) > 120 || start > 0 && !inSet(line[start-1], " \t[(") {
				continue
			}
			last := name // its last part
			for k := 0; k < len(name); k++ {
				if name[k] == '.' {
					last = name[k+1:]
				}
			}
			if !textx.HasSuffix(last, "Error") && !textx.HasSuffix(last, "Exception") {
				continue
			}
			rest := textx.TrimSpace(line[min(i+1, len(line)):])
			if c == '(' { // a repr: the quoted message
				rest = trimRight1(rest, ')')
				if len(rest) > 1 && inSet(rest[0], "'\"") && rest[len(rest)-1] == rest[0] {
					rest = rest[1 : len(rest)-1]
				}
			}
			if st, ok := statusAt(rest, 0); ok && standsAlone(rest, 3) { // "Error: 429 {...}"
				return st, rest, true
			}
			if st, _, _, ok := bracketStatus(rest); ok {
				return st, rest, true
			}
			st, _ := statusNear(rest[:min(len(rest), 40)])
			return st, rest, true
		}
	}
	return 0, "", false
}

// bracketStatus reads "[401] invalid_api_key: Key revoked", the format of
// SDKs that print "[<status>] <code>: <message>".
func bracketStatus(line string) (int, string, string, bool) {
	line = textx.TrimSpace(line)
	if i := textx.Index(line, ": ["); i >= 0 { // after an exception name
		line = line[i+2:]
	}
	if len(line) < 7 || line[0] != '[' || line[4] != ']' || line[5] != ' ' {
		return 0, "", "", false
	}
	st, ok := statusAt(line, 1)
	if !ok {
		return 0, "", "", false
	}
	rest := line[6:]
	colon := textx.Index(rest, ": ")
	if colon <= 0 || !isCodeToken(rest[:colon]) {
		return st, "", textx.TrimSpace(rest), true
	}
	return st, rest[:colon], textx.TrimSpace(rest[colon+2:]), true
}

func isCodeToken(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if byteClass[s[i]]&classToken == 0 && s[i] != '.' {
			return false
		}
	}
	return true
}

// ---- hosts ----
