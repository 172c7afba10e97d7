package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunOrder runs a mix of good, bad and blank JSON lines and a text file
// through Run with several worker counts: every input comes back once, in
// input order, with the same extraction as Process gives.
func TestRunOrder(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := 0; i < 300; i++ {
		switch {
		case i%37 == 5:
			lines = append(lines, `{"id": "bad", "text": `) // malformed
		case i%53 == 7:
			lines = append(lines, "") // blank: no item
		default:
			lines = append(lines, fmt.Sprintf(`{"id":"d%d","title":"Report %d","text":"%d people were killed and %d wounded in an attack on Monday, police said."}`, i, i, i%9+1, i%7+2))
		}
	}
	jsonl := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(jsonl, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	txt := filepath.Join(dir, "b.txt")
	if err := os.WriteFile(txt, []byte("Two killed in blast\n\nTwo people were killed in a blast on Friday."), 0o644); err != nil {
		t.Fatal(err)
	}
	var want []string
	for i, l := range lines {
		if l != "" {
			want = append(want, fmt.Sprintf("%s:%d", jsonl, i+1))
		}
	}
	want = append(want, txt)
	for _, workers := range []int{1, 2, 3} {
		var got []string
		Run([]string{jsonl, txt}, Options{Workers: workers, Prepare: func(r *Result) any { return r.Where }}, func(r Result) {
			if r.Extra != r.Where {
				t.Errorf("workers %d: %s: Prepare's value %v", workers, r.Where, r.Extra)
			}
			if r.Err == nil && (len(r.X.Claims) == 0 || r.X.Doc.Text == "") {
				t.Errorf("workers %d: %s: no claims", workers, r.Where)
			}
			if strings.HasSuffix(r.Where, ":6") && r.Err == nil {
				t.Errorf("workers %d: %s: a malformed line gave no error", workers, r.Where)
			}
			got = append(got, r.Where)
		})
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("workers %d: results in order\n%v\nwant\n%v", workers, got, want)
		}
	}
}
