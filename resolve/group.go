package resolve

import (
	"sort"
	"strings"
	"time"

	"tally"
	"tally/clean"
	"tally/event"
	"tally/when"
)

// Options tune grouping.
type Options struct {
	// Threshold is the similarity at which a report joins an incident.
	Threshold float64
	// MaxKeys is how many distinctive terms of a document are indexed for blocking.
	MaxKeys int
	// MaxDF drops terms found in more documents than this from blocking (too common to tell events apart).
	MaxDF int
	// Merge is the probability from which a report that joins one incident
	// also merges into it another incident it resembles (it bridges two
	// reports of one event that did not resemble each other enough); 0 never merges.
	Merge float64
	// Cohesion is the mean probability over an incident's reports (of three
	// or more) that a report must reach to join it; 0 checks nothing.
	Cohesion float64
	// Weights of the pair model; the zero value means the fitted weights.
	Weights *pairFeatures
}

// DefaultOptions were measured on the gun-violence corpus (../shared/data/gva).
var DefaultOptions = Options{Threshold: 0.5, Merge: 0.8, Cohesion: 0.35, MaxKeys: 16, MaxDF: 60}

// link says why a document joined an incident: the document it resembles most and how.
type link struct {
	to      int     // document index, -1 for the first document of an incident
	score   float64 // probability that both tell of one event
	cosine  float64 // text similarity
	days    int     // days between the two event dates (-1: unknown)
	names   []string
	figures []figure
}

// grouping is the result of group before it becomes incidents.
type grouping struct {
	docs    []*doc
	cluster []int    // document → cluster
	links   []link   // document → why
	members [][]int  // cluster → documents
	ids     []string // cluster → incident id
	w       *pairFeatures
	post    map[int32][]int
	pairs   int         // document pairs compared, a measure of the work done
	alike   []alikePair // pairs compared that reached relatedMin
}

// alikePair is two documents that resemble each other, and how much.
type alikePair struct {
	a, b int
	p    float64
}

// group clusters the documents. Documents already assigned to an incident
// (hash → incident id) keep it; the others, in event-date order, join the
// incident of the most similar document placed before them if the
// probability that both tell of one event reaches the threshold, else open
// a new incident. Candidates come from an inverted index of distinctive
// terms, so the cost grows with the number of documents, not its square.
func group(xs []tally.Extraction, assigned map[string]string, opt Options) *grouping {
	v := newVocab()
	docs := make([]*doc, len(xs))
	tfs := make([]map[int32]float32, len(xs))
	for i := range xs {
		docs[i] = newDoc(&xs[i])
		tfs[i] = v.count(leadOf(xs[i].Doc.Text, vectorLength))
	}
	relocate(docs)
	for i, d := range docs {
		vec, keys := v.weigh(tfs[i], opt.MaxKeys, int32(opt.MaxDF))
		d.vec, d.keys = sortedVec(vec), keys
		d.title = v.weighOnly(v.lookup(xs[i].Doc.Title))
	}
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	// placed documents first, then the new ones; each in date order
	sort.SliceStable(order, func(a, b int) bool {
		pa, pb := assigned[xs[order[a]].Doc.Hash] != "", assigned[xs[order[b]].Doc.Hash] != ""
		if pa != pb {
			return pa
		}
		return docs[order[a]].date.Before(docs[order[b]].date)
	})
	g := &grouping{docs: docs, cluster: make([]int, len(docs)), links: make([]link, len(docs)), w: opt.Weights, post: map[int32][]int{}}
	if g.w == nil {
		g.w = &weights
	}
	byID := map[string]int{}
	seen := make([]int, len(docs)) // candidate dedup stamp
	for i := range seen {
		seen[i] = -1
	}
	for _, i := range order {
		d := docs[i]
		best := link{to: -1}
		near := map[int]float64{} // cluster → best probability
		bestTo := map[int]link{}  // cluster → the best link into it
		for _, k := range d.keys {
			for _, j := range g.post[k] {
				if seen[j] == i {
					continue
				}
				seen[j] = i
				g.pairs++
				l := similarity(d, docs[j], g.w)
				l.to = j
				if l.score >= relatedMin {
					g.alike = append(g.alike, alikePair{i, j, l.score})
				}
				if l.score > best.score {
					best = l
				}
				if c := g.cluster[j]; l.score > near[c] {
					near[c] = l.score
					bestTo[c] = l
				}
			}
		}
		id := assigned[d.x.Doc.Hash]
		switch {
		case id != "":
			c, ok := byID[id]
			if !ok {
				c = g.open(id)
				byID[id] = c
			}
			if best.to >= 0 && g.cluster[best.to] != c {
				best = link{to: -1, score: best.score}
			}
			g.join(i, c)
		case best.to >= 0 && best.score >= opt.Threshold && g.cohesive(d, bestTo, near, opt, &best):
			c := g.cluster[best.to]
			g.join(i, c)
			if opt.Merge > 0 {
				var others []int
				for oc, p := range near {
					if oc != c && p >= opt.Merge {
						others = append(others, oc)
					}
				}
				sort.Ints(others)
				for _, oc := range others {
					g.merge(oc, c)
				}
			}
		default:
			g.join(i, g.open(incidentID(d.x.Doc.Hash)))
			best = link{to: -1, score: best.score}
		}
		g.links[i] = best
		for _, k := range d.keys {
			g.post[k] = append(g.post[k], i)
		}
	}
	return g
}

