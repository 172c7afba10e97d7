package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"tally"
)

// incidents are two invented incidents: one placed and dated, one neither.
func incidents() []tally.Incident {
	day := time.Date(2025, 6, 14, 0, 0, 0, 0, time.UTC)
	return []tally.Incident{
		{ID: "inc-1", Docs: []string{"a", "b"}, Title: "Three killed, five wounded", Start: day, End: day.AddDate(0, 0, 1),
			DatePrec: "day", EventType: "Shooting", SideA: "gunman",
			Where:  &tally.Place{Name: "Bastrop", Country: "US", Admin1: "Texas", Lat: 30.11054, Lon: -97.31531, Precision: "city"},
			Killed: &tally.Tally{Low: 2, Best: 4, High: 4, Conservative: 2}, Grade: "corroborated", GradeWhy: "2 sources give 4 killed",
			Sources: []tally.Source{{Doc: "a"}, {Doc: "b"}}, Outlets: 2},
		{ID: "inc-2", Docs: []string{"c"}, Title: "Report, no place", Wounded: &tally.Tally{Low: 1, Best: 1, High: 1, Conservative: 1}},
	}
}

func TestIncidentsCSV(t *testing.T) {
	var b bytes.Buffer
	if err := IncidentsCSV(&b, incidents()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("rows = %v", rows)
	}
	col := map[string]int{}
	for i, h := range CSVHeader {
		col[h] = i
	}
	tests := []struct {
		row       int
		col, want string
	}{
		{1, "event_date", "2025-06-14"}, {1, "end_date", "2025-06-15"}, {1, "date_precision", "day"},
		{1, "location", "Bastrop"}, {1, "admin1", "Texas"}, {1, "country", "US"},
		{1, "latitude", "30.1105"}, {1, "longitude", "-97.3153"}, {1, "geo_precision", "city"},
		{1, "fatalities_low", "2"}, {1, "fatalities_best", "4"}, {1, "fatalities_high", "4"}, {1, "fatalities_conservative", "2"},
		{1, "wounded_best", ""}, {1, "sources", "2"}, {1, "outlets", "2"}, {1, "documents", "a;b"}, {1, "actor1", "gunman"},
		{1, "notes", "2 sources give 4 killed"},
		{2, "event_date", ""}, {2, "latitude", ""}, {2, "fatalities_best", ""}, {2, "wounded_best", "1"}, {2, "disputed", "false"},
	}
	for _, tc := range tests {
		if got := rows[tc.row][col[tc.col]]; got != tc.want {
			t.Errorf("row %d %s = %q, want %q", tc.row, tc.col, got, tc.want)
		}
	}
}

func TestIncidentsGeoJSON(t *testing.T) {
	var b bytes.Buffer
	if err := IncidentsGeoJSON(&b, incidents()); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Geometry struct {
				Type        string     `json:"type"`
				Coordinates [2]float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b.Bytes(), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 1 {
		t.Fatalf("want one feature (the unplaced incident left out): %s", b.Bytes())
	}
	f := fc.Features[0]
	if f.Geometry.Type != "Point" || f.Geometry.Coordinates != [2]float64{-97.3153, 30.1105} {
		t.Errorf("geometry = %+v, want Point at longitude, latitude", f.Geometry)
	}
	if f.Properties["id"] != "inc-1" || f.Properties["killed"] != 4.0 || f.Properties["start"] != "2025-06-14" {
		t.Errorf("properties = %v", f.Properties)
	}
}

func TestIncidentsJSONL(t *testing.T) {
	var b bytes.Buffer
	if err := IncidentsJSONL(&b, incidents()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	var inc tally.Incident
	if err := json.Unmarshal([]byte(lines[0]), &inc); err != nil || inc.ID != "inc-1" || !inc.Start.Equal(incidents()[0].Start) {
		t.Errorf("first line reads back as %+v, %v", inc, err)
	}
	if !strings.Contains(lines[1], `"start":null`) {
		t.Errorf("an undated incident's start is not null: %s", lines[1])
	}
}
