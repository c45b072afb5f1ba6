package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is unwrap's reader of an SSE stream: the error event, mid-stream
// or not, and the output before it.

type sseEvent struct {
	name string
	data []string // its data lines
}

func looksLikeSSE(s string) bool {
	lr := lineReader{rest: s}
	for n := 0; n < 201; n++ {
		line, ok := lr.next()
		if !ok {
			break
		}
		if textx.HasPrefix(line, "data:") || textx.HasPrefix(line, "event:") {
			return true
		}
	}
	return false
}

// sse reads s as an SSE stream. The diagnosis is about the first error
// event; the events before it mean output may already have been produced.
func (a *artefact) sse(s string, b *budget) bool {
	if !looksLikeSSE(s) {
		return false
	}
	var events []sseEvent
	var cur sseEvent
	flush := func() {
		if cur.name != "" || len(cur.data) > 0 {
			events = append(events, cur)
		}
		cur = sseEvent{}
	}
	for lr := (lineReader{rest: s}); ; {
		line, ok := lr.next()
		if !ok {
			break
		}
		switch {
		case textx.TrimSpace(line) == "":
			flush()
		case textx.HasPrefix(line, "data:"):
			d := line[len("data:"):]
			if d != "" && d[0] == ' ' {
				d = d[1:]
			}
			push(&cur.data, d)
		case textx.HasPrefix(line, "event:"):
			if len(cur.data) > 0 { // no blank line between events
				flush()
			}
			cur.name = textx.TrimSpace(line[len("event:"):])
		case textx.HasPrefix(line, ":"), textx.HasPrefix(line, "id:"), textx.HasPrefix(line, "retry:"):
		case len(cur.data) > 0: // a continuation of a pretty-printed data line
			push(&cur.data, line)
		}
	}
	flush()
	if len(events) == 0 {
		return false
	}
	output := false
	for i, ev := range events {
		d := textx.TrimSpace(textx.Join(ev.data, "\n"))
		if d == "[DONE]" {
			continue
		}
		f, ok := bestDoc(d, b)
		if ev.name != "error" && !(ok && (f.score >= 3 || isFailedEvent(f.n) || hasStreamCode(f.n, b.stream, "", 0))) {
			output = output || ok && hasOutput(f.n, 0)
			continue
		}
		at := "SSE event " + decimal.Itoa(i+1)
		if ok {
			a.addDoc(f, at, b)
		} else {
			a.looseMsg = firstLine(d)
		}
		if a.status == 0 || a.status >= 200 && a.status < 300 {
			a.midStream = true
		}
		a.partial = output
		w := "The error came in " + at + " of " + decimal.Itoa(len(events))
		if ev.name != "" {
			w += " (event: " + ev.name + ")"
		}
		push(&a.notes, w+".")
		return true
	}
	a.streamDone = true
	return true
}

// isFailedEvent reports stream events that end a response with a failure:
// a choice with finish_reason "error", or a "response.failed" event.
func isFailedEvent(n *node) bool {
	if t := n.strAt("type"); t == "response.failed" || t == "error" {
		return true
	}
	for _, c := range n.get("choices").items() {
		if c.strAt("finish_reason") == "error" {
			return true
		}
	}
	return false
}

// streamCodes returns the codes of cat that can arrive inside a 200
// stream (status "stream"): an event carrying one is an error event.
func streamCodes(cat *catalog.Catalog) (codes []string) {
	for i := range cat.Providers {
		for _, c := range cat.Providers[i].Codes {
			if c.Stream || c.Signal == catalog.SignalStream {
				push(&codes, c.Code)
			}
		}
	}
	return codes
}

// hasStreamCode reports whether a string value of n, not one of generated
// output (outputKeys), is one of the stream codes, exactly: Gemini's
// finishReason "SAFETY", Cohere's finish_reason "ERROR", Mistral's type
// "conversation.response.error", Bedrock's __type. key is n's key.
func hasStreamCode(n *node, codes []string, key string, depth int) bool {
	if depth > 5 || n == nil {
		return false
	}
	if n.kind == kindString {
		return !contains(outputKeys, key) && contains(codes, n.text)
	}
	for i, v := range n.vals[:min(len(n.vals), 32)] {
		k := ""
		if n.kind == kindObject {
			k = n.keys[i]
		}
		if hasStreamCode(v, codes, k, depth+1) {
			return true
		}
	}
	return false
}

// outputKeys are the fields of stream events that carry generated content.
var outputKeys = []string{"content", "text", "partial_json", "delta"}

// hasOutput reports whether a stream event carries generated content.
func hasOutput(n *node, depth int) bool {
	if depth > 6 || n == nil {
		return false
	}
	for i, v := range n.vals { // an object's values or an array's elements
		if n.kind == kindObject && v.kind == kindString && v.text != "" && contains(outputKeys, n.keys[i]) {
			return true
		}
		if hasOutput(v, depth+1) {
			return true
		}
	}
	return false
}

// ---- HTML ----
