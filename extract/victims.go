package extract

import (
	"strings"

	"tally"
)

// Most local reports never write a number: "A 17-year-old boy was shot and
// killed", "The victim was pronounced dead", "Ronald Munn, 28, was shot ...
// He died in surgery". The victim tracker reads such sentences as mentions of
// people with a fate, resolves the mentions to people (pronouns to the last
// person named, "the victim" to the last victim, a name to the unnamed person
// it identifies) and counts the people, each once, by their last fate.
// Written by hand: no maintained Go library does coreference for this.

// fate is what happened to a person, in order of severity.
type fate uint8

const (
	fateNone fate = iota
	fateUnharmed
	fateShot // shot, the outcome not told: wounded unless the text says they died
	fateWounded
	fateKilled
)

// person is one individual the text tells of.
type person struct {
	head    string // "man", "victim", "suspect", or "" for a name or pronoun
	surname string // lower case, for names
	full    string // the whole name, when given
	gender  byte   // 'm', 'f' or 0
	fate    fate
	named   bool
	fresh   bool // introduced as someone new: "another man", "a second victim"
	age     int
	speaker bool // quoted or cited: not a victim unless told so by name
	sent    int  // sentence of the first mention
	fateAt  int  // sentence that gave the fate
	span    [2]int
	who     string
}

// mention is a reference to a person in one sentence.
type mention struct {
	from, to int  // tokens
	kind     byte // 'i' indefinite, 'd' definite, 'n' name, 'p' pronoun
	head     string
	surname  string
	full     string // a name's words, lower case
	gender   byte
	fresh    bool // "another man", "a second victim": certainly someone new
	title    bool // in the headline
	age      int  // "a 17-year-old", "Smith, 34,": 0 if not given
	other    bool // "the other woman": one of a group counted already
	linkName bool // "identified the victim as John Doe": a name for someone known
}

// tracker follows the people of one document.
type tracker struct {
	people []person
	last   int // most recent person mentioned, -1 if none
}

// personStarts may open a mention of a person; fateStarts a fate told by an active verb or noun.
var personStarts = set("he", "him", "she", "her", "a", "an", "one", "another", "the", "his", "their", "himself", "herself")
var fateStarts = set("shot", "shoots", "shooting", "stabbed", "killed", "killing", "kills", "kill", "murdered", "murdering",
	"fatally", "mortally", "wounding", "injuring", "wounded", "injured", "injures", "wounds", "hit", "struck", "grazed",
	"left", "leaving", "leaves", "turned", "turning", "turns", "death", "murder", "slaying", "homicide", "striking",
	"hitting")

// ageModifiers may stand between an age and a person noun: "a 25-year-old black man".
var ageModifiers = set("black", "white", "hispanic", "latino", "asian", "male", "female", "young", "unidentified",
	"local", "former", "off-duty", "teenage", "pregnant")

// fateWords are the other words the tracker reads a fate or an identity from.
var fateWords = set("died", "dies", "die", "dead", "deceased", "succumbed", "passed", "hospital", "condition",
	"wound", "wounds", "injuries", "injury", "hurt", "hospitalized", "hospitalised", "uninjured", "unharmed",
	"unhurt", "identified", "named", "took", "lost", "executed", "slain", "transported", "rushed", "airlifted")

var maleNouns = set("man", "boy", "father", "son", "brother", "husband", "uncle", "nephew", "grandfather",
	"stepfather", "stepson", "boyfriend", "he", "him", "his", "male", "gentleman", "grandson", "policeman")
var femaleNouns = set("woman", "girl", "mother", "daughter", "sister", "wife", "aunt", "niece", "grandmother",
	"girlfriend", "she", "her", "female", "lady", "granddaughter", "policewoman", "stepdaughter", "stepmother")
var suspectNouns = set("suspect", "gunman", "shooter", "robber", "assailant", "attacker", "intruder", "burglar",
	"carjacker", "gunmen", "suspects", "perpetrator")

// nameStop are capitalised words that do not begin or make a person's name.
var nameStop = set("the", "a", "an", "police", "officers", "officer", "county", "city", "street", "avenue",
	"road", "hospital", "department", "sheriff", "deputies", "authorities", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
	"he", "she", "they", "it", "his", "her", "their", "investigators", "detectives", "witnesses", "medical",
	"center", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "news",
	"associated", "press", "update", "updated", "breaking", "crime", "stoppers", "anyone", "no", "one", "two",
	"three", "mr", "mrs", "ms", "dr", "lt", "sgt", "det", "capt", "chief", "officials", "family", "neighbors",
	"state", "federal", "national", "university", "school", "high", "park", "church", "bar", "club", "court",
	"district", "attorney", "office", "coroner", "examiner", "fire", "rescue", "ems", "american", "black",
	"white", "hispanic", "latino", "asian", "according", "in", "on", "at", "after", "when", "while", "police:",
	"it's", "there", "this", "that", "these", "those", "both", "all", "some", "many", "other", "another")

// personPhrase reads a person noun phrase at i: "a 17-year-old boy", "the
// victim", "another man", "his wife", "John Smith", "he". It returns the
// mention and whether one was found.
func (s *sent) personPhrase(i int, tr *tracker) (mention, bool) {
	m, ok := s.personPhrase0(i, tr)
	if ok {
		m.age = s.ageIn(m.from, m.to)
	}
	return m, ok
}

// ageIn reads an age from "17-year-old" within tokens [from, to).
func (s *sent) ageIn(from, to int) int {
	for k := from; k < to && k < len(s.toks); k++ {
		if w := s.w(k); strings.HasSuffix(w, "-year-old") {
			n := 0
			for _, c := range w[:len(w)-len("-year-old")] {
				if c < '0' || c > '9' {
					return wordAge(w[:len(w)-len("-year-old")])
				}
				n = n*10 + int(c-'0')
			}
			return n
		}
	}
	return 0
}

// digitsInt reads a small number of digits.
func digitsInt(w string) int64 {
	var n int64
	for _, c := range w {
		if c < '0' || c > '9' || n > 1000 {
			return 0
		}
		n = n*10 + int64(c-'0')
	}
	return n
}

