package clean

import (
	"strings"
	"time"

	"tally/when"
)

// publishedFromText finds a publication date in a report that came without
// one: in a byline or dateline the filter dropped ("by Jane Doe January 13,
// 2025 12:19 PM 2 min read", "Posted: Tuesday, January 28, 2014 8:18 PM
// EST"), else at the head of the body ("Bogota, 2 Oct 88 (AFP) --",
// "INDIANAPOLIS, Ind. (Dec. 2, 2015) -"). Only a date with its year counts.
func publishedFromText(dropped []Dropped, body string) time.Time {
	for _, d := range dropped {
		if d.Verdict != Byline && d.Verdict != Dateline {
			continue
		}
		if t, ok := datedLine(d.Line); ok {
			return t
		}
	}
	head := body
	if len(head) > 120 {
		head = head[:120]
	}
	if i := strings.IndexAny(head, "\n"); i > 0 {
		head = head[:i]
	}
	// the dateline ends at the dash or bracket that opens the story
	if i := strings.Index(head, " -"); i > 0 {
		head = head[:i]
	} else if i := strings.Index(head, ")"); i > 0 {
		head = head[:i+1]
	} else {
		return time.Time{}
	}
	t, _ := datedLine(head)
	return t
}

// datedLine reads a full date (with a year) from a short line.
func datedLine(line string) (time.Time, bool) {
	for _, s := range when.Find(line, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)) {
		if s.Precision == when.Day && hasYear(s.Text) {
			t, ok := when.Parse(line[s.At[0]:], s.Start)
			if !ok {
				return s.Start, true
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// hasYear says whether a date's words include a year: four digits, or two after a month ("2 Oct 88").
func hasYear(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		} else {
			if digits == 4 {
				return true
			}
			digits = 0
		}
	}
	if digits == 4 {
		return true
	}
	f := strings.Fields(s)
	return len(f) == 3 && len(f[2]) == 2 && f[2][0] >= '0' && f[2][0] <= '9'
}
