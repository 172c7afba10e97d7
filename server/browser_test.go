package server_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"tally"
	"tally/ingest"
	"tally/ledger"
	"tally/pipeline"
	"tally/server"
	"tally/store/sqlite"
)

const chromium = "/usr/bin/chromium"

// TestBrowser drives Debian's chromium over the seeds and the war dev set:
// it opens the incident list, clicks into the Kabul airport bombing (three
// outlets), checks that the outlets and their figures stand side by side,
// opens the invented XSS report and the map, and saves a full-page
// screenshot of the incident (path logged; $TALLY_ARTIFACTS, else the
// temporary directory).
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("browser test needs %s (apt-get install chromium): %v", chromium, err)
	}
	shared := filepath.Join("..", "..", "shared", "data")
	seeds, war := filepath.Join(shared, "seeds"), filepath.Join(shared, "war", "articles.jsonl")
	for _, p := range []string{seeds, war} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("browser test needs the shared data (%s): %v", p, err)
		}
	}
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "tally.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ingestPaths(t, st, seeds, war)
	ingestFile(t, st, "testdata/xss.json")

	kabul := findIncident(t, st, "001", "002", "003")
	if kabul.Outlets != 3 {
		t.Fatalf("the Kabul airport incident has %d outlets, want 3", kabul.Outlets)
	}
	// What each outlet gives as the toll, as the page writes it.
	want := map[string][]string{}
	for _, s := range kabul.Sources {
		if s.Toll {
			fig := ledger.Figure(tally.Count{Low: s.Count.Low, High: s.Count.High, Qualifier: s.Count.Qualifier, Text: s.Count.Text}, tally.Derivation(s.Derived))
			want[s.Outlet] = append(want[s.Outlet], fig)
		}
	}
	if len(want) != 3 {
		t.Fatalf("toll figures from %d outlets, want 3: %v", len(want), want)
	}
	xss, err := st.Document(context.Background(), "xss-lakeview")
	if err != nil {
		t.Fatal(err)
	}

	srv := httptest.NewServer(server.New(st, server.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	defer srv.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // starts the browser, without a timeout
		t.Fatalf("start %s: %v", chromium, err)
	}

	// Any script error, console error (a CSP violation is one) or dialog
	// (alert(1)) fails the test.
	problems := make(chan string, 64)
	err = chromedp.Listen(ctx, func(ev any) {
		var p string
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			p = "exception: " + e.ExceptionDetails.Text
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				p = "console: " + e.Entry.Text
			}
		case *page.EventJavascriptDialogOpening:
			p = "dialog: " + e.Message
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
		if p != "" {
			select {
			case problems <- p:
			default:
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	tctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTime()

	link := chromedp.CSS(`a[href="/incidents/` + kabul.ID + `"]`)
	err = chromedp.Do(tctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`table.incidents`)),
		chromedp.Click(link, chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS(`table.sources`)),
	)
	if err != nil {
		t.Fatalf("browser: open the list, click into %s: %v", kabul.ID, err)
	}
	rows, err := chromedp.Run(tctx, chromedp.Evaluate[[][]string](
		`Array.from(document.querySelectorAll('table.sources tbody tr')).map(tr => Array.from(tr.cells).map(td => td.innerText.trim()))`))
	if err != nil {
		t.Fatal(err)
	}
	outlets, err := chromedp.Run(tctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll('table.compare thead th')).slice(1).map(th => th.innerText.trim())`))
	if err != nil {
		t.Fatal(err)
	}
	screenshot, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if len(outlets) != 3 {
		t.Errorf("the comparison has %d outlet columns, want 3: %q", len(outlets), outlets)
	}
	for outlet, figs := range want {
		for _, fig := range figs {
			found := false
			for _, r := range rows {
				// Columns: outlet, reported, claimant, category, figure, qualifier, evidence.
				if len(r) >= 5 && strings.HasPrefix(r[0], outlet) && strings.HasPrefix(r[4], fig) {
					found = true
				}
			}
			if !found {
				t.Errorf("sources table has no row of %s with %s: %q", outlet, fig, rows)
			}
		}
	}

	dir := os.Getenv("TALLY_ARTIFACTS")
	if dir == "" {
		dir = os.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "tally-ui.png")
	if err := os.WriteFile(shot, screenshot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of %s: %s", kabul.ID, shot)
	fmt.Fprintln(os.Stderr, "tally browser test: screenshot", shot)

	// The XSS report: its markup is text, nothing runs.
	err = chromedp.Do(tctx,
		chromedp.Navigate(srv.URL+"/documents/"+xss.Doc.Hash),
		chromedp.WaitVisible(chromedp.CSS(`article.text`)),
	)
	if err != nil {
		t.Fatalf("browser: open the XSS report: %v", err)
	}
	title, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS(`h1`)))
	if err != nil {
		t.Fatal(err)
	}
	elems, err := chromedp.Run(tctx, chromedp.Evaluate[[]int](`[document.querySelectorAll('script').length, document.querySelectorAll('main img').length]`))
	if err != nil {
		t.Fatal(err)
	}
	scripts, imgs := elems[0], elems[1]
	if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/map"), chromedp.WaitVisible(chromedp.CSS(`svg.world`))); err != nil {
		t.Fatalf("browser: open the map: %v", err)
	}
	counts, err := chromedp.Run(tctx, chromedp.Evaluate[[]int](`[document.querySelectorAll('svg.world path.land').length, document.querySelectorAll('svg.world circle').length]`))
	if err != nil {
		t.Fatal(err)
	}
	worldPaths, points := counts[0], counts[1]
	if !strings.Contains(title, "<script>alert(1)</script>") || !strings.Contains(title, "<img src=x onerror=alert(1)>") {
		t.Errorf("the XSS title is not shown as text: %q", title)
	}
	if scripts != 0 || imgs != 0 {
		t.Errorf("the XSS page has %d script and %d img elements, want none", scripts, imgs)
	}
	if worldPaths < 100 {
		t.Errorf("the map draws %d countries", worldPaths)
	}
	t.Logf("map: %d countries, %d incident points", worldPaths, points)
	for len(problems) > 0 {
		t.Errorf("browser reported %s", <-problems)
	}
}

// ingestPaths runs the pipeline over files and folders, as `tally ingest`
// does, stores the documents and groups them.
func ingestPaths(t *testing.T, st tally.Store, paths ...string) {
	t.Helper()
	var batch []tally.Extraction
	pipeline.Run(paths, pipeline.Options{}, func(r pipeline.Result) {
		if r.Err != nil {
			t.Errorf("ingest: %v", r.Err)
			return
		}
		batch = append(batch, r.X)
	})
	if _, err := st.Put(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Regroup(context.Background(), st, false); err != nil {
		t.Fatal(err)
	}
}

// findIncident returns the incident that holds all the documents.
func findIncident(t *testing.T, st tally.Store, docs ...string) tally.Incident {
	t.Helper()
	incs, err := st.Incidents(context.Background(), tally.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, inc := range incs {
		n := 0
		for _, d := range inc.Docs {
			for _, w := range docs {
				if d == w {
					n++
				}
			}
		}
		if n == len(docs) {
			return inc
		}
	}
	t.Fatalf("no incident holds documents %v", docs)
	return tally.Incident{}
}