// cohesive picks, among the incidents a document links to strongly enough,
// the best one it resembles as a whole: for an incident of three reports or
// more, the mean probability over (up to eight of) its reports must reach
// opt.Cohesion, so that one report that happens to resemble another does not
// chain two events together. best is set to the link into the chosen
// incident; false when there is none.
func (g *grouping) cohesive(d *doc, bestTo map[int]link, near map[int]float64, opt Options, best *link) bool {
	if opt.Cohesion <= 0 {
		return true
	}
	var cands []int
	for c, p := range near {
		if p >= opt.Threshold {
			cands = append(cands, c)
		}
	}
	sort.Slice(cands, func(a, b int) bool {
		return near[cands[a]] > near[cands[b]] || near[cands[a]] == near[cands[b]] && cands[a] < cands[b]
	})
	for _, c := range cands {
		ms := g.members[c]
		if len(ms) >= 3 {
			sum, n := 0.0, 0
			for k := len(ms) - 1; k >= 0 && n < 8; k-- {
				sum += similarity(d, g.docs[ms[k]], g.w).score
				n++
			}
			if sum/float64(n) < opt.Cohesion {
				continue
			}
		}
		*best = bestTo[c]
		return true
	}
	return false
}

// open starts a cluster with an incident id.
func (g *grouping) open(id string) int {
	g.members = append(g.members, nil)
	g.ids = append(g.ids, id)
	return len(g.members) - 1
}

// merge moves every document of cluster src into dst; src is left empty.
func (g *grouping) merge(src, dst int) {
	for _, i := range g.members[src] {
		g.cluster[i] = dst
	}
	g.members[dst] = append(g.members[dst], g.members[src]...)
	g.members[src] = nil
}

// join puts document i in cluster c.
func (g *grouping) join(i, c int) {
	g.cluster[i] = c
	g.members[c] = append(g.members[c], i)
}

// Resolve groups extractions into incidents and reconciles each. Documents
// in assigned (document hash → incident id) stay in their incidents; the
// others attach to existing incidents or open new ones, so ingesting new
// reports does not regroup the old. Every incident is returned, reconciled,
// with the ids of related incidents (alike, but judged other events).
func Resolve(xs []tally.Extraction, assigned map[string]string, opt Options) []tally.Incident {
	g := group(xs, assigned, opt)
	out := make([]tally.Incident, len(g.members))
	for c, ms := range g.members {
		if len(ms) == 0 {
			continue // merged into another
		}
		out[c] = reconcile(g, ms)
		out[c].ID = g.ids[c]
	}
	related(g, out)
	kept := out[:0]
	for _, inc := range out {
		if inc.ID != "" {
			kept = append(kept, inc)
		}
	}
	return kept
}

