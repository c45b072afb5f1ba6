package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file reads well-known error shapes, so that any paste gets a
// category and retry advice even with no provider: OpenAI-style
// error objects (Stripe's among them), Anthropic's `type: error`,
// google.rpc.Status, AWS errors (`__type`, XML `<Code>`), RFC 9457 problem
// details, FastAPI's `detail`, OAuth's `error` string and the generic
// `message` / `errors[]` bodies (GitHub's, Connect's). Categories come from
// the structured type and code fields, and from documented status and
// header rules (GitHub's rate limits), never from the message text.

// shape names, as shown in evidence.
const (
	shapeOpenAI    = "an OpenAI-style error object"
	shapeAnthropic = "an Anthropic error (type: error)"
	shapeGoogle    = "a google.rpc.Status error"
	shapeProblem   = "RFC 9457 problem details"
	shapeAWS       = "an AWS error"
	shapeDetail    = "a FastAPI-style detail body"
	shapeOAuth     = "an OAuth error"
	shapeGeneric   = "a generic error body"
)

// ownedShape is the shape every error of p has, when it is distinctive
// enough to tell p's bodies from others: Anthropic's `type: error` (the
// provider that goes by the name Anthropic in detect.names). OpenAI's
// shape is shared by many APIs, and google.rpc.Status by every Google API.
func ownedShape(p *catalog.Provider) string {
	if names(p, "Anthropic") {
		return shapeAnthropic
	}
	return ""
}

// foreign is what a well-known shape says about an error.
type foreign struct {
	errorFields
	shape    string
	status   int    // a status stated in the body
	category string // from the type or code vocabulary; "" when none applies
	rule     string // the rule that set category, in words
	retry    catalog.Retryable
	why      string // reason for retry, when the shape fixes it
	mark     string // the body path of a distinctive shape (it penalises catalog providers), or ""
}

// vocabulary maps the type and code values of widely used APIs, in lower
// case, to categories: one "\nvalue=category" after another (one string
// is much smaller in the browser binary than a table). Codes are tried
// before types.
const vocabulary = "" +
	"\ninsufficient_quota=quota\nenforced_spend_limit_reached=quota" +
	"\nbilling_hard_limit_reached=quota\ncredit_balance_exhausted=payment" +
	"\nbilling_error=payment\nbilling_not_active=payment" +
	"\nrate_limit_exceeded=rate_limit\nrate_limit_error=rate_limit" +
	"\nrate_limit=rate_limit\nslow_down=rate_limit\nrequests=rate_limit" +
	"\ntokens=rate_limit\ninvalid_api_key=auth\nauthentication_error=auth" +
	"\ninvalid_authentication=auth\nunauthorized=auth\ninvalid_token=auth" +
	"\ninvalid_client=auth\npermission_error=permission" +
	"\npermission_denied=permission\ninsufficient_scope=permission" +
	"\nunsupported_country_region_territory=permission" +
	"\nnot_found_error=not_found\nmodel_not_found=not_found" +
	"\ncontext_length_exceeded=context_length" +
	"\ncontent_policy_violation=content_filter\ncontent_filter=content_filter" +
	"\nserver_is_overloaded=unavailable\noverloaded_error=unavailable" +
	"\nservice_unavailable=unavailable\nserver_error=server\napi_error=server" +
	"\ninternal_error=server\ntimeout_error=timeout" +
	"\nrequest_too_large=invalid_request" +
	"\ninvalid_request_error=invalid_request" +
	// Stripe (docs.stripe.com/error-codes)
	"\ncard_error=payment\ncard_declined=payment\nexpired_card=payment" +
	"\nlock_timeout=conflict\nidempotency_error=conflict" +
	"\nidempotency_key_in_use=conflict\nresource_missing=not_found" +
	"\napi_key_expired=auth" +
	// Connect and gRPC codes in lower case (connectrpc.com/docs/protocol)
	"\nresource_exhausted=rate_limit\nunavailable=unavailable" +
	"\nunauthenticated=auth\ninvalid_argument=invalid_request" +
	"\nfailed_precondition=invalid_request\ndeadline_exceeded=timeout" +
	"\nnot_found=not_found\ninternal=server" +
	// AWS, lower-cased: the throttling and transient codes the SDKs retry
	// (boto3's retries guide), and common others
	"\nthrottling=rate_limit\nthrottlingexception=rate_limit" +
	"\nthrottledexception=rate_limit\nrequestthrottledexception=rate_limit" +
	"\ntoomanyrequestsexception=rate_limit" +
	"\nprovisionedthroughputexceededexception=rate_limit" +
	"\nrequestlimitexceeded=rate_limit\nbandwidthlimitexceeded=rate_limit" +
	"\nlimitexceededexception=rate_limit\nrequestthrottled=rate_limit" +
	"\nslowdown=rate_limit\nec2throttledexception=rate_limit" +
	"\nrequesttimeout=timeout\nrequesttimeoutexception=timeout" +
	"\naccessdeniedexception=permission\naccessdenied=permission" +
	"\nunrecognizedclientexception=auth\nexpiredtokenexception=auth" +
	"\nvalidationexception=invalid_request" +
	"\nresourcenotfoundexception=not_found\nnosuchkey=not_found" +
	"\ninternalfailure=server\ninternalerror=server" +
	"\nserviceunavailable=unavailable\nservicequotaexceededexception=quota\n"

