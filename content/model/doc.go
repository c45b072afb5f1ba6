// Package model is errdex's catalog as data: the one definition of a
// provider, its error codes and the canonical categories, and the one
// description of the content schema (this comment).
//
// Every consumer derives from these types; none declares the data again:
//
//   - package content fills them from content/*.md: the front matter is
//     read into them by their yaml tags (one generic walk over the YAML,
//     which reports every unknown key and type error at its file and line),
//     then validated and normalised in place;
//   - internal/catalogjson writes catalog.json from them by their json
//     tags, in field order;
//   - internal/cataloggen prints them as Go literals into
//     wasm/catalog/data_gen.go for the playground's binary.
//
// The model carries no browser-size tricks. The binary keeps its own slim
// struct types in package wasm/catalog: only the fields the classifier
// reads, in the order that makes the smallest data. cataloggen fills them
// from these values by field name, and fails when a slim field has no
// counterpart here, so the two cannot drift. A field the classifier does not
// read is written here alone; one it reads is also declared there. The enum
// types (Retryable, Signal) are defined here only, and this package imports
// nothing, so the binary uses them as they are. (It repeats the three
// one-line URL helpers instead of calling them, for size; a test keeps the
// copies equal.)
//
// # The schema
//
// A content file is a front-matter block between two "---" lines, then a
// Markdown body (see package content). Each section below is one type; each
// line one field: its front-matter key, its Go type, what it holds. The key
// of a field is also its key in catalog.json.
//
//   - key* is required: content without it does not load;
//   - key? is left out of catalog.json when empty. Every other key is always
//     there, and a list is [] rather than null.
//
// A key without "*" may still be needed by another key written beside it
// (reset_unit by reset_headers); the loader then says which.
//
// Lines under "Not a key" are fields the loader sets; they cannot be written
// in the front matter. A test fails when a field has no line, a line no
// field, or a line's type, "*" or "?" is wrong: a new field cannot be left
// undocumented.
//
// "paths" are JSON paths into an error body: dot-separated keys, with "[]"
// after a key to step into each array element ("choices[].error.code"); the
// first path present wins. Markdown fields hold Markdown source (inline code
// in backticks, links); the rest is plain text.
//
// # Provider
//
// content/providers/<id>.md: one provider and all of its codes. Its page is
// /<id>/ ([ProviderPath]).
//
//	id*            string     lower-case [a-z0-9-], equal to the file name; the URL segment
//	name*          string     display name
//	summary*       string     one line: what the provider is
//	homepage?      string     URL
//	base_url?      string     documented API base URL
//	docs*          []Link     the provider's documentation, at least one
//	envelope*      Envelope   where its error body keeps its fields
//	detect         Detect     fingerprints beyond the envelope and codes
//	auth*          Auth       how requests authenticate
//	rate_limit     RateLimit  its documented rate limiting
//	retry*         string     general retry guidance, one paragraph
//	results        []Result   documented non-error responses
//	codes*         []Code     its error codes, at least one
//
// Not a key:
//
//	body           string     the Markdown after the front matter; not in catalog.json
//
// # Link
//
//	title*         string
//	url*           string     absolute http(s) URL
//	read*          string     YYYY-MM-DD, a real date: the day the page was last read for
//	                          this entry (pages show the latest, [Provider.LastRead])
//
// # Envelope
//
// Where an error's code comes from, in order: the body (code, then
// indirect), then the response headers (code_headers), then the HTTP status
// (code_from_status). An example must carry its code in one of them.
//
//	code*          []string   paths of the error code in the body
//	code_headers   []string   response headers whose value is the code, lower case; the
//	                          value is cut as AWS does ([HeaderCode]): before the first
//	                          ':', after the last '#'
//	code_from_status? bool    when neither names a code, the HTTP status is the code: such
//	                          codes are statuses as strings ("429"), and their examples
//	                          need no code in the body (the example's status, or else one
//	                          of the code's statuses, must equal the code)
//	message        []string   paths of the human-readable message
//	request_id     []string   paths of the request id
//	request_id_headers []string response headers holding the request id, lower case, in order
//	details        []string   paths of extra detail objects
//	type           []string   paths of an error type/class field
//	reason         []string   paths of a machine-readable reason beside the code
//	                          (Google's ErrorInfo reason in error.details[])
//	status_field   []string   paths of a body field holding the HTTP status when it is a
//	                          number (Google's error.code); where an example has both they
//	                          must agree
//	extra          []string   paths of other documented fields, neither code nor message
//	retry_after    []string   paths of a body field holding a wait
//	retry_after_format? string how retry_after is written: "seconds" (the default), "ms",
//	                          "duration", "epoch" or "rfc3339" (see # RateLimit)
//	indirect?      *Indirect  a code that only points to the real one
//	upstream?      *Upstream  where an aggregator names the provider behind the error
//
// # Indirect
//
// A code equal to "when" means "the real code is the string in field"
// (Clore.ai's code 6 with its "error" string).
//
//	when*          string     the pointing code ("6")
//	field*         string     path of the real code
//
// # Upstream
//
// An aggregator (OpenRouter) passes on errors of the providers it routes
// to. Their names resolve to a catalog provider through detect.names.
//
//	provider*      []string   paths of the upstream provider's name
//	body           []string   paths of the upstream's own error body, as sent (a string)
//
// # Detect
//
//	hosts          []string   host patterns (API, docs), lower case ([MatchHost]): a plain
//	                          host also matches its subdomains; "*.host" matches
//	                          subdomains only; one more "*" stands for one or more
//	                          characters inside a label ("bedrock-runtime.*.amazonaws.com")
//	headers        []string   header names only this provider uses, lower case
//	sdk            []string   text its SDK exceptions and log lines contain
//	names          []string   names an upstream field or a message uses for the provider
//	                          ("Anthropic", "Claude"); compared without case, and no two
//	                          providers share one
//
// # Auth
//
// The redactor masks what this describes.
//
//	header*        string     header carrying the key ("Authorization", "auth")
//	scheme?        string     scheme word before the key ("Bearer"), empty for a raw key
//	alt_headers    []string   other accepted key headers
//	key_prefixes   []string   documented key prefixes ("oc_live_")
//
// # RateLimit
//
// A wait is written in one of five formats: "epoch" (Unix seconds),
// "seconds" (a delta, "1.5"), "ms" (a delta in milliseconds), "duration"
// (Go-style, "6m0s", "1.5s", "12ms") or "rfc3339" (a time,
// "2026-01-01T00:00:00Z").
//
//	summary?       string     documented limits in words
//	headers        []string   rate-limit response headers
//	reset_headers  []string   headers holding a reset time (OpenAI has -requests and -tokens)
//	reset_unit?    string     their format: "epoch", "seconds", "ms", "duration" or "rfc3339";
//	                          required with reset_headers
//
// Not a key:
//
//	reset_header?  string     the first of reset_headers
//
// # Result
//
// A documented response that is not an error (success, still running). It
// needs a code or a status.
//
//	code?          string     body code marking it ("0")
//	status?        int        HTTP status marking it (202)
//	title*         string
//	meaning*       string
//
// # Code
//
// One entry of a provider's codes. Its page is /<provider>/<slug>/ ([Path]),
// where slug is the code in lower case; it may contain only [a-z0-9_.-] and
// is unique within the provider (codes and aliases are compared without
// case). Once published a URL is listed in content/urls.txt and must never
// disappear.
//
//	code*          string     exactly as the provider sends it; quote numbers ("5")
//	aliases        []string   other spellings of the same error (case-insensitive)
//	status*        Status     int, list of int, "stream" or "varies" (below)
//	category*      string     a canonical category (a file in content/categories/)
//	retry*         Retry      its documented retry behaviour
//	title*         string     one line
//	meaning*       string     Markdown: what it means
//	causes         []string   Markdown: likely causes
//	fix*           []string   Markdown: steps to fix, in order
//	variants       []Variant  situations the code covers, told apart by message
//	related        []string   other codes: "slug" of this provider or "provider/slug";
//	                          the loader writes them as "provider/slug"
//	examples*      []Example  documented example responses, at least one
//
// Not a key:
//
//	slug           string     the code in lower case: the URL segment
//
// # Status
//
// The "status" key of a code is an HTTP status (429), a list of them
// ([400, 422]), "stream" for an error inside a 200 stream, statuses and
// "stream" ([529, stream]) for one sent both ways, or "varies" where the docs
// give no status. The loader turns it into three fields, which catalog.json
// has as keys of the code.
//
// Not a key:
//
//	statuses       []int      the HTTP statuses; empty unless signal is "http"
//	signal         Signal     "http" (with statuses, even when also "stream"), "stream"
//	                          (only inside a 200 SSE stream, output may precede it) or
//	                          "varies" (status not documented)
//	stream?        bool       the code can arrive inside a 200 stream ("stream" is in status)
//
// # Retry
//
//	retryable*     Retryable  "yes", "no" or "unknown" (the docs are silent)
//	wait_seconds?  float64    a documented fixed wait
//	wait_fields    []string   body fields that carry this code's wait, in seconds
//	max_attempts?  int        a documented attempt limit
//	backoff?       string     documented backoff, in words
//	note?          string     the documented rule, in words
//
// # Variant
//
// A variant needs match, when or both; with both, both must hold.
//
//	name*          string     short id, unique within the code: lower-case [a-z0-9-], the anchor
//	                          of its section on the code's page (#variant-<name>)
//	match          []string   substrings of the message that select it, any one
//	                          (case-insensitive; the loader lower-cases them)
//	when?          *When      a field of the body that selects it
//	category*      string     a canonical category
//	retryable      Retryable  "yes", "no" or "unknown"; default: the code's
//	title*         string
//	meaning*       string     Markdown
//	fix*           []string   Markdown
//
// # When
//
// Exactly one of equals, contains and present.
//
//	path*          string     path of a field of the error body ("error.details.error_code")
//	equals?        string     the field's text is exactly this
//	contains?      string     the field's text contains this (case-insensitive; lower-cased)
//	present?       bool       true: the field is there, whatever its value
//
// # Example
//
//	title?         string     what the example shows
//	status?        int        HTTP status it came with; one of the code's statuses
//	headers        []string   "Name: value" response headers
//	stream?        bool       the body is one chunk of an SSE stream
//	body*          string     the JSON body, as documented; it must parse, and the code
//	                          the envelope finds (body, headers or status) must be this
//	                          code or an alias
//	source*        string     URL of the page it was documented at (or, for a constructed
//	                          example, whose envelope it follows)
//
// # Category
//
// content/categories/<name>.md. The canonical categories are auth,
// permission, not_found, invalid_request, conflict, gone, payment,
// rate_limit, quota, server, upstream, unavailable, timeout, context_length
// and content_filter; each needs its file. The classifier adds success and
// unknown, which have none. Its page is /categories/<name>/ ([CategoryPath]).
//
//	name*          string     one of the canonical names, equal to the file name
//	title*         string     display title
//	summary*       string     one line
//	retryable*     Retryable  "yes", "no" or "unknown": the default verdict
//	advice*        string     what to do, one line
//	order*         int        position in lists and the matrix, unique
//
// Not a key:
//
//	body           string     the Markdown after the front matter; not in catalog.json
//
// # Client
//
// content/clients/<id>.md: one HTTP client's retry rule (an SDK, a
// framework or a generic retrying client), as data that one engine reads
// (wasm/classify's clients.go): adding a client is adding a file. Its page
// is /clients/<id>/ ([ClientPath]). The Markdown body explains the rule in
// prose.
//
// A status spec is a string (or an int) in a list of statuses: "429" one
// status (0 is Go's "no status"), ">=500" that status and above, "<400"
// below it, "!501" not that status. A status matches a list when it matches
// one of its plain or range specs and none of its "!" specs.
//
//	id*            string     lower-case [a-z0-9-], equal to the file name; the URL segment
//	name*          string     display name
//	language*      string     programming language ("Python", "Go")
//	kind*          string     "sdk", "framework" or "http-client"
//	providers      []string   catalog or outside provider ids it is made for; empty: any
//	sources*       []Source   where the rule was read, at least one
//	defaults*      ClientDefaults its default retry budget
//	retry_on*      RetryOn    what it retries
//	never_on       NeverOn    what it never retries, whatever retry_on says
//	headers        []ClientHeader response headers it reads, in the order it reads them
//	backoff*       Backoff    its wait when no header fixes one
//	streams*       Streams    what it does with an error inside a stream
//	notes          []string   other facts, one line each
//
// Not a key:
//
//	body           string     the Markdown after the front matter; not in catalog.json
//
// # Source
//
// A source is a file of the client's repository (repo, path, and a commit
// or a tag), one of its issues or pull requests (repo without path), or a
// documentation page (url alone).
//
//	title*         string     what was read there
//	url*           string     absolute http(s) URL
//	repo?          string     "owner/name" on GitHub
//	path?          string     the file within repo; needs repo, and commit or tag
//	commit?        string     40 lower-case hex digits; needs repo
//	tag?           string     a release tag
//	read*          string     YYYY-MM-DD, a real date: the day it was read
//
// # ClientDefaults
//
//	max_retries    int        retries after the first attempt, by default
//	attempts*      int        requests sent in all: max_retries + 1
//
// # RetryOn
//
// An error is retried when its status matches statuses or its code (as
// sent) is one of codes, unless never_on matches.
//
//	statuses       []string   status specs (above)
//	codes          []string   provider error codes, exactly as sent
//	connection_errors bool    transport errors (no response) are retried
//	condition?     string     the whole rule in words, with what the lists cannot say
//
// # NeverOn
//
//	statuses       []string   status specs never retried
//	codes          []string   error codes never retried
//
// # ClientHeader
//
// A "wait" header gives the wait: its value is used when it lies in the
// window (min_seconds, max_seconds], whose ends min_inclusive and
// max_exclusive change; below the window the client falls back to its
// backoff; above it, above_max says what happens. A "decides" header's
// "true" forces a retry and "false" forbids one.
//
//	name*          string     header name, lower case
//	effect*        string     "wait" or "decides"
//	unit?          string     for a wait: "ms", "seconds" or "seconds-or-http-date"
//	integer?       bool       only whole numbers are read; any other number is ignored
//	statuses       []string   status specs it is read on; empty: every status
//	min_seconds?   *float64   lower end of the window; null (absent from catalog.json): none
//	min_inclusive? bool       the lower end itself is in the window (default: it is not)
//	max_seconds?   *float64   upper end of the window; null (absent from catalog.json): uncapped
//	max_exclusive? bool       the upper end itself is out of the window (default: it is in)
//	above_max?     string     above the window: "give_up" (no retry), "backoff" (the
//	                          header is ignored) or "clamp" (the value is kept within
//	                          the client's own backoff bounds, so the wait stays random)
//	values?        string     for "decides": the values it reads, in words
//	note?          string     the details, in words
//
// # Backoff
//
//	initial_seconds* float64  the nominal first wait
//	factor?        *float64   multiplier per retry; null (absent): not exponential (see formula)
//	max_seconds?   *float64   cap on one wait; null (absent): uncapped
//	jitter*        string     how randomness is added, or "none"
//	formula*       string     the computation, in words
//
// Not a key:
//
//	words          string     the default waits in words, from the keys above and
//	                          defaults.attempts: "0.5, 1 s, jittered", "0.5–5 s, jittered"
//
// # Streams
//
//	retries_mid_stream? *bool an error event after HTTP 200 is retried; null (absent): not known
//	note*          string     what happens, in words
package model
