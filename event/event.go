// Package event works out the when, where, who and what of a document: the
// date of the event it reports (resolved against the publication date, with
// its precision), the place (the offline gazetteer, disambiguated by the
// countries and regions the report names), the two sides (who did it, to
// whom) and the event type in ACLED's terms, and for each claim the place
// and date its sentence names.
//
// It runs after extract and before resolve: it imports the root package,
// clean, geo and when, never resolve, store or server. The rules are written
// by hand (no maintained Go library geoparses news text or codes events); the
// gazetteer is GeoNames data (see geo/README.md).
package event

import (
	"maps"
	"sort"
	"strings"
	"time"

	"tally"
	"tally/clean"
	"tally/geo"
	"tally/when"
)

// leadBytes is how much of the body counts as the lead, where reports say
// what happened, where and when.
const leadBytes = 800

// Describe fills x.Event and the Where, Place and When of x's claims.
func Describe(x *tally.Extraction) {
	g := geo.Default()
	ev := &tally.Event{}
	sents := leadSentences(x)
	buf := tokPool.Get().(*[]tok)
	defer func() { *buf = (*buf)[:0]; tokPool.Put(buf) }()
	toks := appendTokens((*buf)[:0], placeText(x))
	*buf = toks
	var ms []mention
	var ctx context
	ev.Place, ev.PlaceWeight, ms, ctx = locate(g, x, sents, toks, nil)
	text := x.Doc.Text
	body := x.Doc.BodyStart
	dates := findDates(x)
	ev.Date = eventDate(x, dates)
	lead := text[body:min(len(text), body+leadBytes)]
	var killed, wounded int64
	if x.Summary.Killed != nil {
		killed = x.Summary.Killed.Best
	}
	if x.Summary.Wounded != nil {
		wounded = x.Summary.Wounded.Best
	}
	ev.EventType, ev.SubType = classify(tokensIn(toks, clean.Span{Start: 0, End: body}), tokensIn(toks, clean.Span{Start: body, End: body + len(lead)}), killed, wounded)
	ev.SideA, ev.SideB = sides(g, x, text, sents, toks)
	if ev.Place != nil || ev.Date != nil || ev.EventType != "" || ev.SideA != "" || ev.SideB != "" {
		x.Event = ev
	}
	describeClaims(g, x, ms, ctx, sents, dates)
}

// placeBytes is how much of a report's body is read for places: the main
// event is told in the title and the lead, and a long page's tail is mostly
// other stories and furniture. A claim further down gets the place its own
// sentence names.
const placeBytes = 3000

// leadSentences are the sentences of placeText, the last one left out if
// the cut ends it early.
func leadSentences(x *tally.Extraction) []clean.Span {
	t := placeText(x)
	sents := clean.Sentences(t)
	if len(t) < len(x.Doc.Text) && len(sents) > 0 && sents[len(sents)-1].End >= len(t)-1 {
		sents = sents[:len(sents)-1]
	}
	return sents
}

// sentenceAt returns the sentence holding offset pos.
func sentenceAt(sents []clean.Span, pos int) (clean.Span, bool) {
	for _, s := range sents {
		if pos >= s.Start && pos < s.End {
			return s, true
		}
	}
	return clean.Span{}, false
}

// placeText is the part of a report read for places.
func placeText(x *tally.Extraction) string {
	return x.Doc.Text[:min(len(x.Doc.Text), x.Doc.BodyStart+placeBytes)]
}

// Prior weighs countries and regions a report does not name but is likely
// about: the country of the collection it comes in, the region its outlet
// covers (see Locate). Keys are a country code ("US") or a country code and
// a first-level region's name ("US/Texas"); weights add to those of the
// places the report names (a country named once weighs 1).
type Prior map[string]float64

// Locate reads where a report's main event happened, as Describe does, with
// a prior on the countries: resolve reads the reports again with the
// collection's main country in mind, so that "Birmingham police" in a
// collection of American local news is Birmingham, Alabama.
func Locate(x *tally.Extraction, prior Prior) (*tally.Place, float64) {
	p, w, _, _ := locate(geo.Default(), x, leadSentences(x), tokenize(placeText(x)), prior)
	return p, w
}

