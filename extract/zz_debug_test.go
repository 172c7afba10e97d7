package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"tally"
	"tally/clean"
)

func TestZZDebugPeople(t *testing.T) {
	ids := strings.Split(os.Getenv("IDS"), ",")
	f, _ := os.Open(os.Getenv("DOCS"))
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r struct{ ID, Title, Text string }
		json.Unmarshal(sc.Bytes(), &r)
		for _, id := range ids {
			if r.ID != id {
				continue
			}
			ct, _ := clean.Clean(tally.Article{ID: r.ID, Title: r.Title, Text: r.Text})
			text := ct.Doc.Text
			lower := lowerASCII(text)
			var tr tracker
			tr.last = -1
			for si, cs := range ct.Sentences {
				s := &sent{toks: tokenize(nil, text, lower, cs.Start, cs.End), title: cs.Title, src: text}
				n := len(tr.people)
				before := make([]person, len(tr.people))
				copy(before, tr.people)
				tr.track(s, si, cs.Title, text)
				for k := range tr.people {
					if k >= n || tr.people[k] != before[k] {
						fmt.Printf("  s%d %+v\n     <- %.150s\n", si, tr.people[k], text[cs.Start:cs.End])
					}
				}
			}
			k, w := tr.counts()
			fmt.Println("==", id, "killed", k, "wounded", w)
		}
	}
}
