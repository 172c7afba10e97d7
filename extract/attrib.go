package extract

import "strings"

// Attribution: who a sentence says states its figures. Written by hand (no
// maintained Go library attributes quotes and figures to sources); the rules:
//
//	according to X ... / ..., according to X        the whole sentence
//	X said (that) ... / X claimed ... / X has documented ...   what follows the verb
//	..., X said. / ..., X said on Tuesday.          what precedes, too (a trailing verb)
//	"...," said X / ..., reported the SOF.          what precedes (inverted)
//	... were reported by X                          the whole sentence
//	It has been (unofficially) reported that ...    "(unofficial) reports"
//	Kirby: about 40,000 ... (a headline)            the whole headline

// attrKind says which figures of a sentence an attribution covers.
type attrKind uint8

const (
	attrWhole    attrKind = iota // according to X, reported by X, a headline label
	attrForward                  // X said that ...: figures after the verb
	attrTrailing                 // ..., X said: figures before and after
	attrBackward                 // ..., said X: figures before
)

// attribution is one source named in a sentence.
type attribution struct {
	who     string
	from    int // token range of the source's name
	to      int
	verb    int // token index of the reporting word
	kind    attrKind
	pronoun bool // "he said": resolved to the last source named
}

// headlineLabels disqualify a "Label: headline" prefix as a source.
var headlineLabels = set("attack", "attacks", "shooting", "shootings", "war", "update", "updates", "live", "breaking",
	"video", "watch", "exclusive", "opinion", "analysis", "photos", "explainer", "crisis", "news", "latest",
	"timeline", "factbox", "conflicts", "conflict", "bombing", "bombings", "strike", "strikes", "massacre")

// attributions appends the sources named in a sentence to out (empty); doc
// is the document text.
func (s *sent) attributions(out []attribution, doc string, title bool) []attribution {
	if title {
		if a, ok := s.headlineSource(doc); ok {
			out = append(out, a)
		}
	}
	for i := 0; i < len(s.toks); i++ {
		w := s.w(i)
		switch {
		case w == "according" && s.w(i+1) == "to":
			if a, ok := s.nameAfter(doc, i+2); ok {
				a.verb, a.kind = i, attrWhole
				out = append(out, a)
			}
		case (w == "by") && i > 0 && s.is(i-1, passiveReport):
			if a, ok := s.nameAfter(doc, i+1); ok {
				a.verb, a.kind = i-1, attrWhole
				out = append(out, a)
			}
		case w == "citing" && len(out) == 0:
			if a, ok := s.nameAfter(doc, i+1); ok {
				a.verb, a.kind = i, attrWhole
				out = append(out, a)
			}
		case s.is(i, reportVerbs) && w != "according" && w != "citing":
			if a, ok := s.reportAt(doc, i); ok {
				out = append(out, a)
			}
		}
	}
	return out
}

// passiveReport are participles whose "by" names a source: "were reported by X".
var passiveReport = set("reported", "announced", "confirmed", "released", "documented", "stated", "estimated",
	"recorded", "compiled", "provided", "issued", "cited", "given", "published", "verified")

// headlineSource reads "Kirby: about 40,000 ..." or "Amnesty. More than 100 ...".
func (s *sent) headlineSource(doc string) (attribution, bool) {
	for k := 0; k < len(s.toks) && k < 5; k++ {
		t := s.toks[k]
		if t.w == ":" || t.w == "." {
			if k == 0 || k+1 >= len(s.toks) {
				return attribution{}, false
			}
			return attribution{who: doc[s.toks[0].start:s.toks[k-1].end], from: 0, to: k, verb: k, kind: attrWhole}, true
		}
		if t.kind != tWord || !t.cap || t.has(headlineLabels) {
			if t.w != "'s" && t.w != "-" {
				return attribution{}, false
			}
		}
	}
	return attribution{}, false
}

