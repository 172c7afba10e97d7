package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"tally"
	"tally/ingest"
	"tally/server"
	"tally/store/sqlite"
)

// fixture is a real SQLite store in a temporary directory, filled by
// ingesting the invented reports of testdata/, and a server over it.
type fixture struct {
	t    *testing.T
	path string
	st   *sqlite.DB
	srv  *httptest.Server
}

// newFixture ingests testdata/articles.jsonl and testdata/xss.json and serves the store.
func newFixture(t *testing.T, opt server.Options) *fixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tally.db")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, f := range []string{"testdata/articles.jsonl", "testdata/xss.json"} {
		ingestFile(t, st, f)
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	srv := httptest.NewServer(server.New(st, opt))
	t.Cleanup(srv.Close)
	return &fixture{t: t, path: path, st: st, srv: srv}
}

func ingestFile(t *testing.T, st tally.Store, name string) {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	arts, err := ingest.DecodeJSON(f, name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Articles(context.Background(), st, arts); err != nil {
		t.Fatal(err)
	}
}

// get fetches a path and returns the status, headers and body.
func (f *fixture) get(path string) (int, http.Header, string) {
	f.t.Helper()
	return f.do(http.MethodGet, path, "", nil)
}

func (f *fixture) do(method, path, token string, body io.Reader) (int, http.Header, string) {
	f.t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, body)
	if err != nil {
		f.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := f.srv.Client().Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		f.t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

// getJSON fetches a path, checks the status and decodes the body into v.
func (f *fixture) getJSON(path string, want int, v any) {
	f.t.Helper()
	status, h, body := f.get(path)
	if status != want {
		f.t.Fatalf("GET %s: status %d, want %d: %s", path, status, want, body)
	}
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		f.t.Fatalf("GET %s: Content-Type %q, want JSON", path, ct)
	}
	if v != nil {
		if err := json.Unmarshal([]byte(body), v); err != nil {
			f.t.Fatalf("GET %s: %v in %s", path, err, body)
		}
	}
}

// incidents returns every stored incident, newest first.
func (f *fixture) incidents() []tally.Incident {
	f.t.Helper()
	incs, err := f.st.Incidents(context.Background(), tally.IncidentFilter{})
	if err != nil {
		f.t.Fatal(err)
	}
	return incs
}

// incidentOf returns the incident that holds the document with input id doc.
func (f *fixture) incidentOf(doc string) tally.Incident {
	f.t.Helper()
	for _, inc := range f.incidents() {
		for _, d := range inc.Docs {
			if d == doc {
				return inc
			}
		}
	}
	f.t.Fatalf("no incident holds document %s", doc)
	return tally.Incident{}
}

func TestPages(t *testing.T) {
	f := newFixture(t, server.Options{})
	river := f.incidentOf("rivertown-courier")
	x, err := f.st.Document(context.Background(), "rivertown-herald")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"Bomb kills 12 at Rivertown central market", `href="/incidents/` + river.ID + `"`, "/export/incidents.csv"}},
		{"/?q=Saltmere", 200, []string{"Two killed in shooting at Saltmere harbor"}},
		{"/?from=2030-03-01&to=2030-03-05", 200, []string{"Rivertown"}},
		{"/incidents/" + river.ID, 200, []string{"Northern Courier", "Valley Herald", "<mark>12</mark>", "<mark>19</mark>",
			"Outlets side by side", `class="timeline"`, "Why these documents"}},
		{"/incidents/" + river.ID[:8], 200, []string{"Valley Herald"}}, // a unique prefix
		{"/documents/" + x.Doc.Hash, 200, []string{`<mark id="claim-0"`, `href="#c-0"`, `id="c-0"`, "Valley Herald", "/incidents/" + river.ID}},
		{"/documents/rivertown-herald", 200, []string{"Rivertown market bomb toll rises to 19"}},
		{"/map", 200, []string{`viewBox="-180 -90 360 180"`, `class="land"`, "incidents placed"}},
		{"/assets/style.css", 200, []string{"--killed"}},
		{"/incidents/inc-nothing", 404, []string{"no incident"}},
		{"/documents/nothing-at-all", 404, []string{"404"}},
		{"/no/such/page", 404, []string{"no page"}},
		{"/?from=yesterday", 400, []string{"want a date"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, h, body := f.get(tt.path)
			if status != tt.status {
				t.Fatalf("status %d, want %d", status, tt.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if h.Get("Content-Security-Policy") == "" || h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
				t.Errorf("security headers missing: %v", h)
			}
			if strings.HasPrefix(h.Get("Content-Type"), "text/html") {
				if m := inlineCode.FindString(body); m != "" {
					t.Errorf("page has inline code or style %q, which the CSP forbids", m)
				}
			}
		})
	}
	if status, _, _ := f.do(http.MethodPost, "/incidents/"+river.ID, "", nil); status != http.StatusMethodNotAllowed {
		t.Errorf("POST to a page: status %d, want 405", status)
	}
}

