// Package storetest is the test suite every tally.Store engine must pass:
// store/sqlite and store/postgres run it against a real database.
package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"tally"
)

// Open returns a fresh, empty store for one test.
type Open func(t *testing.T) tally.Store

// Run runs the whole suite.
func Run(t *testing.T, open Open) {
	tests := []struct {
		name string
		fn   func(*testing.T, tally.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"ReputIsUnchanged", testReput},
		{"Lookup", testLookup},
		{"Filter", testFilter},
		{"Unicode", testUnicode},
		{"PeopleAndEvent", testPeopleAndEvent},
		{"Incidents", testIncidents},
		{"IncidentFilter", testIncidentFilter},
		{"Search", testSearch},
		{"Version", testVersion},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

// Sample makes an extraction with two claims, the second part of the first.
func Sample(id, text string) tally.Extraction {
	hash := id + "-" + text
	if len(hash) > 32 {
		hash = hash[:32]
	}
	return tally.Extraction{
		Doc: tally.Document{
			Hash: hash, ID: id, URL: "https://example.invalid/" + id, Title: "Title of " + id, Outlet: "Invented Times",
			Published: time.Date(2025, 1, 13, 12, 19, 0, 0, time.UTC), Lang: "en", Text: text, BodyStart: 0,
			Origin: "test", Line: 3,
		},
		Claims: []tally.Claim{
			{Category: tally.Killed, Count: tally.Count{Low: 13, High: tally.Int64(13), Qualifier: tally.Exact, Text: "13"},
				Who: "soldiers", ClaimedBy: "the press service", Scope: tally.ScopeIncident, Sentence: text, Span: [2]int{0, 2}, PartOf: -1},
			{Category: tally.Killed, Count: tally.Count{Low: 5, Qualifier: tally.AtLeast, Text: "at least five"},
				Who: "in combat", Scope: tally.ScopeIncident, Sentence: text, Span: [2]int{3, 7}, PartOf: 0, Derived: tally.Implicit},
		},
		Summary: tally.Summary{Killed: &tally.Figure{Low: 13, Best: 13, High: 13}},
	}
}

func testRoundTrip(t *testing.T, s tally.Store) {
	ctx := context.Background()
	in := Sample("a", "13 killed, at least five in combat.")
	fresh, err := s.Put(ctx, []tally.Extraction{in})
	if err != nil || len(fresh) != 1 || !fresh[0] {
		t.Fatalf("Put = %v, %v; want [true], nil", fresh, err)
	}
	got, err := s.Document(ctx, in.Doc.Hash)
	if err != nil {
		t.Fatal(err)
	}
	if got.Doc.Seq == 0 {
		t.Errorf("Seq not set")
	}
	got.Doc.Seq = 0
	if got.Doc != in.Doc {
		t.Errorf("document:\n got %+v\nwant %+v", got.Doc, in.Doc)
	}
	if len(got.Claims) != 2 {
		t.Fatalf("%d claims, want 2", len(got.Claims))
	}
	c0, c1 := got.Claims[0], got.Claims[1]
	if c0.Count.High == nil || *c0.Count.High != 13 || c0.ClaimedBy != "the press service" || c0.PartOf != -1 {
		t.Errorf("claim 0 = %+v", c0)
	}
	if c1.Count.High != nil || c1.Count.Qualifier != tally.AtLeast || c1.PartOf != 0 || c1.Derived != tally.Implicit || c1.Span != [2]int{3, 7} {
		t.Errorf("claim 1 = %+v", c1)
	}
	if got.Summary.Killed == nil || *got.Summary.Killed != (tally.Figure{Low: 13, Best: 13, High: 13}) || got.Summary.Wounded != nil {
		t.Errorf("summary = %+v", got.Summary)
	}
}

func testReput(t *testing.T, s tally.Store) {
	ctx := context.Background()
	a, b := Sample("a", "text a"), Sample("b", "text b")
	if _, err := s.Put(ctx, []tally.Extraction{a}); err != nil {
		t.Fatal(err)
	}
	fresh, err := s.Put(ctx, []tally.Extraction{a, b, a})
	if err != nil {
		t.Fatal(err)
	}
	if fresh[0] || !fresh[1] || fresh[2] {
		t.Errorf("fresh = %v, want [false true false]", fresh)
	}
	all, err := s.Documents(ctx, tally.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].Doc.ID != "a" || all[1].Doc.ID != "b" {
		t.Fatalf("documents = %d (%v), want a, b", len(all), ids(all))
	}
	if len(all[0].Claims) != 2 {
		t.Errorf("re-put changed the claims: %d", len(all[0].Claims))
	}
}

func testLookup(t *testing.T, s tally.Store) {
	ctx := context.Background()
	a := Sample("dup", "first text")
	b := Sample("dup", "second text")
	if _, err := s.Put(ctx, []tally.Extraction{a, b}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Document(ctx, "dup"); tally.ErrorCode(err) != tally.ECONFLICT {
		t.Errorf("ambiguous id: err = %v, want conflict", err)
	}
	if _, err := s.Document(ctx, "nothing-here"); tally.ErrorCode(err) != tally.ENOTFOUND {
		t.Errorf("missing: err = %v, want not found", err)
	}
	var te *tally.Error
	if _, err := s.Document(ctx, "nothing-here"); !errors.As(err, &te) {
		t.Errorf("missing: err %T is not a *tally.Error", err)
	}
	got, err := s.Document(ctx, b.Doc.Hash)
	if err != nil || got.Doc.Text != "second text" {
		t.Errorf("by hash: %v, %v", got, err)
	}
}

func testFilter(t *testing.T, s tally.Store) {
	ctx := context.Background()
	var batch []tally.Extraction
	for _, id := range []string{"1", "2", "3", "4"} {
		batch = append(batch, Sample(id, "text "+id))
	}
	if _, err := s.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	page, err := s.Documents(ctx, tally.DocumentFilter{Limit: 2})
	if err != nil || len(page) != 2 {
		t.Fatalf("limit 2: %d, %v", len(page), err)
	}
	next, err := s.Documents(ctx, tally.DocumentFilter{After: page[1].Doc.Seq, Limit: 10})
	if err != nil || len(next) != 2 || next[0].Doc.ID != "3" {
		t.Fatalf("after cursor: %v, %v", ids(next), err)
	}
	some, err := s.Documents(ctx, tally.DocumentFilter{Hashes: []string{batch[3].Doc.Hash, batch[0].Doc.Hash}})
	if err != nil || len(some) != 2 || some[0].Doc.ID != "1" || some[1].Doc.ID != "4" {
		t.Fatalf("by hashes: %v, %v", ids(some), err)
	}
}

func testUnicode(t *testing.T, s tally.Store) {
	ctx := context.Background()
	x := Sample("ü", "Сили спеціальних операцій: 21 загиблий — «ліквідовано» 🕊")
	if _, err := s.Put(ctx, []tally.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Document(ctx, x.Doc.Hash)
	if err != nil || got.Doc.Text != x.Doc.Text {
		t.Errorf("unicode text: %q, %v", got.Doc.Text, err)
	}
}

func ids(xs []tally.Extraction) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x.Doc.ID)
	}
	return out
}

func testPeopleAndEvent(t *testing.T, s tally.Store) {
	ctx := context.Background()
	x := Sample("p", "Ana Ruiz, 34, was killed.")
	x.People = []tally.Person{{Name: "Ana Ruiz", Age: 34, Fate: "killed"}}
	x.Claims[0].Where, x.Claims[0].When = "Sudzha", "on Jan. 11"
	x.Claims[0].Place = &tally.Place{Name: "Sudzha", Country: "RU", Admin1: "Kursk Oblast", Lat: 51.19, Lon: 35.27, Precision: "city"}
	x.Claims[0].Date = &tally.DateSpan{Start: time.Date(2025, 1, 11, 0, 0, 0, 0, time.UTC), End: time.Date(2025, 1, 11, 0, 0, 0, 0, time.UTC), Precision: "day", Text: "on Jan. 11"}
	x.Event = &tally.Event{
		Date:      &tally.DateSpan{Start: time.Date(2025, 1, 11, 0, 0, 0, 0, time.UTC), End: time.Date(2025, 1, 11, 0, 0, 0, 0, time.UTC), Precision: "day"},
		Place:     &tally.Place{Name: "Kursk Oblast", Country: "RU", Lat: 51.7, Lon: 36.2, Precision: "admin1"},
		EventType: "Battles", SideA: "Ukrainian Special Operations Forces", SideB: "North Korean troops",
	}
	if _, err := s.Put(ctx, []tally.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Document(ctx, x.Doc.Hash)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.People) != 1 || got.People[0] != x.People[0] {
		t.Errorf("people = %+v, want %+v", got.People, x.People)
	}
	if c := got.Claims[0]; c.Where != "Sudzha" || c.When != "on Jan. 11" || c.Place == nil || *c.Place != *x.Claims[0].Place || c.Date == nil || c.Date.Text != "on Jan. 11" {
		t.Errorf("claim place and date = %q %q %+v %+v", c.Where, c.When, c.Place, c.Date)
	}
	if got.Claims[1].Place != nil || got.Claims[1].Date != nil {
		t.Errorf("claim without a place got one: %+v", got.Claims[1])
	}
	if got.Event == nil || got.Event.Place == nil || *got.Event.Place != *x.Event.Place || got.Event.SideB != x.Event.SideB ||
		got.Event.Date == nil || !got.Event.Date.Start.Equal(x.Event.Date.Start) {
		t.Errorf("event = %+v, want %+v", got.Event, x.Event)
	}
	plain := Sample("q", "no people here")
	if _, err := s.Put(ctx, []tally.Extraction{plain}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Document(ctx, plain.Doc.Hash); err != nil || got.People != nil || got.Event != nil {
		t.Errorf("plain document: people %v event %v err %v", got.People, got.Event, err)
	}
}

// incident makes an incident of the given documents starting on day (2025-01-day).
func incident(id string, day int, country string, docs ...tally.Extraction) tally.Incident {
	inc := tally.Incident{ID: id, Title: "incident " + id, Killed: &tally.Tally{Low: 3, Best: 4, High: 5, Conservative: 3},
		Where: &tally.Place{Name: "Somewhere", Country: country, Precision: "city"}, EventType: "Shooting", Grade: "single source"}
	if day > 0 {
		inc.Start = time.Date(2025, 1, day, 0, 0, 0, 0, time.UTC)
		inc.End = inc.Start
	}
	for _, d := range docs {
		inc.Docs = append(inc.Docs, d.Doc.ID)
		inc.Hashes = append(inc.Hashes, d.Doc.Hash)
		inc.Sources = append(inc.Sources, tally.Source{Doc: d.Doc.ID, Hash: d.Doc.Hash, Category: tally.Killed,
			Count: tally.CountJSON{Low: 4, High: tally.Int64(4), Qualifier: tally.Exact, Text: "four"}, Sentence: d.Doc.Text})
	}
	return inc
}

func testIncidents(t *testing.T, s tally.Store) {
	ctx := context.Background()
	a, b, c := Sample("a", "text a"), Sample("b", "text b"), Sample("c", "text c")
	if _, err := s.Put(ctx, []tally.Extraction{a, b, c}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Assignments(ctx); err != nil || len(got) != 0 {
		t.Fatalf("assignments before grouping = %v, %v", got, err)
	}
	first := []tally.Incident{incident("inc-000000000001", 3, "US", a, b), incident("inc-100000000002", 0, "", c)}
	if err := s.PutIncidents(ctx, first); err != nil {
		t.Fatal(err)
	}
	as, err := s.Assignments(ctx)
	if err != nil || len(as) != 3 || as[a.Doc.Hash] != "inc-000000000001" || as[c.Doc.Hash] != "inc-100000000002" {
		t.Fatalf("assignments = %v, %v", as, err)
	}
	got, err := s.Incident(ctx, "inc-000000000001")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Docs) != 2 || got.Killed == nil || got.Killed.Best != 4 || !got.Start.Equal(first[0].Start) ||
		len(got.Sources) != 2 || got.Sources[0].Count.Text != "four" || got.Where.Country != "US" {
		t.Errorf("incident round trip = %+v", got)
	}
	if _, err := s.Incident(ctx, "inc-"); tally.ErrorCode(err) != tally.ECONFLICT {
		t.Errorf("ambiguous prefix: %v, want conflict", err)
	}
	if got, err := s.Incident(ctx, "inc-1000"); err != nil || got.ID != "inc-100000000002" {
		t.Errorf("unique prefix: %v, %v", got, err)
	}
	if _, err := s.Incident(ctx, "inc-ffff"); tally.ErrorCode(err) != tally.ENOTFOUND {
		t.Errorf("missing incident: %v, want not found", err)
	}
	// Replacing: c joins the first incident, the second goes.
	if err := s.PutIncidents(ctx, []tally.Incident{incident("inc-000000000001", 3, "US", a, b, c)}); err != nil {
		t.Fatal(err)
	}
	all, err := s.Incidents(ctx, tally.IncidentFilter{})
	if err != nil || len(all) != 1 || len(all[0].Docs) != 3 {
		t.Fatalf("after replace: %d incidents, %v", len(all), err)
	}
	// A failed replacement changes nothing: the same document in two incidents.
	bad := []tally.Incident{incident("inc-000000000003", 1, "US", a), incident("inc-000000000004", 1, "US", a)}
	if err := s.PutIncidents(ctx, bad); err == nil {
		t.Errorf("one document in two incidents was accepted")
	}
	if all, _ := s.Incidents(ctx, tally.IncidentFilter{}); len(all) != 1 || all[0].ID != "inc-000000000001" {
		t.Errorf("a failed replacement changed the store: %v", all)
	}
}

func testIncidentFilter(t *testing.T, s tally.Store) {
	ctx := context.Background()
	var docs []tally.Extraction
	for _, id := range []string{"1", "2", "3", "4", "5"} {
		docs = append(docs, Sample(id, "text "+id))
	}
	if _, err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	incs := []tally.Incident{
		incident("inc-a", 5, "US", docs[0]), incident("inc-b", 9, "RU", docs[1]), incident("inc-c", 9, "US", docs[2]),
		incident("inc-d", 0, "", docs[3]), incident("inc-e", 1, "UA", docs[4]),
	}
	incs[1].EventType = "Battles"
	if err := s.PutIncidents(ctx, incs); err != nil {
		t.Fatal(err)
	}
	ids := func(f tally.IncidentFilter) []string {
		t.Helper()
		got, err := s.Incidents(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, inc := range got {
			out = append(out, inc.ID)
		}
		return out
	}
	tests := []struct {
		name string
		f    tally.IncidentFilter
		want string
	}{
		{"all, newest first, undated last", tally.IncidentFilter{}, "inc-b inc-c inc-a inc-e inc-d"},
		{"page", tally.IncidentFilter{Limit: 2}, "inc-b inc-c"},
		{"after cursor", tally.IncidentFilter{After: "inc-c", Limit: 2}, "inc-a inc-e"},
		{"last page", tally.IncidentFilter{After: "inc-e"}, "inc-d"},
		{"country", tally.IncidentFilter{Country: "us"}, "inc-c inc-a"},
		{"type", tally.IncidentFilter{Type: "battles"}, "inc-b"},
		{"date range", tally.IncidentFilter{From: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)}, "inc-a"},
		{"ids", tally.IncidentFilter{IDs: []string{"inc-e", "inc-a"}}, "inc-a inc-e"},
		{"text", tally.IncidentFilter{Query: "text 3"}, "inc-c"},
	}
	for _, tc := range tests {
		if got := strings.Join(ids(tc.f), " "); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
	if _, err := s.Incidents(ctx, tally.IncidentFilter{After: "inc-zzz"}); tally.ErrorCode(err) != tally.EINVALID {
		t.Errorf("bad cursor: %v, want invalid", err)
	}
}

func testSearch(t *testing.T, s tally.Store) {
	ctx := context.Background()
	a := Sample("s1", "Gunfire at the riverside festival in Bastrop left three dead.")
	b := Sample("s2", "A drone strike near Sudzha killed soldiers.")
	b.Doc.Title = "Strike in Kursk Oblast"
	if _, err := s.Put(ctx, []tally.Extraction{a, b}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q    string
		want []string
	}{
		{"festival", []string{a.Doc.Hash}},
		{"kursk", []string{b.Doc.Hash}},
		{`"drone strike"`, []string{b.Doc.Hash}},
		{`"strike drone"`, nil},
		{"river*", []string{a.Doc.Hash}},
		{`bastrop" OR (`, nil}, // user input never is FTS syntax
		{"", nil},
	}
	for _, tc := range tests {
		got, err := s.Search(ctx, tc.q, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tc.q, err)
			continue
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("Search(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

func testVersion(t *testing.T, s tally.Store) {
	ctx := context.Background()
	version := func() int64 {
		t.Helper()
		v, err := s.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := version()
	a := Sample("v", "text v")
	if _, err := s.Put(ctx, []tally.Extraction{a}); err != nil {
		t.Fatal(err)
	}
	v1 := version()
	if v1 == v0 {
		t.Errorf("storing a document left the version at %d", v0)
	}
	if _, err := s.Put(ctx, []tally.Extraction{a}); err != nil {
		t.Fatal(err)
	}
	if v := version(); v != v1 {
		t.Errorf("re-storing the same document changed the version: %d → %d", v1, v)
	}
	if err := s.PutIncidents(ctx, []tally.Incident{incident("inc-v", 1, "US", a)}); err != nil {
		t.Fatal(err)
	}
	if v := version(); v == v1 {
		t.Errorf("storing incidents left the version at %d", v1)
	}
}
