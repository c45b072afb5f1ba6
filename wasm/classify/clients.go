package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/httptime"
	"github.com/errdex/errdex/wasm/internal/jsonout"
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

// judgeClients applies every rule to the diagnosis d, whose response had
// the headers h. A success or an unrecognised paste has no entries.
func judgeClients(rules []catalog.Client, d *Diagnosis, h headerList) []ClientVerdict {
	if d.Category == "success" || d.Category == "unknown" {
		return nil
	}
	out := make([]ClientVerdict, len(rules))
	for i := range rules {
		out[i] = judgeClient(&rules[i], d, h)
	}
	return out
}

// judgeClient applies one rule: the stream rule, the default budget, the
// connection-error rule, then the headers in the order the client reads
// them, then never_on, the codes and the statuses. The first that decides
// wins.
func judgeClient(r *catalog.Client, d *Diagnosis, h headerList) ClientVerdict {
	v := ClientVerdict{ID: r.ID, Name: r.Name}
	st, decided := d.Status, false
	why, waitWhy := "", ""
	set := func(rt catalog.Retryable, s string) {
		if !decided {
			v.Retries, why, decided = rt, s, true
		}
	}
	if d.MidStream {
		if m := r.Streams.RetriesMidStream; m == nil {
			set(catalog.RetryUnknown, "Not known whether it retries an error inside a stream.")
		} else if !*m {
			set(catalog.RetryNo, "It does not retry an error inside a stream.")
		}
	}
	if r.Defaults.Attempts < 2 {
		set(catalog.RetryNo, "It does not retry by default.")
	}
	if st == 0 && d.Code == "" && (d.Category == "timeout" || d.Category == "unavailable") {
		b := r.RetryOn.ConnectionErrors
		set(boolRetry(b), retriesWord(b)+"connection errors.")
	}
	random, seen := false, false // a header leaves the wait random; a wait header was read
	for i := range r.Headers {
		x := &r.Headers[i]
		val, ok := h.get(x.Name)
		if !ok || len(x.Statuses) > 0 && (st == 0 || !matchStatus(x.Statuses, st)) {
			continue
		}
		val = textx.TrimSpace(val)
		label := x.Name + ": " + val
		if x.Effect == "decides" {
			if val == "true" || val == "false" {
				set(boolRetry(val == "true"), "It obeys "+label+".")
			}
			continue
		}
		f, read, known := headerSeconds(x, val, h)
		if !read || seen {
			continue
		}
		seen = true
		switch {
		case !known:
			random, waitWhy = true, label+" is a date and the paste has no Date header to measure it from."
			if x.AboveMax == "give_up" {
				set(catalog.RetryUnknown, "Whether it retries depends on how far off "+label+" is.")
			}
		case x.AboveMax == "clamp":
			random, waitWhy = true, label+" only shifts its random backoff."
		case x.MinSeconds != nil && (f < *x.MinSeconds || f == *x.MinSeconds && !x.MinInclusive):
			waitWhy = "It ignores " + label + " (too small) and backs off."
		case x.MaxSeconds != nil && (f > *x.MaxSeconds || f == *x.MaxSeconds && x.MaxExclusive):
			waitWhy = "It ignores " + label + " (its cap is " + formatSeconds(*x.MaxSeconds) + ") and backs off."
			if x.AboveMax == "give_up" {
				set(catalog.RetryNo, "It gives up: "+label+" is above its "+formatSeconds(*x.MaxSeconds)+" cap.")
				waitWhy = ""
			}
		default:
			v.Wait, v.HasWait = max(f, 0), true
			waitWhy = "It waits " + formatSeconds(v.Wait) + " (" + label + ")."
		}
	}
	code := d.Code
	switch {
	case st != 0 && matchStatus(r.NeverOn.Statuses, st) || code != "" && has(r.NeverOn.Codes, code):
		set(catalog.RetryNo, "It never retries this status or code.")
	case code != "" && has(r.RetryOn.Codes, code):
		set(catalog.RetryYes, "It retries the code "+code+".")
	case st == 0:
		set(catalog.RetryUnknown, "It decides by the HTTP status, which the paste does not show.")
	default:
		b := matchStatus(r.RetryOn.Statuses, st)
		set(boolRetry(b), retriesWord(b)+"status "+decimal.Itoa(st)+".")
	}
	return verdictOf(v, r, d, why, waitWhy, random)
}

