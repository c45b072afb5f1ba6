// Package content is errdex's single source of truth: the providers, their
// error codes and the canonical categories, written as Markdown files with
// YAML front matter, and the loader that reads and validates them.
//
// Everything else is generated from these files: the classifier's catalog
// (wasm/catalog/data_gen.go, by `make gen`), the reference pages, the search
// index and catalog.json (by cmd/sitegen). The files are embedded as [FS];
// [Load] takes any fs.FS, so tests load fixtures from an fstest.MapFS.
//
// # Layout
//
//	content/providers/<id>.md     one provider and all of its codes
//	content/categories/<name>.md  one canonical category
//	content/urls.txt              every code page URL ever published (the manifest)
//
// A file is a front-matter block between two "---" lines, then a Markdown
// body. The body is rendered by goldmark with raw HTML off; use "##" headings.
//
// # Provider front matter
//
// Keys marked * are required. "paths" are JSON paths into an error body:
// dot-separated keys, with "[]" after a key to step into each array element
// ("choices[].error.code"); the first path present wins.
//
//	id*            string   lower-case [a-z0-9-], equal to the file name; URL segment
//	name*          string   display name
//	summary*       string   one line: what the provider is
//	homepage       string   URL
//	base_url       string   documented API base URL
//	docs*          list     {title*, url*}: the provider's documentation
//	envelope*      map      where the error body keeps its fields:
//	  code*          paths  the error code
//	  message        paths  the human-readable message
//	  request_id     paths  the request id
//	  details        paths  extra detail objects
//	  type           paths  an error type/class field
//	  retry_after    paths  a body field holding a wait in seconds
//	  indirect       map    {when*, field*}: a code equal to `when` means
//	                        "the real code is the string in `field`"
//	detect         map      fingerprints beyond the envelope and codes:
//	  hosts          list   host names (API, docs), lower case
//	  headers        list   header names only this provider uses, lower case
//	  sdk            list   text its SDK exceptions and log lines contain
//	auth*          map
//	  header*        string header carrying the key ("Authorization", "auth")
//	  scheme         string scheme word before the key ("Bearer"), empty for raw
//	  alt_headers    list   other accepted key headers
//	  key_prefixes   list   documented key prefixes ("oc_live_")
//	rate_limit     map
//	  summary        string documented limits in words
//	  headers        list   rate-limit response headers
//	  reset_header   string header holding the reset time
//	  reset_unit     string "epoch" (Unix seconds) or "seconds" (delta)
//	retry*         string   general retry guidance, one paragraph
//	results        list     documented non-error responses:
//	  code           string body code marking it ("0"); this or status required
//	  status         int    HTTP status marking it (202)
//	  title*         string
//	  meaning*       string
//	codes*         list     the provider's error codes, see below
//
// # Code entries
//
//	code*          string   exactly as the provider sends it ("6"-style numbers
//	                        are quoted strings: "5")
//	aliases        list     other spellings of the same error (case-insensitive)
//	status*        int | list of int | "stream" | "varies"
//	                        HTTP status(es); "stream" for an error inside a 200
//	                        stream; "varies" where the docs give no status
//	category*      string   a canonical category (a file in categories/)
//	retry*         map
//	  retryable*     string "yes", "no" or "unknown" (the docs are silent)
//	  wait_seconds   number a documented fixed wait
//	  wait_fields    list   body fields that carry this code's wait, in seconds
//	  max_attempts   int    a documented attempt limit
//	  backoff        string documented backoff, in words
//	  note           string the documented rule, in words
//	title*         string   one line
//	meaning*       string   Markdown: what it means
//	causes         list     Markdown: likely causes
//	fix*           list     Markdown: steps to fix, in order
//	examples*      list     documented example responses (at least one):
//	  title          string what the example shows
//	  status         int    HTTP status it came with
//	  headers        list   "Name: value" response headers
//	  stream         bool   the body is one chunk of an SSE stream
//	  body*          string the JSON body, as documented; it must parse and its
//	                        envelope code must be this code (or an alias)
//	  source         string URL it was documented at
//	variants       list     situations one code covers, told apart by message:
//	  name*          string short id, unique within the code
//	  match*         list   substrings of the message (case-insensitive)
//	  category*      string
//	  retryable      string "yes", "no" or "unknown" (default: the code's)
//	  title*         string
//	  meaning*       string
//	  fix*           list
//	related        list     other codes: "slug" of this provider or "provider/slug"
//
// A code's URL is /<provider>/<slug>/ where slug is the code in lower case; it
// may contain only [a-z0-9_.-] and must be unique within the provider. Once
// published a URL is listed in urls.txt and must never disappear.
//
// # Category front matter
//
//	name*        string   one of the canonical names, equal to the file name
//	title*       string   display title
//	summary*     string   one line
//	retryable*   string   "yes", "no" or "unknown": the default verdict
//	advice*      string   what to do, one line
//	order*       int      position in lists and the matrix
//
// The canonical categories are auth, permission, not_found, invalid_request,
// conflict, gone, payment, rate_limit, quota, server, upstream, unavailable,
// timeout, context_length and content_filter. The classifier adds success and
// unknown; they have no file.
//
// # Problems
//
// [Load] never stops at the first problem. It returns every one as a
// [Problem] naming file and line ("providers/clore.md:42: unknown category
// \"ratelimit\""); content with any problem reaches no output.
package content
