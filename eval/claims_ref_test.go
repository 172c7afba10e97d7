package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// goldDoc is one gold file of the claims score, as the prediction generators use it.
type goldDoc struct {
	key    string
	claims []map[string]any
	others []any // the other_numbers values
}

func loadGoldDocs(t *testing.T, dir string) []goldDoc {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no gold files in %s (%v)", dir, err)
	}
	sort.Strings(paths)
	var docs []goldDoc
	for _, p := range paths {
		if strings.HasPrefix(filepath.Base(p), ".") { // score.py's glob skips hidden files
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var g struct {
			Claims       []map[string]any
			OtherNumbers []map[string]any `json:"other_numbers"`
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if err := dec.Decode(&g); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		d := goldDoc{key: DocKey(p), claims: g.Claims}
		for _, o := range g.OtherNumbers {
			if vs, ok := o["values"].([]any); ok {
				d.others = append(d.others, vs...)
			} else if v, ok := o["value"]; ok {
				d.others = append(d.others, v)
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// predOf turns a gold claim into the claim tally extract would print for it.
func predOf(c map[string]any) map[string]any {
	return map[string]any{
		"category": c["category"],
		"count":    map[string]any{"low": c["count_low"], "high": c["count_high"], "qualifier": c["qualifier"], "text": "n"},
		"who":      c["who"], "claimed_by": c["claimed_by"], "scope": c["scope"], "where": c["where"],
		"sentence": c["sentence"],
	}
}

func row(key string, claims []any) map[string]any {
	return map[string]any{"doc": key, "title": "t", "claims": claims, "summary": nil}
}

// perClaim builds one prediction row per gold document, each gold claim passed through f (nil drops it).
func perClaim(docs []goldDoc, f func(d goldDoc, i int, p map[string]any) []any) []any {
	var rows []any
	for _, d := range docs {
		claims := []any{}
		for i, c := range d.claims {
			claims = append(claims, f(d, i, predOf(c))...)
		}
		rows = append(rows, row(d.key, claims))
	}
	return rows
}

var qualifiers = []any{"exact", "at_least", "more_than", "about", "up_to", "range", "vague", "approx", nil}

// fixedClaimVariants are the named perturbations of the gold.
var fixedClaimVariants = []struct {
	name string
	make func(docs []goldDoc) []any
}{
	{"perfect", func(docs []goldDoc) []any {
		return perClaim(docs, func(_ goldDoc, _ int, p map[string]any) []any { return []any{p} })
	}},
	{"drop-every-3rd", func(docs []goldDoc) []any {
		n := 0
		return perClaim(docs, func(_ goldDoc, _ int, p map[string]any) []any {
			if n++; n%3 == 0 {
				return nil
			}
			return []any{p}
		})
	}},
	{"qualifiers", func(docs []goldDoc) []any {
		n := 0
		return perClaim(docs, func(_ goldDoc, _ int, p map[string]any) []any {
			n++
			p["count"].(map[string]any)["qualifier"] = qualifiers[n%len(qualifiers)]
			if n%5 == 0 {
				delete(p["count"].(map[string]any), "qualifier") // falls back to the claim's, then "exact"
			}
			return []any{p}
		})
	}},
	{"claimed-by-null", func(docs []goldDoc) []any {
		return perClaim(docs, func(_ goldDoc, _ int, p map[string]any) []any {
			p["claimed_by"] = nil
			return []any{p}
		})
	}},
	{"claimed-by-mixed", func(docs []goldDoc) []any {
		n := 0
		return perClaim(docs, func(_ goldDoc, _ int, p map[string]any) []any {
			n++
			switch n % 6 {
			case 0:
				p["claimed_by"] = "article"
			case 1:
				p["claimed_by"] = "  Article  "
			case 2:
				p["claimed_by"] = "the officials"
			case 3:
				p["claimed_by"] = ""
			case 4:
				if s, ok := p["claimed_by"].(string); ok {
					p["claimed_by"] = strings.ToUpper(s) + "'s spokesman"
				}
			}
			return []any{p}
		})
	}},
	{"distractors", func(docs []goldDoc) []any {
		return perClaim(docs, func(d goldDoc, i int, p map[string]any) []any {
			out := []any{p}
			if i < len(d.others) {
				out = append(out, map[string]any{"category": "killed", "count": map[string]any{"low": d.others[i], "high": nil}})
				out = append(out, map[string]any{"category": "wounded", "count_low": d.others[i], "count_high": d.others[i]})
			}
			return out
		})
	}},
	{"derived", func(docs []goldDoc) []any {
		derived := []any{"implicit", "named", "sum", "", false, json.Number("0"), nil, true}
		n := 0
		return perClaim(docs, func(d goldDoc, i int, p map[string]any) []any {
			n++
			extra := map[string]any{"category": "killed", "count": map[string]any{"low": json.Number(fmt.Sprint(1000 + n)), "high": nil},
				"derived": derived[n%len(derived)]}
			if i%2 == 0 {
				p["derived"] = "sum" // a matched derived claim still counts
			}
			return []any{extra, p}
		})
	}},
	{"vague", func(docs []goldDoc) []any {
		n := 0
		return perClaim(docs, func(d goldDoc, i int, p map[string]any) []any {
			n++
			v := map[string]any{"category": p["category"], "sentence": p["sentence"],
				"count": map[string]any{"low": json.Number("12"), "high": nil, "qualifier": "vague"}}
			if n%2 == 0 {
				v["sentence"] = "dozens of soldiers"
			}
			return []any{v, p}
		})
	}},
	{"formats", func(docs []goldDoc) []any {
		n := 0
		return perClaim(docs, func(d goldDoc, i int, p map[string]any) []any {
			n++
			count := p["count"].(map[string]any)
			switch n % 9 {
			case 0: // flat fields
				delete(p, "count")
				p["count_low"], p["count_high"], p["qualifier"] = count["low"], count["high"], count["qualifier"]
			case 1: // count null, flat fields
				p["count"], p["count_low"], p["count_high"] = nil, count["low"], count["high"]
			case 2: // low as a float
				count["low"] = asFloat(count["low"], ".0")
			case 3: // int() truncates
				count["low"] = asFloat(count["low"], ".75")
				count["high"] = asFloat(count["high"], ".0")
			case 4: // a string count
				count["low"] = asString(count["low"])
			case 5: // high equal to low
				if count["high"] == nil {
					count["high"] = count["low"]
				}
			case 6: // an explicit null low does not fall back to count_low
				count["low"], p["count_low"] = nil, count["low"]
			case 7: // category spelled differently
				syn := map[any]any{"killed": "Dead", "wounded": "INJURED", "casualties": "Casualties(killed+wounded)", "captured": "hostages"}
				if s, ok := syn[p["category"]]; ok {
					p["category"] = s
				}
			case 8:
				count["high"] = plus(count["low"], 1)
			}
			return []any{p}
		})
	}},
}

// randomClaims perturbs the gold at random: every kind of change above, mixed, plus documents left out,
// repeated, renamed and unknown.
func randomClaims(rng *rand.Rand, docs []goldDoc) []any {
	var claimants []any
	for _, d := range docs {
		for _, c := range d.claims {
			claimants = append(claimants, c["claimed_by"])
		}
	}
	pick := func(xs []any) any { return xs[rng.Intn(len(xs))] }
	var rows []any
	for _, d := range docs {
		if rng.Float64() < 0.08 {
			continue
		}
		var claims []any
		for _, c := range d.claims {
			if rng.Float64() < 0.2 {
				continue
			}
			p := predOf(c)
			count := p["count"].(map[string]any)
			if rng.Float64() < 0.3 {
				count["qualifier"] = pick(qualifiers)
			}
			if rng.Float64() < 0.3 {
				p["claimed_by"] = pick(append([]any{nil, "article", "", "someone else"}, claimants...))
			}
			switch rng.Intn(12) {
			case 0:
				delete(p, "count")
				p["count_low"], p["count_high"] = count["low"], count["high"]
			case 1:
				p["count"] = map[string]any{}
				p["count_low"], p["count_high"], p["qualifier"] = count["low"], count["high"], count["qualifier"]
			case 2:
				count["low"] = asFloat(count["low"], ".0")
			case 3:
				count["low"] = plus(count["low"], 1)
			case 4:
				count["high"] = plus(count["low"], int64(rng.Intn(2)))
			case 5:
				delete(count, "high")
			case 6:
				p["category"] = pick([]any{"Killed", "deaths", "hurt", "casualties", "captured", "shot", nil, "MISSING"})
			case 7:
				delete(p, "category")
			case 8:
				p["sentence"] = pick([]any{nil, "", "dozens of soldiers were killed"})
			case 9:
				count["low"] = asString(count["low"])
			}
			if rng.Float64() < 0.1 {
				p["derived"] = pick([]any{"implicit", "", false, true})
			}
			claims = append(claims, p)
			if rng.Float64() < 0.1 {
				claims = append(claims, predOf(c)) // a repeat, deduplicated
			}
		}
		for i := rng.Intn(3); i > 0 && len(d.others) > 0; i-- {
			claims = append(claims, map[string]any{"category": pick([]any{"killed", "wounded"}),
				"count": map[string]any{"low": pick(d.others), "high": nil, "qualifier": "exact"}})
		}
		for i := rng.Intn(3); i > 0; i-- {
			claims = append(claims, map[string]any{"category": "killed", "derived": pick([]any{"implicit", nil, "sum"}),
				"count": map[string]any{"low": json.Number(fmt.Sprint(rng.Intn(30))), "high": nil}})
		}
		if rng.Float64() < 0.3 && len(d.claims) > 0 {
			c := d.claims[rng.Intn(len(d.claims))]
			claims = append(claims, map[string]any{"category": c["category"], "sentence": c["sentence"],
				"count": map[string]any{"low": json.Number("3"), "qualifier": "vague"}})
		}
		if rng.Float64() < 0.3 {
			rng.Shuffle(len(claims), func(i, j int) { claims[i], claims[j] = claims[j], claims[i] })
		}
		r := row(d.key, claims)
		switch rng.Intn(6) {
		case 0:
			r["doc"] = d.key + ".txt"
		case 1:
			r["doc"] = "articles/" + d.key + ".html.gz"
		case 2:
			delete(r, "doc")
			r["id"] = d.key
		}
		if rng.Float64() < 0.05 {
			r["claims"] = nil
		}
		if rng.Float64() < 0.05 { // a repeated row: the later one wins
			rows = append(rows, row(d.key, []any{}))
		}
		rows = append(rows, r)
		if rng.Float64() < 0.05 {
			rows = append(rows, "", "  \t")
		}
	}
	rows = append(rows, row("not-in-gold", []any{map[string]any{"category": "killed", "count": map[string]any{"low": json.Number("5")}}}))
	return rows
}

// syntheticGold writes gold files with the cases the shared gold lacks.
func syntheticGold(t *testing.T) string {
	dir := t.TempDir()
	writeFile(t, dir, "s1.json", `{"article": "s1", "claims": [
 {"count_low": 12, "count_high": null, "qualifier": "vague", "category": "killed", "claimed_by": null, "sentence": "Dozens of soldiers were killed, officials said."},
 {"count_low": null, "count_high": null, "qualifier": "vague", "category": "wounded", "claimed_by": "article", "sentence": "Several more were hurt."},
 {"count_low": 5.0, "count_high": null, "qualifier": "exact", "category": "Dead", "claimed_by": "The Ministry's spokesman", "sentence": "Five died."},
 {"count_low": 5, "count_high": null, "qualifier": "at_least", "category": "killed", "claimed_by": "duplicate", "sentence": "x"},
 {"count_low": 10, "count_high": 20, "qualifier": "range", "category": "injured", "claimed_by": "Article (own voice)", "sentence": "Ten to 20 were hurt."},
 {"count_low": 7, "count_high": 7, "category": "Casualties(killed+wounded)", "sentence": "7 casualties."},
 {"count_low": 2, "count_high": null, "qualifier": "exact", "category": "captured", "claimed_by": "police", "optional": true, "sentence": "Two taken."},
 {"count_low": 3, "count_high": null, "qualifier": "up_to", "category": "missing", "claimed_by": "Red Cross", "optional": 0, "sentence": "Up to three missing."}
], "other_numbers": [{"text": "3 hours", "values": [3, 5.0]}, {"text": "7th", "value": 7}, {"text": "no value"}, {"text": "none", "values": []}]}`)
	writeFile(t, dir, "s2.txt.json", `{"claims": [{"count_low": 40, "count_high": null, "qualifier": "more_than", "category": "killed", "claimed_by": "UN", "sentence": "More than 40 killed."}]}`)
	writeFile(t, dir, "s3.json", `{"article": "s3"}`)
	writeFile(t, dir, ".hidden.json", `not json at all`)
	writeFile(t, dir, "notes.md", `not json at all`)
	return dir
}

func scoreClaimsFile(t *testing.T, gold, pred string, opts ClaimsOptions) (ClaimsResult, error) {
	t.Helper()
	return ScoreClaims(gold, openFile(t, pred), opts)
}

func TestClaimsMatchReference(t *testing.T) {
	ref := findReference(t)
	golds := map[string]string{
		"seeds":     ref.data("seeds", "gold"),
		"war":       ref.data("war", "gold"),
		"synthetic": syntheticGold(t),
	}
	for _, set := range []string{"seeds", "war", "synthetic"} {
		goldDir := golds[set]
		docs := loadGoldDocs(t, goldDir)
		type variant struct {
			name string
			text string
		}
		var variants []variant
		for _, v := range fixedClaimVariants {
			variants = append(variants, variant{v.name, lines(t, v.make(docs))})
		}
		for seed := int64(1); seed <= 30; seed++ {
			variants = append(variants, variant{fmt.Sprintf("random-%d", seed), lines(t, randomClaims(rand.New(rand.NewSource(seed)), docs))})
		}
		variants = append(variants,
			variant{"empty", ""},
			variant{"crlf-and-blank", "\r\n" + strings.ReplaceAll(variants[0].text, "\n", "\r\n") + "\x0c\n"},
			variant{"null-low", lines(t, []any{row(docs[0].key, []any{map[string]any{"category": "killed", "count": map[string]any{"low": nil}}})})},
		)
		for _, v := range variants {
			t.Run(set+"/"+v.name, func(t *testing.T) {
				t.Parallel()
				pred := writeFile(t, t.TempDir(), "pred.jsonl", v.text)
				for _, opts := range []ClaimsOptions{{}, {OnlyPredicted: true}, {Verbose: true}} {
					res, err := scoreClaimsFile(t, goldDir, pred, opts)
					if err != nil {
						t.Fatalf("ScoreClaims: %v", err)
					}
					args := []string{"claims", "--gold", goldDir, "--pred", pred}
					if opts.OnlyPredicted {
						args = append(args, "--only-predicted")
					}
					if opts.Verbose {
						args = append(args, "-v")
					}
					ref.same(t, res.Text(), res.JSON(), args...)
				}
			})
		}
	}
}

func TestClaimsPerfectSeeds(t *testing.T) {
	ref := findReference(t)
	goldDir := ref.data("seeds", "gold")
	pred := writeFile(t, t.TempDir(), "pred.jsonl", lines(t, fixedClaimVariants[0].make(loadGoldDocs(t, goldDir))))
	res, err := scoreClaimsFile(t, goldDir, pred, ClaimsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.FN != 0 || res.Recall != 1 || res.QualifierAcc != 1 || res.AttributionAcc != 1 || res.Docs != 3 {
		t.Errorf("gold as predictions should score perfectly: %s", res.JSON())
	}
}
