package extract

import (
	"tally"
)

// found is a claim as the grammar finds it in one sentence, in token terms.
type found struct {
	cat      tally.Category
	n        number
	who      [2]int // token range of the victims phrase
	whole    int    // index (in the sentence's finds) of the claim this one is part of, or -1
	derived  tally.Derivation
	agent    [2]int // subject of an active verb ("SOF killed 21"), for self-reported figures
	cue      int    // token index of the casualty word
	shot     bool   // "three people were shot": killed and wounded together, told by a gun
	singular bool   // an implicit one: "a man", "a fourth"
}

// sent is one sentence under analysis.
type sent struct {
	src    string // the document text
	lower  string // src lower-cased (lowerASCII)
	title  bool   // the headline
	any    uint64 // union of the word classes of its tokens
	cued   bool   // has a casualty word
	quotes int    // number of '"' tokens
	toks   []token
	nums   []number
	numAt  []int  // token → index in nums, or -1
	used   []bool // token belongs to a figure or victim phrase already claimed
	finds  []found
}

func (s *sent) w(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].w
}

// analyse runs every rule over the sentence.
func (s *sent) analyse() {
	var any uint64
	cued := false
	quotes := 0
	for i := range s.toks {
		t := &s.toks[i]
		any |= t.f
		cued = cued || t.cue.kind != 0
		if t.kind == tPunct && t.w == "\"" {
			quotes++
		}
	}
	s.any, s.cued, s.quotes = any, cued, quotes
	if !cued && any&uint64(numberStarts|ordinalWords|tollAndCount) == 0 {
		return // nothing here can state a figure
	}
	s.findNumbers()
	for k := range s.nums {
		s.subject(k)
	}
	for k := range s.nums {
		s.noun(k)
	}
	// The rules below return at once unless their word is there; testing
	// it here spares a call per token and rule (same rules, same order).
	for i := range s.toks {
		t := &s.toks[i]
		if t.cue.kind&cueActive != 0 || t.f&uint64(takeVerbs|shootWords) != 0 {
			s.active(i)
		}
		switch t.w {
		case "toll", "number":
			s.toll(i)
		}
		if i+1 < len(s.toks) && s.toks[i+1].w == "of" {
			s.eventOf(i)
		}
		switch t.w {
		case "left", "leaving", "leaves", "leave":
			s.left(i)
		case "sent", "sending", "sends", "put", "putting", "puts", "landed":
			s.sentTo(i)
		}
	}
	s.continuations()
	if any&uint64(ordinalWords) != 0 {
		s.ordinals() // it needs an ordinal ("a third was killed")
	}
	sortFinds(s.finds)
}

// shootWords are the verbs active reads as "shot N people" (outcome untold).
var shootWords = set("shot", "shoots", "shooting", "shoot", "hitting", "striking")

// findNumbers records every maximal figure in the sentence that could count people.
func (s *sent) findNumbers() {
	for i := range s.numAt {
		s.numAt[i] = -1
	}
	for i := 0; i < len(s.toks); {
		if !mayStartNumber(&s.toks[i]) || !s.numeralNear(i) {
			i++
			continue
		}
		n, ok := parseNumber(s.toks, i)
		if !ok {
			i++
			continue
		}
		if !s.excluded(n) {
			for k := n.i; k < n.j; k++ {
				s.numAt[k] = len(s.nums)
			}
			s.nums = append(s.nums, n)
		}
		i = n.j
	}
}

// numeralNear says whether a numeral stands at i or within the next four
// tokens (a qualifier's reach: "at least", "as many as", "a minimum of",
// "a thousand"); most qualifier words ("in", "at", "as", "a") are not.
func (s *sent) numeralNear(i int) bool {
	for k := i; k < len(s.toks) && k <= i+4; k++ {
		if s.toks[k].f&uint64(numerals) != 0 || k > i && scaleOf(s.toks[k].w) > 0 || s.toks[k].w == "dozen" {
			return true
		}
	}
	return false
}

// numberAt returns the figure starting at token i (qualifier included), if any.
func (s *sent) numberAt(i int) (number, bool) {
	if i < 0 || i >= len(s.toks) || s.numAt[i] < 0 {
		return number{}, false
	}
	n := s.nums[s.numAt[i]]
	if n.i != i || s.used[n.ni] {
		return number{}, false
	}
	return n, true
}

