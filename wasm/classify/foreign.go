package classify

import (
	"strconv"
	"strings"

	"github.com/errdex/errdex/wasm/catalog"
)

// This file reads error shapes of APIs outside the catalog, so that any
// paste gets a category and retry advice even with no provider: OpenAI-style
// error objects, Anthropic's `type: error`, google.rpc.Status, RFC 9457
// problem details, FastAPI's `detail`, OAuth's `error` string and the
// generic `message` / `errors[]` bodies. Categories come from the structured
// type and code fields, never from the message text.

// shape names, as shown in evidence.
const (
	shapeOpenAI    = "an OpenAI-style error object"
	shapeAnthropic = "an Anthropic error (type: error)"
	shapeGoogle    = "a google.rpc.Status error"
	shapeProblem   = "RFC 9457 problem details"
	shapeDetail    = "a FastAPI-style detail body"
	shapeOAuth     = "an OAuth error"
	shapeGeneric   = "a generic error body"
)

// foreign is what a well-known shape says about an error.
type foreign struct {
	shape     string
	code      string
	message   string
	typ       string
	requestID string
	status    int    // a status stated in the body
	category  string // from the type or code vocabulary; "" when none applies
	rule      string // the rule that set category, in words
	retry     catalog.Retryable
	why       string // reason for retry, when the shape fixes it
	wait      bodyWait
	fields    []Field
	strong    bool // the shape is distinctive (penalises catalog providers)
}

// vocabulary maps the type and code values of widely used APIs to
// categories. Codes are tried before types.
var vocabulary = []struct {
	value, category string
}{
	{"insufficient_quota", "quota"},
	{"enforced_spend_limit_reached", "quota"},
	{"billing_hard_limit_reached", "quota"},
	{"credit_balance_exhausted", "payment"},
	{"billing_error", "payment"},
	{"billing_not_active", "payment"},
	{"rate_limit_exceeded", "rate_limit"},
	{"rate_limit_error", "rate_limit"},
	{"rate_limit", "rate_limit"},
	{"slow_down", "rate_limit"},
	{"requests", "rate_limit"},
	{"tokens", "rate_limit"},
	{"invalid_api_key", "auth"},
	{"authentication_error", "auth"},
	{"invalid_authentication", "auth"},
	{"unauthorized", "auth"},
	{"invalid_token", "auth"},
	{"invalid_client", "auth"},
	{"permission_error", "permission"},
	{"permission_denied", "permission"},
	{"insufficient_scope", "permission"},
	{"unsupported_country_region_territory", "permission"},
	{"not_found_error", "not_found"},
	{"model_not_found", "not_found"},
	{"context_length_exceeded", "context_length"},
	{"content_policy_violation", "content_filter"},
	{"content_filter", "content_filter"},
	{"server_is_overloaded", "unavailable"},
	{"overloaded_error", "unavailable"},
	{"service_unavailable", "unavailable"},
	{"server_error", "server"},
	{"api_error", "server"},
	{"internal_error", "server"},
	{"timeout_error", "timeout"},
	{"request_too_large", "invalid_request"},
	{"invalid_request_error", "invalid_request"},
}

// googleStatus maps google.rpc.Code names to categories (AIP-193).
var googleStatus = []struct {
	name, category string
	retry          catalog.Retryable
}{
	{"INVALID_ARGUMENT", "invalid_request", catalog.RetryNo},
	{"FAILED_PRECONDITION", "invalid_request", catalog.RetryNo},
	{"OUT_OF_RANGE", "invalid_request", catalog.RetryNo},
	{"UNAUTHENTICATED", "auth", catalog.RetryNo},
	{"PERMISSION_DENIED", "permission", catalog.RetryNo},
	{"NOT_FOUND", "not_found", catalog.RetryNo},
	{"ALREADY_EXISTS", "conflict", catalog.RetryNo},
	{"ABORTED", "conflict", catalog.RetryUnknown},
	{"RESOURCE_EXHAUSTED", "rate_limit", catalog.RetryUnknown},
	{"CANCELLED", "timeout", catalog.RetryNo},
	{"DEADLINE_EXCEEDED", "timeout", catalog.RetryNo},
	{"UNIMPLEMENTED", "invalid_request", catalog.RetryNo},
	{"INTERNAL", "server", catalog.RetryUnknown},
	{"UNKNOWN", "server", catalog.RetryUnknown},
	{"DATA_LOSS", "server", catalog.RetryNo},
	{"UNAVAILABLE", "unavailable", catalog.RetryYes},
}

