package geo

import (
	"math"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// want describes one expected entry of a Lookup result.
type want struct {
	country   string
	precision Precision
	name      string // "" = any
	admin1    string // Admin1Code; "" = any
	demonym   bool
}

func (w want) match(p Place) bool {
	return p.Country == w.country && p.Precision == w.precision &&
		(w.name == "" || p.Name == w.name) && (w.admin1 == "" || p.Admin1Code == w.admin1) &&
		p.Demonym == w.demonym
}

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct {
		query    string
		first    *want  // the first entry, when it matters
		includes []want // entries that must be somewhere in the result
	}{
		{query: "Kursk Oblast", first: &want{country: "RU", precision: PrecisionAdmin1, name: "Kursk Oblast", admin1: "41"}},
		{query: "Kursk region", first: &want{country: "RU", precision: PrecisionAdmin1, name: "Kursk Oblast", admin1: "41"}},
		{query: "kursk province", first: &want{country: "RU", precision: PrecisionAdmin1, name: "Kursk Oblast", admin1: "41"}},
		{query: "Kursk",
			first: &want{country: "RU", precision: PrecisionCity, name: "Kursk", admin1: "41"},
			includes: []want{
				{country: "RU", precision: PrecisionAdmin1, name: "Kursk Oblast"},
			}},
		{query: "Sudzha", first: &want{country: "RU", precision: PrecisionCity, name: "Sudzha", admin1: "41"}},
		{query: "Kabul",
			first:    &want{country: "AF", precision: PrecisionCity, name: "Kabul"},
			includes: []want{{country: "AF", precision: PrecisionAdmin1, name: "Kabul"}}},
		{query: "Bastrop", includes: []want{
			{country: "US", precision: PrecisionCity, name: "Bastrop", admin1: "TX"},
			{country: "US", precision: PrecisionCity, name: "Bastrop", admin1: "LA"},
		}},
		{query: "Paris",
			first:    &want{country: "FR", precision: PrecisionCity, name: "Paris"},
			includes: []want{{country: "US", precision: PrecisionCity, name: "Paris", admin1: "TX"}}},
		{query: "Texas", first: &want{country: "US", precision: PrecisionAdmin1, name: "Texas", admin1: "TX"}},
		{query: "Ind.", first: &want{country: "US", precision: PrecisionAdmin1, name: "Indiana", admin1: "IN"}},
		{query: "Calif.", first: &want{country: "US", precision: PrecisionAdmin1, name: "California", admin1: "CA"}},
		{query: "TX", first: &want{country: "US", precision: PrecisionAdmin1, name: "Texas", admin1: "TX"}},
		{query: "Donbas", first: &want{country: "UA", precision: PrecisionAdmin1, name: "Donbas"}},
		{query: "Donbass", first: &want{country: "UA", precision: PrecisionAdmin1, name: "Donbas"}},
		{query: "Gaza Strip", first: &want{country: "PS", precision: PrecisionAdmin1, name: "Gaza Strip", admin1: "GZ"}},
		{query: "Gaza",
			first:    &want{country: "PS", precision: PrecisionAdmin1, name: "Gaza Strip"},
			includes: []want{{country: "PS", precision: PrecisionCity, name: "Gaza"}}},
		{query: "Darfur", first: &want{country: "SD", precision: PrecisionAdmin1, name: "Darfur"}},
		{query: "North Darfur", first: &want{country: "SD", precision: PrecisionAdmin1, admin1: "55"}},
		{query: "West Bank", first: &want{country: "PS", precision: PrecisionAdmin1, admin1: "WE"}},
		{query: "Crimea", first: &want{country: "UA", precision: PrecisionAdmin1, admin1: "11"}},
		{query: "Ukraine", first: &want{country: "UA", precision: PrecisionCountry, name: "Ukraine"}},
		{query: "Russia", first: &want{country: "RU", precision: PrecisionCountry, name: "Russia"}},
		{query: "Russian Federation", first: &want{country: "RU", precision: PrecisionCountry, name: "Russia"}},
		{query: "United States", first: &want{country: "US", precision: PrecisionCountry, name: "United States"}},
		{query: "U.S.", first: &want{country: "US", precision: PrecisionCountry}},
		{query: "Syria", first: &want{country: "SY", precision: PrecisionCountry, name: "Syria"}},
		{query: "Ukrainian", first: &want{country: "UA", precision: PrecisionCountry, name: "Ukraine", demonym: true}},
		{query: "Sudanese", first: &want{country: "SD", precision: PrecisionCountry, demonym: true}},
		{query: "North Korean", first: &want{country: "KP", precision: PrecisionCountry, demonym: true}},
		{query: "Israelis", first: &want{country: "IL", precision: PrecisionCountry, demonym: true}},
		{query: "Bogotá", first: &want{country: "CO", precision: PrecisionCity, name: "Bogotá"}},
		{query: "Bogota", first: &want{country: "CO", precision: PrecisionCity, name: "Bogotá"}},
		{query: "BOGOTA", first: &want{country: "CO", precision: PrecisionCity, name: "Bogotá"}},
		{query: "Kiev", first: &want{country: "UA", precision: PrecisionCity, name: "Kyiv"}},
		{query: "Donetsk",
			first:    &want{country: "UA", precision: PrecisionCity, name: "Donetsk"},
			includes: []want{{country: "UA", precision: PrecisionAdmin1, admin1: "05"}}},
		{query: "Washington",
			first:    &want{country: "US", precision: PrecisionCity, admin1: "DC"},
			includes: []want{{country: "US", precision: PrecisionAdmin1, admin1: "WA"}}},
		{query: "Khan Yunis", first: &want{country: "PS", precision: PrecisionCity}},
		{query: "St. Petersburg", first: &want{country: "RU", precision: PrecisionCity}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := g.Lookup(tt.query)
			if len(got) == 0 {
				t.Fatalf("Lookup(%q) = nil", tt.query)
			}
			if tt.first != nil && !tt.first.match(got[0]) {
				t.Errorf("Lookup(%q)[0] = %+v, want %+v", tt.query, got[0], *tt.first)
			}
			for _, w := range tt.includes {
				found := false
				for _, p := range got {
					found = found || w.match(p)
				}
				if !found {
					t.Errorf("Lookup(%q) lacks %+v; got %d entries, first %+v", tt.query, w, len(got), got[0])
				}
			}
		})
	}
}

