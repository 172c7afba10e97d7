package event

import (
	"iter"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"tally"
	"tally/geo"
)

// mention is a place named in the text and what the gazetteer makes of it.
type mention struct {
	text       string // as written: "Kursk region", "BASTROP"
	start, end int    // byte offsets in the document text
	cands      []geo.Place
	qualifier  []geo.Place // the state or country after a comma: "Paris, Texas"
	strong     bool        // after a place preposition, in a dateline or with a qualifier
	dateline   bool
	origin     bool       // where someone is from: "a Louisiana man"
	cityPart   bool       // after a direction word: "Northeast Washington" is a city's part, so a city
	settlement bool       // named as a settlement: "the suburb of Katy", "the town of Bokoshe"
	local      bool       // a neighbourhood's name: "the Bridgeport neighborhood"
	unknown    bool       // not in the gazetteer ("the village of Makhnovka")
	host       bool       // read from the outlet's web address ("abc7chicago.com")
	place      *geo.Place // the chosen reading (for an unknown place: the region it is in)
	weight     float64    // how much the mention says about the main event
}

// placePrepositions introduce a place: "in Kabul", "near Sudzha", "outside Kabul airport".
var placePrepositions = map[string]bool{"in": true, "near": true, "at": true, "outside": true, "from": true,
	"across": true, "into": true, "to": true, "around": true, "toward": true, "towards": true, "throughout": true,
	"within": true, "inside": true, "of": true, "between": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "north": true, "south": true, "east": true,
	"west": true, "northeast": true, "northwest": true, "southeast": true, "southwest": true, "downtown": true}

// unitWords follow a name to make a region: "the Kursk region", "Idlib province".
var unitWords = map[string]bool{"region": true, "oblast": true, "province": true, "governorate": true,
	"state": true, "district": true, "krai": true, "county": true, "parish": true, "territory": true, "strip": true}

// connectors may sit inside a multi-word place name: "Rio de Janeiro". ("and",
// "of" and "on" would join names that follow each other: "Los Angeles on Wednesday".)
var connectors = map[string]bool{"de": true, "del": true, "da": true, "do": true, "la": true, "el": true,
	"al": true, "upon": true}

// notPlaces are capitalised words the gazetteer knows as some town that in
// news text are nearly always something else; they count as places only
// with a qualifier ("Police, Poland").
var notPlaces = map[string]bool{"police": true, "man": true, "home": true, "best": true, "university": true,
	"college": true, "school": true, "church": true, "street": true, "hospital": true, "union": true,
	"liberty": true, "justice": true, "commerce": true, "victoria": true, "florence": true, "mary": true,
	"james": true, "john": true, "george": true, "chase": true, "bank": true,
	"sheriff": true, "jail": true, "court": true, "city": true, "county": true, "state": true, "center": true,
	"centre": true, "north": true, "south": true, "east": true, "west": true, "march": true, "may": true,
	"june": true, "july": true, "august": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "april": true, "january": true, "monday": true, "sunday": true,
	"friday": true, "saturday": true, "tuesday": true, "wednesday": true, "thursday": true, "news": true,
	"media": true, "people": true, "army": true, "forces": true, "special": true, "operations": true,
	"national": true, "guard": true, "republic": true, "democratic": true, "free": true, "first": true,
	"lead": true, "live": true, "update": true, "breaking": true, "officials": true, "said": true,
	"minister": true, "president": true, "general": true, "gen": true, "colonel": true, "mr": true, "mrs": true,
	"ms": true, "dr": true, "east side": true, "west side": true, "north side": true, "south side": true,
	"cathedral": true, "reading": true, "male": true, "female": true, "christmas": true, "easter": true,
	"thanksgiving": true, "halloween": true, "early": true, "many": true, "central": true, "central business district": true, "northwest": true, "northeast": true, "southwest": true, "southeast": true,
	"side": true, "officer": true, "one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true, "hub": true, "metro": true, "sergeant": true, "detective": true, "trooper": true, "islamic": true, "front": true, "party": true, "division": true, "regiment": true,
	"brigade": true, "battalion": true, "photo": true, "video": true, "image": true}