// googleReasons maps ErrorInfo reasons that override the status.
var googleReasons = []struct{ reason, category string }{
	{"API_KEY_INVALID", "auth"}, {"API_KEY_EXPIRED", "auth"},
	{"RATE_LIMIT_EXCEEDED", "rate_limit"}, {"SERVICE_DISABLED", "permission"},
	{"BILLING_DISABLED", "payment"},
}

func vocab(v string) (string, bool) {
	l := strings.ToLower(v)
	for _, e := range vocabulary {
		if e.value == l {
			return e.category, true
		}
	}
	return "", false
}

// readForeign recognises doc as a well-known shape. ok is false when doc
// is not an error body of any shape it knows.
func readForeign(doc *node, contentType string) (foreign, bool) {
	if doc != nil && doc.kind == kindArray && len(doc.vals) > 0 { // Vertex streams an array
		doc = doc.vals[0]
	}
	if doc == nil || doc.kind != kindObject {
		return foreign{}, false
	}
	var f foreign
	e := doc.get("error")
	switch {
	case e != nil && e.kind == kindObject && isGoogleStatus(e):
		f.google(e)
	case e != nil && e.kind == kindObject && strOf(doc.get("type")) == "error":
		f.shape, f.strong = shapeAnthropic, true
		f.typ = strOf(e.get("type"))
		f.message = strOf(e.get("message"))
		f.requestID = strOf(doc.get("request_id"))
		f.code = f.typ
		f.add("type", "error.type", f.typ)
		f.add("message", "error.message", f.message)
		f.add("request_id", "request_id", f.requestID)
		if d := e.get("details"); d != nil && d.kind == kindObject {
			if c := strOf(d.get("error_code")); c != "" {
				f.code = c
				f.add("code", "error.details.error_code", c)
			}
		}
	case e != nil && e.kind == kindObject:
		f.shape = shapeOpenAI
		f.message = strOf(e.get("message"))
		f.typ = strOf(e.get("type"))
		code, _ := e.get("code").scalar()
		if code == "" {
			code = f.typ
		}
		f.code = code
		if st, ok := e.get("status").num(); ok && st >= 100 && st < 600 {
			f.status = int(st)
		} else if isNumeric(code) {
			if st, ok := e.get("code").num(); ok && st >= 100 && st < 600 {
				f.status = int(st)
			}
		}
		f.add("code", "error.code", scalarOf(e.get("code")))
		f.add("message", "error.message", f.message)
		f.add("type", "error.type", f.typ)
		if p := e.get("param"); p != nil && p.kind != kindNull {
			f.add("details", "error.param", compact(p, 200))
		}
		f.strong = e.get("param") != nil && f.typ != ""
	case e != nil && e.kind == kindString:
		f.shape = shapeOAuth
		f.code = e.text
		f.message = strOf(doc.get("error_description"))
		if f.message == "" {
			f.message = strOf(doc.get("message"))
			if f.message == "" {
				f.message = e.text
			}
		}
		f.add("code", "error", f.code)
		f.add("message", "error_description", strOf(doc.get("error_description")))
	case strOf(doc.get("type")) != "" && (doc.get("title") != nil || doc.get("detail") != nil) ||
		strings.Contains(contentType, "problem+json"):
		f.shape, f.strong = shapeProblem, true
		f.code = strOf(doc.get("type"))
		if f.code == "about:blank" {
			f.code = ""
		}
		f.message = strOf(doc.get("detail"))
		if f.message == "" {
			f.message = strOf(doc.get("title"))
		}
		if st, ok := doc.get("status").num(); ok && st >= 100 && st < 600 {
			f.status = int(st)
			f.add("status", "status", doc.get("status").text)
		}
		f.add("type", "type", strOf(doc.get("type")))
		f.add("message", "title", strOf(doc.get("title")))
		f.add("message", "detail", strOf(doc.get("detail")))
		switch t := strings.ToLower(f.code); {
		case strings.Contains(t, "quota-exceeded"):
			f.category, f.rule = "quota", "problem type "+f.code
		case strings.Contains(t, "temporary-reduced-capacity"):
			f.category, f.rule = "unavailable", "problem type "+f.code
		case strings.Contains(t, "abnormal-usage-detected"):
			f.category, f.rule = "rate_limit", "problem type "+f.code
		}
		return f, true
	case doc.get("detail") != nil:
		f.shape = shapeDetail
		d := doc.get("detail")
		if s, ok := d.str(); ok {
			f.message = s
		} else if d.kind == kindArray && len(d.vals) > 0 {
			f.message = strOf(d.vals[0].get("msg"))
		}
		f.add("message", "detail", compact(d, 300))
	case doc.get("errors") != nil && doc.get("errors").kind == kindArray && len(doc.get("errors").vals) > 0:
		f.shape = shapeGeneric
		first := doc.get("errors").vals[0]
		if s, ok := first.str(); ok {
			f.message = s
		} else {
			f.message = strOf(first.get("message"))
			f.code, _ = first.get("code").scalar()
		}
		if f.message == "" {
			f.message = strOf(doc.get("message"))
		}
		f.add("message", "errors[0]", compact(first, 300))
	case doc.get("message") != nil:
		f.shape = shapeGeneric
		f.message = strOf(doc.get("message"))
		f.code, _ = doc.get("code").scalar()
		f.add("code", "code", f.code)
		f.add("message", "message", f.message)
		if st, ok := doc.get("status").num(); ok && st >= 100 && st < 600 {
			f.status = int(st)
		}
	default:
		return foreign{}, false
	}
	if f.category == "" {
		for _, v := range []string{f.code, f.typ} {
			if v == "" {
				continue
			}
			if c, ok := vocab(v); ok {
				f.category, f.rule = c, "\""+v+"\" is a widely used "+c+" code"
				break
			}
		}
	}
	return f, true
}

