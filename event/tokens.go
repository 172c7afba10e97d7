package event

import (
	"unicode"
	"unicode/utf8"
)

// tok is a word of the document text with its byte offsets.
type tok struct {
	w          string // as written
	start, end int
	cap        bool // starts with an upper-case letter
	upper      bool // all letters upper case (a dateline: "BASTROP")
	punct      bool // a punctuation mark, kept for ", Texas" and "(AP)"
}

// tokenize splits text into words (letters, digits, inner apostrophes,
// hyphens and abbreviation dots: "al-Fashir", "Ind.", "U.S.") and the
// punctuation marks , ( ) — - : ; that place phrases depend on.
func tokenize(text string) []tok {
	var out []tok
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(text) {
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
			// an abbreviation's final dot: "Ind.", "Calif.", "U.S."
			if j < len(text) && text[j] == '.' && j-i <= 5 && unicode.IsUpper(r) {
				j++
			}
			w := text[i:j]
			out = append(out, tok{w: w, start: i, end: j, cap: unicode.IsUpper(r), upper: isUpperWord(w)})
			i = j
		case r == ',' || r == '(' || r == ')' || r == '[' || r == ']' || r == '"' || r == '“' || r == '”' || r == '—' || r == '–' || r == '-' || r == ':' || r == ';' || r == '.' || r == '\n':
			out = append(out, tok{w: text[i : i+n], start: i, end: i + n, punct: true})
			i += n
		default:
			i += n
		}
	}
	return out
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
