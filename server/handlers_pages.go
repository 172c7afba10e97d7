package server

import (
	"net/http"
	"sort"

	"tally"
)

// eventTypes are offered in the list's type filter: ACLED's event types and
// tally's own "Shooting". The filter accepts any other value too.
var eventTypes = []string{"Battles", "Explosions/Remote violence", "Violence against civilians", "Shooting",
	"Riots", "Protests", "Strategic developments"}

// listPage is the data of the incident list.
type listPage struct {
	Q         query
	Types     []string
	Incidents []tally.Incident
	NextURL   string // "" on the last page
	FirstURL  string // "" on the first page
	Links     links
}

// links are the other views of a filtered list.
type links struct {
	CSV, GeoJSON, API, Map, List string
}

// linksFor builds the URLs of the filtered exports, API and views; they are
// whole URLs so that html/template normalises rather than escapes their
// query strings.
func linksFor(q query) links {
	qs := q.values().Encode()
	if qs != "" {
		qs = "?" + qs
	}
	return links{CSV: "/export/incidents.csv" + qs, GeoJSON: "/export/incidents.geojson" + qs,
		API: "/api/incidents" + qs, Map: "/map" + qs, List: "/" + qs}
}

// filterForm is what the filter form needs.
type filterForm struct {
	Action string
	Q      query
	Types  []string
}

func filterData(action string, q query, types []string) filterForm {
	return filterForm{action, q, types}
}

// pageIncidents is the incident list: filters, one page, a link to the next.
func (s *server) pageIncidents(w http.ResponseWriter, r *http.Request) {
	q, f, err := parseQuery(r.URL.Query(), s.opt.PageSize)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	q.Limit = s.opt.PageSize
	f.Brief = true // the list shows no sources
	incs, next, err := s.page(r.Context(), f, q.Limit)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := q.values()
	p := listPage{Q: q, Types: eventTypes, Incidents: incs, Links: linksFor(q)}
	if q.After != "" {
		p.FirstURL = "/?" + v.Encode()
	}
	if next != "" {
		nv := q.values()
		nv.Set("after", next)
		p.NextURL = "/?" + nv.Encode()
	}
	s.render(w, r, http.StatusOK, "incidents", layout{Title: "Incidents", Nav: "incidents", Page: p})
}

// figureRow is one category of an incident's reconciled figures.
type figureRow struct {
	Category string
	T        *tally.Tally
}

// sourceRow is one figure a report gives, with its evidence cut around the number.
type sourceRow struct {
	tally.Source
	Evidence evidence
	Claim    int // index of the claim on the document page, -1 unknown
}

// outletColumn is one outlet in the side-by-side comparison: the toll it
// reports per category (the figure its report gives as the incident's toll).
type outletColumn struct {
	Outlet string
	Docs   []string
	Tolls  map[string]string
}

// incidentPage is the data of an incident's page.
type incidentPage struct {
	Inc        *tally.Incident
	Figures    []figureRow
	Categories []string // categories the comparison shows
	Outlets    []outletColumn
	Sources    []sourceRow
	Timeline   *timeline
	Related    []tally.Incident
	Titles     map[string]string // document id → title, for the reasons
}