// findMentions finds the place names of a text: runs of capitalised words
// (with "de", "al", "and" … inside and a unit word after: "Kursk region"),
// looked up longest first; datelines ("BASTROP, Texas (EWS) -") at the start
// of the body; qualifiers after a comma ("Paris, Texas", "Hermitage, Tenn.").
func findMentions(g *geo.Gazetteer, text string, toks []tok, bodyStart int, people map[string]bool) []mention {
	cache := newLookups()
	out := make([]mention, 0, 8)
	// a headline in title case capitalises every word: names inside longer
	// capitalised runs are read there ("Shooting In Chicago Leaves 2 Dead")
	titleEnd := 0
	for titleEnd < len(toks) && toks[titleEnd].start < bodyStart {
		titleEnd++
	}
	headlineCase := titleCase(toks[:titleEnd])
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.punct || !t.cap {
			i++
			continue
		}
		if lw := t.low; runOpeners[lw] && i+1 < len(toks) && toks[i+1].cap && !toks[i+1].punct {
			i++ // "The Las Vegas Metropolitan Police", "In Kabul, ...": a capitalised function word opens no name
			continue
		}
		if streetIntro(toks, i) {
			i++ // "the 4500 block of South Wolcott", "the corner of Force and Crown": streets
			for i < len(toks) && (toks[i].cap || toks[i].low == "and") && !toks[i].punct {
				i++
			}
			continue
		}
		// the run of capitalised words starting at i
		j := i + 1
		for j < len(toks) && j-i < 6 {
			u := toks[j]
			if u.punct || u.cap && u.is(cRunOpeners) && !u.is(cConnectors) {
				break // "... EDT The Las Vegas ...", "Shooting In Chicago": a new name begins
			}
			if prev := toks[j-1]; prev.upper && len(prev.w) <= 4 && !u.upper {
				break // "3:56 PM EDT Las Vegas": a time zone or an acronym ends a name
			}
			if u.cap || u.is(cConnectors) && j+1 < len(toks) && toks[j+1].cap && !toks[j+1].punct {
				j++
				continue
			}
			break
		}
		if j < len(toks) && toks[j].is(cUnitWords) && !toks[j].cap {
			j++ // "Kursk region"
		}
		found := false
		localUnit := j < len(toks) && toks[j].is(cLocalUnits) // "the Bridgeport neighborhood"
		for a := i; a < j; {
			m, b, ok := county(g, cache, text, toks, a, j)
			isCounty := ok
			if !ok {
				m, b, ok = longest(g, cache, text, toks, a, j)
			}
			if !ok {
				a++
				continue
			}
			if !placeInRun(toks, i, a, b, j, m, isCounty, headlineCase && m.start < bodyStart) ||
				isAcronym(toks[a], b-a) && !(m.start >= bodyStart && m.start <= bodyStart+2) && !isCountry(m.cands) {
				a = b // "NIS" is an agency, not Niš
				continue
			}
			if a == b-1 && headlineCase && m.start < bodyStart && commonWord(text[bodyStart:], toks[a].w) {
				a = b // a word every title-case headline capitalises: "Teen Charged With Friend's Shooting Death"
				continue
			}
			if a == b-1 && b <= titleEnd && onlyPunct(toks[b:titleEnd]) && truncated(text, toks[a], bodyStart) {
				a = b // a headline cut short: "… accidental shooting in Shreve" for Shreveport
				continue
			}
			if b == a+1 && people[geo.Normalize(toks[a].w)] && len(qualifierAfter(g, text, toks, b)) == 0 {
				a = b // "police said Clark contacted ...": a person the report names
				continue
			}
			agency := b < len(toks) && toks[b].is(cAgencyWords) // "Chattanooga Police", "Harris County Sheriff"
			facility, _ := hasFacilityWord(toks[b:j])
			inFacility := facility && !agency && !(b < j && toks[b].is(cTownFacilities))
			found = true
			event := b < len(toks) && toks[b].is(cEventWords) // "Helena shooting victim identified"
			m.strong = !inFacility && (afterPlacePrep(toks, a) && (!afterWeakPrep(toks, a) || prominent(m.cands)) || agency || event)
			lineStart := m.start == bodyStart || m.start > 0 && text[m.start-1] == '\n'
			m.dateline = lineStart && m.start >= bodyStart && (toks[a].upper || b < len(toks) && toks[b].w == ",") &&
				b < len(toks) && (toks[b].w == "," || toks[b].w == "(" || toks[b].w == "—" || toks[b].w == "–" || toks[b].w == "-")
			m.qualifier = qualifierAfter(g, text, toks, b)
			m.strong = m.strong || m.dateline || len(m.qualifier) > 0
			m.origin = b < len(toks) && toks[b].is(cPersonWords) // "a Louisiana man"
			m.settlement = a > 1 && strings.EqualFold(toks[a-1].w, "of") && toks[a-2].is(cSettlementWords)
			m.cityPart = a > i && onlyDirections(toks[i:a]) || a > 0 && !toks[a-1].punct && toks[a-1].is(cDirectionWords)
			if (localUnit && b == j || b < j && strings.EqualFold(toks[j-1].w, "district") && b == j-1) && len(m.qualifier) == 0 {
				m.strong, m.local = false, true
			}
			out = append(out, m)
			a = b
		}
		if !found && i > 0 && isUnknownPlaceCue(toks, i) {
			out = append(out, mention{text: text[t.start:toks[j-1].end], start: t.start, end: toks[j-1].end,
				unknown: true, strong: true, qualifier: qualifierAfter(g, text, toks, j)})
		}
		i = j
	}
	return out
}

// streetIntro says whether the words before token i introduce streets:
// "block of", "corner of", "intersection of".
func streetIntro(toks []tok, i int) bool {
	if i < 2 || toks[i-1].low != "of" {
		return false
	}
	switch toks[i-2].low {
	case "block", "blocks", "corner", "intersection":
		return true
	}
	return false
}

// admin2Only keeps the second-level units among readings: the slice itself
// when all are (it is read-only, maybe the shared cache's), else a copy.
func admin2Only(ps []geo.Place) []geo.Place {
	if !slices.ContainsFunc(ps, func(p geo.Place) bool { return p.Precision != geo.PrecisionAdmin2 }) {
		return ps
	}
	var units []geo.Place
	for _, p := range ps {
		if p.Precision == geo.PrecisionAdmin2 {
			units = append(units, p)
		}
	}
	return units
}

// lookups reads names in the gazetteer through the cache shared by all
// reports (sharedLookup). (A cache per report, of names or of runs of words,
// was measured: its maps cost more than the lookups they saved.)
type lookups struct{}

func newLookups() *lookups { return &lookups{} }

