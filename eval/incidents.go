package eval

import (
	"errors"
	"fmt"
	"io"
	"math/big"
)

// IncidentsResult is the outcome of ScoreIncidents. The float fields are already rounded to four decimals, as
// score.py reports them.
type IncidentsResult struct {
	// Docs is the number of gold documents; GoldIncidents and PredictedIncidents count the distinct gold
	// incidents and predicted clusters over those documents (a document left out is a cluster of its own).
	Docs, GoldIncidents, PredictedIncidents int
	// B3Precision, B3Recall and B3F1 are the B-cubed scores of the document grouping.
	B3Precision, B3Recall, B3F1 float64
	// IncidentKilledAcc and IncidentWoundedAcc are the shares of gold incidents whose killed / injured
	// figure the predicted incident holding most of their documents gets exactly right.
	IncidentKilledAcc, IncidentWoundedAcc float64
	// HasDocFigures is set when documents were given; DocKilledAcc and DocWoundedAcc are then filled.
	HasDocFigures bool
	// DocKilledAcc and DocWoundedAcc are the per-document summary accuracies, as in DocsResult.
	DocKilledAcc, DocWoundedAcc float64
}

// goldTable is score.py's gold dict: {str(r['id']): r} in insertion order.
type goldTable struct {
	keys []string
	rows map[string]*object
}

func readGold(r io.Reader) (goldTable, error) {
	t := goldTable{rows: map[string]*object{}}
	vals, err := readJSONL(r)
	if err != nil {
		return t, err
	}
	for i, v := range vals {
		o, ok := v.(*object)
		if !ok {
			return t, fmt.Errorf("gold line %d: TypeError: %s is not a dict", i+1, pyTypeName(v))
		}
		id, ok := o.lookup("id")
		if !ok {
			return t, fmt.Errorf("gold line %d: %w", i+1, keyError("id"))
		}
		k := pyStr(id)
		if _, seen := t.rows[k]; !seen {
			t.keys = append(t.keys, k)
		}
		t.rows[k] = o
	}
	return t, nil
}

// figure is score.py's figure: a count given as a number or as {"best", "low", ...}, through int(); nil for
// no figure.
func figure(v any) (*big.Int, error) {
	if o, ok := v.(*object); ok {
		v = o.getOr("best", o.get("low"))
	}
	if v == nil {
		return nil, nil
	}
	return pyInt(v)
}

// figureHit is score.py's test `got == int(gold) or (got is None and int(gold) == 0)`.
func figureHit(got *big.Int, gold any) (bool, error) {
	g, err := pyInt(gold)
	if err != nil {
		return false, err
	}
	if got == nil {
		return g.Sign() == 0, nil
	}
	return got.Cmp(g) == 0, nil
}

type tally struct{ hit, total int }

func (t tally) acc() float64 {
	if t.total == 0 {
		return 0.0
	}
	return pyRound4(float64(t.hit) / float64(t.total))
}

