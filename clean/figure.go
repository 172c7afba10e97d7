package clean

import "strings"

// figureNumbers are number words that can open a casualty figure.
var figureNumbers = setOf(
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
	"fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
	"sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "dozen",
	"dozens", "scores", "several",
)

// casualtyStems begin the words that make a number a casualty figure.
var casualtyStems = []string{
	"kill", "dead", "die", "death", "wound", "injur", "casualt", "hurt", "hostage", "captur", "kidnap", "abduct",
	"missing", "slain", "murder", "shot", "fatal", "toll",
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// StatesFigure is a cheap test of whether a lower-case line may state a
// casualty figure: it holds a number (digits or a number word) and a word for
// killing, wounding, capture or disappearance. The boilerplate filter keeps
// captions and teasers that pass it; extract decides what they really say.
func StatesFigure(lc string) bool {
	number, cue := false, false
	for i := 0; i < len(lc); {
		for i < len(lc) && !isWordByte(lc[i]) {
			i++
		}
		j := i
		for j < len(lc) && isWordByte(lc[j]) {
			j++
		}
		if j == i {
			break
		}
		w := lc[i:j]
		i = j
		if !number && (w[0] >= '0' && w[0] <= '9' || figureNumbers[w]) {
			number = true
		}
		if !cue {
			for _, s := range casualtyStems {
				if strings.HasPrefix(w, s) {
					cue = true
					break
				}
			}
		}
		if number && cue {
			return true
		}
	}
	return false
}