func (c *lookups) get(g *geo.Gazetteer, name string) []geo.Place { return sharedLookup(g, name) }

// shared caches the readings of names across reports (decoding a name's
// readings costs more than finding them), keyed as written: the same
// spelling recurs. The cache never changes what a lookup returns.
var shared = boundedCache[[]geo.Place]{max: 50000}

func sharedLookup(g *geo.Gazetteer, name string) []geo.Place {
	if g != geo.Default() {
		return g.Lookup(name)
	}
	if ps, ok := shared.load(name); ok {
		return ps
	}
	ps := g.Lookup(name)
	shared.store(name, ps)
	return ps
}

// boundedCache memoises a function of a string across reports and workers:
// at most max keys, the first ones seen. A key is stored as a copy: it is
// often a slice of a report's text, which the cache must not keep alive.
type boundedCache[V any] struct {
	m   sync.Map // key → V
	n   atomic.Int64
	max int64
}

func (c *boundedCache[V]) load(k string) (V, bool) {
	v, ok := c.m.Load(k)
	if !ok {
		var zero V
		return zero, false
	}
	return v.(V), true
}

func (c *boundedCache[V]) store(k string, v V) {
	if c.n.Load() < c.max {
		if _, loaded := c.m.LoadOrStore(strings.Clone(k), v); !loaded {
			c.n.Add(1)
		}
	}
}

// longest looks up the longest run of tokens [a, b) with b <= j that the
// gazetteer knows, possessives cut ("Russia's" → "Russia"). A run whose
// first word begins no key is skipped at once.
func longest(g *geo.Gazetteer, cache *lookups, text string, toks []tok, a, j int) (mention, int, bool) {
	first := strings.TrimSuffix(strings.TrimSuffix(toks[a].w, "'s"), "’s")
	if j == a+1 && toks[a].is(cNotPlaces) {
		return mention{}, a, false
	}
	low := toks[a].low
	known := false
	if plainKey(low) {
		known = g.HasPrefixKey(low) // already a key: no normalising
	} else {
		known = g.HasPrefix(first)
	}
	if !known && !strings.HasPrefix(low, "st") && !strings.HasPrefix(low, "saint") && !strings.HasPrefix(low, "ft") && !strings.HasPrefix(low, "mt") {
		return mention{}, a, false
	}
	// The longest run whose words could still begin a key: "Sheriff Maria
	// Ortega" stops at "sheriff" (no key begins "sheriff maria").
	if plainKey(low) && !hasSaint(toks[a:j]) { // "Ft Lauderdale" is keyed as Fort Lauderdale
		var buf [96]byte
		prefix := append(buf[:0], low...)
		for b := a + 1; b < j; b++ {
			w := toks[b].low
			if !plainKey(w) {
				break
			}
			prefix = append(append(prefix, ' '), w...)
			if !g.HasPrefixKeyBytes(prefix) {
				j = b
				break
			}
		}
	}
	for b := j; b > a; b-- {
		last := toks[b-1].w
		end := toks[b-1].end
		if strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s") {
			if b != a+1 && b != j {
				continue
			}
			end -= len("'s")
			if strings.HasSuffix(last, "’s") {
				end = toks[b-1].end - len("’s")
			}
		}
		phrase := text[toks[a].start:end]
		key := ""
		if b == a+1 && plainKey(toks[a].low) {
			key = toks[a].low
		}
		if b <= a+3 && notPlaces[keyOf(key, phrase)] { // "east side", "central business district"
			continue
		}
		if len(phrase) < 3 && !strings.Contains(phrase, ".") { // "D.C.", "U.S." are names; "LA", "IN" may be words
			continue
		}
		cands := cache.get(g, phrase) // cached as written, misses too: no separate test
		if len(cands) == 0 {
			if !hasSaint(toks[a:b]) {
				continue
			}
			look := saintVariant(geo.Normalize(phrase))
			if look == "" {
				continue
			}
			if cands = cache.get(g, look); len(cands) == 0 {
				continue
			}
		}
		return mention{text: phrase, start: toks[a].start, end: end, cands: cands}, b, true
	}
	return mention{}, a, false
}

// facilityWords make a capitalised run the name of an organisation or a
// building, not of a place.
var facilityWords = map[string]bool{"center": true, "centre": true, "hospital": true, "medical": true,
	"university": true, "college": true, "school": true, "church": true, "department": true, "office": true,
	"police": true, "council": true, "club": true, "bar": true, "restaurant": true, "hotel": true, "mall": true,
	"company": true, "inc": true, "corp": true, "bank": true, "foundation": true, "institute": true, "agency": true,
	"service": true, "services": true, "forces": true, "army": true, "ministry": true, "court": true,
	"street": true, "avenue": true, "road": true, "boulevard": true, "highway": true, "drive": true, "lane": true,
	"park": true, "station": true, "stadium": true, "arena": true, "market": true, "store": true, "airport": true,
	"high": true, "middle": true, "elementary": true, "academy": true, "apartments": true, "motel": true,
	"command": true, "committee": true, "commission": true, "group": true, "party": true,
	"news": true, "times": true, "post": true, "herald": true, "tribune": true, "journal": true, "gazette": true}

