package classify

import "github.com/errdex/errdex/wasm/internal/textx"

// This file splits a paste into its errors. Most pastes hold one error,
// however many layers it has (a proxy's body around the upstream's, a
// traceback around an exception, one curl -i response): those are read
// whole. A paste that holds several calls is cut into parts, each read on
// its own by the same pipeline (distinct.go groups them):
//
//   - a log: one part per record, a record being a line that starts with a
//     time or a level and the lines after it that do not (a JSON body
//     printed over several lines, a stack trace); without such lines, one
//     per line that starts with a JSON object
//   - several curl -i outputs: one part per curl command, or without
//     commands per status line
//   - a HAR file: one part per entry
//
// (An SSE stream is not cut: it ends at its error event.) A part is kept
// when it says a call failed (a status of 400 or more, or "error" or
// "fail" without words of success) or succeeded (a 2xx, "succeeded"): a
// success may show that an earlier failure was retried. A part that
// failed in words only ("POST /x failed with status 500") and the next,
// which holds its error body, are one part.

// seg is one failed or successful part of a paste. It keeps where the part
// is, not its reading: a slice of artefacts would bring the artefact's type
// data into the binary.
type seg struct {
	start, end int       // the part, s[start:end]; for a HAR entry, its index
	line       int       // 1-based line where it starts
	rec        int       // for a failure, the line of the later success that recovered it
	key        string    // the request it answers ("api.x.ai/v1/y"), "" when unknown
	ok         bool      // a success, not a failure
	_          [0]func() // not comparable: no equality function in the binary
}

// maxSegs is the most failures read one by one in a paste.
const maxSegs = 10000

// split cuts the paste s, whose whole reading is a, into its failed and
// successful parts, and counts the failures. A paste of one part gives
// none.
func split(s string, a *artefact) (segs []seg, failures int) {
	segs, failures = parts(s, a.form)
	line, off := 1, 0
	for i, e := range a.entries { // a HAR entry is on the line of its "request" key
		if k := textx.Index(s[off:], `"request"`); k >= 0 {
			line += textx.Count(s[off:off+k], "\n")
			off += k + 1
		}
		st := httpStatus(e.get("response").get("status"))
		if len(a.entries) > 1 && (st >= 400 && failures < maxSegs || st >= 200 && st < 300) {
			segs = append(segs, seg{start: i, line: line, key: endpointKey(e.get("request").strAt("url")), ok: st < 400})
		}
		if st >= 400 {
			failures++
		}
	}
	// A success recovers the earlier failures of the same request (the
	// same URL), and the failures since the previous success whose
	// request, or its own, is unknown. It looks back over at most 1000
	// parts.
	open := 0 // failures not recovered yet
	for j := range segs {
		ok := &segs[j]
		if !ok.ok {
			open++
		}
		run := true // no success between segs[i] and ok
		for i := j - 1; ok.ok && open > 0 && i >= 0 && i >= j-1000 && (run || ok.key != ""); i-- {
			f := &segs[i]
			run = run && !f.ok
			if !f.ok && f.rec == 0 && (ok.key != "" && f.key == ok.key || run && (ok.key == "" || f.key == "")) {
				f.rec, open = ok.line, open-1
			}
		}
	}
	return segs, failures
}

// parts returns the parts of the paste s, in form f, that say a call
// failed or succeeded, by the status they state (statusNear) and their
// words: "error" or "fail" without words of success is a failure.
// distinct.go reads them and drops those that hold no error after all.
func parts(s string, f form) (segs []seg, failures int) {
	starts := partStarts(s, f)
	line, merge := 1, false // merge: the last part failed in words only
	for i := 0; i+1 < len(starts) && failures < maxSegs; i++ {
		start, end := starts[i], starts[i+1]
		t := s[start:end]
		line += textx.Count(s[starts[max(i-1, 0)]:start], "\n")
		st, _ := statusNear(t)
		okWord := hasWord(t, okWords)
		failed := st >= 400 || st < 200 && !okWord && hasWord(t, errWords)
		switch {
		case merge && failed && st == 0 && textx.Index(t, "{") >= 0:
			segs[len(segs)-1].end = end // "POST /x failed with status 500", then "body={...}"
		case failed || st >= 200 && st < 300 || okWord:
			segs = append(segs, seg{start: start, end: end, line: line, key: endpointKey(t), ok: !failed})
		}
		merge = failed && textx.Index(t, "{") < 0
		if failed {
			failures++
		}
	}
	return segs, failures
}

// partStarts returns where the parts of s, a paste in form f, start (see
// the top of the file), and len(s) last; nil for fewer than two parts.
func partStarts(s string, f form) []int {
	var first, second []int // the lines that start a part, by the better rule and the other
	for off := 0; off < len(s); {
		end := textx.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s) - off
		}
		l := s[off : off+end]
		// a log record starts with a date or a time ("2026-11-23",
		// "10:31:07"), after an optional "[", or with a level in capitals
		// or in brackets ("ERROR", "[error]")
		i := 0
		if textx.HasPrefix(l, "[") {
			i = 1
		}
		w := i
		for w < len(l) && l[w]|0x20-'a' < 26 && (i == 1 || l[w] < 'a') {
			w++
		}
		stamp := w < len(l) && inSet(l[w], " :]") && contains(logLevels, textx.Lower(l[i:w]))
		if len(l) > i+4 && l[i]-'0' <= 9 && l[i+1]-'0' <= 9 {
			stamp = l[i+2] == ':' || l[i+2]-'0' <= 9 && inSet(l[i+4], "-/")
		}
		switch {
		case f == formCurlI && hasCurl(l), f != formCurlI && stamp:
			first = append(first, off)
		case f == formCurlI && textx.HasPrefix(l, "HTTP/"), f != formCurlI && textx.HasPrefix(l, "{"):
			second = append(second, off)
		}
		off += end + 1
	}
	if len(first) < 2 {
		first = second
	}
	if len(first) < 2 || f == formJSON || f == formCurlV || f == formSSE || f > formLog {
		return nil
	}
	if first[0] > 0 {
		first = append([]int{0}, first...) // what comes before the first part
	}
	return append(first, len(s))
}

// logLevels are the levels a log line may start with.
var logLevels = []string{"error", "warn", "warning", "info", "debug", "fatal"}

// okWords and errWords are the words of success and of failure that
// parts looks for, in any case.
var okWords, errWords = []string{"succeeded", "successful", "recovered"}, []string{"error", "fail"}

// hasWord reports whether t holds one of words (lower-case ASCII) in any
// case.
func hasWord(t string, words []string) bool {
	for _, w := range words {
		for i := 0; i+len(w) <= len(t); i++ {
			if t[i]|0x20 == w[0] && lowerIs(t[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// endpointKey returns the host and path of the first URL in a part, the
// request it answers.
func endpointKey(s string) string {
	i := textx.Index(s, "://")
	if i < 0 {
		return ""
	}
	s = s[i+3:]
	if i := textx.IndexAny(s, " \t\"'?#>"); i >= 0 {
		s = s[:i]
	}
	return s
}
