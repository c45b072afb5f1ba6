//go:build js

package classify

// In the browser build, package strings would cost more than these
// loops; text_other.go uses it.

// indexByte is strings.IndexByte.
func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// index is strings.Index: the first byte found with indexByte, then the
// rest compared; after too many false starts, a Rabin-Karp search keeps
// the cost linear, as strings.Index does.
func index(s, sep string) int {
	n := len(sep)
	if n == 0 {
		return 0
	}
	fails := 0
	for i := 0; i+n <= len(s); i++ {
		j := indexByte(s[i:len(s)-n+1], sep[0])
		if j < 0 {
			return -1
		}
		i += j
		if s[i:i+n] == sep {
			return i
		}
		if fails++; fails > 4+i>>4 {
			if k := rabinKarp(s[i+1:], sep); k >= 0 {
				return i + 1 + k
			}
			return -1
		}
	}
	return -1
}

// rabinKarp is the first index of sep in s, by rolling hash.
func rabinKarp(s, sep string) int {
	const prime = 16777619
	var h, pow, hs uint32 = 0, 1, 0
	for i := 0; i < len(sep); i++ {
		h = h*prime + uint32(sep[i])
		pow *= prime
	}
	n := len(sep)
	for i := 0; i < len(s); i++ {
		hs = hs*prime + uint32(s[i])
		if i >= n {
			hs -= pow * uint32(s[i-n])
		}
		if i >= n-1 && hs == h && s[i-n+1:i+1] == sep {
			return i - n + 1
		}
	}
	return -1
}

// count is strings.Count for a non-empty sep.
func count(s, sep string) int {
	n := 0
	for i := index(s, sep); i >= 0; i = index(s, sep) {
		n++
		s = s[i+len(sep):]
	}
	return n
}
