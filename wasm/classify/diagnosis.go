package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/jsonout"
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
	Form          string      // json, curl-i, curl-v, sse, sdk, agent, log, har, text, empty, binary
	Status        int         // HTTP status, 0 when unknown
	Code          string      // the provider's own code, as sent
	Message       string      // the error's message field (redacted)
	RequestID     string      // from the body or x-request-id / request-id
	Category      string      // canonical category, "success" or "unknown"
	Variant       string      // the code's variant the message selected
	CodeCategory  string      // the code's own category; "" (null) when there is no error
	RootCause     *RootCause  // the error the reported one wraps, when it decides the advice
	MidStream     bool        // the error arrived inside a stream after HTTP 200
	PartialOutput bool        // stream events came before the error
	Truncated     bool        // the input was cut off inside the error body
	Line          int         // 1-based line of the paste where the error starts, 0 (null) when none
	Occurrences   int         // how many times the paste has this error; 0 when there is no error
	Retry         Retry
	Clients       []ClientVerdict // what each client of the catalog would do (clients.go)
	Title         string
	Explanation   string   // what happened, in words
	Fix           []string // steps, in order
	Reference     string   // site path: catalog.Path or catalog.CategoryPath
	Redactions    []Redaction
	Fields        []Field  // the error's fields, one by one
	Notes         []string // anything else worth saying
	// Errors lists one Diagnosis per distinct error, in paste order, when
	// the paste has several occurrences of errors. With one error it is
	// empty, and the JSON writes the top level itself as the one entry of
	// "errors". Entries have no Errors and no RedactedInput of their own,
	// and share the paste's Redactions (the JSON repeats them in each).
	Errors        []Diagnosis
	RedactedInput string // the input with every secret masked

	// Primary marks the entry of Errors that the top level reports. It is
	// for Go callers (the CLI) and not part of the JSON.
	Primary bool
}

// RootCause is the error a catalog error wraps when that inner error is
// more specific than the wrapper's own category: the wrapper keeps the
// provider and code, the root cause gives the category and the advice.
type RootCause struct {
	Where    string // where in the paste it was found, e.g. "message (escaped JSON)"
	Provider string // the inner error's catalog provider; empty: wrapped documents are not attributed
	Code     string // the inner error's code or type, as sent
	Status   int    // the inner error's HTTP status, 0 when none
	Message  string
	Category string
	_        [0]func() // not comparable: no equality function in the binary
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
	_           [0]func() // not comparable: no equality function in the binary
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
	Role  string // code, message, request_id, type, details, reason, status, upstream, retry_after
}

// JSON returns d as one JSON object with the keys in the documented order.
// The CLI's --json output and the playground's data both come from here.
// Each key is written together with the separator before it.
func (d *Diagnosis) JSON() []byte {
	w := &jsonWriter{b: make([]byte, 0, 1024+len(d.RedactedInput)+len(d.Message)+2048*len(d.Errors))}
	d.write(w, d.Redactions, true)
	return w.b
}

