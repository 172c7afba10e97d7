// Package extract finds casualty claims in a cleaned document: every figure
// of killed, wounded, captured or missing people with its qualifier, the
// victims it counts, who states it and whether it is one incident's toll or
// an aggregate; and the document's summary, the figures of its main incident.
//
// extract imports the root package and clean; nothing to its right.
package extract

import (
	"strings"
	"sync"

	"tally"
	"tally/clean"
)

// Extract runs the claim grammar over a cleaned document.
func Extract(t clean.Text) tally.Extraction {
	doc := t.Doc
	text := doc.Text
	lower := lowerASCII(text)
	sc := getScratch()
	defer sc.release()
	d := &docState{text: text, sents: sc.infos[:0], out: sc.out[:0], sources: sc.sources[:0]}
	// One token buffer for the whole document, sliced per sentence.
	toks := sc.toks[:0]
	if need := len(text)/5 + 16; cap(toks) < need {
		toks = make([]token, 0, need)
	}
	bounds := grow(sc.bounds, len(t.Sentences)+1)
	for si, cs := range t.Sentences {
		toks = tokenize(toks, text, lower, cs.Start, cs.End)
		bounds[si+1] = len(toks)
	}
	numAt := grow(sc.numAt, len(toks))
	used := grow(sc.used, len(toks))
	sents := grow(sc.sents, len(t.Sentences))
	sc.toks, sc.bounds, sc.numAt, sc.used, sc.sents = toks, bounds, numAt, used, sents
	// Figures and finds are few: arenas of a tenth of the tokens hold them
	// in nearly every document (beyond that, a sentence's own slice grows).
	nums := arena[number]{sc.nums[:0]}
	nums.reserve(16 + len(toks)/10)
	finds := arena[found]{sc.finds[:0]}
	finds.reserve(16 + len(toks)/10)
	attrArena := arena[attribution]{sc.attrs[:0]}
	attrArena.reserve(16 + len(t.Sentences)/2)
	for si, cs := range t.Sentences {
		a, b := bounds[si], bounds[si+1]
		s := &sents[si]
		s.toks, s.numAt, s.used, s.title, s.src, s.lower = toks[a:b:b], numAt[a:b:b], used[a:b:b], cs.Title, text, lower
		s.nums, s.finds = nums.next(), finds.next()
		s.analyse()
		s.nums, s.finds = nums.keep(s.nums), finds.keep(s.finds)
		var attrs []attribution
		if cs.Title || s.any&uint64(reportVerbs|passiveReport) != 0 {
			attrs = attrArena.keep(s.attributions(attrArena.next(), text, cs.Title))
		}
		d.add(si, cs, s, attrs)
	}
	sc.nums, sc.finds, sc.attrs = nums.buf, finds.buf, attrArena.buf
	claims := d.claims()
	tr := tracker{people: sc.people[:0], last: -1}
	for si := range d.sents {
		tr.track(d.sents[si].s, si, d.sents[si].cs.Title, text)
	}
	x := tally.Extraction{Doc: doc}
	var sums []summed
	x.Summary, sums = summarize(d, claims, &tr)
	for _, s := range sums { // "13 US troops and 72 Afghans": the parts of a derived 85
		for _, i := range s.parts {
			claims[i].PartOf = len(claims)
		}
		claims = append(claims, s.claim)
	}
	x.Claims = mergeRepeats(append(claims, tr.newClaims(d, claims)...))
	x.People = tr.named(text)
	sc.infos, sc.out, sc.sources, sc.people = d.sents, d.out, d.sources, tr.people
	return x
}

// scratch is the working memory of one Extract, reused across documents:
// nothing in an Extraction points into it.
type scratch struct {
	toks    []token
	bounds  []int
	numAt   []int
	used    []bool
	sents   []sent
	infos   []sentInfo
	nums    []number
	finds   []found
	attrs   []attribution
	out     []pending
	sources []string
	people  []person
}

// arena hands out consecutive slices of one buffer: next is an empty slice
// with the rest of the buffer as capacity, keep commits what was appended to
// it. A slice that outgrew the buffer (append moved it) is kept as it is.
type arena[T any] struct{ buf []T }

// reserve makes room for n elements, dropping the buffer if it is too small.
func (a *arena[T]) reserve(n int) {
	if cap(a.buf)-len(a.buf) < n {
		a.buf = make([]T, 0, n)
	}
}

func (a *arena[T]) next() []T { return a.buf[len(a.buf):len(a.buf)] }