// wordAge reads "five" in "five-year-old".
func wordAge(w string) int {
	if v, ok := units[w]; ok {
		return int(v)
	}
	return 0
}

func (s *sent) personPhrase0(i int, tr *tracker) (mention, bool) {
	if i < 0 || i >= len(s.toks) {
		return mention{}, false
	}
	t := s.toks[i]
	w := t.w
	switch w {
	case "he", "him", "she", "her":
		g := byte('m')
		if w == "she" || w == "her" {
			g = 'f'
			if w == "her" && i+1 < len(s.toks) && s.is(i+1, personNouns) {
				break // "her son" is a relative, read below
			}
		}
		return mention{from: i, to: i + 1, kind: 'p', gender: g}, true
	}
	kind := byte(0)
	fresh := false
	j := i
	// A headline's bare noun: "Man shot dead", "Dalton area boy, 8, dies", "killed 2-year-old daughter".
	if s.title && (t.has(personNouns) || t.has(suspectNouns) || strings.HasSuffix(w, "-year-old")) && t.kind == tWord && !s.is(i-1, determiners) {
		j := i
		if strings.HasSuffix(w, "-year-old") && (s.is(i+1, personNouns) || s.is(i+1, suspectNouns)) {
			j++
		}
		return mention{from: i, to: j + 1, kind: 'i', head: s.w(j), gender: genderOf(s.w(j)), title: true}, true
	}
	switch w {
	case "a", "an", "one":
		kind = 'i'
		j++
	case "another":
		kind, fresh = 'i', true
		j++
	case "the":
		kind = 'd'
		j++
		if s.is(j, ordinalWords) {
			kind, fresh = 'i', true
			j++
		}
		if s.w(j) == "other" {
			m, ok := s.personPhrase(j, tr)
			m.from, m.kind, m.other = i, 'd', true
			return m, ok && m.head != ""
		}
	case "his", "her", "their":
		kind = 'd'
		j++
	}
	if kind != 0 {
		if s.w(j) == "second" || s.w(j) == "third" || s.w(j) == "fourth" {
			fresh = true
			j++
		}
		// modifiers: "17-year-old", "unidentified", "black", "young"
		age := -1
		for k := 0; k < 4 && j < len(s.toks) && s.toks[j].kind == tWord && !s.is(j, npPrepositions) && !s.is(j, determiners) && s.toks[j].f&uint64(fateStarts) == 0 && !s.is(j, personNouns) && !s.is(j, clauseWords) && !s.is(j, verbAux) && s.toks[j].cue.kind == 0 && !s.is(j, reportVerbs); k++ {
			j++
			if strings.HasSuffix(s.w(j-1), "-year-old") && !s.is(j, personNouns) && !s.is(j, suspectNouns) && !ageModifiers.has(s.w(j)) {
				break // "The 2-year-old suffered ...": the age is the head
			}
		}
		for k := i; k < j; k++ {
			if strings.HasSuffix(s.w(k), "-year-old") {
				age = k
			}
		}
		if age >= 0 && age == j-1 && !s.is(j, personNouns) && !s.is(j, suspectNouns) {
			j = age // "A 19-year-old was shot": the age is the head
		}
		head := s.w(j)
		for (s.is(j, personNouns) || head == "police") && (s.is(j+1, personNouns) || s.is(j+1, suspectNouns)) {
			j++ // "a male victim", "a teen girl", "a police officer"
			head = s.w(j)
		}
		if s.is(j, personNouns) || s.is(j, suspectNouns) || strings.HasSuffix(head, "-year-old") {
			m := mention{from: i, to: j + 1, kind: kind, head: head, fresh: fresh, title: s.title}
			m.gender = genderOf(head)
			return m, true
		}
		return mention{}, false
	}
	// "38-year-old April Ransom": an age before a name.
	if strings.HasSuffix(w, "-year-old") {
		if m, ok := s.name(i+1, tr); ok {
			m.from = i
			return m, true
		}
		return mention{}, false
	}
	return s.name(i, tr)
}

// name reads a person's name at i: two to four capitalised words that are
// not a place or an organisation, or one word that is the surname of someone
// already named.
func (s *sent) name(i int, tr *tracker) (mention, bool) {
	if i >= len(s.toks) {
		return mention{}, false
	}
	t := s.toks[i]
	if t.kind != tWord || !t.cap || t.has(nameStop) || len(t.w) < 2 || s.is(i-1, npPrepositions) || s.w(i-1) == "to" {
		return mention{}, false
	}
	if s.title && s.titleCase() {
		return mention{}, false // "Police Say Fatal Garland Shooting Was Self-Defense"
	}
	j := i
	words := 0
	aged := s.agedName(i) // "Lena Park, 29,": a person, whatever the words
	for j < len(s.toks) && words < 4 && s.toks[j].kind == tWord && s.toks[j].cap && (aged || !s.is(j, nameStop) && !s.is(j, placeWords)) {
		if up := s.toks[j].end-s.toks[j].start > 1 && isUpper(s.w(j), s.text(j)); up {
			return mention{}, false // call letters, acronyms: "WFLX TV"
		}
		j++
		words++
		if len(s.w(j-1)) == 1 && s.w(j) == "." && j+1 < len(s.toks) && s.toks[j+1].cap {
			j++ // an initial: "Shane G. Williams"
		}
	}
	if !aged && j < len(s.toks) && s.is(j, placeWords) && s.toks[j].cap {
		return mention{}, false // "McCarran Blvd", "Boca Raton Beach"
	}
	if words >= 2 {
		if full, ok := s.spaced(i, j); ok {
			return mention{from: i, to: j, kind: 'n', surname: s.w(j - 1), full: full}, true
		}
		var b strings.Builder
		for k := i; k < j; k++ {
			if s.w(k) == "." {
				continue
			}
			if k > i {
				b.WriteByte(' ')
			}
			b.WriteString(s.w(k))
		}
		return mention{from: i, to: j, kind: 'n', surname: s.w(j - 1), full: b.String()}, true
	}
	if j-i == 1 && tr != nil && tr.surnameKnown(t.w) {
		return mention{from: i, to: j, kind: 'n', surname: t.w}, true
	}
	return mention{}, false
}

