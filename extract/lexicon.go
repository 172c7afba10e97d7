package extract

import "tally"

// The claim grammar is written by hand: no maintained Go library parses
// casualty figures, their qualifiers and their sources. Its vocabulary is here;
// its rules are in grammar.go, number.go and attrib.go.

// wordSet is one class of words. Every class is a bit in the lexicon, so a
// token's classes are looked up once, when it is made (token.f), and the
// grammar tests bits instead of hashing words again and again.
type wordSet uint64

// lexEntry is what the lexicon knows of a word: its classes and casualty use.
type lexEntry struct {
	f   uint64
	cue cue
}

var (
	lexicon = map[string]lexEntry{}
	nextSet = wordSet(1)
)

// set makes a word class of the given words.
func set(words ...string) wordSet {
	b := nextSet
	if b == 0 {
		panic("extract: more than 64 word classes")
	}
	nextSet <<= 1
	for _, w := range words {
		e := lexicon[w]
		e.f |= uint64(b)
		lexicon[w] = e
	}
	return b
}

// has says whether w belongs to the class.
func (b wordSet) has(w string) bool { return lookup(w).f&uint64(b) != 0 }

// has says whether the token belongs to the class.
func (t token) has(b wordSet) bool { return t.f&uint64(b) != 0 }

// is says whether token i of the sentence belongs to the class.
func (s *sent) is(i int, b wordSet) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].f&uint64(b) != 0
}

// cueAt returns the casualty use of token i.
func (s *sent) cueAt(i int) (cue, bool) {
	if i < 0 || i >= len(s.toks) {
		return cue{}, false
	}
	c := s.toks[i].cue
	return c, c.kind != 0
}

// lookupCue returns the casualty use of a word.
func lookupCue(w string) (cue, bool) {
	c := lookup(w).cue
	return c, c.kind != 0
}

func init() {
	for w, c := range cues {
		e := lexicon[w]
		e.cue = c
		lexicon[w] = e
	}
	buildLexTable()
}

// The lexicon is complete once the package is initialised; from then on it is
// read through lexSlots, an open-addressing hash table, because tokenizing
// looks up nearly every word and a Go map lookup (hashing, control-group
// match) was a third of the tokenizer's time. A word of up to seven bytes is
// recognised by its key alone (its bytes and length packed in an integer),
// without reading the string; key and classes share a 16-byte slot, so a
// look-up mostly reads one cache line of a 64 KB table.
const lexBits = 12

type lexSlot struct {
	key uint64 // 0: empty
	f   uint64
}

var (
	lexSlots [1 << lexBits]lexSlot
	lexCues  [1 << lexBits]cue
	lexWords [1 << lexBits]string // to tell apart words of eight bytes or more
	lexReady bool                 // the table is built
)

func buildLexTable() {
	if len(lexicon) > len(lexSlots)*3/5 {
		panic("extract: the lexicon outgrew its table")
	}
	for w, e := range lexicon {
		if w == "" {
			panic("extract: an empty word in the lexicon")
		}
		k, i := lexKey(w)
		for lexSlots[i].key != 0 {
			i = (i + 1) & (len(lexSlots) - 1)
		}
		lexSlots[i], lexCues[i], lexWords[i] = lexSlot{k, e.f}, e.cue, w
	}
	lexReady = true
}

// lookup returns what the lexicon knows of w (nothing: the zero entry).
func lookup(w string) lexEntry {
	if !lexReady {
		return lexicon[w] // during package initialisation
	}
	k, i := lexKey(w)
	for {
		sl := &lexSlots[i]
		switch sl.key {
		case 0:
			return lexEntry{}
		case k:
			if len(w) < 8 || lexWords[i] == w {
				return lexEntry{sl.f, lexCues[i]}
			}
		}
		i = (i + 1) & (len(lexSlots) - 1)
	}
}

