package event

import (
	"testing"
	"time"

	"tally"
	"tally/geo"
)

func TestHostPlaces(t *testing.T) {
	us := context{countries: map[string]float64{"US": 2}}
	none := context{countries: map[string]float64{}}
	tests := []struct {
		host   string
		ctx    context
		want   string // "Name/Admin1/CC", "" for none
		reason string
	}{
		{"abc7chicago.com", none, "Chicago/Illinois/US", "brand then place"},
		{"chicagotribune.com", none, "Chicago/Illinois/US", "place then paper"},
		{"kansascity.com", none, "Kansas City/Missouri/US", "spaces put back"},
		{"fox13memphis.com", none, "Memphis/Tennessee/US", "digits inside"},
		{"cleveland19.com", none, "Cleveland/Ohio/US", "digits after"},
		{"miami.cbslocal.com", none, "Miami/Florida/US", "a subdomain"},
		{"limaohio.com", none, "Lima/Ohio/US", "a town read in the region named with it"},
		{"oregonlive.com", none, "Oregon/Oregon/US", "a region"},
		{"delawareonline.com", none, "Delaware/Delaware/US", "a region before a small city"},
		{"nbcwashington.com", none, "Washington/District of Columbia/US", "a city before a region"},
		{"bradenton.com", none, "Bradenton/Florida/US", "a whole label, a smaller town"},
		{"toledoblade.com", us, "Toledo/Ohio/US", "the report's country"},
		{"springfieldnewssun.com", us, "", "three Springfields of a size"},
		{"lancasteronline.com", us, "", "Lancaster, Calif., not three times Lancaster, Pa."},
		{"beaumontenterprise.com", none, "", "Beaumont, Texas, not three times Beaumont, Calif."},
		{"northjersey.com", us, "", "Jersey, abroad of a report about the US"},
		{"cumberlink.com", none, "", "no name inside a label"},
		{"wave3.com", none, "", "no name"},
		{"web.archive.org", none, "", "not an outlet"},
	}
	g := geo.Default()
	for _, tt := range tests {
		got := ""
		for _, n := range hostPlaces(g, tt.host) {
			if p, ok := hostPick(n.cands, tt.ctx); ok {
				got = p.Name + "/" + p.Admin1 + "/" + p.Country
				break
			}
		}
		if got != tt.want {
			t.Errorf("%s (%s): %q, want %q", tt.host, tt.reason, got, tt.want)
		}
	}
}

// TestLocateHost reads an invented report that names only an ambiguous
// town: the outlet's address tells which.
func TestLocateHost(t *testing.T) {
	body := "Columbus police said a man was shot and wounded outside a store on Friday night."
	for _, tt := range []struct{ url, admin1 string }{
		{"https://www.savannahnow.com/news/local/crime/a1.html", "Georgia"},
		{"http://web.archive.org/web/20160101000000/http://www.indystar.com/story/a1", "Ohio"}, // no place in the host: the largest Columbus
		{"https://www.fox59indianapolis.com/a1", "Indiana"},
	} {
		x := describeArticle(t, tally.Article{ID: "t", Title: "Man shot outside store", Text: body, URL: tt.url, Published: jan13})
		if x.Event == nil || x.Event.Place == nil || x.Event.Place.Name != "Columbus" || x.Event.Place.Admin1 != tt.admin1 {
			t.Errorf("%s: place %+v, want Columbus, %s", tt.url, x.Event.Place, tt.admin1)
		}
	}
}

// TestHostFallback: an invented report that names no place is placed in the
// city its outlet's address names, or in the region when the address names
// a region.
func TestHostFallback(t *testing.T) {
	body := "An 11-year-old girl was shot in the head on the South Side on Saturday night, police said."
	for _, tt := range []struct{ url, name, precision string }{
		{"https://abc7chicago.com/news/girl-shot/1/", "Chicago", "city"},
		{"https://www.oregonlive.com/crime/2016/girl-shot.html", "Oregon", "admin1"},
	} {
		x := describeArticle(t, tally.Article{ID: "t", Title: "Girl, 11, shot", Text: body, URL: tt.url,
			Published: time.Date(2016, 3, 12, 1, 0, 0, 0, time.UTC)})
		if p := x.Event.Place; p == nil || p.Name != tt.name || p.Precision != tt.precision {
			t.Errorf("%s: place %+v, want %s (%s)", tt.url, p, tt.name, tt.precision)
		}
	}
}
