package main

import "testing"

// TestDecode decodes a tiny invented topology: two squares sharing an edge,
// quantized and delta-encoded, one of them using the shared arc reversed.
func TestDecode(t *testing.T) {
	topo := `{"type":"Topology",
	 "transform":{"scale":[0.5,0.5],"translate":[-10,-10]},
	 "arcs":[[[20,20],[0,2]], [[20,22],[2,0],[0,-2],[-2,0]], [[20,20],[-2,0],[0,2],[2,0]]],
	 "objects":{"countries":{"type":"GeometryCollection","geometries":[
	   {"type":"Polygon","id":"002","arcs":[[0,1]],"properties":{"name":"East"}},
	   {"type":"MultiPolygon","id":"001","arcs":[[[2,-1]]],"properties":{"name":"West"}},
	   {"type":null,"id":"003","properties":{"name":"Nowhere"}}]}}}`
	got, err := Decode([]byte(topo), "countries")
	if err != nil {
		t.Fatal(err)
	}
	want := []Country{
		{"001", "West", "M0 0 -1 0 -1 -1 0 -1Z"},
		{"002", "East", "M0 0 0 -1 1 -1 1 0Z"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d countries %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("country %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if _, err := Decode([]byte(topo), "land"); err == nil {
		t.Error("missing object: no error")
	}
}

// TestAntimeridian: a ring crossing the 180th meridian is unwrapped and
// drawn on both sides; one winding around the pole is kept as it is.
func TestAntimeridian(t *testing.T) {
	tests := []struct {
		name  string
		ring  [][2]float64
		rings int
		hi    float64 // largest longitude of the first ring
	}{
		{"plain", [][2]float64{{10, 0}, {20, 0}, {20, 10}, {10, 0}}, 1, 20},
		{"crossing", [][2]float64{{170, 0}, {-170, 0}, {-170, 10}, {170, 10}, {170, 0}}, 2, 190},
		{"polar", [][2]float64{{-180, -80}, {0, -70}, {180, -80}, {-180, -90}, {-180, -80}}, 1, 180},
	}
	for _, tt := range tests {
		got := antimeridian(tt.ring)
		if len(got) != tt.rings {
			t.Errorf("%s: %d rings, want %d", tt.name, len(got), tt.rings)
			continue
		}
		hi := got[0][0][0]
		for _, p := range got[0] {
			hi = max(hi, p[0])
		}
		if hi != tt.hi {
			t.Errorf("%s: max longitude %v, want %v", tt.name, hi, tt.hi)
		}
	}
}
