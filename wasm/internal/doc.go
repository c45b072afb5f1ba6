// Package internal has no code: its packages are the playground's
// stand-ins for the standard library, each small, named for its purpose,
// and held to the standard library by a fuzz target per function (`go
// test ./wasm/internal/...` runs the seeds natively; with GOOS=js
// GOARCH=wasm and -exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec",
// under js/wasm):
//
//	textx     strings, unicode         16,455 B gzip
//	decimal   strconv                  16,709 B gzip
//	httptime  time                     83,399 B gzip
//	jsonout   encoding/json           263,534 B gzip
//	b64       encoding/base64           8,380 B gzip
//
// The figures are what each package saves of the playground binary's
// gzip -9 weight (700,000 B budget), measured 2026-12-02 with go1.26.8 on
// main ac66dc7 (the -tags=fetchcatalog build) by swapping its functions for
// their models in a throwaway copy; gzip makes them uncertain by about
// 1 KB. Each package's doc has the details. A stand-in whose saving no longer pays for its code and tests
// (a new Go release may shrink a package, or another import may bring it
// in anyway) should go: use the standard library. TestImports in
// wasm/classify keeps every package under wasm/ off the standard packages
// they replace, in the browser build.
package internal