// claim records a find unless its figure is already claimed.
func (s *sent) claim(f found) int {
	if s.used[f.n.ni] {
		return -1
	}
	for k := f.n.i; k < f.n.j; k++ {
		s.used[k] = true
	}
	if f.agent == [2]int{} {
		f.agent = [2]int{-1, -1}
	}
	s.finds = append(s.finds, f)
	return len(s.finds) - 1
}

// nounPhrase extends a victims phrase from token i: modifiers and nouns,
// possessives, prepositional phrases ("in Gaza", "of his family", "at the
// concert hall", numbers included), parentheses and a comma-delimited
// insertion (", including nine children,"). It stops before verbs it knows,
// casualty words, clause words and punctuation. max bounds its length.
func (s *sent) nounPhrase(i, max int) int {
	j := i
	afterPrep := false
	for j < len(s.toks) && j-i < max {
		t := s.toks[j]
		switch {
		case t.kind == tNum:
			if !afterPrep && j > i {
				return j
			}
			if n, ok := parseNumber(s.toks, j); ok {
				j = n.j
			} else {
				j++
			}
			continue
		case t.w == "'s" || t.w == "-" || t.w == "'":
			j++
			continue
		case t.w == "(":
			k := j + 1
			for k < len(s.toks) && k-j < 8 && s.toks[k].w != ")" {
				k++
			}
			if k >= len(s.toks) || s.toks[k].w != ")" {
				return j
			}
			j = k + 1
			continue
		case t.w == ",":
			// ", including nine children," or ", apparently Army officers,"
			k := j + 1
			if s.w(k) == "including" || s.w(k) == "mostly" || s.w(k) == "apparently" || s.w(k) == "mainly" || s.w(k) == "many" {
				for k < len(s.toks) && k-j < 12 && s.toks[k].w != "," {
					k++
				}
				if k < len(s.toks) && s.toks[k].w == "," {
					j = k + 1
					continue
				}
			}
			return j
		case t.kind == tPunct:
			return j
		}
		w := t.w
		if w == "shot" && s.w(j+1) != "victims" && s.w(j+1) != "victim" {
			return j // "Four people shot outside a nightclub": the verb, not a modifier
		}
		switch w {
		case "suffered", "sustained", "received", "suffering", "sustaining", "found":
			return j // "three others sustained non-fatal wounds", "two men found dead"
		}
		if t.cue.kind != 0 && w != "missing" || t.has(verbAux) || t.has(auxiliaries) && j+1 < len(s.toks) && !(s.toks[j+1].kind == tWord && !s.is(j+1, verbAux) && s.cueOf(j+1).kind == 0) || t.has(reportVerbs) && !t.has(nounOrVerb) {
			return j
		}
		if t.has(npPrepositions) {
			if w == "including" {
				return j
			}
			afterPrep = true
			j++
			continue
		}
		if t.has(clauseWords) {
			return j
		}
		if t.has(determiners) && !afterPrep && j > i {
			return j
		}
		if !t.has(determiners) {
			afterPrep = false
		}
		j++
	}
	return j
}

// trimPhrase drops trailing prepositions and determiners from a phrase [i, j).
func (s *sent) trimPhrase(i, j int) int {
	for j > i && (s.is(j-1, npPrepositions) || s.is(j-1, determiners) || s.w(j-1) == "," || s.w(j-1) == "-") {
		j--
	}
	return j
}

// auxChain skips auxiliaries and adverbs from i; it returns where the casualty word should be.
func (s *sent) auxChain(i int) int {
	for k := 0; i < len(s.toks) && k < 6; k++ {
		w := s.w(i)
		if w == "among" {
			// "were among dozens killed", "is among the 129 dead"
			j := i + 1
			if s.is(j, determiners) {
				j++
			}
			if n, ok := parseNumber(s.toks, j); ok {
				j = n.j
			}
			return j
		}
		if !s.is(i, auxiliaries) || w == "and" && !(s.w(i-1) == "shot" || s.w(i-1) == "stabbed") {
			return i
		}
		if w == "shot" && s.w(i+1) != "and" && s.w(i+1) != "dead" {
			return i
		}
		i++
	}
	return i
}

