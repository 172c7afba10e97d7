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
	Undated       int // toll figures whose report has no date
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
// It returns nil when no toll figure has a report date.
func buildTimeline(inc *tally.Incident) *timeline {
	type pt struct {
		t   time.Time
		v   int64
		lab string
	}
	series := map[tally.Category][]pt{}
	tl := &timeline{Width: tlWidth, Height: tlHeight, X0: tlLeft, X1: tlLeft + tlPlotW, Y0: tlTop + tlPlotH, Y1: tlTop}
	var tmin, tmax time.Time
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
		who := s.Outlet
		if who == "" {
			who = s.Doc
		}
		lab := fmt.Sprintf("%s, %s: %s %s", who, s.Published.UTC().Format("2006-01-02 15:04"), fig, s.Category)
		series[s.Category] = append(series[s.Category], pt{s.Published, s.Count.Low, lab})
		if tmin.IsZero() || s.Published.Before(tmin) {
			tmin = s.Published
		}
		if s.Published.After(tmax) {
			tmax = s.Published
		}
		vmax = max(vmax, s.Count.Low)
	}
	if len(series) == 0 {
		return nil
	}
	instant := tmax.Equal(tmin)
	// Centre a single instant (or a short burst) in a day's window.
	if tmax.Sub(tmin) < tlMinSpan {
		mid := tmin.Add(tmax.Sub(tmin) / 2)
		tmin, tmax = mid.Add(-tlMinSpan/2), mid.Add(tlMinSpan/2)
	}
	top := niceCeil(vmax)
	x := func(t time.Time) float64 {
		return tlLeft + float64(t.Sub(tmin))/float64(tmax.Sub(tmin))*tlPlotW
	}
	y := func(v int64) float64 { return tlTop + tlPlotH - float64(v)/float64(top)*tlPlotH }
	for _, cat := range tally.Categories {
		pts := series[cat]
		if len(pts) == 0 {
			continue
		}
		sort.SliceStable(pts, func(i, j int) bool { return pts[i].t.Before(pts[j].t) })
		s := tlSeries{Category: string(cat)}
		for i, p := range pts {
			if i > 0 {
				s.Points += " "
			}
			s.Points += fmt.Sprintf("%.1f,%.1f", x(p.t), y(p.v))
			s.Dots = append(s.Dots, tlDot{X: fmt.Sprintf("%.1f", x(p.t)), Y: fmt.Sprintf("%.1f", y(p.v)), Label: p.lab})
		}
		tl.Series = append(tl.Series, s)
	}
	for i := int64(0); i <= 4; i++ {
		v := top * i / 4
		tl.YTicks = append(tl.YTicks, tlTick{Pos: fmt.Sprintf("%.1f", y(v)), Label: ledger.Number(v)})
	}
	if instant {
		mid := tmin.Add(tmax.Sub(tmin) / 2)
		tl.XTicks = []tlTick{{Pos: fmt.Sprintf("%.1f", x(mid)), Label: datetimeLabel(mid)}}
		return tl
	}
	layout := "2006-01-02"
	if tmax.Sub(tmin) <= 3*24*time.Hour {
		layout = "01-02 15:04"
	}
	for i := 0; i <= 3; i++ {
		t := tmin.Add(tmax.Sub(tmin) * time.Duration(i) / 3)
		tl.XTicks = append(tl.XTicks, tlTick{Pos: fmt.Sprintf("%.1f", x(t)), Label: t.UTC().Format(layout)})
	}
	return tl
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