// inlineCode finds what the CSP forbids in markup: script elements, event
// handler and style attributes.
var inlineCode = regexp.MustCompile(`(?i)<script|<[a-z][^>]*\s(on[a-z]+|style)\s*=`)

// TestSideBySide checks the two outlets' disagreeing tolls and the
// reconciled range of the invented Rivertown bombing.
func TestSideBySide(t *testing.T) {
	f := newFixture(t, server.Options{})
	river := f.incidentOf("rivertown-courier")
	if river.Outlets != 2 || river.Killed == nil || river.Killed.Low != 12 || river.Killed.High != 19 {
		t.Fatalf("Rivertown: %d outlets, killed %+v; want 2 outlets, 12–19", river.Outlets, river.Killed)
	}
	_, _, body := f.get("/incidents/" + river.ID)
	i := strings.Index(body, "Outlets side by side")
	j := strings.Index(body[i:], "</table>")
	compare := body[i : i+j]
	for _, w := range []string{"Northern Courier", "Valley Herald", ">12<", ">19<", ">30<", "about 45"} {
		if !strings.Contains(compare, w) {
			t.Errorf("comparison lacks %q:\n%s", w, compare)
		}
	}
}

// TestXSS: markup in an article's title, outlet, address and text is shown
// as text on every page, and the API escapes it in JSON.
func TestXSS(t *testing.T) {
	f := newFixture(t, server.Options{})
	inc := f.incidentOf("xss-lakeview")
	x, err := f.st.Document(context.Background(), "xss-lakeview")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(x.Doc.Text, "<script>alert(1)</script>") || !strings.Contains(x.Doc.Title, "<img src=x onerror=alert(1)>") {
		t.Fatalf("the stored document lost the markup the test needs: %q / %q", x.Doc.Title, x.Doc.Text)
	}
	raw := []string{"<script>", "</script>", "<img", "<b>Gazette"}
	pages := []string{"/", "/?q=Lakeview", "/incidents/" + inc.ID, "/documents/" + x.Doc.Hash, "/map",
		"/incidents/%3Cscript%3E", "/documents/%3Cimg%20src=x%20onerror=alert(1)%3E", "/?q=%3Cscript%3E", "/?type=%3Cscript%3E"}
	for _, p := range pages {
		status, h, body := f.get(p)
		if h.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: no Content-Security-Policy", p)
		}
		for _, r := range raw {
			if strings.Contains(body, r) {
				t.Errorf("%s (status %d): raw %q in the page", p, status, r)
			}
		}
		if m := inlineCode.FindString(body); m != "" {
			t.Errorf("%s: inline code %q", p, m)
		}
	}
	_, _, doc := f.get("/documents/" + x.Doc.Hash)
	for _, w := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"} {
		if !strings.Contains(doc, w) {
			t.Errorf("document page does not show %q as text", w)
		}
	}
	apis := []string{"/api/incidents", "/api/incidents/" + inc.ID, "/api/documents/" + x.Doc.Hash,
		"/api/claims?incident=" + inc.ID, "/api/search?q=Lakeview", "/api/incidents/%3Cscript%3E"}
	for _, p := range apis {
		_, h, body := f.get(p)
		if !strings.HasPrefix(h.Get("Content-Type"), "application/json") || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v", p, h)
		}
		for _, r := range raw {
			if strings.Contains(body, r) {
				t.Errorf("%s: raw %q in the JSON (want \\u003c escapes)", p, r)
			}
		}
	}
	_, _, body := f.get("/api/documents/" + x.Doc.Hash)
	if !strings.Contains(body, `\u003cscript\u003ealert(1)\u003c/script\u003e`) {
		t.Errorf("API does not carry the text JSON-escaped")
	}
}

