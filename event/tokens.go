package event

import (
	"strings"

	"sync"
	"tally/clean"
	"unicode"
	"unicode/utf8"
)

// tok is a word of the document text with its byte offsets.
type tok struct {
	w          string // as written
	low        string // lower case
	cls        uint32 // the word lists it is in (classes.go)
	start, end int
	cap        bool // starts with an upper-case letter
	upper      bool // all letters upper case (a dateline: "BASTROP")
	punct      bool // a punctuation mark, kept for ", Texas" and "(AP)"
}

// tokenize splits text into words (letters, digits, inner apostrophes,
// hyphens and abbreviation dots: "al-Fashir", "Ind.", "U.S.") and the
// punctuation marks , ( ) — - : ; that place phrases depend on.
func tokenize(text string) []tok { return appendTokens(nil, text) }

// tokenizeAt tokenizes one span of text, the offsets kept relative to text.
func tokenizeAt(text string, sp clean.Span) []tok {
	toks := appendTokens(nil, text[sp.Start:sp.End])
	for k := range toks {
		toks[k].start += sp.Start
		toks[k].end += sp.Start
	}
	return toks
}

// tokPool recycles token slices: a report's tokens live only while it is described.
var tokPool = sync.Pool{New: func() any { s := make([]tok, 0, 1024); return &s }}

// appendTokens appends the tokens of text to out (see tokenize).
func appendTokens(out []tok, text string) []tok {
	if out == nil {
		out = make([]tok, 0, len(text)/5+4)
	}
	first := len(out)
	lowText := clean.LowerASCII(text) // one copy, shared by the lower-case forms of ASCII words
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		} else if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') && !isPunctByte(byte(r)) {
			i++ // a space or a symbol: the common case, decided without a table
			continue
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(text) {
				if c := text[j]; c < utf8.RuneSelf {
					if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
						j++
						continue
					}
				}
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				// an inner ' - or . followed by a letter continues the word ("al-Fashir", "U.S")
				if (r2 == '\'' || r2 == '-' || r2 == '.' || r2 == '’') && j+n2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			// an abbreviation's final dot: "Ind.", "Calif.", "U.S.", "Mo. police";
			// not a sentence's: "in Kabul. Top officials"
			if j < len(text) && text[j] == '.' && j-i <= 5 && unicode.IsUpper(r) && abbreviationDot(text, i, j) {
				j++
			}
			w := text[i:j]
			t := tok{w: w, low: w, start: i, end: j}
			if ascii, anyUpper, allUpper, letters := caseOf(w); !ascii {
				t.low, t.cap, t.upper = strings.ToLower(w), unicode.IsUpper(r), isUpperWord(w)
			} else if anyUpper {
				t.low, t.cap, t.upper = lowText[i:j], w[0] >= 'A' && w[0] <= 'Z', allUpper && letters >= 2
			}
			out = append(out, t)
			i = j
		case r == ',' || r == '(' || r == ')' || r == '[' || r == ']' || r == '"' || r == '“' || r == '”' || r == '—' || r == '–' || r == '-' || r == ':' || r == ';' || r == '.' || r == '\n':
			out = append(out, tok{w: text[i : i+n], low: text[i : i+n], start: i, end: i + n, punct: true})
			i += n
		default:
			i += n
		}
	}
	// Word classes matter only around capitalised words (places) and in
	// short texts (the sentences read for actors): look them up there.
	short := len(text) < 600
	for k := first; k < len(out); k++ {
		if short || near(out[first:], k-first) {
			out[k].cls = classes.of(out[k].low)
		}
	}
	return out
}

// near says whether token k is a capitalised word or within two tokens of one.
func near(ts []tok, k int) bool {
	for d := -2; d <= 2; d++ {
		if i := k + d; i >= 0 && i < len(ts) && ts[i].cap {
			return true
		}
	}
	return false
}

// caseOf reads an ASCII word's case in one pass: whether it is ASCII, has a
// capital, has only capitals, and how many letters.
func caseOf(w string) (ascii, anyUpper, allUpper bool, letters int) {
	allUpper = true
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return false, false, false, 0
		case c >= 'A' && c <= 'Z':
			anyUpper = true
			letters++
		case c >= 'a' && c <= 'z':
			allUpper = false
			letters++
		}
	}
	return true, anyUpper, allUpper, letters
}

// isPunctByte says whether an ASCII byte is a mark tokenize keeps.
func isPunctByte(c byte) bool {
	switch c {
	case ',', '(', ')', '[', ']', '"', '-', ':', ';', '.', '\n':
		return true
	}
	return false
}

func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// abbreviationDot says whether the stop after the capitalised word
// text[i:j] belongs to it: the word has inner stops ("U.S"), is a known
// abbreviation ("Calif"), or the text goes on in lower case or with a
// figure or comma ("Ind. police", "Ind., police") rather than a new
// sentence.
func abbreviationDot(text string, i, j int) bool {
	w := text[i:j]
	if strings.IndexByte(w, '.') >= 0 || clean.IsAbbreviation(strings.ToLower(w)) {
		return true
	}
	k := j + 1
	for k < len(text) && text[k] == ' ' {
		k++
	}
	if k >= len(text) || text[k] == '\n' {
		return false
	}
	c := text[k]
	return c >= 'a' && c <= 'z' || c == ',' || c >= '0' && c <= '9'
}
