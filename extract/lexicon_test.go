package extract

import "testing"

// TestLexTable checks the lexicon's hash table against the map it is built from.
func TestLexTable(t *testing.T) {
	for w, e := range lexicon {
		if got := lookup(w); got != e {
			t.Errorf("lookup(%q) = %+v, want %+v", w, got, e)
		}
	}
	for _, w := range []string{"x", "zzz", "killedx", "kille", "unrelatedword", "a-very-long-hyphenated-word", "'"} {
		if got, want := lookup(w), lexicon[w]; got != want {
			t.Errorf("lookup(%q) = %+v, want %+v", w, got, want)
		}
	}
	if got, want := scaleOf("thousand"), int64(1000); got != want {
		t.Errorf("scaleOf(thousand) = %d", got)
	}
}
