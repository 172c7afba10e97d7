package resolve

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"tally"
)

// byDoc finds the incident holding a document id.
func byDoc(incs []tally.Incident, id string) *tally.Incident {
	for i := range incs {
		for _, d := range incs[i].Docs {
			if d == id {
				return &incs[i]
			}
		}
	}
	return nil
}

// groups renders a grouping as sorted document lists: "a1 a2 | b1".
func groups(incs []tally.Incident) string {
	var gs []string
	for _, inc := range incs {
		ds := append([]string(nil), inc.Docs...)
		sort.Strings(ds)
		gs = append(gs, strings.Join(ds, " "))
	}
	sort.Strings(gs)
	return strings.Join(gs, " | ")
}

// The reports in testdata/invented.jsonl are invented: a warehouse shooting
// told by a local paper, a wire story run by two outlets, and a next-day
// update with a higher toll; a shooting elsewhere the same evening; and a
// shooting in the same town six weeks later.
func TestResolveInvented(t *testing.T) {
	xs := extractFile(t, filepath.Join("testdata", "invented.jsonl"))
	if len(xs) != 6 {
		t.Fatalf("%d documents, want 6", len(xs))
	}
	incs := Resolve(xs, nil, DefaultOptions)
	if got, want := groups(incs), "a1 a2 a3 a4 | b1 | c1"; got != want {
		t.Fatalf("grouping = %q, want %q", got, want)
	}
	a := byDoc(incs, "a1")
	if a.Killed == nil || *a.Killed != (tally.Tally{Low: 2, Best: 3, High: 3, Conservative: 2}) {
		t.Errorf("killed = %+v, want low 2 best 3 high 3 conservative 2 (the toll rose)", a.Killed)
	}
	if a.Wounded == nil || a.Wounded.Best != 2 || a.Wounded.High != 3 {
		t.Errorf("wounded = %+v, want best 2 (one of the three wounded died), high 3", a.Wounded)
	}
	if a.Disputed {
		t.Errorf("a rising toll was called a dispute: %+v", a.Sources)
	}
	if len(a.Syndicate) != 1 || strings.Join(a.Syndicate[0], " ") != "a2 a3" {
		t.Errorf("syndicated = %v, want [[a2 a3]]", a.Syndicate)
	}
	if a.Outlets != 3 {
		t.Errorf("outlets = %d, want 3", a.Outlets)
	}
	if !a.Start.Equal(time.Date(2024, 3, 9, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("start = %v, want 2024-03-09", a.Start)
	}
	if len(a.Reasons) != 4 || a.Reasons[0].LinkedTo != "" {
		t.Fatalf("reasons = %+v, want 4, the first opening the incident", a.Reasons)
	}
	for _, r := range a.Reasons[1:] {
		if r.LinkedTo == "" || r.Probability < DefaultOptions.Threshold || !strings.Contains(r.Note, "text similarity") {
			t.Errorf("reason for %s = %+v", r.Doc, r)
		}
	}
	tolls := 0
	for _, s := range a.Sources {
		if s.Toll {
			tolls++
		}
		if s.Scope != tally.ScopeIncident {
			t.Errorf("a %s figure is a source: %+v", s.Scope, s)
		}
	}
	if tolls < 4 {
		t.Errorf("%d sources marked as a report's toll, want one per report and category (at least 4)", tolls)
	}
}

// Documents already grouped keep their incidents; new ones attach to them.
func TestResolveIncremental(t *testing.T) {
	xs := extractFile(t, filepath.Join("testdata", "invented.jsonl"))
	var first []tally.Extraction
	for _, x := range xs {
		if x.Doc.ID == "a4" || x.Doc.ID == "b1" || x.Doc.ID == "c1" {
			first = append(first, x)
		}
	}
	before := Resolve(first, nil, DefaultOptions)
	assigned := map[string]string{}
	for _, inc := range before {
		for _, h := range inc.Hashes {
			assigned[h] = inc.ID
		}
	}
	after := Resolve(xs, assigned, DefaultOptions)
	if got, want := groups(after), "a1 a2 a3 a4 | b1 | c1"; got != want {
		t.Fatalf("grouping = %q, want %q", got, want)
	}
	for _, id := range []string{"a4", "b1", "c1"} {
		if b, a := byDoc(before, id), byDoc(after, id); b.ID != a.ID {
			t.Errorf("%s moved from %s to %s", id, b.ID, a.ID)
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d incidents after, %d before: the new reports opened incidents", len(after), len(before))
	}
}

func src(doc, claimant string, cat tally.Category, n int64, q tally.Qualifier, at string, toll bool) tally.Source {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		panic(err)
	}
	c := tally.CountJSON{Low: n, Qualifier: q}
	if q == tally.Exact {
		c.High = tally.Int64(n)
	}
	return tally.Source{Doc: doc, Hash: doc, Outlet: "outlet " + doc, ClaimedBy: claimant, Category: cat, Count: c, Published: t, Toll: toll}
}

func TestDisputed(t *testing.T) {
	const K, W = tally.Killed, tally.Wounded
	const E, AL = tally.Exact, tally.AtLeast
	tests := []struct {
		name string
		src  []tally.Source
		want bool
	}{
		{"same figure", []tally.Source{src("a", "police", K, 4, E, "2024-03-09T20:00:00Z", true), src("b", "", K, 4, E, "2024-03-09T20:30:00Z", true)}, false},
		{"rising toll is an update", []tally.Source{src("a", "police", K, 2, E, "2024-03-09T12:00:00Z", true), src("b", "hospital", K, 4, E, "2024-03-09T20:00:00Z", true)}, false},
		{"incompatible at the same time", []tally.Source{src("a", "police", K, 2, E, "2024-03-09T20:00:00Z", true), src("b", "hospital", K, 4, E, "2024-03-09T21:00:00Z", true)}, true},
		{"later and lower from another claimant", []tally.Source{src("a", "police", K, 6, E, "2024-03-09T06:00:00Z", true), src("b", "rebels", K, 2, E, "2024-03-09T20:00:00Z", true)}, true},
		{"lower a few hours later: the order is not sure", []tally.Source{src("a", "sheriff", K, 3, E, "2024-03-09T21:41:00Z", true), src("b", "police", K, 2, E, "2024-03-10T01:15:00Z", true)}, false},
		{"more than a day apart", []tally.Source{src("a", "police", K, 6, E, "2024-03-09T08:00:00Z", true), src("b", "rebels", K, 2, E, "2024-03-12T20:00:00Z", true)}, false},
		{"at least is compatible with more", []tally.Source{src("a", "police", K, 4, AL, "2024-03-09T20:00:00Z", true), src("b", "hospital", K, 7, E, "2024-03-09T20:10:00Z", true)}, false},
		{"one claimant revising itself", []tally.Source{src("a", "the ministry", K, 9, E, "2024-03-09T20:00:00Z", true), src("b", "ministry officials", K, 5, E, "2024-03-09T20:10:00Z", true)}, false},
		{"not the reports' tolls", []tally.Source{src("a", "police", K, 2, E, "2024-03-09T20:00:00Z", false), src("b", "hospital", K, 4, E, "2024-03-09T20:10:00Z", true)}, false},
		{"bare dates give no order", []tally.Source{src("a", "police", K, 2, E, "2024-03-09T00:00:00Z", true), src("b", "hospital", K, 4, E, "2024-03-09T00:00:00Z", true)}, false},
		{"wounded who died are not a dispute", []tally.Source{
			src("a", "", K, 2, E, "2024-03-09T20:00:00Z", true), src("a", "", W, 3, E, "2024-03-09T20:00:00Z", true),
			src("b", "", K, 3, E, "2024-03-10T11:00:00Z", true), src("b", "", W, 2, E, "2024-03-10T11:00:00Z", true)}, false},
	}
	for _, tc := range tests {
		if got := disputed(tc.src, nil); got != tc.want {
			t.Errorf("%s: disputed = %v, want %v", tc.name, got, tc.want)
		}
	}
	// Two claimants in one report, the same victims, incompatible figures.
	a := src("a", "the health ministry", K, 200, E, "2024-03-09T20:00:00Z", true)
	b := src("a", "the army", K, 40, E, "2024-03-09T20:00:00Z", false)
	a.Who, b.Who = "civilians", "civilians"
	if !disputed([]tally.Source{a, b}, nil) {
		t.Errorf("two claimants in one report disagreeing on the civilian toll: not disputed")
	}
	b.Who = "fighters"
	if disputed([]tally.Source{a, b}, nil) {
		t.Errorf("figures of different victims in one report were called a dispute")
	}
}

func TestSameVictims(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "people", true},
		{"people", "victims", true},
		{"US troops", "US service members", true},
		{"Afghans", "people", false},
		{"US service members", "Afghans", false},
		{"Palestinians, including nine children", "Palestinians", true},
	}
	for _, tc := range tests {
		if got := sameVictims(tc.a, tc.b); got != tc.want {
			t.Errorf("sameVictims(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestGrade(t *testing.T) {
	xs := extractFile(t, filepath.Join("testdata", "invented.jsonl"))
	incs := Resolve(xs, nil, DefaultOptions)
	if inc := byDoc(incs, "b1"); inc.Grade != "single source" {
		t.Errorf("one report: grade %q (%s), want single source", inc.Grade, inc.GradeWhy)
	}
	// Two independent outlets agreeing corroborate; a wire copy does not.
	var pair []tally.Extraction
	for _, x := range xs {
		if x.Doc.ID == "a2" || x.Doc.ID == "a3" {
			pair = append(pair, x)
		}
	}
	inc := Resolve(pair, nil, DefaultOptions)
	if len(inc) != 1 || inc[0].Grade == "corroborated" {
		t.Errorf("two copies of one wire text: %d incidents, grade %q (%s); want one, not corroborated", len(inc), inc[0].Grade, inc[0].GradeWhy)
	}
}

// TestScaling groups the gun-violence corpus and a synthetic corpus ten
// times its size (each document copied with its dates shifted by a year per
// copy and its capitalised words, names and places, made distinct), and
// reports the ratio of work and time. The work (document pairs compared)
// must grow about linearly; time is reported, not asserted.
func TestScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: groups 62,000 documents")
	}
	dir := gvaPath(t)
	xs := extractFile(t, filepath.Join(dir, "docs.jsonl"))
	var big []tally.Extraction
	for k := 0; k < 10; k++ {
		for _, x := range xs {
			y := x
			y.Doc.Hash = fmt.Sprintf("%s-%d", x.Doc.Hash, k)
			y.Doc.ID = fmt.Sprintf("%s-%d", x.Doc.ID, k)
			if !x.Doc.Published.IsZero() {
				y.Doc.Published = x.Doc.Published.AddDate(k, 0, 0)
			}
			y.Doc.Text = markNames(x.Doc.Text, k)
			y.Doc.Title = markNames(x.Doc.Title, k)
			big = append(big, y)
		}
	}
	t0 := time.Now()
	g1 := group(xs, nil, DefaultOptions)
	d1 := time.Since(t0)
	t0 = time.Now()
	g10 := group(big, nil, DefaultOptions)
	d10 := time.Since(t0)
	work := float64(g10.pairs) / float64(g1.pairs)
	t.Logf("%d docs: %d pairs in %v; %d docs: %d pairs in %v; work ratio %.1f, time ratio %.1f",
		len(xs), g1.pairs, d1, len(big), g10.pairs, d10, work, float64(d10)/float64(d1))
	if work > 13 {
		t.Errorf("10x the documents cost %.1fx the comparisons: blocking is not linear", work)
	}
}

// markNames appends a copy number to every capitalised word, so that copies
// name other people and places.
func markNames(s string, k int) string {
	if k == 0 {
		return s
	}
	var b strings.Builder
	suffix := string(rune('a' + k))
	start := -1
	for i, r := range s + " " {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if letter && start < 0 {
			start = i
		}
		if !letter && start >= 0 {
			w := s[start:i]
			b.WriteString(w)
			if w[0] >= 'A' && w[0] <= 'Z' {
				b.WriteString("q" + suffix)
			}
			start = -1
		}
		if !letter && i < len(s) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
