package event

import (
	"sort"
	"strings"

	"tally/geo"
)

// Where an outlet is, read from its web address: "abc7chicago.com",
// "mysanantonio.com", "miami.cbslocal.com", "kansascity.com",
// "oregonlive.com", "limaohio.com". A local outlet reports on its region,
// so the place its address names weighs like a place its name gives (see
// context.addOutlet): it tells which Columbus "Columbus police" is, and where
// a report that names no place happened, at the precision of a region.
//
// No maintained library reads places out of host names; this is written by
// hand. Only names a host would be named after count: countries, first-level
// regions by their names and cities of at least hostMinPop people, so that
// the letters of an ordinary word ("wave3", "dailycall") make no town. A
// name with readings in several countries ("toledo": Ohio, Spain, the
// Philippines) is read in the country the report is about (hostPick).

// hostMinPop is the smallest city a part of a host name is read as;
// hostLabelPop the smallest a whole label is read as ("bradenton.com");
// hostRivalPop the smallest city that makes a reading doubtful: a host
// names the city of a name that has three times the people of any other in
// its country ("lancasteronline.com" is no more Lancaster, California, than
// Lancaster, Pennsylvania).
const (
	hostMaxName  = 20 // letters: longer names are not read ("montgomerycountypolicereporter" is long enough)
	hostMinPop   = 100000
	hostLabelPop = 20000
	hostRivalPop = 20000
	hostRatio    = 3
)

// hostSkip are labels that name no outlet: the web's own.
var hostSkip = map[string]bool{"www": true, "m": true, "amp": true, "web": true, "archive": true,
	"com": true, "co": true, "org": true, "net": true, "edu": true, "gov": true, "ac": true}

// hostWords are words outlets are named with that are also the names of
// large places or regions somewhere: "beaumontenterprise" is no Enterprise,
// Nevada; "northjersey" no North Region of Cameroon; "foxcarolina" no
// Carolina, Puerto Rico.
var hostWords = map[string]bool{"enterprise": true, "reading": true, "mobile": true, "independence": true,
	"surprise": true, "orange": true, "normal": true, "metro": true, "valley": true, "central": true,
	"carolina": true, "north": true, "south": true, "east": true, "west": true, "northwest": true,
	"northeast": true, "southwest": true, "southeast": true, "north western": true, "capital": true}

// hostName is a name a host spells and the readings it may have.
type hostName struct {
	key   string
	cands []hostReading // most prominent first (hostOutweighs)
}

// hostReading is a reading of a host name: a place and whether the host
// may be named after it (see hostReadings) or it only makes another doubtful.
type hostReading struct {
	p     geo.Place
	named bool
}

// hostCache holds the names read from hosts, at most 20,000 hosts: a
// collection has a few thousand outlets and each recurs.
var hostCache = boundedCache[[]hostName]{max: 20000}

// hostNames reads the place names in an outlet's host (see hostPlaces),
// through a cache for the embedded gazetteer.
func hostNames(g *geo.Gazetteer, h string) []hostName {
	if h == "" {
		return nil
	}
	if g != geo.Default() {
		return hostPlaces(g, h)
	}
	if ns, ok := hostCache.load(h); ok {
		return ns
	}
	ns := hostPlaces(g, h)
	hostCache.store(h, ns)
	return ns
}

// hostMentions are the places an outlet's host ("abc7chicago.com") names,
// each read in the context of the report: a mention with one reading per name.
func hostMentions(g *geo.Gazetteer, host string, ctx context) []mention {
	var ms []mention
	for _, n := range hostNames(g, host) {
		if p, ok := hostPick(n.cands, ctx); ok {
			ms = append(ms, mention{text: n.key, cands: []geo.Place{p}, host: true})
		}
	}
	return ms
}

// hostPick chooses a host name's reading: in the country the report weighs
// most among the readings' countries, the most prominent one if it is a
// city with hostRatio times the people of each other, a region no city it
// may be named after rivals, or the others lie in its region; else none ("springfield": three cities of a
// size). A reading abroad of a report that names its own country twice is
// none ("northjersey" is no Jersey).
func hostPick(cands []hostReading, ctx context) (geo.Place, bool) {
	bestW, country := 0.0, ""
	for _, r := range cands {
		if w := ctx.countries[r.p.Country]; w > bestW {
			bestW, country = w, r.p.Country
		}
	}
	if country == "" && ctx.top() >= 2 {
		return geo.Place{}, false
	}
	var in []hostReading
	for _, r := range cands {
		if country == "" || r.p.Country == country {
			in = append(in, r)
		}
	}
	if len(in) == 0 || !in[0].named {
		return geo.Place{}, false
	}
	a := in[0].p
	for _, r := range in[1:] {
		b := r.p
		switch {
		case a.Country == b.Country && a.Admin1Code == b.Admin1Code:
		case a.Precision == geo.PrecisionCity && a.Population >= hostRatio*b.Population:
		case a.Precision != geo.PrecisionCity && !r.named: // "delawareonline" is no Delaware, Ohio
		default:
			return geo.Place{}, false
		}
	}
	return a, true
}

// hostPlaces finds the place names in a host's labels, the top-level
// domain left out (see hostLabel). A country-code domain ("kyiv.ua")
// keeps the readings in its country when it has any.
func hostPlaces(g *geo.Gazetteer, host string) []hostName {
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return nil
	}
	tld := strings.ToUpper(labels[len(labels)-1])
	if tld == "UK" {
		tld = "GB"
	}
	labels = labels[:len(labels)-1]
	var out []hostName
	for _, l := range labels {
		if hostSkip[l] || len(l) > 40 {
			continue
		}
		for _, part := range strings.Split(l, "-") {
			if hostSkip[part] {
				continue
			}
			for _, n := range hostLabel(g, part) {
				var in []hostReading
				for _, r := range n.cands {
					if r.p.Country == tld {
						in = append(in, r)
					}
				}
				if len(in) > 0 {
					n.cands = in
				}
				out = append(out, n)
			}
		}
	}
	return out
}

