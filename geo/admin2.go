package geo

import (
	"strconv"
	"strings"
	"sync"

	"tally/geo/internal/norm"
)

// admin2Index maps the key of a second-level unit's name ("harris county")
// to the key lines of its cities, most populous first; built on first use.
type admin2Index struct {
	once  sync.Once
	units map[string][]uint32 // name key → offsets of city lines
}

var a2 admin2Index

// Admin2 returns the second-level units (counties, parishes, districts)
// called name ("Harris County", "Orleans Parish"), most populous first:
// each located at its most populous city, with precision admin2. The index
// is built on the first call (one pass over the city lines, ~40 ms) and
// only for the default gazetteer; other gazetteers return nil.
func (g *Gazetteer) Admin2(name string) []Place {
	if g != Default() {
		return nil
	}
	a2.once.Do(func() { a2.units = buildAdmin2(g) })
	k := norm.Key(name)
	lines := a2.units[k]
	if len(lines) == 0 {
		return nil
	}
	var out []Place
	seen := map[string]bool{}
	for _, off := range lines {
		line := g.data[off:]
		line = line[:strings.IndexByte(line, '\n')]
		_, rest := field(line)
		p, ok := g.place(rest)
		if !ok || seen[p.Country+"."+p.Admin1Code] {
			continue
		}
		seen[p.Country+"."+p.Admin1Code] = true
		p.Name, p.Precision, p.Feature, p.Population = p.Admin2, PrecisionAdmin2, "ADM2", 0
		out = append(out, p)
	}
	return out
}

// buildAdmin2 reads the admin2 field of every city line.
func buildAdmin2(g *Gazetteer) map[string][]uint32 {
	type best struct {
		off uint32
		pop int64
	}
	units := map[string]map[string]best{} // unit key → country.admin1 → most populous city line
	for i := 0; i+1 < len(g.keys); i++ {
		line := g.line(g.keys, i)
		_, rest := field(line)
		kind, rest := field(rest)
		if kind != "p" {
			continue
		}
		// p name CC admin1code admin2 lat lon population feature
		_, rest = field(rest)
		cc, rest := field(rest)
		a1, rest := field(rest)
		a2name, rest := field(rest)
		if a2name == "" {
			continue
		}
		_, rest = field(rest)
		_, rest = field(rest)
		popText, _ := field(rest)
		pop, _ := strconv.ParseInt(popText, 10, 64)
		k := norm.Key(a2name)
		m := units[k]
		if m == nil {
			m = map[string]best{}
			units[k] = m
		}
		region := cc + "." + a1
		if b, ok := m[region]; !ok || pop > b.pop {
			m[region] = best{g.keys[i], pop}
		}
	}
	out := make(map[string][]uint32, len(units))
	for k, m := range units {
		bs := make([]best, 0, len(m))
		for _, b := range m {
			bs = append(bs, b)
		}
		// most populous unit first
		for i := 1; i < len(bs); i++ {
			for j := i; j > 0 && bs[j].pop > bs[j-1].pop; j-- {
				bs[j], bs[j-1] = bs[j-1], bs[j]
			}
		}
		for _, b := range bs {
			out[k] = append(out[k], b.off)
		}
	}
	return out
}
