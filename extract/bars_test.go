package extract_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"tally"
	"tally/clean"
	"tally/eval"
	"tally/extract"
	"tally/source"
)

// The project's bars (issue 2), measured with the Go port of the reference
// scorer on the shared evaluation data. These tests skip when ../shared is absent.

// shared returns a path under ../shared beside the repository, or skips.
func shared(t testing.TB, rel string) string {
	t.Helper()
	dir, _ := os.Getwd()
	for ; dir != "/"; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
	}
	p := filepath.Join(dir, "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data not found at %s (clone ../shared beside the repository to run this)", p)
	}
	return p
}

// extractAll runs the pipeline over paths and returns the extractions and their JSON Lines.
func extractAll(t testing.TB, paths ...string) ([]tally.Extraction, []byte) {
	t.Helper()
	var out []tally.Extraction
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	source.Walk(paths, func(it source.Item) bool {
		a, err := it.Load()
		if err != nil {
			t.Errorf("%v", err)
			return true
		}
		ct, err := clean.Clean(a)
		if err != nil {
			t.Errorf("%v", err)
			return true
		}
		x := extract.Extract(ct)
		out = append(out, x)
		enc.Encode(x.Wire())
		return true
	})
	return out, buf.Bytes()
}

func TestBarsSeeds(t *testing.T) {
	dir := shared(t, "data/seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	_, pred := extractAll(t, files...)
	res, err := eval.ScoreClaims(filepath.Join(dir, "gold"), bytes.NewReader(pred), eval.ClaimsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res.JSON())
	if res.F1 < 0.90 || res.DistractorFP > 0 || res.AttributionAcc < 1 || res.MissingDocs > 0 {
		t.Errorf("seeds below the bar (F1 >= 0.90, no distractor, every claimant right): %s", res.JSON())
	}
}

func TestBarsWar(t *testing.T) {
	dir := shared(t, "data/war")
	_, pred := extractAll(t, filepath.Join(dir, "articles.jsonl"))
	res, err := eval.ScoreClaims(filepath.Join(dir, "gold"), bytes.NewReader(pred), eval.ClaimsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res.JSON())
	if res.F1 < 0.85 || res.AttributionAcc < 0.85 || res.QualifierAcc < 0.90 {
		t.Errorf("war dev set below the bar (F1 >= 0.85, attribution >= 0.85, qualifier >= 0.90): %s", res.JSON())
	}
}

// TestBarsHTML: the raw pages of articles 026 and 028 give the same figures as their text versions.
func TestBarsHTML(t *testing.T) {
	dir := shared(t, "data/war")
	pages, pred := extractAll(t, filepath.Join(dir, "html", "026.html.gz"), filepath.Join(dir, "html", "028.html.gz"))
	res, err := eval.ScoreClaims(filepath.Join(dir, "gold"), bytes.NewReader(pred), eval.ClaimsOptions{OnlyPredicted: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res.JSON())
	if res.F1 < 0.85 {
		t.Errorf("HTML pages below the bar: %s", res.JSON())
	}
	texts, _ := extractAll(t, filepath.Join(dir, "articles.jsonl"))
	byID := map[string]tally.Extraction{}
	for _, x := range texts {
		byID[x.Doc.ID] = x
	}
	for _, p := range pages {
		want, got := figures(byID[p.Doc.ID]), figures(p)
		if !equal(want, got) {
			t.Errorf("%s: page figures %v, text figures %v", p.Doc.ID, got, want)
		}
	}
}

// figures lists the stated figures of an extraction as "category low-high".
func figures(x tally.Extraction) []string {
	var out []string
	for _, c := range x.Claims {
		if c.Derived != tally.Stated {
			continue
		}
		h := int64(-1)
		if c.Count.High != nil {
			h = *c.Count.High
		}
		out = append(out, string(c.Category)+" "+itoa(c.Count.Low)+"-"+itoa(h))
	}
	sort.Strings(out)
	return out
}

func itoa(v int64) string { b, _ := json.Marshal(v); return string(b) }

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestBarsGVDB(t *testing.T) {
	dir := shared(t, "data/gvdb")
	_, pred := extractAll(t, filepath.Join(dir, "docs.jsonl"))
	gold, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer gold.Close()
	res, err := eval.ScoreDocs(gold, bytes.NewReader(pred))
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res.JSON())
	if res.DocKilledAcc < 0.80 || res.DocWoundedAcc < 0.80 {
		t.Errorf("gvdb per-document figures below the bar (killed and injured >= 0.80): %s", res.JSON())
	}
}