// locate finds the place mentions of a report, reads each, and picks the
// main event's place.
func locate(g *geo.Gazetteer, x *tally.Extraction, sents []clean.Span, toks []tok, prior Prior) (*tally.Place, float64, []mention, context) {
	text := x.Doc.Text
	body := x.Doc.BodyStart
	people := map[string]bool{}
	for _, p := range x.People {
		for _, w := range strings.Fields(p.Name) {
			people[geo.Normalize(w)] = true
		}
	}
	ms := findMentions(g, text, toks, body, people)
	ctx := newContext(ms)
	ctx.addLocale(text, toks)
	for k, w := range prior {
		cc, admin1, ok := strings.Cut(k, "/")
		ctx.countries[cc] += w
		if ok { // a region: "US/Texas"
			for _, p := range sharedLookup(g, admin1) {
				if p.Country == cc && p.Precision == geo.PrecisionAdmin1 {
					ctx.admin1[p.Country+"."+p.Admin1Code] += w
					break
				}
			}
		}
	}
	// where the outlet is tells the region it reports on: its name ("WALB.com,
	// South Georgia News"), its address ("abc7chicago.com")
	var outlet []mention
	host := clean.HostOf(x.Doc.URL)
	if o := x.Doc.Outlet; o != "" && !strings.ContainsAny(o, " \t") && strings.Contains(o, ".") {
		if host == "" {
			host = strings.ToLower(o) // the outlet named by its address
		}
	} else if o != "" {
		outlet = findMentions(g, o, tokenize(o), 0, nil)
	}
	outlet = append(outlet, hostMentions(g, host, ctx)...)
	ctx.addOutlet(outlet)
	for k := range ms {
		if !ms[k].unknown {
			ctx.choose(&ms[k])
		}
	}
	named := maps.Clone(ctx.admin1) // the regions the report names, before the cities read add theirs
	ctx.addChosen(ms)               // then read every name again with the cities' regions in mind
	tollSent := tollSentences(x, sents)
	for k := range ms {
		m := &ms[k]
		if m.unknown {
			if len(m.qualifier) > 0 {
				q := m.qualifier[0]
				m.place = &q
			}
		} else {
			ctx.choose(m)
		}
	}
	oneSense(ms)
	localNames(g, ms, named)
	for k := range ms {
		if m := &ms[k]; m.place != nil && !m.place.Demonym {
			m.weight = mentionWeight(m, body, tollSent, ctx)
		}
	}
	for k := range ms { // an unknown place without a qualifier lies in the region the report is about
		if m := &ms[k]; m.unknown && m.place == nil {
			if r := topRegion(ms); r != nil {
				m.place = r
				m.weight = mentionWeight(m, body, tollSent, ctx)
			}
		}
	}
	if p, w := mainPlace(ms); p != nil {
		return p, w, ms, ctx
	}
	if p := outletRegion(g, outlet); p != nil {
		return p, 0.1, ms, ctx
	}
	return nil, 0, ms, ctx
}

// localNames reads a town's name as a place of the region the report is
// about, too small for the gazetteer, when the report names that region
// clearly (a dateline, a qualifier, its outlet: regionMin or more) and
// nothing of the region of the town the name was read as, and the name has
// no reading in the region: "Madison" in a Nashville station's report is
// Madison, Tennessee, a part of Nashville the gazetteer lacks, not Madison,
// Wisconsin. A city of localMaxPop or more keeps its reading.
func localNames(g *geo.Gazetteer, ms []mention, named map[string]float64) {
	top, topW := topOf(named)
	if topW < regionMin {
		return
	}
	cc, code, _ := strings.Cut(top, ".")
	region, ok := g.Admin1(cc, code)
	if !ok {
		return
	}
	for k := range ms {
		m := &ms[k]
		p := m.place
		if p == nil || m.unknown || !m.strong || p.Precision != geo.PrecisionCity || len(m.qualifier) > 0 ||
			p.Population >= localMaxPop || p.Feature == "PPLC" || named[p.Country+"."+p.Admin1Code] > 0 {
			continue
		}
		inRegion := false
		for _, c := range m.cands {
			inRegion = inRegion || c.Country == cc && c.Admin1Code == code
		}
		if !inRegion {
			r := region
			m.place, m.unknown = &r, true
		}
	}
}

// regionMin is how much a report must name a region for localNames;
// localMaxPop the population from which a city is meant wherever it is.
const (
	regionMin   = 1.5
	localMaxPop = 300000
)

