// Package geo is tally's offline gazetteer: countries, first-level
// administrative regions (admin1: states, oblasts, governorates …), a few
// hand-named regions (Donbas, Darfur …) and about 172,000 cities and towns
// from GeoNames, with the demonyms of countries ("Ukrainian"). The data file,
// gazetteer.tsv, is embedded in the binary: nothing is fetched at run time.
//
// The file is produced by `go generate ./geo/` (geo/gen) from pinned npm
// packages and two hand-made tables (aliases.tsv, demonyms.tsv); see
// README.md in this directory for the sources, their licences and the
// attribution they require.
//
// Loading only finds the starts of the file's lines; Lookup normalises the
// name (Normalize) and binary-searches the lines, which are sorted by key and,
// within a key, most prominent place first.
package geo

import (
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"tally/geo/internal/norm"
)

//go:generate go run ./gen

// data is the embedded gazetteer file. As a string it stays in the binary's
// read-only data: loading copies nothing.
//
//go:embed gazetteer.tsv
var data string

// Precision says how exactly a Place locates what it names.
type Precision string

// The precisions of places, finest first.
const (
	// PrecisionPoint is an exact point (coordinates given in a source); the
	// gazetteer itself has none.
	PrecisionPoint Precision = "point"
	// PrecisionCity is a city, town or village.
	PrecisionCity Precision = "city"
	// PrecisionAdmin2 is a second-level unit (county, district).
	PrecisionAdmin2 Precision = "admin2"
	// PrecisionAdmin1 is a first-level unit (state, oblast, governorate) or a
	// region of about that size (Donbas, Darfur).
	PrecisionAdmin1 Precision = "admin1"
	// PrecisionCountry is a country or territory with an ISO 3166-1 code.
	PrecisionCountry Precision = "country"
)

// Place is one gazetteer entry. Its strings point into the embedded data.
type Place struct {
	// Name is the canonical name: "Kursk Oblast", "Bastrop", "Russia".
	Name string
	// Country is the ISO 3166-1 alpha-2 code.
	Country string
	// Admin1 is the admin1 name ("Texas"); for an admin1 unit its own name;
	// "" for countries and when unknown.
	Admin1 string
	// Admin1Code is the GeoNames admin1 code within the country ("TX", "41").
	Admin1Code string
	// Admin2 is the county or district, when known.
	Admin2 string
	// Lat and Lon are the place's point in degrees (WGS 84): the city itself,
	// the seat or most populous city of an admin1 unit, the capital (or a
	// stated point) of a country, a stated point of a hand-named region.
	Lat, Lon float64
	// Precision is city for cities, admin1 for admin1 units and regions,
	// country for countries and demonyms.
	Precision Precision
	// Population is the GeoNames population of a city when known; 0 for
	// countries and regions.
	Population int64
	// Feature is the GeoNames feature code when known: PPLC (capital), PPLA
	// (admin1 seat), PPLA2, PPL … for cities; ADM1 for admin1 units, RGN for
	// hand-named regions, PCL for countries.
	Feature string
	// Demonym marks an adjective or demonym entry ("Ukrainian"): it names the
	// country as context, never as the place of an event.
	Demonym bool
}

// Gazetteer is a loaded gazetteer. It is read-only and safe for concurrent
// use.
type Gazetteer struct {
	data string
	// keyIndex maps the hash of every key to its first line, firstWords
	// holds the hashes of the keys' word prefixes ("los", "los angeles");
	// both built on first use.
	indexOnce  sync.Once
	keyIndex   hashTable // hash of a key → index of its first line
	firstWords hashTable // hash of a key's word prefix → 0
	collisions bool
	// adminNames maps "CC.CODE" to the admin1 unit's name, built on first use.
	adminOnce  sync.Once
	adminNames map[string]string
	// Start offsets of the lines of each section, plus one final offset:
	// line i spans data[s[i] : s[i+1]-1].
	countries, admins, keys []uint32
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
)

