package cli

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/errdex/errdex/internal/wording"
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/classify"
)

// style holds the ANSI sequences in use; all empty without colour.
type style struct {
	bold, dim, red, green, yellow, reset string
}

func newStyle(color bool) style {
	if !color {
		return style{}
	}
	return style{bold: "\x1b[1m", dim: "\x1b[2m", red: "\x1b[31m", green: "\x1b[32m", yellow: "\x1b[33m", reset: "\x1b[0m"}
}

// render prints d for a person: the verdict first, then what happened, the
// fix and the reference.
func render(w io.Writer, d *classify.Diagnosis, color bool) {
	s := newStyle(color)
	// headline: who · code · status
	var head []string
	switch {
	case d.Provider != "":
		head = append(head, d.ProviderName)
	case len(d.Candidates) > 1 && d.Confidence > 0:
		var names []string
		for _, c := range d.Candidates {
			names = append(names, c.Provider)
		}
		head = append(head, "provider unclear ("+strings.Join(names, " or ")+")")
	default:
		head = append(head, "provider not in the catalog")
	}
	if d.Code != "" {
		head = append(head, d.Code)
	}
	if d.Status != 0 {
		head = append(head, "HTTP "+strconv.Itoa(d.Status))
	}
	line := strings.Join(head, " · ")
	if d.Provider != "" || d.Confidence > 0 {
		line += s.dim + "   (confidence " + strconv.FormatFloat(d.Confidence, 'f', 2, 64) + ")" + s.reset
	}
	fmt.Fprintln(w, line)
	fmt.Fprintln(w, s.bold+d.Title+s.reset)
	fmt.Fprintln(w)

	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "  %s%-10s%s %s\n", s.dim, k, s.reset, v)
		}
	}
	cat := d.Category
	if d.Variant != "" {
		cat += " (" + d.Variant + ")"
	}
	if rc := d.RootCause; rc != nil {
		cat += s.dim + "   (from the root cause; " + d.Code + " itself is " + d.CodeCategory + ")" + s.reset
	}
	row("category", cat)
	row("retry", retryLine(d, s))
	if d.Message != "" {
		row("message", oneLine(d.Message, 160))
	}
	if rc := d.RootCause; rc != nil {
		row("root cause", oneLine(rootLine(rc), 200))
	}
	row("request id", d.RequestID)
	if d.MidStream {
		row("stream", "error arrived mid-stream after HTTP 200; output may already have been produced")
	}
	row("input", d.Form)
	if len(d.Errors) > 1 || d.Occurrences > 1 {
		seen := "line " + strconv.Itoa(d.Line)
		if d.Occurrences > 1 {
			seen += ", one of " + strconv.Itoa(d.Occurrences) + " like it"
		}
		row("where", seen)
	}
	fmt.Fprintln(w)
	if d.Retry.Reason != "" {
		fmt.Fprintln(w, s.bold+"Retry"+s.reset)
		fmt.Fprintln(w, indentLines(wrap(d.Retry.Reason, 76), "  "))
		fmt.Fprintln(w)
	}
	if len(d.Clients) > 0 {
		fmt.Fprintln(w, s.bold+"What your client would do"+s.reset+s.dim+"   (default settings; disagreements first)"+s.reset)
		for _, c := range clientRows(d.Clients, s) {
			fmt.Fprintln(w, "  "+c)
		}
		fmt.Fprintln(w)
	}
	if d.Explanation != "" {
		fmt.Fprintln(w, s.bold+"What happened"+s.reset)
		fmt.Fprintln(w, indentLines(wrap(d.Explanation, 76), "  "))
		fmt.Fprintln(w)
	}
	if len(d.Fix) > 0 {
		fmt.Fprintln(w, s.bold+"Fix"+s.reset)
		for i, f := range d.Fix {
			fmt.Fprintln(w, indentLines(wrap(strconv.Itoa(i+1)+". "+f, 74), "  "))
		}
		fmt.Fprintln(w)
	}
	if len(d.Errors) > 1 {
		fmt.Fprintln(w, s.bold+"Other errors in the paste"+s.reset)
		for i := range d.Errors {
			if e := &d.Errors[i]; !e.Primary {
				fmt.Fprintln(w, "  "+errorLine(e, s))
			}
		}
		fmt.Fprintln(w)
	}
	if d.Reference != "" {
		fmt.Fprintln(w, s.dim+"Reference"+s.reset+"  "+d.Reference)
	}
	if len(d.Redactions) > 0 {
		fmt.Fprintf(w, "%sMasked%s     %d secret(s) in the input\n", s.dim, s.reset, len(d.Redactions))
	}
	for _, n := range d.Notes {
		fmt.Fprintln(w, s.dim+"Note"+s.reset+"       "+oneLine(n, 300))
	}
}

