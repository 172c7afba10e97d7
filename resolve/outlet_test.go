package resolve

import (
	"testing"

	"tally"
)

func TestOutletOf(t *testing.T) {
	tests := []struct {
		url, outlet, want string
	}{
		{"https://www.example-gazette.com/news/2024/shooting", "", "example-gazette.com"},
		{"http://web.archive.org/web/20200101000000/https://www.kxyz.com/a", "", "kxyz.com"},
		{"", "Valley Courier", "valley courier"},
		{"", "", ""},
	}
	for _, tt := range tests {
		x := &tally.Extraction{Doc: tally.Document{URL: tt.url, Outlet: tt.outlet}}
		if got := outletOf(x); got != tt.want {
			t.Errorf("outletOf(%q, %q) = %q, want %q", tt.url, tt.outlet, got, tt.want)
		}
	}
}

// placed is an invented report from url placed in admin1 with weight w.
func placed(url, admin1 string, w float64) *doc {
	x := &tally.Extraction{Doc: tally.Document{URL: url}}
	if admin1 != "" {
		x.Event = &tally.Event{Place: &tally.Place{Name: "Town", Country: "US", Admin1: admin1, Precision: "city"}, PlaceWeight: w}
	}
	return &doc{x: x}
}

func TestOutletRegions(t *testing.T) {
	tests := []struct {
		name string
		docs []*doc
		want map[string]string
	}{
		{"two strong reports in one state", []*doc{
			placed("https://a.com/1", "Ohio", 4),
			placed("https://a.com/2", "Ohio", 3),
			placed("https://a.com/3", "", 0),
		}, map[string]string{"a.com": "US/Ohio"}},
		{"one report is not enough", []*doc{
			placed("https://a.com/1", "Ohio", 4),
		}, map[string]string{}},
		{"weak placements do not count", []*doc{
			placed("https://a.com/1", "Ohio", 1),
			placed("https://a.com/2", "Ohio", 2),
		}, map[string]string{}},
		{"a national outlet spread over states", []*doc{
			placed("https://b.com/1", "Ohio", 4),
			placed("https://b.com/2", "Ohio", 4),
			placed("https://b.com/3", "Texas", 4),
			placed("https://b.com/4", "Maine", 4),
		}, map[string]string{}},
		{"three in five suffices", []*doc{
			placed("https://c.com/1", "Texas", 4),
			placed("https://c.com/2", "Texas", 4),
			placed("https://c.com/3", "Texas", 4),
			placed("https://c.com/4", "Ohio", 4),
			placed("https://c.com/5", "Maine", 4),
		}, map[string]string{"c.com": "US/Texas"}},
	}
	for _, tt := range tests {
		got := outletRegions(tt.docs)
		if len(got) != len(tt.want) {
			t.Errorf("%s: outletRegions = %v, want %v", tt.name, got, tt.want)
			continue
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%s: outletRegions[%q] = %q, want %q", tt.name, k, got[k], v)
			}
		}
	}
}