// nameAfter reads a source named after "according to", "by" or "citing":
// up to a comma, a stop or a clause word; a comma followed by a capitalised
// word continues a title and name ("Commander, Gen. Kenneth McKenzie").
func (s *sent) nameAfter(doc string, i int) (attribution, bool) {
	j := i
	for j < len(s.toks) && j-i < 14 {
		t := s.toks[j]
		if t.w == "," {
			if j+1 < len(s.toks) && s.toks[j+1].cap && j > i && s.toks[j-1].cap && j-i == 1 {
				j++
				continue
			}
			break
		}
		if t.kind == tPunct && t.w != "-" && t.w != "'" && t.w != "(" && t.w != ")" && t.w != "." && t.w != "&" {
			break
		}
		if t.w == "." && !(j > i && len(s.toks[j-1].w) <= 4 && s.toks[j-1].cap) {
			break
		}
		if j > i && (t.has(clauseWords) && t.w != "of" && t.w != "and" || t.has(verbAux) || t.w == "citing" || t.w == "on" || t.w == "in" || t.w == "during" || t.has(reportVerbs) || t.w == "including") {
			break
		}
		j++
	}
	for j > i && (s.w(j-1) == "and" || s.w(j-1) == "." || s.w(j-1) == "(") {
		j--
	}
	if j == i {
		return attribution{}, false
	}
	return s.source(doc, i, j), true
}

// source makes an attribution of tokens [i, j).
func (s *sent) source(doc string, i, j int) attribution {
	a := attribution{who: doc[s.toks[i].start:s.toks[j-1].end], from: i, to: j}
	if j == i+1 && s.is(i, pronouns) && s.w(i) != "officials" {
		a.pronoun = true
	}
	return a
}

// reportAt reads an attribution around the reporting verb at i.
func (s *sent) reportAt(doc string, i int) (attribution, bool) {
	w := s.w(i)
	if (w == "claims" || w == "claim" || w == "claimed" || w == "claiming") && s.w(i+1) == "responsibility" {
		return attribution{}, false // claiming an attack is not stating a figure
	}
	if s.negatedReport(i) {
		return attribution{}, false // "she did not say whether ...": nobody states the figure
	}
	// "reports", "claims", "report", "claim" are nouns after a determiner or before a verb.
	if s.is(i, nounOrVerb) && (s.is(i-1, determiners) || i == 0 || s.is(i+1, reportVerbs) || s.is(i+1, auxiliaries) && s.w(i+1) != "that" && s.w(i+1) != "to" || s.w(i-1) == "media" || s.w(i-1) == "news") {
		return attribution{}, false
	}
	// "It has been (unofficially) reported that ..."
	if w == "reported" || w == "said" || w == "claimed" || w == "estimated" {
		k := i - 1
		adv := ""
		if k >= 0 && len(s.w(k)) > 2 && s.w(k)[len(s.w(k))-2:] == "ly" {
			adv = s.w(k)
			k--
		}
		for k >= 0 && (s.w(k) == "been" || s.w(k) == "has" || s.w(k) == "is" || s.w(k) == "was" || s.w(k) == "had") {
			k--
		}
		if k >= 0 && s.w(k) == "it" && k < i-1 {
			who := "reports"
			if adv != "" {
				who = adjectiveOf(adv) + " reports"
			}
			return attribution{who: who, from: k, to: i + 1, verb: i, kind: attrForward}, true
		}
	}
	if (w == "gave" || w == "gives") && !s.givesFigure(i) {
		return attribution{}, false // "gave birth", "gave chase"
	}
	// A relative clause: "the sheriff's office, which gave a toll of three, ..."
	if i >= 2 && (s.w(i-1) == "which" || s.w(i-1) == "who") && s.w(i-2) == "," {
		if from, to, ok := s.subjectBefore(i - 2); ok {
			a := s.source(doc, from, to)
			a.verb, a.kind = i, attrForward
			return a, true
		}
	}
	if from, to, ok := s.subjectBefore(i); ok {
		a := s.source(doc, from, to)
		a.verb, a.kind = i, attrForward
		if s.trailing(i) {
			a.kind = attrTrailing
		}
		return a, true
	}
	// Inverted: '"...," said X' or ", reported the SOF." — X ends the clause;
	// ", said the gunman was killed" is a complement, not a source.
	if i > 0 && (s.w(i-1) == "," || s.w(i-1) == "\"" || s.w(i-1) == "'") {
		if a, ok := s.nameAfter(doc, i+1); ok {
			if e := s.w(a.to); a.to >= len(s.toks) || e == "," || e == "." || e == ";" || e == "on" || e == "in" || e == "at" || s.is(a.to, timeAdverbs) {
				a.verb, a.kind = i, attrBackward
				return a, true
			}
		}
	}
	return attribution{}, false
}