// Default returns the gazetteer embedded in the binary, loaded on first use.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := parse(data)
		if err != nil {
			panic("geo: embedded gazetteer: " + err.Error())
		}
		defaultG = g
	})
	return defaultG
}

// parse finds the line starts of the three sections of a gazetteer file.
func parse(d string) (*Gazetteer, error) {
	if len(d) >= 1<<32 {
		return nil, fmt.Errorf("file too large")
	}
	if d != "" && d[len(d)-1] != '\n' {
		return nil, fmt.Errorf("file does not end in a newline")
	}
	g := &Gazetteer{data: d}
	offs := make([]uint32, 0, strings.Count(d, "\n")+3)
	section := ""
	var bounds []int // index in offs where each section's lines begin
	var names []string
	for p := 0; p < len(d); {
		e := p + strings.IndexByte(d[p:], '\n')
		switch {
		case d[p] == '#' && section == "":
		case d[p] == '@':
			if section != "" {
				offs = append(offs, uint32(p)) // end of the previous section
			}
			section = d[p+1 : e]
			names = append(names, section)
			bounds = append(bounds, len(offs))
		case section == "":
			return nil, fmt.Errorf("data before the first section at byte %d", p)
		default:
			offs = append(offs, uint32(p))
		}
		p = e + 1
	}
	offs = append(offs, uint32(len(d)))
	for i, name := range names {
		end := len(offs)
		if i+1 < len(bounds) {
			end = bounds[i+1]
		}
		s := offs[bounds[i]:end:end]
		switch name {
		case "country":
			g.countries = s
		case "admin1":
			g.admins = s
		case "key":
			g.keys = s
		default:
			return nil, fmt.Errorf("unknown section %q", name)
		}
	}
	if len(g.countries) < 2 || len(g.admins) < 2 || len(g.keys) < 2 {
		return nil, fmt.Errorf("missing or empty section")
	}
	return g, nil
}

// line returns line i of section s, without its newline.
func (g *Gazetteer) line(s []uint32, i int) string {
	return g.data[s[i] : s[i+1]-1]
}

// field splits off the first tab-separated field of s.
func field(s string) (f, rest string) {
	if i := strings.IndexByte(s, '\t'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// cmpFirst compares the first field of line with k (bytewise, like the
// generator's sort).
func cmpFirst[K ~string | ~[]byte](line string, k K) int {
	for i := 0; i < len(k); i++ {
		if i >= len(line) || line[i] == '\t' {
			return -1
		}
		if line[i] != k[i] {
			if line[i] < k[i] {
				return -1
			}
			return 1
		}
	}
	if len(line) > len(k) && line[len(k)] != '\t' {
		return 1
	}
	return 0
}

// search returns the first line of section s whose first field is >= k.
func search[K ~string | ~[]byte](g *Gazetteer, s []uint32, k K) int {
	lo, hi := 0, len(s)-1
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cmpFirst(g.line(s, m), k) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Lookup returns every entry whose key equals Normalize(name), most prominent
// first, or nil. Within a key, entries come in this order: countries named so;
// admin1 units and hand-named regions whose own name (or an explicit form such
// as "Kursk region", "Ind.") it is, unless a city of that name is the
// country's capital or the unit's seat ("Kabul", "Donetsk": the city first);
// then cities, capitals (PPLC) first, then admin1 seats (PPLA), then by
// population, each followed by an admin1 unit that is named after it or
// shares its stem ("Kursk": the city, then Kursk Oblast); demonyms last.
//
// Lookup does not allocate when nothing matches and allocates the result
// slice only when something does.
func (g *Gazetteer) Lookup(name string) []Place {
	var buf [128]byte
	k := norm.Append(buf[:0], name)
	if len(k) == 0 {
		return nil
	}
	n := len(g.keys) - 1
	lo := first(g, k)
	if lo < 0 {
		return nil
	}
	hi := lo
	for hi < n && cmpFirst(g.line(g.keys, hi), k) == 0 {
		hi++
	}
	out := make([]Place, 0, hi-lo)
	for i := lo; i < hi; i++ {
		_, rest := field(g.line(g.keys, i))
		if p, ok := g.place(rest); ok {
			out = append(out, p)
		}
	}
	return out
}

// Has reports whether Lookup(name) would find anything, without allocating.
func (g *Gazetteer) Has(name string) bool {
	var buf [128]byte
	k := norm.Append(buf[:0], name)
	if len(k) == 0 {
		return false
	}
	return first(g, k) >= 0
}

// HasKey is Has for a name already normalised (Normalize(key) == key):
// it skips the normalisation.
func (g *Gazetteer) HasKey(key string) bool {
	return key != "" && first(g, key) >= 0
}

// HasKeyBytes is HasKey for a key in a byte buffer.
func (g *Gazetteer) HasKeyBytes(key []byte) bool {
	return len(key) > 0 && first(g, key) >= 0
}

// HasPrefixKey is HasPrefix for words already normalised: whether some key
// is these words or begins with them ("los", "los angeles" for "los angeles
// county"). A hash filter: it may rarely say yes wrongly, never no wrongly.
func (g *Gazetteer) HasPrefixKey(words string) bool { return g.hasPrefixHash(hashKey(words)) }

// HasPrefixKeyBytes is HasPrefixKey for words in a byte buffer. (The hash is
// taken here: a generic function taking the buffer would make it escape.)
func (g *Gazetteer) HasPrefixKeyBytes(words []byte) bool { return g.hasPrefixHash(hashKey(words)) }

func (g *Gazetteer) hasPrefixHash(h uint64) bool {
	g.indexOnce.Do(g.buildIndex)
	_, prefix := g.firstWords.get(h)
	_, key := g.keyIndex.get(h)
	return prefix || key
}

// HasPrefix reports whether some key is Normalize(name) or starts with it
// followed by a space ("kursk" for "kursk oblast"): whether a longer name
// beginning with these words may be known. It does not allocate.
func (g *Gazetteer) HasPrefix(name string) bool {
	var buf [128]byte
	k := norm.Append(buf[:0], name)
	if len(k) == 0 {
		return false
	}
	g.indexOnce.Do(g.buildIndex)
	word := k
	if i := bytes.IndexByte(k, ' '); i >= 0 {
		word = k[:i]
	}
	_, prefix := g.firstWords.get(hashKey(word))
	_, key := g.keyIndex.get(hashKey(word))
	if !prefix && !key {
		return false // no key is or begins with this word: most capitalised words are no place
	}
	if len(word) == len(k) {
		return true // a key begins with this word
	}
	if first(g, k) >= 0 {
		return true
	}
	i := search(g, g.keys, k)
	if i >= len(g.keys)-1 {
		return false
	}
	line := g.line(g.keys, i)
	return len(line) > len(k) && line[:len(k)] == string(k) && (line[len(k)] == '\t' || line[len(k)] == ' ')
}

// buildIndex hashes every key (to the index of its first line) and the
// first word of every key, for Lookup, Has and HasPrefix: a hash probe
// instead of a binary search over the file, whose cache misses cost more
// than the rest of a lookup (~40 ms and ~12 MB, once).
func (g *Gazetteer) buildIndex() {
	g.keyIndex = newHashTable(len(g.keys))
	g.firstWords = newHashTable(len(g.keys) / 2)
	prev := ""
	for i := 0; i+1 < len(g.keys); i++ {
		line := g.line(g.keys, i)
		key, _ := field(line)
		if key == prev {
			continue
		}
		prev = key
		h := hashKey(key)
		if !g.keyIndex.put(h, int32(i)) {
			g.collisions = true // two keys, one hash: fall back to the binary search
		}
		for end := 0; end < len(key); end++ { // every proper word prefix: "los" of "los angeles"
			if key[end] == ' ' {
				g.firstWords.put(hashKey(key[:end]), 0)
			}
		}
	}
}

// first returns the index of the first line of key k, or -1.
func first[K ~string | ~[]byte](g *Gazetteer, k K) int {
	g.indexOnce.Do(g.buildIndex)
	if i, ok := g.keyIndex.get(hashKey(k)); ok && cmpFirst(g.line(g.keys, int(i)), k) == 0 {
		return int(i)
	} else if !ok && !g.collisions {
		return -1
	}
	i := search(g, g.keys, k)
	if i < len(g.keys)-1 && cmpFirst(g.line(g.keys, i), k) == 0 {
		return i
	}
	return -1
}

// hashTable maps 32-bit hashes to values, open addressing with linear
// probing, hash and value side by side (one cache line a probe): built in a
// few milliseconds, where a Go map of 64-bit hashes took ~40 ms and four
// times the memory. A 32-bit hash may collide: callers check what they
// find (Lookup compares the key; HasPrefix is a filter). Hash 0 is stored as 1.
type hashTable struct {
	slots []slot
	mask  uint32
}

type slot struct {
	h uint32
	v int32
}

func newHashTable(n int) hashTable {
	size := 1
	for size < n+n/2 {
		size <<= 1
	}
	return hashTable{slots: make([]slot, size), mask: uint32(size - 1)}
}

// put stores h → v unless h is stored; it says whether it stored.
func (t *hashTable) put(h64 uint64, v int32) bool {
	h := fold32(h64)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.slots[i].h {
		case 0:
			t.slots[i] = slot{h, v}
			return true
		case h:
			return false
		}
	}
}

// get returns the value of h.
func (t *hashTable) get(h64 uint64) (int32, bool) {
	h := fold32(h64)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.slots[i].h {
		case 0:
			return 0, false
		case h:
			return t.slots[i].v, true
		}
	}
}

// fold32 folds a 64-bit hash to 32 bits, never 0.
func fold32(h uint64) uint32 {
	f := uint32(h) ^ uint32(h>>32)
	if f == 0 {
		f = 1
	}
	return f
}

// hashKey is FNV-1a of a key's bytes.
func hashKey[K ~string | ~[]byte](b K) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(b); i++ {
		h ^= uint64(b[i])
		h *= 1099511628211
	}
	return h
}

// place decodes the part of a key line after the key.
func (g *Gazetteer) place(s string) (Place, bool) {
	kind, s := field(s)
	switch kind {
	case "c", "d":
		p, ok := g.Country(s)
		p.Demonym = kind == "d"
		return p, ok
	case "a":
		cc, code, _ := strings.Cut(s, ".")
		return g.Admin1(cc, code)
	case "r":
		p := g.unitPlace(s)
		p.Precision, p.Feature = PrecisionAdmin1, "RGN"
		return p, true
	case "b":
		p := g.unitPlace(s)
		p.Admin2, p.Precision, p.Feature = p.Name, PrecisionAdmin2, "ADM2"
		return p, true
	case "p":
		var p Place
		var lat, lon, pop string
		p.Name, s = field(s)
		p.Country, s = field(s)
		p.Admin1Code, s = field(s)
		p.Admin2, s = field(s)
		lat, s = field(s)
		lon, s = field(s)
		pop, p.Feature = field(s)
		p.Lat, _ = strconv.ParseFloat(lat, 64)
		p.Lon, _ = strconv.ParseFloat(lon, 64)
		if pop != "" {
			p.Population, _ = strconv.ParseInt(pop, 10, 64)
		}
		if a, ok := g.admin(p.Country, p.Admin1Code); ok {
			p.Admin1 = a
		}
		p.Precision = PrecisionCity
		return p, true
	}
	return Place{}, false
}

// unitPlace decodes "name CC admin1code lat lon", the fields of a region
// (kind r) and of an admin2 unit (kind b).
func (g *Gazetteer) unitPlace(s string) Place {
	var p Place
	var lat, lon string
	p.Name, s = field(s)
	p.Country, s = field(s)
	p.Admin1Code, s = field(s)
	lat, lon = field(s)
	p.Lat, _ = strconv.ParseFloat(lat, 64)
	p.Lon, _ = strconv.ParseFloat(lon, 64)
	if a, ok := g.admin(p.Country, p.Admin1Code); ok {
		p.Admin1 = a
	}
	return p
}

// upper appends the upper-cased code to buf, or reports false when the code
// is too long or has a byte other than an ASCII letter or digit.
func upper(buf []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		default:
			return buf, false
		}
		buf = append(buf, c)
	}
	return buf, true
}

// Country returns the country with the ISO 3166-1 alpha-2 code ("UA", case
// does not matter): its name, and the capital (or a stated point) as its
// coordinates.
func (g *Gazetteer) Country(code string) (Place, bool) {
	var buf [4]byte
	k, ok := upper(buf[:0], code)
	if !ok || len(k) != 2 {
		return Place{}, false
	}
	i := search(g, g.countries, k)
	if i >= len(g.countries)-1 {
		return Place{}, false
	}
	line := g.line(g.countries, i)
	if cmpFirst(line, k) != 0 {
		return Place{}, false
	}
	var p Place
	var lat, lon string
	p.Country, line = field(line)
	p.Name, line = field(line)
	lat, lon = field(line)
	p.Lat, _ = strconv.ParseFloat(lat, 64)
	p.Lon, _ = strconv.ParseFloat(lon, 64)
	p.Precision, p.Feature = PrecisionCountry, "PCL"
	return p, true
}

// adminKey appends the key of an admin1 unit, "US.TX", to buf.
func adminKey(buf []byte, country, code string) ([]byte, bool) {
	k, ok := upper(buf, country)
	if !ok || len(k) != 2 || code == "" {
		return nil, false
	}
	return upper(append(k, '.'), code)
}

// adminLine returns the admin1 line for country and code.
func (g *Gazetteer) adminLine(country, code string) (string, bool) {
	var buf [32]byte
	k, ok := adminKey(buf[:0], country, code)
	if !ok {
		return "", false
	}
	i := search(g, g.admins, k)
	if i >= len(g.admins)-1 {
		return "", false
	}
	line := g.line(g.admins, i)
	if cmpFirst(line, k) != 0 {
		return "", false
	}
	return line, true
}

// admin returns the name of an admin1 unit.
func (g *Gazetteer) admin(country, code string) (string, bool) {
	g.adminOnce.Do(func() {
		g.adminNames = make(map[string]string, len(g.admins))
		for i := 0; i+1 < len(g.admins); i++ {
			id, rest := field(g.line(g.admins, i))
			name, _ := field(rest)
			g.adminNames[id] = name
		}
	})
	var buf [32]byte
	k, ok := adminKey(buf[:0], country, code)
	if !ok {
		return "", false
	}
	name, ok := g.adminNames[string(k)]
	return name, ok
}

// Admin1 returns the admin1 unit with the GeoNames code code ("TX", "41")
// in country ("US", "RU"), with its seat or most populous city as its point.
func (g *Gazetteer) Admin1(country, code string) (Place, bool) {
	line, ok := g.adminLine(country, code)
	if !ok {
		return Place{}, false
	}
	var p Place
	var full, lat, lon string
	full, line = field(line)
	p.Country, p.Admin1Code, _ = strings.Cut(full, ".")
	p.Name, line = field(line)
	lat, lon = field(line)
	p.Lat, _ = strconv.ParseFloat(lat, 64)
	p.Lon, _ = strconv.ParseFloat(lon, 64)
	p.Admin1 = p.Name
	p.Precision, p.Feature = PrecisionAdmin1, "ADM1"
	return p, true
}

// Normalize returns the lookup key of s: lower case, Latin diacritics folded
// to ASCII ("Bogotá" → "bogota"), periods and apostrophes removed ("U.S." →
// "us"), other punctuation and runs of spaces turned into one space, no space
// at either end.
func Normalize(s string) string {
	return norm.Key(s)
}
