// Package when finds date expressions in report text and resolves them
// against the report's publication date: "on Jan. 11", "Tuesday", "last
// week", "in late December", "early January", "last fall", "Aug. 6". Each
// resolved date carries the interval it covers and its precision.
//
// The common English forms are read by hand: go-dateparser parses them too,
// but at about 150 µs a call (measured), several times the whole extraction
// budget of a document; it stays the parser of last resort for candidates
// the hand-written reader does not know (other languages, odd formats). It
// lacks late/early/mid month and seasons, which are added here.
//
// when imports only the standard library, the root package and go-dateparser.
package when

import (
	"time"
)

// Precision says how precisely a date is known.
type Precision string

// The precisions, finest first.
const (
	Day    Precision = "day"
	Week   Precision = "week"
	Month  Precision = "month"
	Season Precision = "season"
	Year   Precision = "year"
)

// Span is a resolved date: the days it covers (Start and End inclusive, at
// midnight UTC), its precision, and the words it came from with their byte
// offsets in the text searched.
type Span struct {
	Start, End time.Time
	Precision  Precision
	Text       string
	At         [2]int
}

// Day returns the span's first day as YYYY-MM-DD.
func (s Span) Day() string { return s.Start.Format(time.DateOnly) }

// Contains says whether day t falls within the span.
func (s Span) Contains(t time.Time) bool {
	d := truncate(t)
	return !d.Before(s.Start) && !d.After(s.End)
}

// truncate drops the time of day, keeping the date in t's own zone.
func truncate(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func span(start, end time.Time, p Precision) Span { return Span{Start: start, End: end, Precision: p} }

// monthBefore returns the year in which month m last began on or before base.
func monthBefore(m time.Month, base time.Time) int {
	y := base.Year()
	if m > base.Month() {
		y--
	}
	return y
}

// dayBefore resolves a month and day without year to its last occurrence on or before base
// (a report tells of the past); a date more than two days after base goes to the year before.
func dayBefore(m time.Month, d int, base time.Time) time.Time {
	b := truncate(base)
	t := day(b.Year(), m, d)
	if t.After(b.AddDate(0, 0, 2)) {
		t = day(b.Year()-1, m, d)
	}
	return t
}

// weekdayBefore returns the last day on or before base that is the given weekday.
func weekdayBefore(w time.Weekday, base time.Time) time.Time {
	b := truncate(base)
	diff := (int(b.Weekday()) - int(w) + 7) % 7
	return b.AddDate(0, 0, -diff)
}

// monthEnd returns the last day of a month.
func monthEnd(y int, m time.Month) time.Time { return day(y, m+1, 1).AddDate(0, 0, -1) }
