// Package export writes stored incidents and documents in the formats other
// tools read: CSV with ACLED/UCDP-like columns, GeoJSON, and JSON Lines in
// the shapes of CONTRACT.md. The CLI (tally incidents, tally export) and the
// HTTP server (/export/...) both write through it, so they agree byte for
// byte. It imports only the root package: it presents, it decides nothing.
package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"

	"tally"
)

// CSVHeader is the header row of IncidentsCSV: ACLED's and UCDP's column
// names where one exists (event_date, time_precision → date_precision,
// actor1/actor2, fatalities → fatalities_best with UCDP's low/high).
var CSVHeader = []string{
	"event_id", "event_date", "end_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2",
	"country", "admin1", "location", "latitude", "longitude", "geo_precision",
	"fatalities_low", "fatalities_best", "fatalities_high", "fatalities_conservative",
	"wounded_low", "wounded_best", "wounded_high", "captured_best", "missing_best",
	"disputed", "grade", "sources", "outlets", "documents", "title", "notes",
}

// IncidentsCSV writes one row per incident under CSVHeader. Unknown values
// are empty cells.
func IncidentsCSV(w io.Writer, incs []tally.Incident) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for i := range incs {
		if err := cw.Write(csvRow(&incs[i])); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(inc *tally.Incident) []string {
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	var country, admin1, location, lat, lon, prec string
	if p := inc.Where; p != nil {
		country, admin1, location, prec = p.Country, p.Admin1, p.Name, p.Precision
		if p.Precision != "" && p.Country != "" {
			lat = strconv.FormatFloat(p.Lat, 'f', 4, 64)
			lon = strconv.FormatFloat(p.Lon, 'f', 4, 64)
		}
	}
	field := func(t *tally.Tally, f func(*tally.Tally) int64) string {
		if t == nil {
			return ""
		}
		return strconv.FormatInt(f(t), 10)
	}
	low := func(t *tally.Tally) int64 { return t.Low }
	best := func(t *tally.Tally) int64 { return t.Best }
	high := func(t *tally.Tally) int64 { return t.High }
	cons := func(t *tally.Tally) int64 { return t.Conservative }
	notes := inc.GradeWhy
	if len(inc.Syndicate) > 0 {
		notes += "; copies of one wire text counted once"
	}
	return []string{
		inc.ID, date(inc.Start), date(inc.End), inc.DatePrec, inc.EventType, inc.SubType, inc.SideA, inc.SideB,
		country, admin1, location, lat, lon, prec,
		field(inc.Killed, low), field(inc.Killed, best), field(inc.Killed, high), field(inc.Killed, cons),
		field(inc.Wounded, low), field(inc.Wounded, best), field(inc.Wounded, high),
		field(inc.Captured, best), field(inc.Missing, best),
		strconv.FormatBool(inc.Disputed), inc.Grade, strconv.Itoa(len(inc.Sources)), strconv.Itoa(inc.Outlets),
		strings.Join(inc.Docs, ";"), inc.Title, notes,
	}
}

// IncidentsJSONL writes one incident per line in its CONTRACT.md shape.
func IncidentsJSONL(w io.Writer, incs []tally.Incident) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range incs {
		if err := enc.Encode(&incs[i]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// DocumentsJSONL writes one document per line in the shape `tally extract`
// prints: its summary and its claims.
func DocumentsJSONL(w io.Writer, docs []tally.Extraction) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range docs {
		if err := enc.Encode(docs[i].Wire()); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// geoFeature is one GeoJSON Feature (RFC 7946).
type geoFeature struct {
	Type       string         `json:"type"`
	Geometry   geoPoint       `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // longitude, latitude
}

// IncidentsGeoJSON writes a FeatureCollection with one Point per incident
// that has a place on the map; incidents without one are left out.
func IncidentsGeoJSON(w io.Writer, incs []tally.Incident) error {
	features := []geoFeature{}
	for i := range incs {
		inc := &incs[i]
		p := inc.Where
		if p == nil || p.Country == "" || p.Precision == "" {
			continue
		}
		props := map[string]any{
			"id": inc.ID, "title": inc.Title, "place": p.Name, "country": p.Country, "geo_precision": p.Precision,
			"event_type": inc.EventType, "disputed": inc.Disputed, "grade": inc.Grade, "documents": len(inc.Docs),
			"killed": best(inc.Killed), "wounded": best(inc.Wounded), "start": nil,
		}
		if !inc.Start.IsZero() {
			props["start"] = inc.Start.Format(time.DateOnly)
		}
		features = append(features, geoFeature{Type: "Feature",
			Geometry:   geoPoint{Type: "Point", Coordinates: [2]float64{round4(p.Lon), round4(p.Lat)}},
			Properties: props})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(map[string]any{"type": "FeatureCollection", "features": features})
}

func best(t *tally.Tally) any {
	if t == nil {
		return nil
	}
	return t.Best
}

func round4(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return v
}
