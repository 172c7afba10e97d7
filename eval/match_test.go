package eval

import (
	"math"
	"math/big"
	"reflect"
	"sort"
	"testing"
)

func TestDocKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"026.html.gz", "026"},
		{"a/b/x.json", "x"},
		{"x.txt.json", "x.txt"}, // .txt is tested before .json is stripped
		{"a.htm.html", "a"},
		{"a.html.htm", "a.html"},
		{"dir/", ""},
		{"x.json.gz", "x"},
		{"None", "None"},
		{"a.md", "a"},
		{"a.gz.gz", "a.gz"},
		{"001.txt", "001"},
		{"/abs/path/004_c15.html", "004_c15"},
	} {
		if got := DocKey(tc.in); got != tc.want {
			t.Errorf("DocKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTokens(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Ukraine's Special Operations Forces (press service)", []string{"forces", "operations", "press", "service", "special", "ukraine"}},
		{"Russia’s Kursk", []string{"kursk", "russia"}},
		{"it's", nil},
		{"the U.S.", nil},
		{"x'sx", []string{"sx", "x"}},          // no word boundary after the s
		{"boss's's", []string{"boss"}},         // both removed in one pass
		{"x's_y", []string{"x", "y"}},          // "_" is a word character: kept, and "s" is a stop word
		{"x'sé", []string{"x"}},                // "é" is a word character
		{"İSTANBUL", []string{"i", "stanbul"}}, // Python lowers İ to i + U+0307
		{"NIS's", []string{"nis"}},
		{"", nil},
		{"S&P 500", []string{"500", "p"}},
		{"ﬁve KELVIN \u212a", []string{"k", "kelvin", "ve"}},
	} {
		var got []string
		for k := range Tokens(tc.in) {
			got = append(got, k)
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestClaimantOK(t *testing.T) {
	for _, tc := range []struct {
		gold, pred any
		want       bool
	}{
		{nil, nil, true},
		{"article", nil, true},
		{"Article (own voice)", "", true},
		{"article", "Article ", true},
		{"article", "NIS", false},
		{"NIS", "the NIS", true},
		{"NIS", nil, false},
		{"South Korea's NIS", "Seoul", false},
		{"the unit's press service", "press", true},
		{"", "x", false},
		{"  ", " article ", true},
		{"Zelensky", "President Volodymyr Zelensky", true},
		{"the", "the", false}, // only stop words: nothing shared
		{false, "article", true},
	} {
		got, err := claimantOK(tc.gold, tc.pred)
		if err != nil || got != tc.want {
			t.Errorf("claimantOK(%#v, %#v) = %v, %v; want %v", tc.gold, tc.pred, got, err, tc.want)
		}
	}
	if _, err := claimantOK(big.NewInt(3), "x"); err == nil {
		t.Error("claimantOK(3, ...) should fail like (3 or '').strip()")
	}
}

func num(i int64) *big.Int { return big.NewInt(i) }

func TestSameFigure(t *testing.T) {
	gold := func(low, high any, q string) claim {
		return claim{category: "killed", low: low, high: high, qualifier: q, sentence: "Troops killed 17 soldiers."}
	}
	pred := func(low, high any) claim {
		return claim{category: "killed", low: low, high: high, qualifier: "exact", sentence: ""}
	}
	for i, tc := range []struct {
		g, p claim
		want bool
	}{
		{gold(num(17), nil, "exact"), pred(num(17), nil), true},
		{gold(num(17), nil, "exact"), pred(17.9, nil), true},            // int() truncates
		{gold(num(17), nil, "exact"), pred("17", num(17)), true},        // int("17"), high == low
		{gold(num(17), nil, "exact"), pred(num(17), num(20)), false},    // a range is not the point figure
		{gold(num(17), num(17), "exact"), pred(num(17), nil), true},     // gold high == low
		{gold(num(17), 17.0, "exact"), pred(num(17), num(18)), false},   // 17.0 == 17
		{gold(num(10), num(20), "range"), pred(num(10), num(20)), true}, // ranges need both ends
		{gold(num(10), num(20), "range"), pred(num(10), nil), false},    //
		{gold(num(17), nil, "exact"), pred(nil, nil), false},            // no low
		{gold(num(17), nil, "exact"), claim{category: "wounded", low: num(17)}, false},
		{gold(nil, nil, "vague"), claim{category: "killed", low: num(3), sentence: "several soldiers killed"}, true},
		{gold(nil, nil, "vague"), claim{category: "killed", low: num(3), sentence: "many died"}, false},
		{gold(num(17), nil, "exact"), pred(true, nil), false}, // True is 1
	} {
		got, err := sameFigure(tc.g, tc.p)
		if err != nil || got != tc.want {
			t.Errorf("case %d: sameFigure = %v, %v; want %v", i, got, err, tc.want)
		}
	}
	if _, err := sameFigure(gold(num(17), nil, "exact"), pred("x", nil)); err == nil {
		t.Error(`int("x") should fail`)
	}
}

func TestPyHelpers(t *testing.T) {
	for _, tc := range []struct {
		f    float64
		want string
	}{
		{1, "1.0"}, {0, "0.0"}, {0.9, "0.9"}, {0.8333, "0.8333"}, {0.0001, "0.0001"}, {0.00001, "1e-05"},
		{1e16, "1e+16"}, {1e15, "1000000000000000.0"}, {123.456, "123.456"}, {-2.5, "-2.5"},
		{math.Inf(1), "inf"}, {1.5e-7, "1.5e-07"},
	} {
		if got := pyFloatRepr(tc.f); got != tc.want {
			t.Errorf("pyFloatRepr(%v) = %q, want %q", tc.f, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want float64 }{
		{2.0 / 3, 0.6667}, {0.00005, 0.0001}, {0.00015, 0.0001}, {0.12345, 0.1235}, {1, 1}, {5.0 / 6, 0.8333},
	} {
		if got := pyRound4(tc.in); got != tc.want {
			t.Errorf("pyRound4(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		in   any
		want string // "" for an error
	}{
		{"17", "17"}, {" 17\n", "17"}, {"-0", "0"}, {"1_000", "1000"}, {"١٢", "12"}, {"1__0", ""}, {"_1", ""},
		{"1.0", ""}, {"", ""}, {2.9, "2"}, {-2.9, "-2"}, {true, "1"}, {nil, ""}, {math.Inf(1), ""},
		{[]any{}, ""}, {num(5), "5"},
	} {
		got, err := pyInt(tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("pyInt(%#v) = %v, want an error", tc.in, got)
			}
		} else if err != nil || got.String() != tc.want {
			t.Errorf("pyInt(%#v) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		in   any
		want string
	}{
		{nil, "None"}, {true, "True"}, {1.0, "1.0"}, {num(7), "7"}, {"a", "a"},
		{[]any{"a", nil, 1.5, "it's"}, `['a', None, 1.5, "it's"]`},
	} {
		if got := pyStr(tc.in); got != tc.want {
			t.Errorf("pyStr(%#v) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if !pyEqual(num(1), 1.0) || !pyEqual(true, num(1)) || pyEqual("1", num(1)) || !pyEqual([]any{num(1)}, []any{1.0}) {
		t.Error("pyEqual disagrees with Python's ==")
	}
	if pyLower("ΟΔΟΣ Σ") != "οδος σ" || pyLower("İ") != "i\u0307" {
		t.Errorf("pyLower: %q %q", pyLower("ΟΔΟΣ Σ"), pyLower("İ"))
	}
}

func TestDecodeJSON(t *testing.T) {
	v, err := decodeJSON(`{"a": 1, "b": 2.0, "a": 3, "c": [1e400, -0, "x"]} `)
	if err != nil {
		t.Fatal(err)
	}
	o := v.(*object)
	if !reflect.DeepEqual(o.keys, []string{"a", "b", "c"}) || pyRepr(o) != "{'a': 3, 'b': 2.0, 'c': [inf, 0, 'x']}" {
		t.Errorf("decoded %s with keys %q", pyRepr(o), o.keys)
	}
	for _, bad := range []string{``, `{} {}`, `{"a" 1}`, "\ufeff{}", `[1,]`, `01`} {
		if _, err := decodeJSON(bad); err == nil {
			t.Errorf("decodeJSON(%q) should fail", bad)
		}
	}
}
