package resolve

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"tally"
)

// sameDay is how close two reports must be for different figures to count
// as a dispute rather than an update: a toll that rises over a day is an update.
const sameDay = 24 * time.Hour

// reconcile makes an incident of a cluster of documents.
func reconcile(g *grouping, members []int) tally.Incident {
	ms := append([]int(nil), members...)
	sort.SliceStable(ms, func(a, b int) bool { return reportTime(g.docs[ms[a]]).Before(reportTime(g.docs[ms[b]])) })
	first := g.docs[ms[0]].x
	inc := tally.Incident{ID: incidentID(g.docs[members[0]].x.Doc.Hash), Title: first.Doc.Title}
	outlets := map[string]bool{}
	for _, i := range ms {
		d := g.docs[i]
		inc.Docs = append(inc.Docs, d.x.Doc.ID)
		inc.Hashes = append(inc.Hashes, d.x.Doc.Hash)
		outlets[outletKey(d.x)] = true
		inc.Sources = append(inc.Sources, sourcesOf(d.x)...)
	}
	inc.Outlets = len(outlets)
	describe(g, ms, &inc)
	inc.Syndicate = syndicated(g, ms)
	inc.Killed = reconcileFigure(g, ms, tally.Killed)
	inc.Wounded = reconcileFigure(g, ms, tally.Wounded)
	inc.Captured = reconcileFigure(g, ms, tally.Captured)
	inc.Missing = reconcileFigure(g, ms, tally.Missing)
	inc.Disputed = disputed(inc.Sources, copies(inc.Syndicate))
	inc.Grade, inc.GradeWhy = grade(g, ms, &inc)
	inc.Reasons = reasons(g, ms)
	return inc
}

// leadBytes is how far into the body a figure still counts as the lead's.
const leadBytes = 800

// sourcesOf lists the figures a report gives for its main incident: the
// incident-scope claims of the title and lead, and those elsewhere that lie
// within the bounds of its summary. Figures deeper in the text outside those
// bounds are other events the page mentions (related stories, earlier
// shootings) and stay out. In each category the claim that states the
// summary's best figure is marked as the report's toll.
func sourcesOf(x *tally.Extraction) []tally.Source {
	var out []tally.Source
	toll := map[tally.Category]int{}
	for _, c := range x.Claims {
		if c.Scope != tally.ScopeIncident {
			continue
		}
		f := summaryOf(x, c.Category)
		inLead := c.Span[0] < x.Doc.BodyStart+leadBytes
		inBounds := f != nil && c.Count.Low >= f.Low && c.Count.Low <= f.High
		if !inLead && !inBounds {
			continue
		}
		s := tally.Source{
			Doc: x.Doc.ID, Hash: x.Doc.Hash, Outlet: x.Doc.Outlet, ClaimedBy: c.ClaimedBy, Category: c.Category,
			Count: c.Wire().Count, Who: c.Who, Sentence: c.Sentence, Published: x.Doc.Published, Span: c.Span,
			Derived: string(c.Derived), Scope: c.Scope,
		}
		if f != nil && c.Count.Low == f.Best && c.PartOf < 0 {
			if j, ok := toll[c.Category]; !ok || out[j].Derived != "" && c.Derived == tally.Stated {
				if ok {
					out[j].Toll = false
				}
				s.Toll = true
				toll[c.Category] = len(out)
			}
		}
		out = append(out, s)
	}
	return out
}

// incidentID is stable for an incident as long as its first document stays in it.
func incidentID(hash string) string {
	h := sha256.Sum256([]byte("incident\x00" + hash))
	return "inc-" + hex.EncodeToString(h[:6])
}

func reportTime(d *doc) time.Time {
	if !d.published.IsZero() {
		return d.published
	}
	return d.date
}

func outletKey(x *tally.Extraction) string {
	if x.Doc.Outlet != "" {
		return strings.ToLower(x.Doc.Outlet)
	}
	return "doc:" + x.Doc.Hash
}

