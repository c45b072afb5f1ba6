package textx

// The searches of the browser build (search_js.go), compiled in every
// build so that the tests check them against package strings natively too.
// Outside the browser, package strings has vectorised searches, and
// search_other.go uses them.

// indexByteLoop is strings.IndexByte.
func indexByteLoop(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// indexLoop is strings.Index: the first byte found with indexByteLoop,
// then the rest compared; after too many false starts, a Rabin-Karp search
// keeps the cost linear, as strings.Index does.
func indexLoop(s, sep string) int {
	n := len(sep)
	if n == 0 {
		return 0
	}
	fails := 0
	for i := 0; i+n <= len(s); i++ {
		j := indexByteLoop(s[i:len(s)-n+1], sep[0])
		if j < 0 {
			return -1
		}
		i += j
		if s[i:i+n] == sep {
			return i
		}
		if fails++; fails > 4+i>>4 {
			// the first index of sep in s[i+1:], by rolling hash
			const prime = 16777619
			var h, pow, hs uint32 = 0, 1, 0
			for k := 0; k < n; k++ {
				h = h*prime + uint32(sep[k])
				pow *= prime
			}
			for k := i + 1; k < len(s); k++ {
				hs = hs*prime + uint32(s[k])
				if k-(i+1) >= n {
					hs -= pow * uint32(s[k-n])
				}
				if k-(i+1) >= n-1 && hs == h && s[k-n+1:k+1] == sep {
					return k - n + 1
				}
			}
			return -1
		}
	}
	return -1
}

// countLoop is strings.Count for a non-empty sep.
func countLoop(s, sep string) int {
	n := 0
	for i := indexLoop(s, sep); i >= 0; i = indexLoop(s, sep) {
		n++
		s = s[i+len(sep):]
	}
	return n
}