// passiveCue reads a casualty word used passively or intransitively at i:
// "killed", "dead", "died", "taken hostage", "killed or wounded",
// "blew themselves up", "shot" (for gun violence). It returns the category,
// where the cue ends, and whether the cue is a bare "shot".
func (s *sent) passiveCue(i int) (tally.Category, int, bool, bool) {
	w := s.w(i)
	if (w == "dead" || w == "deceased") && i+1 < len(s.toks) && s.toks[i+1].kind == tWord && !s.is(i+1, npPrepositions) &&
		!s.is(i+1, clauseWords) && !s.is(i+1, verbAux) && !s.is(i+1, auxiliaries) && !s.is(i+1, reportVerbs) && s.toks[i+1].cue.kind == 0 {
		return "", 0, false, false // attributive: "the deceased soldiers"
	}
	if c, ok := s.cueAt(i); ok && c.kind&(cuePassive|cueIntrans) != 0 {
		if c.kind&cueActive != 0 {
			// "five soldiers killed three civilians": an active verb with an object.
			if _, isNum := parseNumber(s.toks, i+1); isNum || s.is(i+1, determiners) && s.w(i+1) != "all" {
				return "", 0, false, false
			}
		}
		// "killed or wounded", "dead and injured": casualties.
		if (s.w(i+1) == "or" || s.w(i+1) == "and") && s.is(i, casualtyPairs) && s.is(i+2, casualtyPairs) {
			if s.cueOf(i+2).category() != c.category() {
				return tally.Casualties, i + 3, false, true
			}
		}
		return c.category(), i + 1, false, true
	}
	switch w {
	case "taken", "held", "seized", "transported", "rushed", "airlifted", "flown":
		k := i + 1
		if s.w(k) == "as" {
			k++
		}
		if cat, ok := passiveTails[s.w(k)]; ok && (w == "taken" || w == "held" || w == "seized") {
			return cat, k + 1, false, true
		}
		// "the four victims were taken to Riverside Hospital"
		if w != "held" && w != "seized" && s.w(i+1) == "to" && s.nearWord(i+2, 6, "hospital", "hospitals", "trauma") {
			return tally.Wounded, i + 1, false, true
		}
	case "blew", "blown":
		if (s.w(i+1) == "themselves" || s.w(i+1) == "himself" || s.w(i+1) == "herself") && s.w(i+2) == "up" {
			return tally.Killed, i + 3, false, true
		}
	case "shot":
		if s.w(i+1) == "dead" || s.w(i+1) == "to" && s.w(i+2) == "death" || s.w(i-1) == "fatally" || s.w(i-1) == "mortally" ||
			s.w(i+1) == "," && s.w(i+2) == "killed" {
			return tally.Killed, i + 2, false, true
		}
		if s.w(i+1) == "and" && (s.w(i+2) == "killed" || s.w(i+2) == "wounded" || s.w(i+2) == "injured") {
			return s.cueOf(i + 2).category(), i + 3, false, true
		}
		if s.firedUpon(i) {
			return "", 0, false, false // "shot at a car": fired upon
		}
		return tally.Casualties, i + 1, true, true
	case "lost":
		if s.w(i+1) == "their" && (s.w(i+2) == "lives" || s.w(i+2) == "life") {
			return tally.Killed, i + 3, false, true
		}
	case "suffered", "sustained", "received", "suffering", "sustaining", "receiving":
		if s.w(i-1) == "had" {
			break // "all three had suffered gunshot wounds": how the dead died, as often as not
		}
		// "three others sustained non-fatal bullet wounds", "two suffered fatal injuries"
		for k := i + 1; k < len(s.toks) && k <= i+6; k++ {
			switch s.w(k) {
			case "wounds", "wound", "injuries", "injury":
				if s.nearWord(i+1, k-i-1, "fatal", "deadly", "mortal") {
					return tally.Killed, k + 1, false, true
				}
				if s.nearWord(i+1, k-i-1, "non-fatal", "nonfatal", "minor", "non-life-threatening", "non-life", "serious", "critical", "superficial", "graze", "grazing") {
					return tally.Wounded, k + 1, false, true
				}
				// "found four people suffering from gunshot wounds": the dead among them, as often as not
				return tally.Casualties, k + 1, true, true
			}
			if s.toks[k].kind == tPunct && s.w(k) != "-" || s.is(k, clauseWords) {
				break
			}
		}
	case "in":
		// "remain in hospital", "are in critical condition"
		k := i + 1
		if s.w(k) == "the" || s.w(k) == "a" {
			k++
		}
		if s.w(k) == "hospital" || s.w(k) == "hospitals" || s.w(k+1) == "condition" && s.w(k) != "good" && s.w(k) != "no" {
			return tally.Wounded, k + 1, false, true
		}
	}
	return "", 0, false, false
}

