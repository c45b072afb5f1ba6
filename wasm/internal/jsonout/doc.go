// Package jsonout writes JSON strings and numbers without encoding/json,
// for the browser build: AppendString stands in for json.Marshal of a
// string (HTML-safe escapes included), AppendNumber writes a number
// rounded to three decimals (decimal.AppendRounded) or null. A fuzz
// target holds each to encoding/json: `go test` runs the seeds natively
// and under GOOS=js GOARCH=wasm.
//
// AppendString saves 263,534 B of the playground binary's gzip -9 weight
// against json.Marshal (measured 2026-12-02 with go1.26.8 on main
// ac66dc7, swapped for it in a throwaway copy of the switched classifier):
// encoding/json brings reflect, strconv, unicode and more along.
package jsonout
