package server

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"tally"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		err    error
		status int
		code   string
	}{
		{tally.Errorf(tally.ENOTFOUND, "x"), 404, tally.ENOTFOUND},
		{tally.Errorf(tally.EINVALID, "x"), 400, tally.EINVALID},
		{tally.Errorf(tally.ECONFLICT, "x"), 409, tally.ECONFLICT},
		{tally.Errorf(tally.EFORBID, "x"), 403, tally.EFORBID},
		{tally.Errorf(tally.EINTERNAL, "secret detail"), 500, tally.EINTERNAL},
		{errors.New("disk on fire"), 500, tally.EINTERNAL},
		{fmt.Errorf("wrapped: %w", tally.Errorf(tally.ENOTFOUND, "x")), 404, tally.ENOTFOUND},
		{fmt.Errorf("read: %w", &http.MaxBytesError{Limit: 10}), 413, codeTooLarge},
	}
	for _, tt := range tests {
		status, code, msg := classify(tt.err)
		if status != tt.status || code != tt.code {
			t.Errorf("classify(%v) = %d %s, want %d %s", tt.err, status, code, tt.status, tt.code)
		}
		if status == 500 && msg != "internal error" {
			t.Errorf("classify(%v) tells the client %q", tt.err, msg)
		}
	}
}

func TestSegments(t *testing.T) {
	text := "Title 12\n\nAt least 12 died; 30 hurt. Ünïcode 5."
	claim := func(a, b int) tally.Claim { return tally.Claim{Span: [2]int{a, b}, Category: tally.Killed} }
	at := func(s string) int { return strings.Index(text, s) }
	tests := []struct {
		name   string
		claims []tally.Claim
		marks  []string // the marked texts, in order
	}{
		{"none", nil, nil},
		{"in order", []tally.Claim{claim(6, 8), claim(at("30"), at("30")+2)}, []string{"12", "30"}},
		{"out of order", []tally.Claim{claim(at("30"), at("30")+2), claim(6, 8)}, []string{"12", "30"}},
		{"overlap dropped", []tally.Claim{claim(at("At least 12"), at("At least 12")+11), claim(at("12 died"), at("12 died")+2)}, []string{"At least 12"}},
		{"out of range", []tally.Claim{claim(-1, 2), claim(5, 500), claim(8, 8)}, nil},
		{"inside a character", []tally.Claim{claim(at("Ü")+1, at("Ü")+3)}, nil},
		{"after unicode", []tally.Claim{claim(at("5."), at("5.")+1)}, []string{"5"}},
	}
	for _, tt := range tests {
		segs := segments(text, tt.claims)
		var joined strings.Builder
		var marks []string
		for _, s := range segs {
			joined.WriteString(s.Text)
			if s.Claim >= 0 {
				marks = append(marks, s.Text)
			}
		}
		if joined.String() != text {
			t.Errorf("%s: segments do not add up to the text", tt.name)
		}
		if fmt.Sprint(marks) != fmt.Sprint(tt.marks) {
			t.Errorf("%s: marks %q, want %q", tt.name, marks, tt.marks)
		}
	}
}

