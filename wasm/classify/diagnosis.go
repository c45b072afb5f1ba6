package classify

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/errdex/errdex/wasm/catalog"
)

// Diagnosis is everything the classifier found in one paste. It is plain
// data: an unrecognised paste gives a valid Diagnosis with Category
// "unknown", never an error. Empty strings and a zero Status stand for
// "absent" and are written as null by [Diagnosis.JSON].
type Diagnosis struct {
	Provider      string      // catalog provider id, "" when none was attributed
	ProviderName  string      // its display name
	Confidence    float64     // 0..1, how sure the provider attribution is
	Candidates    []Candidate // every provider with any evidence, best first
	Evidence      []string    // why Provider was chosen, or what shape was read
	Form          string      // json, curl-i, curl-v, sse, sdk, log, har, text, empty, binary
	Status        int         // HTTP status, 0 when unknown
	Code          string      // the provider's own code, as sent
	Message       string      // the error's message field (redacted)
	RequestID     string      // from the body or x-request-id / request-id
	Category      string      // canonical category, "success" or "unknown"
	Variant       string      // the code's variant the message selected
	MidStream     bool        // the error arrived inside a stream after HTTP 200
	PartialOutput bool        // stream events came before the error
	Truncated     bool        // the input was cut off inside the error body
	Retry         Retry
	Title         string
	Explanation   string   // what happened, in words
	Fix           []string // steps, in order
	Reference     string   // site path: catalog.Path or catalog.CategoryPath
	Redactions    []Redaction
	Fields        []Field  // the error's fields, one by one
	Notes         []string // anything else worth saying
	RedactedInput string   // the input with every secret masked
}

// Candidate is one provider the paste could come from.
type Candidate struct {
	Provider   string
	Confidence float64
	Evidence   []string
}

// Retry is the retry verdict.
type Retry struct {
	Retryable   catalog.Retryable // RetryUnknown is written as null
	WaitSeconds float64           // meaningful only when HasWait
	HasWait     bool
	Reason      string
}

// Redaction records one masked secret: what kind and where, never the value.
type Redaction struct {
	Kind  string
	Where string
}

// Field is one recognised field of the error body.
type Field struct {
	Path  string // where it was found, e.g. "error.code" or "header x-request-id"
	Value string // its value, redacted, shortened when long
	Role  string // code, message, request_id, type, details, retry_after, status
}

// JSON returns d as one JSON object with the keys in the documented order.
// The CLI's --json output and the playground's data both come from here.
func (d *Diagnosis) JSON() []byte {
	b := make([]byte, 0, 1024+len(d.RedactedInput)+len(d.Message))
	b = append(b, '{')
	b = key(b, "provider", true)
	b = nullString(b, d.Provider)
	b = key(b, "provider_name", false)
	b = nullString(b, d.ProviderName)
	b = key(b, "confidence", false)
	b = appendFloat(b, d.Confidence)
	b = key(b, "candidates", false)
	b = append(b, '[')
	for i, c := range d.Candidates {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		b = key(b, "provider", true)
		b = appendJSONString(b, c.Provider)
		b = key(b, "confidence", false)
		b = appendFloat(b, c.Confidence)
		b = key(b, "evidence", false)
		b = stringList(b, c.Evidence)
		b = append(b, '}')
	}
	b = append(b, ']')
	b = key(b, "evidence", false)
	b = stringList(b, d.Evidence)
	b = key(b, "form", false)
	b = appendJSONString(b, d.Form)
	b = key(b, "status", false)
	if d.Status == 0 {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, int64(d.Status), 10)
	}
	b = key(b, "code", false)
	b = nullString(b, d.Code)
	b = key(b, "message", false)
	b = nullString(b, d.Message)
	b = key(b, "request_id", false)
	b = nullString(b, d.RequestID)
	b = key(b, "category", false)
	b = appendJSONString(b, d.Category)
	b = key(b, "variant", false)
	b = nullString(b, d.Variant)
	b = key(b, "mid_stream", false)
	b = strconv.AppendBool(b, d.MidStream)
	b = key(b, "partial_output", false)
	b = strconv.AppendBool(b, d.PartialOutput)
	b = key(b, "truncated", false)
	b = strconv.AppendBool(b, d.Truncated)
	b = key(b, "retry", false)
	b = append(b, '{')
	b = key(b, "retryable", true)
	switch d.Retry.Retryable {
	case catalog.RetryYes:
		b = append(b, "true"...)
	case catalog.RetryNo:
		b = append(b, "false"...)
	default:
		b = append(b, "null"...)
	}
	b = key(b, "wait_seconds", false)
	if d.Retry.HasWait {
		b = appendFloat(b, d.Retry.WaitSeconds)
	} else {
		b = append(b, "null"...)
	}
	b = key(b, "reason", false)
	b = appendJSONString(b, d.Retry.Reason)
	b = append(b, '}')
	b = key(b, "title", false)
	b = appendJSONString(b, d.Title)
	b = key(b, "explanation", false)
	b = appendJSONString(b, d.Explanation)
	b = key(b, "fix", false)
	b = stringList(b, d.Fix)
	b = key(b, "reference", false)
	b = nullString(b, d.Reference)
	b = key(b, "redactions", false)
	b = append(b, '[')
	for i, r := range d.Redactions {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		b = key(b, "kind", true)
		b = appendJSONString(b, r.Kind)
		b = key(b, "where", false)
		b = appendJSONString(b, r.Where)
		b = append(b, '}')
	}
	b = append(b, ']')
	b = key(b, "fields", false)
	b = append(b, '[')
	for i, f := range d.Fields {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		b = key(b, "path", true)
		b = appendJSONString(b, f.Path)
		b = key(b, "value", false)
		b = appendJSONString(b, f.Value)
		b = key(b, "role", false)
		b = appendJSONString(b, f.Role)
		b = append(b, '}')
	}
	b = append(b, ']')
	b = key(b, "notes", false)
	b = stringList(b, d.Notes)
	b = key(b, "redacted_input", false)
	b = appendJSONString(b, d.RedactedInput)
	b = append(b, '}')
	return b
}

func key(b []byte, k string, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = appendJSONString(b, k)
	return append(b, ':')
}

func nullString(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendJSONString(b, s)
}

func stringList(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendFloat writes f with at most three decimals, as an integer when whole.
func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	return appendDecimal(b, f)
}

const hexDigits = "0123456789abcdef"

// appendJSONString writes s as a JSON string. Invalid UTF-8 becomes U+FFFD;
// <, > and & are escaped so the output is safe inside HTML; U+2028 and
// U+2029 are escaped so it is safe inside JavaScript.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7f:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