// subject: "21 North Korean soldiers (were) killed", "28 die in Gaza",
// "13 soldiers and 2 civilians were wounded", "26 people who died",
// "three of the attackers at the concert hall died".
func (s *sent) subject(k int) {
	var chain []int
	var whos [][2]int
	i := s.nums[k].i
	switch s.w(i - 1) {
	case "fired", "firing", "fires", "fire", "heard", "hear", "hears", "squeezed", "let":
		return // "fired one shot", "heard two shots": rounds, not people
	}
	for {
		n, ok := s.numberAt(i)
		if !ok {
			return
		}
		end := s.nounPhrase(n.j, 12)
		chain = append(chain, s.numAt[n.ni])
		whos = append(whos, [2]int{n.j, s.trimPhrase(n.j, end)})
		// Coordinated subjects: "13 soldiers and 2 civilians were killed".
		if (s.w(end) == "and" || s.w(end) == ",") && s.numAt[min(end+1, len(s.toks)-1)] >= 0 && end+1 < len(s.toks) {
			if m, ok := s.numberAt(end + 1); ok && m.i == end+1 {
				i = end + 1
				continue
			}
		}
		j := end
		partitive := s.w(n.j) == "of" && (s.is(n.j+1, determiners) || s.w(n.j+1) == "them")
		// "Seven of the deaths were of a single family": the partitive names the
		// category, unless a verb tells what befell them ("two of the wounded died").
		if partitive && len(chain) == 1 {
			if c, ok := s.cueAt(end); ok && c.kind&cueNoun != 0 && end <= n.j+3 {
				k := s.auxChain(end + 1)
				if cat, _, shot, ok := s.passiveCue(k); ok {
					s.claim(found{cat: cat, n: n, who: [2]int{end, end + 1}, whole: -1, cue: k, shot: shot})
				} else {
					s.claim(found{cat: c.category(), n: n, who: [2]int{end, end + 1}, whole: -1, cue: end})
				}
				return
			}
		}
		relative := false
		if s.w(j) == "who" || s.w(j) == "that" || s.w(j) == "which" {
			if partitive {
				return // "one of the terrorists who died" names a person, it counts nothing
			}
			j++
			relative = true
		}
		if relative && !s.is(j, verbAux) && s.cueOf(j).kind&(cueIntrans) == 0 {
			return // "two people who shot at a police car" did the shooting
		}
		k0 := j
		j = s.auxChain(j)
		for k := k0; k < j; k++ {
			if s.w(k) == "not" || s.w(k) == "never" {
				return // "one person inside was not injured"
			}
		}
		cat, _, shot, ok := s.passiveCue(j)
		if !ok {
			return
		}
		for x, nk := range chain {
			s.claim(found{cat: cat, n: s.nums[nk], who: whos[x], whole: -1, cue: j, shot: shot})
		}
		return
	}
}

// noun: "3,000 North Korean casualties", "more than 90 civilian deaths",
// "the 129 dead", "took 20 hostages", "dozens of civilian deaths and injuries".
func (s *sent) noun(k int) {
	n, ok := s.numberAt(s.nums[k].i)
	if !ok {
		return
	}
	j := n.j
	if n.qual == tally.Vague && s.w(j) == "of" {
		j++
	}
	start := j
	for j < len(s.toks) && j-start <= 4 {
		w := s.w(j)
		if c, ok := s.cueAt(j); ok && c.kind&cueNoun != 0 {
			cat := c.category()
			// "deaths and injuries": casualties.
			if (s.w(j+1) == "and" || s.w(j+1) == "or") && s.cueOf(j+2).kind&cueNoun != 0 && s.cueOf(j+2).category() != cat {
				cat = tally.Casualties
			}
			s.claim(found{cat: cat, n: n, who: [2]int{start, j + 1}, whole: -1, cue: j})
			return
		}
		if cat, ok := restrictedNouns[w]; ok {
			if s.takenNear(n.i, j) {
				s.claim(found{cat: cat, n: n, who: [2]int{start, j + 1}, whole: -1, cue: j})
			}
			return
		}
		if t := s.toks[j]; t.kind != tWord || t.has(clauseWords) || t.has(determiners) || t.has(auxiliaries) || t.has(npPrepositions) {
			return
		}
		j++
	}
}