func TestLookupKursk(t *testing.T) {
	g := Default()
	for _, q := range []string{"Kursk Oblast", "Kursk region"} {
		got := g.Lookup(q)
		if len(got) == 0 {
			t.Fatalf("Lookup(%q) = nil", q)
		}
		p := got[0]
		if p.Admin1 != "Kursk Oblast" || p.Admin1Code != "41" || p.Feature != "ADM1" ||
			math.Abs(p.Lat-51.7) > 0.1 || math.Abs(p.Lon-36.2) > 0.1 {
			t.Errorf("Lookup(%q)[0] = %+v, want Kursk Oblast at about 51.7, 36.2", q, p)
		}
	}
	// The bare name: the city first, the oblast after it.
	got := g.Lookup("Kursk")
	if len(got) < 2 || got[0].Precision != PrecisionCity || got[1].Name != "Kursk Oblast" {
		t.Errorf("Lookup(Kursk) = %+v, want the city then the oblast", got)
	}
	if got[0].Admin1 != "Kursk Oblast" || got[0].Population < 100000 || got[0].Feature != "PPLA" {
		t.Errorf("Kursk city = %+v", got[0])
	}
}

func TestLookupCityFields(t *testing.T) {
	for _, p := range Default().Lookup("Bastrop") {
		if p.Admin1Code == "TX" {
			if p.Admin1 != "Texas" || p.Admin2 != "Bastrop County" || math.Abs(p.Lat-30.11) > 0.05 || math.Abs(p.Lon+97.32) > 0.05 {
				t.Errorf("Bastrop TX = %+v", p)
			}
			return
		}
	}
	t.Error("no Bastrop TX")
}

