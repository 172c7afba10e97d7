package event

import "strings"

// localeCues are words of a country's institutions that local news uses
// without naming the country: a report about a "sheriff" and a "county" is
// American, one about a "constabulary" British. They weigh the choice
// between places of one name (Toledo, Ohio or Toledo, Spain) when nothing
// else does. Written by hand, kept short.
var localeCues = map[string][]string{
	"US": {"sheriff", "county", "police department", "interstate", "state trooper", "highway patrol",
		"medical examiner", "district attorney", "coroner", "mph", "$", "fbi", "atf", "gun violence",
		"first-degree", "second-degree", "felony", "bond", "homicide detectives"},
	"GB": {"£", "constabulary", "metropolitan police", "scotland yard", " mp ", "borough council", "a&e", "inquest"},
	"CA": {"rcmp", "provincial police", "ontario provincial", "sûreté du québec"},
}

// addLocale adds the countries whose institutions the text names to the
// context: one point from two cues, two from four.
func (c context) addLocale(text string) {
	low := strings.ToLower(text)
	for cc, cues := range localeCues {
		n := 0
		for _, q := range cues {
			if strings.Contains(low, q) {
				n++
			}
		}
		switch {
		case n >= 4:
			c.countries[cc] += 2
		case n >= 2:
			c.countries[cc] += 1
		}
	}
}