// placeInRun decides whether the place name [a, b) found inside the run of
// capitalised words [i, j) is a place there. The words after it decide: a
// street word makes the run a street ("Michigan Avenue"); a facility word a
// building or an organisation ("Grant Medical Center"), unless the place is
// well known and opens the run ("Orlando Regional Medical Center", read
// weakly) or the word is an agency or one that keeps a town ("Kabul
// Airport", "Chattanooga Police"). Other capitalised words around it make it
// part of another name ("Michael A. Corle", "Grand River"), except direction
// words before it ("West Philadelphia"), a possessive ("Orlando's Malibu
// Groves"), a county, a unit word ("Kursk Region") and headlines in title
// case, where every word is capitalised.
func placeInRun(toks []tok, i, a, b, j int, m mention, isCounty, headline bool) bool {
	next := ""
	if b < len(toks) {
		next = toks[b].low
	}
	if agencyWords[next] || b < j && townFacilities[next] || isCounty {
		return true
	}
	facility, street := hasFacilityWord(toks[b:j])
	if street {
		return false
	}
	if facility {
		return a == i && prominent(m.cands)
	}
	possessive := strings.HasSuffix(toks[b-1].w, "'s") || strings.HasSuffix(toks[b-1].w, "’s")
	if possessive || headline || toks[j-1].is(cUnitWords) {
		return true
	}
	return onlyDirections(toks[i:a]) && b == j
}

// streetWords make a run a street's name, whatever the name before them.
var streetWords = map[string]bool{"street": true, "st.": true, "avenue": true, "ave.": true, "ave": true,
	"road": true, "rd.": true, "boulevard": true, "blvd.": true, "drive": true, "lane": true, "highway": true,
	"parkway": true, "pike": true, "expressway": true, "freeway": true, "turnpike": true, "terrace": true}

// townFacilities after a well-known place's name keep it the place: "Kabul Airport".
var townFacilities = map[string]bool{"airport": true, "international": true, "university": true}

// runOpeners are function words capitalised at the start of a sentence.
var runOpeners = map[string]bool{"the": true, "a": true, "an": true, "in": true, "at": true, "on": true,
	"near": true, "from": true, "outside": true, "across": true, "inside": true, "to": true, "for": true,
	"of": true, "and": true, "but": true, "when": true, "after": true, "before": true, "during": true,
	"while": true, "as": true, "by": true, "with": true, "if": true, "since": true, "until": true,
	// days and months end a name too: "in Arab Tuesday", "in Kabul on Monday"
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true}

// eventWords after a name make it the place of an event: "the Helena shooting".
var eventWords = map[string]bool{"shooting": true, "shootings": true, "homicide": true, "murder": true,
	"stabbing": true, "standoff": true, "attack": true, "attacks": true, "bombing": true, "blast": true,
	"massacre": true, "strike": true, "ambush": true, "slaying": true, "killing": true, "killings": true}

// directionWords may open a city's part: "West Philadelphia", "Northwest Washington".
var directionWords = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northeast": true,
	"northwest": true, "southeast": true, "southwest": true, "downtown": true, "central": true, "greater": true,
	"upper": true, "lower": true, "midtown": true, "uptown": true, "metro": true}

// onlyDirections says whether every token is a direction word.
func onlyDirections(ts []tok) bool {
	for _, t := range ts {
		if !t.is(cDirectionWords) {
			return false
		}
	}
	return true
}

// agencyWords after a name make it a place: "Chattanooga Police", "Bastrop County Sheriff".
var agencyWords = map[string]bool{"police": true, "sheriff": true, "sheriff's": true, "fire": true, "mayor": true,
	"deputies": true, "officers": true}

// personWords after a place make it where someone is from: "a Louisiana man".
var personWords = map[string]bool{"man": true, "woman": true, "men": true, "women": true, "teen": true,
	"teenager": true, "boy": true, "girl": true, "resident": true, "residents": true, "native": true,
	"couple": true, "family": true, "student": true, "mother": true, "father": true, "mom": true, "dad": true}

// localUnits after a name make it a part of a city: "the Bridgeport neighborhood".
var localUnits = map[string]bool{"neighborhood": true, "neighbourhood": true, "section": true,
	"community": true, "subdivision": true, "side": true}

// hasFacilityWord says whether a run names a facility (or a street).
func hasFacilityWord(ts []tok) (facility, street bool) {
	for _, t := range ts { // the words after a place's name: "Main St." is a street, "St. Louis" a city
		w := t.low
		if streetWords[w] {
			street = true
		}
		if facilityWords[strings.TrimSuffix(w, ".")] {
			facility = true
		}
	}
	return facility, street
}

// county reads "Harris County", "Orleans Parish", "Cherokee Co.": a
// second-level unit (the gazetteer keys them by full name).
func county(g *geo.Gazetteer, cache *lookups, text string, toks []tok, a, j int) (mention, int, bool) {
	for b := a + 2; b <= j && b <= a+4; b++ {
		switch toks[b-1].low {
		case "county", "parish", "borough", "co.":
			phrase := text[toks[a].start:toks[b-1].end]
			look := phrase
			if strings.EqualFold(toks[b-1].w, "co.") {
				look = text[toks[a].start:toks[b-2].end] + " County"
			}
			units := admin2Only(cache.get(g, look))
			if len(units) > 0 {
				return mention{text: phrase, start: toks[a].start, end: toks[b-1].end, cands: units}, b, true
			}
		}
	}
	return mention{}, a, false
}

// prominent says whether the first reading of a name is well known enough
// to be meant even inside a facility's name: a country, a region, a capital
// or a city of 50,000 or more.
func prominent(ps []geo.Place) bool {
	if len(ps) == 0 {
		return false
	}
	p := ps[0]
	return p.Precision != geo.PrecisionCity || p.Feature == "PPLC" || p.Population >= 50000
}