func (f *foreign) add(role, path, value string) {
	if value != "" {
		f.fields = append(f.fields, Field{Path: path, Value: value, Role: role})
	}
}

func isGoogleStatus(e *node) bool {
	s, ok := e.get("status").str()
	if !ok {
		return false
	}
	for _, g := range googleStatus {
		if g.name == s {
			return true
		}
	}
	return false
}

// google reads a google.rpc.Status error: error.status is the canonical
// code, error.code the HTTP status, details may hold ErrorInfo, RetryInfo
// and QuotaFailure.
func (f *foreign) google(e *node) {
	f.shape, f.strong = shapeGoogle, true
	st := strOf(e.get("status"))
	f.code, f.message = st, strOf(e.get("message"))
	if n, ok := e.get("code").num(); ok && n >= 100 && n < 600 {
		f.status = int(n)
	}
	f.add("status", "error.code", scalarOf(e.get("code")))
	f.add("message", "error.message", f.message)
	f.add("code", "error.status", st)
	for _, g := range googleStatus {
		if g.name == st {
			f.category, f.retry = g.category, g.retry
			f.rule = "google.rpc status " + st
		}
	}
	window := ""
	if d := e.get("details"); d != nil && d.kind == kindArray {
		for i, det := range d.vals {
			t := strOf(det.get("@type"))
			at := "error.details[" + strconv.Itoa(i) + "]"
			switch {
			case strings.HasSuffix(t, "ErrorInfo"):
				if r := strOf(det.get("reason")); r != "" {
					f.add("code", at+".reason", r)
					for _, gr := range googleReasons {
						if gr.reason == r {
							f.code = r
							f.category, f.rule = gr.category, "ErrorInfo reason "+r
						}
					}
				}
			case strings.HasSuffix(t, "RetryInfo"):
				if s, ok := googleDuration(det.get("retryDelay")); ok {
					f.wait = bodyWait{seconds: s, from: at + ".retryDelay", ok: true}
					f.add("retry_after", at+".retryDelay", scalarOf(det.get("retryDelay")))
				}
			case strings.HasSuffix(t, "QuotaFailure"):
				if v := det.get("violations"); v != nil && v.kind == kindArray {
					for _, x := range v.vals {
						id := strOf(x.get("quotaId"))
						if id == "" {
							continue
						}
						f.add("details", at+".violations[].quotaId", id)
						switch {
						case strings.Contains(id, "PerDay") || strings.Contains(id, "PerMonth") || strings.Contains(id, "FreeTier") && !strings.Contains(id, "PerMinute"):
							window = "day"
						case strings.Contains(id, "PerMinute") || strings.Contains(id, "PerSecond"):
							if window == "" {
								window = "minute"
							}
						}
					}
				}
			}
		}
	}
	if st == "RESOURCE_EXHAUSTED" {
		switch {
		case f.status == 402:
			f.category, f.retry, f.rule = "payment", catalog.RetryNo, "RESOURCE_EXHAUSTED with HTTP 402: prepaid credit is used up"
		case window == "day":
			f.category, f.retry, f.rule = "quota", catalog.RetryNo, "RESOURCE_EXHAUSTED with a per-day quota in QuotaFailure"
		case window == "minute":
			f.category, f.retry, f.rule = "rate_limit", catalog.RetryYes, "RESOURCE_EXHAUSTED with a per-minute quota in QuotaFailure"
		default:
			f.why = "google.rpc RESOURCE_EXHAUSTED covers both short rate limits and spent quotas, and the body does not say which window ran out; AIP-194 calls it generally not retryable."
		}
	}
}