// spaced returns the words of tokens [i, j) joined by spaces when the text
// has them so (one space apart, no stop): that is a piece of the lower-cased
// text, no string to build.
func (s *sent) spaced(i, j int) (string, bool) {
	for k := i; k < j; k++ {
		t := &s.toks[k]
		if t.w == "." || t.w != s.lower[t.start:t.end] || k > i && (t.start != s.toks[k-1].end+1 || s.src[t.start-1] != ' ') {
			return "", false
		}
	}
	return s.lower[s.toks[i].start:s.toks[j-1].end], true
}

// agedName says whether the capitalised words from i are followed by an age: "Lena Park, 29,".
func (s *sent) agedName(i int) bool {
	j := i
	for j < len(s.toks) && j-i < 4 && s.toks[j].kind == tWord && s.toks[j].cap {
		j++
	}
	return j-i >= 2 && s.w(j) == "," && s.toks[min(j+1, len(s.toks)-1)].kind == tNum && (s.w(j+2) == "," || s.w(j+2) == "and" || j+2 >= len(s.toks))
}

// placeWords end the names of places and organisations, not people.
var placeWords = set("blvd", "boulevard", "street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "lane",
	"ln", "way", "beach", "park", "county", "parish", "city", "center", "centre", "complex", "hospital", "school",
	"church", "tv", "news", "department", "police", "office", "mall", "station", "apartments", "apartment",
	"village", "heights", "valley", "lake", "river", "creek", "island", "bay", "hill", "hills", "springs",
	"housing", "court", "highway", "interstate", "parkway", "plaza", "square", "circle", "trail", "bridge",
	"airport", "university", "college", "academy", "club", "bar", "restaurant", "hotel", "motel", "inn", "store",
	"market", "company", "corp", "inc", "llc", "group", "association", "bureau", "agency", "ministry", "forces",
	"army", "navy", "guard", "patrol", "sheriff's", "township", "borough", "town", "state", "district", "area",
	"estates", "manor", "gardens", "terrace", "crossing", "point", "ridge", "woods", "grove", "field", "fields")

// titleCase says whether a headline capitalises its words (then capitals do not mark names).
func (s *sent) titleCase() bool {
	words, caps := 0, 0
	for _, t := range s.toks {
		if t.kind == tWord && len(t.w) > 3 {
			words++
			if t.cap {
				caps++
			}
		}
	}
	return words >= 3 && caps*4 >= words*3
}

// isUpper says whether a word of more than one letter is written all in capitals.
func isUpper(lower, orig string) bool {
	if len(orig) < 2 {
		return false
	}
	for i := 0; i < len(orig); i++ {
		if c := orig[i]; c >= 'a' && c <= 'z' {
			return false
		}
	}
	return lower != orig
}

// text returns the original text of token i.
func (s *sent) text(i int) string { return s.src[s.toks[i].start:s.toks[i].end] }

// surnameKnown says whether someone of that surname was named.
func (tr *tracker) surnameKnown(w string) bool {
	for p := range tr.people {
		if tr.people[p].surname == w {
			return true
		}
	}
	return false
}

func genderOf(head string) byte {
	switch {
	case maleNouns.has(head):
		return 'm'
	case femaleNouns.has(head):
		return 'f'
	}
	return 0
}

// fateAfter reads what befalls the subject whose phrase ends before token i:
// "was shot and killed", "died at the hospital", "was pronounced dead",
// "suffered a gunshot wound", "is in critical condition", "was taken to a
// hospital", "was not injured".
func (s *sent) fateAfter(i int) fate {
	neg, aux := false, false
	for k := 0; i < len(s.toks) && k < 6; k++ {
		w := s.w(i)
		switch w {
		case "not", "never":
			neg = true
			i++
			continue
		case "fatally", "mortally":
			switch s.w(i + 1) {
			case "shot", "struck", "hit", "wounded", "injured", "stabbed":
				return fateKilled
			}
		}
		if s.is(i, verbAux) || strings.HasSuffix(w, "ly") && len(w) > 4 && w != "only" && w != "early" || w == "later" || w == "reportedly" || w == "also" || w == "then" || w == "allegedly" ||
			w == "critically" || w == "seriously" || w == "badly" || w == "severely" || w == "eventually" ||
			w == "subsequently" || w == "apparently" || w == "found" || w == "pronounced" || w == "declared" ||
			w == "listed" || w == "being" || w == "who" || w == "that" || w == "has" || w == "had" || w == "still" || w == "remains" || w == "remained" {
			if w == "found" || w == "pronounced" || w == "declared" {
				if s.w(i+1) == "dead" || s.w(i+1) == "deceased" {
					return fateKilled
				}
			}
			aux = aux || s.is(i, verbAux) || w == "found"
			i++
			continue
		}
		break
	}
	f := s.fateVerb(i)
	if !aux && s.transitiveUse(i) {
		return fateNone // "A Florida mother shot and killed her daughter": the subject did it
	}
	if (f == fateWounded || f == fateShot) && s.diesLater(i+1) {
		return fateKilled // "was shot in the head and later died", "Boy, 9, shot in head ... dies"
	}
	if neg {
		if f >= fateShot {
			return fateUnharmed
		}
		return fateNone
	}
	return f
}

// ppWords open a short prepositional phrase that may follow a person and
// precede their fate: "a woman with him", "a man in his 20s", "father of 3".
var ppWords = set("in", "with", "from", "inside", "at", "near", "outside", "on", "of", "aboard")

// skipPP returns where a short prepositional phrase at i ends, when a verb
// or a fate follows it, else i.
func (s *sent) skipPP(i int) int {
	if !s.is(i, ppWords) {
		return i
	}
	for k := i + 1; k < len(s.toks) && k <= i+5; k++ {
		t := s.toks[k]
		if t.has(verbAux) || t.w == "fatally" || t.w == "mortally" || t.w == "critically" || t.w == "seriously" {
			if k == i+1 {
				return i
			}
			return k
		}
		if t.kind == tPunct || t.has(clauseWords) || t.has(reportVerbs) || t.f&uint64(fateStarts) != 0 || t.cue.kind != 0 {
			return i
		}
	}
	return i
}