// isAcronym says whether a single all-capitals word of up to five letters
// is an acronym ("NIS", "SOF") rather than a place written in capitals.
func isAcronym(t tok, n int) bool {
	return n == 1 && t.upper && len(t.w) <= 5 && !strings.Contains(t.w, ".") // "D.C." is no acronym
}

// isCountry says whether a name's first reading is a country ("UK", "US", "DRC").
func isCountry(ps []geo.Place) bool {
	return len(ps) > 0 && ps[0].Precision == geo.PrecisionCountry
}

// afterPlacePrep says whether the name starting at token a follows a place
// preposition, over a determiner and a possessive country: "in Kabul", "outside
// the Kabul airport", "in Russia's Kursk Oblast", "in the Kursk region".
func afterPlacePrep(toks []tok, a int) bool {
	k := a - 1
	if k >= 0 && (strings.HasSuffix(toks[k].w, "'s") || strings.HasSuffix(toks[k].w, "’s")) && toks[k].cap {
		k--
	}
	if k >= 0 && !toks[k].punct {
		switch toks[k].low {
		case "the", "a", "an":
			k--
		}
	}
	return k >= 0 && isPlacePrep(toks[k])
}

// plainKey says whether a lower-case word is already a gazetteer key:
// letters and digits only.
func plainKey(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return w != ""
}

// keyOf is key if set, else the normalised phrase.
func keyOf(key, phrase string) string {
	if key != "" {
		return key
	}
	return geo.Normalize(phrase)
}

// hasSaint says whether a name has a word saintVariant rewrites.
func hasSaint(ts []tok) bool {
	for _, t := range ts {
		switch strings.TrimSuffix(t.low, ".") {
		case "st", "saint", "ste", "ft", "mt":
			return true
		}
	}
	return false
}

// saintVariant spells "st louis" as "saint louis" and back; "" if the key has no saint.
func saintVariant(key string) string {
	k := " " + key + " "
	for _, v := range [][2]string{{" st ", " saint "}, {" saint ", " st "}, {" ste ", " sainte "}, {" ft ", " fort "}, {" mt ", " mount "}} {
		if strings.Contains(k, v[0]) {
			return strings.TrimSpace(strings.Replace(k, v[0], v[1], 1))
		}
	}
	return ""
}

// afterWeakPrep says whether the name at token a follows "of", "to" or
// "from" ("the death of Jones", "talked to McCloud"): a place only when the
// place is well known ("the Kursk region of Russia", "flew to Kabul").
func afterWeakPrep(toks []tok, a int) bool {
	k := a - 1
	if k >= 0 && !toks[k].punct && (strings.EqualFold(toks[k].w, "the") || strings.EqualFold(toks[k].w, "a")) {
		k--
	}
	if k < 0 || !(strings.EqualFold(toks[k].w, "of") || strings.EqualFold(toks[k].w, "to") || strings.EqualFold(toks[k].w, "from")) {
		return false
	}
	// "the suburb of Katy", "the town of Bokoshe": "of" names a place there
	return !(strings.EqualFold(toks[k].w, "of") && k > 0 && toks[k-1].is(cSettlementWords))
}

// settlementWords before "of" make what follows a place: "the suburb of Katy".
var settlementWords = map[string]bool{"suburb": true, "town": true, "city": true, "village": true,
	"community": true, "township": true, "borough": true, "hamlet": true, "neighborhood": true, "outskirts": true}

// isPlacePrep says whether a token introduces a place.
func isPlacePrep(t tok) bool { return !t.punct && t.is(cPlacePrepositions) }

// isUnknownPlaceCue says whether the capitalised word at i follows "the
// village of", "the town of" or "village" cues: a place too small for the gazetteer.
func isUnknownPlaceCue(toks []tok, i int) bool {
	if i >= 2 && strings.EqualFold(toks[i-1].w, "of") {
		switch toks[i-2].low {
		case "village", "town", "settlement", "hamlet", "township", "town's", "city":
			return true
		}
	}
	return false
}

// truncated says whether t, the last word of a headline, is a longer word
// of the body cut short: the body has it only as the start of a longer
// word ("Shreve" of "Shreveport").
func truncated(text string, t tok, bodyStart int) bool {
	body := text[bodyStart:]
	longer := false
	for _, end := range wordStarts(body, t.w) {
		if end < len(body) && isLetter(body[end]) {
			longer = true
		} else {
			return false // the word itself
		}
	}
	return longer
}

// wordStarts yields the start and end of each occurrence of w in s that
// does not begin inside another word.
func wordStarts(s, w string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; ; {
			j := strings.Index(s[i:], w)
			if j < 0 {
				return
			}
			start := i + j
			i = start + len(w)
			if start > 0 && isLetter(s[start-1]) {
				continue
			}
			if !yield(start, i) {
				return
			}
		}
	}
}

// commonWord says whether a capitalised word of a title-case headline is
// an ordinary word there: the body writes it in lower case and never
// capitalised inside a sentence.
func commonWord(body, w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if len(w) < 3 || strings.ToUpper(w) == w {
		return false
	}
	lower := strings.ToLower(w)
	seenLower := false
	for _, form := range []string{lower, w} {
		for start, end := range wordStarts(body, form) {
			if end < len(body) && isLetter(body[end]) {
				continue // the start of a longer word
			}
			if form == lower {
				seenLower = true
				break
			}
			k := start - 1
			for k >= 0 && body[k] == ' ' {
				k--
			}
			if k >= 0 && body[k] != '.' && body[k] != '\n' && body[k] != '"' && body[k] != '?' && body[k] != '!' {
				return false // capitalised inside a sentence: a name
			}
		}
	}
	return seenLower
}