// hostLabel reads the names a label spells without spaces at its start
// ("toledoblade", "kansascity" → Kansas City) and at its end, digits aside
// ("abc7chicago", "fox13memphis"): outlets are named "place paper" or
// "brand place". A name inside a label is not read: it is more often the
// letters of other words ("cumberlink", "trentonian") than a place.
//
// When the label names a region as well as a town ("limaohio"), the town is
// read in that region at any size; else the first name is kept
// ("beaumontenterprise", "visaliatimesdelta").
func hostLabel(g *geo.Gazetteer, label string) []hostName {
	end := len(label)
	for end > 0 && label[end-1] >= '0' && label[end-1] <= '9' {
		end--
	}
	label = label[:end]
	var names []hostName
	from := 0
	if n, size, ok := hostAt(g, label, 0, false); ok { // "toledoblade"
		names = append(names, n)
		from = size // the end is read after the start: "limaohio"
	}
	for i := from; i+4 <= len(label); i++ {
		if len(label)-i > hostMaxName {
			continue
		}
		if n, _, ok := hostAt(g, label, i, true); ok && (len(names) == 0 || n.key != names[0].key) { // "abc7chicago"
			names = append(names, n)
			break
		}
	}
	if len(names) < 2 {
		return names
	}
	for i, n := range names {
		r, ok := regionReading(n)
		if !ok {
			continue
		}
		other := names[1-i]
		for _, p := range g.Lookup(other.key) { // "limaohio": Lima, Ohio
			if p.Precision == geo.PrecisionCity && p.Country == r.Country && (r.Precision == geo.PrecisionCountry || p.Admin1Code == r.Admin1Code) {
				return []hostName{{other.key, []hostReading{{p, true}}}}
			}
		}
	}
	return names[:1]
}

// regionReading is a name's reading as a country or first-level region,
// if it has one.
func regionReading(n hostName) (geo.Place, bool) {
	for _, r := range n.cands {
		if r.p.Precision == geo.PrecisionCountry || r.p.Precision == geo.PrecisionAdmin1 {
			return r.p, true
		}
	}
	return geo.Place{}, false
}

// hostAt is the longest name spelled in label from byte i (to its end if
// toEnd), with its readings, and how many bytes it spells.
func hostAt(g *geo.Gazetteer, label string, i int, toEnd bool) (hostName, int, bool) {
	type hit struct {
		key string
		end int
	}
	var hits []hit
	var buf [64]byte
	var walk func(w []byte, from, words int)
	walk = func(w []byte, from, words int) {
		for j := from + 2; j <= len(label) && j-i <= hostMaxName; j++ {
			k := append(w, label[from:j]...)
			if !g.HasPrefixKeyBytes(k) {
				continue
			}
			if (!toEnd || j == len(label)) && j-i >= 4 && g.HasKeyBytes(k) {
				hits = append(hits, hit{string(k), j})
			}
			if words < 3 && j+2 <= len(label) {
				walk(append(k, ' '), j, words+1) // "kansas city", "salt lake city"
			}
		}
	}
	walk(buf[:0], i, 0)
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].end > hits[b].end })
	for _, h := range hits {
		if hostWords[h.key] {
			continue
		}
		if cands := hostReadings(g, h.key, h.end-i, len(label)); len(cands) > 0 {
			return hostName{h.key, cands}, h.end - i, true
		}
	}
	return hostName{}, 0, false
}

// hostReadings are the readings of key that a host spelling it (in size
// letters of a label of n) may mean, those it may be named after first, the
// most prominent first: countries,
// regions named so (not by a stem: "free" is no Free State) and cities of
// hostMinPop people (hostLabelPop for a whole label; a million for four
// letters: "kyiv", "lima"); with the cities of hostRivalPop that make them
// doubtful. None if no reading may be meant.
func hostReadings(g *geo.Gazetteer, key string, size, n int) []hostReading {
	minPop := int64(hostMinPop)
	if size == n {
		minPop = hostLabelPop
	}
	if size < 5 {
		minPop = 1000000
	}
	var out []hostReading
	named := false
	for _, p := range g.Lookup(key) {
		r := hostReading{p: p}
		switch {
		case p.Demonym || p.Precision == geo.PrecisionAdmin2:
			continue
		case p.Precision == geo.PrecisionCity:
			if p.Population < hostRivalPop {
				continue
			}
			r.named = p.Population >= minPop
		case geo.Normalize(p.Name) == key:
			r.named = true
		default:
			continue
		}
		named = named || r.named
		out = append(out, r)
	}
	if !named {
		return nil
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].named != out[j].named {
			return out[i].named
		}
		return hostOutweighs(out[i].p, out[j].p)
	})
	return out
}

// hostOutweighs reports whether a host naming p and q more likely means p:
// a city before a country before a region (a city is what outlets are named
// after: "nbcwashington" is Washington, D.C.), then the more populous.
func hostOutweighs(p, q geo.Place) bool {
	rank := func(x geo.Place) int {
		switch x.Precision {
		case geo.PrecisionCity:
			return 2
		case geo.PrecisionCountry:
			return 1
		}
		return 0
	}
	if rank(p) != rank(q) {
		return rank(p) > rank(q)
	}
	return p.Population > q.Population
}
