// Package ledger renders documents and their claims as the plain-text ledger
// an analyst reads in a terminal (tally report). It imports only the root
// package: it presents, it decides nothing.
package ledger

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"tally"
)

// Options tune the rendering.
type Options struct {
	Color bool // ANSI bold for headlines and figures
	Width int  // line width to shorten sentences to; 0 means 100
}

const (
	bold  = "\x1b[1m"
	dim   = "\x1b[2m"
	reset = "\x1b[0m"
)

// Write prints the ledger of the documents.
func Write(w io.Writer, docs []tally.Extraction, opt Options) {
	if opt.Width <= 0 {
		opt.Width = 100
	}
	for i := range docs {
		writeDoc(w, &docs[i], opt)
	}
	claims := 0
	for i := range docs {
		claims += len(docs[i].Claims)
	}
	fmt.Fprintf(w, "%d documents, %d claims\n", len(docs), claims)
}

func (o Options) em(s string) string {
	if o.Color {
		return bold + s + reset
	}
	return s
}

func (o Options) faint(s string) string {
	if o.Color {
		return dim + s + reset
	}
	return s
}

func writeDoc(w io.Writer, x *tally.Extraction, o Options) {
	d := x.Doc
	fmt.Fprintln(w, o.faint(strings.Repeat("─", min(o.Width, 80))))
	title := d.Title
	if title == "" {
		title = "(no title)"
	}
	fmt.Fprintln(w, o.em(title))
	meta := []string{or(d.Outlet, "unknown outlet")}
	if !d.Published.IsZero() {
		meta = append(meta, d.Published.Format(time.DateOnly))
	}
	meta = append(meta, d.ID)
	fmt.Fprintln(w, o.faint(strings.Join(meta, " · ")))
	if s := Summary(x.Summary); s != "" {
		fmt.Fprintf(w, "Main incident: %s\n", s)
	} else {
		fmt.Fprintln(w, "Main incident: no figures")
	}
	if len(x.Claims) == 0 {
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintln(w)
	for _, c := range x.Claims {
		src := or(c.ClaimedBy, "(article)")
		fmt.Fprintf(w, "  %-10s %s %s %s %s\n",
			strings.ToUpper(string(c.Category)),
			pad(o, o.em(Figure(c.Count, c.Derived)), Figure(c.Count, c.Derived), 20),
			pad(o, clip(or(c.Who, "—"), 28), clip(or(c.Who, "—"), 28), 28),
			pad(o, clip(src, 30), clip(src, 30), 30),
			o.faint(string(c.Scope)))
		fmt.Fprintf(w, "             %s\n", Excerpt(d.Text, c, o.Width-13, o.Color))
	}
	fmt.Fprintln(w)
}

// pad right-pads s (whose visible text is plain) to n runes.
func pad(o Options, s, plain string, n int) string {
	if k := utf8.RuneCountInString(plain); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// Summary renders the figures of a document's main incident: "killed 21 · wounded 40".
func Summary(s tally.Summary) string {
	var parts []string
	for _, f := range []struct {
		name string
		fig  *tally.Figure
	}{{"killed", s.Killed}, {"wounded", s.Wounded}, {"captured", s.Captured}, {"missing", s.Missing}} {
		if f.fig != nil {
			parts = append(parts, f.name+" "+FigureRange(*f.fig))
		}
	}
	return strings.Join(parts, " · ")
}

// FigureRange renders a reconciled figure: "21", or "21 (13–21)" when the bounds differ.
func FigureRange(f tally.Figure) string {
	if f.Low == f.High {
		return Number(f.Best)
	}
	return fmt.Sprintf("%s (%s–%s)", Number(f.Best), Number(f.Low), Number(f.High))
}

// Figure renders a count with its qualifier: "at least 1,000", "70,000–80,000", "dozens (12+)".
func Figure(c tally.Count, d tally.Derivation) string {
	n := Number(c.Low)
	var s string
	switch c.Qualifier {
	case tally.AtLeast:
		s = "at least " + n
	case tally.MoreThan:
		s = "more than " + n
	case tally.About:
		s = "about " + n
		if c.High != nil && *c.High != c.Low {
			s = "about " + n + "–" + Number(*c.High)
		}
	case tally.UpTo:
		s = "up to " + n
	case tally.Range:
		s = n
		if c.High != nil {
			s += "–" + Number(*c.High)
		}
	case tally.Vague:
		s = c.Text + " (" + n + "+)"
	default:
		s = n
	}
	switch d {
	case tally.Implicit:
		s += " (implied)"
	case tally.Named:
		s += " (named)"
	case tally.Sum:
		s += " (sum)"
	}
	return s
}

// Number renders an integer with thousands separators.
func Number(v int64) string {
	s := strconv.FormatInt(v, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Excerpt shortens a claim's sentence to about width characters around its
// figure, marking the figure («21», or bold in colour).
func Excerpt(text string, c tally.Claim, width int, color bool) string {
	sent := c.Sentence
	start := strings.Index(text, sent)
	if start < 0 || c.Span[0] < start || c.Span[1] > start+len(sent) {
		return `"` + clip(sent, width) + `"`
	}
	a, b := c.Span[0]-start, c.Span[1]-start
	open, closing := "«", "»"
	if color {
		open, closing = bold, reset
	}
	// Window around the figure, on rune boundaries.
	left, right := sent[:a], sent[b:]
	room := max(width-utf8.RuneCountInString(sent[a:b])-2, 20)
	lr, rr := []rune(left), []rune(right)
	keepL := min(len(lr), room/2)
	keepR := min(len(rr), room-keepL)
	if keepR < room-keepL {
		keepL = min(len(lr), room-keepR)
	}
	l := string(lr[len(lr)-keepL:])
	r := string(rr[:keepR])
	if keepL < len(lr) {
		l = "…" + l
	}
	if keepR < len(rr) {
		r += "…"
	}
	return `"` + l + open + sent[a:b] + closing + r + `"`
}
