package classify

import (
	"strconv"
	"strings"

	"github.com/errdex/errdex/wasm/catalog"
)

// This file decides whether to retry, and after how long. There is one wait
// calculator (computeWait) for every source of a wait, tried in this order:
//
//  1. retry-after-ms (milliseconds)
//  2. Retry-After: delay seconds, or an HTTP-date measured against the
//     response's own Date header
//  3. a body field: the envelope's retry_after, the code's wait_fields,
//     google.rpc RetryInfo.retryDelay
//  4. for rate limits, a reset header: the provider's documented one (with
//     its unit), then x-ratelimit-reset, RateLimit-Reset, RateLimit's t=,
//     OpenAI's reset durations and Anthropic's RFC 3339 resets
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
	ok       bool    // seconds is fixed
	at       instant // the absolute time to retry at, when there is no Date
	hasAt    bool
	source   string   // what fixed it, in words
	problems []string // values that could not be used, and why
}

// waitSources are the inputs of computeWait.
type waitSources struct {
	headers     headerList
	body        bodyWait
	resetHeader string // the provider's documented reset header
	resetUnit   string // "epoch" or "seconds"
	useReset    bool   // read reset headers (rate limits and quotas)
	fixed       float64
	fixedWhy    string
}

// computeWait finds the wait, trying each source in the documented order.
func computeWait(in waitSources) waitInfo {
	var w waitInfo
	date, hasDate := instant(0), false
	if v, ok := in.headers.get("date"); ok {
		date, hasDate = parseHTTPDate(v)
		if !hasDate {
			w.problems = append(w.problems, "The Date header \""+cutUTF8(v, 60)+"\" is not an HTTP date, so times cannot be turned into waits.")
		}
	}
	// until sets the wait to the time t, measured against Date.
	until := func(t instant, source string) {
		w.source = source
		if hasDate {
			d := float64(t - date)
			if d < 0 {
				w.problems = append(w.problems, source+" is already past at the response's Date; no wait is left.")
				d = 0
			}
			w.seconds, w.ok = d, true
			w.source += ", measured against Date: " + date.formatHTTP()
			return
		}
		w.at, w.hasAt = t, true
	}
	if v, ok := in.headers.get("retry-after-ms"); ok {
		if f, ok := parseDecimal(strings.TrimSpace(v)); ok && f >= 0 && f < 1e12 {
			w.seconds, w.ok, w.source = f/1000, true, "retry-after-ms: "+v
			return w
		}
		w.problems = append(w.problems, "retry-after-ms \""+cutUTF8(v, 40)+"\" is not a number of milliseconds; ignored.")
	}
	if v, ok := in.headers.get("retry-after"); ok {
		v = strings.TrimSpace(v)
		if f, ok := parseDecimal(v); ok {
			switch {
			case f < 0 || f != f:
				w.problems = append(w.problems, "Retry-After: "+v+" is negative; ignored.")
			case f >= 1e9:
				// Not a delay of decades: a Unix time sent by mistake.
				w.problems = append(w.problems, "Retry-After: "+v+" is too large for a delay in seconds; it was read as a Unix time.")
				until(unixTime(f), "Retry-After: "+v+" (a Unix time)")
				return w
			default:
				w.seconds, w.ok, w.source = f, true, "Retry-After: "+v
				return w
			}
		} else if t, ok := parseHTTPDate(v); ok {
			until(t, "Retry-After: "+v)
			return w
		} else {
			w.problems = append(w.problems, "Retry-After \""+cutUTF8(v, 60)+"\" is neither a number of seconds nor an HTTP date; ignored.")
		}
	}
	if in.body.ok {
		f := in.body.seconds
		switch {
		case f < 0:
			w.problems = append(w.problems, "The body's "+in.body.from+" is negative; ignored.")
		case f >= 1e9:
			until(unixTime(f), "the body's "+in.body.from+" (a Unix time)")
			return w
		default:
			w.seconds, w.ok, w.source = f, true, "the body's "+in.body.from+": "+formatSeconds(f)
			return w
		}
	}
	if in.useReset {
		if readReset(&w, in, until) {
			return w
		}
	}
	if in.fixed > 0 {
		w.seconds, w.ok, w.source = in.fixed, true, in.fixedWhy
	}
	return w
}

