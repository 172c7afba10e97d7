package clean

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestLanguage(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"english", "Seven people died when the river burst its banks in Marrow Valley on Saturday night, the regional fire service said.", "en"},
		{"english headline and paragraph", "Flood kills 7\n\nThe mayor said a further 23 people were treated in hospital for injuries.", "en"},
		{"french", "Sept personnes sont mortes samedi soir lorsque la rivière est sortie de son lit dans la vallée, " +
			"ont indiqué les pompiers de la région. Les équipes de secours ont atteint dimanche les dernières familles " +
			"bloquées, et les autorités affirment que l'eau commence enfin à baisser dans la plupart des quartiers.", "fr"},
		{"spanish", "Siete personas murieron el sábado por la noche cuando el río se desbordó en el valle, según informaron " +
			"los bomberos de la región. Los equipos de rescate llegaron el domingo hasta las últimas familias aisladas, " +
			"y las autoridades dicen que el agua por fin comienza a bajar en la mayoría de los barrios.", "es"},
		{"german", "Sieben Menschen sind am Samstagabend ums Leben gekommen, als der Fluss im Tal über die Ufer trat, " +
			"teilte die Feuerwehr der Region mit. Die Rettungskräfte erreichten am Sonntag die letzten eingeschlossenen " +
			"Familien, und die Behörden sagen, dass das Wasser in den meisten Vierteln endlich zurückgeht.", "de"},
		{"five words", "Sept personnes sont mortes samedi", ""},
		{"short english line", "Flood kills seven", ""},
		{"numbers only", strings.Repeat("12 34 ", 40), ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := Language(tt.in); got != tt.want {
			t.Errorf("%s: Language(%.40q...) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestIsEnglishWord(t *testing.T) {
	for w := range englishWords {
		if !isEnglishWord([]byte(w)) {
			t.Errorf("isEnglishWord(%q) = false", w)
		}
	}
	for _, w := range []string{"x", "th", "thee", "an", "said.", "wash", "ofa", "aa", "after"[:4]} {
		if isEnglishWord([]byte(w)) != englishWords[w] {
			t.Errorf("isEnglishWord(%q) = %v", w, !englishWords[w])
		}
	}
}

// TestLanguageEarlyEnglish checks that stopping once enough function words
// are seen gives what counting all 120 words gives.
func TestLanguageEarlyEnglish(t *testing.T) {
	full := func(text string) bool { // the count over the first 120 words
		words, hits := 0, 0
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
			if words == 120 {
				break
			}
			words++
			if len(w) <= 5 && englishWords[strings.ToLower(w)] {
				hits++
			}
		}
		return words >= 8 && hits*100 >= words*15
	}
	rng := rand.New(rand.NewPCG(9, 10))
	vocab := []string{"the", "of", "Police", "shot", "a", "man", "in", "Chicago", "said", "on", "Monday", "victims", "und", "der"}
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for k := rng.IntN(200); k >= 0; k-- {
			b.WriteString(vocab[rng.IntN(len(vocab))] + " ")
		}
		if s := b.String(); full(s) && Language(s) != "en" {
			t.Fatalf("Language(%q) = %q, want en", s, Language(s))
		} else if !full(s) && Language(s) == "en" {
			t.Fatalf("Language(%q) = en", s)
		}
	}
}