// transitiveUse says whether a violence verb at i (without auxiliary) takes
// an object: "shot and killed her daughter", "shot a man", "wounding two".
func (s *sent) transitiveUse(i int) bool {
	switch s.w(i) {
	case "shot", "killed", "wounded", "injured", "stabbed", "murdered", "struck", "hit", "transported", "rushed",
		"took", "taken", "airlifted", "drove", "driven", "treated":
	default:
		return false
	}
	k := i + 1
	for s.w(k) == "and" || s.w(k) == "killed" || s.w(k) == "wounded" || s.w(k) == "injured" || s.w(k) == "fatally" {
		k++
	}
	if k >= len(s.toks) {
		return false
	}
	t := s.toks[k]
	switch t.w {
	case "people", "persons", "others", "someone", "somebody", "anyone", "everyone", "men", "women":
		return true
	}
	return t.has(determiners) || strings.HasSuffix(t.w, "-year-old") || t.w == "him" || t.w == "her" || t.w == "them" || t.w == "himself" || t.w == "herself" ||
		t.kind == tNum || t.has(numerals) || t.kind == tWord && t.cap && !t.has(monthWords) && !t.has(timeAdverbs) || t.has(personNouns)
}

// diesLater says whether the clause from i goes on to the victim's death.
func (s *sent) diesLater(i int) bool {
	for k := i; k < len(s.toks) && k < i+14; k++ {
		switch s.w(k) {
		case "died", "dies", "succumbed":
			return true
		case ".", ";", "but", "while", "who", "which", "when", "after":
			if s.w(k) != "after" || s.w(k+1) != "which" {
				return false
			}
		}
	}
	return false
}

// fateVerb reads a fate word at i.
func (s *sent) fateVerb(i int) fate {
	w := s.w(i)
	switch w {
	case "killed", "murdered", "slain", "dead", "died", "dies", "die", "succumbed", "executed", "deceased":
		return fateKilled
	case "passed":
		if s.w(i+1) == "away" {
			return fateKilled
		}
	case "shot", "stabbed":
		if s.w(i+1) == "dead" || (s.w(i+1) == "and" || s.w(i+1) == ",") && (s.w(i+2) == "killed" || s.w(i+2) == "died") || s.w(i+1) == "to" && s.w(i+2) == "death" {
			return fateKilled
		}
		if s.firedUpon(i) {
			return fateNone // "shot at a car": fired upon, not hit
		}
		return fateShot
	case "wounded", "injured", "hurt", "hospitalized", "hospitalised", "grazed", "struck", "hit", "injuring":
		if w == "struck" || w == "hit" {
			if !s.nearWord(i+1, 4, "bullet", "bullets", "gunfire", "round", "shot", "shots", "stray") {
				return fateNone
			}
		}
		return fateWounded
	case "suffered", "sustained", "suffering", "received":
		if s.nearWord(i+1, 6, "wound", "wounds", "injuries", "injury") {
			if s.nearWord(i+1, 6, "fatal") {
				return fateKilled
			}
			return fateWounded
		}
	case "in":
		if s.nearWord(i+1, 3, "condition") || s.w(i+1) == "hospital" || s.w(i+1) == "the" && s.w(i+2) == "hospital" {
			return fateWounded // "in critical condition", "child in hospital"
		}
	case "taken", "transported", "rushed", "airlifted", "flown", "driven", "treated", "admitted":
		if s.nearWord(i+1, 6, "hospital", "medical", "trauma", "treated", "care") {
			return fateWounded
		}
	case "uninjured", "unharmed", "unhurt":
		return fateUnharmed
	case "took", "takes", "taking":
		if s.w(i+1) == "his" || s.w(i+1) == "her" || s.w(i+1) == "own" {
			if s.w(i+1) == "own" && s.w(i+2) == "life" {
				return fateKilled // "Student Takes Own Life"
			}
			if s.w(i+2) == "own" && s.w(i+3) == "life" {
				return fateKilled
			}
		}
	case "lost":
		if (s.w(i+1) == "his" || s.w(i+1) == "her") && s.w(i+2) == "life" {
			return fateKilled
		}
	}
	return fateNone
}

// firedUpon says whether "shot" at i means fired upon: "shot at a car",
// "shot at officers" — not "shot at Kimball High School" (a place).
func (s *sent) firedUpon(i int) bool {
	if s.w(i+1) != "at" {
		return false
	}
	k := i + 2
	return k >= len(s.toks) || !s.toks[k].cap || s.toks[k].has(determiners)
}

// nearWord says whether one of the words occurs within n tokens from i.
func (s *sent) nearWord(i, n int, words ...string) bool {
	for k := i; k < len(s.toks) && k < i+n; k++ {
		for _, w := range words {
			if s.toks[k].w == w {
				return true
			}
		}
	}
	return false
}