// takenNear: a hostage noun counts when a capture verb precedes the figure or follows the noun.
func (s *sent) takenNear(numStart, noun int) bool {
	for k := numStart - 1; k >= 0 && k >= numStart-3; k-- {
		if s.is(k, takeVerbs) {
			return true
		}
	}
	k := s.auxChain(noun + 1)
	return s.is(k, takeVerbs)
}

// active: "killed 21 North Korean soldiers", "killing at least 24 people,
// including eight children", "killed three adults and seven children",
// "took 20 hostages", "taking more than a dozen people hostage".
func (s *sent) active(i int) {
	w := s.w(i)
	c, isCue := s.cueAt(i)
	take := s.is(i, takeVerbs) && w != "taken" && w != "held"
	// "shot four people", "shooting two men", "hitting three bystanders": casualties, outcome untold
	shoot := (w == "shot" || w == "shoots" || w == "shooting" || w == "shoot" || w == "hitting" || w == "striking") &&
		(!s.is(i-1, auxiliaries) || s.w(i-1) == "and") && !s.is(i-1, determiners) && s.w(i+1) != "dead" && s.w(i+1) != "and"
	if shoot {
		c, isCue = mk(tally.Casualties, cueActive), true
	}
	if !(isCue && c.kind&cueActive != 0 || take) {
		return
	}
	if prev := s.w(i - 1); isCue && c.kind&cuePassive != 0 && (s.is(i-1, auxiliaries) && prev != "have" && prev != "has" && prev != "had" && prev != "and" || s.w(i+1) == "themselves") {
		return // "were killed", "killed themselves"
	}
	if s.intent(i) {
		return // "trying to kill two others", "threatened to shoot them": not done
	}
	agent := s.agentBefore(i)
	if s.w(i-1) == "and" && len(s.finds) > 0 && agent[0] < 0 {
		agent = s.finds[len(s.finds)-1].agent // "SOF killed 21 and wounded 40": one subject
	}
	whole := -1
	j := i + 1
	for conj := 0; j < len(s.toks) && conj < 8; conj++ {
		word := s.w(j)
		if n, ok := s.numberAt(j); ok {
			e := s.nounPhrase(n.j, 10)
			cat := c.category()
			if take {
				k := e
				if s.w(k) == "as" {
					k++
				}
				if tc, ok := passiveTails[s.w(k)]; ok {
					cat, e = tc, k+1
				} else if tc, ok := restrictedNouns[s.w(e-1)]; ok {
					cat = tc
				} else {
					return
				}
			}
			f := s.claim(found{cat: cat, n: n, who: [2]int{n.j, s.trimPhrase(n.j, e)}, whole: -1, cue: i, agent: agent, shot: shoot})
			if conj == 0 {
				whole = f
			}
			j = e
		} else if t := s.toks[j]; take || conj == 0 && t.has(npPrepositions) || t.has(pronouns) && !t.has(determiners) || t.kind != tWord || t.has(clauseWords) || t.has(verbAux) || t.has(reportVerbs) {
			return
		} else {
			// A conjunct without a figure: "a number of militants", "civilians in Gaza",
			// or one person, implied: "killed an innocent aid worker and nine members of his family".
			e := s.nounPhrase(j+1, 8)
			if conj == 0 && (word == "a" || word == "an" || word == "his" || word == "her" || word == "their") && e > j+1 && isPersonPhrase(s.toks[j+1:e]) && s.w(j+1) != "number" {
				n := number{i: j, ni: j, j: j + 1, low: 1, high: 1, qual: tally.Exact}
				s.claim(found{cat: c.category(), n: n, who: [2]int{j, e}, whole: -1, cue: i, agent: agent, derived: tally.Implicit, singular: true})
			}
			j = e
		}
		// Between conjuncts: "and", ",", ", and", ", including".
		switch s.w(j) {
		case "and":
			j++
		case ",":
			switch {
			case s.w(j+1) == "and":
				j += 2
			case s.w(j+1) == "including" && whole >= 0:
				j++
			case s.isNumStart(j + 1):
				j++
			default:
				return
			}
		case "including":
		default:
			return
		}
		if next, ok := s.cueAt(j); ok && next.kind&cueActive != 0 {
			return // "killing 12 and wounding 11": the next verb takes its own
		}
		if s.w(j) == "including" {
			n, ok := s.numberAt(j + 1)
			if !ok || whole < 0 {
				return
			}
			e := s.nounPhrase(n.j, 8)
			s.claim(found{cat: s.finds[whole].cat, n: n, who: [2]int{n.j, s.trimPhrase(n.j, e)}, whole: whole, cue: i, agent: agent})
			j = e
			if s.w(j) != "," && s.w(j) != "and" {
				return
			}
			j++
		}
	}
}

