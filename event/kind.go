package event

import (
	"strings"
)

// The ACLED event types tally assigns, and "Shooting" for criminal gun
// violence (which ACLED does not code).
const (
	Battles   = "Battles"
	Remote    = "Explosions/Remote violence"
	Civilians = "Violence against civilians"
	Protests  = "Protests"
	Riots     = "Riots"
	Shooting  = "Shooting"
)

// cue is a phrase that points at an event type and sub-type.
type cue struct {
	phrase   string
	typ      string
	sub      string
	weight   float64
	conflict bool // the phrase marks armed conflict (turns a shooting into a battle)
}

// cues are matched against the lower-cased title and lead, on word
// boundaries at their start ("shell" matches "shelling"). Written by hand
// after ACLED's codebook: the sub-type names are ACLED's.
var cues = []cue{
	{"drone strike", Remote, "Air/drone strike", 4, true},
	{"drone attack", Remote, "Air/drone strike", 4, true},
	{"drones struck", Remote, "Air/drone strike", 4, true},
	{"kamikaze drone", Remote, "Air/drone strike", 4, true},
	{"airstrike", Remote, "Air/drone strike", 4, true},
	{"air strike", Remote, "Air/drone strike", 4, true},
	{"air raid", Remote, "Air/drone strike", 4, true},
	{"warplane", Remote, "Air/drone strike", 3, true},
	{"bombardment", Remote, "Shelling/artillery/missile attack", 3, true},
	{"shelling", Remote, "Shelling/artillery/missile attack", 3, true},
	{"shelled", Remote, "Shelling/artillery/missile attack", 3, true},
	{"artillery", Remote, "Shelling/artillery/missile attack", 2, true},
	{"mortar", Remote, "Shelling/artillery/missile attack", 2, true},
	{"rocket", Remote, "Shelling/artillery/missile attack", 2, true},
	{"missile", Remote, "Shelling/artillery/missile attack", 2, true},
	{"suicide bomb", Remote, "Suicide bomb", 6, true},
	{"suicide attack", Remote, "Suicide bomb", 6, true},
	{"suicide-bomb", Remote, "Suicide bomb", 6, true},
	{"suicide vest", Remote, "Suicide bomb", 6, true},
	{"roadside bomb", Remote, "Remote explosive/landmine/IED", 4, true},
	{"car bomb", Remote, "Remote explosive/landmine/IED", 4, true},
	{"explosive device", Remote, "Remote explosive/landmine/IED", 4, true},
	{"ied", Remote, "Remote explosive/landmine/IED", 4, true},
	{"landmine", Remote, "Remote explosive/landmine/IED", 4, true},
	{"land mine", Remote, "Remote explosive/landmine/IED", 4, true},
	{"explosion", Remote, "Remote explosive/landmine/IED", 2, false},
	{"blast", Remote, "Remote explosive/landmine/IED", 2, false},
	{"bombing", Remote, "Remote explosive/landmine/IED", 2, false},
	{"grenade attack", Remote, "Grenade", 4, true},
	{"clashes", Battles, "Armed clash", 3, true},
	{"clashed", Battles, "Armed clash", 3, true},
	{"battle", Battles, "Armed clash", 3, true},
	{"fighting", Battles, "Armed clash", 2, true},
	{"firefight", Battles, "Armed clash", 3, true},
	{"assault", Battles, "Armed clash", 2, true},
	{"offensive", Battles, "Armed clash", 2, true},
	{"repel", Battles, "Armed clash", 3, true},
	{"ambush", Battles, "Armed clash", 3, true},
	{"attacked positions", Battles, "Armed clash", 3, true},
	{"recaptured", Battles, "Government regains territory", 3, true},
	{"captured the town", Battles, "Non-state actor overtakes territory", 3, true},
	{"massacre", Civilians, "Attack", 4, false},
	{"executed", Civilians, "Attack", 3, false},
	{"civilians", Civilians, "Attack", 1, false},
	{"villagers", Civilians, "Attack", 1, false},
	{"kidnap", Civilians, "Abduction/forced disappearance", 4, false},
	{"abduct", Civilians, "Abduction/forced disappearance", 4, false},
	{"taken hostage", Civilians, "Abduction/forced disappearance", 4, false},
	{"hostages", Civilians, "Abduction/forced disappearance", 3, false},
	{"protesters", Protests, "Excessive force against protesters", 3, false},
	{"demonstrators", Protests, "Excessive force against protesters", 3, false},
	{"protest", Protests, "Excessive force against protesters", 2, false},
	{"crackdown", Protests, "Excessive force against protesters", 2, false},
	{"riot", Riots, "Violent demonstration", 3, false},
	{"looting", Riots, "Violent demonstration", 2, false},
	{"mob", Riots, "Mob violence", 3, false},
	{"lynch", Riots, "Mob violence", 4, false},
	{"shooting", Shooting, "", 3, false},
	{"shootout", Shooting, "", 3, false},
	{"gunman", Shooting, "", 3, false},
	{"gunmen", Shooting, "", 2, false},
	{"gunfire", Shooting, "", 2, false},
	{"opened fire", Shooting, "", 2, false},
	{"shot", Shooting, "", 2, false},
	{"gunshot", Shooting, "", 2, false},
	{"shooter", Shooting, "", 3, false},
	{"murder-suicide", Shooting, "Murder-suicide", 5, false},
	{"murder suicide", Shooting, "Murder-suicide", 5, false},
	{"officer-involved", Shooting, "Officer-involved shooting", 5, false},
	{"officer involved", Shooting, "Officer-involved shooting", 5, false},
	{"police shooting", Shooting, "Officer-involved shooting", 4, false},
}

