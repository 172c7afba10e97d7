// Package resolve groups the reports of one event into incidents and
// reconciles their figures: who says how many, the low / best / high of the
// toll, whether sources disagree, and how well the toll is established.
//
// resolve imports the root package and the stages to its left (when, geo);
// never store or server.
package resolve

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tally"
	"tally/when"
)

// doc is what grouping knows of one document.
type doc struct {
	x           *tally.Extraction
	date        time.Time      // the event date (or the publication date)
	datePrec    when.Precision // precision of date; "" when only the publication date is known
	published   time.Time      // zero if unknown
	vec         []tw           // tf-idf vector, unit length, sorted by term
	title       []tw           // the same for the title alone
	place       string         // the dateline's place, lower case
	keys        []int32        // distinctive terms, for blocking
	names       []string       // full names mentioned ("ervin clinton"), lower case
	killed      int64          // summary figures, -1 when none
	wounded     int64
	followUp    bool // tells of a later stage: arrest, charges, trial, sentence
	figures     []figure
	where       *tally.Place // the event's place, read with the collection's region in mind
	whereWeight float64      // how strongly the report names it
}

// figure is a stated casualty figure: its category and number.
type figure struct {
	cat tally.Category
	n   int64
}

// weighOnly turns term counts into a unit tf-idf vector without picking keys.
func (v *vocab) weighOnly(tf map[int32]float32) []tw {
	vec, _ := v.weigh(tf, 0, 0)
	return sortedVec(vec)
}

// lookup counts the words of a text against the vocabulary without adding to it.
func (v *vocab) lookup(text string) map[int32]float32 {
	tf := map[int32]float32{}
	terms(text, func(w string, capital bool) {
		if id, ok := v.id[w]; ok {
			tf[id]++
		}
	})
	return tf
}

// vocab numbers the words of a corpus and counts their document frequency.
type vocab struct {
	id map[string]int32
	df []int32
	n  int // documents counted
}

func newVocab() *vocab { return &vocab{id: map[string]int32{}} }

// stopwords are frequent English words that say nothing about an event.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been
	before being below between both but by can could did do does doing down during each few for from further had has
	have having he her here hers herself him himself his how i if in into is it its itself just me more most my no nor
	not now of off on once only or other our ours out over own same she should so some such than that the their theirs
	them then there these they this those through to too under until up very was we were what when where which while
	who whom why will with would you your said says say told according police officers officer news report reported
	shooting shot shots killed dead died injured wounded man woman people person year years old one two three four five
	six seven eight nine ten first second last new also would could may might will like just get got time day days week
	monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night today yesterday am pm
	january february march april june july august september october november december jan feb mar apr jun jul aug sept
	oct nov dec according investigation investigators incident scene hospital victim victims suspect suspects gun
	county city street avenue road block home house found call called told later around near area local state department`) {
		m[w] = true
	}
	return m
}()

// terms splits text into lower-case content words (letters only, 3+ letters, no stopwords).
func terms(text string, f func(w string, capital bool)) {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && r != '\'' {
				break
			}
			j += n
		}
		w := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(text[i:j], "'s"), "'"))
		if len(w) >= 3 && !stopwords[w] {
			f(w, unicode.IsUpper(r))
		}
		i = j
	}
}

// names finds full names: runs of two or three capitalised words inside a sentence
// ("Ervin Clinton", "Bill Cooper"), lower case.
func names(text string) []string {
	var out []string
	var run []string
	flush := func() {
		if len(run) >= 2 && len(run) <= 3 {
			out = append(out, strings.ToLower(strings.Join(run, " ")))
		}
		run = run[:0]
	}
	for _, f := range strings.Fields(text) {
		w := strings.TrimRight(f, ".,;:!?\")'")
		endsClause := len(w) < len(f)
		if w != "" && unicode.IsUpper(firstRune(w)) && len(w) > 1 && !stopwords[strings.ToLower(w)] && isWordish(w) {
			run = append(run, w)
		} else {
			flush()
		}
		if endsClause {
			flush()
		}
	}
	flush()
	return out
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

func isWordish(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}

// count adds a document's words to the vocabulary and returns its term counts.
func (v *vocab) count(text string) map[int32]float32 {
	tf := map[int32]float32{}
	terms(text, func(w string, capital bool) {
		id, ok := v.id[w]
		if !ok {
			id = int32(len(v.df))
			v.id[w] = id
			v.df = append(v.df, 0)
		}
		if _, seen := tf[id]; !seen {
			v.df[id]++
		}
		weight := float32(1)
		if capital {
			weight = 2 // names and places say more about an event than common words
		}
		tf[id] += weight
	})
	v.n++
	return tf
}

// weigh turns term counts into a unit tf-idf vector and picks the document's
// distinctive terms for blocking: those of highest weight that occur in
// more than one document but in few.
func (v *vocab) weigh(tf map[int32]float32, maxKeys int, maxDF int32) (map[int32]float32, []int32) {
	var norm float64
	for id, c := range tf {
		w := float32((1 + math.Log(float64(c))) * math.Log(float64(v.n+1)/float64(v.df[id])))
		tf[id] = w
		norm += float64(w * w)
	}
	norm = math.Sqrt(norm)
	var keys []int32
	for id, w := range tf {
		tf[id] = float32(float64(w) / norm)
		if df := v.df[id]; df >= 2 && df <= maxDF {
			keys = append(keys, id)
		}
	}
	// the maxKeys heaviest
	if len(keys) > maxKeys {
		for i := 0; i < maxKeys; i++ {
			best := i
			for j := i + 1; j < len(keys); j++ {
				if tf[keys[j]] > tf[keys[best]] {
					best = j
				}
			}
			keys[i], keys[best] = keys[best], keys[i]
		}
		keys = keys[:maxKeys]
	}
	return tf, keys
}
