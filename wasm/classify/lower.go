package classify

// This file lower-cases text as strings.ToLower does, without package
// unicode, whose tables and code weigh several KB of gzipped WebAssembly:
// lowerRanges is unicode.ToLower as ranges of runes, written out by
// TestLowerRanges (which compares lowerRune with unicode.ToLower for every
// rune and prints a fresh table when they differ).

// lowerRanges are the runes from U+0080 up that unicode.ToLower changes, in
// order, one range a word: bits 0-20 are its first rune, bits 21-28 its
// length less one, bit 29 says only every other rune (the first, the
// third, ...) changes, and bits 32-63 are the difference to the lower case
// (two's complement).
var lowerRanges = [...]uint64{
	0x2002c000c0, 0x2000c000d8, 0x125c00100, 0xffffff3900000130,
	0x120800132, 0x121c00139, 0x12580014a, 0xffffff8700000178,
	0x120800179, 0xd200000181, 0x120400182, 0xce00000186,
	0x100000187, 0xcd00200189, 0x10000018b, 0x4f0000018e,
	0xca0000018f, 0xcb00000190, 0x100000191, 0xcd00000193,
	0xcf00000194, 0xd300000196, 0xd100000197, 0x100000198,
	0xd30000019c, 0xd50000019d, 0xd60000019f, 0x1208001a0,
	0xda000001a6, 0x1000001a7, 0xda000001a9, 0x1000001ac,
	0xda000001ae, 0x1000001af, 0xd9002001b1, 0x1204001b3,
	0xdb000001b7, 0x1000001b8, 0x1000001bc, 0x2000001c4,
	0x1000001c5, 0x2000001c7, 0x1000001c8, 0x2000001ca,
	0x1220001cb, 0x1220001de, 0x2000001f1, 0x1204001f2,
	0xffffff9f000001f6, 0xffffffc8000001f7, 0x124c001f8, 0xffffff7e00000220,
	0x122000222, 0x2a2b0000023a, 0x10000023b, 0xffffff5d0000023d,
	0x2a280000023e, 0x100000241, 0xffffff3d00000243, 0x4500000244,
	0x4700000245, 0x121000246, 0x120400370, 0x100000376,
	0x740000037f, 0x2600000386, 0x2500400388, 0x400000038c,
	0x3f0020038e, 0x2002000391, 0x20010003a3, 0x8000003cf,
	0x122c003d8, 0xffffffc4000003f4, 0x1000003f7, 0xfffffff9000003f9,
	0x1000003fa, 0xffffff7e004003fd, 0x5001e00400, 0x2003e00410,
	0x124000460, 0x12680048a, 0xf000004c0, 0x1218004c1,
	0x12bc004d0, 0x3004a00531, 0x1c6004a010a0, 0x1c60000010c7,
	0x1c60000010cd, 0x97d009e013a0, 0x800a013f0, 0xfffff44005401c90,
	0xfffff44000401cbd, 0x132801e00, 0xffffe24100001e9e, 0x12bc01ea0,
	0xfffffff800e01f08, 0xfffffff800a01f18, 0xfffffff800e01f28, 0xfffffff800e01f38,
	0xfffffff800a01f48, 0xfffffff800001f59, 0xfffffff800001f5b, 0xfffffff800001f5d,
	0xfffffff800001f5f, 0xfffffff800e01f68, 0xfffffff800e01f88, 0xfffffff800e01f98,
	0xfffffff800e01fa8, 0xfffffff800201fb8, 0xffffffb600201fba, 0xfffffff700001fbc,
	0xffffffaa00601fc8, 0xfffffff700001fcc, 0xfffffff800201fd8, 0xffffff9c00201fda,
	0xfffffff800201fe8, 0xffffff9000201fea, 0xfffffff900001fec, 0xffffff8000201ff8,
	0xffffff8200201ffa, 0xfffffff700001ffc, 0xffffe2a300002126, 0xffffdf410000212a,
	0xffffdfba0000212b, 0x1c00002132, 0x1001e02160, 0x100002183,
	0x1a032024b6, 0x3005e02c00, 0x100002c60, 0xffffd60900002c62,
	0xfffff11a00002c63, 0xffffd61900002c64, 0x120802c67, 0xffffd5e400002c6d,
	0xffffd60300002c6e, 0xffffd5e100002c6f, 0xffffd5e200002c70, 0x100002c72,
	0x100002c75, 0xffffd5c100202c7e, 0x12c402c80, 0x120402ceb,
	0x100002cf2, 0x12580a640, 0x12340a680, 0x12180a722,
	0x12780a732, 0x12040a779, 0xffff75fc0000a77d, 0x12100a77e,
	0x10000a78b, 0xffff5ad80000a78d, 0x12040a790, 0x12240a796,
	0xffff5abc0000a7aa, 0xffff5ab10000a7ab, 0xffff5ab50000a7ac, 0xffff5abf0000a7ad,
	0xffff5abc0000a7ae, 0xffff5aee0000a7b0, 0xffff5ad60000a7b1, 0xffff5aeb0000a7b2,
	0x3a00000a7b3, 0x121c0a7b4, 0xffffffd00000a7c4, 0xffff5abd0000a7c5,
	0xffff75c80000a7c6, 0x12040a7c7, 0x10000a7d0, 0x12040a7d6,
	0x10000a7f5, 0x200320ff21, 0x2804e10400, 0x28046104b0,
	0x2701410570, 0x2701c1057c, 0x2700c1058c, 0x2700210594,
	0x4006410c80, 0x2003e118a0, 0x2003e16e40, 0x220421e900,
}

// lowerRune is unicode.ToLower.
func lowerRune(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	lo, hi := 0, len(lowerRanges)
	for lo < hi { // the first range that starts after r
		m := int(uint(lo+hi) >> 1)
		if rune(lowerRanges[m]&(1<<21-1)) <= r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return r
	}
	w := lowerRanges[lo-1]
	first := rune(w & (1<<21 - 1))
	if n := r - first; n <= rune(w>>21&0xff) && (w&(1<<29) == 0 || n&1 == 0) {
		return r + rune(int32(w>>32))
	}
	return r
}

// toLower is strings.ToLower: every rune lower-cased, and each byte that
// is not valid UTF-8 written as U+FFFD.
func toLower(s string) string {
	i := 0 // the first byte to change
	for i < len(s) && s[i] < 0x80 && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(s); i++ { // ASCII is lowered in place
		c := s[i]
		if c >= 0x80 {
			break
		}
		if 'A' <= c && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
	if i < len(s) { // the rest may change length
		b = b[:i]
		for _, r := range s[i:] {
			b = append(b, string(lowerRune(r))...)
		}
	}
	return string(b)
}
