package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/httptime"
	"github.com/errdex/errdex/wasm/internal/jsonout"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file decides whether to retry, and after how long. There is one wait
// calculator (computeWait) for every source of a wait, tried in this order:
//
//  1. retry-after-ms (milliseconds)
//  2. Retry-After: delay seconds, or an HTTP-date measured against the
//     response's own Date header
//  3. a body field: the envelope's retry_after (in its retry_after_format),
//     the code's wait_fields, google.rpc RetryInfo.retryDelay; else a wait
//     the message gives in words (messageWait)
//  4. for rate limits, a reset header: the provider's documented ones (in
//     its reset_unit; the one whose "remaining" twin is 0 first), then
//     x-ratelimit-reset, RateLimit-Reset, RateLimit's t=, OpenAI's reset
//     durations and Anthropic's RFC 3339 resets
//  5. the provider's documented fixed wait (catalog Retry.WaitSeconds)
//
// Nothing reads the clock: a time with no Date header to measure from is
// reported as an absolute UTC time, relative to when the response arrived.

// longWait is the wait above which the advice is to schedule, not block
// (openai-python surfaces the error above 120 s).
const longWait = 120

// waitInfo is the wait calculator's answer.
type waitInfo struct {
	seconds  float64
	ok       bool             // seconds is fixed
	at       httptime.Instant // the absolute time to retry at, when there is no Date
	hasAt    bool
	source   string   // what fixed it, in words
	problems []string // values that could not be used, and why

	date    httptime.Instant // the response's Date header, when hasDate
	hasDate bool
}

// waitSources are the inputs of computeWait.
type waitSources struct {
	headers      headerList
	body         bodyWait
	resetHeaders []string // the provider's documented reset headers
	resetUnit    string   // their format (see package model's RateLimit)
	useReset     bool     // read reset headers (rate limits and quotas)
	fixed        float64
	fixedWhy     string
}

// resetHeaders are the reset headers read after the provider's documented
// one, in order, with their units.
var resetHeaders = []struct{ name, unit string }{
	{"x-ratelimit-reset", ""}, {"ratelimit-reset", "seconds"},
	{"ratelimit", "structured"},
	{"x-ratelimit-reset-requests", "duration"}, {"x-ratelimit-reset-tokens", "duration"},
	{"anthropic-ratelimit-requests-reset", "rfc3339"}, {"anthropic-ratelimit-tokens-reset", "rfc3339"},
	{"x-amz-retry-after", "ms"},
}

// computeWait finds the wait, trying each source in the documented order.
func computeWait(in waitSources) waitInfo {
	var w waitInfo
	if v, ok := in.headers.get("date"); ok {
		if w.date, w.hasDate = httptime.ParseHTTPDate(v); !w.hasDate {
			push(&w.problems, "The Date header \""+textx.CutUTF8(v, 60)+"\" is not an HTTP date, so times cannot be turned into waits.")
		}
	}
	if v, ok := in.headers.get("retry-after-ms"); ok {
		if f, ok := decimal.Parse(textx.TrimSpace(v)); ok && f >= 0 && f < 1e12 {
			w.fix(f/1000, "retry-after-ms: "+v)
			return w
		}
		push(&w.problems, "retry-after-ms \""+textx.CutUTF8(v, 40)+"\" is not a number of milliseconds; ignored.")
	}
	if v, ok := in.headers.get("retry-after"); ok {
		v = textx.TrimSpace(v)
		label := "Retry-After: " + v
		if f, ok := decimal.Parse(v); ok {
			switch {
			case f < 0 || f != f:
				push(&w.problems, label+" is negative; ignored.")
			case f >= 1e9:
				// Not a delay of decades: a Unix time sent by mistake.
				push(&w.problems, label+" is too large for a delay in seconds; it was read as a Unix time.")
				w.until(httptime.Instant(f), label+" (a Unix time)")
				return w
			default:
				w.fix(f, label)
				return w
			}
		} else if t, ok := httptime.ParseHTTPDate(v); ok {
			w.until(t, label)
			return w
		} else {
			push(&w.problems, "Retry-After \""+textx.CutUTF8(v, 60)+"\" is neither a number of seconds nor an HTTP date; ignored.")
		}
	}
	if b := &in.body; b.ok {
		switch f := b.seconds; {
		case f < 0:
			push(&w.problems, "The body's "+b.from+" is negative; ignored.")
		case f >= 1e9:
			w.until(httptime.Instant(f), "the body's "+b.from+" (a Unix time)")
			return w
		case b.rule:
			w.fix(f, b.from)
			return w
		default:
			w.fix(f, "the body's "+b.from+": "+formatSeconds(f))
			return w
		}
	}
	if in.useReset {
		// the documented reset of the limit that ran out (its remaining
		// header says 0), then the others in order
		for pass := 0; pass < 2; pass++ {
			for _, h := range in.resetHeaders {
				left, _ := in.headers.get(textx.ReplaceAll(h, "reset", "remaining"))
				if (pass == 0) == (textx.TrimSpace(left) == "0") && w.reset(in.headers, h, in.resetUnit) {
					return w
				}
			}
		}
		for _, h := range resetHeaders {
			if w.reset(in.headers, h.name, h.unit) {
				return w
			}
		}
	}
	if in.fixed > 0 {
		w.fix(in.fixed, in.fixedWhy)
	}
	return w
}

