package resolve

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"testing"

	"tally"
	"tally/eval"
	"tally/pipeline"
	"tally/source"
)

var fit = flag.Bool("fit", false, "refit the pair model on ../shared/data/gva and print its weights")

// gvaPath finds ../shared/data/gva beside the repository, or skips.
func gvaPath(t testing.TB) string {
	t.Helper()
	dir, _ := os.Getwd()
	for ; dir != "/"; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
	}
	p := filepath.Join(dir, "..", "shared", "data", "gva")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data not found at %s (clone ../shared beside the repository to run this)", p)
	}
	return p
}

// extractFile runs the pipeline (clean, extract, event) over a file or folder.
func extractFile(t testing.TB, path string) []tally.Extraction {
	var xs []tally.Extraction
	source.Walk([]string{path}, func(it source.Item) bool {
		a, err := it.Load()
		if err != nil {
			return true
		}
		x, err := pipeline.Process(a)
		if err != nil {
			return true
		}
		xs = append(xs, x)
		return true
	})
	return xs
}

// goldIncidents reads doc id → incident id.
func goldIncidents(t testing.TB, path string) map[string]string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	dec := json.NewDecoder(f)
	for dec.More() {
		var r struct{ ID, Incident string }
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		out[r.ID] = r.Incident
	}
	return out
}

// fold puts an incident in fold 0 or 1 by a hash of its id.
func fold(incident string) int {
	h := fnv.New32a()
	h.Write([]byte(incident))
	return int(h.Sum32() % 2)
}

// pairs gathers the candidate pairs of blocking with their features and labels.
func pairs(xs []tally.Extraction, gold map[string]string, opt Options) ([]pairFeatures, []bool) {
	g := group(xs, nil, Options{Threshold: 2, MaxKeys: opt.MaxKeys, MaxDF: opt.MaxDF}) // no links: features only
	postings := map[int32][]int{}
	for i, d := range g.docs {
		for _, k := range d.keys {
			postings[k] = append(postings[k], i)
		}
	}
	var fs []pairFeatures
	var ys []bool
	seen := map[[2]int]bool{}
	for i, d := range g.docs {
		for _, k := range d.keys {
			for _, j := range postings[k] {
				if j <= i || seen[[2]int{i, j}] {
					continue
				}
				seen[[2]int{i, j}] = true
				f, _ := features(d, g.docs[j])
				fs = append(fs, f)
				ys = append(ys, gold[xs[i].Doc.ID] != "" && gold[xs[i].Doc.ID] == gold[xs[j].Doc.ID])
			}
		}
	}
	return fs, ys
}

// logistic fits weights by Newton's method (iteratively reweighted least
// squares) with a little L2 regularisation.
func logistic(fs []pairFeatures, ys []bool) pairFeatures {
	var w pairFeatures
	const lambda = 1e-2
	for iter := 0; iter < 25; iter++ {
		var grad pairFeatures
		var hess [nFeatures][nFeatures]float64
		for k, f := range fs {
			p := f.probability(w)
			y := 0.0
			if ys[k] {
				y = 1
			}
			for i := range f {
				grad[i] += (p - y) * f[i]
				for j := range f {
					hess[i][j] += p * (1 - p) * f[i] * f[j]
				}
			}
		}
		for i := range w {
			grad[i] += lambda * w[i]
			hess[i][i] += lambda
		}
		step := solve(hess, grad)
		change := 0.0
		for i := range w {
			w[i] -= step[i]
			change += step[i] * step[i]
		}
		if change < 1e-12 {
			break
		}
	}
	return w
}

// solve solves h x = g by Gaussian elimination with partial pivoting.
func solve(h [nFeatures][nFeatures]float64, g pairFeatures) pairFeatures {
	n := nFeatures
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if abs(h[r][c]) > abs(h[p][c]) {
				p = r
			}
		}
		h[c], h[p] = h[p], h[c]
		g[c], g[p] = g[p], g[c]
		if h[c][c] == 0 {
			continue
		}
		for r := c + 1; r < n; r++ {
			m := h[r][c] / h[c][c]
			for k := c; k < n; k++ {
				h[r][k] -= m * h[c][k]
			}
			g[r] -= m * g[c]
		}
	}
	var x pairFeatures
	for r := n - 1; r >= 0; r-- {
		s := g[r]
		for k := r + 1; k < n; k++ {
			s -= h[r][k] * x[k]
		}
		if h[r][r] != 0 {
			x[r] = s / h[r][r]
		}
	}
	return x
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// b3 clusters xs with the weights and scores the grouping against gold.
func b3(t testing.TB, xs []tally.Extraction, gvaDir string, opt Options) string {
	g := group(xs, nil, opt)
	var buf bytes.Buffer
	for c, ms := range g.members {
		var ids []string
		for _, i := range ms {
			ids = append(ids, xs[i].Doc.ID)
		}
		b, _ := json.Marshal(map[string]any{"id": fmt.Sprint(c), "docs": ids})
		buf.Write(b)
		buf.WriteByte('\n')
	}
	// score only the documents of xs
	var gbuf bytes.Buffer
	in := map[string]bool{}
	for _, x := range xs {
		in[x.Doc.ID] = true
	}
	f, _ := os.ReadFile(filepath.Join(gvaDir, "gold.jsonl"))
	for _, line := range bytes.Split(f, []byte("\n")) {
		var r struct{ ID string }
		if json.Unmarshal(line, &r) == nil && in[r.ID] {
			gbuf.Write(line)
			gbuf.WriteByte('\n')
		}
	}
	res, err := eval.ScoreIncidents(&gbuf, &buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res.JSON()
}

// TestFitWeights refits the pair model (with -fit): two-fold cross-validation
// by incident first, then a fit on all of the corpus, whose weights go in pair.go.
func TestFitWeights(t *testing.T) {
	if !*fit {
		t.Skip("run with -fit to refit the pair model")
	}
	dir := gvaPath(t)
	xs := extractFile(t, filepath.Join(dir, "docs.jsonl"))
	gold := goldIncidents(t, filepath.Join(dir, "gold.jsonl"))
	var folds [2][]tally.Extraction
	for _, x := range xs {
		if inc, ok := gold[x.Doc.ID]; ok {
			folds[fold(inc)] = append(folds[fold(inc)], x)
		}
	}
	for k := 0; k < 2; k++ {
		fs, ys := pairs(folds[k], gold, DefaultOptions)
		w := logistic(fs, ys)
		for _, th := range []float64{0.2, 0.3, 0.4, 0.5} {
			opt := DefaultOptions
			opt.Weights, opt.Threshold = &w, th
			t.Logf("fit on fold %d (%d pairs), threshold %.1f, scored on fold %d: %s", k, len(fs), th, 1-k, b3(t, folds[1-k], dir, opt))
		}
	}
	fs, ys := pairs(xs, gold, DefaultOptions)
	w := logistic(fs, ys)
	t.Logf("weights fitted on all %d pairs: %#v", len(fs), w)
	opt := DefaultOptions
	opt.Weights = &w
	t.Logf("in-sample: %s", b3(t, xs, dir, opt))
}