// reconcileFigure sets low / best / high and conservative for one category
// from the documents' own figures for their main incident (their summaries).
// low and high bound all the reports say; conservative (ACLED) is the lowest
// toll a report gives. best (UCDP) is the largest toll, as tolls rise while
// the dead are counted, except that a later report may lower the wounded
// figure by the wounded who died (it then raises the killed figure as much):
// then the latest report's figure stands.
func reconcileFigure(g *grouping, ms []int, cat tally.Category) *tally.Tally {
	var t *tally.Tally
	var latest, latestKilled, maxKilled int64 = -1, -1, -1
	for _, i := range ms { // ms is in report order
		x := g.docs[i].x
		if k := summaryOf(x, tally.Killed); k != nil {
			maxKilled = max(maxKilled, k.Best)
		}
		f := summaryOf(x, cat)
		if f == nil {
			continue
		}
		latest = f.Best
		latestKilled = -1
		if k := summaryOf(x, tally.Killed); k != nil {
			latestKilled = k.Best
		}
		if t == nil {
			t = &tally.Tally{Low: f.Low, Best: f.Best, High: f.High, Conservative: f.Best}
			continue
		}
		t.Low = min(t.Low, f.Low)
		t.High = max(t.High, f.High)
		t.Best = max(t.Best, f.Best)
		t.Conservative = min(t.Conservative, f.Best)
	}
	if t != nil && cat == tally.Wounded && latest < t.Best && latestKilled >= 0 && latestKilled == maxKilled {
		// the killed figure of the latest report is the highest: if it rose by
		// what the wounded fell, the fall is the wounded who died.
		first := int64(-1)
		for _, i := range ms {
			if k := summaryOf(g.docs[i].x, tally.Killed); k != nil {
				first = k.Best
				break
			}
		}
		if first < 0 {
			first = 0
		}
		if latestKilled-first >= t.Best-latest {
			t.Best = latest
		}
	}
	return t
}

func summaryOf(x *tally.Extraction, cat tally.Category) *tally.Figure {
	switch cat {
	case tally.Killed:
		return x.Summary.Killed
	case tally.Wounded:
		return x.Summary.Wounded
	case tally.Captured:
		return x.Summary.Captured
	case tally.Missing:
		return x.Summary.Missing
	}
	return nil
}

// sameTime is how close two reports must be for incompatible figures to be
// a dispute whatever their order: closer than this, neither can be an update
// of the other.
const sameTime = 3 * time.Hour

// halfDay is how far apart two reports must be for their order to be sure:
// a report time without a zone ("9:41 PM" in a byline) is read as UTC and may
// be off by up to a dozen hours.
const halfDay = 12 * time.Hour

// disputed says whether independent sources give incompatible tolls that are
// not an update: within a day of each other, a later report with a higher
// figure updates an earlier one (tolls rise as the dead are counted), but a
// lower, incompatible figure from another claimant more than half a day
// later, or incompatible figures given within sameTime, are a dispute. Inside one
// report, two claimants that give incompatible figures for the same victims
// dispute each other too. Copies of one wire text are one source.
func disputed(src []tally.Source, copyOf map[string]string) bool {
	for i, a := range src {
		for _, b := range src[i+1:] {
			if a.Category != b.Category || a.Derived != "" || b.Derived != "" || compatible(a.Count, b.Count) {
				continue
			}
			if a.Hash == b.Hash {
				if a.ClaimedBy != "" && b.ClaimedBy != "" && !sameClaimant(a, b) && a.Who != "" && strings.EqualFold(a.Who, b.Who) {
					return true
				}
				continue
			}
			if !a.Toll || !b.Toll || sameClaimant(a, b) || copyOf[a.Doc] != "" && copyOf[a.Doc] == copyOf[b.Doc] || !sameVictims(a.Who, b.Who) {
				continue
			}
			if a.Published.IsZero() || b.Published.IsZero() {
				continue
			}
			early, late := a, b
			if late.Published.Before(early.Published) {
				early, late = late, early
			}
			gap := late.Published.Sub(early.Published)
			timed := hasClock(a.Published) && hasClock(b.Published)
			switch {
			case gap > sameDay:
				continue
			case timed && gap <= sameTime:
				return true
			case gap > halfDay && late.Count.Low < early.Count.Low && !movedToKilled(src, early, late):
				return true
			}
		}
	}
	return false
}

