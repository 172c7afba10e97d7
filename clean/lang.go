package clean

import (
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// englishWords are frequent English function words.
var englishWords = setOf("the", "of", "and", "to", "in", "a", "was", "is", "for", "on", "that", "with", "by",
	"at", "he", "said", "his", "were", "from", "as", "has", "have", "after")

// Language returns the ISO 639-1 code of the text's language, or "" if unsure.
// Almost every report is English, which a count of function words among the
// first 120 words settles cheaply (or fewer, once enough of them are); only the rest goes to whatlanggo, whose
// trigram model costs ~0.5 ms a document (measured), too much to pay for all.
func Language(text string) string {
	const maxWords, minShare = 120, 15 // per cent of the words read
	words, hits := 0, 0
	var buf [5]byte
	for i := 0; i < len(text) && words < maxWords; {
		if hits*100 >= maxWords*minShare {
			return "en" // the share holds however many words follow
		}
		for i < len(text) && !isLetter(text[i]) {
			i++
		}
		j := i
		for j < len(text) && isLetter(text[j]) {
			j++
		}
		if j > i {
			words++
			if j-i <= 5 {
				for k := i; k < j; k++ {
					buf[k-i] = text[k] | 0x20 // ASCII letters only here
				}
				if isEnglishWord(buf[:j-i]) {
					hits++
				}
			}
		}
		i = j
	}
	if words >= 8 && hits*100 >= words*minShare {
		return "en"
	}
	if words < 20 {
		return "" // too short to tell
	}
	sample := text
	if len(sample) > 300 {
		cut := 300
		for cut > 0 && !utf8.RuneStart(sample[cut]) {
			cut--
		}
		sample = sample[:cut]
	}
	info := whatlanggo.Detect(sample)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// englishTable holds the englishWords packed into integers, in an
// open-addressing table: Language asks it of up to 120 words a document.
var englishTable = func() (t [64]uint64) {
	for w := range englishWords {
		k := packWord([]byte(w))
		i := englishSlot(k)
		for t[i] != 0 {
			i = (i + 1) % len(t)
		}
		t[i] = k
	}
	return t
}()

// packWord packs a word of one to seven bytes into a non-zero integer.
func packWord(w []byte) uint64 {
	k := uint64(len(w))
	for _, c := range w {
		k = k<<8 | uint64(c)
	}
	return k
}

func englishSlot(k uint64) int { return int((k * 0x9e3779b97f4a7c15) >> 58) }

// isEnglishWord says whether a lower-case word of one to five letters is
// one of the englishWords.
func isEnglishWord(w []byte) bool {
	k := packWord(w)
	for i := englishSlot(k); englishTable[i] != 0; i = (i + 1) % len(englishTable) {
		if englishTable[i] == k {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
