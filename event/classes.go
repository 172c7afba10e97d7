package event

// Word classes: every word list a token is checked against, as one bit
// each, looked up once per token (tokenize) instead of once per check.
const (
	cRunOpeners uint32 = 1 << iota
	cConnectors
	cUnitWords
	cLocalUnits
	cAgencyWords
	cTownFacilities
	cEventWords
	cPersonWords
	cSettlementWords
	cDirectionWords
	cNotPlaces
	cPlacePrepositions
	cViolenceVerbs
	cPassiveAux
	cNpStops
	cLeadingWords
)

// wordClasses maps a lower-case word to its classes.
var wordClasses = func() map[string]uint32 {
	m := map[string]uint32{}
	for _, set := range []struct {
		words map[string]bool
		bit   uint32
	}{
		{runOpeners, cRunOpeners},
		{connectors, cConnectors},
		{unitWords, cUnitWords},
		{localUnits, cLocalUnits},
		{agencyWords, cAgencyWords},
		{townFacilities, cTownFacilities},
		{eventWords, cEventWords},
		{personWords, cPersonWords},
		{settlementWords, cSettlementWords},
		{directionWords, cDirectionWords},
		{notPlaces, cNotPlaces},
		{placePrepositions, cPlacePrepositions},
		{violenceVerbs, cViolenceVerbs},
		{passiveAux, cPassiveAux},
		{npStops, cNpStops},
		{leadingWords, cLeadingWords},
	} {
		for w, ok := range set.words {
			if ok {
				m[w] |= set.bit
			}
		}
	}
	return m
}()

// is says whether the token is in the class.
func (t tok) is(class uint32) bool { return t.cls&class != 0 }

// classTable is wordClasses as an open-addressing hash table: a probe costs
// a third of a Go map's on these short words (measured in tokenize).
type classTable struct {
	keys []string
	cls  []uint32
	mask uint32
}

var classes = func() classTable {
	n := uint32(1)
	for n < uint32(len(wordClasses))*4 {
		n <<= 1
	}
	t := classTable{keys: make([]string, n), cls: make([]uint32, n), mask: n - 1}
	for w, c := range wordClasses {
		i := wordHash(w) & t.mask
		for t.keys[i] != "" {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.cls[i] = w, c
	}
	return t
}()

// of returns a word's classes (0 for a word in no list).
func (t *classTable) of(w string) uint32 {
	if len(w) == 0 || len(w) > 24 {
		return 0
	}
	for i := wordHash(w) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case w:
			return t.cls[i]
		case "":
			return 0
		}
	}
}

// wordHash is FNV-1a, 32 bits.
func wordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}
