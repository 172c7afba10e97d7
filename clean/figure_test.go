package clean

import "testing"

func TestStatesFigure(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"at least 19 dead in gun attacks", true},
		{"harbour authority reports 2,400 casualties in velmora", true},
		{"twelve wounded in market blast", true},
		{"dozens missing after landslide", true},
		{"hundreds injured as stands collapse", true},
		{"three hostages freed", true},
		{"gunmen abduct 40 students", true},
		{"death toll rises to 31", true},
		{"one person was shot", true},
		{"two fatalities reported", true},
		{"several captured near the border", true},
		{"killed 7", true}, // order does not matter
		{"soldiers killed in ambush", false},
		{"12 apples and 3 pears", false},
		{"2025 budget approved", false},
		{"the hostage crisis continues", false},
		{"wkrn news 2", false},
		{"someone died", false}, // "someone" is not a number word
		{"", false},
	}
	for _, tt := range tests {
		if got := StatesFigure(tt.in); got != tt.want {
			t.Errorf("StatesFigure(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
