package extract

import (
	"strconv"
	"strings"

	"tally"
)

// Number words and qualifiers are parsed by hand: no maintained Go library
// reads "two dozen", "70 to 80,000" or "at least a thousand".

// number is a figure in a sentence: tokens [i, j) including its qualifier,
// [ni, j) the number itself.
type number struct {
	i, ni, j  int
	low, high int64 // high < 0: open upper bound
	qual      tally.Qualifier
}

var units = map[string]int64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tens = map[string]int64{
	"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
	"ninety": 90,
}

// scaleOf returns the value of a scale word ("hundred", "thousand", "million",
// "billion"), else 0. A switch: the grammar asks it of nearly every token near
// a number.
func scaleOf(w string) int64 {
	switch w {
	case "hundred":
		return 100
	case "thousand":
		return 1000
	case "million":
		return 1000000
	case "billion":
		return 1000000000
	}
	return 0
}

// vagueWords read as their conservative value; "dozens of", "hundreds of".
var vagueWords = map[string]int64{
	"several": 3, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 1000000,
}

// qualifiers precede a number. Longest match wins.
var qualifiers = []struct {
	words []string
	q     tally.Qualifier
}{
	{[]string{"at", "the", "very", "least"}, tally.AtLeast},
	{[]string{"no", "fewer", "than"}, tally.AtLeast},
	{[]string{"not", "less", "than"}, tally.AtLeast},
	{[]string{"no", "less", "than"}, tally.AtLeast},
	{[]string{"a", "minimum", "of"}, tally.AtLeast},
	{[]string{"at", "least"}, tally.AtLeast},
	{[]string{"more", "than"}, tally.MoreThan},
	{[]string{"in", "excess", "of"}, tally.MoreThan},
	{[]string{"upwards", "of"}, tally.MoreThan},
	{[]string{"just", "over"}, tally.MoreThan},
	{[]string{"well", "over"}, tally.MoreThan},
	{[]string{"over"}, tally.MoreThan},
	{[]string{"above"}, tally.MoreThan},
	{[]string{"close", "to"}, tally.About},
	{[]string{"an", "estimated"}, tally.About},
	{[]string{"an", "approximate"}, tally.About},
	{[]string{"just", "under"}, tally.About},
	{[]string{"about"}, tally.About},
	{[]string{"around"}, tally.About},
	{[]string{"approximately"}, tally.About},
	{[]string{"approx"}, tally.About},
	{[]string{"roughly"}, tally.About},
	{[]string{"nearly"}, tally.About},
	{[]string{"almost"}, tally.About},
	{[]string{"some"}, tally.About},
	{[]string{"estimated"}, tally.About},
	{[]string{"circa"}, tally.About},
	{[]string{"up", "to"}, tally.UpTo},
	{[]string{"as", "many", "as"}, tally.UpTo},
	{[]string{"as", "much", "as"}, tally.UpTo},
	{[]string{"as", "high", "as"}, tally.UpTo},
	{[]string{"at", "most"}, tally.UpTo},
	{[]string{"no", "more", "than"}, tally.UpTo},
	{[]string{"fewer", "than"}, tally.UpTo},
	{[]string{"less", "than"}, tally.UpTo},
	{[]string{"under"}, tally.UpTo},
	{[]string{"between"}, tally.Range},
}

// qualifiersByFirst indexes qualifiers by their first word, longest first.
var qualifiersByFirst = func() map[string][]int {
	m := map[string][]int{}
	for i, q := range qualifiers {
		m[q.words[0]] = append(m[q.words[0]], i)
	}
	return m
}()

// maxCount bounds what can be a head count.
const maxCount = 100000000

// mayStartNumber is a cheap test run before parseNumber: can a figure (or
// its qualifier) begin with this token?
func mayStartNumber(t *token) bool {
	return t.f&uint64(numberStarts) != 0
}

// startsNumber is mayStartNumber for a word not in the lexicon, at tokenization.
func startsNumber(w string, kind uint8) bool {
	if kind == tNum || kind == tWord && w[0] >= '0' && w[0] <= '9' {
		return true
	}
	h := strings.IndexByte(w, '-')
	return kind == tWord && h > 0 && tens[w[:h]] > 0
}

