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
		for _, c := range d.x.Claims {
			if c.Scope != tally.ScopeIncident || c.PartOf >= 0 {
				continue
			}
			inc.Sources = append(inc.Sources, tally.Source{
				Doc: d.x.Doc.ID, Hash: d.x.Doc.Hash, Outlet: d.x.Doc.Outlet, ClaimedBy: c.ClaimedBy, Category: c.Category,
				Count: c.Wire().Count, Sentence: c.Sentence, Published: d.x.Doc.Published, Span: c.Span,
				Derived: string(c.Derived), Scope: c.Scope,
			})
		}
	}
	inc.Outlets = len(outlets)
	inc.Start, inc.End, inc.DatePrec = dates(g, ms)
	inc.Syndicate = syndicated(g, ms)
	inc.Killed = reconcileFigure(g, ms, tally.Killed)
	inc.Wounded = reconcileFigure(g, ms, tally.Wounded)
	inc.Captured = reconcileFigure(g, ms, tally.Captured)
	inc.Missing = reconcileFigure(g, ms, tally.Missing)
	inc.Disputed = disputed(inc.Sources)
	inc.Grade, inc.GradeWhy = grade(g, ms, &inc)
	inc.Reasons = reasons(g, ms)
	return inc
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

// dates are the incident's event dates: from the earliest event date of
// its reports to the latest within a week of it (later reports are
// follow-ups: charges, trials).
func dates(g *grouping, ms []int) (time.Time, time.Time, string) {
	var start, end time.Time
	prec := ""
	for _, i := range ms {
		d := g.docs[i]
		if d.date.IsZero() {
			continue
		}
		if start.IsZero() || d.date.Before(start) {
			start = d.date
		}
	}
	if start.IsZero() {
		return start, end, ""
	}
	end = start
	for _, i := range ms {
		d := g.docs[i]
		if !d.date.IsZero() && d.date.After(end) && d.date.Sub(start) <= 7*24*time.Hour {
			end = d.date
		}
		if d.datePrec != "" {
			prec = string(d.datePrec)
		}
	}
	return start, end, prec
}

// reconcileFigure sets low / best / high and conservative for one category
// from the documents' own figures for their main incident (their summaries).
// Tolls rise as the dead are counted: best is the largest figure the reports
// give; low and high bound all they say; conservative (ACLED) is the lowest
// figure a report gives as its toll.
func reconcileFigure(g *grouping, ms []int, cat tally.Category) *tally.Tally {
	var t *tally.Tally
	for _, i := range ms {
		f := summaryOf(g.docs[i].x, cat)
		if f == nil {
			continue
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

// disputed says whether independent claimants give incompatible figures of
// one category within a day of each other (not an update over time).
func disputed(src []tally.Source) bool {
	for i, a := range src {
		for _, b := range src[i+1:] {
			if a.Category != b.Category || a.Derived != "" || b.Derived != "" || sameClaimant(a, b) {
				continue
			}
			if gap := a.Published.Sub(b.Published); gap > sameDay || gap < -sameDay || a.Published.IsZero() || b.Published.IsZero() {
				continue
			}
			if !compatible(a.Count, b.Count) {
				return true
			}
		}
	}
	return false
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
	copyOf := map[string]string{}
	for _, grp := range inc.Syndicate {
		for _, d := range grp {
			copyOf[d] = grp[0]
		}
	}
	agree := map[string]bool{}
	for _, s := range inc.Sources {
		if s.Category != cat || s.Count.Low != best.Best {
			continue
		}
		key := s.ClaimedBy
		if key == "" {
			key = "outlet:" + s.Outlet
			if c, ok := copyOf[s.Doc]; ok {
				key = "copy:" + c
			} else if s.Outlet == "" {
				key = "doc:" + s.Doc
			}
		}
		agree[strings.ToLower(key)] = true
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