// intent says whether the verb at i is only intended or attempted: "trying
// to kill", "threatened to shoot", "plotted to kill", "would have killed".
func (s *sent) intent(i int) bool {
	switch s.w(i - 1) {
	case "would", "could", "might", "not", "never", "nearly", "almost":
		return true
	case "to":
		switch s.w(i - 2) {
		case "trying", "tried", "try", "tries", "attempted", "attempting", "attempt", "threatened", "threatening",
			"threatens", "plotted", "plotting", "planned", "planning", "plans", "wanted", "wants", "intended",
			"intent", "intending", "conspiracy", "conspired", "conspiring", "vowed", "sought", "seeking":
			return true
		}
	}
	return false
}

func (s *sent) isNumStart(i int) bool {
	_, ok := s.numberAt(i)
	return ok
}

// agentBefore finds the subject of an active verb at i: the noun phrase
// ending just before it ("Ukrainian Special Operations Forces (SOF)").
func (s *sent) agentBefore(i int) [2]int {
	j := i - 1
	for j >= 0 && (s.w(j) == "have" || s.w(j) == "has" || s.w(j) == "had" || s.w(j) == "reportedly" || s.w(j) == "allegedly") {
		j--
	}
	end := j + 1
	for j >= 0 && end-j < 10 {
		t := s.toks[j]
		if t.w == ")" {
			for j >= 0 && s.toks[j].w != "(" {
				j--
			}
			j--
			continue
		}
		if t.kind == tPunct && t.w != "-" && t.w != "'" || t.has(clauseWords) || t.has(reportVerbs) || t.has(auxiliaries) {
			break
		}
		if isCue := t.cue.kind != 0; isCue {
			break
		}
		j--
	}
	start := j + 1
	for start < end && s.is(start, determiners) {
		start++
	}
	if start >= end {
		return [2]int{-1, -1}
	}
	return [2]int{start, end}
}

// toll: "the death toll rose to 21", "the death toll, including 11 U.S. Marines".
func (s *sent) toll(i int) {
	if w := s.w(i); w != "toll" && w != "number" {
		return
	}
	cat, ok := tollWords[s.w(i)]
	if !ok {
		if s.w(i) == "number" && s.w(i+1) == "of" {
			if c, ok := numberOfWords[s.w(i+2)]; ok {
				cat, i = c, i+2
			} else {
				return
			}
		} else {
			return
		}
	} else if c, ok := tollModifiers[s.w(i-1)]; ok {
		cat = c
	}
	for j := i + 1; j < len(s.toks) && j < i+14; j++ {
		w := s.w(j)
		if (w == "from" || w == "in") && j == i+1 {
			// "the death toll from the ferry fire rose to 27"
			if e := s.nounPhrase(j+1, 6); e > j+1 {
				j = e - 1
				continue
			}
		}
		if w == "," && s.w(j+1) == "including" {
			if n, ok := s.numberAt(j + 2); ok {
				e := s.nounPhrase(n.j, 8)
				s.claim(found{cat: cat, n: n, who: [2]int{n.j, s.trimPhrase(n.j, e)}, whole: -1, cue: i})
			}
			return
		}
		if n, ok := s.numberAt(j); ok {
			who := [2]int{-1, -1} // "the death toll rose to 21 on Sunday": no victims named
			if e := s.nounPhrase(n.j, 6); e > n.j && isPersonPhrase(s.toks[n.j:e]) {
				who = [2]int{n.j, s.trimPhrase(n.j, e)}
			}
			s.claim(found{cat: cat, n: n, who: who, whole: -1, cue: i})
			return
		}
		if !s.is(j, tollVerbs) {
			return
		}
	}
}