// readReset reads the first rate-limit reset header present.
func readReset(w *waitInfo, in waitSources, until func(instant, string)) bool {
	type src struct{ name, unit string }
	var srcs []src
	if in.resetHeader != "" {
		srcs = append(srcs, src{in.resetHeader, in.resetUnit})
	}
	srcs = append(srcs,
		src{"x-ratelimit-reset", ""}, src{"ratelimit-reset", "seconds"},
		src{"ratelimit", "structured"},
		src{"x-ratelimit-reset-requests", "duration"}, src{"x-ratelimit-reset-tokens", "duration"},
		src{"anthropic-ratelimit-requests-reset", "rfc3339"}, src{"anthropic-ratelimit-tokens-reset", "rfc3339"},
		src{"x-amz-retry-after", "ms"},
	)
	for _, s := range srcs {
		v, ok := in.headers.get(s.name)
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		label := s.name + ": " + v
		switch s.unit {
		case "structured": // RateLimit: "default";r=0;t=30
			i := strings.Index(v, ";t=")
			if i < 0 {
				continue
			}
			num := v[i+3:]
			if j := strings.IndexAny(num, ";, "); j >= 0 {
				num = num[:j]
			}
			if f, ok := parseDecimal(num); ok && f >= 0 {
				w.seconds, w.ok, w.source = f, true, "RateLimit t="+num+" (delta seconds)"
				return true
			}
		case "duration":
			if d, ok := parseGoDuration(v); ok {
				w.seconds, w.ok, w.source = d, true, label
				return true
			}
		case "rfc3339":
			if t, ok := parseRFC3339(v); ok {
				until(t, label)
				return true
			}
		case "ms":
			if f, ok := parseDecimal(v); ok && f >= 0 {
				w.seconds, w.ok, w.source = f/1000, true, label+" ms"
				return true
			}
		default:
			f, ok := parseDecimal(v)
			if !ok || f < 0 {
				w.problems = append(w.problems, label+" is not a number; ignored.")
				continue
			}
			epoch := f >= 1e9
			if s.unit == "epoch" && !epoch {
				w.problems = append(w.problems, s.name+" is documented as a Unix time, but "+v+" is a plausible delay in seconds, so it was read as one.")
			}
			if s.unit == "seconds" && epoch {
				w.problems = append(w.problems, s.name+" is documented in seconds, but "+v+" is a Unix time, so it was read as one.")
			}
			if epoch {
				if f >= 1e12 {
					w.problems = append(w.problems, label+" looks like Unix milliseconds; read as such.")
					f /= 1000
				}
				until(unixTime(f), label+" (Unix time "+unixTime(f).formatClock()+" UTC)")
				return true
			}
			w.seconds, w.ok, w.source = f, true, label+" (seconds until the reset)"
			return true
		}
	}
	return false
}

func unixTime(f float64) instant { return instant(f) }

// formatSeconds writes a wait for people: "12 s", "1.5 s", "10 min".
func formatSeconds(f float64) string {
	switch {
	case f >= 3600 && float64(int64(f/3600))*3600 == f:
		return strconv.FormatInt(int64(f/3600), 10) + " h"
	case f >= 120 && float64(int64(f/60))*60 == f:
		return strconv.FormatInt(int64(f/60), 10) + " min"
	}
	return string(appendFloat(nil, f)) + " s"
}