// outletRegion is the region an outlet's name places it in ("Cleveland 19
// News Cleveland, OH" → Ohio): where a report that names no place most
// likely happened, told with the precision of a region. A city the outlet's
// address names is told as the city: a report of abc7chicago.com that names
// only "the South Side" is of Chicago.
func outletRegion(g *geo.Gazetteer, ms []mention) *tally.Place {
	for _, m := range ms {
		if len(m.cands) == 0 || m.cands[0].Demonym {
			continue
		}
		p := m.cands[0]
		if m.host && p.Precision == geo.PrecisionCity {
			return toPlace(p)
		}
		if len(m.qualifier) > 0 {
			p = m.qualifier[0]
		}
		switch p.Precision {
		case geo.PrecisionCountry, geo.PrecisionAdmin1:
			return toPlace(p)
		}
		if a, ok := g.Admin1(p.Country, p.Admin1Code); ok {
			return toPlace(a)
		}
	}
	return nil
}

// mentionWeight says how much a mention tells where the main event was.
func mentionWeight(m *mention, body int, tollSent spans, ctx context) float64 {
	w := 0.3
	if m.strong {
		w = 1
	}
	if m.local {
		return 0
	}
	big := m.place.Population >= 100000 || m.place.Feature == "PPLC"
	supported := ctx.countries[m.place.Country]-selfWeight(m) >= 1
	// a town in a headline of a report about its country: "Pekin girl, 8, shot"
	headlineTown := m.start < body && supported || m.place.Admin2 != "" && ctx.counties[countyKey(*m.place)] // or a town of a county named
	if !m.strong && (m.place.Precision == geo.PrecisionCity && !big && !headlineTown || m.place.Precision != geo.PrecisionCity && !supported && ctx.countries[m.place.Country] <= selfWeight(m)) {
		// a name with nothing saying it is a place here, in a country the
		// report names nowhere else: a person ("Brittany"), a street, a team,
		// a car ("a white Toyota")
		return 0
	}
	if other := ctx.countries[m.place.Country] - selfWeight(m); other <= 0 && ctx.top() >= 2 && ctx.topCountry() != m.place.Country {
		w *= 0.2 // a place abroad that nothing else in a report about another country supports
	}
	if m.settlement {
		w *= 1.5 // "the west Houston suburb of Katy": Katy is meant
	}
	if m.origin {
		w *= 0.4 // "a Louisiana man ... in Arkansas": where he is from, not where it happened
	}
	switch {
	case m.start < body:
		w *= 3 // the title
	case m.dateline:
		w += 4
	case m.start < body+leadBytes:
		w *= 1.5
	}
	if tollSent.has(m.start) {
		w *= 2
	}
	if m.place.Precision == geo.PrecisionCountry {
		w *= 0.5 // countries are mostly context ("Russia's Kursk Oblast")
	}
	return w
}

// selfWeight is what a mention itself adds to its country's weight in the context.
func selfWeight(m *mention) float64 {
	if len(m.cands) == 0 || !oneCountry(m.cands) && !m.cands[0].Demonym && m.cands[0].Precision != geo.PrecisionCountry {
		return 0
	}
	if !m.strong && m.cands[0].Precision == geo.PrecisionCity {
		return 0.3
	}
	return 1
}

// spans is a set of byte ranges of the text.
type spans []clean.Span

// has says whether offset i falls in one of the ranges.
func (ss spans) has(i int) bool {
	for _, s := range ss {
		if i >= s.Start && i < s.End {
			return true
		}
	}
	return false
}