// relatedMin is the probability from which two documents of different
// incidents make their incidents related: alike, but judged other events.
const relatedMin = 0.15

// related lists, per incident, the incidents one of its documents
// resembles (at least relatedMin), most alike first, at most five: from the
// pairs grouping compared, so no pair is scored twice.
func related(g *grouping, incs []tally.Incident) {
	best := map[[2]int]float64{} // (incident, other incident) → best probability
	for _, pr := range g.alike {
		ca, cb := g.cluster[pr.a], g.cluster[pr.b]
		if ca == cb {
			continue
		}
		for _, k := range [][2]int{{ca, cb}, {cb, ca}} {
			if pr.p > best[k] {
				best[k] = pr.p
			}
		}
	}
	rel := map[int][]int{}
	for k := range best {
		rel[k[0]] = append(rel[k[0]], k[1])
	}
	for c, others := range rel {
		sort.Slice(others, func(a, b int) bool {
			pa, pb := best[[2]int{c, others[a]}], best[[2]int{c, others[b]}]
			return pa > pb || pa == pb && others[a] < others[b]
		})
		if len(others) > 5 {
			others = others[:5]
		}
		for _, oc := range others {
			incs[c].Related = append(incs[c].Related, g.ids[oc])
		}
	}
}

// similarity scores how likely two documents report the same event (a probability).
func similarity(a, b *doc, w *pairFeatures) link {
	f, l := features(a, b)
	l.score = f.probability(*w)
	return l
}

// regionShare and regionMin say when a collection has a region: at least
// this share of at least this many located reports in one country.
const (
	regionShare = 0.6
	regionMin   = 20
)

// relocate reads again, with the collection's main country as a prior, the
// place of every report placed elsewhere or nowhere: a collection of
// American local news makes "Birmingham police" Birmingham, Alabama. The
// reports' own readings are left as they are; the incidents use these.
func relocate(docs []*doc) {
	n := map[string]int{}
	for _, d := range docs {
		if ev := d.x.Event; ev != nil && ev.Place != nil && ev.Place.Country != "" {
			n[ev.Place.Country]++
		}
	}
	top, k, located := dominant(n)
	region := located >= regionMin && float64(k) >= regionShare*float64(located)
	outlets := outletRegions(docs)
	for _, d := range docs {
		if ev := d.x.Event; ev != nil {
			d.where, d.whereWeight = ev.Place, ev.PlaceWeight
		}
		prior := event.Prior{}
		if region && (d.where == nil || d.where.Country != top) {
			prior[top] = 1.5
		}
		if r, ok := outlets[outletOf(d.x)]; ok && (d.where == nil || d.where.Country+"/"+d.where.Admin1 != r) {
			prior[r] = 1.5 // the region the outlet's other reports are placed in
		}
		if len(prior) > 0 {
			if p, w := event.Locate(d.x, prior); p != nil {
				d.where, d.whereWeight = p, w
			}
		}
	}
}

// strongPlace is the weight from which a report names its place clearly
// enough (a dateline, a qualifier, a headline) to tell its outlet's region.
const strongPlace = 3

// outletRegions learns, per outlet, the first-level region ("US/Texas") it
// reports on: where at least two of its reports, and three in five of
// those placed clearly, are placed. A local outlet's report that names an
// ambiguous town ("Columbus police") is then read in that region.
func outletRegions(docs []*doc) map[string]string {
	counts := map[string]map[string]int{}
	for _, d := range docs {
		ev := d.x.Event
		if ev == nil || ev.Place == nil || ev.Place.Admin1 == "" || ev.PlaceWeight < strongPlace {
			continue
		}
		o := outletOf(d.x)
		if o == "" {
			continue
		}
		if counts[o] == nil {
			counts[o] = map[string]int{}
		}
		counts[o][ev.Place.Country+"/"+ev.Place.Admin1]++
	}
	out := map[string]string{}
	for o, c := range counts {
		if best, k, total := dominant(c); k >= 2 && 5*k >= 3*total {
			out[o] = best
		}
	}
	return out
}

