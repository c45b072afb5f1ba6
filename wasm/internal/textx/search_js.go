//go:build js

package textx

// In the browser build, package strings would cost more than these loops
// (search.go).

// IndexByte is strings.IndexByte.
func IndexByte(s string, c byte) int { return indexByteLoop(s, c) }

// Index is strings.Index.
func Index(s, sep string) int { return indexLoop(s, sep) }

// Count is strings.Count for a non-empty sep.
func Count(s, sep string) int { return countLoop(s, sep) }
