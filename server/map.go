package server

import (
	"bufio"
	"bytes"
	"fmt"
	"html/template"
	"math"
	"strings"
	"sync"

	"tally"
	"tally/ledger"
)

// The map is equirectangular: SVG user space is longitude × −latitude, so
// the world is the viewBox "-180 -90 360 180" and a point needs no
// projection library. The outline is assets/world.txt, made by `go
// generate` from world-atlas (Natural Earth 1:110m countries).

// worldSVG is the world outline as SVG <path> elements, built once.
var worldSVG = sync.OnceValue(func() template.HTML {
	b, err := assetFS.ReadFile("assets/world.txt")
	if err != nil {
		panic("server: world outline missing: " + err.Error())
	}
	html, err := worldPaths(b)
	if err != nil {
		panic("server: " + err.Error())
	}
	return html
})

// worldPaths renders the lines of world.txt (id TAB name TAB path) as SVG.
// The path data is checked to hold only path commands and numbers, and the
// name is escaped: the result is safe to emit as template.HTML.
func worldPaths(b []byte) (template.HTML, error) {
	var out strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return "", fmt.Errorf("world.txt:%d: want 3 tab-separated fields", n)
		}
		if strings.Trim(f[2], "MLZ0123456789.- ") != "" {
			return "", fmt.Errorf("world.txt:%d: path data has characters other than M, L, Z and numbers", n)
		}
		fmt.Fprintf(&out, `<path class="land" d="%s"><title>%s</title></path>`, f[2], template.HTMLEscapeString(f[1]))
	}
	return template.HTML(out.String()), sc.Err()
}

// mapPoint is one incident on the map.
type mapPoint struct {
	ID, Title, Label string
	Date, Place      string
	Killed           *tally.Tally
	X, Y, R          string // user-space coordinates and radius, formatted
	Class            string // CSS classes: precision, disputed
}

// mapPoints places the incidents that have a place with coordinates; the
// radius grows with the square root of the best killed figure.
func mapPoints(incs []tally.Incident) (pts []mapPoint, unplaced int) {
	for i := range incs {
		inc := &incs[i]
		p := inc.Where
		if p == nil || p.Country == "" || p.Precision == "" || (p.Lat == 0 && p.Lon == 0) ||
			math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 {
			unplaced++
			continue
		}
		killed := int64(0)
		if inc.Killed != nil {
			killed = inc.Killed.Best
		}
		r := min(0.9+0.35*math.Sqrt(float64(killed)), 5)
		class := "pt pt-" + classWord(p.Precision)
		if inc.Disputed {
			class += " pt-disputed"
		}
		label := inc.Title
		if killed > 0 {
			label = fmt.Sprintf("%s — %d killed", inc.Title, killed)
		}
		pts = append(pts, mapPoint{
			ID: inc.ID, Title: inc.Title, Label: label, Class: class,
			Date: ledger.Dates(inc), Place: ledger.Place(p), Killed: inc.Killed,
			X: fmt.Sprintf("%.2f", p.Lon), Y: fmt.Sprintf("%.2f", -p.Lat), R: fmt.Sprintf("%.2f", r),
		})
	}
	return pts, unplaced
}

// classWord keeps a value usable as a CSS class name.
func classWord(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return -1
	}, strings.ToLower(s))
}
