package model

// The fields of each type are described once, in the package doc (one line
// per field, checked by TestDocCoversModel), not here. Field order is the
// order of catalog.json's keys.

// Retryable is a tri-state retry verdict: the documentation may say yes, no,
// or nothing at all. It is written "yes", "no" or "unknown".
type Retryable int8

const (
	// RetryUnknown means the provider's documentation is silent.
	RetryUnknown Retryable = iota
	// RetryYes means the provider documents the error as safe to retry.
	RetryYes
	// RetryNo means retrying the same request returns the same error.
	RetryNo
)

// String returns "yes", "no" or "unknown".
func (r Retryable) String() string {
	switch r {
	case RetryYes:
		return "yes"
	case RetryNo:
		return "no"
	}
	return "unknown"
}

// MarshalText returns String's text, so that JSON encoders write the word.
func (r Retryable) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// Signal says how an error code reaches the client.
type Signal int8

const (
	// SignalHTTP: the code comes with a non-2xx HTTP status (Statuses).
	SignalHTTP Signal = iota
	// SignalStream: the code arrives inside a stream whose HTTP status was
	// already 200, so output may have been produced before it.
	SignalStream
	// SignalBody: the code is in the body and the HTTP status varies or is
	// not documented (Clore.ai's code 6 strings).
	SignalBody
)

// String returns "http", "stream" or "varies".
func (s Signal) String() string {
	switch s {
	case SignalStream:
		return "stream"
	case SignalBody:
		return "varies"
	}
	return "http"
}

// MarshalText returns String's text, so that JSON encoders write the word.
func (s Signal) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Provider is one API provider: content/providers/<id>.md.
type Provider struct {
	ID        string    `yaml:"id" json:"id"`
	Name      string    `yaml:"name" json:"name"`
	Summary   string    `yaml:"summary" json:"summary"`
	Homepage  string    `yaml:"homepage" json:"homepage,omitempty"`
	BaseURL   string    `yaml:"base_url" json:"base_url,omitempty"`
	Docs      []Link    `yaml:"docs" json:"docs"`
	Envelope  Envelope  `yaml:"envelope" json:"envelope"`
	Detect    Detect    `yaml:"detect" json:"detect"`
	Auth      Auth      `yaml:"auth" json:"auth"`
	RateLimit RateLimit `yaml:"rate_limit" json:"rate_limit"`
	Retry     string    `yaml:"retry" json:"retry"`
	Results   []Result  `yaml:"results" json:"results"`
	Codes     []Code    `yaml:"codes" json:"codes"`
	Body      string    `yaml:"-" json:"-"`
}

// Link is a titled URL.
type Link struct {
	Title string `yaml:"title" json:"title"`
	URL   string `yaml:"url" json:"url"`
	Read  string `yaml:"read" json:"read"`
}

// Envelope names the JSON fields of a provider's error body as paths.
type Envelope struct {
	Code             []string  `yaml:"code" json:"code"`
	CodeHeaders      []string  `yaml:"code_headers" json:"code_headers"`
	CodeFromStatus   bool      `yaml:"code_from_status" json:"code_from_status,omitempty"`
	Message          []string  `yaml:"message" json:"message"`
	RequestID        []string  `yaml:"request_id" json:"request_id"`
	RequestIDHeaders []string  `yaml:"request_id_headers" json:"request_id_headers"`
	Details          []string  `yaml:"details" json:"details"`
	Type             []string  `yaml:"type" json:"type"`
	Reason           []string  `yaml:"reason" json:"reason"`
	StatusField      []string  `yaml:"status_field" json:"status_field"`
	Extra            []string  `yaml:"extra" json:"extra"`
	RetryAfter       []string  `yaml:"retry_after" json:"retry_after"`
	RetryAfterFormat string    `yaml:"retry_after_format" json:"retry_after_format,omitempty"`
	Indirect         *Indirect `yaml:"indirect" json:"indirect,omitempty"`
	Upstream         *Upstream `yaml:"upstream" json:"upstream,omitempty"`
}

// Indirect is an envelope's pointer from a generic code to a detail field.
type Indirect struct {
	When  string `yaml:"when" json:"when"`
	Field string `yaml:"field" json:"field"`
}

