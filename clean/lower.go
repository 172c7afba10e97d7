package clean

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// Lower-casing reads and writes eight bytes at a time: every document is
// lower-cased twice (lines for the boilerplate filter, the whole text for the
// extractor), and a byte at a time was most of that cost.

const ones = 0x0101010101010101

// load64 reads eight bytes of s, little-endian (the compiler makes it one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// upper8 has the high bit set in every byte of x that is an ASCII capital.
// Bytes are handled as seven-bit numbers (so no sum carries into the next
// byte) and those with the high bit set are left out.
func upper8(x uint64) uint64 {
	high := x & (0x80 * ones)
	v := x &^ high
	ge := v + (0x80-'A')*ones   // high bit where v >= 'A'
	gt := v + (0x80-'Z'-1)*ones // high bit where v > 'Z'
	return ge &^ gt &^ high & (0x80 * ones)
}

// lower8 lower-cases the ASCII capitals among the eight bytes of x.
func lower8(x uint64) uint64 { return x | upper8(x)>>2 }

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// firstUpper returns the index of the first ASCII capital of s, or len(s).
func firstUpper(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if upper8(load64(s[i:])) != 0 {
			break
		}
	}
	for ; i < len(s) && !isUpperASCII(s[i]); i++ {
	}
	return i
}

// writeLowerASCII writes s to b with its ASCII capitals lower-cased.
func writeLowerASCII(b *strings.Builder, s string) {
	var block [64]byte
	i := 0
	for i+8 <= len(s) {
		n := 0
		for ; n < len(block) && i+8 <= len(s); n, i = n+8, i+8 {
			binary.LittleEndian.PutUint64(block[n:], lower8(load64(s[i:])))
		}
		b.Write(block[:n])
	}
	for ; i < len(s); i++ {
		c := s[i]
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
}

// LowerASCII returns s with its ASCII letters lower-cased and every other
// byte as it is, so that byte offsets into s hold for the result; s itself
// when it has no capital.
func LowerASCII(s string) string {
	i := firstUpper(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	writeLowerASCII(&b, s[i:])
	return b.String()
}

// lowerer lower-cases the lines of one document into a shared buffer, one
// allocation for many lines. The strings it returns stay valid: the buffer is
// only appended to, and a full one is replaced, never reused.
type lowerer struct {
	b strings.Builder
}

// lower returns strings.ToLower(s).
func (l *lowerer) lower(s string) string {
	var upper uint64
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load64(s[i:])
		if x&(0x80*ones) != 0 {
			return strings.ToLower(s) // not ASCII
		}
		upper |= upper8(x)
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if isUpperASCII(c) {
			upper = 1
		}
	}
	if upper == 0 {
		return s
	}
	if l.b.Cap()-l.b.Len() < len(s) {
		c := l.b.Cap()
		l.b = strings.Builder{}
		l.b.Grow(max(len(s), 2*c, 512))
	}
	start := l.b.Len()
	writeLowerASCII(&l.b, s)
	return l.b.String()[start:]
}
