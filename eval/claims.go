package eval

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ClaimsOptions are the switches of `score.py claims`.
type ClaimsOptions struct {
	// OnlyPredicted scores only the gold documents that the predictions mention (score.py --only-predicted).
	OnlyPredicted bool
	// Verbose makes Text start with one line per document, as score.py -v prints them.
	Verbose bool
}

// DocClaims holds the counts of one gold document in the claims score.
type DocClaims struct {
	// Doc is the document key (the gold file name without extensions).
	Doc string
	// TP, FP and FN are the document's true positives, false positives and false negatives.
	TP, FP, FN int
}

// ClaimsResult is the outcome of ScoreClaims. The float fields are already rounded to four decimals, as
// score.py reports them.
type ClaimsResult struct {
	// Docs is the number of gold documents scored; MissingDocs how many of them have no prediction row.
	Docs, MissingDocs int
	// TP, FP and FN are the claim counts summed over the documents.
	TP, FP, FN int
	// Precision, Recall and F1 are computed from TP, FP and FN.
	Precision, Recall, F1 float64
	// QualifierAcc and AttributionAcc are the shares of true positives with the right qualifier class and
	// the right claimant.
	QualifierAcc, AttributionAcc float64
	// DistractorFP counts false positives whose low figure is one of the gold's non-casualty numbers.
	DistractorFP int
	// Missing lists the gold documents without a prediction row, in scoring order.
	Missing []string
	// PerDoc has the counts of each gold document, in scoring order (sorted gold file names).
	PerDoc []DocClaims
	// Verbose makes Text include the PerDoc lines.
	Verbose bool
}

