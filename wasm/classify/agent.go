package classify

import "github.com/errdex/errdex/wasm/internal/textx"

// This file reads the error messages of coding agents and IDEs, the form
// "agent": the phrase each prints before an API error, at the start of a
// line (after any indent or glyph such as "⎿" or "✕"). What follows it is
// read as usual (a status, a body); the phrase names the agent. An agent
// that calls one API by default counts for the provider that goes by that
// name (detect.names: Claude Code calls Anthropic's API, Gemini CLI the
// Gemini API unless set up for Vertex AI), and one that calls an API
// outside the catalog counts against every catalog provider. Their wording, as their issue trackers show it:
//
//	Cline        "API Streaming Failed" / "API Request Failed", then "429 Rate
//	             limit exceeded: ..." or "[CLINE] <code>..." and JSON
//	Claude Code  "API Error: 529 {...}", "API Error (429 {...}) · Retrying in
//	             5 seconds… (attempt 2/10)"
//	Gemini CLI   "[API Error: {...}]", "✕ [API Error: got status: 429 Too Many
//	             Requests. {...}]"
//	Cursor       "ConnectError: [resource_exhausted] Error"

// agents are the phrases, in the order they are tried, with the note each
// gives, the evidence against the catalog's providers for an agent that
// calls an API outside the catalog, and the name of the API an agent calls
// by default.
var agents = []struct{ mark, note, outside, calls string }{
	{"API Streaming Failed", "Worded as Cline reports API errors (\"API Streaming Failed\").", "", ""},
	{"API Request Failed", "Worded as Cline reports API errors (\"API Request Failed\").", "", ""},
	{"[CLINE]", "Worded as Cline reports API errors (\"[CLINE]\").", "", ""},
	{"[API Error:", "Worded as Gemini CLI reports API errors (\"[API Error: ...]\").", "", "Gemini API"},
	{"API Error:", "Worded as Claude Code reports API errors (\"API Error: ...\").", "", "Anthropic"},
	{"API Error (", "Worded as Claude Code reports API errors (\"API Error (...) · Retrying\").", "", "Anthropic"},
	{"ConnectError: [", "Worded as Cursor reports errors of its backend (\"ConnectError: [code] ...\").", "Cursor calls its own backend, outside the catalog", ""},
}

// agent recognises an agent's phrase at the start of a line of s.
func (a *artefact) agent(s string, b *budget) {
	for lr := (lineReader{rest: s[:min(len(s), 1<<16)]}); ; {
		line, ok := lr.next()
		if !ok {
			return
		}
		k := 0
		for k < len(line) && (line[k] <= ' ' || line[k] >= 0x80) {
			k++
		}
		for _, g := range agents {
			if !textx.HasPrefix(line[k:], g.mark) {
				continue
			}
			a.form, a.outside, a.calls = formAgent, g.outside, g.calls
			push(&a.notes, g.note)
			rest := textx.TrimSpace(line[k+len(g.mark):])
			for rest == "" || rest[0] == '$' { // the error is on a later line (Cline shows the cost first)
				next, ok := lr.next()
				if !ok {
					break
				}
				rest = textx.TrimSpace(next)
			}
			if st, ok := statusAt(rest, 0); ok && len(rest) > 4 && rest[3] == ' ' { // "429 Rate limit exceeded"
				if a.status == 0 {
					a.status = st
				}
				if len(a.layers) == 0 {
					a.looseMsg = rest[4:]
				}
			}
			// a Connect error, "[code] message": the Connect protocol's
			// JSON error {"code": ..., "message": ...}
			if e := textx.IndexByte(rest, ']'); e > 0 && len(a.layers) == 0 && isCodeToken(rest[:e]) {
				a.addDoc(found{n: textObject(connectKeys, []string{rest[:e], textx.TrimSpace(rest[e+1:])})}, "the Connect error", b)
			}
			if i := textx.Index(s, "Retrying in "); i >= 0 {
				push(&a.notes, "The agent was already retrying on its own (\""+firstLine(s[i:])+"\"); that is its schedule, not a wait the API asked for.")
			}
			return
		}
	}
}

// connectKeys are the members of a Connect protocol error.
var connectKeys = []string{"code", "message"}