// tollSentences are the sentences that state an incident-scope figure.
func tollSentences(x *tally.Extraction, sents []clean.Span) spans {
	var out spans
	for _, c := range x.Claims {
		if c.Scope != tally.ScopeIncident {
			continue
		}
		for _, s := range sents {
			if c.Span[0] >= s.Start && c.Span[0] < s.End {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// topRegion is the admin1 unit (or country) named most strongly.
func topRegion(ms []mention) *geo.Place {
	var best *geo.Place
	bestW := 0.0
	for _, m := range ms {
		if m.place == nil || m.unknown || m.place.Precision == geo.PrecisionCity || m.place.Demonym {
			continue
		}
		if m.weight > bestW {
			p := *m.place
			best, bestW = &p, m.weight
		}
	}
	return best
}

// describeClaims gives each claim the place and date its sentence names.
func describeClaims(g *geo.Gazetteer, x *tally.Extraction, ms []mention, ctx context, sents []clean.Span, dates []when.Span) {
	text := x.Doc.Text
	pub := x.Doc.Published
	read := len(placeText(x))
	var far []clean.Span // the sentences after those read, split when a claim lies there
	for i := range x.Claims {
		c := &x.Claims[i]
		s, ok := sentenceAt(sents, c.Span[0])
		if !ok {
			if far == nil {
				from := x.Doc.BodyStart
				if len(sents) > 0 {
					from = sents[len(sents)-1].End
				}
				far = clean.AppendSentences([]clean.Span{}, text, from)
			}
			if s, ok = sentenceAt(far, c.Span[0]); !ok {
				continue
			}
		}
		mentions := ms
		if s.End > read { // beyond what was read for places: its sentence alone
			mentions = findMentions(g, text, tokenizeAt(text, s), x.Doc.BodyStart, nil)
			for k := range mentions {
				if !mentions[k].unknown {
					ctx.choose(&mentions[k])
				}
				mentions[k].weight = 1
			}
		}
		var best *mention
		for k := range mentions {
			m := &mentions[k]
			if m.place == nil || m.place.Demonym || m.start < s.Start || m.end > s.End {
				continue
			}
			if best == nil || m.weight > best.weight || m.place.Precision == geo.PrecisionCity && best.place.Precision != geo.PrecisionCity {
				best = m
			}
		}
		if best != nil {
			c.Where = best.text
			c.Place = toPlace(*best.place)
			if best.unknown {
				c.Place.Name = best.text
			}
		}
		if pub.IsZero() {
			continue
		}
		found := dates
		if s.End > dateBytes { // beyond what was searched once
			found = when.Find(text[s.Start:s.End], pub)
			for k := range found {
				found[k].At[0] += s.Start
			}
		}
		for _, d := range found {
			if d.At[0] >= s.Start && d.At[0] < s.End {
				c.When = d.Text
				c.Date = &tally.DateSpan{Start: d.Start, End: d.End, Precision: string(d.Precision), Text: d.Text}
				break
			}
		}
	}
}

// dateBytes is how much of a report is searched for dates at once (the
// lead); claims further down have their own sentence searched.
const dateBytes = eventLead

// findDates finds the dates of the first dateBytes of a report, resolved
// against its publication date (none without one).
func findDates(x *tally.Extraction) []when.Span {
	if x.Doc.Published.IsZero() {
		return nil
	}
	text := x.Doc.Text
	if len(text) > dateBytes {
		text = text[:dateBytes]
	}
	return when.Find(text, x.Doc.Published)
}

// eventLead is how much of a document's text is searched for its event date.
const eventLead = 600

// eventDate is the date of the event a document reports: a date in the
// title or lead, within 60 days before publication, in a sentence that
// states a casualty figure ("an Aug. 29 drone strike in Kabul killed ...");
// else the first such date of the lead; else the publication day, with
// precision "" (a report date, not an event date). Nil without a
// publication date: relative dates ("Tuesday") cannot be resolved then.
func eventDate(x *tally.Extraction, dates []when.Span) *tally.DateSpan {
	pub := x.Doc.Published
	if pub.IsZero() {
		return nil
	}
	lead := x.Doc.Text
	if len(lead) > eventLead {
		lead = lead[:eventLead]
	}
	var first *when.Span
	for _, s := range dates {
		if s.At[1] > eventLead {
			break
		}
		if gap := pub.Sub(s.Start).Hours() / 24; gap < -1 || gap > 60 {
			continue
		}
		if s.Precision == when.Day && !reportDate(lead, s.At[0]) {
			for _, c := range x.Claims {
				if c.Scope == tally.ScopeIncident && c.Span[0] < eventLead && strings.Contains(c.Sentence, s.Text) {
					return span(s)
				}
			}
		}
		if first == nil || first.Precision != when.Day && s.Precision == when.Day {
			s := s
			first = &s
		}
	}
	if first != nil {
		return span(*first)
	}
	y, m, d := pub.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return &tally.DateSpan{Start: day, End: day, Precision: "", Text: ""}
}

// reportVerbsBefore are words that, just before a date, make it the date of
// the report rather than of the event: "said on Jan. 13", "announced Tuesday".
var reportVerbsBefore = []string{"said", "says", "announced", "reported", "stated", "told", "released",
	"published", "posted", "updated", "confirmed", "statement"}

// reportDate says whether the date at offset at in text is told as the
// date of a statement.
func reportDate(text string, at int) bool {
	before := strings.ToLower(text[max(0, at-16):at])
	for _, v := range reportVerbsBefore {
		if strings.Contains(before, v) {
			return true
		}
	}
	return false
}

func span(s when.Span) *tally.DateSpan {
	return &tally.DateSpan{Start: s.Start, End: s.End, Precision: string(s.Precision), Text: s.Text}
}

// sides finds side A (who did it) and side B (to whom) of the main event:
// from the sentence of the killed toll (else the first incident figure),
// then the title; side B defaults to the victims the toll counts.
// Acronyms the report defines are spelled out.
func sides(g *geo.Gazetteer, x *tally.Extraction, text string, sents []clean.Span, toks []tok) (string, string) {
	var spans []clean.Span // the sentences to read, in order, each once
	add := func(sp clean.Span) {
		for _, o := range spans {
			if o == sp {
				return
			}
		}
		spans = append(spans, sp)
	}
	sentenceOf := func(pos int) (clean.Span, bool) {
		for _, sp := range sents {
			if pos >= sp.Start && pos < sp.End {
				return sp, true
			}
		}
		return clean.Span{}, false
	}
	// First the sentences that give the killed toll; then the lead's first
	// sentences (a headline and its lead repeat a figure, which the
	// extractor lists once, with the headline's sentence); then those of
	// other figures ("the gunman was killed by deputies" tells of another death).
	victims := ""
	var other []clean.Span
	for _, c := range x.Claims {
		if c.Scope != tally.ScopeIncident || c.PartOf >= 0 {
			continue
		}
		sp, ok := sentenceOf(c.Span[0])
		if !ok {
			continue
		}
		if x.Summary.Killed != nil && c.Category == tally.Killed && c.Count.Low == x.Summary.Killed.Best {
			if victims == "" && !generic(c.Who) {
				victims = c.Who
			}
			add(sp)
			continue
		}
		if len(other) < 3 {
			other = append(other, sp)
		}
	}
	n := 0
	for _, sp := range sents {
		if sp.Start >= x.Doc.BodyStart && n < 3 {
			add(sp)
			n++
		}
	}
	for _, sp := range other {
		add(sp)
	}
	if x.Doc.BodyStart > 0 {
		add(clean.Span{Start: 0, End: len(x.Doc.Title)})
	}
	acr := acronyms(text)
	var a, b string
	for _, sp := range spans {
		sa, sb := sideA(text, tokensIn(toks, sp))
		if a == "" && sa != "" && isActor(sa) {
			a = sa
		}
		if b == "" && sb != "" && isActor(sb) {
			b = sb
		}
		if a != "" && b != "" {
			break
		}
	}
	if b == "" && !generic(victims) {
		b = victims
	}
	return expand(a, acr), expand(b, acr)
}

// tokensIn returns the tokens that lie in a span of the text.
func tokensIn(toks []tok, sp clean.Span) []tok {
	lo := sort.Search(len(toks), func(i int) bool { return toks[i].start >= sp.Start })
	hi := sort.Search(len(toks), func(i int) bool { return toks[i].start >= sp.End })
	return toks[lo:hi]
}

// isActor rejects phrases that cannot name a party: figures, pronouns, dates.
func isActor(s string) bool {
	if s == "" || len(s) > 80 {
		return false
	}
	low := strings.ToLower(s)
	switch low {
	case "he", "she", "they", "it", "who", "which", "that", "this", "we", "i", "you", "one", "someone":
		return false
	}
	return !(low[0] >= '0' && low[0] <= '9')
}

// generic victim phrases say nothing about who the victims were.
func generic(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "people", "persons", "others", "other people", "dead", "victims", "deaths", "killed", "wounded", "injured":
		return true
	}
	return false
}

// expand spells out an acronym the report defines: "SOF" → "Special Operations Forces (SOF)".
func expand(s string, acr map[string]string) string {
	if full, ok := acr[s]; ok {
		return full + " (" + s + ")"
	}
	for a, full := range acr {
		if strings.HasSuffix(s, " "+a) || strings.HasPrefix(s, "the "+a) {
			return strings.TrimSuffix(s, a) + full + " (" + a + ")"
		}
	}
	return s
}