// movedToKilled says whether a later, lower wounded figure is explained by
// the wounded who died: the later report's killed toll rose by at least as
// much as its wounded fell ("a third worker died overnight; two remain in hospital").
func movedToKilled(src []tally.Source, early, late tally.Source) bool {
	if early.Category != tally.Wounded {
		return false
	}
	k0, ok0 := tollOf(src, early.Hash, tally.Killed)
	k1, ok1 := tollOf(src, late.Hash, tally.Killed)
	if !ok1 {
		return false
	}
	if !ok0 {
		k0 = 0
	}
	return k1-k0 >= early.Count.Low-late.Count.Low
}

// tollOf is a report's toll in a category.
func tollOf(src []tally.Source, hash string, cat tally.Category) (int64, bool) {
	for _, s := range src {
		if s.Hash == hash && s.Category == cat && s.Toll {
			return s.Count.Low, true
		}
	}
	return 0, false
}

// hasClock says whether a report time has a time of day; a bare date
// (midnight UTC) tells the day but not the order of two reports of that day.
func hasClock(t time.Time) bool {
	h, m, sec := t.Clock()
	return h != 0 || m != 0 || sec != 0 || t.Location() != time.UTC
}

// genericVictims are words that count everyone hurt, not a group among them.
var genericVictims = map[string]bool{"people": true, "persons": true, "person": true, "dead": true, "deaths": true,
	"victims": true, "victim": true, "others": true, "killed": true, "wounded": true, "injured": true, "casualties": true,
	"fatalities": true, "lives": true, "bodies": true, "toll": true, "total": true, "in": true, "all": true}

// sameVictims says whether two figures count the same people, as far as
// their victim phrases tell: both everyone ("people", "dead", unsaid), or
// groups that share a word ("US troops", "US service members"). "Afghans"
// and "people" are not: one is a part of the other.
func sameVictims(a, b string) bool {
	ka, kb := victimWords(a), victimWords(b)
	if len(ka) == 0 || len(kb) == 0 {
		return len(ka) == len(kb)
	}
	for w := range ka {
		if kb[w] {
			return true
		}
	}
	return false
}

// victimWords are the words of a victim phrase that name a group: two
// letters are enough ("US", "UN").
func victimWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
		if len(w) >= 2 && !genericVictims[w] && !stopwords[w] && w != "the" {
			m[w] = true
		}
	}
	return m
}

// copies maps each document that is a copy of a wire text to the first copy.
func copies(groups [][]string) map[string]string {
	m := map[string]string{}
	for _, grp := range groups {
		for _, d := range grp {
			m[d] = grp[0]
		}
	}
	return m
}

// sameClaimant says whether two figures come from one source: the same
// claimant, or the same outlet speaking in its own voice.
func sameClaimant(a, b tally.Source) bool {
	if a.ClaimedBy == "" && b.ClaimedBy == "" {
		return a.Outlet == b.Outlet
	}
	ka, kb := keyWords(a.ClaimedBy), keyWords(b.ClaimedBy)
	for w := range ka {
		if kb[w] {
			return true
		}
	}
	return false
}

// keyWords are the distinctive lower-case words of a claimant's name.
func keyWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
		if len(w) > 2 && !stopwords[w] && w != "the" && w != "said" {
			m[w] = true
		}
	}
	return m
}

// compatible says whether two counts can both be true: "at least 4" and "5",
// "about 40" and "42", "up to 10" and "7", ranges that overlap.
func compatible(a, b tally.CountJSON) bool {
	lo := func(c tally.CountJSON) float64 {
		switch c.Qualifier {
		case tally.UpTo:
			return 0
		case tally.About:
			return float64(c.Low) * 0.8
		}
		return float64(c.Low)
	}
	hi := func(c tally.CountJSON) float64 {
		switch c.Qualifier {
		case tally.AtLeast, tally.MoreThan, tally.Vague:
			return 1e18
		case tally.About:
			return float64(c.Low) * 1.2
		}
		if c.High != nil {
			return float64(*c.High)
		}
		return float64(c.Low)
	}
	return lo(a) <= hi(b) && lo(b) <= hi(a)
}

