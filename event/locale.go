package event

import "strings"

// localeCues are words of a country's institutions that local news uses
// without naming the country: a report about a "sheriff" and a "county" is
// American, one about a "constabulary" British. They weigh the choice
// between places of one name (Toledo, Ohio or Toledo, Spain) when nothing
// else does. Written by hand, kept short; a cue is one or more words, or a
// currency sign.
var localeCues = map[string][]string{
	"US": {"sheriff", "county", "police department", "interstate", "state trooper", "highway patrol",
		"medical examiner", "district attorney", "coroner", "mph", "$", "fbi", "atf", "gun violence",
		"first-degree", "second-degree", "felony", "bond", "homicide detectives"},
	"GB": {"£", "constabulary", "metropolitan police", "scotland yard", "mp", "borough council", "a&e", "inquest"},
	"CA": {"rcmp", "provincial police", "ontario provincial", "sûreté du québec"},
}

// localeCue is one cue split into words, with its country.
type localeCue struct {
	country string
	words   []string
	id      int
}

// cuesByWord indexes the word cues by their first word; signs are kept apart.
var cuesByWord, cueSigns = func() (map[string][]localeCue, []localeCue) {
	byWord := map[string][]localeCue{}
	var signs []localeCue
	id := 0
	for cc, cues := range localeCues {
		for _, q := range cues {
			c := localeCue{country: cc, words: strings.Fields(q), id: id}
			id++
			if q == "$" || q == "£" {
				signs = append(signs, localeCue{country: cc, words: []string{q}, id: c.id})
				continue
			}
			byWord[c.words[0]] = append(byWord[c.words[0]], c)
		}
	}
	return byWord, signs
}()

// localeBytes is how much of a report is read for its institutions.
const localeBytes = 4000

// addLocale adds the countries whose institutions the report names (in its
// first localeBytes) to the context: one point from two cues, two from four.
func (c context) addLocale(text string, toks []tok) {
	if len(text) > localeBytes {
		text = text[:localeBytes]
	}
	seen := map[int]bool{}
	n := map[string]int{}
	for i, t := range toks {
		if t.start >= localeBytes {
			break
		}
		for _, q := range cuesByWord[t.low] {
			if seen[q.id] || !followedBy(toks, i, q.words[1:]) {
				continue
			}
			seen[q.id] = true
			n[q.country]++
		}
	}
	for _, q := range cueSigns {
		if strings.Contains(text, q.words[0]) {
			n[q.country]++
		}
	}
	for cc, k := range n {
		switch {
		case k >= 4:
			c.countries[cc] += 2
		case k >= 2:
			c.countries[cc] += 1
		}
	}
}

// followedBy says whether the tokens after i are the words given.
func followedBy(toks []tok, i int, words []string) bool {
	for k, w := range words {
		if i+1+k >= len(toks) || toks[i+1+k].low != w {
			return false
		}
	}
	return true
}
