package classify

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

// clue kinds
const (
	clueWord    = iota // a status word before the number
	clueReason         // a phrase after the number; status is the status, its class (4, 5), or 0 for any error status
	clueWeak           // a weaker context before the number
	clueBracket        // "[429]"
)

// statusClues are what states a status in text, in lower case.
var statusClues = []struct {
	text   string
	kind   uint8
	status int16
}{
	{"http/1.0 ", clueWord, 0}, {"http/1.1 ", clueWord, 0}, {"http/2 ", clueWord, 0}, {"http/3 ", clueWord, 0},
	{"http ", clueWord, 0}, {"status", clueWord, 0}, {"error code", clueWord, 0}, {"returned", clueWord, 0},
	{"[", clueBracket, 0},
	{"->", clueWeak, 0}, {"=>", clueWeak, 0}, {"→", clueWeak, 0}, {"error", clueWeak, 0},
	{" api", clueWeak, 0}, {" got", clueWeak, 0}, {" failed with", clueWeak, 0}, {" responded with", clueWeak, 0},
	{"from http", clueReason, 0},
	{"client error", clueReason, 4}, {"server error", clueReason, 5},
	{"bad request", clueReason, 400}, {"unauthorized", clueReason, 401}, {"payment required", clueReason, 402},
	{"forbidden", clueReason, 403}, {"not found", clueReason, 404}, {"method not allowed", clueReason, 405},
	{"not acceptable", clueReason, 406}, {"request timeout", clueReason, 408}, {"conflict", clueReason, 409},
	{"gone", clueReason, 410}, {"precondition failed", clueReason, 412},
	{"payload too large", clueReason, 413}, {"request entity too large", clueReason, 413}, {"content too large", clueReason, 413},
	{"unsupported media type", clueReason, 415}, {"unprocessable entity", clueReason, 422},
	{"unprocessable content", clueReason, 422}, {"failed dependency", clueReason, 424},
	{"too many requests", clueReason, 429}, {"internal server error", clueReason, 500},
	{"not implemented", clueReason, 501}, {"bad gateway", clueReason, 502},
	{"service unavailable", clueReason, 503}, {"service temporarily unavailable", clueReason, 503},
	{"slow down", clueReason, 503}, {"gateway timeout", clueReason, 504}, {"gateway time-out", clueReason, 504},
	{"insufficient storage", clueReason, 507}, {"overloaded", clueReason, 529},
}

// statusNear finds an HTTP status stated in text (see the rules above).
// The last one wins: it is nearest to what follows.
func statusNear(text string) (int, bool) {
	low := toLower(text)
	best, bestAt := 0, -1
	for _, c := range statusClues {
		for off := 0; ; {
			i := index(low[off:], c.text)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(c.text)
			st, pos := 0, at
			switch c.kind {
			case clueReason:
				k := at // back over the quotes, parentheses and colon before the phrase
				for n := 0; n < 3 && k > 0 && inSet(low[k-1], " ('\":-"); n++ {
					k--
				}
				if k < at && (c.status < 10 || off == len(low) || byteClass[low[off]]&classAlnum == 0) {
					if v, ok := statusAt(low, k-3); ok && (v == int(c.status) || v/100 == int(c.status) || c.status == 0 && v >= 400) {
						st, pos = v, k-3
					}
				}
			case clueBracket: // "[429]"
				if at+4 < len(low) && low[at+4] == ']' {
					if st, _ = statusAt(low, at+1); st < 400 {
						st = 0
					}
				}
			case clueWord: // "status: 429", "error code 429", "status_code=429", "status_code\n429"
				k := off
				for k < len(low) && k < off+12 && (inSet(low[k], " :=\"'_-#()[\n\r\t") || hasPrefix(low[k:], "code")) {
					if hasPrefix(low[k:], "code") {
						k += 4
						continue
					}
					k++
				}
				st, _ = statusAt(low, k)
			case clueWeak:
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