// write writes d with the paste's redactions reds; an entry of Errors (top
// false) has neither "errors" nor "redacted_input".
func (d *Diagnosis) write(w *jsonWriter, reds []Redaction, top bool) {
	w.nullable(`{"provider":`, d.Provider)
	w.nullable(`,"provider_name":`, d.ProviderName)
	w.number(`,"confidence":`, d.Confidence, true)
	w.raw(`,"candidates":[`)
	for i, c := range d.Candidates {
		if i > 0 {
			w.raw(",")
		}
		w.str(`{"provider":`, c.Provider)
		w.number(`,"confidence":`, c.Confidence, true)
		w.list(`,"evidence":`, c.Evidence)
		w.raw(`}`)
	}
	w.list(`],"evidence":`, d.Evidence)
	w.str(`,"form":`, d.Form)
	w.number(`,"status":`, float64(d.Status), d.Status != 0)
	w.nullable(`,"code":`, d.Code)
	w.nullable(`,"message":`, d.Message)
	w.nullable(`,"request_id":`, d.RequestID)
	w.str(`,"category":`, d.Category)
	w.nullable(`,"variant":`, d.Variant)
	w.nullable(`,"code_category":`, d.CodeCategory)
	if rc := d.RootCause; rc != nil {
		w.str(`,"root_cause":{"where":`, rc.Where)
		w.nullable(`,"provider":`, rc.Provider)
		w.nullable(`,"code":`, rc.Code)
		w.number(`,"status":`, float64(rc.Status), rc.Status != 0)
		w.nullable(`,"message":`, rc.Message)
		w.str(`,"category":`, rc.Category)
		w.raw(`}`)
	} else {
		w.raw(`,"root_cause":null`)
	}
	w.bool(`,"mid_stream":`, d.MidStream)
	w.bool(`,"partial_output":`, d.PartialOutput)
	w.bool(`,"truncated":`, d.Truncated)
	w.number(`,"line":`, float64(d.Line), d.Line > 0)
	w.number(`,"occurrences":`, float64(d.Occurrences), true)
	w.tri(`,"retry":{"retryable":`, d.Retry.Retryable)
	w.number(`,"wait_seconds":`, d.Retry.WaitSeconds, d.Retry.HasWait)
	w.str(`,"reason":`, d.Retry.Reason)
	w.raw(`},"clients":[`)
	for i := range d.Clients {
		c := &d.Clients[i]
		if i > 0 {
			w.raw(",")
		}
		w.str(`{"id":`, c.ID)
		w.str(`,"name":`, c.Name)
		w.tri(`,"retries":`, c.Retries)
		w.number(`,"attempts":`, float64(c.Attempts), c.Attempts > 0)
		w.number(`,"wait_seconds":`, c.Wait, c.HasWait)
		w.nullable(`,"backoff":`, c.Backoff)
		w.str(`,"verdict":`, c.Verdict)
		w.str(`,"note":`, c.Note)
		w.raw(`}`)
	}
	w.str(`],"title":`, d.Title)
	w.str(`,"explanation":`, d.Explanation)
	w.list(`,"fix":`, d.Fix)
	w.nullable(`,"reference":`, d.Reference)
	w.raw(`,"redactions":[`)
	for i, r := range reds {
		if i > 0 {
			w.raw(",")
		}
		w.str(`{"kind":`, r.Kind)
		w.str(`,"where":`, r.Where)
		w.raw(`}`)
	}
	w.raw(`],"fields":[`)
	for i, f := range d.Fields {
		if i > 0 {
			w.raw(",")
		}
		w.str(`{"path":`, f.Path)
		w.str(`,"value":`, f.Value)
		w.str(`,"role":`, f.Role)
		w.raw(`}`)
	}
	w.list(`],"notes":`, d.Notes)
	if top {
		w.raw(`,"errors":[`)
		if d.Errors == nil && d.Occurrences > 0 {
			d.write(w, reds, false) // one error: the top level itself
		}
		for i := range d.Errors {
			if i > 0 {
				w.raw(",")
			}
			d.Errors[i].write(w, reds, false)
		}
		w.str(`],"redacted_input":`, d.RedactedInput)
	}
	w.raw(`}`)
}

// jsonWriter writes the Diagnosis JSON. Each method writes the literal
// text before a value (a key with its separators), then the value.
type jsonWriter struct{ b []byte }

func (w *jsonWriter) raw(s string) { w.b = append(w.b, s...) }

func (w *jsonWriter) str(key, s string) {
	w.raw(key)
	w.b = jsonout.AppendString(w.b, s)
}

// nullable writes s, or null when it is empty.
func (w *jsonWriter) nullable(key, s string) {
	if s == "" {
		w.raw(key)
		w.raw("null")
		return
	}
	w.str(key, s)
}

// number writes f (see jsonout.AppendNumber), or null when ok is false.
func (w *jsonWriter) number(key string, f float64, ok bool) {
	w.raw(key)
	if !ok {
		w.raw("null")
		return
	}
	w.b = jsonout.AppendNumber(w.b, f)
}

// tri writes a retry verdict: true, false, or null when unknown.
func (w *jsonWriter) tri(key string, r catalog.Retryable) {
	w.raw(key)
	switch r {
	case catalog.RetryYes:
		w.raw("true")
	case catalog.RetryNo:
		w.raw("false")
	default:
		w.raw("null")
	}
}

func (w *jsonWriter) bool(key string, v bool) {
	w.raw(key)
	if v {
		w.raw("true")
	} else {
		w.raw("false")
	}
}

func (w *jsonWriter) list(key string, list []string) {
	w.raw(key)
	w.raw("[")
	for i, s := range list {
		if i > 0 {
			w.raw(",")
		}
		w.b = jsonout.AppendString(w.b, s)
	}
	w.raw("]")
}