// givesFigure says whether "gave" at i gives a figure: "gave a toll of",
// "gave the death toll as", "gave a figure of".
func (s *sent) givesFigure(i int) bool {
	for k := i + 1; k < len(s.toks) && k <= i+4; k++ {
		switch s.w(k) {
		case "toll", "figure", "figures", "count", "tally", "number", "estimate":
			return true
		}
	}
	return false
}

// negatedReport says whether the reporting verb at i is denied or refused:
// "did not say", "would not confirm", "declined to say", "could not
// immediately confirm", "refused to say", "didn't say".
func (s *sent) negatedReport(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch s.w(k) {
		case "not", "never", "n't", "didn't", "wouldn't", "couldn't", "won't", "declined", "refused", "unable":
			return true
		case "immediately", "to", "yet", "did", "does", "do", "would", "could", "can", "will", "be", "able":
			continue
		}
		return false
	}
	return false
}

// nounOrVerb are reporting words that are often nouns.
var nounOrVerb = set("reports", "report", "claims", "claim", "states", "state", "estimates", "estimate", "notes",
	"documents", "put", "puts", "posted", "listed", "state")

func adjectiveOf(adv string) string {
	if len(adv) > 4 && adv[len(adv)-4:] == "ally" {
		return adv[:len(adv)-2]
	}
	return adv[:len(adv)-2]
}

// subjectBefore finds the noun phrase that is the subject of the reporting
// verb at i: capitalised names, titles, possessives, "of" phrases and
// parentheses, back to a clause boundary; an apposition (", a radio
// presenter,") is joined to the name before it.
func (s *sent) subjectBefore(i int) (int, int, bool) {
	j := i - 1
	for j >= 0 && (s.is(j, auxiliaries) && s.w(j) != "said" && s.w(j) != "reported" || s.w(j) == "further" || s.w(j) == "also") {
		j--
	}
	end := j + 1
	for j >= 0 && end-j <= 12 {
		t := s.toks[j]
		if t.w == ")" {
			for j >= 0 && s.toks[j].w != "(" {
				j--
			}
			j--
			continue
		}
		if t.kind == tPunct && t.w != "-" && t.w != "'" && t.w != "." && t.w != "&" || t.has(clauseWords) && t.w != "of" && t.w != "and" {
			break
		}
		if t.w == "." && !(j > 0 && len(s.toks[j-1].w) <= 4 && s.toks[j-1].cap) {
			break
		}
		if isCue := t.cue.kind != 0; isCue || t.has(reportVerbs) && !t.has(nounOrVerb) || t.kind == tNum {
			break
		}
		if t.kind == tWord && !t.cap && !t.has(determiners) && !t.has(npWords) && !t.has(titleWords) && t.w != "'s" && t.w != "of" && t.w != "and" && !isAdjectival(t.w) {
			// A common noun phrase: "the aid group", "the rector", "drone crews" after a
			// comma. Take it whole if a determiner or the clause start is near.
			if k := s.phraseStart(j); k >= 0 {
				j = k - 1
			}
			break
		}
		j--
	}
	start := j + 1
	for start < end && (s.w(start) == "and" || s.w(start) == "of") {
		start++
	}
	if start >= end {
		return 0, 0, false
	}
	for start < end && s.toks[start].kind == tPunct {
		start++
	}
	if start >= end {
		return 0, 0, false
	}
	// Apposition: "Pierre Janaszak, a radio presenter, told ..."
	if (s.w(start) == "a" || s.w(start) == "an" || s.w(start) == "the" && start+1 < end && s.is(start+1, titleWords)) && start >= 2 && s.w(start-1) == "," && s.toks[start-2].cap {
		k := start - 2
		for k > 0 && s.toks[k-1].cap && s.toks[k-1].kind == tWord {
			k--
		}
		start = k
	}
	if s.w(end-1) == "'s" || s.is(end-1, determiners) {
		return 0, 0, false
	}
	return start, end, true
}

