package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/httptime"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is the clients engine: it applies each client's retry rule
// (content/clients, catalog.Client) to the diagnosed error. The rules are
// data; nothing here names a client.

// ClientVerdict is what one client, with its default settings, would do
// with the diagnosed error, and how that compares with the documented rule.
type ClientVerdict struct {
	ID       string
	Name     string
	Retries  catalog.Retryable // RetryUnknown (null): it depends on what the paste does not show
	Attempts int               // requests sent in all; 0 (null) when Retries is unknown
	Wait     float64           // the first wait, when HasWait
	HasWait  bool              // the paste fixes the first wait (false: random backoff)
	Backoff  string            // the waits in words; "" (null) when it does not retry
	Verdict  string            // agrees, wastes, gives_up or unknown
	Note     string            // why, in one line
	_        [0]func()         // not comparable: no equality function in the binary
}

// The words of above_max the engine acts on.
const giveUp, clamp = "give_up", "clamp"

// judgeClients applies every rule to the diagnosis d, whose response had
// the headers h. A success or an unrecognised paste has no entries.
func judgeClients(rules []catalog.Client, d *Diagnosis, h headerList) []ClientVerdict {
	if d.Category == "success" || d.Category == "unknown" {
		return nil
	}
	out := make([]ClientVerdict, len(rules))
	for i := range rules {
		judgeClient(&out[i], &rules[i], d, h)
	}
	return out
}

// Why a client retries or not: an index of whyText and whyRetries.
const (
	whyStream = iota
	whyStreamUnknown
	whyDefault
	whyConnYes
	whyConnNo
	whyObeysYes
	whyObeysNo
	whyDateCap
	whyGivesUp
	whyNever
	whyCode
	whyNoStatus
	whyStatusYes
	whyStatusNo
)

// whyText is each reason's sentence, before and after its header, code or
// status.
var whyText = [...][2]string{
	{"It does not retry an error inside a stream."},
	{"Not known whether it retries an error inside a stream."},
	{"It does not retry by default."},
	{"It retries connection errors."},
	{"It does not retry connection errors."},
	{"It obeys ", "."}, {"It obeys ", "."},
	{"Whether it retries depends on how far off ", " is, and the paste has no Date header."},
	{"It gives up: ", " is above its cap."},
	{"It never retries this status or code."},
	{"It retries the code ", "."},
	{"It decides by the HTTP status, which the paste does not show."},
	{"It retries status ", "."},
	{"It does not retry status ", "."},
}

var whyRetries = [...]catalog.Retryable{catalog.RetryNo, catalog.RetryUnknown, catalog.RetryNo, catalog.RetryYes, catalog.RetryNo,
	catalog.RetryYes, catalog.RetryNo, catalog.RetryUnknown, catalog.RetryNo, catalog.RetryNo, catalog.RetryYes,
	catalog.RetryUnknown, catalog.RetryYes, catalog.RetryNo}

// waitText says what a wait header did, before and after the header.
var waitText = [...][2]string{{},
	{" It waits as ", " says."},
	{" It ignores ", " (too small) and backs off."},
	{" It ignores ", " (above its cap) and backs off."},
	{" ", " only shifts its random backoff."},
	{" ", " is a date, and the paste has no Date header to measure it from."}}

// verdictText completes the note for each verdict.
var verdictText = [...]string{"", "", " The docs say this error does not clear by retrying.",
	" The docs say to retry.", " It retries before the wait the response asks for."}

var verdictWord = [...]string{"unknown", "agrees", "wastes", "gives_up", "wastes"}