// lexKey returns a word's key and its slot in the table. The key of a word
// shorter than eight bytes is its bytes and its length; a longer word's has
// all top bits set and 56 bits of hash.
func lexKey(w string) (key uint64, slot int) {
	n := len(w)
	switch {
	case n >= 8:
		h := (load64(w[:8]) ^ load64(w[n-8:])*0xff51afd7ed558ccd ^ uint64(n)) * 0x9e3779b97f4a7c15
		key = 0xff<<56 | h>>8
	case n >= 4:
		key = uint64(load32(w[:4])) | uint64(load32(w[n-4:]))<<(8*(n-4)) | uint64(n)<<56
	default:
		for i := 0; i < n; i++ {
			key |= uint64(w[i]) << (8 * i)
		}
		key |= uint64(n) << 56
	}
	return key, int((key * 0x9e3779b97f4a7c15) >> (64 - lexBits))
}

func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// cueKind is how a casualty word takes its number.
type cueKind uint8

const (
	cuePassive cueKind = 1 << iota // "21 soldiers (were) killed", "19 dead"
	cueIntrans                     // "28 die", "seven died"
	cueActive                      // "killed 21 soldiers", "wounding 47 others"
	cueNoun                        // "3,000 casualties", "90 civilian deaths"
)

// cue is what a casualty word means.
type cue struct {
	cat  uint8 // index in categories
	kind cueKind
}

// categories are the categories a cue can name, by index (0 is none).
var categories = [...]tally.Category{"", tally.Killed, tally.Wounded, tally.Casualties, tally.Captured, tally.Missing}

// category returns the cue's category.
func (c cue) category() tally.Category { return categories[c.cat] }

// mk makes a cue of a category and its uses.
func mk(cat tally.Category, kind cueKind) cue {
	for i, c := range categories {
		if c == cat {
			return cue{uint8(i), kind}
		}
	}
	panic("extract: unknown category " + cat)
}

// cues maps casualty words to their category and use. A word may serve
// several uses: "killed" is both passive ("21 were killed") and active
// ("killed 21").
var cues = map[string]cue{
	"killed":       mk(tally.Killed, cuePassive|cueActive),
	"kill":         mk(tally.Killed, cueActive),
	"kills":        mk(tally.Killed, cueActive),
	"killing":      mk(tally.Killed, cueActive),
	"dead":         mk(tally.Killed, cuePassive|cueNoun),
	"slain":        mk(tally.Killed, cuePassive),
	"slew":         mk(tally.Killed, cueActive),
	"murdered":     mk(tally.Killed, cuePassive|cueActive),
	"murdering":    mk(tally.Killed, cueActive),
	"massacred":    mk(tally.Killed, cuePassive|cueActive),
	"executed":     mk(tally.Killed, cuePassive|cueActive),
	"eliminated":   mk(tally.Killed, cuePassive|cueActive),
	"eliminating":  mk(tally.Killed, cueActive),
	"neutralized":  mk(tally.Killed, cuePassive|cueActive),
	"neutralised":  mk(tally.Killed, cuePassive|cueActive),
	"neutralizing": mk(tally.Killed, cueActive),
	"liquidated":   mk(tally.Killed, cuePassive|cueActive),
	"died":         mk(tally.Killed, cueIntrans),
	"deceased":     mk(tally.Killed, cuePassive),
	"die":          mk(tally.Killed, cueIntrans),
	"dies":         mk(tally.Killed, cueIntrans),
	"dying":        mk(tally.Killed, cueIntrans), // "one boy dying at the scene and three others hospitalized"
	"perished":     mk(tally.Killed, cueIntrans),
	"deaths":       mk(tally.Killed, cueNoun),
	"fatalities":   mk(tally.Killed, cueNoun),
	"bodies":       mk(tally.Killed, cueNoun),
	"corpses":      mk(tally.Killed, cueNoun),
	"wounded":      mk(tally.Wounded, cuePassive|cueActive|cueNoun),
	"wound":        mk(tally.Wounded, cueActive),
	"wounding":     mk(tally.Wounded, cueActive),
	"injured":      mk(tally.Wounded, cuePassive|cueActive|cueNoun),
	"injure":       mk(tally.Wounded, cueActive),
	"injuring":     mk(tally.Wounded, cueActive),
	"injures":      mk(tally.Wounded, cueActive),
	"wounds":       mk(tally.Wounded, cueActive),
	"injuries":     mk(tally.Wounded, cueNoun),
	"hurt":         mk(tally.Wounded, cuePassive),
	"hospitalized": mk(tally.Wounded, cuePassive),
	"hospitalised": mk(tally.Wounded, cuePassive),
	"grazed":       mk(tally.Wounded, cuePassive), // "3 others were grazed by bullets"
	"critical":     mk(tally.Wounded, cuePassive), // "One dead, two critical"
	"casualties":   mk(tally.Casualties, cueNoun),
	"losses":       mk(tally.Casualties, cueNoun),
	"captured":     mk(tally.Captured, cuePassive|cueActive),
	"capturing":    mk(tally.Captured, cueActive),
	"kidnapped":    mk(tally.Captured, cuePassive|cueActive),
	"kidnapping":   mk(tally.Captured, cueActive),
	"abducted":     mk(tally.Captured, cuePassive|cueActive),
	"abducting":    mk(tally.Captured, cueActive),
	"missing":      mk(tally.Missing, cuePassive),
}

