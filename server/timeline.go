package server

import (
	"fmt"
	"sort"
	"time"

	"tally"
	"tally/ledger"
)

// Timeline geometry, in SVG user units.
const (
	tlWidth, tlHeight         = 640, 220
	tlLeft, tlRight           = 56, 16
	tlTop, tlBottom           = 16, 36
	tlPlotW, tlPlotH          = tlWidth - tlLeft - tlRight, tlHeight - tlTop - tlBottom
	tlMinSpan                 = 24 * time.Hour
	tlPointR          float64 = 4
)

// timeline is the chart of how an incident's reported toll changed report
// by report: x is when the report was published, y the toll it gives, one
// series per category. Everything is laid out here; the template only
// prints numbers and escaped labels.
type timeline struct {
	Width, Height int
	Series        []tlSeries
	YTicks        []tlTick
	XTicks        []tlTick
	X0, X1        int // plot area
	Y0, Y1        int
	Undated       int  // toll figures whose report has no date
	Ordinal       bool // x is the order of the reports, not time
}

type tlSeries struct {
	Category string
	Points   string // polyline points "x,y x,y"
	Dots     []tlDot
}

type tlDot struct {
	X, Y  string
	Label string
}

type tlTick struct {
	Pos   string
	Label string
}

// buildTimeline lays out the toll figures of inc's sources (Toll = true).
// When every report has its own publication time, x is proportional to
// time. When reports share a time (sources often give only the day), x is
// the order of the reports (by time, then outlet), one slot per report, so
// the chart still reads report by report. It returns nil when no toll
// figure has a report date.
func buildTimeline(inc *tally.Incident) *timeline {
	type pt struct {
		doc string
		t   time.Time
		v   int64
		lab string
	}
	type report struct {
		doc, outlet string
		t           time.Time
	}
	series := map[tally.Category][]pt{}
	reports := map[string]report{}
	tl := &timeline{Width: tlWidth, Height: tlHeight, X0: tlLeft, X1: tlLeft + tlPlotW, Y0: tlTop + tlPlotH, Y1: tlTop}
	var vmax int64
	for _, s := range inc.Sources {
		if !s.Toll {
			continue
		}
		if s.Published.IsZero() {
			tl.Undated++
			continue
		}
		fig := ledger.Figure(tally.Count{Low: s.Count.Low, High: s.Count.High, Qualifier: s.Count.Qualifier, Text: s.Count.Text}, tally.Derivation(s.Derived))
		who := or(s.Outlet, s.Doc)
		lab := fmt.Sprintf("%s (%s), %s: %s %s", who, s.Doc, datetimeLabel(s.Published), fig, s.Category)
		series[s.Category] = append(series[s.Category], pt{s.Doc, s.Published, s.Count.Low, lab})
		reports[s.Doc] = report{s.Doc, who, s.Published}
		vmax = max(vmax, s.Count.Low)
	}
	if len(series) == 0 {
		return nil
	}
	order := make([]report, 0, len(reports))
	times := map[time.Time]bool{}
	for _, r := range reports {
		order = append(order, r)
		times[r.t] = true
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if !a.t.Equal(b.t) {
			return a.t.Before(b.t)
		}
		if a.outlet != b.outlet {
			return a.outlet < b.outlet
		}
		return a.doc < b.doc
	})
	slot := map[string]int{}
	for i, r := range order {
		slot[r.doc] = i
	}
	tmin, tmax := order[0].t, order[len(order)-1].t
	ordinal := len(times) < len(order)

	var x func(doc string, t time.Time) float64
	if ordinal {
		n := len(order)
		x = func(doc string, _ time.Time) float64 {
			return tlLeft + (float64(slot[doc])+0.5)/float64(n)*tlPlotW
		}
	} else {
		if tmax.Sub(tmin) < tlMinSpan { // a short burst: centre it in a day
			mid := tmin.Add(tmax.Sub(tmin) / 2)
			tmin, tmax = mid.Add(-tlMinSpan/2), mid.Add(tlMinSpan/2)
		}
		x = func(_ string, t time.Time) float64 {
			return tlLeft + float64(t.Sub(tmin))/float64(tmax.Sub(tmin))*tlPlotW
		}
	}
	top := niceCeil(vmax)
	y := func(v int64) float64 { return tlTop + tlPlotH - float64(v)/float64(top)*tlPlotH }
	for _, cat := range tally.Categories {
		pts := series[cat]
		if len(pts) == 0 {
			continue
		}
		sort.SliceStable(pts, func(i, j int) bool { return slot[pts[i].doc] < slot[pts[j].doc] })
		s := tlSeries{Category: string(cat)}
		for i, p := range pts {
			if i > 0 {
				s.Points += " "
			}
			px, py := x(p.doc, p.t), y(p.v)
			s.Points += fmt.Sprintf("%.1f,%.1f", px, py)
			s.Dots = append(s.Dots, tlDot{X: fmt.Sprintf("%.1f", px), Y: fmt.Sprintf("%.1f", py), Label: p.lab})
		}
		tl.Series = append(tl.Series, s)
	}
	for i := int64(0); i <= 4; i++ {
		v := top * i / 4
		tl.YTicks = append(tl.YTicks, tlTick{Pos: fmt.Sprintf("%.1f", y(v)), Label: ledger.Number(v)})
	}
	if ordinal {
		// One label per report when they fit, else the first and the last.
		for i, r := range order {
			if len(order) > 6 && i != 0 && i != len(order)-1 {
				continue
			}
			lab := clipLabel(r.outlet, 18) + " · " + r.t.UTC().Format("01-02")
			tl.XTicks = append(tl.XTicks, tlTick{Pos: fmt.Sprintf("%.1f", x(r.doc, r.t)), Label: lab})
		}
		tl.Ordinal = true
		return tl
	}
	layout := "2006-01-02"
	if tmax.Sub(tmin) <= 3*24*time.Hour {
		layout = "01-02 15:04"
	}
	for i := 0; i <= 3; i++ {
		t := tmin.Add(tmax.Sub(tmin) * time.Duration(i) / 3)
		tl.XTicks = append(tl.XTicks, tlTick{Pos: fmt.Sprintf("%.1f", x("", t)), Label: t.UTC().Format(layout)})
	}
	return tl
}

// clipLabel shortens s to n characters.
func clipLabel(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// niceCeil rounds v up to 1, 2, 4, 5 or 10 times a power of ten, and to at
// least 4, so the y axis ends on a round number.
func niceCeil(v int64) int64 {
	if v <= 4 {
		return 4
	}
	p := int64(1)
	for p*10 < v {
		p *= 10
	}
	for _, m := range []int64{1, 2, 4, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// datetimeLabel is a date, with the time when it is not midnight.
func datetimeLabel(t time.Time) string {
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format("2006-01-02 15:04")
}
