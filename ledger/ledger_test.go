package ledger

import (
	"strings"
	"testing"

	"tally"
)

func TestFigure(t *testing.T) {
	n := func(v int64) *int64 { return &v }
	tests := []struct {
		c    tally.Count
		d    tally.Derivation
		want string
	}{
		{tally.Count{Low: 21, High: n(21), Qualifier: tally.Exact}, "", "21"},
		{tally.Count{Low: 1000, Qualifier: tally.AtLeast}, "", "at least 1,000"},
		{tally.Count{Low: 120, Qualifier: tally.MoreThan}, "", "more than 120"},
		{tally.Count{Low: 70000, High: n(80000), Qualifier: tally.Range}, "", "70,000–80,000"},
		{tally.Count{Low: 40, High: n(40), Qualifier: tally.About}, "", "about 40"},
		{tally.Count{Low: 12, Qualifier: tally.Vague, Text: "dozens"}, "", "dozens (12+)"},
		{tally.Count{Low: 1, High: n(1), Qualifier: tally.Exact}, tally.Implicit, "1 (implied)"},
		{tally.Count{Low: 2, High: n(2), Qualifier: tally.Exact}, tally.Named, "2 (named)"},
	}
	for _, tc := range tests {
		if got := Figure(tc.c, tc.d); got != tc.want {
			t.Errorf("Figure(%+v, %q) = %q, want %q", tc.c, tc.d, got, tc.want)
		}
	}
}

func TestRanges(t *testing.T) {
	if got := TallyRange(nil); got != "—" {
		t.Errorf("TallyRange(nil) = %q", got)
	}
	if got := TallyRange(&tally.Tally{Low: 13, Best: 21, High: 21}); got != "21 (13–21)" {
		t.Errorf("TallyRange = %q", got)
	}
	if got := Place(&tally.Place{Name: "Bastrop", Admin1: "Texas", Country: "US"}); got != "Bastrop, Texas, US" {
		t.Errorf("Place = %q", got)
	}
	if got := Place(&tally.Place{Name: "Kursk Oblast", Admin1: "Kursk Oblast", Country: "RU"}); got != "Kursk Oblast, RU" {
		t.Errorf("Place of a region = %q", got)
	}
}

// Excerpt marks the figure and keeps it within the width.
func TestExcerpt(t *testing.T) {
	text := "Title\n\nThe strike killed 21 soldiers near the village, officials said on Tuesday evening after the battle."
	start := strings.Index(text, "The strike")
	sent := text[start:]
	at := strings.Index(text, "21")
	got := Excerpt(text, tally.Claim{Sentence: sent, Span: [2]int{at, at + 2}}, 40, false)
	if !strings.Contains(got, "«21»") || len([]rune(got)) > 46 {
		t.Errorf("Excerpt = %q", got)
	}
}