// clientRows is the clients table, one line a client, those that disagree
// with the documented rule first: client, retries, requests sent, first
// wait or backoff, verdict.
func clientRows(cs []classify.ClientVerdict, s style) []string {
	rank := map[string]int{"wastes": 0, "gives_up": 0, "unknown": 1, "agrees": 2}
	sorted := append([]classify.ClientVerdict(nil), cs...)
	slices.SortStableFunc(sorted, func(a, b classify.ClientVerdict) int { return rank[a.Verdict] - rank[b.Verdict] })
	var out []string
	for _, c := range sorted {
		retries, sends, wait := "?", "?", "-"
		switch c.Retries {
		case catalog.RetryYes:
			retries, wait = "yes", c.Backoff
		case catalog.RetryNo:
			retries = "no"
		}
		if c.Attempts > 0 {
			sends = "×" + strconv.Itoa(c.Attempts)
		}
		colour := s.green
		if c.Verdict != "agrees" {
			colour = s.red
			if c.Verdict == "unknown" {
				colour = s.yellow
			}
		}
		out = append(out, fmt.Sprintf("%-22s %-4s %-3s %-26s %s", c.ID, retries, sends, oneLine(wait, 26), colour+strings.ReplaceAll(c.Verdict, "_", " ")+s.reset))
	}
	return out
}

// rootLine says where the root cause was found and what it said.
func rootLine(rc *classify.RootCause) string {
	var parts []string
	if rc.Provider != "" {
		parts = append(parts, rc.Provider)
	}
	if rc.Status != 0 {
		parts = append(parts, "HTTP "+strconv.Itoa(rc.Status))
	}
	if rc.Code != "" && rc.Code != strconv.Itoa(rc.Status) {
		parts = append(parts, rc.Code)
	}
	line := rc.Category + ", in " + rc.Where
	if len(parts) > 0 {
		line += ": " + strings.Join(parts, " · ")
	}
	if rc.Message != "" {
		line += `: "` + rc.Message + `"`
	}
	return line
}

// errorLine is one entry of the paste's errors, on one line: where, who,
// which code, its category and whether to retry.
func errorLine(e *classify.Diagnosis, s style) string {
	who, code := e.ProviderName, e.Code
	if who == "" {
		who = "provider unclear"
	}
	if code == "" {
		code = "no code"
	}
	line := fmt.Sprintf("line %-6d %s · %s · %s · %s %s", e.Line, who, oneLine(code, 60), e.Category, wording.Retry, retryLine(e, s))
	if e.Occurrences > 1 {
		line += s.dim + " (×" + strconv.Itoa(e.Occurrences) + ")" + s.reset
	}
	return line
}

func retryLine(d *classify.Diagnosis, s style) string {
	var v string
	switch d.Retry.Retryable {
	case catalog.RetryYes:
		v = s.green + wording.Yes.Key + s.reset
		if d.Retry.HasWait {
			v += ", " + wording.After + " " + wording.WaitSeconds(d.Retry.WaitSeconds)
		}
	case catalog.RetryNo:
		v = s.red + wording.No.Key + s.reset
	default:
		v = s.yellow + wording.Unknown.Key + s.reset
		if d.Retry.HasWait {
			v += " (" + wording.IfYouDo + " " + wording.Wait + " " + wording.WaitSeconds(d.Retry.WaitSeconds) + ")"
		}
	}
	if d.Category == "success" || d.Category == "unknown" {
		v = wording.NoVerdict
	}
	return v
}

// oneLine flattens s to one line of at most n bytes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		cut := n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// wrap breaks s into lines of at most width bytes at spaces.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(s) {
		if i > 0 {
			if n+1+len(word) > width {
				b.WriteString("\n")
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}
