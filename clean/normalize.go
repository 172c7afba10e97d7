// Package clean turns an article as read into the text the extractor reads:
// HTML through go-trafilatura, then for every input the same steps —
// normalisation (spaces, quotes, dashes, invisible characters), removal of page
// furniture (the text-mode boilerplate filter), title detection, and sentence
// splitting with byte offsets into the cleaned text.
//
// clean imports the root package and source (for nothing but types it shares);
// it never imports extract or anything to its right.
package clean

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// Normalize rewrites typographic variants to the plain forms the extractor
// reads: no-break and other wide spaces to a space, curly quotes to straight
// ones, dashes and minus signs to "-", the ellipsis to "...", line and
// paragraph separators and CR LF to "\n"; it drops soft hyphens, zero-width
// characters and other controls, trims every line and collapses runs of
// spaces. Three or more newlines become two.
func Normalize(s string) string {
	done := normalPrefix(s)
	if done == len(s) {
		return s // most texts need no change: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:done])
	space := false      // a space is pending
	newlines := 0       // newlines pending
	started := done > 0 // something was written
	emit := func(r rune) {
		if newlines > 0 {
			if started {
				b.WriteString("\n\n"[:min(newlines, 2)])
			}
			newlines, space = 0, false
		} else if space {
			if started {
				b.WriteByte(' ')
			}
			space = false
		}
		started = true
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
	for i := done; i < len(s); {
		c := s[i]
		if c > ' ' && c < 0x7f {
			// Fast path: from a printable character, a stretch that needs
			// no change (see normalPrefix) is copied as is.
			j := i + normalPrefix(s[i:])
			emit(rune(c))
			b.WriteString(s[i+1 : j])
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\n':
				newlines++
				space = false
			case c == '\r':
				if i < len(s) && s[i] == '\n' {
					continue
				}
				newlines++
				space = false
			case c == ' ' || c < 0x20 || c == 0x7f:
				if newlines == 0 {
					space = true
				}
			default:
				emit(rune(c))
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case 0xa0, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000, 0x1680:
			if newlines == 0 {
				space = true
			}
		case 0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x200e, 0x200f:
			// invisible: dropped
		case 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc:
			emit('\'')
		case 0x201c, 0x201d, 0x201e, 0x201f, 0x2033:
			emit('"')
		case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d:
			emit('-')
		case 0x2026:
			emit('.')
			b.WriteString("..")
		case 0x2028, 0x2029, 0x85:
			newlines++
			space = false
		case utf8.RuneError:
			// only reached for invalid input, which source rejects
		default:
			emit(r)
		}
	}
	return b.String()
}

// normalPrefix returns the length of the longest prefix of s that Normalize
// leaves as it is and that ends in a printable character (or is empty), so
// that normalising the rest continues from a written character with nothing
// pending; len(s) if Normalize(s) == s. It accepts plain printable ASCII and,
// between two such characters, one space or one or two newlines. Prose is
// read eight bytes at a time (see plainBlock).
func normalPrefix(s string) int {
	done := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if last := plainBlock(load64(s[i:]), done == i && i > 0); last >= 0 {
				done = i + last + 1
				i += 8
				continue
			}
		}
		c := s[i]
		if c > ' ' && c < 0x7f {
			i++
			done = i
			continue
		}
		if done != i || done == 0 {
			return done // white space at the start or after white space
		}
		j := i + 1
		if c == '\n' && j < len(s) && s[j] == '\n' {
			j++
		} else if c != ' ' && c != '\n' {
			return done
		}
		if j >= len(s) || s[j] <= ' ' || s[j] >= 0x7f {
			return done
		}
		i = j
	}
	return done // len(s), unless a block ended the text with a space
}

// plainBlock looks at eight bytes of text: if they are printable ASCII and
// single spaces, none of them doubling a space before the block (a space may
// open it only after a printable character, afterPrintable), it returns the
// index of the last byte that is not a space; else -1. A space ending the
// block is judged with the next byte, as normalPrefix reads it.
func plainBlock(x uint64, afterPrintable bool) int {
	const high = 0x80 * ones
	if x&high != 0 || (x+0x60*ones)&high != high || (x+0x01*ones)&high != 0 {
		return -1 // a byte outside 0x20..0x7e
	}
	sp := ^(x ^ 0x20*ones + 0x7f*ones) & high // high bit at each space
	if sp&(sp<<8) != 0 || sp&0x80 != 0 && !afterPrintable {
		return -1
	}
	return 7 - bits.LeadingZeros64(^sp&high)/8
}