// dominant is the most frequent key of counts (of equals, the first in
// order), how often it occurs, and the total.
func dominant(counts map[string]int) (key string, n, total int) {
	for k, c := range counts {
		total += c
		if c > n || c == n && k < key {
			key, n = k, c
		}
	}
	return key, n, total
}

// outletOf names a report's outlet for outletRegions: the host of its URL
// (see clean.HostOf), else its outlet's name.
func outletOf(x *tally.Extraction) string {
	if h := clean.HostOf(x.Doc.URL); h != "" {
		return h
	}
	return strings.ToLower(x.Doc.Outlet)
}

// newDoc reads what grouping needs from an extraction.
func newDoc(x *tally.Extraction) *doc {
	d := &doc{x: x, published: x.Doc.Published, killed: -1, wounded: -1}
	d.date, d.datePrec = eventDay(x)
	if s := x.Summary.Killed; s != nil {
		d.killed = s.Best
	}
	if s := x.Summary.Wounded; s != nil {
		d.wounded = s.Best
	}
	for _, p := range x.People {
		d.names = append(d.names, strings.ToLower(p.Name))
	}
	d.followUp = isFollowUp(x.Doc.Title)
	for _, c := range x.Claims {
		if c.Derived == tally.Stated && c.Count.Low >= 3 && c.Count.Qualifier != tally.Vague {
			f := figure{c.Category, c.Count.Low}
			dup := false
			for _, g := range d.figures {
				dup = dup || g == f
			}
			if !dup {
				d.figures = append(d.figures, f)
			}
		}
	}
	d.place = datelinePlace(x.Doc.Text[x.Doc.BodyStart:])
	return d
}

// followUpWords mark reports of a later stage of an event.
var followUpWords = []string{"sentenc", "convict", "trial", "plead", "pleads", "guilty", "verdict", "jury",
	"arraign", "indict", "charged", "charges", "lawsuit", "sues", "anniversary", "remember", "funeral",
	"vigil", "memorial", "acquit", "prison", "probation", "manslaughter", "murder charge", "testif", "hearing",
	"appeal", "parole", "years for", "life in"}

// isFollowUp says whether a title tells of a later stage of an event.
func isFollowUp(title string) bool {
	t := strings.ToLower(title)
	for _, w := range followUpWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// vectorLength is how much of a document's text (title first) its text
// vector reads: the event is told at the top; the bottom of scraped pages is
// related links and site furniture that make unrelated pages look alike.
const vectorLength = 2000

// leadOf cuts text to about n bytes, at a space.
func leadOf(text string, n int) string {
	if len(text) <= n {
		return text
	}
	if i := strings.LastIndexByte(text[:n], ' '); i > 0 {
		return text[:i]
	}
	return text[:n]
}

// eventDay is the day of the event a document reports, as package event
// read it: a date of day precision, else the publication day (a report
// date); zero without either. Grouping compares days, so a week or a
// month ("last week", "in late December") counts as the report's day.
func eventDay(x *tally.Extraction) (time.Time, when.Precision) {
	if x.Event != nil && x.Event.Date != nil && x.Event.Date.Precision == string(when.Day) {
		return x.Event.Date.Start, when.Day
	}
	pub := x.Doc.Published
	if pub.IsZero() {
		return time.Time{}, ""
	}
	y, m, dd := pub.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC), when.Day
}

// tw is one weighted term of a sorted vector.
type tw struct {
	id int32
	w  float32
}

func sortedVec(m map[int32]float32) []tw {
	out := make([]tw, 0, len(m))
	for id, w := range m {
		out = append(out, tw{id, w})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].id < out[b].id })
	return out
}

// cosineSorted is the dot product of two unit vectors sorted by term.
func cosineSorted(a, b []tw) float64 {
	var s float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id == b[j].id:
			s += float64(a[i].w * b[j].w)
			i++
			j++
		case a[i].id < b[j].id:
			i++
		default:
			j++
		}
	}
	return s
}

// joinNames renders shared names for a reason.
func joinNames(n []string) string { return strings.Join(n, ", ") }