// Upstream says where an aggregator's error names the provider behind it
// and carries that provider's own error body.
type Upstream struct {
	Provider []string `yaml:"provider" json:"provider"`
	Body     []string `yaml:"body" json:"body"`
}

// Detect holds a provider's fingerprints, beyond its envelope and codes.
type Detect struct {
	Hosts   []string `yaml:"hosts" json:"hosts"`
	Headers []string `yaml:"headers" json:"headers"`
	SDK     []string `yaml:"sdk" json:"sdk"`
	Names   []string `yaml:"names" json:"names"`
}

// Auth describes how requests authenticate, which also tells the redactor
// what to mask.
type Auth struct {
	Header      string   `yaml:"header" json:"header"`
	Scheme      string   `yaml:"scheme" json:"scheme,omitempty"`
	AltHeaders  []string `yaml:"alt_headers" json:"alt_headers"`
	KeyPrefixes []string `yaml:"key_prefixes" json:"key_prefixes"`
}

// RateLimit is a provider's documented rate limiting.
type RateLimit struct {
	Summary      string   `yaml:"summary" json:"summary,omitempty"`
	Headers      []string `yaml:"headers" json:"headers"`
	ResetHeaders []string `yaml:"reset_headers" json:"reset_headers"`
	ResetHeader  string   `yaml:"-" json:"reset_header,omitempty"`
	ResetUnit    string   `yaml:"reset_unit" json:"reset_unit,omitempty"`
}

// Result is a documented response that is not an error.
type Result struct {
	Code    string `yaml:"code" json:"code,omitempty"`
	Status  int    `yaml:"status" json:"status,omitempty"`
	Title   string `yaml:"title" json:"title"`
	Meaning string `yaml:"meaning" json:"meaning"`
}

// Code is one error code of one provider.
type Code struct {
	Code    string   `yaml:"code" json:"code"`
	Aliases []string `yaml:"aliases" json:"aliases"`
	Slug    string   `yaml:"-" json:"slug"`
	// Status's fields are keys of the code in catalog.json.
	Status `yaml:"status"`

	Category string    `yaml:"category" json:"category"`
	Retry    Retry     `yaml:"retry" json:"retry"`
	Title    string    `yaml:"title" json:"title"`
	Meaning  string    `yaml:"meaning" json:"meaning"`
	Causes   []string  `yaml:"causes" json:"causes"`
	Fix      []string  `yaml:"fix" json:"fix"`
	Variants []Variant `yaml:"variants" json:"variants"`
	Related  []string  `yaml:"related" json:"related"`
	Examples []Example `yaml:"examples" json:"examples"`
}

// Status is how a code reaches the client: the value of its "status" key.
type Status struct {
	Statuses []int  `yaml:"-" json:"statuses"`
	Signal   Signal `yaml:"-" json:"signal"`
	Stream   bool   `yaml:"-" json:"stream,omitempty"`
}

// Retry is the documented retry behaviour of a code.
type Retry struct {
	Retryable   Retryable `yaml:"retryable" json:"retryable"`
	WaitSeconds float64   `yaml:"wait_seconds" json:"wait_seconds,omitempty"`
	WaitFields  []string  `yaml:"wait_fields" json:"wait_fields"`
	MaxAttempts int       `yaml:"max_attempts" json:"max_attempts,omitempty"`
	Backoff     string    `yaml:"backoff" json:"backoff,omitempty"`
	Note        string    `yaml:"note" json:"note,omitempty"`
}

// Variant is one of several situations a single code covers, told apart by
// its message or by a field of the body.
type Variant struct {
	Name      string    `yaml:"name" json:"name"`
	Match     []string  `yaml:"match" json:"match"`
	When      *When     `yaml:"when" json:"when,omitempty"`
	Category  string    `yaml:"category" json:"category"`
	Retryable Retryable `yaml:"retryable" json:"retryable"`
	Title     string    `yaml:"title" json:"title"`
	Meaning   string    `yaml:"meaning" json:"meaning"`
	Fix       []string  `yaml:"fix" json:"fix"`
}

