package when

import (
	"testing"
	"time"
)

func TestFind(t *testing.T) {
	base := time.Date(2025, 1, 13, 12, 19, 0, 0, time.UTC) // a Monday
	tests := []struct {
		text       string
		start, end string
		prec       Precision
		words      string
	}{
		{"On Jan. 11, the president announced", "2025-01-11", "2025-01-11", Day, "Jan. 11"},
		{"launched on Aug. 6.", "2024-08-06", "2024-08-06", Day, "Aug. 6."},
		{"on January 6 by the minister", "2025-01-06", "2025-01-06", Day, "January 6"},
		{"John Kirby on Dec. 27.", "2024-12-27", "2024-12-27", Day, "Dec. 27."},
		{"since August 2024, when", "2024-08-01", "2024-08-31", Month, "August 2024"},
		{"In late December alone", "2024-12-21", "2024-12-31", Month, "late December"},
		{"during early January operations", "2025-01-01", "2025-01-10", Month, "early January"},
		{"in mid-March 2023", "2023-03-11", "2023-03-20", Month, "mid-March 2023"},
		{"deployed last fall to", "2024-09-01", "2024-11-30", Season, "last fall"},
		{"The shooting happened Tuesday night", "2025-01-07", "2025-01-07", Day, "Tuesday night"},
		{"was shot on Monday", "2025-01-13", "2025-01-13", Day, "Monday"},
		{"died last Monday", "2025-01-06", "2025-01-06", Day, "Monday"},
		{"late Saturday", "2025-01-11", "2025-01-11", Day, "Saturday"},
		{"arrested yesterday", "2025-01-12", "2025-01-12", Day, "yesterday"},
		{"last week the army", "2025-01-06", "2025-01-12", Week, "last week"},
		{"Bogota, 2 Oct 88 (AFP)", "1988-10-02", "1988-10-02", Day, "2 Oct 88"},
		{"on 22 November, the paper said", "2024-11-22", "2024-11-22", Day, "22 November"},
		{"killed on 1/28/2014 in", "2014-01-28", "2014-01-28", Day, "1/28/2014"},
		{"The 2016 attack", "", "", "", ""},
		{"She may die", "", "", "", ""},
		{"on Feb. 30", "", "", "", ""},
	}
	for _, tc := range tests {
		got := Find(tc.text, base)
		if tc.start == "" {
			if len(got) != 0 {
				t.Errorf("%q: found %+v, want nothing", tc.text, got)
			}
			continue
		}
		if len(got) != 1 {
			t.Errorf("%q: found %d dates %+v, want 1", tc.text, len(got), got)
			continue
		}
		s := got[0]
		if s.Start.Format(time.DateOnly) != tc.start || s.End.Format(time.DateOnly) != tc.end || s.Precision != tc.prec {
			t.Errorf("%q = %s..%s %s, want %s..%s %s", tc.text, s.Start.Format(time.DateOnly), s.End.Format(time.DateOnly), s.Precision, tc.start, tc.end, tc.prec)
		}
		if tc.words != "" && s.Text != tc.words && s.Text+"." != tc.words {
			t.Errorf("%q: words %q, want %q", tc.text, s.Text, tc.words)
		}
		if tc.text[s.At[0]:s.At[1]] != s.Text {
			t.Errorf("%q: offsets %v do not give %q", tc.text, s.At, s.Text)
		}
	}
}

// TestYearBoundaries: dates without a year resolve to their last occurrence before the report.
func TestYearBoundaries(t *testing.T) {
	tests := []struct {
		base, text, want string
	}{
		{"2025-01-02", "on Dec. 30", "2024-12-30"},
		{"2025-01-02", "on Jan. 1", "2025-01-01"},
		{"2025-01-02", "on Jan. 3", "2025-01-03"}, // a day after: a late report, still this year
		{"2024-12-31", "on Jan. 5", "2024-01-05"},
		{"2025-03-01", "on Feb. 28", "2025-02-28"},
		{"2024-03-01", "on Feb. 29", "2024-02-29"},
		{"2025-01-05", "Sunday", "2025-01-05"},
		{"2025-01-01", "Tuesday", "2024-12-31"},
		{"2025-01-03", "last week", "2024-12-23"},
		{"2025-02-10", "in late December", "2024-12-21"},
		{"2025-02-10", "last month", "2025-01-01"},
		{"2025-01-10", "last year", "2024-01-01"},
		{"2024-10-15", "last fall", "2023-09-01"},
		{"2025-01-15", "last winter", "2023-12-01"},
		{"2025-07-04", "this summer", "2025-06-01"},
	}
	for _, tc := range tests {
		base, _ := time.Parse(time.DateOnly, tc.base)
		got := Find(tc.text, base)
		if len(got) != 1 || got[0].Start.Format(time.DateOnly) != tc.want {
			t.Errorf("%s %q = %+v, want start %s", tc.base, tc.text, got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	base := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct{ in, want string }{
		{"January 13, 2025 12:19 PM", "2025-01-13T12:19:00Z"},
		{"Tuesday, January 28, 2014 8:18 PM EST", "2014-01-28T20:18:00-05:00"},
		{"Updated 3:05 p.m. CDT, July 4, 2016", "2016-07-04T15:05:00-05:00"},
		{"January 13, 2025 12:19 PM GMT+3", "2025-01-13T12:19:00+03:00"},
		{"January 13, 2025 12:19 UTC", "2025-01-13T12:19:00Z"},
		{"January 13, 2025 09:30 +0530", "2025-01-13T09:30:00+05:30"},
		{"January 13, 2025 12:19 PM IST", "2025-01-13T12:19:00Z"}, // ambiguous: India or Ireland
		{"March 3, 2016", "2016-03-03T00:00:00Z"},
		{"3 de marzo de 2016", "2016-03-03T00:00:00Z"}, // not English: go-dateparser
	}
	for _, tc := range tests {
		got, ok := Parse(tc.in, base)
		if !ok || got.Format(time.RFC3339) != tc.want {
			t.Errorf("Parse(%q) = %v %v, want %s", tc.in, got, ok, tc.want)
		}
	}
}

// mayStart, which lets Find skip words, must know every month and weekday
// match reads.
func TestMayStartCoversMatch(t *testing.T) {
	for w := range months {
		if !mayStart(w) {
			t.Errorf("mayStart(%q) = false, but %q is a month", w, w)
		}
	}
	for w := range weekdays {
		if !mayStart(w) {
			t.Errorf("mayStart(%q) = false, but %q is a weekday", w, w)
		}
	}
}