// pageIncident is one incident: reconciled figures, the sources side by
// side, the timeline of the toll, related incidents and why grouped.
func (s *server) pageIncident(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	inc, err := s.incident(ctx, r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	xs, err := s.st.Documents(ctx, tally.DocumentFilter{Hashes: inc.Hashes})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	docs := map[string]*tally.Extraction{}
	p := incidentPage{Inc: inc, Titles: map[string]string{}}
	for i := range xs {
		docs[xs[i].Doc.Hash] = &xs[i]
		p.Titles[xs[i].Doc.ID] = xs[i].Doc.Title
	}
	for _, row := range []figureRow{{"killed", inc.Killed}, {"wounded", inc.Wounded}, {"captured", inc.Captured}, {"missing", inc.Missing}} {
		if row.T != nil {
			p.Figures = append(p.Figures, row)
		}
	}
	p.Sources = sourceRows(inc, docs)
	p.Categories, p.Outlets = compare(inc)
	p.Timeline = buildTimeline(inc)
	if len(inc.Related) > 0 {
		if p.Related, err = s.st.Incidents(ctx, tally.IncidentFilter{IDs: inc.Related, Brief: true}); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "incident", layout{Title: or(inc.Title, inc.ID), Page: p})
}

// sourceRows orders an incident's sources by report time, then outlet, and
// cuts each sentence around its figure.
func sourceRows(inc *tally.Incident, docs map[string]*tally.Extraction) []sourceRow {
	rows := make([]sourceRow, len(inc.Sources))
	for i, src := range inc.Sources {
		row := sourceRow{Source: src, Claim: -1}
		text := ""
		if x := docs[src.Hash]; x != nil {
			text = x.Doc.Text
			if row.Published.IsZero() {
				row.Published = x.Doc.Published
			}
			for j := range x.Claims {
				if x.Claims[j].Span == src.Span && x.Claims[j].Category == src.Category {
					row.Claim = j
					break
				}
			}
		}
		row.Evidence = cutEvidence(text, src.Sentence, src.Span, src.Count.Text)
		rows[i] = row
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if !a.Published.Equal(b.Published) {
			return a.Published.Before(b.Published)
		}
		return a.Outlet < b.Outlet
	})
	return rows
}

// compare puts the outlets side by side: for each, the toll figure its
// reports give per category ("13; 90" when two of its reports differ).
func compare(inc *tally.Incident) ([]string, []outletColumn) {
	var cols []outletColumn
	index := map[string]int{}
	seenCat := map[tally.Category]bool{}
	for _, src := range inc.Sources {
		name := or(src.Outlet, src.Doc)
		i, ok := index[name]
		if !ok {
			i = len(cols)
			index[name] = i
			cols = append(cols, outletColumn{Outlet: name, Tolls: map[string]string{}})
		}
		c := &cols[i]
		if len(c.Docs) == 0 || c.Docs[len(c.Docs)-1] != src.Doc {
			c.Docs = appendNew(c.Docs, src.Doc)
		}
		if !src.Toll {
			continue
		}
		seenCat[src.Category] = true
		fig := sourceFigure(src.Count, src.Derived)
		if old := c.Tolls[string(src.Category)]; old != "" && old != fig {
			fig = old + "; " + fig
		}
		c.Tolls[string(src.Category)] = fig
	}
	var cats []string
	for _, cat := range tally.Categories {
		if seenCat[cat] {
			cats = append(cats, string(cat))
		}
	}
	return cats, cols
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// documentPage is the data of a document's page.
type documentPage struct {
	X        *tally.Extraction
	Segments []segment
	Incident string
	Marked   map[int]bool // claims whose figure is marked in the text
}

// pageDocument shows a document's cleaned text with every extracted figure
// marked and linked to its row in the claims table.
func (s *server) pageDocument(w http.ResponseWriter, r *http.Request) {
	x, err := s.st.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	inc, err := s.incidentOf(r, x.Doc.Hash)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := documentPage{X: x, Segments: segments(x.Doc.Text, x.Claims), Incident: inc, Marked: map[int]bool{}}
	for _, sg := range p.Segments {
		if sg.Claim >= 0 {
			p.Marked[sg.Claim] = true
		}
	}
	s.render(w, r, http.StatusOK, "document", layout{Title: or(x.Doc.Title, x.Doc.ID), Page: p})
}

// mapPage is the data of the map.
type mapPage struct {
	Q        query
	Types    []string
	World    any // template.HTML of the outline
	Points   []mapPoint
	Unplaced int
	Listed   []mapPoint // the first points, listed under the map
	Links    links
}

// mapListed bounds the list under the map.
const mapListed = 200

// pageMap draws the incidents with a place on the embedded world outline;
// the list's filters apply.
func (s *server) pageMap(w http.ResponseWriter, r *http.Request) {
	q, f, err := parseQuery(r.URL.Query(), 0)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f.After, f.Limit, f.Brief = "", 0, true
	incs, err := s.st.Incidents(r.Context(), f)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	pts, unplaced := mapPoints(incs)
	p := mapPage{Q: q, Types: eventTypes, World: worldSVG(), Points: pts, Unplaced: unplaced, Links: linksFor(q)}
	p.Listed = pts[:min(len(pts), mapListed)]
	s.render(w, r, http.StatusOK, "map", layout{Title: "Map", Nav: "map", Page: p})
}
