package event

import "testing"

func TestTokenStops(t *testing.T) {
	tests := []struct {
		text string
		want []string // the words, in order, punctuation left out
	}{
		{"killed in a U.S. airstrike in Kabul. Top officials", []string{"killed", "in", "a", "U.S.", "airstrike", "in", "Kabul", "Top", "officials"}},
		{"BLOOMINGTON, Ind. police said", []string{"BLOOMINGTON", "Ind.", "police", "said"}},
		{"Gen. Smith arrived in Paris. He left", []string{"Gen.", "Smith", "arrived", "in", "Paris", "He", "left"}},
		{"near Fresno, Calif. The man", []string{"near", "Fresno", "Calif.", "The", "man"}},
		{"in Miami.", []string{"in", "Miami"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range tokenize(tt.text) {
			if !tk.punct {
				got = append(got, tk.w)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
				break
			}
		}
	}
}
