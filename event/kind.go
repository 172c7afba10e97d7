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

// classify gives the ACLED event type and sub-type of the event told in
// title and lead: the type whose cues weigh most (title words twice).
func classify(title, lead string, killed, wounded int64) (string, string) {
	t, l := strings.ToLower(title), strings.ToLower(lead)
	starts := wordStarts(t, l)
	score := map[string]float64{}
	sub := map[string]float64{}
	conflict := 0.0
	for _, c := range cues {
		if !starts.has(c.phrase) {
			continue
		}
		n := float64(2*count(t, c.phrase) + count(l, c.phrase))
		if n == 0 {
			continue
		}
		w := c.weight * min(n, 4)
		score[c.typ] += w
		if c.sub != "" {
			sub[c.typ+"\x00"+c.sub] += w
		}
		if c.conflict {
			conflict += n
		}
	}
	for _, a := range armed {
		if starts.has(a) {
			conflict += float64(2*count(t, a) + count(l, a))
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

// count counts the occurrences of phrase in s that start a word.
func count(s, phrase string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(s[i:], phrase)
		if j < 0 {
			return n
		}
		at := i + j
		if at == 0 || !isWordByte(s[at-1]) {
			n++
		}
		i = at + len(phrase)
	}
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }

// trigrams marks the first three letters of the words of some texts, so
// that phrases none of whose possible starts occur are skipped without a
// search.
type trigrams [(26*26*26 + 63) / 64]uint64

func trigramOf(a, b, c byte) (int, bool) {
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' || c < 'a' || c > 'z' {
		return 0, false
	}
	return (int(a-'a')*26+int(b-'a'))*26 + int(c-'a'), true
}

// wordStarts records the trigrams that begin words of the lower-cased texts.
func wordStarts(texts ...string) *trigrams {
	var t trigrams
	for _, s := range texts {
		for i := 0; i+2 < len(s); i++ {
			if i > 0 && isWordByte(s[i-1]) {
				continue
			}
			if k, ok := trigramOf(s[i], s[i+1], s[i+2]); ok {
				t[k/64] |= 1 << (k % 64)
			}
		}
	}
	return &t
}

// has says whether a phrase may occur: its first three letters begin a
// word. Phrases that do not start with three letters always may.
func (t *trigrams) has(phrase string) bool {
	if len(phrase) < 3 {
		return true
	}
	k, ok := trigramOf(phrase[0], phrase[1], phrase[2])
	return !ok || t[k/64]&(1<<(k%64)) != 0
}
