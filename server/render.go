package server

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"sync"
	"time"

	"tally"
	"tally/ledger"
)

//go:embed templates/*.html
var templateFS embed.FS

// pages holds every page template, each parsed once with the layout.
type pages struct {
	byName map[string]*template.Template
}

// pageNames are the templates in templates/ that render a whole page.
var pageNames = []string{"incidents", "incident", "document", "map", "error"}

// funcs are the helpers the templates call. None returns template.HTML:
// everything a template prints is escaped by html/template.
var funcs = template.FuncMap{
	"number":      ledger.Number,
	"figure":      sourceFigure,
	"claimFigure": func(c tally.Claim) string { return ledger.Figure(c.Count, c.Derived) },
	"place":       ledger.Place,
	"dates":       ledger.Dates,
	"date": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.UTC().Format(time.DateOnly)
	},
	"datetime":   datetimeOrDash,
	"or":         or,
	"filterData": filterData,
	"pct":        func(p float64) string { return itoa(int(p*100+0.5)) + "%" },
}

// datetimeOrDash renders a report time: its date, with the time of day when
// not midnight, or "—" when unknown.
func datetimeOrDash(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return datetimeLabel(t)
}

// sourceFigure renders a source's count with its qualifier: "at least 13".
func sourceFigure(c tally.CountJSON, derived string) string {
	return ledger.Figure(tally.Count{Low: c.Low, High: c.High, Qualifier: c.Qualifier, Text: c.Text}, tally.Derivation(derived))
}

func mustParsePages() *pages {
	p := &pages{byName: map[string]*template.Template{}}
	for _, name := range pageNames {
		t := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html", "templates/"+name+".html"))
		p.byName[name] = t
	}
	return p
}

// layout is what every page passes to the layout template.
type layout struct {
	Title string
	Nav   string // which navigation entry is current
	Page  any    // the page's own data
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render executes a page into a buffer first, so that a template error is a
// clean 500 rather than half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, name string, data layout) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := s.pages.byName[name].Execute(buf, data); err != nil {
		s.log.Error("render", "page", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// errorPage is the data of the error page.
type errorPage struct {
	Status  int
	Code    string
	Message string
}

// pageError answers a page request with an HTML error page of the status err maps to.
func (s *server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status, code, msg := classify(err)
	if status >= 500 {
		s.log.Error("page", "path", r.URL.Path, "err", err)
	}
	s.render(w, r, status, "error", layout{Title: http.StatusText(status), Page: errorPage{status, code, msg}})
}

// pageNotFound is the catch-all: 404 for GET and HEAD, 405 otherwise.
func (s *server) pageNotFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.render(w, r, http.StatusMethodNotAllowed, "error", layout{Title: "Method not allowed",
			Page: errorPage{http.StatusMethodNotAllowed, "method", r.Method + " is not allowed here"}})
		return
	}
	s.pageError(w, r, tally.Errorf(tally.ENOTFOUND, "no page %s", r.URL.Path))
}