// verdict holds everything decide needs.
type verdict struct {
	category       string
	provider       *catalog.Provider
	entry          *catalog.Code
	variant        *catalog.Variant
	code           string
	agreeing       []string // providers that tie and agree, by name
	foreign        *foreign
	status         int
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
func decide(v verdict) Retry {
	var r Retry
	var why []string
	switch v.category {
	case "unknown":
		r.Reason = "Nothing in the paste could be read as an error, so there is no retry advice."
		return r
	case "success":
		if v.result != nil && v.result.Status >= 200 && v.result.Status < 300 && v.result.Status != 200 {
			r.Reason = "Not an error: " + lowerFirst(v.result.Title) + ". Poll or read the result again later; nothing failed."
		} else {
			r.Reason = "Not an error, so there is nothing to retry."
		}
		return r
	}
	who, verb := "the API", "documents"
	if v.provider != nil {
		who = v.provider.Name
	} else if len(v.agreeing) > 0 {
		who, verb = strings.Join(v.agreeing, " and "), "document"
	}
	switch {
	case v.entry != nil:
		rt := v.entry.Retry.Retryable
		if v.variant != nil && v.variant.Retryable != catalog.RetryUnknown {
			rt = v.variant.Retryable
		}
		r.Retryable = rt
		name := "\"" + v.entry.Code + "\""
		if len(v.agreeing) > 0 && v.code != "" {
			name = "\"" + v.code + "\""
		}
		if v.variant != nil {
			name += " (" + v.variant.Name + ")"
		}
		switch rt {
		case catalog.RetryYes:
			why = append(why, who+" "+verb+" "+name+" as retryable.")
		case catalog.RetryNo:
			why = append(why, who+" "+verb+" "+name+" as not retryable.")
		default:
			why = append(why, poss(who)+" docs do not say whether "+name+" can be retried.")
		}
		if n := v.entry.Retry.Note; n != "" {
			why = append(why, n)
		}
		if rt == catalog.RetryUnknown && v.upstreamStatus != 0 {
			up := statusCategory(v.upstreamStatus)
			switch {
			case v.upstreamStatus == 408 || v.upstreamStatus == 429 || v.upstreamStatus >= 500:
				r.Retryable = catalog.RetryYes
				why = append(why, "The error embedded in it is an upstream "+strconv.Itoa(v.upstreamStatus)+" ("+up+"), which is transient: retry with backoff.")
			case v.upstreamStatus >= 400:
				r.Retryable = catalog.RetryNo
				why = append(why, "The error embedded in it is an upstream "+strconv.Itoa(v.upstreamStatus)+" ("+up+"): the same request fails again until it is changed.")
			}
		}
	case v.foreign != nil && (v.foreign.retry != catalog.RetryUnknown || v.foreign.why != ""):
		r.Retryable = v.foreign.retry
		if v.foreign.why != "" {
			why = append(why, v.foreign.why)
		} else {
			why = append(why, "By "+v.foreign.rule+": "+retryWord(r.Retryable)+" (AIP-194).")
		}
	default:
		if c, ok := catalog.CategoryByName(v.category); ok {
			r.Retryable = c.Retryable
			why = append(why, "No documented rule for this error; by its category ("+v.category+"): "+lowerFirst(c.Advice))
		}
		if v.html {
			what := "A proxy or gateway"
			if v.vendor != "" {
				what = v.vendor
			}
			why = append(why, what+" answered with an HTML page, so the request may never have reached the API.")
		}
	}
	if s, ok := v.headers.get("x-should-retry"); ok && v.entry == nil {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "true":
			r.Retryable = catalog.RetryYes
			why = append(why, "The server sent x-should-retry: true.")
		case "false":
			r.Retryable = catalog.RetryNo
			why = append(why, "The server sent x-should-retry: false.")
		}
	}
	// A spent quota or missing credit is never "retry in a second".
	if v.category == "quota" || v.category == "payment" {
		r.Retryable = catalog.RetryNo
		what := "the account is out of credit or over its spending limit; it comes back only after a top-up"
		if v.category == "quota" {
			what = "a quota for a longer period is used up; it comes back only when the period resets or the quota is raised"
		}
		msg := "Do not retry: " + what + "."
		if v.wait.ok && v.wait.source != "" {
			msg += " " + v.wait.source + " does not change that: retrying after " + formatSeconds(v.wait.seconds) + " gets the same answer."
		} else if v.wait.hasAt {
			msg += " The reset time it gives is " + v.wait.at.formatClock() + " UTC; schedule one new attempt after it instead of a retry loop."
		}
		why = append(why, msg)
		r.Reason = strings.Join(why, " ")
		return r
	}
	if r.Retryable != catalog.RetryNo {
		switch {
		case v.wait.ok:
			r.WaitSeconds, r.HasWait = v.wait.seconds, true
			why = append(why, "Wait "+formatSeconds(v.wait.seconds)+" ("+v.wait.source+").")
			if v.wait.seconds > longWait {
				why = append(why, "That is long: schedule the retry instead of blocking on it.")
			}
		case v.wait.hasAt:
			why = append(why, "Retry after "+v.wait.at.formatClock()+" UTC ("+v.wait.source+"). The paste has no Date header, so the wait counts from when the response arrived and cannot be given in seconds.")
		case r.Retryable == catalog.RetryYes:
			if v.entry != nil && v.entry.Retry.Backoff != "" {
				why = append(why, "Back off: "+v.entry.Retry.Backoff+".")
			} else {
				why = append(why, "No wait is given: back off exponentially with jitter (about 1, 2, 4, 8 s).")
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
		why = append(why, w)
	}
	r.Reason = strings.Join(why, " ")
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
	return string(s[0]+'a'-'A') + s[1:]
}
