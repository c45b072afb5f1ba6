//go:build !js

package classify

import "strings"

// Outside the browser, the text helpers that package strings vectorises
// are package strings; text_js.go has them written out.

func indexByte(s string, c byte) int { return strings.IndexByte(s, c) }

func index(s, sep string) int { return strings.Index(s, sep) }

func count(s, sep string) int { return strings.Count(s, sep) }
