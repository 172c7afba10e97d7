package extract

import (
	"slices"
	"sort"
	"strconv"

	"tally"
)

// continuations give a figure with no casualty word of its own the category
// of a claim before it in the sentence:
//
//	"including 80 people in life-threatening condition and 177 in somewhat critical condition"
//	"16 of them were militants and at least nine were children"
//	"352 were injured, at least 99 seriously"
//	"Eight assailants were killed, seven when they detonated their belts, and one when ..."
//	"Three Chileans also were killed, as were two people from Belgium, two from Mexico"
func (s *sent) continuations() {
	for k := range s.nums {
		n, ok := s.numberAt(s.nums[k].i)
		if !ok || n.qual == tally.Vague {
			continue
		}
		prev := s.lastFindBefore(n.i)
		if prev < 0 {
			continue
		}
		p := s.finds[prev]
		if n.i-p.n.j > 16 {
			continue
		}
		e := s.nounPhrase(n.j, 8)
		who := [2]int{n.j, s.trimPhrase(n.j, e)}
		before := s.w(n.i - 1)
		if s.fatalNear(n.j) {
			p.cat = tally.Killed // "four people were shot, one of them fatally"
		}
		switch {
		case before == "including":
			s.claim(found{cat: p.cat, n: n, who: who, whole: prev, cue: p.cue, agent: p.agent})
		case s.w(n.j) == "of" && (s.w(n.j+1) == "them" || s.w(n.j+1) == "whom" || s.w(n.j+1) == "those" || s.w(n.j+1) == "these") &&
			(s.is(n.j+2, verbAux) || s.w(n.j+2) == "," || s.cueOf(n.j+2).kind != 0 || s.fatalNear(n.j+2)):
			w := [2]int{n.j, n.j + 2}
			if s.w(n.j+2) == "were" || s.w(n.j+2) == "was" {
				e2 := s.nounPhrase(n.j+3, 6)
				w = [2]int{n.j + 3, s.trimPhrase(n.j+3, e2)}
			}
			s.claim(found{cat: p.cat, n: n, who: w, whole: prev, cue: p.cue, agent: p.agent})
		case before == "," || before == "and" || before == "were" && s.w(n.i-2) == "as" || before == "did" && s.w(n.i-2) == "as":
			if e-n.j > 4 || !s.ellipsisEnds(e) {
				continue // "One dead, two critical following mysterious night of violence" is no list
			}
			whole := p.whole
			if before == "," && p.whole < 0 && !s.inList(n.i) {
				whole = prev
			}
			s.claim(found{cat: p.cat, n: n, who: who, whole: whole, cue: p.cue, agent: p.agent})
		}
	}
}

