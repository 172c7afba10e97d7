package eval

import (
	"fmt"
	"io"
)

// DocsResult is the outcome of ScoreDocs. The float fields are already rounded to four decimals, as score.py
// reports them.
type DocsResult struct {
	// Docs is the number of gold documents; MissingDocs how many of them no prediction row names.
	Docs, MissingDocs int
	// DocKilledAcc and DocWoundedAcc are the shares of prediction rows (of gold documents with a non-null
	// gold figure) whose summary killed / wounded equals the gold killed / injured, a missing figure
	// counting as 0.
	DocKilledAcc, DocWoundedAcc float64
}

// docFigures is score.py's doc_figures: exact accuracy of each row's summary killed / wounded against gold
// killed / injured. A row is counted every time it occurs.
func docFigures(gold goldTable, rows []any) (killedAcc, woundedAcc float64, err error) {
	var killed, wounded tally
	for i, v := range rows {
		row, err := asObject(v)
		if err != nil {
			return 0, 0, fmt.Errorf("line %d: %w", i+1, err)
		}
		g, ok := gold.rows[pyStr(row.getOr("doc", row.get("id")))]
		if !ok {
			continue
		}
		summ := row.get("summary")
		if !pyTruthy(summ) {
			summ = newObject()
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
			s, err := asObject(summ)
			if err != nil {
				return 0, 0, fmt.Errorf("line %d: summary: %w", i+1, err)
			}
			got, err := figure(s.get(f.cat))
			if err != nil {
				return 0, 0, fmt.Errorf("line %d: summary %s: %w", i+1, f.cat, err)
			}
			hit, err := figureHit(got, gv)
			if err != nil {
				return 0, 0, fmt.Errorf("gold %s: %w", f.gk, err)
			}
			if hit {
				f.t.hit++
			}
		}
	}
	return killed.acc(), wounded.acc(), nil
}

// ScoreDocs scores the per-document summaries of `tally extract` output (pred) against gold.jsonl exactly as
// `score.py docs` does: killed and wounded of each document's summary against gold killed and injured,
// documents whose gold figure is null skipped. An error is returned where score.py would raise an exception.
func ScoreDocs(gold io.Reader, pred io.Reader) (DocsResult, error) {
	var res DocsResult
	gt, err := readGold(gold)
	if err != nil {
		return res, err
	}
	rows, err := readJSONL(pred)
	if err != nil {
		return res, err
	}
	seen := map[string]bool{}
	for i, v := range rows {
		row, err := asObject(v)
		if err != nil {
			return res, fmt.Errorf("line %d: %w", i+1, err)
		}
		seen[pyStr(row.getOr("doc", row.get("id")))] = true
	}
	res.Docs = len(gt.keys)
	for _, k := range gt.keys {
		if !seen[k] {
			res.MissingDocs++
		}
	}
	if res.DocKilledAcc, res.DocWoundedAcc, err = docFigures(gt, rows); err != nil {
		return res, err
	}
	return res, nil
}

func (r DocsResult) fields() []field {
	return []field{{"docs", r.Docs}, {"missing_docs", r.MissingDocs},
		{"doc_killed_acc", r.DocKilledAcc}, {"doc_wounded_acc", r.DocWoundedAcc}}
}

// JSON returns the one-line JSON object that score.py docs prints last.
func (r DocsResult) JSON() string { return dumps(r.fields()) }

// Text returns the human-readable line score.py docs prints before the JSON line.
func (r DocsResult) Text() string { return "docs: " + keyValues(r.fields()) }
