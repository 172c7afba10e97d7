package event

import (
	"testing"
	"time"

	"tally/clean"
	"tally/geo"
)

func BenchmarkZZPhases(b *testing.B) {
	xs := gvaExtractions(b)
	g := geo.Default()
	Describe(&xs[0])
	var d [10]time.Duration
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		x := &xs[n%len(xs)]
		ts := []time.Time{time.Now()}
		mark := func() { ts = append(ts, time.Now()) }
		sents := clean.Sentences(x.Doc.Text)
		mark()
		toks := tokenize(x.Doc.Text)
		mark()
		ms := findMentions(g, x.Doc.Text, toks, x.Doc.BodyStart, nil)
		mark()
		locate(g, x, sents, toks, nil)
		mark()
		dates := findDates(x)
		eventDate(x, dates)
		mark()
		lead := x.Doc.Text[x.Doc.BodyStart:min(len(x.Doc.Text), x.Doc.BodyStart+leadBytes)]
		classify(x.Doc.Title, lead, 1, 1)
		mark()
		sides(g, x, x.Doc.Text, sents, toks)
		mark()
		describeClaims(x, ms, sents, dates)
		mark()
		for i := 1; i < len(ts); i++ {
			d[i-1] += ts[i].Sub(ts[i-1])
		}
	}
	N := time.Duration(b.N)
	b.Logf("per doc: sentences %v tokenize %v findMentions %v locate(w/o tokenize) %v dates %v classify %v sides %v claims %v", d[0]/N, d[1]/N, d[2]/N, d[3]/N, d[4]/N, d[5]/N, d[6]/N, d[7]/N)
}

func BenchmarkZZFind(b *testing.B) {
	xs := gvaExtractions(b)
	g := geo.Default()
	Describe(&xs[0])
	tks := make([][]tok, len(xs))
	for i := range xs {
		tks[i] = tokenize(xs[i].Doc.Text)
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		i := n % len(xs)
		findMentions(g, xs[i].Doc.Text, tks[i], xs[i].Doc.BodyStart, nil)
	}
}
