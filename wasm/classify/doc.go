// Package classify turns whatever a failed API call left behind (a JSON body,
// curl -i / curl -v output, an SSE stream, an SDK exception, a log line, a HAR
// entry) into a Diagnosis: which provider sent it, which code, the canonical
// category, whether and when to retry, and how to fix it.
//
// A [Classifier] reads the catalog it is given ([New]; the playground and
// the CLI give it the generated one, [catalog.Default]); its Diagnose is a
// pure function: no I/O, no clock, no catalog but its own. It never panics and its cost grows linearly with the input. The
// package builds for GOOS=js GOARCH=wasm without fmt, encoding/json or
// net/http, because it is what the playground runs in the browser.
//
//	c := classify.New(catalog.Default) // once
//	d := c.Diagnose(paste, classify.Options{})
//	fmt.Println(d.Provider, d.Code, d.Category, d.Retry.Reason)
//	os.Stdout.Write(d.JSON()) // what `errdex diagnose --json` prints
//
// # Pipeline
//
// One file per stage, in the order the data flows:
//
//	redact.go    mask secrets in the raw paste; every later stage sees only masked text
//	unwrap.go    recognise the form (HAR, curl -v, curl -i, SSE, SDK exception, log,
//	             bare JSON, HTML, XML, text), peel it to status, headers and the error
//	             document, and find documents escaped inside its strings (3 levels);
//	             one file per form it reads:
//	  har.go           a HAR file or entry
//	  curlv.go         curl -v output
//	  httpresponse.go  curl -i output: an HTTP response
//	  body.go          a response body: its JSON or XML document, escaped documents
//	  sse.go           an SSE stream
//	  html.go          an HTML error page
//	  plain.go         plain text: a log, a traceback, a labelled or bare JSON body
//	  sdkexception.go  SDK exceptions written in words
//	agent.go     the messages of coding agents and IDEs (Cline, Claude Code, Gemini
//	             CLI, Cursor): the form "agent"
//	textstatus.go  statuses stated in words: status words and properties, reason
//	             phrases, weaker contexts for numbers standing alone
//	jsonread.go  the tolerant reader: JSON, Python reprs (keyword arguments,
//	             <Response [429]>), Node's util.inspect ([Function: f], <ref *1>),
//	             Ruby hashes; reports truncation; depth ≤ 64; a shared byte budget
//	sdkobject.go error objects printed whole (SDK exceptions, AxiosError, log
//	             records): their body, status and headers
//	headers.go   status lines and headers in any case
//	detect.go    score every catalog provider on weighted evidence
//	lookup.go    read the document through the provider's envelope; code, variant
//	foreign.go   shapes of APIs outside the catalog (OpenAI, Stripe, Anthropic,
//	             google.rpc.Status, AWS, RFC 9457, FastAPI, OAuth, Connect, generic)
//	             and GitHub's rate-limit rules
//	segment.go   cut a paste that holds several calls into parts (log records,
//	             curl -i responses, HAR entries) and mark the failures a later
//	             success recovered
//	code.go      fill's code stage: code, message, request id, fields
//	category.go  fill's category stage: the canonical category, the verdict's inputs
//	retry.go     the one wait calculator and the retry verdict
//	explain.go   title, explanation, fix steps, reference
//	rootcause.go when a catalog code with a vague category (upstream, server)
//	             wraps a more specific error, take the advice from that one
//	distinct.go  diagnose each failed part, group them into distinct errors
//	             and pick the primary one
//	diagnosis.go the Diagnosis type and its JSON encoding
//	classify.go  Diagnose: wires the stages, picks the layer to report, and
//	             fill runs the stages on it (provider, code, category, explanation,
//	             root cause, retry)
//	text.go      line helpers; the stand-ins for strings, unicode, strconv, time,
//	             encoding/json and encoding/base64, which the browser binary is
//	             smaller without, are the packages of wasm/internal (textx,
//	             decimal, httptime, jsonout, b64)
//
// Everything provider-specific comes from package catalog (generated from
// content/): envelopes, codes, variants, hosts, headers, key prefixes,
// rate-limit reset headers and documented waits. Message patterns (a
// code's variants) are matched only inside the error's message field, never
// against the whole paste, so an echoed prompt that says "429" stays what
// its code says.
//
// # Provider confidence
//
// Each provider collects evidence, each piece with a fixed weight: a host
// of the provider named in the paste (6; its host patterns, or its base
// URL's host), a response header only it sends (5; a request header it
// reads, 2), a documented key prefix starting a word (4; not when another
// provider's longer prefix starts there: "sk-or-v1-" is not "sk-"), a
// Clore-style indirect code (4), a code from its vocabulary at its envelope
// path (3; 2 when other providers document it too, numeric codes 1.5), a
// code found in SDK text or plain text (3; 1.5 for a widely used code), an
// agent that calls it by default (3), a name its SDK prints (2; 0.5 for
// the exception classes many SDKs share, which count only unqualified),
// its own distinctive shape with nothing else in the body (1.5: Anthropic's
// `type: error`), a name it goes by (detect.names) standing as a word (1),
// rate-limit headers it sends (0.75), the envelope path itself (1), every
// body field named by the envelope (1), other envelope fields (0.5), a
// status that fits the code (+0.5) or clashes (-1), unexplained fields
// (-0.25 each, at most -1), a body that is not its own distinctive shape
// (-2), another distinctive shape whose mark the envelope lacks unless the
// code is its own (-2), a code the body carries away from its code path
// (-1.5) and a host or header of an API outside the catalog (-3).
//
// A provider's confidence is strength × share: strength is 1-e^(-score/4)
// (score 3 → 0.53, 6 → 0.78, 10 → 0.92) and share is e^score over the sum
// of e^score of the listed candidates, so evidence every candidate has
// cancels out and a lead of one point is a share of 73% against one rival.
// A provider is attributed when its
// score is at least 3 and no other candidate is within 1 point of it. When
// several are that close, Provider is empty, Confidence is the best
// candidate's (below 0.5 by construction), every tied provider is a
// candidate, and the category and retry verdict are given when the tied
// codes agree. Options.Provider overrides attribution (confidence 1).
//
// # JSON
//
// [Diagnosis.JSON] writes one object with these keys, in this order (a
// public contract: the CLI's --json and the playground both use it):
//
//	provider        string|null  catalog provider id
//	provider_name   string|null  its display name
//	confidence      number       0..1, see above; 0 when no provider has evidence
//	candidates      array        [{provider, confidence, evidence: [string]}], best first, ≤ 5
//	evidence        [string]     why provider was chosen, or what shape was read
//	form            string       json | curl-i | curl-v | sse | sdk | log | har | agent | text | empty | binary
//	status          int|null     HTTP status (status line, HAR, SDK text, body)
//	code            string|null  the provider's code as sent (Clore's error string when
//	                             code is 6; Cline's numeric error.code or stream code;
//	                             AITBC's error_code); for outside APIs their code or type
//	message         string|null  the error's message field
//	request_id      string|null  from the body, else x-request-id / request-id / cf-ray
//	category        string       a canonical category, "success" or "unknown"; with a
//	                             root cause, the root cause's
//	variant         string|null  the code's variant selected by the message
//	code_category   string|null  the code's own category (the catalog's, or its
//	                             variant's): category unless there is a root cause;
//	                             null when there is no error
//	root_cause      object|null  {where, provider, code, status, message, category}:
//	                             the error a vague catalog code wraps (see below)
//	mid_stream      bool         the error came inside a stream after HTTP 200
//	partial_output  bool         stream events with output came before the error
//	truncated       bool         the input was cut off inside the error body
//	line            int|null     1-based line of the paste where the error starts;
//	                             null when there is no error
//	occurrences     int          how many times the paste has this error (see below);
//	                             0 when there is no error
//	retry           object       {retryable: bool|null, wait_seconds: number|null, reason: string}
//	title           string
//	explanation     string       what happened
//	fix             [string]     steps, in order
//	reference       string|null  catalog.Path(provider, slug), else catalog.CategoryPath
//	redactions      array        [{kind, where}]: what was masked, never the value
//	fields          array        [{path, value, role}]: the error's fields; role is one of
//	                             code, message, request_id, type, details, retry_after, status
//	notes           [string]     anything else worth saying
//	errors          array        one object per distinct error, in paste order, with
//	                             the keys above (not errors, not redacted_input); empty
//	                             when there is no error
//	redacted_input  string       the input with every secret masked
//
// "No error" means category success or unknown: then errors is empty, line
// null, occurrences 0 and code_category null.
//
// # Several errors
//
// A paste that holds several calls is cut into parts (segment.go): a log
// into records (a line that starts with a time or a level, with the lines
// after it that do not; else a line that starts with "{"), several curl -i
// outputs into responses, a HAR file into entries. One response, one body,
// one traceback or one SSE stream is one error, however many layers it has.
// Each failed part is diagnosed on its own; parts with the same provider,
// code, status and message (each word of the message that holds a digit cut
// at the digit) are one distinct error, listed once with its occurrences
// and the line of its first occurrence.
//
// The top level is the primary error: the last failure, unless a later
// success shows it was retried successfully (a success for the same URL, or
// any success after it, a 2xx or a line saying "succeeded", when the URL of
// either is unknown); then the last failure not so recovered; when all
// were recovered, the last failure, with a note. Its line is that of the
// occurrence reported, its occurrences the count of its distinct error.
// With one error, errors has one entry: the top level without errors and
// redacted_input (Diagnosis.Errors stays empty: JSON writes the top level
// as the entry). Entries repeat the paste's redactions.
//
// # Root cause
//
// When the error read is a catalog code whose category is vague (upstream,
// server or unknown) and it wraps a more specific error (any other
// category), the Diagnosis keeps the wrapper's provider, code, title and
// reference, and takes category, retry verdict and fix from the wrapped
// one: the innermost document escaped inside the wrapper, or its message
// text when it holds none. The wrapped error's category comes from its code
// or type (the vocabulary of well-known APIs), else from its message's
// wording (context length, content filter or policy, credits, quota, API
// key, permission, rate limit; also when its code only says
// invalid_request), else from its status. root_cause.where says where it
// was found ("message (escaped JSON)", "detail (text)"); code_category keeps
// the wrapper's own category; the explanation says both, and a note which
// layer said what.
//
// retryable is null when the provider's docs are silent; wait_seconds is set
// only when a header, a body field or a documented rule fixes the wait. A
// wait that is an absolute time with no Date header to measure it against
// is given in the reason as a UTC time, with wait_seconds null. A quota or
// payment error is never retryable, whatever Retry-After says.
//
// # Tests
//
// testdata/*.txtar is the golden corpus: one case per file, an "input"
// section and a "want" section holding the Diagnosis JSON. Rewrite the
// wants with `go test ./wasm/classify -run TestCorpus -update` and read the
// diff. `-run TestGenerateCorpus -gen` writes a starter case for every
// catalog code that has none, from its documented example. FuzzDiagnose
// checks that any input gives valid, repeatable JSON, names only catalog
// providers, codes and categories (in every entry of errors too), keeps
// errors, line, occurrences and root_cause consistent, and leaks none of
// the planted secrets.
package classify