// When selects a variant by a field of the error body.
type When struct {
	Path     string `yaml:"path" json:"path"`
	Equals   string `yaml:"equals" json:"equals,omitempty"`
	Contains string `yaml:"contains" json:"contains,omitempty"`
	Present  bool   `yaml:"present" json:"present,omitempty"`
}

// Example is a documented example response.
type Example struct {
	Title   string   `yaml:"title" json:"title,omitempty"`
	Status  int      `yaml:"status" json:"status,omitempty"`
	Headers []string `yaml:"headers" json:"headers"`
	Stream  bool     `yaml:"stream" json:"stream,omitempty"`
	Body    string   `yaml:"body" json:"body"`
	Source  string   `yaml:"source" json:"source"`
}

// Category is a canonical error category: content/categories/<name>.md.
type Category struct {
	Name      string    `yaml:"name" json:"name"`
	Title     string    `yaml:"title" json:"title"`
	Summary   string    `yaml:"summary" json:"summary"`
	Retryable Retryable `yaml:"retryable" json:"retryable"`
	Advice    string    `yaml:"advice" json:"advice"`
	Order     int       `yaml:"order" json:"order"`
	Body      string    `yaml:"-" json:"-"`
}

// Path returns the site path of a code's reference page, relative to the
// site's base: "clore/not_enough_balance/". The site, catalog.json and the
// classifier's reference all use it, so the URL is made in one place.
func Path(providerID, slug string) string {
	return providerID + "/" + slug + "/"
}

// ProviderPath returns the site path of a provider's page.
func ProviderPath(providerID string) string { return providerID + "/" }

// CategoryPath returns the site path of a category's page.
func CategoryPath(name string) string { return "categories/" + name + "/" }

// LastRead returns the latest "read" date of the provider's docs
// (YYYY-MM-DD), or "" when none has one: the day its entry was last checked
// against its documentation ("docs read on ...").
func (p *Provider) LastRead() string {
	last := ""
	for _, d := range p.Docs {
		if d.Read > last { // YYYY-MM-DD sorts as text
			last = d.Read
		}
	}
	return last
}

// HeaderCode returns the error code in the value of one of an envelope's
// code_headers, cut as AWS cuts it: the part before the first ':', then
// after the last '#' ("ThrottlingException:http://internal.amazon.com/..."
// and "aws.protocols#ThrottlingException" are both "ThrottlingException").
func HeaderCode(value string) string {
	for i := 0; i < len(value); i++ {
		if value[i] == ':' {
			value = value[:i]
			break
		}
	}
	for i := len(value) - 1; i >= 0; i-- {
		if value[i] == '#' {
			value = value[i+1:]
			break
		}
	}
	for len(value) > 0 && (value[0] == ' ' || value[0] == '\t') {
		value = value[1:]
	}
	for len(value) > 0 && (value[len(value)-1] == ' ' || value[len(value)-1] == '\t') {
		value = value[:len(value)-1]
	}
	return value
}

// MatchHost reports whether host (lower case) matches pattern, an entry of
// detect.hosts. A plain pattern matches the host itself and every subdomain
// of it ("openai.azure.com" matches "x.openai.azure.com"); a pattern
// starting with "*." matches subdomains only, not the host after the dot;
// one other "*" stands for one or more characters within a single label
// ("bedrock-runtime.*.amazonaws.com", "*-aiplatform.googleapis.com").
func MatchHost(pattern, host string) bool {
	sub := len(pattern) > 2 && pattern[0] == '*' && pattern[1] == '.'
	if sub {
		pattern = pattern[2:]
	}
	p, h := labels(pattern), labels(host)
	if len(h) < len(p) || (sub && len(h) == len(p)) || len(p) == 0 {
		return false
	}
	h = h[len(h)-len(p):]
	for i := range p {
		if !matchLabel(p[i], h[i]) {
			return false
		}
	}
	return true
}

func labels(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}

// matchLabel matches one label, where a '*' in p stands for one or more
// characters.
func matchLabel(p, h string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] == '*' {
			pre, suf := p[:i], p[i+1:]
			return len(h) > len(pre)+len(suf) && h[:len(pre)] == pre && h[len(h)-len(suf):] == suf
		}
	}
	return p == h
}