// tollVerbs may stand between "toll" and its figure.
var tollVerbs = set("rose", "risen", "rises", "rising", "climbed", "climbs", "jumped", "increased", "grew", "reached",
	"reaches", "hit", "hits", "stands", "stood", "standing", "is", "was", "now", "has", "had", "have", "to", "at",
	"of", "officially", "reportedly", "already", "further", "since", "then", "been", "put", "in", "the", "attack",
	"attacks", "bombing", "shooting", "strike", "from")

// eventOf: "the deaths of at least four members of the security forces",
// "the capture of two North Korean soldiers", "claimed the lives of 18 people".
func (s *sent) eventOf(i int) {
	if s.w(i+1) != "of" {
		return
	}
	cat, ok := eventNouns[s.w(i)]
	if s.w(i) == "lives" && (s.w(i-1) == "the" && (s.w(i-2) == "claimed" || s.w(i-2) == "took" || s.w(i-2) == "claiming")) {
		cat, ok = tally.Killed, true
	}
	if !ok || s.w(i+1) != "of" {
		return
	}
	n, ok := s.numberAt(i + 2)
	if !ok {
		return
	}
	e := s.nounPhrase(n.j, 10)
	if s.w(e) == "per" || s.w(e) == "a" && s.w(e+1) == "day" || s.w(e) == "each" || s.w(e) == "every" {
		return // a rate: "21 people per day"
	}
	s.claim(found{cat: cat, n: n, who: [2]int{n.j, s.trimPhrase(n.j, e)}, whole: -1, cue: i, shot: s.w(i) == "shooting"})
}

// sentTo: "a shooting that sent four people to the hospital", "put three men in the hospital".
func (s *sent) sentTo(i int) {
	switch s.w(i) {
	case "sent", "sending", "sends", "put", "putting", "puts", "landed":
	default:
		return
	}
	n, ok := s.numberAt(i + 1)
	if !ok || s.w(i+1) == "all" {
		return
	}
	e := s.nounPhrase(n.j, 6)
	if w := s.w(e); w != "to" && w != "in" && w != "into" || !s.nearWord(e+1, 4, "hospital", "hospitals", "trauma", "emergency") {
		return
	}
	// Some of them may have died there: killed and wounded together, like "shot".
	s.claim(found{cat: tally.Casualties, n: n, who: [2]int{n.j, s.trimPhrase(n.j, e)}, whole: -1, cue: i, shot: true})
}

// left: "which has left 132 people dead", "left one person with minor injuries".
func (s *sent) left(i int) {
	if w := s.w(i); w != "left" && w != "leaving" && w != "leaves" && w != "leave" {
		return
	}
	n, ok := s.numberAt(i + 1)
	if !ok {
		return
	}
	e := s.nounPhrase(n.j, 8)
	w := s.w(e)
	var cat tally.Category
	switch {
	case w == "dead":
		cat = tally.Killed
	case w == "injured" || w == "wounded" || w == "hurt" || w == "hospitalized" || w == "hospitalised":
		cat = tally.Wounded
	case w == "with" && (s.w(e+1) == "injuries" || s.w(e+2) == "injuries" || s.w(e+3) == "injuries" || s.w(e+1) == "wounds" || s.w(e+2) == "wounds" || s.w(e+3) == "wounds"):
		cat = tally.Wounded
	default:
		// the victims phrase may have swallowed the cue: "left one man dead"
		if e > n.j {
			if c, ok := s.cueAt(e - 1); ok && (s.w(e-1) == "dead" || c.category() == tally.Wounded) {
				cat = c.category()
				e--
			}
		}
		if cat == "" {
			return
		}
	}
	s.claim(found{cat: cat, n: n, who: [2]int{n.j, s.trimPhrase(n.j, e)}, whole: -1, cue: e})
}