// restrictedNouns count only with a capture verb nearby ("took 20 hostages",
// not "swapped two hostages").
var restrictedNouns = map[string]tally.Category{
	"hostages": tally.Captured, "hostage": tally.Captured, "prisoners": tally.Captured, "captives": tally.Captured,
}

// takeVerbs take hostages and prisoners.
var takeVerbs = set("took", "take", "takes", "taking", "taken", "holding", "held", "hold", "holds", "seized",
	"seizing", "kidnapped", "captured", "abducted")

// tollWords head a running figure: "the death toll rose to 21".
var tollWords = map[string]tally.Category{
	"toll": tally.Killed,
}

// tollModifiers precede "toll" and set its category.
var tollModifiers = map[string]tally.Category{
	"death": tally.Killed, "casualty": tally.Casualties, "injury": tally.Wounded, "fatality": tally.Killed,
}

// tollAndCount are words that open a figure without a casualty word of their own.
var tollAndCount = set("toll", "number", "left", "leaving", "leaves", "lives", "taken", "held", "seized", "blew",
	"blown", "shot", "lost", "sent", "sending", "sends", "put", "putting", "puts", "landed", "suffered", "sustained",
	"received", "suffering", "sustaining", "receiving")

// eventNouns take "of" and a count: "the deaths of four members", "the capture of two soldiers".
var eventNouns = map[string]tally.Category{
	"deaths": tally.Killed, "death": tally.Killed, "killing": tally.Killed, "killings": tally.Killed,
	"murder": tally.Killed, "murders": tally.Killed, "capture": tally.Captured, "abduction": tally.Captured,
	"shooting":   tally.Casualties,
	"kidnapping": tally.Captured, "injuries": tally.Wounded, "injury": tally.Wounded,
}

// countNouns: "the number of dead rose to 12".
var numberOfWords = map[string]tally.Category{
	"dead": tally.Killed, "deaths": tally.Killed, "killed": tally.Killed, "fatalities": tally.Killed,
	"wounded": tally.Wounded, "injured": tally.Wounded, "injuries": tally.Wounded, "casualties": tally.Casualties,
	"victims": tally.Killed, "missing": tally.Missing, "hostages": tally.Captured,
}

// auxiliaries may stand between a subject and its casualty word:
// "were reportedly killed", "have been confirmed dead", "are feared dead".
var auxiliaries = set("was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will", "would",
	"may", "might", "could", "also", "all", "both", "reportedly", "reported", "later", "now", "since", "already",
	"confirmed", "believed", "feared", "presumed", "thought", "said", "known", "to", "likely", "each", "then",
	"allegedly", "apparently", "officially", "initially", "subsequently", "eventually", "immediately", "instantly",
	"tragically", "fatally", "seriously", "critically", "badly", "severely", "slightly", "mortally", "among",
	"not", "never", "shot", "and", "just", "only", "ultimately", "yet", "still", "so", "far", "remain", "remains",
	"remained", "stay", "stayed", "found")

// verbAux are the auxiliaries that are verbs: a victims phrase ends before them.
var verbAux = set("was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will", "would", "may",
	"might", "could", "to", "remain", "remains", "remained", "stay", "stayed", "continue", "continued", "include",
	"includes", "included", "lay", "lie", "lies")

// passiveTails follow "taken"/"held": "taken hostage", "taken prisoner", "held captive".
var passiveTails = map[string]tally.Category{
	"hostage": tally.Captured, "hostages": tally.Captured, "prisoner": tally.Captured, "prisoners": tally.Captured,
	"captive": tally.Captured, "captives": tally.Captured,
}