// judgeClient applies one rule r into v: the stream rule, the default
// budget, the connection-error rule, the headers in the order the client
// reads them, then never_on, the codes and the statuses. The first that
// decides wins.
func judgeClient(out *ClientVerdict, r *catalog.Client, d *Diagnosis, h headerList) {
	v := ClientVerdict{ID: r.ID, Name: r.Name} // filled here, stored once
	st, code := d.Status, d.Code
	why, arg := -1, ""
	if m := r.Streams.RetriesMidStream; d.MidStream && m == nil {
		why = whyStreamUnknown
	} else if d.MidStream && !*m {
		why = whyStream
	}
	if why < 0 && r.Defaults.Attempts < 2 {
		why = whyDefault
	}
	if why < 0 && st == 0 && code == "" && (d.Category == "timeout" || d.Category == "unavailable") {
		why = whyConnNo
		if r.RetryOn.ConnectionErrors {
			why = whyConnYes
		}
	}
	wait, label := 0, "" // wait indexes waitText
	for i := range r.Headers {
		x := &r.Headers[i]
		val, ok := h.get(x.Name)
		if !ok || len(x.Statuses) > 0 && (st == 0 || !matchStatus(x.Statuses, st)) {
			continue
		}
		val = textx.TrimSpace(val)
		said := x.Name + ": " + val
		if x.Effect == "decides" {
			if why < 0 && (val == "true" || val == "false") {
				why, arg = whyObeysNo, said
				if val == "true" {
					why = whyObeysYes
				}
			}
			continue
		}
		f, read, known := headerSeconds(x, val, h)
		if !read || wait > 0 {
			continue
		}
		label, wait = said, 1
		switch {
		case !known:
			wait = 5
			if why < 0 && x.AboveMax == giveUp {
				why, arg = whyDateCap, label
			}
		case x.AboveMax == clamp:
			wait = 4
		case x.MinSeconds != nil && (f < *x.MinSeconds || f == *x.MinSeconds && !x.MinInclusive):
			wait = 2
		case x.MaxSeconds != nil && (f > *x.MaxSeconds || f == *x.MaxSeconds && x.MaxExclusive):
			wait = 3
			if why < 0 && x.AboveMax == giveUp {
				why, arg = whyGivesUp, label
			}
		case f > 0:
			v.Wait = f
		}
	}
	if why < 0 {
		switch {
		case listed(r.NeverOn.Statuses, r.NeverOn.Codes, st, code):
			why = whyNever
		case listed(nil, r.RetryOn.Codes, 0, code):
			why, arg = whyCode, code
		case st == 0:
			why = whyNoStatus
		default:
			why, arg = whyStatusNo, decimal.Itoa(st)
			if matchStatus(r.RetryOn.Statuses, st) {
				why = whyStatusYes
			}
		}
	}
	b := &r.Backoff
	first := b.InitialSeconds
	v.Retries, v.Backoff, v.Attempts = whyRetries[why], b.Words, r.Defaults.Attempts
	switch {
	case v.Retries != catalog.RetryYes:
		v.Backoff, v.Attempts, v.Wait, wait = "", 0, 0, 0
		if v.Retries == catalog.RetryNo {
			v.Attempts = 1
		}
	case wait == 1:
		v.HasWait, v.Backoff, first = true, "as "+label+" says", v.Wait
	case wait < 4 && b.Jitter == "none":
		v.HasWait, v.Wait = true, first
	}
	verdict, docs := 1, d.Retry.Retryable // indexes verdictWord
	switch {
	case v.Retries == catalog.RetryUnknown || docs == catalog.RetryUnknown:
		verdict = 0
	case v.Retries == catalog.RetryYes && docs == catalog.RetryNo:
		verdict = 2
	case v.Retries == catalog.RetryNo && docs == catalog.RetryYes:
		verdict = 3
	case v.Retries == catalog.RetryYes && d.Retry.HasWait && first < d.Retry.WaitSeconds:
		verdict = 4
	}
	w := waitText[wait]
	if wait == 0 {
		label = ""
	}
	v.Verdict = verdictWord[verdict]
	v.Note = whyText[why][0] + arg + whyText[why][1] + w[0] + label + w[1] + verdictText[verdict]
	*out = v
}

// headerSeconds reads the value of wait header x as its client does: the
// seconds, whether the value could be read at all, and whether the seconds
// are known (an HTTP date needs the response's Date header).
func headerSeconds(x *catalog.ClientHeader, val string, h headerList) (f float64, read, known bool) {
	f, ok := decimal.Parse(val)
	if x.Integer && (f != float64(int64(f)) || textx.IndexAny(val, ".eE") >= 0) {
		ok = false // "1.5", "2.0" and "1e3" are not whole numbers as ParseInt and int() read them
	}
	switch {
	case ok && x.Unit == "ms":
		return f / 1000, true, true
	case ok:
		return f, true, true
	case x.Unit != "seconds-or-http-date":
		return 0, false, false
	}
	t, ok := httptime.ParseHTTPDate(val)
	if !ok {
		return 0, false, false
	}
	dv, _ := h.get("date")
	if date, ok := httptime.ParseHTTPDate(dv); ok {
		return float64(t - date), true, true
	}
	return 0, true, false
}

// matchStatus reports whether status st matches a list of status specs:
// one of its plain ("429") or range (">=500", "<400") specs, and none of its
// "!501" specs.
func matchStatus(specs []string, st int) bool {
	hit := false
	for _, s := range specs {
		op := 0
		for op < len(s) && (s[op] < '0' || s[op] > '9') {
			op++
		}
		f, _ := decimal.Parse(s[op:])
		switch n := int(f); {
		case op == 0:
			hit = hit || st == n
		case s[0] == '!':
			if st == n {
				return false
			}
		case s[0] == '<':
			hit = hit || st < n
		default: // ">="
			hit = hit || st >= n
		}
	}
	return hit
}

// listed reports whether code (when there is one) is one of codes, or
// status st (when known) matches specs.
func listed(specs, codes []string, st int, code string) bool {
	for _, c := range codes {
		if c == code && code != "" {
			return true
		}
	}
	return st != 0 && matchStatus(specs, st)
}
