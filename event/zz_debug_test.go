package event

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"tally/clean"
	"tally/extract"
	"tally/geo"
	"tally/source"
)

func TestDebugDoc(t *testing.T) {
	want := os.Getenv("DOCURL")
	if want == "" {
		t.Skip()
	}
	f, _ := os.Open("../../shared/data/gva/docs.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		hit := false
		for _, w := range strings.Split(want, ",") {
			hit = hit || strings.Contains(sc.Text(), w)
		}
		if !hit {
			continue
		}
		a, _ := source.ParseJSON(sc.Bytes())
		ct, _ := clean.Clean(a)
		x := extract.Extract(ct)
		var prior Prior
		if e := os.Getenv("PRIOR"); e != "" {
			prior = Prior{e: 1.5}
		}
		p, w, ms, ctx := locate(geo.Default(), &x, leadSentences(&x), tokenize(placeText(&x)), prior)
		fmt.Println(a.URL, "\n", x.Doc.Title, "\n", x.Doc.Text[:min(len(x.Doc.Text), 400)])
		fmt.Printf("MAIN %+v %.2f countries=%v admin1=%v\n", p, w, ctx.countries, ctx.admin1)
		for _, m := range ms {
			if m.place != nil {
				fmt.Printf("  %q @%d strong=%v w=%.2f -> %s/%s/%s %s (%d cands)\n", m.text, m.start, m.strong, m.weight, m.place.Name, m.place.Admin1, m.place.Country, m.place.Precision, len(m.cands))
			} else {
				fmt.Printf("  %q @%d unread\n", m.text, m.start)
			}
		}
	}
}