func TestAPIPagination(t *testing.T) {
	f := newFixture(t, server.Options{})
	want := f.incidents()
	if len(want) < 6 {
		t.Fatalf("only %d incidents in the fixture", len(want))
	}
	for _, limit := range []int{1, 2, 3, 500} {
		var got []string
		path := "/api/incidents?limit=" + itoa(limit)
		for pages := 0; path != ""; pages++ {
			if pages > len(want)+1 {
				t.Fatalf("limit %d: pagination does not end", limit)
			}
			var page struct {
				Incidents []tally.Incident `json:"incidents"`
				Next      *string          `json:"next"`
			}
			f.getJSON(path, 200, &page)
			if len(page.Incidents) > limit {
				t.Fatalf("limit %d: page of %d", limit, len(page.Incidents))
			}
			for _, inc := range page.Incidents {
				got = append(got, inc.ID)
			}
			path = ""
			if page.Next != nil {
				path = "/api/incidents?limit=" + itoa(limit) + "&after=" + url.QueryEscape(*page.Next)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("limit %d: %d incidents over the pages, want %d", limit, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i].ID {
				t.Errorf("limit %d: incident %d is %s, want %s", limit, i, got[i], want[i].ID)
			}
		}
	}
	// The HTML list pages the same way, by the same cursor.
	_, _, body := f.get("/")
	if strings.Contains(body, "Older »") {
		t.Error("a first page of all the incidents links to an older page")
	}
	small := httptest.NewServer(server.New(f.st, server.Options{PageSize: 3, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	defer small.Close()
	seen := 0
	next := small.URL + "/"
	for pages := 0; next != ""; pages++ {
		if pages > len(want) {
			t.Fatal("HTML pagination does not end")
		}
		resp, err := http.Get(next)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		seen += strings.Count(string(b), `<a href="/incidents/`)
		next = ""
		if m := nextLink.FindStringSubmatch(string(b)); m != nil {
			next = small.URL + html.UnescapeString(m[1])
		}
	}
	if seen != len(want) {
		t.Errorf("HTML pages list %d incidents, want %d", seen, len(want))
	}
}

var nextLink = regexp.MustCompile(`<a rel="next" href="([^"]+)"`)

func TestAPIFilters(t *testing.T) {
	f := newFixture(t, server.Options{})
	from, to := time.Date(2030, 1, 10, 0, 0, 0, 0, time.UTC), time.Date(2030, 2, 28, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		query string
		check func(tally.Incident) bool
		min   int // at least this many match
		max   int // at most (-1: no bound)
	}{
		{"from=2030-01-10&to=2030-02-28", func(i tally.Incident) bool { return !i.Start.Before(from) && !i.Start.After(to) }, 3, -1},
		{"from=2030-03-01", func(i tally.Incident) bool { return !i.Start.Before(time.Date(2030, 3, 1, 0, 0, 0, 0, time.UTC)) }, 2, -1},
		{"q=Rivertown", func(i tally.Incident) bool { return strings.Contains(i.Title, "Rivertown") }, 1, 1},
		{"q=%22Korva+ridge%22", func(i tally.Incident) bool { return strings.Contains(i.Title, "Korva") }, 1, 1},
		{"q=nosuchwordanywhere", nil, 0, 0},
		{"country=ZZ", nil, 0, 0},
		{"country=us", func(i tally.Incident) bool { return i.Where != nil && i.Where.Country == "US" }, 0, -1},
		{"type=No+such+type", nil, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var page struct{ Incidents []tally.Incident }
			f.getJSON("/api/incidents?"+tt.query, 200, &page)
			n := len(page.Incidents)
			if n < tt.min || (tt.max >= 0 && n > tt.max) {
				t.Fatalf("%d incidents, want %d..%d", n, tt.min, tt.max)
			}
			for _, inc := range page.Incidents {
				if tt.check != nil && !tt.check(inc) {
					t.Errorf("incident %s (%s, %v) does not match", inc.ID, inc.Title, inc.Start)
				}
			}
		})
	}
}

func TestAPIErrors(t *testing.T) {
	f := newFixture(t, server.Options{})
	tests := []struct {
		path   string
		status int
		code   string
	}{
		{"/api/incidents/inc-nothing", 404, tally.ENOTFOUND},
		{"/api/documents/nothing-at-all", 404, tally.ENOTFOUND},
		{"/api/nothing", 404, tally.ENOTFOUND},
		{"/api/incidents?from=13/01/2030", 400, tally.EINVALID},
		{"/api/incidents?from=2030-03-01&to=2030-01-01", 400, tally.EINVALID},
		{"/api/incidents?limit=0", 400, tally.EINVALID},
		{"/api/incidents?limit=many", 400, tally.EINVALID},
		{"/api/incidents?after=inc-nothing", 400, tally.EINVALID},
		{"/api/incidents/inc-", 409, tally.ECONFLICT}, // a prefix of every incident
		{"/api/claims", 400, tally.EINVALID},
		{"/api/claims?incident=inc-nothing", 404, tally.ENOTFOUND},
		{"/api/claims?doc=rivertown-herald&category=maimed", 400, tally.EINVALID},
		{"/api/search", 400, tally.EINVALID},
		{"/api/search?q=x&limit=100000", 400, tally.EINVALID},
		{"/export/incidents.csv?from=never", 400, tally.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			var e struct {
				Error struct{ Code, Message string }
			}
			f.getJSON(tt.path, tt.status, &e)
			if e.Error.Code != tt.code || e.Error.Message == "" {
				t.Errorf("error %+v, want code %s and a message", e.Error, tt.code)
			}
		})
	}
}

func TestAPIDocumentsClaimsSearch(t *testing.T) {
	f := newFixture(t, server.Options{})
	river := f.incidentOf("rivertown-courier")

	var doc struct {
		Doc, Hash, Title, Text string
		Incident               *string
		Claims                 []tally.ClaimJSON
	}
	f.getJSON("/api/documents/rivertown-herald", 200, &doc)
	if doc.Incident == nil || *doc.Incident != river.ID || doc.Text == "" || len(doc.Claims) == 0 {
		t.Fatalf("document: %+v", doc)
	}
	for _, c := range doc.Claims {
		if got := doc.Text[c.Span[0]:c.Span[1]]; got == "" || !strings.Contains(c.Count.Text, got) {
			t.Errorf("span %v is %q, figure %q", c.Span, got, c.Count.Text)
		}
	}

	type claims struct {
		Claims []struct {
			Doc   string
			Index int
			tally.ClaimJSON
		}
	}
	tests := []struct {
		query    string
		docs     []string
		category tally.Category
		figures  []int64
	}{
		{"incident=" + river.ID, []string{"rivertown-courier", "rivertown-herald"}, "", []int64{12, 19}},
		{"incident=" + river.ID + "&category=killed", []string{"rivertown-courier", "rivertown-herald"}, tally.Killed, []int64{12, 19}},
		{"incident=" + river.ID + "&category=wounded", []string{"rivertown-courier", "rivertown-herald"}, tally.Wounded, []int64{30, 45}},
		{"doc=village-raid&category=captured", []string{"village-raid"}, tally.Captured, []int64{11}},
		{"incident=" + river.ID + "&category=missing", nil, tally.Missing, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got claims
			f.getJSON("/api/claims?"+tt.query, 200, &got)
			docs, figs := map[string]bool{}, map[int64]bool{}
			for _, c := range got.Claims {
				docs[c.Doc] = true
				figs[c.Count.Low] = true
				if tt.category != "" && c.Category != tt.category {
					t.Errorf("claim of category %s", c.Category)
				}
			}
			if len(docs) != len(tt.docs) {
				t.Errorf("claims from %v, want %v", docs, tt.docs)
			}
			for _, d := range tt.docs {
				if !docs[d] {
					t.Errorf("no claim from %s", d)
				}
			}
			for _, v := range tt.figures {
				if !figs[v] {
					t.Errorf("no claim of %d", v)
				}
			}
		})
	}

	var found struct {
		Documents []struct {
			Doc      string
			Incident *string
		}
	}
	f.getJSON("/api/search?q=Rivertown+market", 200, &found)
	if len(found.Documents) != 2 {
		t.Fatalf("search: %+v", found)
	}
	for _, d := range found.Documents {
		if !strings.HasPrefix(d.Doc, "rivertown-") || d.Incident == nil || *d.Incident != river.ID {
			t.Errorf("search hit %+v", d)
		}
	}
	f.getJSON("/api/search?q=nosuchwordanywhere", 200, &found)
	if len(found.Documents) != 0 {
		t.Errorf("search for nothing found %+v", found)
	}
}

func TestWrite(t *testing.T) {
	article := `{"id": "posted-1", "outlet": "Inland Bulletin", "published": "2030-04-01", "title": "Three killed in Pellham depot blast",
		"text": "Three workers were killed and eight were wounded in an explosion at the Pellham fuel depot on Monday, the fire service said."}`
	lines := `{"id": "posted-2", "outlet": "Inland Bulletin", "title": "Quarry attack in Dunmore kills six", "text": "Six guards were killed in an attack on the Dunmore quarry, officials said."}
{"id": "posted-3", "outlet": "Inland Bulletin", "title": "Two hurt in Dunmore", "text": "Two people were wounded by gunfire in Dunmore on Friday, police said."}`

	ro := newFixture(t, server.Options{})
	if status, _, body := ro.do(http.MethodPost, "/api/documents", "anything", strings.NewReader(article)); status != 403 || !strings.Contains(body, tally.EFORBID) {
		t.Errorf("read-only server: status %d %s, want 403", status, body)
	}

	const token = "s3cret-token"
	rw := newFixture(t, server.Options{WriteToken: token, MaxBody: 4 << 10})
	tests := []struct {
		name   string
		token  string
		body   string
		status int
		new    int
	}{
		{"no token", "", article, 403, 0},
		{"wrong token", "s3cret-tokem", article, 403, 0},
		{"longer token", token + "x", article, 403, 0},
		{"malformed", token, `{"id": "x", "text": `, 400, 0},
		{"no text", token, `{"id": "x", "outlet": "y"}`, 400, 0},
		{"empty", token, ``, 400, 0},
		{"too large", token, `{"id": "big", "text": "` + strings.Repeat("killed ", 1000) + `"}`, 413, 0},
		{"one article", token, article, 201, 1},
		{"the same again", token, article, 200, 0},
		{"JSON Lines", token, lines, 201, 2},
	}
	if _, _, body := rw.get("/"); strings.Contains(body, "Pellham") {
		t.Fatal("the list shows a report not yet posted")
	} // the list is now cached; a write must clear it
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, body := rw.do(http.MethodPost, "/api/documents", tt.token, strings.NewReader(tt.body))
			if status != tt.status {
				t.Fatalf("status %d, want %d: %s", status, tt.status, body)
			}
			if status >= 300 {
				var e struct{ Error struct{ Code string } }
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code == "" {
					t.Errorf("error is not JSON with a code: %s", body)
				}
				return
			}
			var res ingest.Result
			if err := json.Unmarshal([]byte(body), &res); err != nil {
				t.Fatal(err)
			}
			if res.New != tt.new {
				t.Errorf("%d new, want %d", res.New, tt.new)
			}
		})
	}
	if _, _, body := rw.get("/"); !strings.Contains(body, "Three killed in Pellham depot blast") {
		t.Error("the list does not show the posted report at once")
	}
	// What was posted is stored, grouped and shown.
	var doc struct{ Incident *string }
	rw.getJSON("/api/documents/posted-1", 200, &doc)
	if doc.Incident == nil {
		t.Fatal("posted document is in no incident")
	}
	if _, _, body := rw.get("/incidents/" + *doc.Incident); !strings.Contains(body, "Inland Bulletin") {
		t.Error("posted report not on its incident's page")
	}
	rw.getJSON("/api/documents/big", 404, nil)
}

