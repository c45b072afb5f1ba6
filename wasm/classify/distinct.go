package classify

import (
	"github.com/errdex/errdex/wasm/internal/decimal"
)

// This file turns the parts of a paste (segment.go) into its errors. Each
// failed part is diagnosed on its own; parts with the same provider, code,
// status and message (the words in it that hold a digit aside: numbers,
// ids, times) are one distinct error, listed once with how often it
// occurred. The primary error, which the Diagnosis reports, is the last
// failure, unless a later success shows it was retried successfully; then
// it is the last failure not so recovered, and when every failure was
// recovered, the last one, with a note.
// (Which failures a success recovers is split's business.)

// maxEntries is the most distinct errors listed.
const maxEntries = 1000

// diagnoseSeveral diagnoses the failed parts segs of the paste s, whose
// whole reading is a, and when it finds two errors or more writes the
// primary one into top, with the distinct errors in top.Errors. It returns
// the number of errors found; when fewer than two, the paste is read whole,
// and lone is the index of the part of the one error, else -1.
func (c *Classifier) diagnoseSeveral(top *Diagnosis, s string, a *artefact, segs []seg, failures, forced int, secrets []string) (total, lone int) {
	b := &budget{left: 16*len(s) + 1<<16, stream: c.lists.stream}
	var entries []Diagnosis
	var keys []string
	topI, topG, lone, open := 0, 0, -1, false // open: a failure not recovered was seen
	for i := range segs {
		sg := &segs[i]
		if sg.ok {
			continue
		}
		if failures < 2 {
			return 0, i
		}
		var d Diagnosis
		c.diagnosePart(&d, s, a, sg, b, forced, secrets)
		if d.Occurrences == 0 {
			continue // no error after all
		}
		k := distinctKey(&d)
		g := 0
		for g < len(keys) && keys[g] != k {
			g++
		}
		if g == len(keys) && g < maxEntries {
			d.Occurrences = 0
			keys, entries = append(keys, k), append(entries, d)
		}
		if g < len(entries) {
			entries[g].Occurrences++
		}
		if sg.rec == 0 || !open {
			topI, topG, open = i, g, open || sg.rec == 0
		}
		total, lone = total+1, i
	}
	if total < 2 {
		return total, lone
	}
	c.diagnosePart(top, s, a, &segs[topI], b, forced, secrets) // read again rather than copied
	top.Occurrences = 1
	if topG < len(entries) {
		top.Occurrences = entries[topG].Occurrences
		entries[topG].Primary = true
	}
	top.Errors = entries
	push(&top.Notes, "The paste holds "+decimal.Itoa(total)+" errors, "+decimal.Itoa(len(keys))+" distinct (see errors); this is the last not recovered by a later success, else the last.")
	return total, -1
}

// diagnosePart writes into d the diagnosis of the part sg of the paste s,
// whose whole reading is a.
func (c *Classifier) diagnosePart(d *Diagnosis, s string, a *artefact, sg *seg, b *budget, forced int, secrets []string) {
	var text string
	if a.form == formHAR {
		text = compact(a.entries[sg.start], len(s)) // read as a HAR file of this entry alone
	} else {
		text = s[sg.start:sg.end]
	}
	x := unwrapWith(text, b)
	x.notes = nil // they would place the error inside the part, not the paste
	c.diagnoseArtefact(d, &x, newPasteText(text), forced, secrets)
	d.Form = formNames[a.form]
	place(d, sg)
}

// place gives d the line of its part sg, and says when a later success
// recovered it.
func place(d *Diagnosis, sg *seg) {
	d.Line = sg.line
	if sg.rec != 0 {
		push(&d.Notes, "Line "+decimal.Itoa(sg.rec)+" shows a later success for the same request: this error was recovered.")
	}
}

// distinctKey is what makes two errors the same: provider, code, status
// and message, with each word of the message that holds a digit cut at
// its first digit.
func distinctKey(d *Diagnosis) string {
	k := d.Provider + "\x00" + d.Code + "\x00" + decimal.Itoa(d.Status) + "\x00" + d.Message
	b := []byte(k)
	w, cut := len(b)-len(d.Message), false // where to write; in a word cut at a digit
	for _, c := range b[w:] {
		if byteClass[c]&classToken == 0 {
			cut = false
		} else if cut = cut || c-'0' <= 9; cut {
			continue
		}
		b[w] = c
		w++
	}
	return string(b[:w])
}
