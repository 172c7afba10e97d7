package event

import (
	"sort"
	"strings"

	"tally/geo"
)

// violenceVerbs are the verbs whose subject is side A of an event.
var violenceVerbs = map[string]bool{"killed": true, "kills": true, "kill": true, "killing": true, "shot": true,
	"shoots": true, "attacked": true, "attacks": true, "struck": true, "strikes": true, "ambushed": true,
	"bombed": true, "repelled": true, "repel": true, "repels": true, "eliminated": true, "eliminate": true,
	"neutralized": true, "neutralised": true, "stabbed": true, "wounded": true, "wounding": true, "injured": true,
	"massacred": true, "executed": true, "destroyed": true, "fired": true, "shelled": true, "hit": true,
	"abducted": true, "kidnapped": true, "thwart": true, "thwarted": true, "thwarts": true, "captured": true}

// passiveAux before a violence verb makes it passive: "were killed by X".
var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "being": true, "is": true, "are": true,
	"be": true, "get": true, "got": true}

// npStops end a noun phrase read backwards from a verb.
var npStops = map[string]bool{"that": true, "who": true, "which": true, "and": true, "said": true, "says": true,
	"when": true, "after": true, "as": true, "while": true, "but": true, "have": true, "has": true, "had": true,
	"claim": true, "claims": true, "claimed": true, "reportedly": true, "allegedly": true, "reported": true,
	"also": true, "to": true, "by": true, "in": true, "on": true, "at": true, "since": true,
	"for": true, "with": true, "where": true, "if": true, "because": true, "before": true, "near": true,
	"outside": true, "inside": true, "during": true, "across": true, "around": true, "from": true}

// leadingWords are dropped from the start of an actor's name.
var leadingWords = map[string]bool{"the": true, "a": true, "an": true, "some": true, "two": true, "three": true}

// sideA finds who did the violence a sentence tells of: the subject of an
// active violence verb ("Ukrainian Special Operations Forces (SOF) killed
// 21 ..."), the agent of a passive one ("... were killed by the RSF"), or
// whoever an assault was repelled from ("repelled an assault by North
// Korean troops" makes them side B; the subject side A).
//
// sentence is the text the tokens point into (the whole document, or one
// sentence with tokenize(sentence)).
func sideA(sentence string, toks []tok) (a, b string) {
	for k := range toks { // tokenize looks classes up near capitals only
		toks[k].cls = classes.of(toks[k].low)
	}
	if titleCase(toks) {
		return "", "" // "Terrorists Using Suicide Vests Stage Multiple Attacks": no way to tell the noun phrases
	}
	for i, t := range toks {
		w := t.low
		opened := (w == "opened" || w == "opens") && i+1 < len(toks) && strings.EqualFold(toks[i+1].w, "fire")
		if t.punct || !t.is(cViolenceVerbs) && !opened {
			continue
		}
		if i > 0 && toks[i-1].is(cPassiveAux) || i > 1 && toks[i-2].is(cPassiveAux) && strings.HasSuffix(toks[i-1].low, "ly") {
			// passive: the agent follows "by"
			for k := i + 1; k < len(toks) && k <= i+4; k++ {
				if strings.EqualFold(toks[k].w, "by") {
					if np := npAfter(sentence, toks, k+1); np != "" && namesActor(np) {
						return np, ""
					}
				}
			}
			continue
		}
		if np := npBefore(sentence, toks, i); np != "" && namesActor(np) {
			a = np
		}
		// "... an assault by X", "... an attack by X": X is the other side
		for k := i + 1; k+2 < len(toks) && k <= i+5; k++ {
			kw := toks[k].low
			if (kw == "assault" || kw == "attack" || kw == "attacks" || kw == "offensive" || kw == "raid") && strings.EqualFold(toks[k+1].w, "by") {
				b = npAfter(sentence, toks, k+2)
				break
			}
		}
		if a != "" {
			return a, b
		}
	}
	return "", ""
}