// Client is one HTTP client's retry rule: content/clients/<id>.md.
type Client struct {
	ID        string         `yaml:"id" json:"id"`
	Name      string         `yaml:"name" json:"name"`
	Language  string         `yaml:"language" json:"language"`
	Kind      string         `yaml:"kind" json:"kind"`
	Providers []string       `yaml:"providers" json:"providers"`
	Sources   []Source       `yaml:"sources" json:"sources"`
	Defaults  ClientDefaults `yaml:"defaults" json:"defaults"`
	RetryOn   RetryOn        `yaml:"retry_on" json:"retry_on"`
	NeverOn   NeverOn        `yaml:"never_on" json:"never_on"`
	Headers   []ClientHeader `yaml:"headers" json:"headers"`
	Backoff   Backoff        `yaml:"backoff" json:"backoff"`
	Streams   Streams        `yaml:"streams" json:"streams"`
	Notes     []string       `yaml:"notes" json:"notes"`
	Body      string         `yaml:"-" json:"-"`
}

// Source is where a client's rule was read: a file of its repository at a
// commit or tag, or a documentation page.
type Source struct {
	Title  string `yaml:"title" json:"title"`
	URL    string `yaml:"url" json:"url"`
	Repo   string `yaml:"repo" json:"repo,omitempty"`
	Path   string `yaml:"path" json:"path,omitempty"`
	Commit string `yaml:"commit" json:"commit,omitempty"`
	Tag    string `yaml:"tag" json:"tag,omitempty"`
	Read   string `yaml:"read" json:"read"`
}

// ClientDefaults are a client's default retry budget.
type ClientDefaults struct {
	MaxRetries int `yaml:"max_retries" json:"max_retries"`
	Attempts   int `yaml:"attempts" json:"attempts"`
}

// RetryOn is what a client retries.
type RetryOn struct {
	Statuses         []string `yaml:"statuses" json:"statuses"`
	Codes            []string `yaml:"codes" json:"codes"`
	ConnectionErrors bool     `yaml:"connection_errors" json:"connection_errors"`
	Condition        string   `yaml:"condition" json:"condition,omitempty"`
}

// NeverOn is what a client never retries, whatever RetryOn says.
type NeverOn struct {
	Statuses []string `yaml:"statuses" json:"statuses"`
	Codes    []string `yaml:"codes" json:"codes"`
}

// ClientHeader is a response header a client reads to decide or time a
// retry.
type ClientHeader struct {
	Name         string   `yaml:"name" json:"name"`
	Effect       string   `yaml:"effect" json:"effect"`
	Unit         string   `yaml:"unit" json:"unit,omitempty"`
	Integer      bool     `yaml:"integer" json:"integer,omitempty"`
	Statuses     []string `yaml:"statuses" json:"statuses"`
	MinSeconds   *float64 `yaml:"min_seconds" json:"min_seconds,omitempty"`
	MinInclusive bool     `yaml:"min_inclusive" json:"min_inclusive,omitempty"`
	MaxSeconds   *float64 `yaml:"max_seconds" json:"max_seconds,omitempty"`
	MaxExclusive bool     `yaml:"max_exclusive" json:"max_exclusive,omitempty"`
	AboveMax     string   `yaml:"above_max" json:"above_max,omitempty"`
	Values       string   `yaml:"values" json:"values,omitempty"`
	Note         string   `yaml:"note" json:"note,omitempty"`
}

// Backoff is a client's wait between attempts when no header fixes it.
type Backoff struct {
	InitialSeconds float64  `yaml:"initial_seconds" json:"initial_seconds"`
	Factor         *float64 `yaml:"factor" json:"factor,omitempty"`
	MaxSeconds     *float64 `yaml:"max_seconds" json:"max_seconds,omitempty"`
	Jitter         string   `yaml:"jitter" json:"jitter"`
	Formula        string   `yaml:"formula" json:"formula"`
	Words          string   `yaml:"-" json:"words"`
}

// Streams is what a client does with an error inside a stream.
type Streams struct {
	RetriesMidStream *bool  `yaml:"retries_mid_stream" json:"retries_mid_stream,omitempty"`
	Note             string `yaml:"note" json:"note"`
}

// ClientPath returns the site path of a client's page.
func ClientPath(id string) string { return "clients/" + id + "/" }