// TestCache: a page is rendered once while the store stays the same; a
// write to the store, by this server or another process, shows at once.
func TestCache(t *testing.T) {
	f := newFixture(t, server.Options{CacheTTL: time.Hour})
	_, _, before := f.get("/api/incidents")
	_, _, again := f.get("/api/incidents")
	if again != before {
		t.Fatalf("two reads of an unchanged store differ")
	}
	v0, err := f.st.Version(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Another writer: the store is changed directly, not through this server.
	arts, err := ingest.DecodeJSON(strings.NewReader(`{"id": "later", "title": "Gunmen kill four in Orrin", "text": "Gunmen killed four people in Orrin on Sunday, police said."}`), "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Articles(context.Background(), f.st, arts); err != nil {
		t.Fatal(err)
	}
	if v1, _ := f.st.Version(context.Background()); v1 == v0 {
		t.Fatalf("the write left the store's version at %d", v0)
	}
	if _, _, body := f.get("/api/incidents"); !strings.Contains(body, "Orrin") {
		t.Error("a change to the store does not show: the cache answered with what was rendered before it")
	}
}

// TestExportMatchesCLI: /export/... and `tally export` write the same bytes.
func TestExportMatchesCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tally command")
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gobin); err != nil {
		t.Skipf("no go command at %s to build tally with", gobin)
	}
	f := newFixture(t, server.Options{})
	bin := filepath.Join(t.TempDir(), "tally")
	build := exec.Command(gobin, "build", "-o", bin, "tally/cmd/tally")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, tt := range []struct{ path, format string }{
		{"/export/incidents.csv", "csv"},
		{"/export/incidents.geojson", "geojson"},
		{"/export/claims.jsonl", "jsonl"},
	} {
		t.Run(tt.format, func(t *testing.T) {
			status, h, body := f.get(tt.path)
			if status != 200 || !strings.Contains(h.Get("Content-Disposition"), "attachment") {
				t.Fatalf("status %d, headers %v", status, h)
			}
			cmd := exec.Command(bin, "export", "--db", f.path, "--format", tt.format)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("tally export: %v\n%s", err, stderr.Bytes())
			}
			if len(out) < 100 {
				t.Fatalf("tally export wrote only %q", out)
			}
			if string(out) != body {
				t.Errorf("HTTP export (%d bytes) differs from tally export (%d bytes)", len(body), len(out))
			}
		})
	}
}

// TestServeShutdown: Serve stops cleanly when its context ends, letting an
// in-flight request finish.
func TestServeShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(200 * time.Millisecond)
		io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- server.Serve(ctx, ln, slow, slog.New(slog.NewTextHandler(io.Discard, nil))) }()
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	if err := <-errc; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if s := <-got; s != "done" {
		t.Errorf("in-flight request got %q", s)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