// phraseStart looks back from a plain word at j for the start of its noun
// phrase: a determiner, or the start of the clause, within three words.
// It returns that position, or -1.
func (s *sent) phraseStart(j int) int {
	if w := s.w(j); len(w) > 4 && strings.HasSuffix(w, "ly") {
		return -1 // "as originally reported": an adverb is no source
	}
	for k := j; k >= 0 && k >= j-3; k-- {
		t := s.toks[k]
		if t.has(determiners) && t.w != "that" {
			return k
		}
		if t.kind == tPunct && t.w != "-" && t.w != "'" || t.has(clauseWords) {
			if k == j {
				return -1
			}
			return k + 1
		}
		if t.kind != tWord || t.has(verbAux) || t.cue.kind != 0 || t.has(reportVerbs) && !t.has(nounOrVerb) {
			return -1
		}
		if k == 0 {
			return 0
		}
	}
	return -1
}

// npWords are lower-case words that belong in a source's name.
var npWords = set("press", "service", "office", "officials", "official", "sources", "source", "police", "media",
	"authorities", "forces", "force", "military", "army", "government", "ministry", "spokesman", "spokeswoman",
	"spokesperson", "statement", "reports", "report", "agency", "officers", "officer", "health", "medical",
	"operators", "operator", "intelligence", "investigators", "witnesses", "residents", "doctors", "hospital",
	"officers", "coroner", "examiner", "department", "sheriff", "deputies", "prosecutors", "prosecutor", "unit",
	"command", "council", "commission", "committee", "group", "organization", "organisation", "newspaper",
	"channel", "network", "rights", "monitor", "observatory", "activists", "troops", "state", "security",
	"defense", "defence", "civil", "emergency", "services", "rescue", "workers", "staff", "team", "drone",
	"human", "affairs", "foreign", "interior", "national", "general", "federal", "local", "top", "senior",
	"unnamed", "u.s", "un", "public", "information", "relations", "communications")

// titleWords are lower-case parts of titles: "spokesperson", "commander".
var titleWords = set("spokesperson", "spokesman", "spokeswoman", "commander", "chief", "director", "head",
	"minister", "secretary", "president", "governor", "mayor", "adviser", "advisor", "coordinator", "presenter",
	"correspondent", "editor", "analyst", "expert", "lieutenant", "general", "colonel", "captain", "sergeant")

// isAdjectival accepts lower-case modifiers of a source: "pro-Russian", "credible".
func isAdjectival(w string) bool {
	n := len(w)
	return n > 3 && (w[n-2:] == "an" || w[n-3:] == "ian" || w[n-3:] == "ese" || w[n-3:] == "ish" || w[n-2:] == "al" || w[n-3:] == "ive")
}

// trailing says whether a reporting verb at i closes its clause ("..., he
// said." / "said in a statement on Wednesday" / "told reporters"), so it
// also covers the figures before it.
func (s *sent) trailing(i int) bool {
	k := i + 1
	if s.w(i) == "told" || s.w(i) == "tells" || s.w(i) == "tell" {
		// the person told: "told Agence France Presse", "told reporters"
		for k < len(s.toks) && s.toks[k].kind == tWord && !s.is(k, clauseWords) && k < i+5 {
			k++
		}
	}
	for k < len(s.toks) && s.is(k, timeAdverbs) {
		k++
	}
	if k >= len(s.toks) {
		return true
	}
	w := s.w(k)
	if s.toks[k].kind == tPunct && w != "\"" || w == "\"" && k+1 >= len(s.toks) {
		return true
	}
	switch w {
	case "on", "in", "at", "from", "during", "via", "through", "to", "after", "before", "when", "while", "as",
		"late", "early", "last", "this", "earlier", "later", "friday", "monday", "tuesday", "wednesday",
		"thursday", "saturday", "sunday", "today", "yesterday", "tonight", "adding", "noting", "citing":
		return true
	}
	return false
}

// timeAdverbs may follow a reporting verb without opening its complement.
var timeAdverbs = set("today", "yesterday", "tonight", "earlier", "later", "then", "also", "previously",
	"friday", "monday", "tuesday", "wednesday", "thursday", "saturday", "sunday", "morning", "evening",
	"afternoon", "night")
