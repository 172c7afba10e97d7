package server

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"tally"
)

// incidentList is the JSON of GET /api/incidents.
type incidentList struct {
	Incidents []tally.Incident `json:"incidents"`
	// Next is the cursor of the next page (pass it as ?after=), null on the last.
	Next *string `json:"next"`
}

// apiIncidents lists incidents, newest first, filtered, one page at a time.
func (s *server) apiIncidents(w http.ResponseWriter, r *http.Request) {
	q, f, err := parseQuery(r.URL.Query(), s.opt.PageSize)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	incs, next, err := s.page(r.Context(), f, q.Limit)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := incidentList{Incidents: incs}
	if out.Incidents == nil {
		out.Incidents = []tally.Incident{}
	}
	if next != "" {
		out.Next = &next
	}
	writeJSON(w, http.StatusOK, out)
}

// apiIncident returns one incident (id or unique prefix) in its CONTRACT.md shape.
func (s *server) apiIncident(w http.ResponseWriter, r *http.Request) {
	inc, err := s.incident(r.Context(), r.PathValue("id"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, inc)
}

// documentJSON is a document as GET /api/documents/{id} gives it: the
// `tally extract` shape plus the cleaned text the spans point into and the
// incident the document is in.
type documentJSON struct {
	tally.ExtractionJSON
	Text      string  `json:"text"`
	BodyStart int     `json:"body_start"`
	Incident  *string `json:"incident"`
}

// apiDocument returns one document by hash, hash prefix or input id.
func (s *server) apiDocument(w http.ResponseWriter, r *http.Request) {
	x, err := s.st.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := documentJSON{ExtractionJSON: x.Wire(), Text: x.Doc.Text, BodyStart: x.Doc.BodyStart}
	if id, err := s.incidentOf(r, x.Doc.Hash); err != nil {
		s.apiError(w, r, err)
		return
	} else if id != "" {
		out.Incident = &id
	}
	writeJSON(w, http.StatusOK, out)
}

// incident finds an incident by its full id first (an indexed lookup),
// and only then by unique prefix, which the store answers with a scan.
func (s *server) incident(ctx context.Context, id string) (*tally.Incident, error) {
	if strings.HasPrefix(id, "inc-") && len(id) >= 16 {
		incs, err := s.st.Incidents(ctx, tally.IncidentFilter{IDs: []string{id}})
		if err != nil {
			return nil, err
		}
		if len(incs) == 1 {
			return &incs[0], nil
		}
	}
	return s.st.Incident(ctx, id)
}

// incidentOf returns the id of the incident a document is in, "" if none.
func (s *server) incidentOf(r *http.Request, hash string) (string, error) {
	as, err := s.st.Assignments(r.Context())
	if err != nil {
		return "", err
	}
	return as[hash], nil
}

// claimJSON is one claim as GET /api/claims lists it: the contract's claim
// with the document it is in and its index there (#claim-N on the page).
type claimJSON struct {
	Doc       string  `json:"doc"`
	Hash      string  `json:"hash"`
	Outlet    *string `json:"outlet"`
	Published *string `json:"published"`
	Index     int     `json:"index"`
	tally.ClaimJSON
}

// apiClaims lists the claims of an incident's documents (?incident=) or of
// one document (?doc=), optionally of one category (?category=).
func (s *server) apiClaims(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	cat := tally.Category(v.Get("category"))
	if cat != "" && !slices.Contains(tally.Categories, cat) {
		s.apiError(w, r, tally.Errorf(tally.EINVALID, "category=%q: want one of killed, wounded, casualties, captured, missing", cat))
		return
	}
	var hashes []string
	switch id, doc := v.Get("incident"), v.Get("doc"); {
	case id != "":
		inc, err := s.incident(r.Context(), id)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		hashes = inc.Hashes
	case doc != "":
		x, err := s.st.Document(r.Context(), doc)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		hashes = []string{x.Doc.Hash}
	default:
		s.apiError(w, r, tally.Errorf(tally.EINVALID, "give ?incident=ID or ?doc=ID (all claims: /export/claims.jsonl)"))
		return
	}
	xs, err := s.st.Documents(r.Context(), tally.DocumentFilter{Hashes: hashes})
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := []claimJSON{}
	for i := range xs {
		d := &xs[i].Doc
		var outlet, pub *string
		if d.Outlet != "" {
			outlet = &d.Outlet
		}
		if !d.Published.IsZero() {
			p := d.Published.Format(time.RFC3339)
			pub = &p
		}
		for j := range xs[i].Claims {
			c := &xs[i].Claims[j]
			if cat != "" && c.Category != cat {
				continue
			}
			out = append(out, claimJSON{Doc: d.ID, Hash: d.Hash, Outlet: outlet, Published: pub, Index: j, ClaimJSON: c.Wire()})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"claims": out})
}

// searchHit is one document GET /api/search finds.
type searchHit struct {
	Hash      string  `json:"hash"`
	Doc       string  `json:"doc"`
	Title     string  `json:"title"`
	Outlet    *string `json:"outlet"`
	URL       *string `json:"url"`
	Published *string `json:"published"`
	Incident  *string `json:"incident"`
}

// apiSearch runs a full-text query over the stored articles (?q=, ?limit=)
// and returns the matching documents, best first.
func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q := v.Get("q")
	if q == "" {
		s.apiError(w, r, tally.Errorf(tally.EINVALID, "give a query: ?q=words"))
		return
	}
	limit := s.opt.PageSize
	if l := v.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > MaxPageSize {
			s.apiError(w, r, tally.Errorf(tally.EINVALID, "limit=%q: want a number from 1 to %d", l, MaxPageSize))
			return
		}
		limit = n
	}
	hashes, err := s.st.Search(r.Context(), q, limit)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := []searchHit{}
	if len(hashes) > 0 {
		xs, err := s.st.Documents(r.Context(), tally.DocumentFilter{Hashes: hashes})
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		as, err := s.st.Assignments(r.Context())
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		byHash := map[string]*tally.Extraction{}
		for i := range xs {
			byHash[xs[i].Doc.Hash] = &xs[i]
		}
		for _, h := range hashes { // keep the rank order
			x := byHash[h]
			if x == nil {
				continue
			}
			w := x.Wire()
			hit := searchHit{Hash: h, Doc: w.Doc, Title: w.Title, Outlet: w.Outlet, URL: w.URL, Published: w.Published}
			if id := as[h]; id != "" {
				hit.Incident = &id
			}
			out = append(out, hit)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "documents": out})
}
