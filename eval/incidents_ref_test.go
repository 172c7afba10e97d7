package eval

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// figureForm writes a gold count the way the predicted incident or summary number i gives it.
func figureForm(v any, i int) (any, bool) {
	switch i % 10 {
	case 0:
		return v, true // a bare int
	case 1:
		return map[string]any{"low": v, "best": v, "high": v}, true
	case 2:
		return map[string]any{"low": v, "high": nil}, true // no best: low
	case 3:
		return nil, false // missing: counts as 0
	case 4:
		return nil, true // null: counts as 0
	case 5:
		return map[string]any{"best": nil, "low": v}, true // an explicit null best does not fall back
	case 6:
		return asFloat(v, ".0"), true
	case 7:
		if v == nil {
			return "0", true
		}
		return fmt.Sprint(v), true // int("3")
	case 8:
		return map[string]any{"best": plus(v, 1)}, true // wrong
	}
	return map[string]any{"best": asFloat(v, ".9")}, true // int() truncates
}

func setFigure(m map[string]any, key string, v any, i int) {
	if f, ok := figureForm(v, i); ok {
		m[key] = f
	}
}

// groupings are predicted incident files made from the gold rows.
var groupings = []struct {
	name string
	make func(rng *rand.Rand, gold []map[string]any) []any
}{
	{"one-per-doc", func(_ *rand.Rand, gold []map[string]any) []any {
		var out []any
		for i, g := range gold {
			out = append(out, map[string]any{"id": fmt.Sprintf("inc-%d", i), "docs": []any{g["id"]}, "killed": g["killed"], "wounded": g["injured"]})
		}
		return out
	}},
	{"by-date", func(_ *rand.Rand, gold []map[string]any) []any {
		byDate := map[any]map[string]any{}
		var out []any
		for _, g := range gold {
			inc, ok := byDate[g["date"]]
			if !ok {
				inc = map[string]any{"id": fmt.Sprintf("date-%v", g["date"]), "docs": []any{},
					"killed": map[string]any{"best": g["killed"]}, "wounded": map[string]any{"low": g["injured"]}}
				byDate[g["date"]] = inc
				out = append(out, inc)
			}
			inc["docs"] = append(inc["docs"].([]any), g["id"])
		}
		return out
	}},
	{"by-incident-split", func(_ *rand.Rand, gold []map[string]any) []any {
		return byIncident(gold, func(n, _ int) bool { return n%7 == 3 })
	}},
	{"random", func(rng *rand.Rand, gold []map[string]any) []any {
		out := byIncident(gold, func(_, _ int) bool { return rng.Float64() < 0.15 })
		rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
		for i := 0; i+1 < len(out); i++ { // merge neighbours now and then
			if rng.Float64() < 0.05 {
				a, b := out[i].(map[string]any), out[i+1].(map[string]any)
				a["docs"] = append(a["docs"].([]any), b["docs"].([]any)...)
				b["docs"] = []any{}
			}
		}
		for _, x := range out {
			inc := x.(map[string]any)
			docs := inc["docs"].([]any)
			if len(docs) > 1 && rng.Float64() < 0.1 { // leave a document out
				inc["docs"] = docs[1:]
			}
			switch rng.Intn(40) {
			case 0:
				delete(inc, "id") // every incident without an id is the cluster "None"
			case 1:
				inc["id"] = "inc-dup"
			case 2:
				inc["docs"] = append(inc["docs"].([]any), "not-a-gold-doc", json.Number("42"))
			case 3:
				inc["docs"] = nil
			case 4:
				inc["docs"] = "abc" // iterated character by character
			case 5:
				inc["docs"] = append(inc["docs"].([]any), gold[rng.Intn(len(gold))]["id"]) // the later incident wins
			}
		}
		return out
	}},
}