// fatalNear says whether "fatally" or "mortally" follows a figure closely.
func (s *sent) fatalNear(j int) bool {
	for k := j; k < len(s.toks) && k < j+4; k++ {
		if w := s.w(k); w == "fatally" || w == "mortally" {
			return true
		}
		if s.toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// lastFindBefore returns the claim of this sentence whose figure ends last before token i.
func (s *sent) lastFindBefore(i int) int {
	best, at := -1, -1
	for k, f := range s.finds {
		if f.n.j <= i && f.n.j > at {
			best, at = k, f.n.j
		}
	}
	return best
}

// inList says whether the figure at i is one of several after "as were" or "including".
func (s *sent) inList(i int) bool {
	for k := i - 1; k >= 0 && k >= i-20; k-- {
		switch s.w(k) {
		case "including", "as":
			return true
		case ".", ";":
			return false
		}
	}
	return false
}

// ellipsisEnds says whether what follows an elided figure ends its clause:
// the sentence end, a comma, a preposition, a subordinate clause, an adverb
// of degree, or a copula with a noun ("were children").
func (s *sent) ellipsisEnds(e int) bool {
	w := s.w(e)
	switch {
	case e >= len(s.toks), w == "," || w == ";" || w == "." || w == "-" || w == ")":
		return true
	case w == "when" || w == "while" || w == "after" || w == "as" || w == "before" || w == "in" || w == "on" ||
		w == "at" || w == "from" || w == "near" || w == "outside" || w == "inside" || w == "during" || w == "by":
		return true
	case w == "seriously" || w == "critically" || w == "severely" || w == "badly" || w == "fatally" || w == "more" || w == "others":
		return true
	case w == "were" || w == "was":
		if v := s.w(e + 1); len(v) > 4 && v[len(v)-2:] == "ed" && s.cueOf(e+1).kind == 0 {
			return false // "and two others were detained": a verb of their own
		}
		k := s.nounPhrase(e+1, 6)
		return k > e+1 && (k >= len(s.toks) || s.toks[k].kind == tPunct || s.w(k) == "and")
	}
	return false
}

// ordinals: "a fourth was shot dead by police", "another was killed".
func (s *sent) ordinals() {
	for i := 0; i+1 < len(s.toks); i++ {
		if s.w(i) != "a" && s.w(i) != "another" && s.w(i) != "the" {
			continue
		}
		j := i + 1
		if s.w(i) != "another" || !s.is(j, ordinalWords) {
			if !s.is(j, ordinalWords) {
				continue
			}
		}
		k := s.auxChain(j + 1)
		cat, _, _, ok := s.passiveCue(k)
		if !ok || s.used[j] {
			continue
		}
		n := number{i: i, ni: j, j: j + 1, low: 1, high: 1, qual: tally.Exact}
		s.claim(found{cat: cat, n: n, who: [2]int{i, j + 1}, whole: -1, cue: k, derived: tally.Implicit, singular: true})
	}
}

// parentNouns head "father of three": a count of children, not of victims.
var parentNouns = set("father", "mother", "dad", "mom", "parent", "parents", "grandmother", "grandfather",
	"grandparent", "grandparents", "grandma", "grandpa", "mum")

var ordinalWords = set("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")

// excluded says whether a figure cannot count people: a date, year, time,
// age, address, measure, money, percentage, channel name or phone number.
func (s *sent) excluded(n number) bool {
	t := s.toks[n.ni]
	next, prev := s.w(n.j), s.w(n.i-1)
	if s.is(n.j, unitWords) || next == "year-old" || next == "years-old" || next == "-year-old" {
		return true
	}
	switch prev {
	case "$", "€", "£", "#", "no", "number", "page", "route", "highway", "interstate", "apt", "apartment",
		"suite", "room", "unit", "flight", "gate", "exit", "ward", "precinct", "section", "article", "chapter",
		"episode", "season", "aged", "age", "ages", "channel", "fox", "cbs", "abc", "nbc", "cnn", "wsb", "kare",
		"news", "radio", "station", "level", "grade", "class", "size", "version", "phase", "mile", "code", "box",
		"i", "us", "sr", "pier", "act", "item", "line", "lane", "bus", "train", "car", "model", "type", "category":
		if prev == "us" && !s.toks[n.i-1].cap {
			break
		}
		if prev == "news" || prev == "radio" || prev == "line" || prev == "lane" || prev == "car" || prev == "bus" || prev == "train" {
			if !s.toks[n.i-1].cap {
				break
			}
		}
		return true
	case ":":
		if n.i >= 2 && s.toks[n.i-2].kind == tNum {
			return true // "8:20"
		}
	}
	if next == ":" && n.j+1 < len(s.toks) && s.toks[n.j+1].kind == tNum {
		return true // "8:20"
	}
	// Dates: "Jan. 11", "January 6", "2 Oct 88", "on 22 November".
	if s.is(n.i-1, monthWords) || prev == "." && s.is(n.i-2, monthWords) {
		return true
	}
	if s.is(n.j, monthWords) && (next != "may" || n.j+1 >= len(s.toks) || s.toks[n.j+1].kind == tNum || s.toks[n.j+1].kind == tPunct) {
		return true
	}
	if t.kind == tNum && n.qual == tally.Exact && len(t.w) == 4 && n.low >= 1800 && n.low <= 2099 {
		return true // a year
	}
	// Ages after a name: "John Smith, 34, died", "and Jerry Coleman, 31 all died".
	if prev == "," && n.i >= 2 && s.toks[n.i-2].cap && n.low < 120 && t.kind == tNum {
		switch next {
		case "", ",", ")", ";", ".", "all", "and", "was", "were", "is", "are", "had", "has", "died", "of":
			return true
		}
	}
	// "a father of 3 fatally shot": his children, not victims.
	if prev == "of" && parentNouns.has(s.w(n.i-2)) {
		return true
	}
	if prev == "(" && next == ")" && n.low < 120 {
		return true
	}
	// Addresses: "608 Savage Road", "92 rue de Charonne", "the 2500 block of".
	if t.kind == tNum && n.qual == tally.Exact {
		for k := n.j; k < len(s.toks) && k < n.j+3; k++ {
			if s.is(k, streetWords) && (k > n.j || s.w(k) == "rue" || s.w(k) == "block") {
				return true
			}
			if !s.toks[k].cap {
				break
			}
		}
	}
	// Phone numbers: "554-1111".
	if t.kind == tWord && len(t.w) == 8 && t.w[3] == '-' {
		if _, err := strconv.Atoi(t.w[4:]); err == nil {
			return true
		}
	}
	return false
}

// personNouns head phrases that count one person when singular.
var personNouns = set("man", "woman", "boy", "girl", "child", "teen", "teenager", "person", "victim", "soldier",
	"officer", "worker", "medic", "civilian", "resident", "student", "driver", "passenger", "suspect", "gunman",
	"attacker", "assailant", "mother", "father", "son", "daughter", "brother", "sister", "wife", "husband", "baby",
	"infant", "toddler", "member", "journalist", "reporter", "guard", "policeman", "policewoman", "trooper",
	"deputy", "agent", "american", "citizen", "fighter", "militant", "commander", "employee", "customer",
	"bystander", "pedestrian", "neighbor", "neighbour", "friend", "girlfriend", "boyfriend", "youth", "juvenile",
	"adult", "individual", "male", "female", "shooter", "robber", "clerk", "owner", "security", "marine",
	"sailor", "airman", "pilot", "doctor", "nurse", "teacher", "pastor", "priest", "cousin", "uncle", "aunt",
	"grandmother", "grandfather", "nephew", "niece", "stepfather", "stepson", "homeowner", "tenant", "guest",
	"hostage", "inmate", "prisoner", "detainee", "protester", "demonstrator", "firefighter", "paramedic",
	"dispatcher", "sergeant", "lieutenant", "captain", "corporal", "private", "contractor", "aid", "official",
	"leader", "senator", "mayor", "president", "minister", "spokesman", "relative", "partner", "roommate",
	"co-worker", "coworker", "classmate", "shopper", "patron", "motorist", "cyclist", "jogger", "sheriff",
	"constable", "ranger", "veteran", "guardsman", "terrorist", "militiaman", "insurgent", "rebel", "guerrilla")

// isPersonPhrase says whether a phrase's head noun is a person.
func isPersonPhrase(toks []token) bool {
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].kind == tWord && !toks[k].has(npPrepositions) {
			if toks[k].has(personNouns) {
				return true
			}
			if k > 0 && toks[k-1].has(npPrepositions) {
				continue // "worker in Kabul": look at the word before the preposition
			}
			return false
		}
	}
	return false
}

// sortFinds orders the finds of a sentence by position, keeping "whole" links right.
func sortFinds(f []found) {
	if slices.IsSortedFunc(f, func(a, b found) int { return a.n.ni - b.n.ni }) {
		return // the usual case: found in order
	}
	idx := make([]int, len(f))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return f[idx[a]].n.ni < f[idx[b]].n.ni })
	pos := make([]int, len(f))
	for newI, oldI := range idx {
		pos[oldI] = newI
	}
	sorted := make([]found, len(f))
	for newI, oldI := range idx {
		x := f[oldI]
		if x.whole >= 0 {
			x.whole = pos[x.whole]
		}
		sorted[newI] = x
	}
	copy(f, sorted)
}
