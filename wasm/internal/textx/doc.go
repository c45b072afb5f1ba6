// Package textx holds the browser build's stand-ins for packages strings
// and unicode. Each function equals the function of the standard library
// its comment names, on the inputs its comment allows (an ASCII set, a
// non-empty separator, ...), and a fuzz target holds it to that function:
// `go test` runs the seeds natively and under GOOS=js GOARCH=wasm.
//
// Package strings brings packages unicode, io and errors along, and
// unicode its tables. The stand-ins save 16,455 B of the playground
// binary's gzip -9 weight against strings + unicode (measured 2026-12-02
// with go1.26.8 on main ac66dc7: each swapped for its model in a
// throwaway copy of the switched classifier; ±1 KB is gzip's noise). They
// pay only together: any one swapped alone costs most of the import,
//
//	Lower, LowerRune       strings.ToLower, unicode.ToLower  12,108 B
//	ReplaceAll             strings.ReplaceAll                10,095 B
//	CollapseSpace          strings.Fields, strings.Join       9,843 B
//	Count (browser)        strings.Count                      9,358 B
//	Join                   strings.Join                       8,760 B
//	TrimRight              strings.TrimRight                  8,672 B
//	TrimSpace              strings.TrimSpace                  8,663 B
//	Index (browser)        strings.Index                      8,312 B
//	IndexAny               strings.IndexAny                   7,964 B
//	HasPrefix, HasSuffix   strings.HasPrefix, HasSuffix       6,798 B, 7,879 B
//	IndexByte (browser)    strings.IndexByte                  6,837 B
//	IsSpace                unicode.IsSpace                    4,106 B
//
// and Index, IndexByte and Count together 7,966 B. Those three are loops
// in the browser build only (search.go); natively they are package
// strings, whose searches are vectorised.
//
// CutUTF8 has no model in the standard library (its fuzz target checks it
// with package utf8). Dropped: classify's decodeRune, a stand-in for
// utf8.DecodeRuneInString, which weighs no more (-709 to +130 B gzip in
// three builds of main 3cad43a: noise): package utf8 is allowed, and used
// here.
package textx