// activeFate reads an active verb of violence at i whose object is the
// victim: "shot and killed", "fatally shot", "killing", "shot", "wounding".
// It returns the fate and where the object begins.
func (s *sent) activeFate(i int) (fate, int) {
	w := s.w(i)
	gun := s.w(i-2) == "gun" || s.w(i-2) == "weapon" || s.w(i-2) == "handgun" || s.w(i-2) == "rifle" || s.w(i-2) == "pistol"
	switch s.w(i - 1) {
	case "to":
		if !gun {
			return fateNone, 0 // "the intent was to kill him"; but "used the gun to shoot himself" was done
		}
	case "would", "could", "might", "will", "threatened", "tried", "trying", "attempted", "attempting",
		"not", "possibly", "nearly", "almost", "narrowly":
		return fateNone, 0 // intent, not event: "the intent was to kill him", "within inches of possibly killing"
	}
	switch w {
	case "fatally", "mortally":
		if s.w(i+1) == "shot" || s.w(i+1) == "wounded" || s.w(i+1) == "stabbed" || s.w(i+1) == "injured" {
			return fateKilled, i + 2
		}
	case "shot", "shoots", "shooting", "stabbed":
		if s.w(i+1) == "and" && (s.w(i+2) == "killed" || s.w(i+2) == "wounded" || s.w(i+2) == "injured") {
			f := fateWounded
			if s.w(i+2) == "killed" {
				f = fateKilled
			}
			return f, i + 3
		}
		if s.w(i-1) == "was" || s.w(i-1) == "were" || s.w(i-1) == "been" || s.w(i-1) == "being" || s.w(i-1) == "fatally" {
			return fateNone, 0
		}
		if w == "shooting" && !(s.is(i+1, determiners) || s.w(i+1) == "him" || s.w(i+1) == "her") {
			return fateNone, 0 // "the shooting", "shooting suspect": a noun
		}
		return fateShot, i + 1
	case "killed", "killing", "kills", "kill", "murdered", "murdering":
		if s.w(i-1) == "was" || s.w(i-1) == "were" || s.w(i-1) == "been" || s.w(i-1) == "being" {
			return fateNone, 0
		}
		return fateKilled, i + 1
	case "striking", "hitting":
		return fateShot, i + 1 // "the gun discharged, striking 15-year-old Kevin Barbee"
	case "hit", "struck", "grazed":
		// "a bullet hit Maleah Williams in the head"
		if k := i - 1; s.w(k) == "bullet" || s.w(k) == "bullets" || s.w(k) == "round" || s.w(k) == "gunfire" || s.w(k) == "shot" || s.w(k) == "shots" {
			return fateShot, i + 1
		}
	case "wounding", "injuring", "wounded", "injured", "injures", "wounds":
		if s.w(i-1) == "was" || s.w(i-1) == "were" || s.w(i-1) == "been" || s.w(i-1) == "being" {
			return fateNone, 0
		}
		return fateWounded, i + 1
	case "left":
		// "left a man dead", "left one person injured"
		return fateNone, 0
	}
	return fateNone, 0
}

// track reads the sentence's mentions of people with a fate and resolves them.
func (tr *tracker) track(s *sent, si int, title bool, text string) {
	if !s.cued && s.any&uint64(fateStarts|fateWords) == 0 {
		return // no word of a fate, nor of an identity: nothing to learn here
	}
	subj := -1        // the person the sentence is about, for "himself"
	var pending []int // subjects waiting for the verb they share
	for i := 0; i < len(s.toks); i++ {
		if t := &s.toks[i]; !(t.cap || t.f&uint64(personStarts|fateStarts) != 0 || s.title && t.f&uint64(personNouns|suspectNouns) != 0 || strings.HasSuffix(t.w, "-year-old")) {
			continue // nothing can start here: most tokens
		}
		// Subject with a fate: "A man was shot", "Smith, 34, died", "The victim, a 26-year-old, was".
		if m, ok := s.personPhrase(i, tr); ok {
			j := m.to
			// apposition or age: ", 34," / ", a 49-year-old black man," / "The victim, Raekwon Shannon,"
			for app := 0; app < 3 && s.w(j) == "," && s.w(j+1) != "who"; app++ {
				if m.kind != 'n' && m.kind != 'p' {
					if a, ok := s.personPhrase(j+1, tr); ok && a.kind == 'n' && (s.w(a.to) == "," || s.w(a.to) == "(" || a.to >= len(s.toks)) {
						m.surname, m.full = a.surname, a.full
					}
				}
				k := j + 1
				if s.toks[min(k, len(s.toks)-1)].kind == tNum && s.w(k+1) == "," && m.age == 0 {
					m.age = int(digitsInt(s.w(k)))
				}
				for k < len(s.toks) && k-j < 10 && s.w(k) != "," {
					k++
				}
				if s.w(k) == "," {
					j = k + 1
				}
			}
			if s.w(j) == "(" {
				for j < len(s.toks) && s.w(j) != ")" {
					j++
				}
				j++
			}
			if s.speaks(m, j) {
				if m.kind == 'n' {
					if p := tr.resolve(m, fateNone, s, si, title, text); p >= 0 {
						tr.people[p].speaker = true
					}
				}
				i = m.to - 1
				continue
			}
			// "The male was identified as Shane G. Williams"
			if k := s.identifiedAs(j); k > 0 {
				if n, ok := s.name(k, tr); ok {
					m.surname, m.full = n.surname, n.full
					if p := tr.resolve(m, fateNone, s, si, title, text); p >= 0 {
						tr.people[p].surname, tr.people[p].full, tr.people[p].named = n.surname, n.full, true
					}
					i = n.to - 1
					continue
				}
			}
			f := s.fateAfter(j)
			if k := s.skipPP(j); f == fateNone && k > j {
				f = s.fateAfter(k) // "Another man in the home was wounded", "a father of 3 fatally shot"
			}
			if m.kind == 'n' && s.identifies(m.from) {
				m.linkName = true
			}
			p := -1
			if f != fateNone || m.kind != 'p' {
				p = tr.resolve(m, f, s, si, title, text)
			}
			// Coordinated subjects share the fate: "Lena Park, 29, and Omar Reyes, 31, were found dead".
			switch {
			case f == fateNone && p >= 0 && (s.w(j) == "and" || s.w(j) == ","):
				pending = append(pending, p)
			case f != fateNone:
				for _, q := range pending {
					tr.setFate(q, f, s, si, m.from, m.to, text)
				}
				pending = nil
			default:
				pending = nil
			}
			if subj < 0 && p >= 0 {
				subj = p
			}
			if m.kind != 'p' {
				i = m.to - 1
			}
			continue
		}
		// Object of violence: "shot and killed a man", "fatally shot John Smith", "killing him".
		if f, k := s.activeFate(i); f != fateNone {
			for s.w(k) == "and" || s.w(k) == "wounded" || s.w(k) == "killed" {
				k++
			}
			if s.w(k) == "himself" || s.w(k) == "herself" {
				if w := s.w(i); w != "injured" && w != "injuring" && w != "injures" && w != "hurt" && w != "hurting" {
					tr.reflexive(subj, k, f, s, si, title, text) // "fatally shot himself", not "injured himself in the crash"
				}
				i = k
			} else if m, ok := s.personPhrase(k, tr); ok {
				tr.resolve(m, f, s, si, title, text)
				i = m.to - 1
				// "killed 38-year-old April Ransom and another man, 43-year-old Joseph Cormier"
				for s.w(i+1) == "and" || s.w(i+1) == "," && s.w(i+2) != "and" {
					m2, ok := s.personPhrase(i+2, tr)
					if !ok {
						break
					}
					if s.w(i+1) == "," && m2.kind == 'n' && s.w(i) != "," {
						m.surname, m.full = m2.surname, m2.full // an apposition names the one just read
						tr.resolve(m, f, s, si, title, text)
					} else {
						tr.resolve(m2, f, s, si, title, text)
					}
					m = m2
					i = m2.to - 1
				}
			}
			continue
		}
		// "left a man with non-life threatening injuries", "left another teen critically wounded"
		if w := s.w(i); w == "left" || w == "leaving" || w == "leaves" {
			if m, ok := s.personPhrase(i+1, tr); ok {
				if f := s.leftState(m.to); f != fateNone {
					tr.resolve(m, f, s, si, title, text)
					i = m.to - 1
					// "left a 6-year-old dead and his father wounded"
					for k := m.to; k < len(s.toks) && k < m.to+3; k++ {
						if s.w(k) != "and" {
							continue
						}
						if m2, ok := s.personPhrase(k+1, tr); ok {
							if f2 := s.leftState(m2.to); f2 != fateNone {
								tr.resolve(m2, f2, s, si, title, text)
								i = m2.to - 1
							}
						}
						break
					}
					continue
				}
			}
		}
		// "turned the gun on himself": a suicide.
		if (s.w(i) == "turned" || s.w(i) == "turning" || s.w(i) == "turns") && s.w(i+1) == "the" && (s.w(i+2) == "gun" || s.w(i+2) == "weapon") && s.w(i+3) == "on" && (s.w(i+4) == "himself" || s.w(i+4) == "herself") {
			tr.reflexive(subj, i+4, fateKilled, s, si, title, text)
			i += 4
			continue
		}
		// "the shooting death of 23-year-old Julius Gray", "the killing of a teenager".
		if f := deathOf(s, i); f != fateNone {
			k := i + 2
			if m, ok := s.personPhrase(k, tr); ok {
				tr.resolve(m, f, s, si, title, text)
				i = m.to - 1
			} else if m, ok := s.personPhrase(k+1, tr); ok && strings.HasSuffix(s.w(k), "-year-old") {
				tr.resolve(m, f, s, si, title, text)
				i = m.to - 1
			}
		}
	}
}

