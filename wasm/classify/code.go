package classify

import (
	"github.com/errdex/errdex/wasm/catalog"
	"github.com/errdex/errdex/wasm/internal/decimal"
	"github.com/errdex/errdex/wasm/internal/textx"
)

// This file is the code stage of fill: the code, message, request id and
// fields, from the provider's reading r, the tied readings, a shape outside
// the catalog or the loose text.

// fillCode writes the code, message, request id and fields into d. status
// is the status the category follows.
func (c *Classifier) fillCode(d *Diagnosis, a *artefact, at *attempt, p *catalog.Provider, r *reading, names []string, status int) {
	var read *errorFields // what they are read from
	switch {
	case r != nil:
		read = &r.errorFields
		if r.entry != nil || r.result > 0 {
			d.Code = r.code
		}
		if r.unknownCode != "" {
			note := "The code \"" + textx.CutUTF8(r.unknownCode, 80) + "\" is not one " + p.Name + " documents"
			if r.entry != nil {
				note += "; the diagnosis follows its entry for the HTTP status, " + r.entry.Code
			}
			push(&d.Notes, note+".")
		}
		if r.byStatus {
			push(&d.Notes, "The body carries no code; "+p.Name+" documents \""+r.entry.Code+"\" as its only error with HTTP "+decimal.Itoa(status)+".")
		}
		if r.variant != nil {
			d.Variant = r.variant.Name
		}
	case names != nil:
		// tied providers: the fields and the code are the best one's
		// reading, the one the fields list shows
		read = &at.reads[0].errorFields
		d.Code = read.code
	case at.fok:
		read = &at.fgn.errorFields
		d.Code = read.code
	default:
		d.Code, d.Message = a.looseCode, a.looseMsg
		if a.html != "" {
			d.Message = a.html
		}
	}
	if read != nil {
		d.Message, d.RequestID, d.Fields = read.message, read.requestID, read.fields
	}
	if d.RequestID == "" {
		for _, name := range requestIDHeaders {
			if id, ok := a.headers.get(name); ok && id != "" {
				d.RequestID = id
				addField(&d.Fields, "header "+name, id, "request_id")
				break
			}
		}
	}
	for _, h := range []string{"retry-after", "retry-after-ms"} {
		if val, ok := a.headers.get(h); ok {
			addField(&d.Fields, "header "+h, val, "retry_after")
		}
	}
}