// verdictOf fills the budget, the waits and the verdict of v, decided by
// why, against the documented rule in d.Retry.
func verdictOf(v ClientVerdict, r *catalog.Client, d *Diagnosis, why, waitWhy string, random bool) ClientVerdict {
	b := &r.Backoff
	switch v.Retries {
	case catalog.RetryYes:
		v.Attempts = r.Defaults.Attempts
		if v.HasWait {
			v.Backoff = formatSeconds(v.Wait) + ", as the header says"
		} else {
			v.Backoff = backoffWords(r)
			if !random && b.Jitter == "none" {
				v.Wait, v.HasWait = b.InitialSeconds, true
			}
		}
		if waitWhy != "" {
			why += " " + waitWhy
		}
	case catalog.RetryNo:
		v.Attempts, v.HasWait = 1, false
	default:
		v.HasWait = false
	}
	docs := d.Retry.Retryable
	first := b.InitialSeconds
	if v.HasWait {
		first = v.Wait
	}
	switch {
	case v.Retries == catalog.RetryUnknown || docs == catalog.RetryUnknown:
		v.Verdict = "unknown"
	case v.Retries == catalog.RetryYes && docs == catalog.RetryNo:
		v.Verdict, why = "wastes", why+" The docs say this error does not clear by retrying."
	case v.Retries == catalog.RetryNo && docs == catalog.RetryYes:
		v.Verdict, why = "gives_up", why+" The docs say to retry."
	case v.Retries == catalog.RetryYes && d.Retry.HasWait && first < d.Retry.WaitSeconds:
		v.Verdict, why = "wastes", why+" It retries before the "+formatSeconds(d.Retry.WaitSeconds)+" the response asks for."
	default:
		v.Verdict = "agrees"
	}
	v.Note = why
	return v
}

// headerSeconds reads the value of wait header x as its client does: the
// seconds, whether the value could be read at all, and whether the seconds
// are known (an HTTP date needs the response's Date header).
func headerSeconds(x *catalog.ClientHeader, val string, h headerList) (f float64, read, known bool) {
	f, ok := decimal.Parse(val)
	if x.Integer {
		for i := 0; i < len(val); i++ {
			if (val[i] < '0' || val[i] > '9') && !(i == 0 && (val[i] == '-' || val[i] == '+')) {
				ok = false
			}
		}
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
		for op < len(s) && (s[op] == '!' || s[op] == '<' || s[op] == '>' || s[op] == '=') {
			op++
		}
		f, _ := decimal.Parse(s[op:])
		n := int(f)
		switch s[:op] {
		case "!":
			if st == n {
				return false
			}
		case ">=":
			hit = hit || st >= n
		case "<":
			hit = hit || st < n
		default:
			hit = hit || st == n
		}
	}
	return hit
}

// backoffWords writes a client's default waits: "0.5, 1 s, jittered".
func backoffWords(r *catalog.Client) string {
	b := &r.Backoff
	s := jsonout.AppendNumber(nil, b.InitialSeconds)
	if b.Factor == nil {
		if b.MaxSeconds != nil {
			s = jsonout.AppendNumber(append(s, "–"...), *b.MaxSeconds)
		}
	} else {
		w := b.InitialSeconds
		for i := 1; i < r.Defaults.Attempts-1 && i < 6; i++ {
			if w *= *b.Factor; b.MaxSeconds != nil && w > *b.MaxSeconds {
				w = *b.MaxSeconds
			}
			s = jsonout.AppendNumber(append(s, ", "...), w)
		}
	}
	s = append(s, " s"...)
	if b.Jitter != "none" {
		s = append(s, ", jittered"...)
	}
	return string(s)
}

func retriesWord(b bool) string {
	if b {
		return "It retries "
	}
	return "It does not retry "
}

func boolRetry(b bool) catalog.Retryable {
	if b {
		return catalog.RetryYes
	}
	return catalog.RetryNo
}

// has reports whether list holds s, exactly.
func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
