// Package norm is the key normalisation shared by package geo and its data
// generator (geo/gen), so that the keys written into the gazetteer file and the
// keys looked up at run time are produced by the same code.
//
// A key is the name in lower case with Latin diacritics folded to ASCII
// ("Bogotá" → "bogota", "Rafaḩ" → "rafah", "Straße" → "strasse"), periods and
// apostrophes deleted ("U.S." → "us", "Côte d'Ivoire" → "cote divoire"), "&"
// spelled "and", every other run of punctuation, symbols or spaces turned into
// one space, and no leading or trailing space. Letters of other scripts are
// kept, lower-cased.
package norm

import (
	"unicode"
	"unicode/utf8"
)

// Key returns the normalised key of s. It does not allocate when s is already
// a key (plain lower-case ASCII words separated by single spaces).
func Key(s string) string {
	if isKey(s) {
		return s
	}
	var buf [64]byte
	return string(Append(buf[:0], s))
}

// isKey reports whether s is already normalised.
func isKey(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			prevSpace = false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			return false
		}
	}
	return true
}

// Append appends the normalised key of s to dst and returns the extended
// slice. It allocates only when dst has too little capacity.
func Append(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a separator is pending before the next letter
	put := func(c byte) {
		if space {
			if len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
		}
		dst = append(dst, c)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				put(c)
			case 'A' <= c && c <= 'Z':
				put(c + 'a' - 'A')
			case c == '.', c == '\'', c == '`':
				// deleted: "U.S." → "us", "d'Ivoire" → "divoire"
			case c == '&':
				space = true
				put('a')
				put('n')
				put('d')
				space = true
			default:
				space = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\u2018', r == '\u2019', r == '\u201B', r == '\u2032', r == '\u00B4',
			r >= 0x02B0 && r <= 0x02FF, // modifier letters: ʻ ʼ ʾ ʿ ˈ …
			unicode.Is(unicode.Mn, r):  // combining marks
			continue
		case r >= 0x00C0 && r <= 0x024F:
			if f := foldLatin[r-0x00C0]; f != '.' {
				put(f)
				continue
			}
		case r >= 0x1E00 && r <= 0x1EFF:
			if f := foldLatinExt[r-0x1E00]; f != '.' {
				put(f)
				continue
			}
		}
		if m, ok := foldMulti[r]; ok {
			for j := 0; j < len(m); j++ {
				put(m[j])
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mc, r) {
			r = unicode.ToLower(r)
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = utf8.AppendRune(dst, r)
			continue
		}
		space = true
	}
	return dst
}