// numerals are the words a figure itself (not its qualifier) can begin with;
// digits get the class at tokenization.
var numerals = func() wordSet {
	words := []string{"tens"}
	for w := range units {
		words = append(words, w)
	}
	for w := range tens {
		words = append(words, w)
	}
	for w := range vagueWords {
		words = append(words, w)
	}
	return set(words...)
}()

// numberStarts are the words a figure or its qualifier can begin with.
var numberStarts = func() wordSet {
	words := []string{"a", "an", "tens"}
	for _, q := range qualifiers {
		words = append(words, q.words[0])
	}
	for w := range units {
		words = append(words, w)
	}
	for w := range tens {
		words = append(words, w)
	}
	for w := range vagueWords {
		words = append(words, w)
	}
	return set(words...)
}()

// parseNumber reads a figure starting at toks[i] (its qualifier included).
func parseNumber(toks []token, i int) (number, bool) {
	if i >= len(toks) || !mayStartNumber(&toks[i]) {
		return number{}, false
	}
	q, k := tally.Exact, i
	for _, x := range qualifiersByFirst[toks[i].w] {
		cand := qualifiers[x]
		if matchWords(toks, i, cand.words) {
			q, k = cand.q, i+len(cand.words)
			break
		}
	}
	n, ok := parseCore(toks, k)
	if !ok {
		return number{}, false
	}
	n.i = i
	between := q == tally.Range
	// Range: "70,000 to 80,000", "70 or 80,000", "between 5 and 8", "5-8".
	if n.high == n.low && n.j+1 < len(toks) && n.qual == tally.Exact {
		w := toks[n.j].w
		if w == "to" || w == "-" || w == "or" || between && w == "and" {
			if m, ok := parseCore(toks, n.j+1); ok && m.qual == tally.Exact && m.low > n.low {
				low := widen(n.low, m.low)
				if low < m.low {
					n.low, n.high, n.j = low, m.high, m.j
					n.qual = tally.Range
				}
			}
		}
	}
	if between && n.qual != tally.Range {
		return number{}, false
	}
	// "40 or more", "40-plus".
	if n.j+1 < len(toks) && toks[n.j].w == "or" && toks[n.j+1].w == "more" {
		n.j += 2
		n.qual, n.high = tally.AtLeast, -1
	} else if n.j < len(toks) && (toks[n.j].w == "plus" || toks[n.j].w == "+") {
		n.j++
		n.qual, n.high = tally.AtLeast, -1
	}
	if n.low < 0 || n.low > maxCount {
		return number{}, false
	}
	switch {
	case n.qual == tally.Vague:
		// vague words keep their own qualifier
	case q == tally.Exact || q == tally.Range:
	case n.qual == tally.Range:
		n.qual = q // "about 70 to 80,000": the qualifier wins, the bounds stay
	default:
		n.qual = q
		switch q {
		case tally.AtLeast, tally.MoreThan:
			n.high = -1
		}
	}
	return n, true
}

// widen gives a short low end of a range the magnitude of the high end:
// "70 to 80,000" is 70,000 to 80,000.
func widen(low, high int64) int64 {
	for _, m := range []int64{1000, 1000000} {
		if low < high/m*2 && low*m < high && low*m*2 >= high {
			return low * m
		}
	}
	return low
}

func matchWords(toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].w != w {
			return false
		}
	}
	return true
}