// parseWait reads a wait written in format: "seconds" (or ""), "ms",
// "duration", "epoch" or "rfc3339" (package model's RateLimit). The result
// is a delay in seconds, or a Unix time when it is 1e9 or more, as
// computeWait reads a body's wait.
func parseWait(v, format string) (float64, bool) {
	v = textx.TrimSpace(v)
	var f float64
	ok := false
	switch format {
	case "duration":
		f, ok = httptime.ParseDuration(v)
	case "rfc3339":
		var t httptime.Instant
		t, ok = httptime.ParseRFC3339(v)
		f = float64(t)
	default:
		f, ok = decimal.Parse(v)
		if format == "ms" {
			f /= 1000
		}
	}
	return f, ok && f > -1e18 && f < 1e18 // not NaN nor infinite; negative is reported by computeWait
}

// waitWords are the words after which a message gives its wait.
var waitWords = []string{"try again in ", "retry in ", "retry after ", "try again after "}

// waitUnits are unit words, each followed by its unit in a Go duration.
var waitUnits = []string{"ms", "ms", "millisecond", "ms", "sec", "s", "second", "s", "min", "m", "minute", "m", "hour", "h"}

// messageWait reads the wait a message gives in words, whatever the
// provider: a Go duration as OpenAI and Gemini write it ("Please try again
// in 6.596s", "in 1m30s", "Please retry in 47.88s"), or a number and a
// unit word ("Retry after 60 seconds").
func messageWait(msg string) bodyWait {
	low := textx.Lower(msg)
	for _, k := range waitWords {
		i := textx.Index(low, k)
		if i < 0 {
			continue
		}
		s := low[i+len(k):]
		j := 0
		for j < len(s) && (byteClass[s[j]]&classAlnum != 0 || s[j] == '.' && j+1 < len(s) && s[j+1]-'0' <= 9) {
			j++
		}
		d, end := s[:j], j
		if j < len(s) && s[j] == ' ' { // "60 seconds"
			w := s[j+1:]
			w = w[:textx.IndexAny(w+" ", " .,;)")]
			end += 1 + len(w)
			if len(w) > 3 {
				w = textx.TrimRight(w, "s")
			}
			for u := 0; u < len(waitUnits); u += 2 {
				if w == waitUnits[u] {
					d += waitUnits[u+1]
				}
			}
		}
		if f, ok := httptime.ParseDuration(d); ok && f < 1e9 {
			return bodyWait{seconds: f, ok: true, rule: true, from: "the message: \"" + low[i:i+len(k)+end] + "\""}
		}
	}
	return bodyWait{}
}

// fix sets the wait to seconds.
func (w *waitInfo) fix(seconds float64, source string) {
	w.seconds, w.ok, w.source = seconds, true, source
}

// until sets the wait to the time t, measured against Date.
func (w *waitInfo) until(t httptime.Instant, source string) {
	if !w.hasDate {
		w.at, w.hasAt, w.source = t, true, source
		return
	}
	d := float64(t - w.date)
	if d < 0 {
		push(&w.problems, source+" is already past at the response's Date; no wait is left.")
		d = 0
	}
	w.fix(d, source+", measured against Date: "+w.date.FormatHTTP())
}

// reset reads the rate-limit reset header name, in unit, and reports
// whether it fixed the wait.
func (w *waitInfo) reset(h headerList, name, unit string) bool {
	v, ok := h.get(name)
	if !ok {
		return false
	}
	v = textx.TrimSpace(v)
	label := name + ": " + v
	if unit == "structured" { // RateLimit: "default";r=0;t=30
		i := textx.Index(v, ";t=")
		if i < 0 {
			return false
		}
		num := v[i+3:]
		if j := textx.IndexAny(num, ";, "); j >= 0 {
			num = num[:j]
		}
		if f, ok := decimal.Parse(num); ok && f >= 0 {
			w.fix(f, "RateLimit t="+num+" (delta seconds)")
			return true
		}
		return false
	}
	f, ok := parseWait(v, unit)
	if !ok || f < 0 {
		push(&w.problems, label+" is not a wait in "+unitWord(unit)+"; ignored.")
		return false
	}
	epoch := f >= 1e9
	if unit == "epoch" && !epoch {
		push(&w.problems, name+" is documented as a Unix time, but "+v+" is a plausible delay in seconds, so it was read as one.")
	}
	if unit == "seconds" && epoch {
		push(&w.problems, name+" is documented in seconds, but "+v+" is a Unix time, so it was read as one.")
	}
	switch {
	case !epoch:
		w.fix(f, label+" ("+unitWord(unit)+" until the reset)")
	case unit == "rfc3339":
		w.until(httptime.Instant(f), label)
	default:
		if f >= 1e12 {
			push(&w.problems, label+" looks like Unix milliseconds; read as such.")
			f /= 1000
		}
		w.until(httptime.Instant(f), label+" (Unix time "+httptime.Instant(f).FormatClock()+" UTC)")
	}
	return true
}

// unitWord names a wait format in words.
func unitWord(unit string) string {
	switch unit {
	case "ms", "duration":
		return unit
	case "rfc3339":
		return "RFC 3339"
	}
	return "seconds"
}

// formatSeconds writes a wait for people: "12 s", "1.5 s", "10 min".
func formatSeconds(f float64) string {
	switch {
	case f >= 3600 && float64(int64(f/3600))*3600 == f:
		return decimal.Itoa(int(f/3600)) + " h"
	case f >= 120 && float64(int64(f/60))*60 == f:
		return decimal.Itoa(int(f/60)) + " min"
	}
	return string(jsonout.AppendNumber(nil, f)) + " s"
}

// verdict holds everything decide needs.
type verdict struct {
	cat            *catalog.Catalog // the categories, for their advice
	category       string
	provider       *catalog.Provider
	entry          *catalog.Code
	variant        *catalog.Variant
	code           string
	agreeing       []string // providers that tie and agree, by name
	foreign        *foreign
	upstreamStatus int
	midStream      bool
	partial        bool
	html           bool
	vendor         string
	result         *catalog.Result
	wait           waitInfo
	headers        headerList
}

