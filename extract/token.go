package extract

import (
	"unicode"
	"unicode/utf8"

	"tally/clean"
)

// Token kinds.
const (
	tWord  uint8 = iota // letters, possibly with digits, hyphens, inner apostrophes
	tNum                // digits with separators: 21, 2,700, 40.000, 1.5, 70,000-80,000
	tPunct              // one punctuation character
)

// token is a word, number or punctuation mark of a sentence. w is its
// ASCII-lower-cased text; start and end are byte offsets in the document.
type token struct {
	start, end int32
	w          string
	f          uint64 // word classes (lexicon bits)
	kind       uint8
	cap        bool // begins with an upper-case letter
	cue        cue  // casualty use, if any
}

// lowerASCII lower-cases ASCII letters only, so byte offsets stay the same.
func lowerASCII(s string) string { return clean.LowerASCII(s) }

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// wordRune reports whether the rune at text[i] is a letter or digit, and its size.
func wordRune(text string, i int) (bool, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return isAlpha(c) || isDigit(c), 1
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r), n
}

const (
	classLetter = 1
	classDigit  = 2
)

// byteClass classifies ASCII bytes: letters, digits, or neither (0).
var byteClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = classLetter, classLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	return t
}()

// lexShape[c][n] says whether some lexicon word begins with byte c and is n
// bytes long: most words are not in the lexicon, and this spares hashing them.
var lexShape [256][24]bool

func init() {
	for w := range lexicon {
		if len(w) < 24 {
			lexShape[w[0]][len(w)] = true
		}
	}
}

func inLexiconShape(w string) bool { return len(w) < 24 && lexShape[w[0]][len(w)] }

// tokenize appends the tokens of text[from:to] to dst; lower is text lower-cased by lowerASCII.
func tokenize(dst []token, text, lower string, from, to int) []token {
	i := from
	for i < to {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\t' {
			i++
			continue
		}
		ok, n := wordRune(text, i)
		if !ok {
			w := lower[i : i+n]
			if w == "&" {
				w = "and" // "Man Shot & Killed"
			}
			e := lookup(w)
			dst = append(dst, token{start: int32(i), end: int32(i + n), kind: tPunct, w: w, f: e.f, cue: e.cue})
			i += n
			continue
		}
		start := i
		// The classes seen in the whole token and since its last hyphen: a
		// token of digits (and separators) has no classLetter in all.
		var all, seg uint8
		hyphen := false
		for i < to {
			if cl := byteClass[text[i]]; cl != 0 {
				all, seg = all|cl, seg|cl
				i++
				continue
			}
			if text[i] >= utf8.RuneSelf {
				if ok, n := wordRune(text, i); ok {
					all, seg = all|classLetter, seg|classLetter
					i += n
					continue
				}
			}
			c := text[i]
			if i+1 >= to {
				break
			}
			next := text[i+1]
			// "2,700", "40.000", "1.5": separators between digits.
			if (c == ',' || c == '.') && isDigit(next) && i > start && isDigit(text[i-1]) && seg&classLetter == 0 {
				i++
				continue
			}
			// "twenty-one", "17-year-old", "70,000-80,000", "France-Presse".
			if c == '-' {
				if ok, _ := wordRune(text, i+1); ok {
					all, seg, hyphen = all|classLetter, 0, true
					i++
					continue
				}
			}
			// "U.S.", "a.m.": single letters joined by stops.
			if c == '.' && i-start == 1 && isAlpha(text[start]) && isAlpha(next) && (i+2 >= to || text[i+2] == '.') {
				all |= classLetter
				i += 2
				if i < to && text[i] == '.' {
					i++
				}
				break
			}
			// "don't", "O'Brien" stay whole; "Korea's" splits off "'s".
			if c == '\'' && isAlpha(next) && !((next == 's' || next == 'S') && (i+2 >= to || !isAlpha(text[i+2]))) {
				all |= classLetter
				i++
				continue
			}
			break
		}
		allDigits := all&classLetter == 0
		k := tWord
		if allDigits {
			k = tNum
		}
		w := lower[start:i]
		// "a 17 year old boy", "a 17-year old": one age, as "17-year-old".
		if allDigits && i-start <= 3 {
			if n := yearOld(lower[i:to]); n > 0 {
				w = w + "-year-old"
				i += n
				k = tWord
			}
		}
		var e lexEntry
		if k == tWord && inLexiconShape(w) {
			e = lookup(w)
		}
		if e.f == 0 && (k == tNum || w[0] >= '0' && w[0] <= '9' || hyphen && startsNumber(w, k)) { // startsNumber, which needs a hyphen for the rest
			e.f = uint64(numberStarts | numerals)
		}
		dst = append(dst, token{start: int32(start), end: int32(i), kind: k, cap: c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf && isUpperRune(text[start:]), w: w, f: e.f, cue: e.cue})
		// Possessive "'s" (or a bare "'" after a plural): its own token.
		if i+1 < to && text[i] == '\'' && (text[i+1] == 's' || text[i+1] == 'S') && (i+2 >= to || !isAlpha(text[i+2])) {
			e := lookup("'s")
			dst = append(dst, token{start: int32(i), end: int32(i + 2), kind: tWord, w: "'s", f: e.f})
			i += 2
		}
	}
	return dst
}

func isUpperRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// yearOld returns the length of " year old", " year-old" or "-year old" at
// the start of s (not followed by a letter), else 0.
func yearOld(s string) int {
	for _, p := range [...]string{" year old", " year-old", "-year old", " yr old", " yr-old"} {
		if len(s) >= len(p) && s[:len(p)] == p && (len(s) == len(p) || !isAlpha(s[len(p)])) {
			return len(p)
		}
	}
	return 0
}