func (a *arena[T]) keep(s []T) []T {
	if n := len(s); n > 0 && cap(s) == cap(a.buf)-len(a.buf) {
		a.buf = a.buf[:len(a.buf)+n]
	}
	return s[:len(s):len(s)] // later appends copy rather than overwrite the next
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// release returns the scratch to the pool, unless a huge document made it
// too big to keep. What it holds is overwritten or cleared when next used
// (until then it keeps one document's text alive, no more).
func (sc *scratch) release() {
	if cap(sc.toks) > 1<<14 { // a document of over 80 KB
		return
	}
	scratchPool.Put(sc)
}

// grow returns a zeroed slice of n elements, reusing b's memory if it can.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// sentInfo is what the document keeps of each analysed sentence.
type sentInfo struct {
	cs     clean.Sentence
	s      *sent
	attrs  []attribution
	quoted bool // begins inside a quotation
	first  int  // index of its first claim in docState.out
}

// docState carries what one sentence tells the next: the last source named,
// the last speaker quoted, the claims so far.
type docState struct {
	text      string
	sents     []sentInfo
	out       []pending
	sources   []string // every source named in the document
	inQuote   bool
	lastPara  int
	speaker   string // the source of the last quotation or statement
	lastClaim string // the source of the last attributed claim
}

// pending is a claim with what is needed to finish it.
type pending struct {
	c     tally.Claim
	f     found
	sent  int
	agent string
}

func (d *docState) add(si int, cs clean.Sentence, s *sent, attrs []attribution) {
	if cs.Para != d.lastPara {
		d.inQuote = false
		d.lastPara = cs.Para
	}
	info := sentInfo{cs: cs, s: s, attrs: attrs, quoted: d.inQuote || len(s.toks) > 0 && s.toks[0].w == "\"", first: len(d.out)}
	if s.quotes%2 == 1 {
		d.inQuote = !d.inQuote
	}
	// Resolve pronoun sources to the last source named.
	for k := range attrs {
		a := &attrs[k]
		if a.pronoun {
			if d.speaker == "" {
				a.who = ""
				continue
			}
			a.who = d.speaker
		}
	}
	for _, a := range attrs {
		if a.who != "" {
			d.sources = append(d.sources, a.who)
		}
	}
	sentence := d.text[cs.Start:cs.End]
	for _, f := range s.finds {
		c := tally.Claim{
			Category: f.cat,
			Count:    count(d.text, s, f.n),
			Who:      phrase(d.text, s, f.who),
			Scope:    scopeOf(s, f),
			Sentence: sentence,
			Span:     [2]int{int(s.toks[f.n.ni].start), int(s.toks[f.n.j-1].end)},
			PartOf:   -1,
			Derived:  f.derived,
		}
		c.ClaimedBy = d.claimant(s, attrs, f, info)
		p := pending{c: c, f: f, sent: si}
		if f.agent[0] >= 0 {
			p.agent = phrase(d.text, s, f.agent)
		}
		d.out = append(d.out, p)
	}
	for _, a := range attrs {
		if a.who != "" && !a.pronoun {
			d.speaker = a.who
		}
	}
	if len(attrs) > 0 && attrs[len(attrs)-1].who != "" {
		d.speaker = attrs[len(attrs)-1].who
	}
	d.sents = append(d.sents, info)
}

// claimant picks the source of a figure: the attribution of its sentence
// that covers its position, else the speaker of an open quotation, else the
// source of the sentence before when this one continues it ("Another 13
// soldiers were wounded in the same attack").
func (d *docState) claimant(s *sent, attrs []attribution, f found, info sentInfo) string {
	pos := f.n.ni
	best, dist := "", 1<<30
	for _, a := range attrs {
		if a.who == "" || pos >= a.from && pos < a.to {
			continue
		}
		var ok bool
		switch a.kind {
		case attrWhole:
			ok = true
		case attrForward:
			ok = pos > a.verb
		case attrTrailing:
			ok = true
		case attrBackward:
			ok = pos < a.verb
		}
		if !ok {
			continue
		}
		dd := abs(pos - a.verb)
		if a.kind == attrWhole {
			dd += 1000 // a named verb near the figure wins over "according to"
		}
		if dd < dist {
			best, dist = a.who, dd
		}
	}
	if best != "" {
		d.lastClaim = best
		return best
	}
	if info.quoted && d.speaker != "" {
		return d.speaker
	}
	if continues(s) && d.lastClaim != "" {
		return d.lastClaim
	}
	d.lastClaim = ""
	return ""
}

// continues says whether a sentence continues the report of the one before.
func continues(s *sent) bool {
	if len(s.toks) == 0 {
		return false
	}
	switch s.w(0) {
	case "another", "also", "additionally", "moreover", "furthermore":
		return true
	case "the":
		return s.is(1, ordinalWords)
	case "in":
		return s.w(1) == "addition"
	case "a":
		return s.w(1) == "total" && s.w(2) == "of" || s.is(1, ordinalWords)
	case "of", "among":
		return s.w(1) == "them" || s.w(1) == "those" || s.w(1) == "these" || s.w(1) == "whom"
	}
	for i := 0; i+2 < len(s.toks); i++ {
		if s.w(i) == "the" && s.w(i+1) == "same" && (s.w(i+2) == "attack" || s.w(i+2) == "incident" || s.w(i+2) == "ambush" || s.w(i+2) == "raid" || s.w(i+2) == "battle" || s.w(i+2) == "strike") {
			return true
		}
	}
	return false
}

// claims finishes the pending claims: parts linked to wholes across the
// document, figures a party states about its own action attributed to it.
func (d *docState) claims() []tally.Claim {
	out := make([]tally.Claim, len(d.out))
	base := 0
	for i := range d.out {
		p := &d.out[i]
		if i > 0 && p.sent != d.out[i-1].sent {
			base = i
		}
		if p.f.whole >= 0 {
			p.c.PartOf = base + p.f.whole
		}
		if p.agent != "" && (p.c.ClaimedBy == "" && d.isSource(p.agent) || isStatement(p.c.ClaimedBy)) {
			p.c.ClaimedBy = p.agent
			p.c.SelfReported = true
		} else if p.agent != "" && p.c.ClaimedBy != "" && sharesWord(p.agent, p.c.ClaimedBy) {
			p.c.SelfReported = true // "police shot and killed the man, police said"
		}
		out[i] = p.c
	}
	linkSums(out)
	// "killed 21 and wounded 40 North Korean soldiers", "eight more", "47 others":
	// a figure without its own victims counts those of its neighbour.
	for i := range out {
		if w := strings.ToLower(out[i].Who); w == "" || w == "more" || w == "others" || w == "other" || w == "more others" {
			for _, k := range []int{i - 1, i + 1} {
				if k >= 0 && k < len(out) && d.out[k].sent == d.out[i].sent && out[k].Who != "" && !strings.EqualFold(out[k].Who, "more") && !strings.EqualFold(out[k].Who, "others") {
					out[i].Who = out[k].Who
					break
				}
			}
		}
	}
	// Parts share the source of their whole.
	for i := range out {
		if w := out[i].PartOf; w >= 0 && w < i && out[i].ClaimedBy == "" {
			out[i].ClaimedBy = out[w].ClaimedBy
		}
	}
	d.headlineSources(out)
	return out
}

// headlineSources gives a headline figure stated without a source the source
// of the lead sentence that states the same figure: a headline restates its
// lead ("... kursk: 21 dead" over "SOF killed 21 North Korean soldiers").
func (d *docState) headlineSources(c []tally.Claim) {
	for i := range c {
		if !d.sents[d.out[i].sent].cs.Title {
			continue
		}
		for k := i + 1; k < len(c); k++ {
			if !d.inLead(d.out[k].sent) || d.sents[d.out[k].sent].cs.Title {
				continue
			}
			if d.bodyIndex(d.out[k].sent) >= 2 {
				break
			}
			if c[k].Category != c[i].Category || c[k].Count.Low != c[i].Count.Low || c[k].ClaimedBy == "" {
				continue
			}
			// The lead names the headline's source more fully ("U.S." → "U.S. Central Command").
			if c[i].ClaimedBy != "" && len(c[k].ClaimedBy) > len(c[i].ClaimedBy) && strings.Contains(strings.ToLower(c[k].ClaimedBy), strings.ToLower(c[i].ClaimedBy)) ||
				c[i].ClaimedBy == "" && c[k].Count.Qualifier == c[i].Count.Qualifier {
				c[i].ClaimedBy = c[k].ClaimedBy
			}
			break
		}
	}
}

// bodyIndex counts the body sentences before sentence si.
func (d *docState) bodyIndex(si int) int {
	n := 0
	for k := 0; k < si; k++ {
		if !d.sents[k].cs.Title {
			n++
		}
	}
	return n
}

// mergeRepeats keeps one claim per figure, category, scope and source in a
// document: a headline and its lead, or a recap later on, repeat a figure
// ("13 US service members killed" / "At least 13 U.S. service members were
// among dozens killed"); the ledger lists it once, at its first mention.
func mergeRepeats(c []tally.Claim) []tally.Claim {
	keep := make([]int, len(c)) // old index → new index
	var out []tally.Claim
	for i, x := range c {
		keep[i] = -1
		for k, y := range out {
			if y.Category == x.Category && y.Count.Low == x.Count.Low && y.Scope == x.Scope &&
				strings.EqualFold(y.ClaimedBy, x.ClaimedBy) && (y.Derived == tally.Stated) == (x.Derived == tally.Stated) {
				keep[i] = k
				break
			}
		}
		if keep[i] < 0 {
			keep[i] = len(out)
			out = append(out, x)
		}
	}
	for k := range out {
		if p := out[k].PartOf; p >= 0 {
			out[k].PartOf = keep[p]
			if out[k].PartOf == k {
				out[k].PartOf = -1
			}
		}
	}
	return out
}

// sharesWord says whether two names share a distinctive word.
func sharesWord(a, b string) bool {
	wb := contentWords(b)
	for w := range contentWords(a) {
		if wb[w] {
			return true
		}
	}
	return false
}

// isStatement says whether a source is an anonymous statement ("according to
// an official statement released Tuesday"): then the party whose action the
// sentence reports issued it.
func isStatement(src string) bool {
	lc := strings.ToLower(src)
	if !strings.Contains(lc, "statement") && !strings.Contains(lc, "press release") && !strings.Contains(lc, "communique") {
		return false
	}
	for i, w := range strings.Fields(src) {
		if i > 0 && w[0] >= 'A' && w[0] <= 'Z' && !timeAdverbs.has(strings.ToLower(w)) && !monthWords.has(strings.ToLower(w)) {
			return false // a named issuer: "a Pentagon statement"
		}
	}
	return true
}

// isSource says whether a phrase names a source of the document (a party
// reporting its own action: "Ukrainian Special Operations Forces (SOF)
// killed 21 ..." in an article where "the SOF reported").
func (d *docState) isSource(agent string) bool {
	at := contentWords(agent)
	if len(at) == 0 {
		return false
	}
	for _, src := range d.sources {
		for w := range contentWords(src) {
			if at[w] {
				return true
			}
		}
	}
	return false
}

// contentWords are the distinctive words of a name, lower-cased: no
// function words, no generic nouns ("forces", "officials").
func contentWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if len(w) > 1 && !determiners.has(w) && !genericSourceWords.has(w) && w != "s" {
			m[w] = true
		}
	}
	return m
}

