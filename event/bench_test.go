package event

import (
	"os"
	"path/filepath"
	"testing"

	"tally"
	"tally/clean"
	"tally/extract"
	"tally/source"
)

// gvaExtractions runs clean and extract over ../shared/data/gva/docs.jsonl,
// or skips when the shared data is absent.
func gvaExtractions(b *testing.B) []tally.Extraction {
	b.Helper()
	p := filepath.Join("..", "..", "shared", "data", "gva", "docs.jsonl")
	if _, err := os.Stat(p); err != nil {
		b.Skipf("shared data not found at %s", p)
	}
	var xs []tally.Extraction
	source.Walk([]string{p}, func(it source.Item) bool {
		if a, err := it.Load(); err == nil {
			if t, err := clean.Clean(a); err == nil {
				xs = append(xs, extract.Extract(t))
			}
		}
		return true
	})
	return xs
}

// BenchmarkDescribeGVA measures Describe alone, one core, per document.
func BenchmarkDescribeGVA(b *testing.B) {
	xs := gvaExtractions(b)
	Describe(&xs[0]) // load the gazetteer outside the timing
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x := xs[i%len(xs)]
		x.Claims = append([]tally.Claim(nil), x.Claims...)
		Describe(&x)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
