package classify

import "github.com/errdex/errdex/wasm/internal/textx"

// This file reads an HTTP status stated in words, by general rules rather
// than one rule per message. A number is a status when:
//
//   - a status word or property comes before it: "HTTP/1.1 429", "HTTP 429",
//     "status 429", "status: 429", "status_code=429", "statusCode: 429",
//     "r.status_code" with "429" on the next line, "Error code: 429",
//     "returned 429";
//   - the reason phrase of that status follows it, perhaps after a colon or
//     inside quotes or parentheses: "429 Too Many Requests", "'404 Not
//     Found'", "402 (Payment Required)", and the class phrases "422 Client
//     Error" and "503 Server Error" (the class must match);
//   - it stands in brackets: "[429]" (4xx and 5xx only);
//   - a weaker context comes before it and it stands alone (4xx and 5xx
//     only, a space or "(" before it, and after it the end of the line, a
//     colon, a body or "from <url>"): "-> 429 {", "API 422: {",
//     "API Error (529 {", "got 503:"; or "from http" follows it, as in
//     "503 from https://...".
//
// So a port (":503"), a duration ("503 ms"), a count ("404 items") or a
// year ("2024") is not read as a status.

// statusClues are what states a status in text, in lower case, between
// bars (one string is smaller in the browser binary than a table): "w"
// and a status word before the number, "b[" for "[429]", "k" and a weaker
// context before it, or a phrase after it, led by the status it names,
// its class (4, 5) or 0 for any error status.
const statusClues = "" +
	"|whttp/1.0 |whttp/1.1 |whttp/2 |whttp/3 |whttp |wstatus|werror code" +
	"|wreturned|b[|k->|k=>|k→|kerror|k api|k got|k failed with" +
	"|k responded with|0from http|4client error|5server error" +
	"|400bad request|401unauthorized|402payment required|403forbidden" +
	"|404not found|405method not allowed|406not acceptable" +
	"|408request timeout|409conflict|410gone|412precondition failed" +
	"|413payload too large|413request entity too large" +
	"|413content too large|415unsupported media type" +
	"|422unprocessable entity|422unprocessable content" +
	"|424failed dependency|429too many requests|500internal server error" +
	"|501not implemented|502bad gateway|503service unavailable" +
	"|503service temporarily unavailable|503slow down|504gateway timeout" +
	"|504gateway time-out|507insufficient storage|529overloaded|"

// statusNear finds an HTTP status stated in text (see the rules above).
// The last one wins: it is nearest to what follows.
func statusNear(text string) (int, bool) {
	low := textx.Lower(text)
	best, bestAt := 0, -1
	for rest := statusClues; len(rest) > 1; {
		e := rest[1:] // the entry: kind and text, up to the next bar
		e = e[:textx.IndexByte(e, '|')]
		rest = rest[len(e)+1:]
		kind, status := e[0], 0
		for e[0] <= '9' {
			status, kind = status*10+int(e[0]-'0'), 'r'
			e = e[1:]
		}
		if kind != 'r' {
			e = e[1:]
		}
		for off := 0; ; {
			i := textx.Index(low[off:], e)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(e)
			st, pos := 0, at
			switch kind {
			case 'r':
				k := at // back over the quotes, parentheses and colon before the phrase
				for n := 0; n < 3 && k > 0 && inSet(low[k-1], " ('\":-"); n++ {
					k--
				}
				if k < at && (status < 10 || off == len(low) || byteClass[low[off]]&classAlnum == 0) {
					if v, ok := statusAt(low, k-3); ok && (v == status || v/100 == status || status == 0 && v >= 400) {
						st, pos = v, k-3
					}
				}
			case 'b': // "[429]"
				if at+4 < len(low) && low[at+4] == ']' {
					if st, _ = statusAt(low, at+1); st < 400 {
						st = 0
					}
				}
			case 'w': // "status: 429", "error code 429", "status_code=429", "status_code\n429"
				k := off
				for k < len(low) && k < off+12 && (inSet(low[k], " :=\"'_-#()[\n\r\t") || textx.HasPrefix(low[k:], "code")) {
					if textx.HasPrefix(low[k:], "code") {
						k += 4
						continue
					}
					k++
				}
				st, _ = statusAt(low, k)
			case 'k':
				k := off
				for n := 0; n < 3 && k < len(low) && inSet(low[k], " :(["); n++ {
					k++
				}
				if k > off && inSet(low[k-1], " ([") {
					if v, ok := statusAt(low, k); ok && v >= 400 && standsAlone(low, k+3) {
						st = v
					}
				}
			}
			if st != 0 && pos >= bestAt {
				best, bestAt = st, pos
			}
		}
	}
	return best, best != 0
}

// standsAlone reports whether a number ending at low[k] ends its phrase:
// the end of the text or line, punctuation, or a space before a body, a
// parenthesis or a dash.
func standsAlone(low string, k int) bool {
	return k >= len(low) || inSet(low[k], "\n\r:,.;)]{") || low[k] == ' ' && (k+1 == len(low) || inSet(low[k+1], "{[(-"))
}
