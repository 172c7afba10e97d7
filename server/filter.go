package server

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"

	"tally"
)

// query is the incident filter a request asks for, as the pages and the
// API read it from the URL: from, to (YYYY-MM-DD), country (ISO code), type,
// q (full-text search over the articles), after (cursor) and limit.
type query struct {
	From, To, Country, Type, Q, After string
	Limit                             int
}

// parseQuery reads the filter parameters; bad dates or limits are EINVALID.
func parseQuery(v url.Values, defLimit int) (query, tally.IncidentFilter, error) {
	q := query{
		From:    strings.TrimSpace(v.Get("from")),
		To:      strings.TrimSpace(v.Get("to")),
		Country: strings.ToUpper(strings.TrimSpace(v.Get("country"))),
		Type:    strings.TrimSpace(v.Get("type")),
		Q:       strings.TrimSpace(v.Get("q")),
		After:   strings.TrimSpace(v.Get("after")),
		Limit:   defLimit,
	}
	f := tally.IncidentFilter{Country: q.Country, Type: q.Type, Query: q.Q, After: q.After}
	for _, d := range []struct {
		name, s string
		t       *time.Time
	}{{"from", q.From, &f.From}, {"to", q.To, &f.To}} {
		if d.s == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.s)
		if err != nil {
			return q, f, tally.Errorf(tally.EINVALID, "%s=%q: want a date YYYY-MM-DD", d.name, d.s)
		}
		*d.t = t
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return q, f, tally.Errorf(tally.EINVALID, "to=%s is before from=%s", q.To, q.From)
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxPageSize {
			return q, f, tally.Errorf(tally.EINVALID, "limit=%q: want a number from 1 to %d", s, MaxPageSize)
		}
		q.Limit = n
	}
	if len(q.Country) > 3 {
		return q, f, tally.Errorf(tally.EINVALID, "country=%q: want an ISO 3166-1 code such as US or UA", q.Country)
	}
	return q, f, nil
}

// values renders the filter back as URL parameters, without the cursor.
func (q query) values() url.Values {
	v := url.Values{}
	for _, p := range []struct{ k, v string }{{"from", q.From}, {"to", q.To}, {"country", q.Country}, {"type", q.Type}, {"q", q.Q}} {
		if p.v != "" {
			v.Set(p.k, p.v)
		}
	}
	return v
}

// page fetches one page of incidents: at most limit of them, and the cursor
// of the next page ("" on the last page).
func (s *server) page(ctx context.Context, f tally.IncidentFilter, limit int) ([]tally.Incident, string, error) {
	f.Limit = limit + 1
	incs, err := s.st.Incidents(ctx, f)
	if err != nil {
		return nil, "", err
	}
	next := ""
	if len(incs) > limit {
		incs = incs[:limit]
		next = incs[limit-1].ID
	}
	return incs, next, nil
}