// parseCore reads the number itself at toks[k]: digits, words or a vague word.
func parseCore(toks []token, k int) (number, bool) {
	if k >= len(toks) {
		return number{}, false
	}
	t := toks[k]
	n := number{ni: k, j: k + 1, qual: tally.Exact}
	switch {
	case t.kind == tNum:
		v, ok := digitsValue(t.w, k+1 < len(toks) && scaleOf(toks[k+1].w) > 1000)
		if !ok {
			return number{}, false
		}
		if k+1 < len(toks) && scaleOf(toks[k+1].w) >= 1000 {
			v *= float64(scaleOf(toks[k+1].w))
			n.j++
		}
		if v != float64(int64(v)) {
			return number{}, false // "1.5" alone is not a head count
		}
		n.low = int64(v)
	case t.kind == tWord && isDigit(t.w[0]):
		// "70,000-80,000", "3,000-4,000"; anything else with digits and letters is not a count.
		a, b, ok := strings.Cut(t.w, "-")
		if !ok {
			return number{}, false
		}
		lo, ok1 := digitsValue(a, false)
		hi, ok2 := digitsValue(b, false)
		if b == "plus" && ok1 {
			n.low, n.high, n.qual = int64(lo), -1, tally.AtLeast
			return n, true
		}
		if !ok1 || !ok2 || hi <= lo {
			return number{}, false
		}
		n.low, n.high, n.qual = widen(int64(lo), int64(hi)), int64(hi), tally.Range
		return n, true
	case t.kind == tWord:
		if v, ok := vagueWords[t.w]; ok {
			n.low, n.high, n.qual = v, -1, tally.Vague
			// "tens of thousands", "hundreds of thousands"
			if k+2 < len(toks) && toks[k+1].w == "of" && vagueWords[toks[k+2].w] > 0 && (t.w == "hundreds" || t.w == "thousands") {
				n.low *= vagueWords[toks[k+2].w]
				n.j = k + 3
			}
			return n, true
		}
		if t.w == "tens" && k+2 < len(toks) && toks[k+1].w == "of" && (toks[k+2].w == "thousands" || toks[k+2].w == "millions") {
			n.low, n.high, n.qual, n.j = 10*vagueWords[toks[k+2].w], -1, tally.Vague, k+3
			return n, true
		}
		v, j, ok := wordsValue(toks, k)
		if !ok {
			return number{}, false
		}
		n.low, n.j = v, j
	default:
		return number{}, false
	}
	n.high = n.low
	return n, true
}

// digitsValue parses "2,700", "40.000" (a stop grouping thousands), "1.5".
// withScale says a scale word follows ("1.5 million"), so a stop is decimal.
func digitsValue(s string, withScale bool) (float64, bool) {
	if s != "" && isAlpha(s[0]) && !strings.ContainsRune("iInN", rune(s[0])) {
		return 0, false // "year-old" of "17-year-old": ParseFloat would fail (and allocate its error)
	}
	if strings.Contains(s, ",") {
		if !groupedBy(s, ',') {
			return 0, false
		}
		s = strings.ReplaceAll(s, ",", "")
	} else if strings.Count(s, ".") >= 1 && !withScale && groupedBy(s, '.') {
		s = strings.ReplaceAll(s, ".", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// groupedBy reports whether s is digits grouped in threes by sep: "40.000", "1,775".
func groupedBy(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return len(parts) > 1
}

// wordsValue reads a number written in words: "seventeen", "twenty-one",
// "forty three", "three hundred", "a thousand", "two dozen", "one hundred and five".
func wordsValue(toks []token, k int) (int64, int, bool) {
	var total, cur int64
	any := false
	j := k
	for j < len(toks) {
		w := toks[j].w
		switch {
		case (w == "a" || w == "an") && !any && j+1 < len(toks) && (scaleOf(toks[j+1].w) > 0 || toks[j+1].w == "dozen"):
			cur = 1
		case units[w] > 0 || w == "zero":
			if any && cur%10 != 0 && cur < 100 {
				return finish(total, cur, j, any)
			}
			cur += units[w]
		case tens[w] > 0:
			if any && cur%100 != 0 {
				return finish(total, cur, j, any)
			}
			cur += tens[w]
		case strings.Contains(w, "-") && !strings.HasPrefix(w, "-"):
			a, b, _ := strings.Cut(w, "-")
			if tens[a] == 0 || units[b] == 0 || units[b] > 9 {
				return finish(total, cur, j, any)
			}
			if any && cur%100 != 0 {
				return finish(total, cur, j, any)
			}
			cur += tens[a] + units[b]
		case w == "dozen" && any:
			cur *= 12
		case scaleOf(w) > 0 && any:
			s := scaleOf(w)
			if cur == 0 {
				cur = 1
			}
			if s == 100 {
				cur *= 100
			} else {
				total += cur * s
				cur = 0
			}
		case w == "and" && any && j+1 < len(toks) && (units[toks[j+1].w] > 0 || tens[toks[j+1].w] > 0) && j > k && scaleOf(toks[j-1].w) > 0:
			// "one hundred and five"
		default:
			return finish(total, cur, j, any)
		}
		any = true
		j++
	}
	return finish(total, cur, j, any)
}

func finish(total, cur int64, j int, any bool) (int64, int, bool) {
	if !any {
		return 0, j, false
	}
	return total + cur, j, true
}