// ScoreClaims scores predicted claims against the gold files goldDir/*.json exactly as `score.py claims`
// does. pred is the JSON Lines output of `tally extract`. Like the glob in score.py, a goldDir that cannot be
// listed counts as one without gold files. An error is returned where score.py would raise an exception.
func ScoreClaims(goldDir string, pred io.Reader, opts ClaimsOptions) (ClaimsResult, error) {
	var res ClaimsResult
	entries, _ := os.ReadDir(goldDir)
	var names []string
	for _, e := range entries {
		if n := e.Name(); !strings.HasPrefix(n, ".") && strings.HasSuffix(n, ".json") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var goldKeys []string
	golds := map[string]any{}
	for _, n := range names {
		f, err := os.Open(filepath.Join(goldDir, n))
		if err != nil {
			return res, err
		}
		g, err := readJSON(f)
		f.Close()
		if err != nil {
			return res, fmt.Errorf("%s: %w", n, err)
		}
		k := DocKey(n)
		if _, ok := golds[k]; !ok {
			goldKeys = append(goldKeys, k)
		}
		golds[k] = g
	}

	rows, err := readJSONL(pred)
	if err != nil {
		return res, err
	}
	objs, err := objects(rows)
	if err != nil {
		return res, err
	}
	preds := map[string][]claim{}
	for i, row := range objs {
		key := DocKey(pyStr(row.getOr("doc", row.getOr("id", ""))))
		var pcs []claim
		if cv := row.get("claims"); pyTruthy(cv) {
			items, err := pyIter(cv)
			if err != nil {
				return res, fmt.Errorf("line %d: %w", i+1, err)
			}
			for _, it := range items {
				c, err := predClaim(it)
				if err != nil {
					return res, fmt.Errorf("line %d: %w", i+1, err)
				}
				pcs = append(pcs, c)
			}
		}
		preds[key] = pcs
	}

	if opts.OnlyPredicted {
		var kept []string
		for _, k := range goldKeys {
			if _, ok := preds[k]; ok {
				kept = append(kept, k)
			}
		}
		goldKeys = kept
	}
	var qualOK, attrOK int
	for _, key := range goldKeys {
		if _, ok := preds[key]; !ok {
			res.Missing = append(res.Missing, key)
		}
		d, err := scoreDocClaims(key, golds[key], preds[key], &res, &qualOK, &attrOK)
		if err != nil {
			return res, fmt.Errorf("%s: %w", key, err)
		}
		res.TP, res.FP, res.FN = res.TP+d.TP, res.FP+d.FP, res.FN+d.FN
		res.PerDoc = append(res.PerDoc, d)
	}
	tp, fp, fn := float64(res.TP), float64(res.FP), float64(res.FN)
	var prec, rec, f1 float64
	if res.TP+res.FP != 0 {
		prec = tp / (tp + fp)
	}
	if res.TP+res.FN != 0 {
		rec = tp / (tp + fn)
	}
	if prec+rec != 0 {
		f1 = 2 * prec * rec / (prec + rec)
	}
	res.Docs, res.MissingDocs = len(goldKeys), len(res.Missing)
	res.Precision, res.Recall, res.F1 = pyRound4(prec), pyRound4(rec), pyRound4(f1)
	if res.TP != 0 {
		res.QualifierAcc = pyRound4(float64(qualOK) / tp)
		res.AttributionAcc = pyRound4(float64(attrOK) / tp)
	}
	res.Verbose = opts.Verbose
	return res, nil
}

// scoreDocClaims is the body of score.py's per-document loop.
func scoreDocClaims(key string, gv any, predicted []claim, res *ClaimsResult, qualOK, attrOK *int) (DocClaims, error) {
	d := DocClaims{Doc: key}
	g, err := asObject(gv)
	if err != nil {
		return d, err
	}
	items, err := pyIter(g.getOr("claims", []any{}))
	if err != nil {
		return d, err
	}
	var gc []claim
	for _, it := range items {
		c, err := goldClaim(it)
		if err != nil {
			return d, err
		}
		gc = append(gc, c)
	}
	if gc, err = dedup(gc); err != nil {
		return d, err
	}
	pc, err := dedup(predicted)
	if err != nil {
		return d, err
	}
	// stated gold figures are matched first, so a vague or optional one never takes a prediction they need
	var order []int
	for _, soft := range []bool{false, true} {
		for i, c := range gc {
			if c.soft == soft {
				order = append(order, i)
			}
		}
	}
	used := make([]bool, len(gc))
	for _, p := range pc {
		hit := -1
		for _, i := range order {
			if used[i] {
				continue
			}
			ok, err := sameFigure(gc[i], p)
			if err != nil {
				return d, err
			}
			if ok {
				hit = i
				break
			}
		}
		if hit < 0 {
			if p.derived {
				continue // an implied count the gold does not list: judged through the summary instead
			}
			d.FP++
			isDistractor, err := distractor(g, p.low)
			if err != nil {
				return d, err
			}
			if isDistractor {
				res.DistractorFP++
			}
			continue
		}
		used[hit] = true
		if gc[hit].soft {
			continue // optional or vague: neither required nor penalised
		}
		d.TP++
		gq, gok, err := qclassOf(gc[hit].qualifier)
		if err != nil {
			return d, err
		}
		pq, pok, err := qclassOf(p.qualifier)
		if err != nil {
			return d, err
		}
		if gq == pq && gok == pok {
			*qualOK++
		}
		ok, err := claimantOK(gc[hit].claimedBy, p.claimedBy)
		if err != nil {
			return d, err
		}
		if ok {
			*attrOK++
		}
	}
	for i, c := range gc {
		if !used[i] && !c.soft {
			d.FN++
		}
	}
	return d, nil
}

// distractor reports whether low is among the gold's other_numbers values
// (score.py: o.get('values', [o.get('value')]) for each o).
func distractor(g *object, low any) (bool, error) {
	others, err := pyIter(g.getOr("other_numbers", []any{}))
	if err != nil {
		return false, err
	}
	values := map[string]bool{}
	for _, ov := range others {
		o, err := asObject(ov)
		if err != nil {
			return false, err
		}
		vs, err := pyIter(o.getOr("values", []any{o.get("value")}))
		if err != nil {
			return false, err
		}
		for _, v := range vs {
			k, err := hashKey(v)
			if err != nil {
				return false, err
			}
			values[k] = true
		}
	}
	k, err := hashKey(low)
	if err != nil {
		return false, err
	}
	return values[k], nil
}

// JSON returns the one-line JSON object that score.py claims prints last.
func (r ClaimsResult) JSON() string {
	return dumps([]field{
		{"docs", r.Docs}, {"missing_docs", r.MissingDocs}, {"tp", r.TP}, {"fp", r.FP}, {"fn", r.FN},
		{"precision", r.Precision}, {"recall", r.Recall}, {"f1", r.F1},
		{"qualifier_acc", r.QualifierAcc}, {"attribution_acc", r.AttributionAcc}, {"distractor_fp", r.DistractorFP},
	})
}

// Text returns the human-readable output score.py claims prints before the JSON line: the per-document lines
// when Verbose is set, then the summary line. It has no trailing newline.
func (r ClaimsResult) Text() string {
	var b strings.Builder
	if r.Verbose {
		for _, d := range r.PerDoc {
			fmt.Fprintf(&b, "%-32s tp=%3d fp=%3d fn=%3d\n", d.Doc, d.TP, d.FP, d.FN)
		}
	}
	fmt.Fprintf(&b, "claims: P=%.3f R=%.3f F1=%.3f qualifier=%.3f attribution=%.3f distractor_fp=%d missing_docs=%d",
		r.Precision, r.Recall, r.F1, r.QualifierAcc, r.AttributionAcc, r.DistractorFP, r.MissingDocs)
	return b.String()
}
