// Package httptime reads and writes the few time formats of rate-limit
// headers without package time, for the browser build: HTTP dates
// (ParseHTTPDate, like http.ParseTime), RFC 3339 (ParseRFC3339, like
// time.Parse(time.RFC3339, s)), Go durations (ParseDuration, like
// time.ParseDuration), and an Instant's UTC clock and HTTP date
// (FormatClock, FormatHTTP, like time.Time.Format). Every time is UTC, as
// HTTP requires, and an Instant is Unix seconds. A fuzz target holds each
// function to package time, stating where they deliberately differ: `go
// test` runs the seeds natively and under GOOS=js GOARCH=wasm.
//
// On js/wasm, time's parsing and formatting bring zoneinfo loading and
// godebug along. The package saves 83,399 B of the playground binary's
// gzip -9 weight against package time (measured 2026-12-02 with go1.26.8
// on main ac66dc7: each function swapped for its model in a throwaway copy
// of the switched classifier); alone, ParseHTTPDate saves 79,407 B,
// ParseRFC3339 79,780 B, ParseDuration 55,278 B, FormatClock and
// FormatHTTP 75,437 B.
package httptime