// vocabCategory returns the category vocabulary gives code (without
// case), or "" when code is not a widely used code.
func vocabCategory(code string) string {
	l := textx.Lower(code)
	i := textx.Index(vocabulary, "\n"+l+"=")
	if i < 0 || textx.IndexAny(l, "\n=") >= 0 {
		return ""
	}
	c := vocabulary[i+len(l)+2:]
	return c[:textx.IndexByte(c, '\n')]
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

// problemTypes are RFC 9457 problem types whose category is known.
var problemTypes = []struct{ part, category string }{
	{"quota-exceeded", "quota"},
	{"temporary-reduced-capacity", "unavailable"},
	{"abnormal-usage-detected", "rate_limit"},
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
	errors := doc.get("errors")
	googleCode := false // error.status is a google.rpc.Code name
	if e.isObject() {
		st := e.strAt("status")
		for _, g := range googleStatus {
			googleCode = googleCode || g.name == st
		}
	}
	switch {
	case googleCode:
		f = google(doc, e)
	case e.isObject() && strOf(doc.get("type")) == "error":
		f.shape, f.mark = shapeAnthropic, "type"
		f.read(doc, "type:error.type|message:error.message|request_id:request_id|code:error.details.error_code")
	case e.isObject():
		f.shape = shapeOpenAI
		f.read(doc, "code:error.code|message:error.message|type:error.type")
		if f.status = httpStatus(e.get("status")); f.status == 0 && isNumeric(f.code) {
			f.status = httpStatus(e.get("code"))
		}
		if p := e.get("param"); p != nil {
			if p.kind != kindNull {
				f.add("details", "error.param", compact(p, 200))
			}
			if f.typ != "" {
				f.mark = "error.type"
			}
		}
	case e != nil && e.kind == kindString:
		f.shape, f.message = shapeOAuth, e.text
		f.read(doc, "code:error|message:message|message:error_description")
	case doc.get("__type") != nil || doc.get("Code") != nil: // AWS JSON protocols; XML errors as read by xmlError
		f.shape, f.mark = shapeAWS, "__type"
		f.read(doc, "code:__type|code:Code|message:message|message:Message|request_id:RequestId")
		f.code = f.code[textx.IndexAny(f.code, "#")+1:] // "com.amazonaws.dynamodb.v20120810#ThrottlingException"
	case strOf(doc.get("type")) != "" && (doc.get("title") != nil || doc.get("detail") != nil) ||
		strOf(doc.get("title")) != "" && httpStatus(doc.get("status")) != 0 || textx.Index(contentType, "problem+json") >= 0:
		f.shape, f.mark = shapeProblem, "title"
		if f.status = httpStatus(doc.get("status")); f.status != 0 {
			f.add("status", "status", doc.get("status").text)
		}
		if f.read(doc, "type:type|message:title|message:detail"); f.typ != "about:blank" {
			f.code = f.typ
		}
		t := textx.Lower(f.code)
		for _, p := range problemTypes {
			if textx.Index(t, p.part) >= 0 {
				f.category, f.rule = p.category, "problem type "+f.code
				break
			}
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
	case errors != nil && errors.kind == kindArray && len(errors.vals) > 0:
		f.shape = shapeGeneric
		first := errors.vals[0]
		if s, ok := first.str(); ok {
			f.message = s
		} else {
			f.message = strOf(first.get("message"))
			f.code = scalarOf(first.get("code"))
		}
		if f.message == "" {
			f.message = strOf(doc.get("message"))
		}
		f.add("message", "errors[0]", compact(first, 300))
	case doc.get("message") != nil:
		f.shape = shapeGeneric
		f.read(doc, "code:code|message:message")
		f.status = httpStatus(doc.get("status"))
	default:
		return foreign{}, false
	}
	if f.code == "" {
		f.code = f.typ
	}
	for _, v := range []string{f.code, f.typ} {
		if c := vocabCategory(v); c != "" && f.category == "" {
			f.category = c
			f.rule = "\"" + v + "\" is a widely used " + f.category + " code"
		}
	}
	return f, true
}

// context applies the rules of outside APIs that need the response's
// status and headers besides the body doc. GitHub answers a rate-limited
// request with 403 or 429: it is rate limited when Retry-After is sent
// (wait that), when x-ratelimit-remaining is 0 (wait until
// x-ratelimit-reset), and for a secondary rate limit (its
// documentation_url) without either, when the wait is at least a minute
// (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api,
// "Exceeding the rate limit"). A 403 with none of these is a permission
// error.
func (f *foreign) context(doc *node, h headerList, status int) {
	u := strOf(doc.get("documentation_url"))
	rem, _ := h.get("x-ratelimit-remaining")
	limited := h.has("retry-after") || textx.TrimSpace(rem) == "0"
	if status != 403 && status != 429 || textx.Index(u, "docs.github.com") < 0 && !h.has("x-github-request-id") ||
		!limited && status == 403 && textx.Index(u, "rate-limit") < 0 {
		return
	}
	f.category, f.retry = "rate_limit", catalog.RetryYes
	f.why = "GitHub's docs: after a 403 or 429 rate limit, wait for Retry-After, else until x-ratelimit-reset if x-ratelimit-remaining is 0, else at least a minute."
	if !limited {
		f.wait = bodyWait{seconds: 60, from: "GitHub's minimum for a secondary rate limit", ok: true, rule: true}
	}
}

// read sets the code, message, type and request id of f from doc, by
// spec: "role:path" pairs separated by "|". Every value found is listed
// among the fields; a later one of a role replaces an earlier.
func (f *foreign) read(doc *node, spec string) {
	for spec != "" {
		p := spec
		if i := textx.IndexByte(spec, '|'); i >= 0 {
			p, spec = spec[:i], spec[i+1:]
		} else {
			spec = ""
		}
		c := textx.IndexByte(p, ':')
		l, _ := resolve(doc, p[c+1:])
		v := scalarOf(l.n)
		if v == "" {
			continue
		}
		f.add(p[:c], p[c+1:], v)
		switch p[0] {
		case 'c':
			f.code = v
		case 'm':
			f.message = v
		case 't':
			f.typ = v
		case 'r':
			f.requestID = v
		}
	}
}

func (f *foreign) add(role, path, value string) {
	if value != "" {
		addField(&f.fields, path, value, role)
	}
}

// httpStatus reads a status from a number (or numeric string) node: 0
// unless it lies in 100..599.
func httpStatus(n *node) int {
	if st, ok := n.num(); ok && st >= 100 && st < 600 {
		return int(st)
	}
	return 0
}

// google reads a google.rpc.Status error e in doc: error.status is the
// canonical code, error.code the HTTP status, details may hold ErrorInfo,
// RetryInfo and QuotaFailure.
func google(doc, e *node) foreign {
	f := foreign{shape: shapeGoogle, mark: "error.status"}
	f.read(doc, "status:error.code|message:error.message|code:error.status")
	st := f.code
	f.status = httpStatus(e.get("code"))
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
			at := "error.details[" + decimal.Itoa(i) + "]"
			switch {
			case textx.HasSuffix(t, "ErrorInfo"):
				if r := strOf(det.get("reason")); r != "" {
					f.add("code", at+".reason", r)
					for _, gr := range googleReasons {
						if gr.reason == r {
							f.code = r
							f.category, f.rule = gr.category, "ErrorInfo reason "+r
						}
					}
				}
			case textx.HasSuffix(t, "RetryInfo"):
				// a protobuf Duration in JSON ("37s", "1.5s") or as {seconds, nanos}
				rd := det.get("retryDelay")
				var s float64
				ok := false
				if str, isStr := rd.str(); isStr {
					if str = textx.TrimSpace(str); textx.HasSuffix(str, "s") {
						s, ok = decimal.Parse(str[:len(str)-1])
						ok = ok && s >= 0
					}
				} else if sec, isNum := rd.get("seconds").num(); isNum {
					nanos, _ := rd.get("nanos").num()
					s, ok = sec+nanos/1e9, true
				}
				if ok {
					f.wait = bodyWait{seconds: s, from: at + ".retryDelay", ok: true}
					f.add("retry_after", f.wait.from, scalarOf(rd))
				}
			case textx.HasSuffix(t, "QuotaFailure"):
				if v := det.get("violations"); v != nil && v.kind == kindArray {
					for _, x := range v.vals {
						id := strOf(x.get("quotaId"))
						if id == "" {
							continue
						}
						f.add("details", at+".violations[].quotaId", id)
						switch {
						case textx.Index(id, "PerDay") >= 0 || textx.Index(id, "PerMonth") >= 0 || textx.Index(id, "FreeTier") >= 0 && textx.Index(id, "PerMinute") < 0:
							window = "day"
						case window == "" && (textx.Index(id, "PerMinute") >= 0 || textx.Index(id, "PerSecond") >= 0):
							window = "minute"
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
	return f
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
	for _, c := range statusCategories {
		if c.status == st {
			return c.category
		}
	}
	switch {
	case st >= 200 && st < 300:
		return "success"
	case st >= 520 && st <= 527:
		return "upstream"
	case st >= 400 && st < 500:
		return "invalid_request"
	case st >= 500 && st < 600:
		return "server"
	}
	return ""
}

// statusCategories are the categories of single statuses.
var statusCategories = []struct {
	status   int
	category string
}{
	{401, "auth"}, {407, "auth"}, {402, "payment"}, {403, "permission"}, {404, "not_found"},
	{408, "timeout"}, {409, "conflict"}, {410, "gone"}, {429, "rate_limit"}, {502, "upstream"},
	{503, "unavailable"}, {529, "unavailable"}, {504, "timeout"}, {524, "timeout"},
}
