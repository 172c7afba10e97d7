package clean

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func spanTexts(text string, spans []Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = text[s.Start:s.End]
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "Three people died. Two were hurt.",
			[]string{"Three people died.", "Two were hurt."}},
		{"title abbreviation", "Gen. Omar Hadi arrived on Sunday. He spoke briefly.",
			[]string{"Gen. Omar Hadi arrived on Sunday.", "He spoke briefly."}},
		{"month before a day", "The attack happened on Jan. 13 in the capital. Police responded.",
			[]string{"The attack happened on Jan. 13 in the capital.", "Police responded."}},
		{"dotted acronym", "Troops from the U.S. Army were deployed. Officials confirmed it.",
			[]string{"Troops from the U.S. Army were deployed.", "Officials confirmed it."}},
		{"U.N.", "The U.N. Security Council met. It adjourned.",
			[]string{"The U.N. Security Council met.", "It adjourned."}},
		{"saint", "He lived in St. George for years. Then he moved.",
			[]string{"He lived in St. George for years.", "Then he moved."}},
		{"mister", "Mr. Jones said nothing. The hearing ended.",
			[]string{"Mr. Jones said nothing.", "The hearing ended."}},
		{"mrs and dr", "Mrs. Lane and Dr. Patel were treated. Both survived.",
			[]string{"Mrs. Lane and Dr. Patel were treated.", "Both survived."}},
		{"initial", "John F. Kennedy was shot in Dallas. The nation mourned.",
			[]string{"John F. Kennedy was shot in Dallas.", "The nation mourned."}},
		{"two initials", "The report by J. R. Smith was published. It was long.",
			[]string{"The report by J. R. Smith was published.", "It was long."}},
		{"decimal", "Turnout rose to 3.5 percent. It fell later.",
			[]string{"Turnout rose to 3.5 percent.", "It fell later."}},
		{"digit starts a sentence", "The toll was revised. 12 more bodies were found.",
			[]string{"The toll was revised.", "12 more bodies were found."}},
		{"quote then attribution", `"We will rebuild," he said. The mayor left.`,
			[]string{`"We will rebuild," he said.`, "The mayor left."}},
		{"quote ends sentence", `She said, "It is over." Then she left.`,
			[]string{`She said, "It is over."`, "Then she left."}},
		{"single quote ends sentence", `He called it 'a massacre.' Nobody answered.`,
			[]string{`He called it 'a massacre.'`, "Nobody answered."}},
		{"question in quote continues", `"Is anyone hurt?" he asked. Nobody was.`,
			[]string{`"Is anyone hurt?" he asked.`, "Nobody was."}},
		{"exclamation in quote continues", `"Get down!" the officer shouted.`,
			[]string{`"Get down!" the officer shouted.`}},
		{"next sentence opens with a quote", `He paused. "We have lost 40 men," he said.`,
			[]string{"He paused.", `"We have lost 40 men," he said.`}},
		{"question and exclamation", "Where were they? Nobody knows! The search continues.",
			[]string{"Where were they?", "Nobody knows!", "The search continues."}},
		{"mixed terminal run", "What?! No way.",
			[]string{"What?!", "No way."}},
		{"ellipsis then capital", "He waited... Then the shooting began.",
			[]string{"He waited...", "Then the shooting began."}},
		{"closing bracket", "He was released (on bail.) Police declined to comment.",
			[]string{"He was released (on bail.)", "Police declined to comment."}},
		{"next sentence opens with a bracket", "Two died. (A third was treated.)",
			[]string{"Two died.", "(A third was treated.)"}},
		{"a.m. before a weekday", "The blast happened at 9 a.m. Tuesday near the market. Two people died.",
			[]string{"The blast happened at 9 a.m. Tuesday near the market.", "Two people died."}},
		{"p.m. before a zone", "Shots rang out at 11 p.m. EST, police said. Nobody was hurt.",
			[]string{"Shots rang out at 11 p.m. EST, police said.", "Nobody was hurt."}},
		{"a.m. ends a sentence", "The blast happened at 9 a.m. Police arrived later.",
			[]string{"The blast happened at 9 a.m.", "Police arrived later."}},
		{"lower case after a stop", "He said no. but then he agreed.",
			[]string{"He said no. but then he agreed."}},
		{"no space after a stop", "Visit example.com for updates. Then call.",
			[]string{"Visit example.com for updates.", "Then call."}},
		{"newline splits", "First line without a stop\nSecond line",
			[]string{"First line without a stop", "Second line"}},
		{"newline splits after an abbreviation", "He met Gen.\nSmith arrived.",
			[]string{"He met Gen.", "Smith arrived."}},
		{"blank lines skipped", "One.\n\nTwo.",
			[]string{"One.", "Two."}},
		{"surrounding spaces trimmed", "  Lead spaces. Next.  ",
			[]string{"Lead spaces.", "Next."}},
		{"non-ASCII capital", "Ceasefire holds. Éric Martin was freed.",
			[]string{"Ceasefire holds.", "Éric Martin was freed."}},
		{"no stop at all", "Headline without a stop",
			[]string{"Headline without a stop"}},
		{"ends at a stop", "He died.",
			[]string{"He died."}},
		{"empty", "", []string{}},
		{"only spaces and newlines", " \n \n ", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Sentences(tt.in)
			got := spanTexts(tt.in, spans)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentenceSpans(t *testing.T) {
	tests := []struct {
		in   string
		want []Span
	}{
		{"Gen. Smith arrived. He spoke.", []Span{{0, 19}, {20, 29}}},
		{"  Hi there. Bye.  ", []Span{{2, 11}, {12, 16}}},
		{"One\nTwo", []Span{{0, 3}, {4, 7}}},
		{"Title\n\nBody one. Body two.", []Span{{0, 5}, {7, 16}, {17, 26}}},
		{`"Stop!" Nobody did.`, []Span{{0, 7}, {8, 19}}},
	}
	for _, tt := range tests {
		if got := Sentences(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestAppendSentences(t *testing.T) {
	text := "Blast kills 3\n\nThe blast hit at noon. Gen. Hadi spoke."
	tests := []struct {
		name string
		dst  []Span
		from int
		want []Span
	}{
		{"from the start", nil, 0, []Span{{0, 13}, {15, 37}, {38, 54}}},
		{"from the body", nil, 15, []Span{{15, 37}, {38, 54}}},
		{"from the blank line", nil, 13, []Span{{15, 37}, {38, 54}}},
		{"appends to dst", []Span{{0, 13}}, 15, []Span{{0, 13}, {15, 37}, {38, 54}}},
		{"from the end", nil, len(text), nil},
		// The word before a stop is looked for no further back than from:
		// "Gen." cut to "n." is not an abbreviation.
		{"from inside an abbreviation", nil, 40, []Span{{40, 42}, {43, 54}}},
	}
	for _, tt := range tests {
		got := AppendSentences(tt.dst, text, tt.from)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: AppendSentences(%v, text, %d) = %v (%q), want %v", tt.name, tt.dst, tt.from, got,
				spanTexts(text, got), tt.want)
		}
	}
}

// TestSentencesSkip checks the splitter, which skips eight bytes at a time
// to the next mark, against the byte-by-byte version it was, on random text.
func TestSentencesSkip(t *testing.T) {
	parts := []string{"a", "Word", " ", "  ", ".", "!", "?", "\"", ")", "\n", "Mr.", "U.S.", "3 p.m.", "Monday", "é", "The"}
	rng := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < 30000; n++ {
		var b strings.Builder
		for k := rng.IntN(40); k >= 0; k-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		from := rng.IntN(len(s) + 1)
		if got, want := AppendSentences(nil, s, from), appendSentencesRef(nil, s, from); !slices.Equal(got, want) {
			t.Fatalf("AppendSentences(%q, %d) = %v, want %v", s, from, got, want)
		}
	}
}

// appendSentencesRef is AppendSentences as first written.
func appendSentencesRef(dst []Span, text string, from int) []Span {
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

func TestSpaceGlued(t *testing.T) {
	tests := []struct{ in, want string }{
		{"killed her brother in northeast Houston.Police were called to a home.", "killed her brother in northeast Houston. Police were called to a home."},
		{"He died.Two others were hurt.Police said so.", "He died. Two others were hurt. Police said so."},
		{"Read more at example.com/News.Story or mail tips@news.Desk today.", "Read more at example.com/News.Story or mail tips@news.Desk today."},
		{"The U.S.Army said; at 3 p.m.Police came.", "The U.S.Army said; at 3 p.m.Police came."}, // no two lower-case letters before the stop
		{"St.Louis police said", "St.Louis police said"},                                         // a capital before the stop: maybe an abbreviation
		{"WALB.com reported it.", "WALB.com reported it."},
		{"A plain sentence. Another one.", "A plain sentence. Another one."},
	}
	for _, tt := range tests {
		if got := SpaceGlued(tt.in); got != tt.want {
			t.Errorf("SpaceGlued(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
