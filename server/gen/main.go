// Command gen builds server/assets/world.txt, the world outline the server's
// map draws. It is run by `go generate ./server/` (from the server
// directory) and needs the npm client and the npm registry, never at tally's
// run time.
//
// Source, pinned and checked against its registry integrity hash:
// world-atlas@2.0.2 (ISC; data from Natural Earth, public domain):
// countries-110m.json, a TopoJSON topology of the countries at 1:110m.
//
// The arcs are decoded (delta-encoded, quantized by the topology's
// transform), stitched into rings and written in an equirectangular
// projection whose SVG user space is longitude × −latitude (viewBox
// "-180 -90 360 180"), one country per line:
//
//	<ISO 3166-1 numeric id> TAB <name> TAB <SVG path data>
//
// Usage:
//
//	go run ./gen [-tgz world-atlas-2.0.2.tgz] [-o assets/world.txt]
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"tally/internal/npmpack"
)

const (
	pkgName      = "world-atlas"
	pkgVersion   = "2.0.2"
	pkgIntegrity = "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
	pkgFile      = "countries-110m.json"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("server/gen: ")
	tgzPath := flag.String("tgz", "", "read this world-atlas tarball instead of running `npm pack`")
	out := flag.String("o", "assets/world.txt", "output file")
	flag.Parse()

	var tgz []byte
	var err error
	if *tgzPath != "" {
		tgz, err = os.ReadFile(*tgzPath)
	} else {
		tgz, err = npmpack.Fetch(pkgName, pkgVersion, pkgIntegrity)
	}
	if err != nil {
		log.Fatal(err)
	}
	if err := npmpack.Check(tgz, pkgIntegrity); err != nil {
		log.Fatal(err)
	}
	files, err := npmpack.Files(tgz, pkgFile)
	if err != nil {
		log.Fatal(err)
	}
	topo := files[pkgFile]
	if err != nil {
		log.Fatal(err)
	}
	countries, err := Decode(topo, "countries")
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	for _, c := range countries {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", c.ID, c.Name, c.Path)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d countries, %d bytes", *out, len(countries), b.Len())
}

// topology is the part of a TopoJSON file this command reads.
type topology struct {
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Geometries []struct {
			Type       string          `json:"type"`
			ID         json.RawMessage `json:"id"`
			Arcs       json.RawMessage `json:"arcs"`
			Properties struct {
				Name string `json:"name"`
			} `json:"properties"`
		} `json:"geometries"`
	} `json:"objects"`
}

// Country is one country's outline as SVG path data.
type Country struct {
	ID, Name, Path string
}

