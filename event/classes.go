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