// casualtyPairs are "killed or wounded" and its kin: together they mean casualties.
var casualtyPairs = set("killed", "dead", "wounded", "injured")

// reportVerbs introduce who states a figure.
var reportVerbs = set("said", "says", "say", "told", "tells", "tell", "reported", "reports", "report", "claimed",
	"claims", "claim", "announced", "announces", "announce", "stated", "confirmed", "confirms",
	"confirm", "estimated", "estimates", "estimate", "added", "adds", "alleged", "alleges", "acknowledged",
	"determines", "concluded", "concludes", "found",
	"acknowledges", "admitted", "admits", "documented", "documents", "noted", "notes", "revealed", "reveals",
	"determined", "concurred", "believe", "believes", "wrote", "writes", "tweeted", "posted", "insisted",
	"indicated", "gave", "gives", "explained", "warned", "suggested", "suggesting", "asserted", "put", "puts", "counted",
	"recorded", "registered", "listed", "disclosed", "spoke", "testified", "briefed", "according", "citing", "quoted", "cited")

// reportNouns are sources by nature: "a statement", "reports".
var reportNouns = set("statement", "statements", "report", "reports", "sources", "source", "officials", "media",
	"authorities", "police", "spokesman", "spokeswoman", "spokesperson", "ministry", "agency")

// pronouns cannot name a claimant on their own; they are resolved to the last one named.
var pronouns = set("he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "officials")

// determiners open a noun phrase.
var determiners = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
	"my", "your", "some", "all", "both", "each", "every", "another", "other", "such")

// prepositions that may sit inside a victim phrase: "civilians in Gaza", "members of his family".
var npPrepositions = set("of", "in", "from", "at", "on", "near", "inside", "outside", "across", "aboard",
	"including", "among", "within", "around")

// stopWords end a victim phrase.
var clauseWords = set("who", "whom", "which", "that", "when", "while", "after", "before", "as", "because",
	"since", "until", "where", "if", "but", "though", "although", "whereas", "during", "despite", "and", "or",
	"nor", "than", "by", "for", "with", "without", "into", "to", "over", "under", "through", "via", "per")

// timeWords are dates and times, which never count people.
var monthWords = set("jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
	"jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec",
	"december")

// unitWords after a number make it a measure, not a head count.
var unitWords = set("percent", "per", "%", "km", "kilometers", "kilometres", "kilometer", "kilometre", "miles",
	"mile", "yards", "yard", "meters", "metres", "meter", "metre", "feet", "foot", "ft", "inches", "inch", "hours",
	"hour", "minutes", "minute", "seconds", "second", "days", "day", "weeks", "week", "months", "month", "years",
	"year", "decades", "decade", "times", "rounds", "round", "shots", "bullets", "bullet", "am", "pm",
	"a.m", "p.m", "gmt", "utc", "o'clock", "mph", "kg", "pounds", "tons", "tonnes", "dollars", "euros", "cents",
	"million-dollar", "billion", "trillion", "points", "point", "degrees", "calibre", "caliber", "mm", "cm",
	"acres", "hectares", "floors", "storey", "stories", "block", "blocks", "gunshot", "gunshots", "vehicles",
	"cars", "trucks", "buses", "tanks", "aircraft", "planes", "helicopters", "drones", "missiles", "rockets",
	"shells", "bombs", "rifles", "guns", "weapons", "homes", "houses", "buildings", "cities", "towns", "villages",
	"sites", "locations", "attacks", "strikes", "raids", "incidents", "shootings", "scenarios", "packages",
	"votes", "seats", "tunnels", "shots-fired", "counts", "charges", "count", "yards-long")

// streetWords after a number and a name make an address: "608 Savage Road".
var streetWords = set("street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "drive", "dr", "lane",
	"ln", "way", "court", "ct", "place", "pl", "rue", "highway", "hwy", "parkway", "pkwy", "circle", "terrace",
	"trail", "pike", "square", "plaza", "route", "block", "north", "south", "east", "west")

// cueOf returns the casualty use of token i (the zero cue if none).
func (s *sent) cueOf(i int) cue {
	c, _ := s.cueAt(i)
	return c
}