// leftState reads what a person was left: "dead", "critically wounded",
// "with non-life threatening injuries", "in critical condition".
func (s *sent) leftState(i int) fate {
	for k := i; k < len(s.toks) && k < i+3; k++ {
		switch s.w(k) {
		case "dead":
			return fateKilled
		case "wounded", "injured", "hurt", "hospitalized":
			return fateWounded
		case "with", "in":
			if s.nearWord(k+1, 5, "injuries", "injury", "wound", "wounds", "condition") {
				if s.nearWord(k+1, 5, "fatal") {
					return fateKilled
				}
				return fateWounded
			}
			return fateNone
		}
	}
	return fateNone
}

// reflexive gives a fate to the subject of the sentence ("... then turned the
// gun on himself"), or to the last person of that gender.
func (tr *tracker) reflexive(subj, k int, f fate, s *sent, si int, title bool, text string) {
	if subj >= 0 {
		tr.setFate(subj, f, s, si, k, k+1, text)
		return
	}
	g := byte('m')
	if s.w(k) == "herself" {
		g = 'f'
	}
	tr.resolve(mention{from: k, to: k + 1, kind: 'p', gender: g}, f, s, si, title, text)
}

// speaks says whether a mention is someone speaking: "X said", "said X",
// "according to X", "Sgt. X".
func (s *sent) speaks(m mention, after int) bool {
	if m.kind == 'p' {
		return false
	}
	if w := s.w(after); w == "said" || w == "says" || w == "told" || w == "added" || w == "explained" || w == "stated" ||
		w == "confirmed" || w == "spokesman" || w == "spokeswoman" || w == "spokesperson" {
		return true
	}
	// "said her great uncle George Donahoo"
	for k := m.from - 1; k >= 0 && k >= m.from-5; k-- {
		w := s.w(k)
		if w == "to" && s.w(k-1) == "according" {
			w = "according" // "according to Safe Streets Project"
		}
		if w == "said" || w == "says" || w == "according" {
			// "said Chief Ken Atkinson." speaks; "police said Kaemon Robinson was playing" does not.
			e := s.w(after)
			return m.kind == 'n' && (after >= len(s.toks) || e == "." || e == "," || e == ";" || e == "\"" || e == "who" || e == "of" || e == "in")
		}
		if !(s.toks[k].cap || s.is(k, titleWords) || w == "his" || w == "her" || w == "their" || w == "great" || s.is(k, personNouns)) || w == "victim" {
			break // "police said a man named Ronnie Chambers": not the speaker
		}
	}
	switch s.w(m.from - 1) {
	case "said", "says", "to", "sgt", "det", "lt", "officer", "chief", "capt", "deputy", "spokesman",
		"spokeswoman", "spokesperson", "sheriff", "coroner", "attorney", "detective", "lieutenant", "sergeant",
		"captain", "commander", "superintendent", "mayor", "councilman", "councilwoman", "dr", "reporter":
		return m.kind == 'n'
	case ".":
		switch s.w(m.from - 2) {
		case "sgt", "det", "lt", "capt", "dr", "cpl", "ofc", "dep", "cmdr", "insp", "supt":
			return m.kind == 'n'
		}
	}
	return false
}

// identifiedAs returns where the name begins in "... was identified as NAME"
// or "identified as NAME" right after a mention, or 0.
func (s *sent) identifiedAs(j int) int {
	for k := 0; k < 3 && (s.w(j) == "was" || s.w(j) == "has" || s.w(j) == "been" || s.w(j) == "is" || s.w(j) == "later"); k++ {
		j++
	}
	if s.w(j) == "identified" && s.w(j+1) == "as" {
		k := j + 2
		if strings.HasSuffix(s.w(k), "-year-old") {
			k++
		}
		return k
	}
	return 0
}