// Decode reads the named geometry collection of a TopoJSON topology and
// returns its polygons as SVG paths (x = longitude, y = −latitude, one
// decimal), sorted by id then name.
func Decode(b []byte, object string) ([]Country, error) {
	var t topology
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, err
	}
	obj, ok := t.Objects[object]
	if !ok {
		return nil, fmt.Errorf("no object %q in the topology", object)
	}
	arcs := decodeArcs(&t)
	var out []Country
	for _, g := range obj.Geometries {
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, err
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, err
			}
		default:
			continue // null geometries carry no outline
		}
		var d strings.Builder
		for _, poly := range polys {
			for _, ring := range poly {
				pts, err := stitch(arcs, ring)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", g.Properties.Name, err)
				}
				for _, r := range antimeridian(pts) {
					writeRing(&d, r)
				}
			}
		}
		if d.Len() == 0 {
			continue
		}
		var id string
		if json.Unmarshal(g.ID, &id) != nil {
			id = strings.Trim(string(g.ID), `"`)
		}
		out = append(out, Country{ID: id, Name: g.Properties.Name, Path: d.String()})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].ID != out[j].ID {
			return out[i].ID < out[j].ID
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// decodeArcs undoes the delta encoding and the quantization of every arc.
func decodeArcs(t *topology) [][][2]float64 {
	out := make([][][2]float64, len(t.Arcs))
	for i, arc := range t.Arcs {
		pts := make([][2]float64, len(arc))
		var x, y float64
		for j, p := range arc {
			if t.Transform != nil {
				x += p[0]
				y += p[1]
				pts[j] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
			} else {
				pts[j] = p
			}
		}
		out[i] = pts
	}
	return out
}

// stitch joins the arcs of one ring; a negative index ~i is arc i reversed.
// Each arc after the first starts where the previous one ended, so its first
// point is dropped.
func stitch(arcs [][][2]float64, ring []int) ([][2]float64, error) {
	var pts [][2]float64
	for k, i := range ring {
		rev := i < 0
		if rev {
			i = ^i
		}
		if i >= len(arcs) {
			return nil, fmt.Errorf("arc %d out of range", i)
		}
		a := arcs[i]
		seg := make([][2]float64, len(a))
		for j := range a {
			if rev {
				seg[j] = a[len(a)-1-j]
			} else {
				seg[j] = a[j]
			}
		}
		if k > 0 && len(seg) > 0 {
			seg = seg[1:]
		}
		pts = append(pts, seg...)
	}
	return pts, nil
}

// antimeridian mends a ring that crosses the 180th meridian (Russia, Fiji):
// drawn as is, its jump from +180 to −180 would streak across the map. The
// ring is unwrapped into continuous longitudes and drawn twice, once shifted
// by 360°, so that each side shows its part (the viewBox clips the rest). A
// ring that winds around the pole (Antarctica) is left as it is.
func antimeridian(pts [][2]float64) [][][2]float64 {
	jump := false
	for i := 1; i < len(pts); i++ {
		if math.Abs(pts[i][0]-pts[i-1][0]) > 180 {
			jump = true
			break
		}
	}
	if !jump {
		return [][][2]float64{pts}
	}
	un := make([][2]float64, len(pts))
	un[0] = pts[0]
	shift := 0.0
	for i := 1; i < len(pts); i++ {
		d := pts[i][0] - pts[i-1][0]
		if d > 180 {
			shift -= 360
		} else if d < -180 {
			shift += 360
		}
		un[i] = [2]float64{pts[i][0] + shift, pts[i][1]}
	}
	if shift != 0 {
		return [][][2]float64{pts} // winds around a pole
	}
	lo, hi := un[0][0], un[0][0]
	for _, p := range un {
		lo, hi = min(lo, p[0]), max(hi, p[0])
	}
	out := [][][2]float64{un}
	for _, off := range []float64{-360, 360} {
		if (off < 0 && hi > 180) || (off > 0 && lo < -180) {
			cp := make([][2]float64, len(un))
			for i, p := range un {
				cp[i] = [2]float64{p[0] + off, p[1]}
			}
			out = append(out, cp)
		}
	}
	return out
}

// writeRing appends one closed ring: "M x y x y … Z" (later pairs after M
// are implicit line-tos), rounded to a tenth of a degree, repeated points
// dropped. Rings that shrink below three points are left out.
func writeRing(d *strings.Builder, pts [][2]float64) {
	var ring [][2]float64
	for _, p := range pts {
		q := [2]float64{round1(p[0]), round1(-p[1])}
		if n := len(ring); n > 0 && ring[n-1] == q {
			continue
		}
		ring = append(ring, q)
	}
	if n := len(ring); n > 1 && ring[0] == ring[n-1] {
		ring = ring[:n-1]
	}
	if len(ring) < 3 {
		return
	}
	d.WriteByte('M')
	for i, p := range ring {
		if i > 0 {
			d.WriteByte(' ')
		}
		d.WriteString(num(p[0]))
		d.WriteByte(' ')
		d.WriteString(num(p[1]))
	}
	d.WriteByte('Z')
}

func round1(v float64) float64 {
	r := math.Round(v*10) / 10
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