// byIncident groups the gold rows by gold incident, splitting those split says to, with figures in
// every form.
func byIncident(gold []map[string]any, split func(n, size int) bool) []any {
	var order []any
	members := map[any][]map[string]any{}
	for _, g := range gold {
		if _, ok := members[g["incident"]]; !ok {
			order = append(order, g["incident"])
		}
		members[g["incident"]] = append(members[g["incident"]], g)
	}
	var out []any
	for n, id := range order {
		rows := members[id]
		parts := [][]map[string]any{rows}
		if len(rows) > 1 && split(n, len(rows)) {
			parts = [][]map[string]any{rows[:len(rows)/2], rows[len(rows)/2:]}
		}
		for k, part := range parts {
			inc := map[string]any{"id": fmt.Sprintf("inc-%v-%d", id, k), "docs": []any{}}
			for _, g := range part {
				inc["docs"] = append(inc["docs"].([]any), g["id"])
			}
			setFigure(inc, "killed", part[0]["killed"], n)
			setFigure(inc, "wounded", part[0]["injured"], n/3)
			out = append(out, inc)
		}
	}
	return out
}

// docRows are extract output rows whose summaries are the gold figures, perturbed.
func docRows(rng *rand.Rand, gold []map[string]any) []any {
	var out []any
	for i, g := range gold {
		if rng.Float64() < 0.05 {
			continue // missing
		}
		r := map[string]any{"doc": g["id"], "claims": []any{}}
		switch rng.Intn(20) {
		case 0:
			delete(r, "doc")
			r["id"] = g["id"]
		case 1: // no summary
		case 2:
			r["summary"] = nil
		case 3:
			r["summary"] = map[string]any{}
		default:
			s := map[string]any{"captured": nil, "missing": nil}
			setFigure(s, "killed", g["killed"], rng.Intn(10))
			setFigure(s, "wounded", g["injured"], i)
			r["summary"] = s
		}
		out = append(out, r)
		if rng.Float64() < 0.02 {
			out = append(out, r) // counted twice
		}
	}
	return append(out, map[string]any{"doc": "unknown-doc", "summary": map[string]any{"killed": 3}})
}

func TestIncidentsMatchReference(t *testing.T) {
	ref := findReference(t)
	goldPath := ref.data("gva", "gold.jsonl")
	gold := readRows(t, goldPath)
	dir := t.TempDir()
	// a smaller gold file keeps the random groupings fast (score.py's max() is quadratic)
	var small []any
	for _, g := range gold[:1500] {
		small = append(small, g)
	}
	smallPath := writeFile(t, dir, "gold-small.jsonl", lines(t, small))
	for gi, grouping := range groupings {
		for seed := int64(1); seed <= 4; seed++ {
			g, gp := gold, goldPath
			if grouping.name == "random" {
				g, gp = gold[:1500], smallPath
			} else if seed > 1 {
				continue
			}
			name := fmt.Sprintf("%s-%d", grouping.name, seed)
			rng := rand.New(rand.NewSource(seed*100 + int64(gi)))
			pred := writeFile(t, dir, name+".jsonl", lines(t, grouping.make(rng, g)))
			docs := ""
			if seed%2 == 1 {
				docs = writeFile(t, dir, name+"-docs.jsonl", lines(t, docRows(rng, g)))
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				var res IncidentsResult
				var err error
				args := []string{"incidents", "--gold", gp, "--pred", pred}
				if docs != "" {
					res, err = ScoreIncidents(openFile(t, gp), openFile(t, pred), openFile(t, docs))
					args = append(args, "--docs", docs)
				} else {
					res, err = ScoreIncidents(openFile(t, gp), openFile(t, pred), nil)
				}
				if err != nil {
					t.Fatalf("ScoreIncidents: %v", err)
				}
				ref.same(t, res.Text(), res.JSON(), args...)
			})
		}
	}
}

func TestDocsMatchReference(t *testing.T) {
	ref := findReference(t)
	dir := t.TempDir()
	for _, set := range []string{"gva", "gvdb"} {
		goldPath := ref.data(set, "gold.jsonl")
		gold := readRows(t, goldPath)
		for seed := int64(1); seed <= 6; seed++ {
			name := fmt.Sprintf("%s-%d", set, seed)
			pred := writeFile(t, dir, name+".jsonl", lines(t, docRows(rand.New(rand.NewSource(seed)), gold)))
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				res, err := ScoreDocs(openFile(t, goldPath), openFile(t, pred))
				if err != nil {
					t.Fatalf("ScoreDocs: %v", err)
				}
				ref.same(t, res.Text(), res.JSON(), "docs", "--gold", goldPath, "--pred", pred)
			})
		}
		t.Run(set+"-gold-as-pred", func(t *testing.T) {
			res, err := ScoreDocs(openFile(t, goldPath), openFile(t, goldPath))
			if err != nil {
				t.Fatal(err)
			}
			ref.same(t, res.Text(), res.JSON(), "docs", "--gold", goldPath, "--pred", goldPath)
		})
	}
}

