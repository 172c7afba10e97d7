package ledger

import (
	"fmt"
	"io"
	"strings"
	"time"

	"tally"
)

// TallyRange renders a reconciled toll: "17", or "21 (13–21)" when the
// sources differ, or "—" when none gives one.
func TallyRange(t *tally.Tally) string {
	if t == nil {
		return "—"
	}
	return FigureRange(tally.Figure{Low: t.Low, Best: t.Best, High: t.High})
}

// Place renders where an incident happened: "Bastrop, Texas, US".
func Place(p *tally.Place) string {
	if p == nil || p.Name == "" {
		return "—"
	}
	parts := []string{p.Name}
	if p.Admin1 != "" && p.Admin1 != p.Name {
		parts = append(parts, p.Admin1)
	}
	if p.Country != "" {
		parts = append(parts, p.Country)
	}
	return strings.Join(parts, ", ")
}

// Dates renders an incident's event dates: "2025-06-14", "2025-06-14 – 2025-06-16", or "—".
func Dates(inc *tally.Incident) string {
	if inc.Start.IsZero() {
		return "—"
	}
	s := inc.Start.Format(time.DateOnly)
	if !inc.End.IsZero() && !inc.End.Equal(inc.Start) {
		s += " – " + inc.End.Format(time.DateOnly)
	}
	return s
}

// WriteIncidents prints one line per incident: date, place, killed,
// wounded, number of documents and outlets, a disputed mark and the title.
func WriteIncidents(w io.Writer, incs []tally.Incident, opt Options) {
	if opt.Width <= 0 {
		opt.Width = 120
	}
	fmt.Fprintf(w, "%-16s  %-10s  %-22s  %-14s  %-14s  %4s %3s  %s\n", "ID", "DATE", "PLACE", "KILLED", "WOUNDED", "DOCS", "OUT", "TITLE")
	for i := range incs {
		inc := &incs[i]
		date := "—"
		if !inc.Start.IsZero() {
			date = inc.Start.Format(time.DateOnly)
		}
		mark := " "
		if inc.Disputed {
			mark = "!"
		}
		fmt.Fprintf(w, "%-16s  %-10s  %-22s  %-14s  %-14s  %4d %3d %s%s\n", inc.ID, date, clip(Place(inc.Where), 22),
			clip(TallyRange(inc.Killed), 14), clip(TallyRange(inc.Wounded), 14), len(inc.Docs), inc.Outlets, mark,
			clip(inc.Title, max(opt.Width-96, 20)))
	}
	fmt.Fprintf(w, "%d incidents (! disputed)\n", len(incs))
}

// WriteIncident prints the ledger of one incident: the reconciled figures
// with their grade, the sources side by side, and why each document is in it.
// docs, when given, are the incident's documents (for report dates and excerpts).
func WriteIncident(w io.Writer, inc *tally.Incident, docs map[string]*tally.Extraction, opt Options) {
	if opt.Width <= 0 {
		opt.Width = 100
	}
	fmt.Fprintln(w, opt.em(or(inc.Title, "(no title)")))
	fmt.Fprintln(w, opt.faint(inc.ID))
	fmt.Fprintf(w, "When:   %s", Dates(inc))
	if inc.DatePrec != "" {
		fmt.Fprintf(w, " (%s)", inc.DatePrec)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Where:  %s", Place(inc.Where))
	if inc.Where != nil && inc.Where.Precision != "" {
		fmt.Fprintf(w, " (%s, %.4f, %.4f)", inc.Where.Precision, inc.Where.Lat, inc.Where.Lon)
	}
	fmt.Fprintln(w)
	if inc.EventType != "" {
		fmt.Fprintf(w, "What:   %s", inc.EventType)
		if inc.SubType != "" {
			fmt.Fprintf(w, " / %s", inc.SubType)
		}
		fmt.Fprintln(w)
	}
	if inc.SideA != "" || inc.SideB != "" {
		fmt.Fprintf(w, "Who:    %s against %s\n", or(inc.SideA, "?"), or(inc.SideB, "?"))
	}
	fmt.Fprintf(w, "Reports: %d documents from %d outlets", len(inc.Docs), inc.Outlets)
	if len(inc.Syndicate) > 0 {
		fmt.Fprintf(w, "; %d groups of copies of one wire text (each counted once)", len(inc.Syndicate))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  %-10s %-10s %-10s %-10s %-12s\n", "", "LOW", "BEST", "HIGH", "CONSERVATIVE")
	for _, r := range []struct {
		name string
		t    *tally.Tally
	}{{"killed", inc.Killed}, {"wounded", inc.Wounded}, {"captured", inc.Captured}, {"missing", inc.Missing}} {
		if r.t == nil {
			continue
		}
		fmt.Fprintf(w, "  %-10s %-10s %-10s %-10s %-12s\n", r.name, Number(r.t.Low), opt.em(Number(r.t.Best)), Number(r.t.High), Number(r.t.Conservative))
	}
	disputed := ""
	if inc.Disputed {
		disputed = " · DISPUTED"
	}
	fmt.Fprintf(w, "Grade:  %s%s — %s\n\n", opt.em(inc.Grade), disputed, inc.GradeWhy)

	fmt.Fprintln(w, opt.em("Sources"))
	fmt.Fprintf(w, "  %-16s %-22s %-24s %-9s %s\n", "REPORTED", "OUTLET", "CLAIMANT", "CATEGORY", "FIGURE")
	for _, s := range inc.Sources {
		when := "—"
		if x := docs[s.Hash]; x != nil && !x.Doc.Published.IsZero() {
			when = x.Doc.Published.UTC().Format("2006-01-02 15:04")
		}
		fig := Figure(tally.Count{Low: s.Count.Low, High: s.Count.High, Qualifier: s.Count.Qualifier, Text: s.Count.Text}, tally.Derivation(s.Derived))
		fmt.Fprintf(w, "  %-16s %-22s %-24s %-9s %s\n", when, clip(or(s.Outlet, s.Doc), 22), clip(or(s.ClaimedBy, "(article)"), 24),
			s.Category, opt.em(fig))
		excerpt := `"` + clip(s.Sentence, opt.Width-6) + `"`
		if x := docs[s.Hash]; x != nil {
			excerpt = Excerpt(x.Doc.Text, tally.Claim{Sentence: s.Sentence, Span: s.Span}, opt.Width-6, opt.Color)
		}
		fmt.Fprintf(w, "    %s\n", opt.faint(excerpt))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, opt.em("Why these documents"))
	for _, r := range inc.Reasons {
		fmt.Fprintf(w, "  %s: %s\n", r.Doc, r.Note)
	}
	if len(inc.Related) > 0 {
		fmt.Fprintf(w, "\nRelated incidents (alike, judged other events): %s\n", strings.Join(inc.Related, ", "))
	}
}