// decide returns the retry verdict.
func decide(v *verdict) Retry {
	var r Retry
	var why []string
	switch v.category {
	case "unknown":
		r.Reason = "Nothing in the paste could be read as an error, so there is no retry advice."
		return r
	case "success":
		r.Reason = "Not an error, so there is nothing to retry."
		if st := v.result; st != nil && st.Status > 200 && st.Status < 300 {
			r.Reason = "Not an error: " + lowerFirst(st.Title) + ". Poll or read the result again later; nothing failed."
		}
		return r
	}
	who, verb := "the API", "documents"
	if v.provider != nil {
		who = v.provider.Name
	} else if len(v.agreeing) > 0 {
		who, verb = textx.Join(v.agreeing, " and "), "document"
	}
	e, f := v.entry, v.foreign
	switch {
	case e != nil:
		rt := e.Retry.Retryable
		if v.variant != nil && v.variant.Retryable != catalog.RetryUnknown {
			rt = v.variant.Retryable
		}
		r.Retryable = rt
		code := e.Code
		if len(v.agreeing) > 0 && v.code != "" {
			code = v.code
		}
		name := "\"" + code + "\""
		if v.variant != nil {
			name += " (" + v.variant.Name + ")"
		}
		switch rt {
		case catalog.RetryYes, catalog.RetryNo:
			push(&why, who+" "+verb+" "+name+" as "+retryWord(rt)+".")
		default:
			push(&why, poss(who)+" docs do not say whether "+name+" can be retried.")
		}
		if n := e.Retry.Note; n != "" {
			push(&why, n)
		}
		if up := v.upstreamStatus; rt == catalog.RetryUnknown && up >= 400 {
			s := "The error embedded in it is an upstream " + decimal.Itoa(up) + " (" + statusCategory(up) + ")"
			if up == 408 || up == 429 || up >= 500 {
				r.Retryable = catalog.RetryYes
				s += ", which is transient: retry with backoff."
			} else {
				r.Retryable = catalog.RetryNo
				s += ": the same request fails again until it is changed."
			}
			push(&why, s)
		}
	case f != nil && (f.retry != catalog.RetryUnknown || f.why != ""):
		r.Retryable = f.retry
		if f.why != "" {
			push(&why, f.why)
		} else {
			push(&why, "By "+f.rule+": "+retryWord(r.Retryable)+" (AIP-194).")
		}
	default:
		if c, ok := v.cat.Category(v.category); ok {
			r.Retryable = c.Retryable
			push(&why, "No documented rule for this error; by its category ("+v.category+"): "+lowerFirst(c.Advice))
		}
		if v.html {
			who := v.vendor
			if who == "" {
				who = "A proxy or gateway"
			}
			push(&why, who+" answered with an HTML page, so the request may never have reached the API.")
		}
	}
	for _, name := range []string{"x-should-retry", "stripe-should-retry"} {
		if s, ok := v.headers.get(name); ok && e == nil {
			switch s = textx.Lower(textx.TrimSpace(s)); s {
			case "true", "false":
				r.Retryable = catalog.RetryNo
				if s == "true" {
					r.Retryable = catalog.RetryYes
				}
				push(&why, "The server sent "+name+": "+s+".")
			}
		}
	}
	wait := &v.wait
	if v.category == "quota" || v.category == "payment" {
		// A spent quota or missing credit is never "retry in a second".
		r.Retryable = catalog.RetryNo
		msg := "Do not retry: the account is out of credit or over its spending limit; it comes back only after a top-up."
		if v.category == "quota" {
			msg = "Do not retry: a quota for a longer period is used up; it comes back only when the period resets or the quota is raised."
		}
		if wait.ok && wait.source != "" {
			src := wait.source
			if src[0] >= 'a' && src[0] <= 'z' { // it starts a sentence
				src = string(src[0]-'a'+'A') + src[1:]
			}
			msg += " " + src + " does not change that: retrying after " + formatSeconds(wait.seconds) + " gets the same answer."
		} else if wait.hasAt {
			msg += " The reset time it gives is " + wait.at.FormatClock() + " UTC; schedule one new attempt after it instead of a retry loop."
		}
		push(&why, msg)
	} else {
		if r.Retryable != catalog.RetryNo {
			switch {
			case wait.ok:
				r.WaitSeconds, r.HasWait = wait.seconds, true
				push(&why, "Wait "+formatSeconds(wait.seconds)+" ("+wait.source+").")
				if wait.seconds > longWait {
					push(&why, "That is long: schedule the retry instead of blocking on it.")
				}
			case wait.hasAt:
				push(&why, "Retry after "+wait.at.FormatClock()+" UTC ("+wait.source+"). The paste has no Date header, so the wait counts from when the response arrived and cannot be given in seconds.")
			case r.Retryable == catalog.RetryYes:
				if e != nil && e.Retry.Backoff != "" {
					push(&why, "Back off: "+e.Retry.Backoff+".")
				} else {
					push(&why, "No wait is given: back off exponentially with jitter (about 1, 2, 4, 8 s).")
				}
			}
		}
		if v.midStream {
			w := "The error arrived mid-stream after HTTP 200: a retry resends the whole request"
			if v.partial {
				w += ", and the output already streamed is generated (and billed) again; discard the partial output first."
			} else {
				w += "; output streamed before the error would be generated again."
			}
			push(&why, w)
		}
	}
	r.Reason = textx.Join(why, " ")
	return r
}

func retryWord(r catalog.Retryable) string {
	switch r {
	case catalog.RetryYes:
		return "retryable"
	case catalog.RetryNo:
		return "not retryable"
	}
	return "retry depends"
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	if len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z' { // an acronym
		return s
	}
	return textx.Lower(s[:1]) + s[1:]
}

// push appends s to *list.
func push(list *[]string, s string) { *list = append(*list, s) }

// pushAll appends more to *list.
func pushAll(list *[]string, more []string) { *list = append(*list, more...) }