// TestErrorsMatchReference checks that inputs on which score.py raises make the Go scorers fail too.
func TestErrorsMatchReference(t *testing.T) {
	ref := findReference(t)
	dir := t.TempDir()
	seeds := ref.data("seeds", "gold")
	key := loadGoldDocs(t, seeds)[0].key
	claim := func(c string) string { return fmt.Sprintf(`{"doc": %q, "claims": [%s]}`, key, c) }
	for i, pred := range []string{
		"{not json}",
		`[1, 2]`,
		claim(`{"category": "killed", "count": 5}`),
		claim(`{"category": "killed", "count": {"low": "many"}}`),
		claim(`{"category": "killed", "count": {"low": [17]}}`),
		claim(`{"category": "killed", "count": {"low": 17}, "claimed_by": 5}`),
		claim(`{"category": "killed", "count": {"low": 17, "qualifier": ["exact"]}}`),
		claim(`{"category": "killed", "count": {"low": 999}}`) + "\n" + "\xff",
		fmt.Sprintf(`{"doc": %q, "claims": {"a": 1}}`, key),
		fmt.Sprintf(`{"doc": %q, "claims": 5}`, key),
	} {
		t.Run(fmt.Sprintf("claims-%d", i), func(t *testing.T) {
			p := writeFile(t, dir, fmt.Sprintf("claims-%d.jsonl", i), pred+"\n")
			_, err := scoreClaimsFile(t, seeds, p, ClaimsOptions{})
			ref.fails(t, err, "claims", "--gold", seeds, "--pred", p)
		})
	}
	gva := ref.data("gva", "gold.jsonl")
	gvdb := ref.data("gvdb", "gold.jsonl")
	firstID := readRows(t, gva)[0]["id"].(string)
	emptyGold := writeFile(t, dir, "empty-gold.jsonl", "\n")
	var head []any
	for _, g := range readRows(t, gva)[:50] {
		head = append(head, g)
	}
	smallGold := writeFile(t, dir, "small-gold.jsonl", lines(t, head))
	for i, c := range []struct{ gold, pred, docs string }{
		{gvdb, `{"id": "x", "docs": []}`, ""}, // gvdb has no incident ids: KeyError
		{gva, fmt.Sprintf(`{"id": "a", "docs": [%q], "killed": "many"}`, firstID), ""},
		{gva, fmt.Sprintf(`{"id": "a", "docs": [%q], "killed": [1]}`, firstID), ""},
		{gva, `{"id": "a", "docs": 5}`, ""},
		{smallGold, `{"id": "a"}`, fmt.Sprintf(`{"doc": %q, "summary": 5}`, firstID)},
		{emptyGold, `{"id": "a"}`, ""},
	} {
		t.Run(fmt.Sprintf("incidents-%d", i), func(t *testing.T) {
			p := writeFile(t, dir, fmt.Sprintf("inc-%d.jsonl", i), c.pred+"\n")
			args := []string{"incidents", "--gold", c.gold, "--pred", p}
			var err error
			if c.docs != "" {
				d := writeFile(t, dir, fmt.Sprintf("inc-docs-%d.jsonl", i), c.docs+"\n")
				args = append(args, "--docs", d)
				_, err = ScoreIncidents(openFile(t, c.gold), openFile(t, p), openFile(t, d))
			} else {
				_, err = ScoreIncidents(openFile(t, c.gold), openFile(t, p), nil)
			}
			ref.fails(t, err, args...)
		})
	}
	for i, pred := range []string{
		fmt.Sprintf(`{"doc": %q, "summary": {"killed": "two"}}`, firstID),
		fmt.Sprintf(`{"doc": %q, "summary": [1]}`, firstID),
		`"just a string"`,
		strings.Repeat(" ", 3) + "{}{}",
	} {
		t.Run(fmt.Sprintf("docs-%d", i), func(t *testing.T) {
			p := writeFile(t, dir, fmt.Sprintf("docs-%d.jsonl", i), pred+"\n")
			_, err := ScoreDocs(openFile(t, gva), openFile(t, p))
			ref.fails(t, err, "docs", "--gold", gva, "--pred", p)
		})
	}
}
