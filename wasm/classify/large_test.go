package classify

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// bigLog returns a log of about size bytes with one error line near the end.
func bigLog(size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString("2026-11-23T10:00:00Z INFO poll ")
		b.WriteString(`{"request_id":"req_` + strconv.Itoa(i) + `","status":"IN_PROGRESS","logs":[{"message":"step {1}/30: prompt mentions 429 and rate limit"}]}` + "\n")
		if i%1000 == 999 {
			b.WriteString("2026-11-23T10:00:01Z DEBUG raw text with braces { [ ( and quotes \" ' \n")
		}
	}
	b.WriteString(`2026-11-23T10:00:02Z ERROR status=402 {"error":{"type":"invalid_request_error","code":"insufficient_credits","message":"Not enough credits for this generation. Please top up your balance."}}` + "\n")
	b.WriteString("2026-11-23T10:00:03Z INFO shutting down\n")
	return b.String()
}

func TestMultiMegabyteLog(t *testing.T) {
	log := bigLog(3 << 20)
	start := time.Now()
	d := std.Diagnose(log, Options{})
	if el := time.Since(start); el > 20*time.Second {
		t.Errorf("took %v for 3 MB", el)
	}
	if d.Code != "insufficient_credits" || d.Category != "payment" || d.Status != 402 || d.Form != "log" {
		t.Errorf("got code=%q category=%q status=%d form=%s", d.Code, d.Category, d.Status, d.Form)
	}
}

// TestLinear checks that cost grows linearly: hostile input (many unclosed
// braces and quotes) twice as long takes about twice as long.
func TestLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	units := []string{
		`{"a":"{\"b\":[{'c': "x`,
		`key=key=token:`,
		`{{{{[[[[`,
		`[{"a":[{"b":`,
		"data: {\"error\n",
		`\"\\\"{\\\"`,
		"Error: x: y: z\n",
		"HTTP/1.1 100 Continue\n\n",
		"< HTTP/1.1 429\n< a: b\n",
		"status 429 [500] 404 Not Found ",
		`{"code":1}`,
		"Authorization: Bearer ",
		`{"error":{"message":"{\"error\":{\"message\":\"{\\\"error\\\":`,
	}
	measure := func(s string) time.Duration {
		best := time.Hour
		for i := 0; i < 3; i++ {
			start := time.Now()
			std.Diagnose(s, Options{})
			best = min(best, time.Since(start))
		}
		return best
	}
	// The machine may be busy (go test runs packages in parallel, the
	// browser suite among them): a pause lands on one measurement, while a
	// quadratic cost shows in every one. So a unit fails only when three
	// measurements in a row find it non-linear.
	for _, u := range units {
		var small, large time.Duration
		linear := false
		for try := 0; try < 3 && !linear; try++ {
			small = measure(strings.Repeat(u, 200_000/len(u)))
			large = measure(strings.Repeat(u, 800_000/len(u)))
			linear = large <= 12*small+50*time.Millisecond
		}
		if !linear {
			t.Errorf("%q: 4x input took %v vs %v, three times: not linear", u, large, small)
		}
	}
}

func TestMaxInput(t *testing.T) {
	in := strings.Repeat("a", MaxInput+10)
	d := std.Diagnose(in, Options{})
	if len(d.RedactedInput) != MaxInput || !strings.Contains(strings.Join(d.Notes, " "), "8 MiB") {
		t.Errorf("input not cut at MaxInput: %d bytes, notes %q", len(d.RedactedInput), d.Notes)
	}
}

// TestManyErrors reads a 10,000-line log with 500 errors of five kinds:
// every error is counted once, in five distinct entries in paste order.
func TestManyErrors(t *testing.T) {
	d := std.Diagnose(manyErrorsLog(10000, 20), Options{})
	total := 0
	for i, e := range d.Errors {
		total += e.Occurrences
		if e.Occurrences != 100 || e.Line != 20*(i+1) || len(e.Errors) != 0 {
			t.Errorf("entry %d: %d occurrences, line %d", i, e.Occurrences, e.Line)
		}
	}
	if total != 500 || len(d.Errors) != len(errorKinds) || d.Occurrences != 100 || d.Line != 10000 {
		t.Errorf("%d errors in %d entries; top: %d occurrences, line %d", total, len(d.Errors), d.Occurrences, d.Line)
	}
	if d.Errors[3].Category != "context_length" || d.Errors[3].CodeCategory != "upstream" || d.Errors[3].RootCause == nil {
		t.Errorf("the wrapped context-length error: %+v", d.Errors[3])
	}
}

// TestManyDistinctErrors: 500 errors with 500 different messages come back
// as 500 entries.
func TestManyDistinctErrors(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 500; i++ {
		name := string(rune('a'+i/26%26)) + string(rune('a'+i%26))
		b.WriteString(`2026-11-23T10:00:00Z ERROR {"detail": "Model ` + name + ` is not available", "error_code": "VALIDATION_INVALID_MODEL"}` + "\n")
	}
	d := std.Diagnose(b.String(), Options{})
	if len(d.Errors) != 500 || d.Occurrences != 1 || d.Line != 500 {
		t.Errorf("%d entries; top line %d", len(d.Errors), d.Line)
	}
}