// actorNouns are lower-case heads that can name who did the violence.
var actorNouns = map[string]bool{"gunman": true, "gunmen": true, "shooter": true, "shooters": true,
	"police": true, "officer": true, "officers": true, "deputy": true, "deputies": true, "troops": true,
	"soldiers": true, "soldier": true, "forces": true, "militants": true, "militant": true, "rebels": true,
	"army": true, "military": true, "man": true, "woman": true, "teen": true, "teenager": true, "boy": true,
	"girl": true, "suspect": true, "suspects": true, "attacker": true, "attackers": true, "assailant": true,
	"assailants": true, "militia": true, "militiamen": true, "fighters": true, "drone": true, "drones": true,
	"jets": true, "warplanes": true, "insurgents": true, "bomber": true, "bombers": true, "terrorists": true,
	"husband": true, "wife": true, "father": true, "mother": true, "son": true, "brother": true, "neighbor": true,
	"robber": true, "robbers": true, "intruder": true, "driver": true, "security": true, "guard": true, "guards": true,
	"operators": true, "extremists": true, "guerrillas": true, "guerrilla": true, "gang": true, "gangs": true, "members": true, "sniper": true, "snipers": true, "jihadists": true, "separatists": true, "bandits": true, "killer": true, "killers": true, "assassin": true, "crews": true, "unit": true, "units": true, "regiment": true, "brigade": true, "battalion": true, "group": true}

// numberWords are counts, which name victims, not actors ("Three killed").
var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "dozens": true, "several": true, "scores": true,
	"hundreds": true, "many": true, "others": true, "people": true, "wounded": true, "dead": true, "victims": true}

// eventNouns name the event, not who did it ("the Paris attacks killed",
// "the strike killed").
var eventNouns = map[string]bool{"attack": true, "attacks": true, "strike": true, "strikes": true, "bombing": true,
	"bombings": true, "shooting": true, "shootings": true, "blast": true, "blasts": true, "explosion": true,
	"explosions": true, "raid": true, "raids": true, "shelling": true, "violence": true, "determines": true,
	"says": true, "said": true, "confirms": true, "reports": true}

// namesActor says whether a phrase can be a perpetrator: it has a
// capitalised word or an actor noun, no count, no event noun, and does not
// end in a place's name ("the horrific Paris attacks").
func namesActor(np string) bool {
	actor := false
	words := strings.Fields(np)
	if len(words) > 6 {
		return false
	}
	if len(words) > 0 {
		last := strings.Trim(words[len(words)-1], ",.()")
		acronym := strings.HasSuffix(np, ")")
		if lw := strings.ToLower(last); last == lw && !actorNouns[lw] && !acronym {
			return false // the head of a name is a noun: "Israel's latest" is not one
		}
		if g := geo.Default(); !acronym && !actorNouns[strings.ToLower(last)] && g.Has(last) && placeName(g.Lookup(last)) {
			return false // "the Paris attacks": a place names no one
		}
	}
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",.()"))
		if numberWords[lw] || eventNouns[lw] || lw != "" && lw[0] >= '0' && lw[0] <= '9' {
			return false
		}
		if actorNouns[lw] || i >= 0 && w != "" && w[0] >= 'A' && w[0] <= 'Z' {
			actor = true
		}
	}
	return actor
}

// placeName says whether a name's first reading is a well-known place.
func placeName(ps []geo.Place) bool { return len(ps) > 0 && !ps[0].Demonym && prominent(ps) }

// npBefore reads the noun phrase that ends just before token i.
func npBefore(s string, toks []tok, i int) string {
	j := i - 1
	start := -1
	for j >= 0 && i-j <= 9 {
		t := toks[j]
		if t.w == ")" { // "(SOF)"
			k := j
			for k >= 0 && toks[k].w != "(" {
				k--
			}
			if k < 0 {
				break
			}
			j = k - 1
			continue
		}
		if t.punct || t.is(cNpStops) {
			break
		}
		start = j
		j--
	}
	if start < 0 {
		return ""
	}
	for start < i && toks[start].is(cLeadingWords) {
		start++
	}
	if start >= i {
		return ""
	}
	end := toks[i-1].end
	return strings.TrimSpace(s[toks[start].start:end])
}

// npAfter reads the noun phrase starting at token i, up to a clause boundary.
func npAfter(s string, toks []tok, i int) string {
	for i < len(toks) && toks[i].is(cLeadingWords) {
		i++
	}
	j := i
	for j < len(toks) && j-i < 7 {
		t := toks[j]
		if t.punct && t.w != "(" && t.w != ")" || !t.punct && t.is(cNpStops) || t.is(cViolenceVerbs) {
			break
		}
		j++
	}
	for j > i && toks[j-1].punct {
		j--
	}
	if j <= i {
		return ""
	}
	return strings.TrimSpace(s[toks[i].start:toks[j-1].end])
}

