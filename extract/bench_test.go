package extract

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"tally"
	"tally/clean"
	"tally/source"
)

// sharedPath returns a path under ../shared (beside the repository), or
// skips the test when the shared data is absent.
func sharedPath(tb testing.TB, rel string) string {
	tb.Helper()
	dir, _ := os.Getwd()
	for ; dir != "/"; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
	}
	p := filepath.Join(dir, "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data not found at %s (clone ../shared beside the repository to run this)", p)
	}
	return p
}

// loadArticles reads every article of a JSON Lines file.
func loadArticles(tb testing.TB, path string) []tally.Article {
	var out []tally.Article
	source.Walk([]string{path}, func(it source.Item) bool {
		if a, err := it.Load(); err == nil {
			out = append(out, a)
		}
		return true
	})
	return out
}

// BenchmarkExtractGVA measures clean+extract over the 5,666 gun-violence
// articles on all cores and reports docs/s and MB/s.
func BenchmarkExtractGVA(b *testing.B) {
	arts := loadArticles(b, sharedPath(b, "data/gva/docs.jsonl"))
	var bytes int64
	for _, a := range arts {
		bytes += int64(len(a.Text) + len(a.Title))
	}
	b.ResetTimer()
	var next atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			a := arts[int(next.Add(1))%len(arts)]
			t, err := clean.Clean(a)
			if err == nil {
				Extract(t)
			}
		}
	})
	perDoc := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(1e9/perDoc, "docs/s")
	b.ReportMetric(float64(bytes)/float64(len(arts))/perDoc*1e9/1e6, "MB/s")
}