// googleDuration reads a protobuf Duration in JSON ("37s", "1.5s") or as
// {seconds, nanos}.
func googleDuration(n *node) (float64, bool) {
	if n == nil {
		return 0, false
	}
	if s, ok := n.str(); ok {
		s = strings.TrimSpace(s)
		if v, ok := strings.CutSuffix(s, "s"); ok {
			f, ok := parseDecimal(v)
			return f, ok && f >= 0
		}
		return 0, false
	}
	if sec, ok := n.get("seconds").num(); ok {
		nanos, _ := n.get("nanos").num()
		return sec + nanos/1e9, true
	}
	return 0, false
}

func strOf(n *node) string {
	s, _ := n.str()
	return s
}

func scalarOf(n *node) string {
	s, _ := n.scalar()
	return s
}

// statusCategory is the category HTTP semantics give a status.
func statusCategory(st int) string {
	switch {
	case st >= 200 && st < 300:
		return "success"
	case st == 401, st == 407:
		return "auth"
	case st == 402:
		return "payment"
	case st == 403:
		return "permission"
	case st == 404:
		return "not_found"
	case st == 408:
		return "timeout"
	case st == 409:
		return "conflict"
	case st == 410:
		return "gone"
	case st == 429:
		return "rate_limit"
	case st == 502:
		return "upstream"
	case st == 503, st == 529:
		return "unavailable"
	case st == 504, st == 524:
		return "timeout"
	case st >= 520 && st <= 527:
		return "upstream"
	case st >= 400 && st < 500:
		return "invalid_request"
	case st >= 500 && st < 600:
		return "server"
	}
	return ""
}