// ScoreIncidents scores a predicted document grouping against gold.jsonl exactly as `score.py incidents`
// does. pred has one JSON object per predicted incident ({"id", "docs", "killed", "wounded"}); docs, when not
// nil, is the JSON Lines output of `tally extract`, whose summaries are then scored per document as well. An
// error is returned where score.py would raise an exception.
func ScoreIncidents(gold io.Reader, pred io.Reader, docs io.Reader) (IncidentsResult, error) {
	var res IncidentsResult
	gt, err := readGold(gold)
	if err != nil {
		return res, err
	}
	goldOf := map[string]string{}
	for _, d := range gt.keys {
		inc, ok := gt.rows[d].lookup("incident")
		if !ok {
			return res, fmt.Errorf("gold %s: %w", d, keyError("incident"))
		}
		goldOf[d] = pyStr(inc)
	}
	vals, err := readJSONL(pred)
	if err != nil {
		return res, err
	}
	incidents, err := objects(vals)
	if err != nil {
		return res, err
	}
	clusterOf := map[string]string{}
	for i, inc := range incidents {
		dv := inc.get("docs")
		if !pyTruthy(dv) {
			continue
		}
		items, err := pyIter(dv)
		if err != nil {
			return res, fmt.Errorf("line %d: %w", i+1, err)
		}
		for _, it := range items {
			if d := pyStr(it); hasKey(goldOf, d) {
				clusterOf[d] = pyStr(inc.get("id"))
			}
		}
	}
	for _, d := range gt.keys { // a document the system left out is its own cluster
		if _, ok := clusterOf[d]; !ok {
			clusterOf[d] = "singleton:" + d
		}
	}

	// members_c and members_g, keyed in the order score.py inserts them
	var cKeys, gKeys []string
	cIndex, cSize := map[string]int{}, map[string]int{}
	gDocs := map[string][]string{}
	both := map[[2]string]int{}
	for _, d := range gt.keys {
		c, g := clusterOf[d], goldOf[d]
		if _, ok := cIndex[c]; !ok {
			cIndex[c] = len(cKeys)
			cKeys = append(cKeys, c)
		}
		if _, ok := gDocs[g]; !ok {
			gKeys = append(gKeys, g)
		}
		cSize[c]++
		gDocs[g] = append(gDocs[g], d)
		both[[2]string{c, g}]++
	}
	n := len(gt.keys)
	if n == 0 {
		return res, errors.New("ZeroDivisionError: no gold documents")
	}
	var p, r float64
	for _, d := range gt.keys {
		c, g := clusterOf[d], goldOf[d]
		k := both[[2]string{c, g}]
		p += float64(k) / float64(cSize[c])
		r += float64(k) / float64(len(gDocs[g]))
	}
	bp, br := p/float64(n), r/float64(n)
	var bf float64
	if bp+br != 0 {
		bf = 2 * bp * br / (bp + br)
	}
	res.Docs, res.GoldIncidents, res.PredictedIncidents = n, len(gKeys), len(cKeys)
	res.B3Precision, res.B3Recall, res.B3F1 = pyRound4(bp), pyRound4(br), pyRound4(bf)

	// incident figures: each gold incident is judged by the predicted incident holding most of its documents
	byID := map[string]*object{}
	for _, inc := range incidents {
		byID[pyStr(inc.get("id"))] = inc
	}
	var killed, wounded tally
	for _, gid := range gKeys {
		docsOf := gDocs[gid]
		g := gt.rows[docsOf[0]]
		// max() over members_c keeps the first cluster with the largest overlap; only clusters holding one
		// of these documents overlap at all, and one always does.
		overlap := map[string]int{}
		for _, d := range docsOf {
			overlap[clusterOf[d]]++
		}
		best, found := "", false
		for c, k := range overlap {
			if !found || k > overlap[best] || (k == overlap[best] && cIndex[c] < cIndex[best]) {
				best, found = c, true
			}
		}
		inc, ok := byID[best]
		if !ok {
			inc = newObject()
		}
		for _, f := range []struct {
			cat, gk string
			t       *tally
		}{{"killed", "killed", &killed}, {"wounded", "injured", &wounded}} {
			gv := g.get(f.gk)
			if gv == nil {
				continue
			}
			f.t.total++
			got, err := figure(inc.get(f.cat))
			if err != nil {
				return res, fmt.Errorf("incident %s: %w", best, err)
			}
			hit, err := figureHit(got, gv)
			if err != nil {
				return res, fmt.Errorf("gold incident %s: %w", gid, err)
			}
			if hit {
				f.t.hit++
			}
		}
	}
	res.IncidentKilledAcc, res.IncidentWoundedAcc = killed.acc(), wounded.acc()
	if docs != nil { // per-document figures of the main incident
		vals, err := readJSONL(docs)
		if err != nil {
			return res, err
		}
		res.HasDocFigures = true
		if res.DocKilledAcc, res.DocWoundedAcc, err = docFigures(gt, vals); err != nil {
			return res, err
		}
	}
	return res, nil
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

func (r IncidentsResult) fields() []field {
	fs := []field{
		{"docs", r.Docs}, {"gold_incidents", r.GoldIncidents}, {"predicted_incidents", r.PredictedIncidents},
		{"b3_precision", r.B3Precision}, {"b3_recall", r.B3Recall}, {"b3_f1", r.B3F1},
		{"incident_killed_acc", r.IncidentKilledAcc}, {"incident_wounded_acc", r.IncidentWoundedAcc},
	}
	if r.HasDocFigures {
		fs = append(fs, field{"doc_killed_acc", r.DocKilledAcc}, field{"doc_wounded_acc", r.DocWoundedAcc})
	}
	return fs
}

// JSON returns the one-line JSON object that score.py incidents prints last.
func (r IncidentsResult) JSON() string { return dumps(r.fields()) }

// Text returns the human-readable line score.py incidents prints before the JSON line.
func (r IncidentsResult) Text() string { return "incidents: " + keyValues(r.fields()) }
