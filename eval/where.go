package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
)

// WhereWhenResult scores where and when incidents happened against a
// gold.jsonl with "state", "city" and "date" per document (the gun-violence
// registry's). score.py has no such score: these definitions are tally's own.
// Each gold incident is judged by the predicted incident holding most of its
// documents, as the figures are in ScoreIncidents.
type WhereWhenResult struct {
	// Incidents is the number of gold incidents judged.
	Incidents int
	// StateAcc is the share of incidents whose place lies in the gold state
	// (the admin1 of the predicted place); StateN how many had a gold state.
	StateAcc float64
	StateN   int
	// CityAcc is the share whose place is the gold city (same name, folded
	// to lower-case ASCII letters); CityN how many had a gold city.
	CityAcc float64
	CityN   int
	// DateAcc is the share whose start date is within a day of the gold
	// date; DateN how many had a gold date.
	DateAcc float64
	DateN   int
}

// JSON renders the result as one JSON line.
func (r WhereWhenResult) JSON() string {
	return fmt.Sprintf(`{"incidents": %d, "state_acc": %s, "state_n": %d, "city_acc": %s, "city_n": %d, "date_within_1_day_acc": %s, "date_n": %d}`,
		r.Incidents, pyFloatRepr(r.StateAcc), r.StateN, pyFloatRepr(r.CityAcc), r.CityN, pyFloatRepr(r.DateAcc), r.DateN)
}

// Text renders the result for people.
func (r WhereWhenResult) Text() string {
	return fmt.Sprintf("where/when: incidents=%d state_acc=%s city_acc=%s date_within_1_day_acc=%s",
		r.Incidents, pyFloatRepr(r.StateAcc), pyFloatRepr(r.CityAcc), pyFloatRepr(r.DateAcc))
}

// ScoreWhereWhen scores the "where" and "start" of predicted incidents
// (JSON Lines, CONTRACT.md shape) against gold.jsonl.
func ScoreWhereWhen(gold io.Reader, pred io.Reader) (WhereWhenResult, error) {
	var res WhereWhenResult
	type goldRow struct {
		ID       string  `json:"id"`
		Incident any     `json:"incident"`
		State    *string `json:"state"`
		City     *string `json:"city"`
		Date     *string `json:"date"`
	}
	rows := map[string]goldRow{}
	members := map[string][]string{} // gold incident → documents
	var order []string
	sc := bufio.NewScanner(gold)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r goldRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return res, fmt.Errorf("gold line %d: %w", n, err)
		}
		if r.Incident == nil {
			continue // a document without a registry record
		}
		inc := fmt.Sprint(r.Incident)
		rows[r.ID] = r
		if _, ok := members[inc]; !ok {
			order = append(order, inc)
		}
		members[inc] = append(members[inc], r.ID)
	}
	if err := sc.Err(); err != nil {
		return res, err
	}
	type incident struct {
		ID    string      `json:"id"`
		Docs  []string    `json:"docs"`
		Where *wherePlace `json:"where"`
		Start *string     `json:"start"`
	}
	byDoc := map[string]*incident{}
	dec := json.NewDecoder(pred)
	for {
		inc := &incident{}
		if err := dec.Decode(inc); err == io.EOF {
			break
		} else if err != nil {
			return res, fmt.Errorf("predicted incidents: %w", err)
		}
		for _, d := range inc.Docs {
			byDoc[d] = inc
		}
	}
	var stateHit, cityHit, dateHit int
	for _, g := range order {
		docs := members[g]
		// the predicted incident holding most of the gold incident's documents
		count := map[*incident]int{}
		var best *incident
		for _, d := range docs {
			if p := byDoc[d]; p != nil {
				count[p]++
				if best == nil || count[p] > count[best] {
					best = p
				}
			}
		}
		r := rows[docs[0]]
		res.Incidents++
		if r.State != nil && *r.State != "" {
			res.StateN++
			if best != nil && best.Where != nil && (fold(best.Where.Admin1) == fold(*r.State) || best.Where.Precision == "admin1" && fold(best.Where.Name) == fold(*r.State)) {
				stateHit++
			}
		}
		if r.City != nil && *r.City != "" {
			res.CityN++
			if best != nil && best.Where != nil && (namesTown(best.Where) && sameCity(best.Where.Name, *r.City) || sameCounty(best.Where, *r.City)) {
				cityHit++
			}
		}
		if r.Date != nil && *r.Date != "" {
			res.DateN++
			gd, err := parseGoldDate(*r.Date)
			if err == nil && best != nil && best.Start != nil {
				if pd, err := time.Parse(time.DateOnly, *best.Start); err == nil {
					if diff := pd.Sub(gd); diff <= 24*time.Hour && diff >= -24*time.Hour {
						dateHit++
					}
				}
			}
		}
	}
	share := func(hit, n int) float64 {
		if n == 0 {
			return 0
		}
		return pyRound4(float64(hit) / float64(n))
	}
	res.StateAcc, res.CityAcc, res.DateAcc = share(stateHit, res.StateN), share(cityHit, res.CityN), share(dateHit, res.DateN)
	return res, nil
}

// wherePlace is the part of a predicted incident's "where" the score reads.
type wherePlace struct {
	Name      string `json:"name"`
	Admin1    string `json:"admin1"`
	Precision string `json:"precision"`
}

// namesTown says whether a predicted place names a town: a city, or a
// place too small for the gazetteer kept by its name and located by its
// region ("Makhnovka", precision admin1, whose name is not the region's).
func namesTown(p *wherePlace) bool {
	return p.Precision == "city" || p.Name != "" && !strings.EqualFold(p.Name, p.Admin1) && p.Precision != "country" && p.Precision != "admin2"
}

// sameCity compares a predicted city with a gold one, which may name a part
// in brackets: "Chicago (Englewood)" is matched by Chicago or Englewood.
func sameCity(pred, gold string) bool {
	p := fold(pred)
	if p == fold(gold) {
		return true
	}
	if i := strings.IndexByte(gold, '('); i > 0 {
		inner := strings.TrimSuffix(strings.TrimSpace(gold[i+1:]), ")")
		return p == fold(gold[:i]) || p == fold(inner)
	}
	return false
}

// sameCounty matches a county the gold names as "Lubbock (county)" with a
// predicted second-level unit "Lubbock County".
func sameCounty(p *wherePlace, gold string) bool {
	name, ok := strings.CutSuffix(strings.TrimSpace(gold), "(county)")
	return ok && p.Precision == "admin2" && fold(p.Name) == fold(strings.TrimSpace(name)+" county")
}

// parseGoldDate reads "January 28, 2014" or "2014-01-28".
func parseGoldDate(s string) (time.Time, error) {
	for _, layout := range []string{"January 2, 2006", time.DateOnly, "Jan 2, 2006"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q", s)
}

// fold keeps the letters and digits of a name, lower case, with "saint"
// written "st" and Latin accents dropped where they are one rune ("é" → "e").
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case unicode.IsLetter(r):
			if a, ok := accents[r]; ok {
				b.WriteRune(a)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return strings.Replace(b.String(), "saint", "st", 1)
}

var accents = map[rune]rune{'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ú': 'u', 'ù': 'u',
	'û': 'u', 'ü': 'u', 'ñ': 'n', 'ç': 'c'}