func TestCutEvidence(t *testing.T) {
	text := "Headline 13\n\nIt killed 13 US troops and 13 others. Then 72 more."
	sent := "It killed 13 US troops and 13 others."
	second := strings.Index(text, "13 others")
	tests := []struct {
		name, text, sentence string
		span                 [2]int
		figure               string
		want                 evidence
	}{
		{"by span, second of two", text, sent, [2]int{second, second + 2}, "13", evidence{"It killed 13 US troops and ", "13", " others."}},
		{"no text: by figure", "", sent, [2]int{0, 2}, "13", evidence{"It killed ", "13", " US troops and 13 others."}},
		{"span outside the sentence", text, sent, [2]int{9, 11}, "72", evidence{Before: sent}},
		{"nothing found", text, "Other words.", [2]int{0, 1}, "", evidence{Before: "Other words."}},
	}
	for _, tt := range tests {
		if got := cutEvidence(tt.text, tt.sentence, tt.span, tt.figure); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestTimeline(t *testing.T) {
	day := time.Date(2030, 3, 4, 0, 0, 0, 0, time.UTC)
	src := func(doc, outlet string, at time.Time, cat tally.Category, v int64, toll bool) tally.Source {
		return tally.Source{Doc: doc, Outlet: outlet, Published: at, Category: cat, Toll: toll,
			Count: tally.CountJSON{Low: v, High: tally.Int64(v), Qualifier: tally.Exact}}
	}
	tests := []struct {
		name    string
		sources []tally.Source
		nilWant bool
		ordinal bool
		series  int
		undated int
	}{
		{"no toll", []tally.Source{src("a", "A", day, tally.Killed, 3, false)}, true, false, 0, 0},
		{"undated only", []tally.Source{src("a", "A", time.Time{}, tally.Killed, 3, true)}, true, false, 0, 0},
		{"by time", []tally.Source{src("a", "A", day.Add(8*time.Hour), tally.Killed, 12, true), src("b", "B", day.Add(18*time.Hour), tally.Killed, 19, true),
			src("b", "B", day.Add(18*time.Hour), tally.Wounded, 45, true), src("c", "C", time.Time{}, tally.Killed, 1, true)}, false, false, 2, 1},
		{"same day", []tally.Source{src("a", "A", day, tally.Killed, 13, true), src("b", "B", day, tally.Killed, 90, true)}, false, true, 1, 0},
	}
	for _, tt := range tests {
		tl := buildTimeline(&tally.Incident{Sources: tt.sources})
		if (tl == nil) != tt.nilWant {
			t.Fatalf("%s: timeline %v, want nil %v", tt.name, tl, tt.nilWant)
		}
		if tl == nil {
			continue
		}
		if tl.Ordinal != tt.ordinal || len(tl.Series) != tt.series || tl.Undated != tt.undated {
			t.Errorf("%s: ordinal %v, %d series, %d undated; want %v, %d, %d", tt.name, tl.Ordinal, len(tl.Series), tl.Undated, tt.ordinal, tt.series, tt.undated)
		}
		// Points stay in the plot area, later reports to the right.
		for _, s := range tl.Series {
			prev := -1.0
			for _, d := range s.Dots {
				var x, y float64
				fmt.Sscan(d.X, &x)
				fmt.Sscan(d.Y, &y)
				if x < float64(tl.X0) || x > float64(tl.X1) || y < float64(tl.Y1) || y > float64(tl.Y0) {
					t.Errorf("%s: dot %s,%s outside the plot", tt.name, d.X, d.Y)
				}
				if x < prev {
					t.Errorf("%s: dots not in report order", tt.name)
				}
				prev = x
			}
		}
	}
}

func TestWorldPaths(t *testing.T) {
	html, err := worldPaths([]byte("004\tA <b>land</b>\tM1 2 3 4 5 6Z\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `<path class="land" d="M1 2 3 4 5 6Z"><title>A &lt;b&gt;land&lt;/b&gt;</title></path>`; string(html) != want {
		t.Errorf("got %s", html)
	}
	for _, bad := range []string{"004\tX\tM1 2\"/><script>Z\n", "004\tno path\n"} {
		if _, err := worldPaths([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	if n := strings.Count(string(worldSVG()), "<path"); n < 170 {
		t.Errorf("embedded world has %d countries", n)
	}
}

func TestMapPoints(t *testing.T) {
	incs := []tally.Incident{
		{ID: "a", Where: &tally.Place{Name: "Kabul", Country: "AF", Lat: 34.5, Lon: 69.2, Precision: "city"}, Killed: &tally.Tally{Best: 100}, Disputed: true},
		{ID: "b", Where: &tally.Place{Name: "Ukraine", Country: "UA", Lat: 49, Lon: 32, Precision: "country"}},
		{ID: "c"},
		{ID: "d", Where: &tally.Place{Name: "?", Country: "ZZ"}},
	}
	pts, unplaced := mapPoints(incs)
	if len(pts) != 2 || unplaced != 2 {
		t.Fatalf("%d points, %d unplaced; want 2, 2", len(pts), unplaced)
	}
	if pts[0].X != "69.20" || pts[0].Y != "-34.50" || !strings.Contains(pts[0].Class, "pt-disputed") || !strings.Contains(pts[0].Class, "pt-city") {
		t.Errorf("point %+v", pts[0])
	}
	if pts[1].R >= pts[0].R {
		t.Errorf("radius %s of no deaths not below %s of 100", pts[1].R, pts[0].R)
	}
}