var genericSourceWords = set("of", "and", "forces", "force", "officials", "official", "sources", "source", "the",
	"press", "service", "police", "military", "army", "government", "media", "state", "national", "reports",
	"report", "statement", "he", "she", "they", "it", "we", "said", "according", "to", "in", "on", "at", "for")

// linkSums marks consecutive figures of one category that add up to a figure
// just before them as its parts: "13 killed ... five in direct combat and
// eight more neutralized".
func linkSums(c []tally.Claim) {
	for i := 0; i+1 < len(c); i++ {
		a, b := c[i], c[i+1]
		if a.PartOf >= 0 || b.PartOf >= 0 || a.Category != b.Category || a.Count.Qualifier != tally.Exact || b.Count.Qualifier != tally.Exact {
			continue
		}
		sum := a.Count.Low + b.Count.Low
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			w := c[k]
			if w.Category == a.Category && w.Count.Low == sum && w.Count.High != nil && *w.Count.High == sum && w.PartOf < 0 {
				c[i].PartOf, c[i+1].PartOf = k, k
				break
			}
		}
	}
}

// count renders a figure as a tally.Count.
func count(text string, s *sent, n number) tally.Count {
	c := tally.Count{Low: n.low, Qualifier: n.qual, Text: text[s.toks[n.i].start:s.toks[n.j-1].end]}
	if n.high >= 0 {
		c.High = tally.Int64(n.high)
	}
	return c
}

// phrase returns the text of tokens [r[0], r[1]).
func phrase(text string, s *sent, r [2]int) string {
	if r[0] < 0 || r[1] <= r[0] || r[1] > len(s.toks) {
		return ""
	}
	return text[s.toks[r[0]].start:s.toks[r[1]-1].end]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