// armed lists words that mark parties to an armed conflict: with them, men
// who are "shot" are in a battle or an attack, not a crime.
var armed = []string{"troops", "soldiers", "militants", "militia", "rebels", "insurgents", "army", "military",
	"forces", "fighters", "taliban", "hamas", "hezbollah", "rsf", "farc", "jihadist", "isis", "islamic state",
	"al-shabaab", "boko haram", "guerrilla", "paramilitar", "battalion", "brigade", "regiment"}

// cueIndex maps the first three letters of a phrase's first word to the
// cues and armed-conflict words that begin so.
var cueIndex = func() map[string][]int {
	m := map[string][]int{}
	for i, c := range cues {
		m[c.phrase[:3]] = append(m[c.phrase[:3]], i)
	}
	for i, a := range armed {
		m[a[:3]] = append(m[a[:3]], len(cues)+i)
	}
	return m
}()

// cueWords holds each cue's (then each armed word's) words.
var cueWords = func() [][]string {
	var out [][]string
	for _, c := range cues {
		out = append(out, strings.Fields(c.phrase))
	}
	for _, a := range armed {
		out = append(out, strings.Fields(a))
	}
	return out
}()

// matchAt says whether a phrase's words begin at token i: every word but
// the last exactly, the last as the start of a word ("kidnap" in
// "kidnapped", "drone strike" in "drone strikes").
func matchAt(toks []tok, i int, words []string) bool {
	for k, w := range words {
		if i+k >= len(toks) || toks[i+k].punct {
			return false
		}
		low := toks[i+k].low
		if k == len(words)-1 {
			return strings.HasPrefix(low, w)
		}
		if low != w {
			return false
		}
	}
	return false
}

// classify gives the ACLED event type and sub-type of the event told in
// title and lead (tokens of the title, then of the lead): the type whose
// cues weigh most, title words twice.
func classify(title, lead []tok, killed, wounded int64) (string, string) {
	counts := map[int]float64{} // cue (or armed word) → occurrences, title twice
	for part, toks := range [][]tok{title, lead} {
		weight := 1.0
		if part == 0 {
			weight = 2
		}
		for i, t := range toks {
			if t.punct || len(t.low) < 3 {
				continue
			}
			for _, ci := range cueIndex[t.low[:3]] {
				if matchAt(toks, i, cueWords[ci]) {
					counts[ci] += weight
				}
			}
		}
	}
	score := map[string]float64{}
	sub := map[string]float64{}
	conflict := 0.0
	for ci, n := range counts {
		if ci >= len(cues) {
			conflict += n // an armed-conflict word
			continue
		}
		c := cues[ci]
		w := c.weight * min(n, 4)
		score[c.typ] += w
		if c.sub != "" {
			sub[c.typ+"\x00"+c.sub] += w
		}
		if c.conflict {
			conflict += n
		}
	}
	if conflict >= 2 && score[Shooting] > 0 {
		// soldiers shooting soldiers is a battle; gunmen shooting villagers, an attack
		if score[Civilians] > 0 {
			score[Civilians] += score[Shooting]
		} else {
			score[Battles] += score[Shooting]
			sub[Battles+"\x00Armed clash"] += score[Shooting]
		}
		delete(score, Shooting)
	}
	best, bestScore := "", 0.0
	for _, typ := range []string{Remote, Battles, Civilians, Protests, Riots, Shooting} {
		if score[typ] > bestScore {
			best, bestScore = typ, score[typ]
		}
	}
	if best == "" {
		return "", ""
	}
	bestSub, subScore := "", 0.0
	for k, v := range sub {
		typ, s, _ := strings.Cut(k, "\x00")
		if typ == best && (v > subScore || v == subScore && s < bestSub) {
			bestSub, subScore = s, v
		}
	}
	if best == Shooting && bestSub == "" && killed+wounded >= 4 {
		bestSub = "Mass shooting" // four or more shot, the Gun Violence Archive's definition
	}
	if best == Battles && bestSub == "" {
		bestSub = "Armed clash"
	}
	return best, bestSub
}
