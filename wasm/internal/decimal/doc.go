// Package decimal reads and writes decimal numbers without package
// strconv, for the browser build: Parse stands in for strconv.ParseFloat
// (the syntax of JSON numbers and headers), AppendRounded for
// strconv.AppendFloat of a value rounded to three decimals, AppendInt and
// Itoa for strconv.AppendInt and strconv.Itoa. A fuzz target holds each to
// strconv: `go test` runs the seeds natively and under GOOS=js
// GOARCH=wasm.
//
// Together they save 16,709 B of the playground binary's gzip -9 weight
// against strconv (measured 2026-12-02 with go1.26.8 on main ac66dc7: each
// swapped for its model in a throwaway copy of the switched classifier;
// ±1 KB is gzip's noise). Alone, Parse saves 16,828 B (strconv's exact
// float parsing and its tables), AppendRounded 3,829 B, AppendInt and
// Itoa 5,049 B (strconv's error values, which bring its quoting tables).
package decimal