func TestLookupMiss(t *testing.T) {
	g := Default()
	for _, q := range []string{"Xyzzyplugh", "", "   ", "...", "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"} {
		if got := g.Lookup(q); got != nil {
			t.Errorf("Lookup(%q) = %+v, want nil", q, got)
		}
		if g.Has(q) {
			t.Errorf("Has(%q) = true", q)
		}
	}
	if !g.Has("Sudzha") {
		t.Error("Has(Sudzha) = false")
	}
}

func TestOrderInFile(t *testing.T) {
	// The generator sorts keys bytewise, which the binary search relies on.
	g := Default()
	prev := ""
	for i := 0; i < len(g.keys)-1; i++ {
		k, _ := field(g.line(g.keys, i))
		if k < prev {
			t.Fatalf("key %q after %q", k, prev)
		}
		if Normalize(k) != k {
			t.Fatalf("key %q is not normalised (%q)", k, Normalize(k))
		}
		prev = k
	}
	for _, s := range [][]uint32{g.countries, g.admins} {
		prev = ""
		for i := 0; i < len(s)-1; i++ {
			k, _ := field(g.line(s, i))
			if k <= prev {
				t.Fatalf("code %q after %q", k, prev)
			}
			prev = k
		}
	}
}

func TestCountryAdmin1(t *testing.T) {
	g := Default()
	p, ok := g.Country("ua")
	if !ok || p.Name != "Ukraine" || p.Precision != PrecisionCountry || math.Abs(p.Lat-50.45) > 0.1 {
		t.Errorf("Country(ua) = %+v, %v", p, ok)
	}
	if p, ok := g.Country("IL"); !ok || p.Lat == 0 {
		t.Errorf("Country(IL) = %+v, %v", p, ok)
	}
	for _, code := range []string{"", "U", "ZZ", "USA", "u.s"} {
		if _, ok := g.Country(code); ok {
			t.Errorf("Country(%q) found", code)
		}
	}
	p, ok = g.Admin1("US", "TX")
	if !ok || p.Name != "Texas" || p.Admin1 != "Texas" || p.Admin1Code != "TX" || p.Country != "US" || math.Abs(p.Lat-30.27) > 0.1 {
		t.Errorf("Admin1(US, TX) = %+v, %v (want Austin's point)", p, ok)
	}
	if p, ok := g.Admin1("ru", "41"); !ok || p.Name != "Kursk Oblast" {
		t.Errorf("Admin1(ru, 41) = %+v, %v", p, ok)
	}
	for _, c := range [][2]string{{"US", "XX"}, {"US", ""}, {"", "TX"}, {"US", "T"}, {"US", "TX."}} {
		if _, ok := g.Admin1(c[0], c[1]); ok {
			t.Errorf("Admin1(%q, %q) found", c[0], c[1])
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Bogotá", "bogota"},
		{"  Kursk   Oblast ", "kursk oblast"},
		{"U.S.", "us"},
		{"Ind.", "ind"},
		{"Côte d’Ivoire", "cote divoire"},
		{"Ivano-Frankivsk", "ivano frankivsk"},
		{"Rafaḩ", "rafah"},
		{"Khān Yūnis", "khan yunis"},
		{"Ta‘izz", "taizz"},
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"Trinidad & Tobago", "trinidad and tobago"},
		{"São Paulo", "sao paulo"},
		{"Москва", "москва"},
		{"Bogota\u0301", "bogota"}, // decomposed accent
		{"kursk", "kursk"},
		{"", ""},
		{"--", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLookupAllocs(t *testing.T) {
	g := Default()
	if n := testing.AllocsPerRun(100, func() { g.Lookup("Nowhere-in-particular Street") }); n != 0 {
		t.Errorf("Lookup miss: %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { g.Has("Kursk") }); n != 0 {
		t.Errorf("Has: %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { g.Lookup("Kursk Oblast") }); n != 1 {
		t.Errorf("Lookup hit: %v allocations, want 1", n)
	}
}

func TestConcurrentLookup(t *testing.T) {
	g := Default()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				if got := g.Lookup("Paris"); len(got) == 0 || got[0].Country != "FR" {
					t.Error("concurrent Lookup(Paris) wrong")
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestLoadCost loads the embedded gazetteer in a fresh process (this test
// binary run again) and reports the load time, the heap it keeps and the
// growth of the resident set. It asserts only the 80 MB bar.
func TestLoadCost(t *testing.T) {
	if os.Getenv("GEO_LOAD_CHILD") == "1" {
		loadChild()
		return
	}
	if testing.Short() {
		t.Skip("short")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadCost$", "-test.count=1")
	cmd.Env = append(os.Environ(), "GEO_LOAD_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var heap, rss int64
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "geo-load "); ok {
			t.Log(v)
			for _, f := range strings.Fields(v) {
				if n, ok := strings.CutPrefix(f, "heap="); ok {
					heap, _ = strconv.ParseInt(n, 10, 64)
				}
				if n, ok := strings.CutPrefix(f, "rss="); ok {
					rss, _ = strconv.ParseInt(n, 10, 64)
				}
			}
		}
	}
	if heap == 0 {
		t.Fatalf("child printed no measurement:\n%s", out)
	}
	if heap > 80<<20 || rss > 80<<20 {
		t.Errorf("loaded gazetteer: heap %d B, RSS growth %d B, want < 80 MB", heap, rss)
	}
}

func loadChild() {
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	rss0 := rssBytes()
	t0 := time.Now()
	g := Default()
	load := time.Since(t0)
	t1 := time.Now()
	n := len(g.Lookup("Kursk"))
	first := time.Since(t1)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	rss1 := rssBytes()
	println("geo-load load=" + load.String() + " firstLookup=" + first.String() +
		" heap=" + strconv.FormatInt(int64(m1.HeapAlloc)-int64(m0.HeapAlloc), 10) +
		" rss=" + strconv.FormatInt(rss1-rss0, 10) +
		" rssTotal=" + strconv.FormatInt(rss1, 10) +
		" lines=" + strconv.Itoa(len(g.keys)+len(g.admins)+len(g.countries)-3) +
		" data=" + strconv.Itoa(len(g.data)) + " kursk=" + strconv.Itoa(n))
}

// rssBytes reads VmRSS from /proc (0 where there is none).
func rssBytes() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n << 10
		}
	}
	return 0
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookupHit(b *testing.B) {
	g := Default()
	b.ReportAllocs()
	for b.Loop() {
		g.Lookup("Kursk")
	}
}

func BenchmarkLookupHitMany(b *testing.B) {
	g := Default()
	b.ReportAllocs()
	for b.Loop() {
		g.Lookup("Washington")
	}
}

func BenchmarkLookupMiss(b *testing.B) {
	g := Default()
	b.ReportAllocs()
	for b.Loop() {
		g.Lookup("Ministry of Health")
	}
}

func BenchmarkHas(b *testing.B) {
	g := Default()
	b.ReportAllocs()
	for b.Loop() {
		g.Has("Sudzha")
	}
}

func TestHasPrefix(t *testing.T) {
	g := Default()
	tests := []struct {
		name string
		want bool
	}{
		{"Kursk", true}, {"kursk oblast", true}, {"Rio de", true}, {"New", true},
		{"Xqzzyville", false}, {"", false}, {"Kurs", false},
	}
	for _, tc := range tests {
		if got := g.HasPrefix(tc.name); got != tc.want {
			t.Errorf("HasPrefix(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