// identifies says whether a name at i is given as the identity of someone
// already mentioned: "identified the victim as John Doe", "identified as".
func (s *sent) identifies(i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if s.w(k) == "identified" || s.w(k) == "named" {
			return true
		}
		if s.w(k) == "," || s.w(k) == "." {
			break
		}
	}
	return false
}

// resolve finds (or makes) the person a mention refers to and records its
// fate; it returns the person, or -1.
func (tr *tracker) resolve(m mention, f fate, s *sent, si int, title bool, text string) int {
	p := tr.find(m)
	if p < 0 {
		if m.kind == 'p' || f == fateNone && m.kind == 'd' || m.other {
			return -1 // nobody to refer to, nothing to count
		}
		tr.people = append(tr.people, person{head: m.head, surname: m.surname, full: m.full, gender: m.gender, named: m.surname != "", sent: si, fresh: m.fresh, age: m.age})
		p = len(tr.people) - 1
	}
	x := &tr.people[p]
	if m.surname != "" && x.surname == "" {
		x.surname, x.named = m.surname, true
	}
	if m.full != "" && x.full == "" {
		x.full = m.full
	}
	if x.gender == 0 {
		x.gender = m.gender
	}
	if x.age == 0 {
		x.age = m.age
	}
	tr.setFate(p, f, s, si, m.from, m.to, text)
	tr.last = p
	return p
}

// setFate records a fate if it is worse than what was known.
func (tr *tracker) setFate(p int, f fate, s *sent, si, from, to int, text string) {
	x := &tr.people[p]
	if f > x.fate {
		x.fate, x.fateAt = f, si
		x.span = [2]int{int(s.toks[from].start), int(s.toks[to-1].end)}
		x.who = text[s.toks[from].start:s.toks[to-1].end]
	}
}

// find returns the person a mention refers to, or -1 for someone new.
func (tr *tracker) find(m mention) int {
	if m.fresh {
		return -1
	}
	if m.age > 0 && m.kind != 'p' {
		// "Tennessee Boy, 7, Killed: Sibling Shoots 7-Year-Old": one age, one person
		for p := len(tr.people) - 1; p >= 0; p-- {
			x := tr.people[p]
			if x.age == m.age && (x.gender == 0 || m.gender == 0 || x.gender == m.gender) && (m.surname == "" || x.surname == "" || x.surname == m.surname) {
				return p
			}
		}
	}
	switch m.kind {
	case 'p':
		// the last person of that gender who suffered something, else the last of that gender
		for pass := 0; pass < 2; pass++ {
			for p := len(tr.people) - 1; p >= 0; p-- {
				x := tr.people[p]
				if x.speaker {
					continue
				}
				if (pass == 1 || x.fate >= fateShot) && (x.gender == m.gender || x.gender == 0 && (p == tr.last || x.fate >= fateShot)) {
					return p
				}
			}
		}
		return -1
	case 'n', 'd', 'i':
		if m.surname != "" {
			if p := tr.byName(m); p >= 0 {
				return p
			}
			if m.kind == 'n' && m.full != "" && tr.surnameKnown(m.surname) {
				return -1 // another of the family: "Steve Cartigiano says his son ..."
			}
		}
	}
	switch m.kind {
	case 'n':
		if m.linkName {
			for p := len(tr.people) - 1; p >= 0; p-- {
				if !tr.people[p].named && !tr.people[p].speaker && !suspectNouns.has(tr.people[p].head) {
					return p
				}
			}
		}
		return -1
	case 'd':
		// the last one who suffered something, else anyone who fits
		for pass := 0; pass < 2; pass++ {
			for p := len(tr.people) - 1; p >= 0; p-- {
				if !tr.people[p].speaker && (pass == 1 || tr.people[p].fate >= fateShot) && compatible(tr.people[p], m) {
					return p
				}
			}
		}
		return -1
	case 'i':
		// A headline's person is the lead's ("Man shot dead" / "A man was shot
		// and killed"), and a person told of again is told of with the same words.
		for p := range tr.people {
			x := tr.people[p]
			if m.head != "" && (x.head == m.head || x.sent == 0 && !m.title && x.head != "" && x.fate >= fateShot && sameKind(x.head, m.head)) {
				return p
			}
		}
		return -1
	}
	return -1
}

// childWords and youthWords group heads that may name the same person.
var childWords = set("toddler", "boy", "girl", "child", "infant", "baby", "kid", "son", "daughter", "preschooler")
var youthWords = set("teen", "teenager", "boy", "girl", "youth", "juvenile", "student", "son", "daughter", "teenage")

// sameKind says whether a headline's noun and the lead's may be one person.
func sameKind(a, b string) bool {
	if strings.HasSuffix(a, "-year-old") || strings.HasSuffix(b, "-year-old") {
		return true
	}
	if suspectNouns.has(a) && (genderOf(b) != 0 || b == "person") || suspectNouns.has(b) && (genderOf(a) != 0 || a == "person") {
		return true // "Gunman shot, killed" / "a man"
	}
	return childWords.has(a) && childWords.has(b) || youthWords.has(a) && youthWords.has(b) ||
		genderOf(a) != 0 && genderOf(a) == genderOf(b) || a == "victim" || b == "victim" || a == "person" || b == "person"
}

// byName finds a person by name: the same full name, or the same surname
// when only one of the two names is full.
func (tr *tracker) byName(m mention) int {
	if m.full == "" {
		// a surname alone: whoever of that name suffered something, else the last so named
		for p := len(tr.people) - 1; p >= 0; p-- {
			if tr.people[p].surname == m.surname && tr.people[p].fate >= fateShot {
				return p
			}
		}
	}
	for p := len(tr.people) - 1; p >= 0; p-- {
		x := tr.people[p]
		if x.surname != m.surname {
			continue
		}
		if m.full == "" || x.full == "" || x.full == m.full || strings.HasSuffix(m.full, x.full) || strings.HasSuffix(x.full, m.full) {
			return p
		}
	}
	return -1
}