// actorAliases are acronyms of armed actors that reports use without
// spelling them out, with the name they stand for; acronyms a report
// defines ("Special Operations Forces (SOF)") are read from the report.
var actorAliases = map[string]string{
	"sso": "Special Operations Forces of Ukraine", "sof": "Special Operations Forces of Ukraine",
	"rsf": "Rapid Support Forces", "saf": "Sudanese Armed Forces", "idf": "Israel Defense Forces",
	"isis": "Islamic State", "isil": "Islamic State", "daesh": "Islamic State",
	"afu": "Armed Forces of Ukraine", "zsu": "Armed Forces of Ukraine",
}

// actorStop are words that say nothing about who an actor is.
var actorStop = map[string]bool{"the": true, "of": true, "a": true, "an": true, "and": true, "its": true,
	"their": true, "s": true, "unit": true, "units": true, "said": true}

// ActorKey normalises an actor's name so that reports naming one actor
// differently agree: demonyms and countries become the country code
// ("Ukrainian", "Ukraine's", "of Ukraine" → ua; "North Korean" → kp), words
// are sorted, known acronyms spelled out ("SSO", "SOF" → Special Operations
// Forces of Ukraine), and "soldiers"/"troops" are one word.
func ActorKey(g *geo.Gazetteer, name string) string {
	name = strings.TrimSpace(name)
	if i := strings.IndexByte(name, '('); i > 0 {
		name = strings.TrimSpace(name[:i]) // an acronym in brackets stands for the name before it
	}
	if full, ok := actorAliases[strings.ToLower(name)]; ok {
		name = full
	}
	var raw []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '-' || r == '\'' || r >= 0x80) }) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
		if w != "" && !actorStop[w] {
			raw = append(raw, w)
		}
	}
	var words []string
	for i := 0; i < len(raw); i++ {
		if i+1 < len(raw) { // two-word countries and demonyms: "north korean", "south sudan"
			if cc, ok := countryOf(g, raw[i]+" "+raw[i+1]); ok {
				words = append(words, cc)
				i++
				continue
			}
		}
		w := raw[i]
		switch w {
		case "soldier", "soldiers", "troop", "troops", "servicemen", "personnel":
			w = "troops"
		case "force":
			w = "forces"
		case "operation":
			w = "operations"
		}
		if cc, ok := countryOf(g, w); ok {
			w = cc
		}
		words = append(words, w)
	}
	sort.Strings(words)
	return strings.Join(dedup(words), " ")
}

// countryOf returns the lower-case code of the country a word names or is the demonym of.
func countryOf(g *geo.Gazetteer, w string) (string, bool) {
	for _, p := range g.Lookup(w) {
		if p.Demonym || p.Precision == geo.PrecisionCountry {
			return strings.ToLower(p.Country), true
		}
		break
	}
	return "", false
}

func dedup(ws []string) []string {
	out := ws[:0]
	for i, w := range ws {
		if i == 0 || w != ws[i-1] {
			out = append(out, w)
		}
	}
	return out
}

// acronyms reads the acronyms a text defines: "Special Operations Forces
// (SOF)" gives SOF → "Special Operations Forces".
func acronyms(text string) map[string]string {
	out := map[string]string{}
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '(')
		if j < 0 {
			return out
		}
		at := i + j
		k := strings.IndexByte(text[at:], ')')
		if k < 0 {
			return out
		}
		acr := text[at+1 : at+k]
		i = at + k
		if len(acr) < 2 || len(acr) > 6 || strings.ToUpper(acr) != acr || strings.ContainsAny(acr, " ,.") {
			continue
		}
		// the words before, as many as the acronym has letters (allowing "of")
		before := strings.Fields(text[max(0, at-120):at])
		n := len(acr)
		var name []string
		for m := len(before) - 1; m >= 0 && len(name) < n+2; m-- {
			w := before[m]
			if strings.EqualFold(w, "of") || strings.EqualFold(w, "the") {
				name = append([]string{w}, name...)
				continue
			}
			if w == "" || !(w[0] >= 'A' && w[0] <= 'Z') {
				break
			}
			name = append([]string{w}, name...)
		}
		for len(name) > 0 && (strings.EqualFold(name[0], "of") || strings.EqualFold(name[0], "the")) {
			name = name[1:]
		}
		if len(name) >= 2 {
			out[acr] = strings.Join(name, " ")
		}
	}
}

// titleCase says whether most words of a sentence are capitalised (a headline in title case).
func titleCase(toks []tok) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.punct || len(t.w) < 4 {
			continue
		}
		words++
		if t.cap {
			caps++
		}
	}
	return words >= 4 && caps*100 >= words*85
}