// onlyPunct says whether all the tokens are punctuation.
func onlyPunct(toks []tok) bool {
	for _, t := range toks {
		if !t.punct {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// regionAbroad says whether a name that first reads as a country also
// names a first-level region of another country: "Georgia".
func regionAbroad(cands []geo.Place) bool {
	for _, p := range cands[1:] {
		if p.Precision == geo.PrecisionAdmin1 && p.Country != cands[0].Country {
			return true
		}
	}
	return false
}

// qualifierAfter reads ", Texas", ", Tenn.", ", Russia" after a place name.
func qualifierAfter(g *geo.Gazetteer, text string, toks []tok, b int) []geo.Place {
	if b+1 >= len(toks) || toks[b].w != "," || !toks[b+1].cap {
		return nil
	}
	e := b + 2
	for e < len(toks) && e < b+4 && toks[e].cap && !toks[e].punct {
		e++
	}
	if code, ok := stateAbbrev[strings.TrimSuffix(toks[b+1].low, ".")]; ok && (e == b+2 || toks[b+2].punct || toks[b+1].upper || strings.HasSuffix(toks[b+1].w, ".")) {
		if p, ok := g.Admin1("US", code); ok {
			return []geo.Place{p}
		}
	}
	for ; e > b+1; e-- {
		phrase := text[toks[b+1].start:toks[e-1].end]
		var out []geo.Place
		for _, p := range g.Lookup(phrase) {
			if p.Precision == geo.PrecisionAdmin2 && toks[e-1].is(cUnitWords) {
				return nil // "Chester, Delaware County": a county, read with the town (context.towns)
			}
			if p.Precision == geo.PrecisionAdmin1 || p.Precision == geo.PrecisionCountry && !p.Demonym {
				out = append(out, p)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// stateAbbrev are US state abbreviations that the gazetteer leaves out
// because, lower-cased, they are ordinary words ("Mass.", "OK", "IN"); after
// a place name and a comma they can only be states.
var stateAbbrev = map[string]string{"mass": "MA", "ill": "IL", "miss": "MS", "wash": "WA", "ore": "OR",
	"in": "IN", "or": "OR", "me": "ME", "hi": "HI", "oh": "OH", "ok": "OK", "id": "ID", "ga": "GA",
	"la": "LA", "pa": "PA", "mo": "MO", "md": "MD", "va": "VA", "wi": "WI", "al": "AL", "co": "CO", "de": "DE"}

// context is what a document says of where it is: the countries and
// first-level regions it names, weighted by how often.
type context struct {
	countries map[string]float64
	admin1    map[string]float64 // "CC.CODE"
	// counties and towns named, as "CC.CODE.admin2 name": a town and the
	// county it lies in, both named, read each other ("Duncan" and
	// "Spartanburg County": Duncan, South Carolina).
	counties map[countyID]bool // every reading of every county named
	towns    map[countyID]bool // the counties of every reading of every town named
}

// countyID names a second-level unit: country, admin1 code, admin2 name (as
// the gazetteer spells it for the unit and for the cities in it).
type countyID struct{ country, admin1, admin2 string }

func countyKey(p geo.Place) countyID { return countyID{p.Country, p.Admin1Code, p.Admin2} }

// addChosen adds the regions of the cities already read with confidence
// (named as places, and well known) to the context: "hospitals in Austin"
// makes Bastrop the one in Texas; and the regions read for names that are
// also countries ("Georgia").
func (c context) addChosen(ms []mention) {
	for _, m := range ms {
		p := m.place
		if p != nil && !m.unknown && p.Precision == geo.PrecisionAdmin1 && len(m.cands) > 1 && regionAbroad(m.cands) {
			c.countries[p.Country]++ // "Georgia", read as the state: left out of newContext
			c.admin1[p.Country+"."+p.Admin1Code]++
			continue
		}
		if p == nil || m.unknown || p.Precision != geo.PrecisionCity || !prominent(m.cands) && !(m.strong && len(m.cands) == 1) {
			continue
		}
		w := 0.5
		if !m.strong {
			w = 0.3
		}
		c.countries[p.Country] += w
		c.admin1[p.Country+"."+p.Admin1Code] += w
	}
}

func newContext(ms []mention) context {
	c := context{countries: map[string]float64{}, admin1: map[string]float64{}, counties: map[countyID]bool{}, towns: map[countyID]bool{}}
	for _, m := range ms {
		for _, p := range m.cands {
			if p.Precision == geo.PrecisionAdmin2 {
				c.counties[countyKey(p)] = true
			}
		}
	}
	if len(c.counties) > 0 { // the towns' counties matter only to the counties named
		for _, m := range ms {
			for _, p := range m.cands {
				if p.Precision == geo.PrecisionCity && p.Admin2 != "" && c.counties[countyKey(p)] {
					c.towns[countyKey(p)] = true
				}
			}
		}
	}
	for _, m := range ms {
		if len(m.cands) > 1 && m.cands[0].Precision == geo.PrecisionAdmin2 && oneCountry(m.cands) {
			for _, p := range m.cands { // "Westmoreland County": Pennsylvania or Virginia
				c.admin1[p.Country+"."+p.Admin1Code] += 1 / float64(len(m.cands))
			}
			c.countries[m.cands[0].Country]++
			continue
		}
		if len(m.cands) == 0 || !oneCountry(m.cands) && (!m.cands[0].Demonym && m.cands[0].Precision != geo.PrecisionCountry || regionAbroad(m.cands)) {
			continue // an ambiguous name says nothing about the country until it is read ("Georgia")
		}
		p := m.cands[0]
		w := 1.0
		if !m.strong && p.Precision == geo.PrecisionCity {
			w = 0.3
		}
		switch {
		case p.Demonym || p.Precision == geo.PrecisionCountry:
			c.countries[p.Country] += w
		case p.Precision == geo.PrecisionAdmin1 || p.Precision == geo.PrecisionAdmin2:
			c.countries[p.Country] += w
			c.admin1[p.Country+"."+p.Admin1Code] += w
		}
		for _, q := range m.qualifier {
			c.countries[q.Country] += 1
			if q.Precision == geo.PrecisionAdmin1 {
				c.admin1[q.Country+"."+q.Admin1Code] += 1
			}
		}
	}
	return c
}

// prior is how likely a bare name means p: by its population (a city of
// a million 0.86, of ten thousand 0.57), capitals first, then first-level
// regions (as if of a million) and countries; an admin1 seat a little more.
func prior(p geo.Place) float64 {
	pop := float64(p.Population)
	switch p.Precision {
	case geo.PrecisionCountry:
		pop = 1e7
	case geo.PrecisionAdmin1:
		pop = 1e6
	case geo.PrecisionAdmin2:
		pop = 1e5
	}
	s := math.Log10(pop+10) / 7
	switch p.Feature {
	case "PPLC":
		s += 1 // a capital is what a bare name means, unless the context says otherwise
	case "PPLA":
		s += 0.03
	}
	return s
}

// hasCityIn says whether a name also reads as a city in the country, other
// than its capital ("Washington" is the state or the capital, as context says).
func hasCityIn(ps []geo.Place, country string) bool {
	for _, p := range ps {
		if p.Precision == geo.PrecisionCity && p.Country == country && p.Feature != "PPLC" {
			return true
		}
	}
	return false
}

// oneCountry says whether all readings of a name lie in one country.
func oneCountry(ps []geo.Place) bool {
	for _, p := range ps[1:] {
		if p.Country != ps[0].Country && !p.Demonym {
			return false
		}
	}
	return true
}

// choose picks the reading of a mention: one inside its qualifier if it
// has one, else the most prominent weighed by the countries and regions the
// document names ("Paris" in a report about Texas is Paris, Texas).
func (c context) choose(m *mention) {
	best, bestScore := -1, -1.0
	for k, p := range m.cands {
		if p.Demonym {
			continue
		}
		s := prior(p) + 0.05/float64(k+1)
		if len(m.qualifier) > 0 {
			for _, q := range m.qualifier {
				if q.Country == p.Country && (q.Precision == geo.PrecisionCountry || q.Admin1Code == p.Admin1Code) {
					s += 10
				}
			}
		}
		if (p.Precision == geo.PrecisionAdmin1 || p.Precision == geo.PrecisionCountry) && len(m.qualifier) == 0 && hasCityIn(m.cands, p.Country) && !m.cityPart {
			s += 2.5 // "Florida" is the state, whatever town of that name the state has
		}
		if strings.EqualFold(p.Name, m.text) {
			s += 0.1 // spelled as written: "St. Louis", not "Saint-Louis"
		}
		if m.cityPart && p.Precision == geo.PrecisionCity {
			s += 1
		}
		switch {
		case p.Precision == geo.PrecisionCity && p.Admin2 != "" && c.counties[countyKey(p)]:
			s += 3 // the county it lies in is named too
		case p.Precision == geo.PrecisionAdmin2 && c.towns[countyKey(p)]:
			s += 3 // a town in it is named too
		}
		s += 2 * min(c.countries[p.Country], 3)
		if p.Admin1Code != "" {
			s += 2 * min(c.admin1[p.Country+"."+p.Admin1Code], 3)
		}
		if s > bestScore {
			best, bestScore = k, s
		}
	}
	if best >= 0 {
		m.place = &m.cands[best] // read-only: cands may be the shared cache's
	}
	if len(m.qualifier) > 0 && m.place != nil && !within(*m.place, m.qualifier) {
		// "BUCKSPORT, SC" when the gazetteer knows only Bucksport, Maine: a
		// place too small for it, in the region the qualifier names
		q := m.qualifier[0]
		m.place, m.unknown = &q, true
	}
}

// within says whether p lies in one of the regions.
func within(p geo.Place, regions []geo.Place) bool {
	for _, q := range regions {
		if q.Country == p.Country && (q.Precision == geo.PrecisionCountry || q.Admin1Code == p.Admin1Code) {
			return true
		}
	}
	return false
}

// mainPlace chooses where a document's main event happened, and how much
// the report's words weigh for it: the place
// weighed most by where it is named (dateline, title, the sentences that
// give the toll, the lead), preferring a place inside it named nearly as
// much (a city of the region). unknown places ("the village of Makhnovka")
// keep their name and fall back to the region they are said to be in.
func mainPlace(ms []mention) (*tally.Place, float64) {
	type acc struct {
		p       geo.Place
		name    string // an unknown place's own name
		weight  float64
		unknown bool
	}
	byKey := map[string]*acc{}
	var keys []string
	for _, m := range ms {
		if m.place == nil || m.weight <= 0 {
			continue
		}
		k := placeKey(*m.place)
		if m.unknown {
			k = "unknown:" + strings.ToLower(m.text)
		}
		a, ok := byKey[k]
		if !ok {
			a = &acc{p: *m.place, unknown: m.unknown, name: m.text}
			byKey[k] = a
			keys = append(keys, k)
		}
		a.weight += m.weight
	}
	if len(keys) == 0 {
		return nil, 0
	}
	sort.SliceStable(keys, func(i, j int) bool { return byKey[keys[i]].weight > byKey[keys[j]].weight })
	top := byKey[keys[0]]
	for _, k := range keys[1:] {
		a := byKey[k]
		// a town of the region (or county) named is where it happened, if it
		// is named with some weight; a region of a country nearly as much
		share := 0.6
		switch {
		case a.p.Precision == geo.PrecisionCity && top.p.Precision == geo.PrecisionAdmin2 && strings.EqualFold(a.p.Admin2, top.p.Name):
			share = 0.1 // a town of the county named: where in the county
		case a.p.Precision == geo.PrecisionCity && top.p.Precision != geo.PrecisionCountry:
			share = 0.3
		}
		if (finer(a.p, top.p) || a.unknown && !top.unknown) && inside(a.p, top.p) && a.weight >= share*top.weight {
			top = a
			break
		}
	}
	if top.p.Feature == "PPLX" {
		// a section of a city ("Englewood", Chicago): the city of its county
		// that the report names, if it names one
		for _, k := range keys {
			if a := byKey[k]; a.p.Precision == geo.PrecisionCity && a.p.Feature != "PPLX" && a.p.Country == top.p.Country &&
				a.p.Admin1Code == top.p.Admin1Code && a.p.Admin2 == top.p.Admin2 && a.p.Population > top.p.Population {
				top = a
				break
			}
		}
	}
	p := toPlace(top.p)
	if top.unknown {
		p.Name = displayName(top.name) // kept by name, located by its region
	}
	return p, top.weight
}

// placeKey identifies a gazetteer entry.
func placeKey(p geo.Place) string {
	return string(p.Precision) + ":" + p.Country + ":" + p.Admin1Code + ":" + p.Name
}

var rank = map[geo.Precision]int{geo.PrecisionCity: 3, geo.PrecisionAdmin2: 2, geo.PrecisionAdmin1: 1, geo.PrecisionCountry: 0}

// finer says whether a is more precise than b.
func finer(a, b geo.Place) bool { return rank[a.Precision] > rank[b.Precision] }

// inside says whether a lies within b as far as the codes tell.
func inside(a, b geo.Place) bool {
	if a.Country != b.Country {
		return false
	}
	return b.Precision == geo.PrecisionCountry || a.Admin1Code == b.Admin1Code
}

// toPlace converts a gazetteer entry to the domain's Place.
func toPlace(p geo.Place) *tally.Place {
	out := &tally.Place{Name: p.Name, Country: p.Country, Admin1: p.Admin1, Lat: p.Lat, Lon: p.Lon, Precision: string(p.Precision)}
	if p.Precision == geo.PrecisionAdmin1 {
		out.Admin1 = p.Name
	}
	return out
}

// top is the weight of the country the report names most.
func (c context) top() float64 {
	return c.countries[c.topCountry()]
}

// topCountry is the country the report names most ("" if none).
func (c context) topCountry() string {
	cc, _ := topOf(c.countries)
	return cc
}

// topOf is the key that weighs most in m (of equals, the first in order)
// and its weight; "" and 0 if none weighs more than 0.
func topOf(m map[string]float64) (string, float64) {
	best, bestW := "", 0.0
	for k, w := range m {
		if w > bestW || w == bestW && k < best {
			best, bestW = k, w
		}
	}
	return best, bestW
}

// oneSense gives every mention of a name the reading of its best-located
// mention: a report that writes "BUCKSPORT, SC" once means that Bucksport in
// its headline too.
func oneSense(ms []mention) {
	best := map[string]*mention{}
	for k := range ms {
		m := &ms[k]
		if m.place == nil {
			continue
		}
		key := geo.Normalize(m.text)
		if b, ok := best[key]; !ok || len(m.qualifier) > len(b.qualifier) || m.dateline && !b.dateline && len(b.qualifier) == 0 {
			best[key] = m
		}
	}
	for k := range ms {
		m := &ms[k]
		b, ok := best[geo.Normalize(m.text)]
		if !ok || b == m || m.place == nil || len(b.qualifier) == 0 && !b.dateline {
			continue
		}
		p := *b.place
		m.place, m.unknown = &p, b.unknown
	}
}

// addOutlet adds the regions an outlet's name places it in to the context.
func (c context) addOutlet(ms []mention) {
	for _, m := range ms {
		if len(m.cands) == 0 {
			continue
		}
		p := m.cands[0]
		for _, q := range m.qualifier {
			p = q
		}
		c.countries[p.Country]++
		if p.Precision != geo.PrecisionCountry {
			c.admin1[p.Country+"."+p.Admin1Code]++
		}
	}
}

// displayName writes a name found in capitals ("GREENACRES", a dateline)
// with capitals first: "Greenacres".
func displayName(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}
