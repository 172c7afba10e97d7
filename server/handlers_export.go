package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	"tally"
	"tally/export"
)

// ExportFormats are the formats Export writes: incidents as CSV or GeoJSON,
// documents with their claims as JSON Lines.
var ExportFormats = []string{"csv", "geojson", "jsonl"}

// Export writes the store's incidents (csv, geojson) or documents with their
// claims (jsonl, as `tally extract` prints them) through package export.
// `tally export` and the server's /export/ endpoints both call it, so they
// write the same bytes for the same store. f filters the incidents (csv,
// geojson); jsonl writes every document.
func Export(ctx context.Context, w io.Writer, st tally.Store, format string, f tally.IncidentFilter) error {
	switch format {
	case "csv", "geojson":
		incs, err := st.Incidents(ctx, f)
		if err != nil {
			return err
		}
		if format == "csv" {
			return export.IncidentsCSV(w, incs)
		}
		return export.IncidentsGeoJSON(w, incs)
	case "jsonl":
		docs, err := st.Documents(ctx, tally.DocumentFilter{})
		if err != nil {
			return err
		}
		return export.DocumentsJSONL(w, docs)
	}
	return tally.Errorf(tally.EINVALID, "unknown export format %q: want csv, geojson or jsonl", format)
}

var exportTypes = map[string]string{
	"csv":     "text/csv; charset=utf-8",
	"geojson": "application/geo+json",
	"jsonl":   "application/x-ndjson",
}

// exportHandler serves one export format as a download. Incident exports
// accept the list's filters (?from=&to=&country=&type=&q=).
func (s *server) exportHandler(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, f, err := parseQuery(r.URL.Query(), 0)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		f.After, f.Limit = "", 0
		var b bytes.Buffer
		if err := Export(r.Context(), &b, s.st, format, f); err != nil {
			s.apiError(w, r, err)
			return
		}
		name := map[string]string{"csv": "incidents.csv", "geojson": "incidents.geojson", "jsonl": "claims.jsonl"}[format]
		w.Header().Set("Content-Type", exportTypes[format])
		w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
		w.Header().Set("Content-Length", itoa(b.Len()))
		w.Write(b.Bytes())
	}
}
