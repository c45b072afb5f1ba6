//go:build !js

package textx

import "strings"

// Outside the browser, the searches that package strings vectorises are
// package strings; search_js.go uses the loops of search.go.

// IndexByte is strings.IndexByte.
func IndexByte(s string, c byte) int { return strings.IndexByte(s, c) }

// Index is strings.Index.
func Index(s, sep string) int { return strings.Index(s, sep) }

// Count is strings.Count for a non-empty sep.
func Count(s, sep string) int { return strings.Count(s, sep) }
