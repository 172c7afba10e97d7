// Package storetest is the test suite every tally.Store engine must pass:
// store/sqlite and store/postgres run it against a real database.
package storetest

import (
	"context"
	"errors"
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