// compatible says whether a definite description can refer to a person.
func compatible(p person, m mention) bool {
	if p.age > 0 && m.age > 0 && p.age != m.age {
		return false
	}
	if m.gender != 0 && p.gender != 0 && m.gender != p.gender {
		return false
	}
	if p.head == "" && p.fate < fateShot {
		return false // a name we know nothing bad of: "the victim" is not the man who spoke
	}
	if m.gender != 0 && m.gender == p.gender && p.fate >= fateShot || sameKind(p.head, m.head) && p.head != "" {
		return true // "his mother died" after "Woman shot to death"
	}
	mSuspect, pSuspect := suspectNouns.has(m.head), suspectNouns.has(p.head)
	if mSuspect != pSuspect && p.head != "" {
		return false
	}
	if mSuspect && p.head == "" {
		return false
	}
	switch m.head {
	case "victim", "person", "individual":
		return true
	}
	return p.head == m.head || p.head == "" && !mSuspect
}

// lateSentence: people first told of after this sentence are left out of
// the counts; deep in a story they belong to other incidents recalled for
// context, most often (measured on the gun-violence sets: +1 point).
const lateSentence = 10

// counts returns how many people were killed and wounded, each counted
// once by their last fate. Reports introduce a victim either by description
// ("a 27-year-old man") or by name, and identify the described one by name
// later in words the tracker cannot always link; so named and unnamed people
// are counted apart: the larger group gives the number of victims, the
// larger number of dead the killed, and the wounded are the victims left.
// ("Wiggins shot Reid several times" and "a 22-year-old man was killed" are
// one victim, killed.)
func (tr *tracker) counts() (killed, hurt, victims int) {
	// Named people are told apart by name. Unnamed ones are told apart only
	// within the sentence that introduces them ("a man and a woman were
	// shot") or when the text says they are new ("another man"): an
	// unnamed person introduced later is as likely the same one described
	// again ("Student killed ..." / "a 17-year-old male was found dead").
	// The wounded are the victims left when the dead are counted, and at
	// least those told wounded in words (hospitalized, in critical condition):
	// someone only "shot" may be one of the dead told of again.
	type group struct{ killed, hurt, victims int }
	var named, fresh group
	perSent := map[int]group{} // unnamed, by intro sentence
	for _, p := range tr.people {
		if p.sent > lateSentence || p.fate < fateShot {
			continue // first told of deep in the story: another incident, most often
		}
		var g *group
		var c group
		switch {
		case p.named:
			g = &named
		case p.fresh:
			g = &fresh
		default:
			c = perSent[p.sent]
			g = &c
		}
		g.victims++
		switch p.fate {
		case fateKilled:
			g.killed++
		case fateWounded:
			g.hurt++
		}
		if !p.named && !p.fresh {
			perSent[p.sent] = *g
		}
	}
	var unnamed group
	for _, c := range perSent {
		unnamed.killed, unnamed.hurt, unnamed.victims = max(unnamed.killed, c.killed), max(unnamed.hurt, c.hurt), max(unnamed.victims, c.victims)
	}
	// People the text calls new ("a third victim") come on top.
	killed = max(named.killed, unnamed.killed) + fresh.killed
	hurt = max(named.hurt, unnamed.hurt) + fresh.hurt
	victims = max(named.victims, unnamed.victims) + fresh.victims
	return killed, hurt, victims
}

// named lists the people the text names (speakers aside), with their fate.
func (tr *tracker) named(text string) []tally.Person {
	var out []tally.Person
	for _, p := range tr.people {
		if !p.named || p.speaker || p.full == "" || p.fate == fateNone && p.age == 0 && !suspectNouns.has(p.head) {
			continue // a name with nothing told of it is as likely a street or a club as a person
		}
		q := tally.Person{Name: properCase(p.full), Age: p.age}
		switch p.fate {
		case fateKilled:
			q.Fate = "killed"
		case fateWounded:
			q.Fate = "wounded"
		case fateShot:
			q.Fate = "shot"
		case fateUnharmed:
			q.Fate = "unharmed"
		}
		if suspectNouns.has(p.head) {
			q.Role = "suspect"
		}
		out = append(out, q)
	}
	return out
}

// properCase capitalises each word of a lower-case name.
func properCase(s string) string {
	b := []byte(s)
	for i := range b {
		if (i == 0 || b[i-1] == ' ' || b[i-1] == '-') && b[i] >= 'a' && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

// newClaims renders the tracked people as derived claims, one per person,
// except those the grammar already counted (their span is in a claim).
func (tr *tracker) newClaims(d *docState, have []tally.Claim) []tally.Claim {
	var out []tally.Claim
next:
	for _, p := range tr.people {
		if p.fate < fateShot {
			continue
		}
		for _, c := range have {
			if c.Span[0] <= p.span[0] && p.span[1] <= c.Span[1] || p.span[0] <= c.Span[0] && c.Span[1] <= p.span[1] {
				continue next
			}
		}
		cat := tally.Killed
		switch p.fate {
		case fateWounded:
			cat = tally.Wounded
		case fateShot:
			cat = tally.Casualties // shot, killed or wounded the text does not say
		}
		der := tally.Implicit
		if p.named {
			der = tally.Named
		}
		cs := d.sents[p.fateAt].cs
		out = append(out, tally.Claim{
			Category: cat,
			Count:    tally.Count{Low: 1, High: tally.Int64(1), Qualifier: tally.Exact, Text: p.who},
			Who:      p.who,
			Scope:    tally.ScopeIncident,
			Sentence: d.text[cs.Start:cs.End],
			Span:     p.span,
			PartOf:   -1,
			Derived:  der,
		})
	}
	return out
}

// deathOf reads "death of", "killing of", "murder of", "shooting of" at i.
func deathOf(s *sent, i int) fate {
	if s.w(i+1) != "of" {
		return fateNone
	}
	switch s.w(i) {
	case "death", "killing", "murder", "slaying", "homicide":
		return fateKilled
	case "wounding":
		return fateWounded
	case "shooting":
		if s.w(i-1) == "fatal" || s.w(i-1) == "deadly" {
			return fateKilled
		}
		return fateShot
	}
	return fateNone
}
