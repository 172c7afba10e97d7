package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tally"
	"tally/store/sqlite"
)

// bin is the tally binary built once for these tests.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tally-cli")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "tally")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		panic("go build: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// tally runs the binary and returns stdout, stderr and the exit code.
func tally_(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBadInputBatch: bad inputs get one clear line each, naming file (and
// line); the good inputs of the same batch are stored; re-ingesting adds nothing.
func TestBadInputBatch(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	// Invented reports.
	write(t, filepath.Join(in, "a-good.txt"), []byte("Two hurt in warehouse shooting\n\nTwo workers were wounded in a shooting at a warehouse on Friday, police said.\n"))
	write(t, filepath.Join(in, "b-binary.txt"), []byte("GIF89a\x00\x01\x02\x00binary"))
	write(t, filepath.Join(in, "c-latin1.txt"), []byte("Caf\xe9 owner shot\n\nThe owner was shot.\n"))
	write(t, filepath.Join(in, "d-empty.txt"), []byte(" \n\n"))
	big := bytes.Repeat([]byte("Three people were killed. "), 50<<20/26+1)
	write(t, filepath.Join(in, "e-huge.txt"), big)
	write(t, filepath.Join(in, "f-lines.jsonl"), []byte(
		`{"id": "g1", "title": "Four killed in market blast", "text": "Four people were killed in a blast at the market, officials said."}`+"\n"+
			`{"id": "g2", "title": "broken", "text": "unterminated}`+"\n"+
			`{"id": "g3", "title": "Man shot dead", "text": "A man was shot and killed outside a bar on Sunday."}`+"\n"))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<html><head><title>Five wounded at rally</title></head><body><article><p>Five people were wounded when shots were fired at a rally on Saturday, the mayor said.</p><p>The wounded were taken to two hospitals.</p></article></body></html>"))
	zw.Close()
	write(t, filepath.Join(in, "h-page.html.gz"), gz.Bytes())
	db := filepath.Join(dir, "t.db")

	_, stderr, code := tally_(t, "", "ingest", "--db", db, in)
	if code != 1 {
		t.Errorf("exit code %d, want 1 (some inputs failed)", code)
	}
	for _, want := range []string{
		"b-binary.txt: binary file",
		"c-latin1.txt: not valid UTF-8",
		"d-empty.txt: empty",
		"e-huge.txt: too large",
		"f-lines.jsonl:2: malformed JSON",
		"4 new, 0 unchanged, 5 failed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(line, "tally: ") {
			t.Errorf("not a one-line tally message: %q", line)
		}
	}
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := st.Documents(t.Context(), tally.DocumentFilter{})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, x := range docs {
		ids = append(ids, x.Doc.ID)
	}
	if strings.Join(ids, ",") != "a-good,g1,g3,h-page" {
		t.Errorf("stored %v, want a-good, g1, g3, h-page", ids)
	}

	// Again: nothing new, nothing lost.
	_, stderr, _ = tally_(t, "", "ingest", "--db", db, in)
	if !strings.Contains(stderr, "0 new, 4 unchanged, 5 failed") {
		t.Errorf("second ingest: %s", stderr)
	}
}

// TestExtractContract: extract prints the CONTRACT.md shape, one line per document, in input order.
func TestExtractContract(t *testing.T) {
	stdin := `{"id": "x1", "title": "Rebels say 30 soldiers killed", "outlet": "Invented Herald", "published": "2025-03-02", "text": "Rebel commanders said they had killed 30 soldiers in the ambush, a claim the army denied."}` + "\n" +
		`{"id": "x2", "text": "No one was hurt when the tree fell."}` + "\n"
	out, stderr, code := tally_(t, stdin, "extract")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), out)
	}
	var x struct {
		Doc       string  `json:"doc"`
		Outlet    *string `json:"outlet"`
		Published *string `json:"published"`
		Summary   struct {
			Killed *struct{ Low, Best, High int64 } `json:"killed"`
		} `json:"summary"`
		Claims []struct {
			Category  string `json:"category"`
			ClaimedBy string `json:"claimed_by"`
			Count     struct {
				Low       int64  `json:"low"`
				High      *int64 `json:"high"`
				Qualifier string `json:"qualifier"`
			} `json:"count"`
			Span [2]int `json:"span"`
		} `json:"claims"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &x); err != nil {
		t.Fatal(err)
	}
	if x.Doc != "x1" || x.Outlet == nil || *x.Outlet != "Invented Herald" || x.Published == nil || *x.Published != "2025-03-02T00:00:00Z" {
		t.Errorf("document fields: %s", lines[0])
	}
	if len(x.Claims) != 2 {
		t.Fatalf("claims: %s", lines[0])
	}
	for i, src := range []string{"Rebels", "Rebel commanders"} {
		c := x.Claims[i]
		if c.Category != "killed" || c.Count.Low != 30 || c.Count.High == nil || *c.Count.High != 30 || c.Count.Qualifier != "exact" || c.ClaimedBy != src {
			t.Errorf("claim %d: %+v, want killed 30 exact by %q", i, c, src)
		}
	}
	if x.Summary.Killed == nil || x.Summary.Killed.Best != 30 {
		t.Errorf("summary: %s", lines[0])
	}
	if !strings.Contains(lines[1], `"doc":"x2"`) || !strings.Contains(lines[1], `"claims":[]`) {
		t.Errorf("second document: %s", lines[1])
	}
}

// TestReportExamples: the README's main command works on the invented examples.
func TestReportExamples(t *testing.T) {
	out, stderr, code := tally_(t, "", "report", "--db", filepath.Join(t.TempDir(), "r.db"), "../../examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Sheriff Maria Ortega", "St. David's Medical Center", "Death toll rises to 4", "cumulative", "4 documents"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if !strings.Contains(stderr, "4 new, 0 unchanged, 0 failed") {
		t.Errorf("stderr: %s", stderr)
	}
}

// TestIncidentsCommands: ingest groups the invented examples into incidents;
// incidents prints them in every format, show prints one, and re-ingesting
// changes nothing.
func TestIncidentsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "i.db")
	if _, stderr, code := tally_(t, "", "ingest", "--db", db, "../../examples"); code != 0 || !strings.Contains(stderr, "incidents") {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	out, stderr, code := tally_(t, "", "incidents", "--db", db, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("incidents: exit %d: %s", code, stderr)
	}
	type incident struct {
		ID     string   `json:"id"`
		Docs   []string `json:"docs"`
		Title  string   `json:"title"`
		Start  *string  `json:"start"`
		End    *string  `json:"end"`
		Killed *struct {
			Low, Best, High, Conservative int64
		} `json:"killed"`
		Disputed *bool `json:"disputed"`
		Sources  []struct {
			Doc, Outlet, Category, Sentence string
			ClaimedBy                       *string `json:"claimed_by"`
			Count                           struct{ Low int64 }
		} `json:"sources"`
	}
	var incs []incident
	docs := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var inc incident
		if err := json.Unmarshal([]byte(line), &inc); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if !strings.HasPrefix(inc.ID, "inc-") || len(inc.Docs) == 0 || inc.Disputed == nil || inc.Start == nil {
			t.Errorf("incident lacks contract fields: %s", line)
		}
		docs += len(inc.Docs)
		incs = append(incs, inc)
	}
	if docs != 4 {
		t.Errorf("%d documents in incidents, want each of the 4 once", docs)
	}
	var festival *incident
	for i := range incs {
		if len(incs[i].Docs) > 1 {
			festival = &incs[i]
		}
	}
	if festival == nil {
		t.Fatalf("no incident groups several reports: %s", out)
	}
	if len(festival.Docs) != 4 {
		t.Errorf("the festival incident holds %v, want all four reports", festival.Docs)
	}
	// The first wire report said 2, the sheriff 3, the hospital at least 4,
	// the last wire report 4: the toll rose; the lowest toll given is 2.
	if festival.Killed == nil || festival.Killed.Best != 4 || festival.Killed.Conservative != 2 || festival.Killed.Low != 2 {
		t.Errorf("festival killed = %+v, want low 2, best 4, conservative 2", festival.Killed)
	}
	if *festival.Disputed {
		t.Errorf("a toll that rose over the night was called a dispute")
	}
	outlets := map[string]bool{}
	for _, s := range festival.Sources {
		outlets[s.Outlet] = true
	}
	if !outlets["Valley News"] || !outlets["Example Wire Service (invented)"] {
		t.Errorf("sources do not show the outlets side by side: %v", outlets)
	}

	csvOut, _, code := tally_(t, "", "incidents", "--db", db, "--format", "csv")
	if code != 0 || !strings.HasPrefix(csvOut, "event_id,event_date,end_date,date_precision,event_type") || strings.Count(csvOut, "\n") != len(incs)+1 {
		t.Errorf("csv: exit %d:\n%s", code, csvOut)
	}
	geo, _, code := tally_(t, "", "incidents", "--db", db, "--format", "geojson")
	var fc struct {
		Type     string `json:"type"`
		Features []any  `json:"features"`
	}
	if code != 0 || json.Unmarshal([]byte(geo), &fc) != nil || fc.Type != "FeatureCollection" {
		t.Errorf("geojson: exit %d: %s", code, geo)
	}
	table, _, _ := tally_(t, "", "incidents", "--db", db)
	if !strings.Contains(table, festival.ID) || !strings.Contains(table, "incidents") {
		t.Errorf("table lacks %s:\n%s", festival.ID, table)
	}

	show, stderr, code := tally_(t, "", "show", "--db", db, festival.ID[:10])
	if code != 0 {
		t.Fatalf("show: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Sources", "Valley News", "Why these documents", "opened the incident", "CONSERVATIVE", "Grade:"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
	if _, stderr, code := tally_(t, "", "show", "--db", db, "inc-nosuch"); code == 0 || !strings.Contains(stderr, "no incident") {
		t.Errorf("show of a missing incident: exit %d: %s", code, stderr)
	}

	// Re-ingesting adds nothing and keeps every incident.
	if _, stderr, code := tally_(t, "", "ingest", "--db", db, "../../examples"); code != 0 || !strings.Contains(stderr, "0 new, 4 unchanged") {
		t.Fatalf("re-ingest: exit %d: %s", code, stderr)
	}
	again, _, _ := tally_(t, "", "incidents", "--db", db, "--format", "jsonl")
	if again != out {
		t.Errorf("re-ingesting changed the incidents:\n%s\nthen\n%s", out, again)
	}
}

// TestEvalCommand: tally eval prints the scorer's two lines.
func TestEvalCommand(t *testing.T) {
	seeds := filepath.Join("..", "..", "..", "shared", "data", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("shared data not found at %s", seeds)
	}
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	out, stderr, code := tally_(t, "", append([]string{"eval", "claims", "--gold", filepath.Join(seeds, "gold")}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var res struct {
		Docs int     `json:"docs"`
		F1   float64 `json:"f1"`
	}
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "claims: P=") || json.Unmarshal([]byte(lines[1]), &res) != nil || res.Docs != 3 {
		t.Errorf("eval claims printed:\n%s", out)
	}
	if _, stderr, code := tally_(t, "", "eval", "claims", files[0]); code == 0 || !strings.Contains(stderr, "gold") {
		t.Errorf("eval without --gold: exit %d: %s", code, stderr)
	}
}
