package clean

// The sentence splitter is written by hand. neurosnap/sentences (Punkt) was
// measured at 3.7 MB/s on the gun-violence corpus, a third of what the whole
// pipeline may spend; news prose needs only the rules below: a stop, question
// or exclamation mark (and any closing quotes or brackets) followed by a space
// and a capital, digit or opening quote ends a sentence, unless the word
// before the stop is an abbreviation or an initial. Line breaks always end one.

import (
	"math/bits"
	"strings"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// abbreviations are words (lower case, without the final stop) after which a
// stop does not end a sentence.
var abbreviations = setOf(
	"mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "cpl", "pvt", "adm", "cmdr", "gov", "sen",
	"rep", "rev", "pres", "prof", "st", "jr", "sr", "mt", "ft", "no", "nos", "vs", "v", "jan", "feb", "mar", "apr",
	"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "ave", "blvd", "rd",
	"dept", "univ", "approx", "u.s", "u.k", "u.n", "e.g", "i.e", "ph.d", "lt.col", "brig", "sgt.maj", "insp",
	"det", "supt", "cst", "ald", "hon", "messrs", "mme", "mlle", "fig", "vol", "ch", "pp", "op", "ret", "gov't",
	"calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss",
	"mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "ariz",
	"ark", "del", "ala", "n.y", "n.j", "n.c", "s.c", "n.m", "d.c", "w.va", "n.d", "s.d", "n.h", "r.i",
)

// IsAbbreviation says whether a word (lower case, without its final stop)
// is one after which a stop does not end a sentence: "calif", "gen", "st".
func IsAbbreviation(w string) bool { return abbreviations[w] }

// notAfterClock are words that continue a sentence after "a.m."/"p.m.".
var notAfterClock = setOf(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "est", "edt", "cst", "cdt",
	"pst", "pdt", "mst", "mdt", "et", "ct", "pt", "gmt", "utc", "local",
)

// Sentences splits text into sentences, each trimmed of surrounding spaces.
// Offsets are bytes of text.
func Sentences(text string) []Span {
	return AppendSentences(nil, text, 0)
}

// AppendSentences appends the sentences of text[from:] to dst.
func AppendSentences(dst []Span, text string, from int) []Span {
	start := from
	flush := func(end int) {
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\n') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\n') {
			e--
		}
		if e > s {
			dst = append(dst, Span{s, e})
		}
		start = end
	}
	n := len(text)
	for i := from; i < n; i++ {
		// Skip to the next line break or sentence mark, eight bytes a step.
		for i+8 <= n {
			if m := stops8(load64(text[i:])); m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
			i += 8
		}
		if i >= n {
			break
		}
		c := text[i]
		if c == '\n' {
			flush(i)
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// Run of terminal punctuation and closing quotes/brackets.
		j := i + 1
		for j < n && (text[j] == '.' || text[j] == '!' || text[j] == '?' || text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == ']') {
			j++
		}
		if j >= n {
			break
		}
		if text[j] != ' ' {
			i = j - 1
			continue
		}
		k := j + 1
		if k >= n {
			break
		}
		next := text[k]
		if !(next >= 'A' && next <= 'Z' || next >= '0' && next <= '9' || next == '"' || next == '\'' || next == '(' || next == '[' || next >= 0xc0) {
			i = j - 1
			continue
		}
		if c == '.' && j == i+1 && !endsSentence(text, from, i, k) {
			i = j - 1
			continue
		}
		flush(j)
		i = j - 1
	}
	flush(n)
	return dst
}

// stops8 has the high bit set in each byte of x that is a line break or a
// sentence mark.
func stops8(x uint64) uint64 {
	return zero8(x^'\n'*ones) | zero8(x^'.'*ones) | zero8(x^'!'*ones) | zero8(x^'?'*ones)
}

// zero8 has the high bit set in each zero byte of y, and only there.
func zero8(y uint64) uint64 {
	const low7 = 0x7f * ones
	return ^((y&low7 + low7) | y | low7)
}

// endsSentence decides whether the stop at text[dot] ends a sentence, looking
// at the word before it; next is the offset of the following word.
func endsSentence(text string, from, dot, next int) bool {
	w := dot
	for w > from && text[w-1] != ' ' && text[w-1] != '\n' && text[w-1] != '(' && text[w-1] != '"' {
		w--
	}
	word := text[w:dot]
	if len(word) == 0 {
		return true
	}
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return false // an initial: "John F. Kennedy"
	}
	var lower [16]byte
	if len(word) > len(lower) {
		return true
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	lw := string(lower[:len(word)])
	if lw == "a.m" || lw == "p.m" {
		e := next
		for e < len(text) && text[e] != ' ' && text[e] != ',' && text[e] != '.' {
			e++
		}
		return !notAfterClock[toLower(text[next:e])]
	}
	if abbreviations[lw] {
		return false
	}
	// Dotted acronyms ("U.S.", "D.C.") end sentences only before a capitalised common word; treat as abbreviation.
	if len(lw) >= 3 && lw[1] == '.' {
		return false
	}
	return true
}

func toLower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// SpaceGlued puts back the space a scraper lost between two sentences:
// "in northeast Houston.Police were called" → "Houston. Police". A stop
// glues two sentences when it follows two lower-case letters and precedes
// a capital and a lower-case letter, in a
// word without "/", "@" or another stop (no address: "example.com/News.Story").
// A line without such a place is returned as it is, without copying.
func SpaceGlued(line string) string {
	var b []byte
	last := 0
	for i := 0; ; i++ {
		j := strings.IndexByte(line[i:], '.')
		if j < 0 {
			break
		}
		i += j
		if i < 2 || i+2 >= len(line) {
			continue
		}
		if !isLowerASCII(line[i-1]) || !isLowerASCII(line[i-2]) || !isUpperASCII(line[i+1]) || !isLowerASCII(line[i+2]) {
			continue
		}
		w := i - 1
		for w > 0 && line[w-1] != ' ' {
			w--
		}
		word := line[w:i]
		if strings.ContainsAny(word, "/@.") {
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(line)+8)
		}
		b = append(append(b, line[last:i+1]...), ' ')
		last = i + 1
	}
	if b == nil {
		return line
	}
	return string(append(b, line[last:]...))
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }
