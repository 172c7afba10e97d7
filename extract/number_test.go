package extract

import (
	"testing"

	"tally"
)

// num tokenizes a phrase and parses the figure at its first token.
func num(phrase string) (number, bool) {
	lower := lowerASCII(phrase)
	toks := tokenize(nil, phrase, lower, 0, len(phrase))
	return parseNumber(toks, 0)
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in        string
		ok        bool
		low, high int64
		qual      tally.Qualifier
	}{
		{"21 soldiers", true, 21, 21, tally.Exact},
		{"2,700 wounded", true, 2700, 2700, tally.Exact},
		{"40.000 dead", true, 40000, 40000, tally.Exact}, // a stop grouping thousands
		{"1.5 million", true, 1500000, 1500000, tally.Exact},
		{"1.5 dead", false, 0, 0, ""},
		{"seventeen", true, 17, 17, tally.Exact},
		{"twenty-one", true, 21, 21, tally.Exact},
		{"forty three witnesses", true, 43, 43, tally.Exact},
		{"three hundred people", true, 300, 300, tally.Exact},
		{"one hundred and five", true, 105, 105, tally.Exact},
		{"a thousand", true, 1000, 1000, tally.Exact},
		{"a dozen", true, 12, 12, tally.Exact},
		{"two dozen", true, 24, 24, tally.Exact},
		{"at least 13", true, 13, -1, tally.AtLeast},
		{"more than two dozen", true, 24, -1, tally.MoreThan},
		{"over 1,000", true, 1000, -1, tally.MoreThan},
		{"nearly 13,000", true, 13000, 13000, tally.About},
		{"approximately 40,000", true, 40000, 40000, tally.About},
		{"some 200", true, 200, 200, tally.About},
		{"up to 10", true, 10, 10, tally.UpTo},
		{"as many as 200", true, 200, 200, tally.UpTo},
		{"70,000 to 80,000", true, 70000, 80000, tally.Range},
		{"70 to 80,000", true, 70000, 80000, tally.Range},
		{"70 or 80,000", true, 70000, 80000, tally.Range},
		{"about 70 to 80,000", true, 70000, 80000, tally.About},
		{"approximately 70,000-80,000", true, 70000, 80000, tally.About},
		{"between 5 and 8", true, 5, 8, tally.Range},
		{"5-8", true, 5, 8, tally.Range},
		{"two or three", true, 2, 3, tally.Range},
		{"40 or more", true, 40, -1, tally.AtLeast},
		{"several", true, 3, -1, tally.Vague},
		{"dozens", true, 12, -1, tally.Vague},
		{"scores", true, 20, -1, tally.Vague},
		{"hundreds", true, 100, -1, tally.Vague},
		{"tens of thousands", true, 10000, -1, tally.Vague},
		{"between", false, 0, 0, ""},
		{"about the", false, 0, 0, ""},
		{"a man", false, 0, 0, ""},
		{"17-year-old", false, 0, 0, ""},
		{"8th", false, 0, 0, ""},
	}
	for _, tc := range tests {
		n, ok := num(tc.in)
		if ok != tc.ok {
			t.Errorf("%q: ok = %v, want %v", tc.in, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		if n.low != tc.low || n.high != tc.high || n.qual != tc.qual {
			t.Errorf("%q = %d..%d %s, want %d..%d %s", tc.in, n.low, n.high, n.qual, tc.low, tc.high, tc.qual)
		}
	}
}

func TestTokenize(t *testing.T) {
	text := "Korea's 2,700 U.S. troops, 70,000-80,000; don't \"stop\""
	toks := tokenize(nil, text, lowerASCII(text), 0, len(text))
	var got []string
	for _, tk := range toks {
		got = append(got, text[tk.start:tk.end])
	}
	want := []string{"Korea", "'s", "2,700", "U.S.", "troops", ",", "70,000-80,000", ";", "don't", "\"", "stop", "\""}
	if len(got) != len(want) {
		t.Fatalf("tokens = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d = %q, want %q", i, got[i], want[i])
		}
	}
	if toks[2].kind != tNum || toks[6].kind != tWord || !toks[0].cap || toks[4].cap {
		t.Errorf("kinds/caps wrong: %+v", toks)
	}
}