// grade rates how well the toll is established, in the spirit of Airwars.
func grade(g *grouping, ms []int, inc *tally.Incident) (string, string) {
	if inc.Disputed {
		return "contested", "independent sources give incompatible figures within a day of each other"
	}
	for _, i := range ms {
		for _, c := range g.docs[i].x.Claims {
			if c.SelfReported {
				return "confirmed", fmt.Sprintf("%s, a party to the violence, gives the toll (%s)", c.ClaimedBy, g.docs[i].x.Doc.ID)
			}
		}
	}
	best := inc.Killed
	cat := tally.Killed
	if best == nil {
		best, cat = inc.Wounded, tally.Wounded
	}
	if best == nil {
		return "single source", "no figure given"
	}
	// independent sources agreeing on the best figure (copies of one wire text count once)
	copyOf := copies(inc.Syndicate)
	// A report that names who gives the figure passes it on; in its own
	// voice it is a source of its own. Copies of one wire text are one source.
	agree := map[string]bool{}
	named := map[string]bool{} // documents where a named claimant gives the figure
	for _, s := range inc.Sources {
		if s.Category == cat && s.Count.Low == best.Best && s.ClaimedBy != "" && s.Derived == "" {
			named[s.Hash] = true
			agree["claimant:"+strings.Join(sortedKeys(keyWords(s.ClaimedBy)), " ")] = true
		}
	}
	for _, s := range inc.Sources {
		if s.Category != cat || s.Count.Low != best.Best || s.ClaimedBy != "" || named[s.Hash] {
			continue
		}
		key := "outlet:" + strings.ToLower(s.Outlet)
		if c, ok := copyOf[s.Doc]; ok {
			key = "copy:" + c
		} else if s.Outlet == "" {
			key = "doc:" + s.Hash
		}
		agree[key] = true
	}
	if len(agree) >= 2 {
		return "corroborated", fmt.Sprintf("%d independent sources give %d %s", len(agree), best.Best, cat)
	}
	return "single source", fmt.Sprintf("one source gives %d %s", best.Best, cat)
}

// syndicated finds documents that are copies of one text (wire copy run by
// several outlets): text similarity 0.9 or more. They count as one source.
func syndicated(g *grouping, ms []int) [][]string {
	var groups [][]string
	used := map[int]bool{}
	for a, i := range ms {
		if used[i] {
			continue
		}
		grp := []string{g.docs[i].x.Doc.ID}
		for _, j := range ms[a+1:] {
			if !used[j] && cosineSorted(g.docs[i].vec, g.docs[j].vec) >= 0.9 {
				grp = append(grp, g.docs[j].x.Doc.ID)
				used[j] = true
			}
		}
		if len(grp) > 1 {
			groups = append(groups, grp)
		}
	}
	return groups
}

// reasons say why each document is in the incident.
func reasons(g *grouping, ms []int) []tally.Reason {
	var out []tally.Reason
	for _, i := range ms {
		l := g.links[i]
		r := tally.Reason{Doc: g.docs[i].x.Doc.ID, Days: -1}
		if l.to < 0 {
			r.Note = "opened the incident: no earlier report was similar enough"
			out = append(out, r)
			continue
		}
		r.LinkedTo = g.docs[l.to].x.Doc.ID
		r.Probability, r.Similarity, r.Days, r.Names = round(l.score), round(l.cosine), l.days, l.names
		for _, f := range l.figures {
			r.Figures = append(r.Figures, fmt.Sprintf("%d %s", f.n, f.cat))
		}
		var parts []string
		parts = append(parts, fmt.Sprintf("text similarity %.2f", l.cosine))
		switch {
		case l.days == 0:
			parts = append(parts, "same event date")
		case l.days > 0:
			parts = append(parts, fmt.Sprintf("event dates %d days apart", l.days))
		}
		if len(l.names) > 0 {
			parts = append(parts, "names in both: "+joinNames(l.names))
		}
		if len(r.Figures) > 0 {
			parts = append(parts, "figures in both: "+strings.Join(r.Figures, ", "))
		}
		r.Note = fmt.Sprintf("like %s (probability %.2f): %s", r.LinkedTo, l.score, strings.Join(parts, "; "))
		out = append(out, r)
	}
	return out
}

func round(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
