package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tally"
)

// put writes files under dir: name → content.
func put(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// loaded is what one item gives, with paths made relative to the test folder.
type loaded struct {
	Where string
	ID    string
	Kind  string // "text", "html", "title" or "error"
	Value string // the text, page, title or error message
}

func collect(t *testing.T, dir string, paths []string) []loaded {
	t.Helper()
	var out []loaded
	Walk(paths, func(it Item) bool {
		out = append(out, load(t, dir, it))
		return true
	})
	return out
}

func load(t *testing.T, dir string, it Item) loaded {
	t.Helper()
	rel := func(s string) string {
		if dir == "" {
			return s
		}
		return strings.ReplaceAll(s, dir+string(filepath.Separator), "")
	}
	a, err := it.Load()
	l := loaded{Where: filepath.ToSlash(rel(it.Where()))}
	switch {
	case err != nil:
		var e *tally.Error
		if !errors.As(err, &e) || e.Code != tally.EINVALID {
			t.Errorf("%s: error %v is not a *tally.Error with code %s", it.Where(), err, tally.EINVALID)
		}
		msg := err.Error()
		if strings.ContainsAny(msg, "\r\n") {
			t.Errorf("%s: error is not one line: %q", it.Where(), msg)
		}
		if !strings.HasPrefix(msg, it.Where()+": ") {
			t.Errorf("error %q does not start with %q", msg, it.Where()+": ")
		}
		l.Kind, l.Value = "error", filepath.ToSlash(rel(msg))
	case a.Text != "":
		l.Kind, l.Value = "text", a.Text
	case a.HTML != "":
		l.Kind, l.Value = "html", a.HTML
	default:
		l.Kind, l.Value = "title", a.Title
	}
	if err == nil {
		l.ID = a.ID
		if a.Origin != it.Origin || a.Line != it.Line {
			t.Errorf("%s: article origin %s:%d", it.Where(), a.Origin, a.Line)
		}
	}
	return l
}

// same compares loaded items; an error message in want need only be a prefix of
// the one got, the words a JSON decoder adds being its own.
func same(got, want []loaded) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		g, w := got[i], want[i]
		if w.Kind == "error" && strings.HasPrefix(g.Value, w.Value) {
			g.Value = w.Value
		}
		if g != w {
			return false
		}
	}
	return true
}

func TestWalkFolder(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, map[string][]byte{
		"a.txt":               []byte("Flood kills 7\n\nSeven died."),
		"B.txt":               []byte("Upper case sorts first."),
		"b.md":                []byte("# Markdown report"),
		"c.html":              []byte("<p>Seven died.</p>"),
		"d.html.gz":           gz(t, []byte("<p>Zipped page.</p>")),
		"e.jsonl":             []byte(`{"id": "e1", "text": "First."}` + "\n\n  \n" + `{"title": "Headline only"}` + "\n"),
		"f.jsonl.gz":          gz(t, []byte(`{"id": "f1", "html": "<p>Zipped line.</p>"}`)),
		"g.ndjson":            []byte(`{"text": "No newline at the end."}`),
		"h.htm":               []byte("<p>Old extension.</p>"),
		"i.TXT":               []byte("Upper case extension."),
		"notes.csv":           []byte("a,b\n1,2\n"),
		"image.png":           []byte("\x89PNG\x00\x00"),
		"README":              []byte("no extension"),
		".hidden.txt":         []byte("hidden file"),
		".cache/x.txt":        []byte("in a hidden folder"),
		"sub/z.txt":           []byte("In a subfolder."),
		"sub/deeper/y.html":   []byte("<p>Deeper.</p>"),
		"sub/deeper/skip.bin": []byte("\x00\x01"),
	})
	got := collect(t, dir, []string{dir})
	want := []loaded{
		{"B.txt", "B", "text", "Upper case sorts first."},
		{"a.txt", "a", "text", "Flood kills 7\n\nSeven died."},
		{"b.md", "b", "text", "# Markdown report"},
		{"c.html", "c", "html", "<p>Seven died.</p>"},
		{"d.html.gz", "d", "html", "<p>Zipped page.</p>"},
		{"e.jsonl:1", "e1", "text", "First."},
		{"e.jsonl:4", "e-4", "title", "Headline only"},
		{"f.jsonl.gz:1", "f1", "html", "<p>Zipped line.</p>"},
		{"g.ndjson:1", "g-1", "text", "No newline at the end."},
		{"h.htm", "h", "html", "<p>Old extension.</p>"},
		{"i.TXT", "i", "text", "Upper case extension."},
		{"sub/deeper/y.html", "y", "html", "<p>Deeper.</p>"},
		{"sub/z.txt", "z", "text", "In a subfolder."},
	}
	if !same(got, want) {
		t.Errorf("Walk(folder) =\n%+v\nwant\n%+v", got, want)
	}
}

func TestWalkExplicit(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, map[string][]byte{
		"notes.csv":   []byte("Seven died, police said."),
		"README":      []byte("No extension."),
		".hidden.txt": []byte("Named, so read."),
		"z.txt":       []byte("Last by name, first by order."),
		"x.jsonl":     []byte(`{"id": "x1", "text": "one"}` + "\n" + `{"id": "x2", "text": "two"}`),
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name  string
		paths []string
		want  []loaded
	}{
		{"unknown extension read as text", []string{p("notes.csv")},
			[]loaded{{"notes.csv", "notes.csv", "text", "Seven died, police said."}}},
		{"no extension read as text", []string{p("README")},
			[]loaded{{"README", "README", "text", "No extension."}}},
		{"hidden file named", []string{p(".hidden.txt")},
			[]loaded{{".hidden.txt", ".hidden", "text", "Named, so read."}}},
		{"given order kept", []string{p("z.txt"), p("x.jsonl"), p("README")},
			[]loaded{
				{"z.txt", "z", "text", "Last by name, first by order."},
				{"x.jsonl:1", "x1", "text", "one"},
				{"x.jsonl:2", "x2", "text", "two"},
				{"README", "README", "text", "No extension."},
			}},
		{"missing path does not stop the rest", []string{p("z.txt"), p("nope.txt"), p("README")},
			[]loaded{
				{"z.txt", "z", "text", "Last by name, first by order."},
				{"nope.txt", "", "error", "nope.txt: cannot read: no such file or directory"},
				{"README", "README", "text", "No extension."},
			}},
		{"missing folder", []string{p("no/such/dir")},
			[]loaded{{"no/such/dir", "", "error", "no/such/dir: cannot read: no such file or directory"}}},
		{"nothing", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := collect(t, dir, tt.paths); !same(got, tt.want) {
				t.Errorf("Walk =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, map[string][]byte{
		"a.txt":   []byte("a"),
		"b.jsonl": []byte("{\"text\": \"1\"}\n{\"text\": \"2\"}\n{\"text\": \"3\"}\n"),
		"c.txt":   []byte("c"),
	})
	for limit := 1; limit <= 5; limit++ {
		n := 0
		Walk([]string{dir, filepath.Join(dir, "a.txt")}, func(Item) bool {
			n++
			return n < limit
		})
		if n != limit {
			t.Errorf("yield returning false after %d items: called %d times", limit, n)
		}
	}
}

func TestWalkStdin(t *testing.T) {
	tests := []struct {
		name, in string
		want     []loaded
	}{
		{"text", "Flood kills 7\n\nSeven died.",
			[]loaded{{"-", "stdin-" + Hash("Flood kills 7\n\nSeven died."), "text", "Flood kills 7\n\nSeven died."}}},
		{"page", "<html><body><p>Seven died.</p></body></html>",
			[]loaded{{"-", "stdin-" + Hash("<html><body><p>Seven died.</p></body></html>"), "html", "<html><body><p>Seven died.</p></body></html>"}}},
		{"page after spaces", "  \t<p>x</p>", []loaded{{"-", "stdin-" + Hash("<p>x</p>"), "html", "<p>x</p>"}}},
		{"JSON Lines", `{"id": "s1", "text": "one"}` + "\n" + `{"id": "s2", "title": "two"}` + "\n",
			[]loaded{{"-:1", "s1", "text", "one"}, {"-:2", "s2", "title", "two"}}},
		{"JSON Lines with a bad line", `{"id": "s1", "text": "one"}` + "\n{oops\n" + `{"id": "s3", "text": "three"}`,
			[]loaded{
				{"-:1", "s1", "text", "one"},
				{"-:2", "", "error", "-:2: malformed JSON: "},
				{"-:3", "s3", "text", "three"},
			}},
		{"empty", "", []loaded{{"-", "", "error", "-: empty: no text"}}},
		{"whitespace", " \n\t\r\n ", []loaded{{"-", "", "error", "-: empty: no text"}}},
		{"binary", "PK\x03\x04\x00\x00", []loaded{{"-", "", "error", "-: binary file (NUL bytes), not text"}}},
		{"not UTF-8", "caf\xe9", []loaded{{"-", "", "error", "-: not valid UTF-8 (first bad byte at offset 3)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []loaded
			walkStdin(strings.NewReader(tt.in), func(it Item) bool {
				got = append(got, load(t, "", it))
				return true
			})
			if !same(got, tt.want) {
				t.Errorf("walkStdin(%q) =\n%+v\nwant\n%+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		path string
		k    kind
		gz   bool
	}{
		{"a.txt", text, false},
		{"a.md", text, false},
		{"a.TXT.GZ", text, true},
		{"dir.d/a.html", page, false},
		{"a.htm.gz", page, true},
		{"a.jsonl", lines, false},
		{"a.ndjson.gz", lines, true},
		{"a.json", unknown, false},
		{"a.csv", unknown, false},
		{"a.tar.gz", unknown, true},
		{"README", unknown, false},
	}
	for _, tt := range tests {
		if k, gz := kindOf(tt.path); k != tt.k || gz != tt.gz {
			t.Errorf("kindOf(%q) = %v, %v; want %v, %v", tt.path, k, gz, tt.k, tt.gz)
		}
	}
}

// TestStdinLineNumbers: blank lines before the first JSON line still count.
func TestStdinLineNumbers(t *testing.T) {
	var got []Item
	walkStdin(strings.NewReader("\n\n{\"text\":\"a\"}\n{bad\n"), func(it Item) bool { got = append(got, it); return true })
	if len(got) != 2 || got[0].Line != 3 || got[1].Line != 4 {
		t.Fatalf("items %+v, want lines 3 and 4", got)
	}
	if _, err := got[1].Load(); err == nil || !strings.HasPrefix(err.Error(), "-:4: ") {
		t.Errorf("error %v, want it on line 4", err)
	}
}

// TestEmptyJSONLines: a JSON Lines file without a single article is an error, like an empty text file.
func TestEmptyJSONLines(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "empty.jsonl")
	os.WriteFile(p, []byte("\n  \n"), 0o644)
	var errs []string
	Walk([]string{p}, func(it Item) bool {
		if _, err := it.Load(); err != nil {
			errs = append(errs, err.Error())
		}
		return true
	})
	if len(errs) != 1 || !strings.Contains(errs[0], "empty.jsonl: empty") {
		t.Errorf("errors %q, want one naming the empty file", errs)
	}
}

// TestLineLimitEdge: a line of exactly MaxArticle bytes loads, with or without its newline; one byte more does not.
func TestLineLimitEdge(t *testing.T) {
	for _, tc := range []struct {
		size    int
		newline bool
		long    bool
	}{{MaxArticle, true, false}, {MaxArticle, false, false}, {MaxArticle + 1, true, true}, {MaxArticle + 1, false, true}} {
		line := strings.Repeat("x", tc.size)
		if tc.newline {
			line += "\n"
		}
		_, long, _ := readLine(bufio.NewReader(strings.NewReader(line)))
		if long != tc.long {
			t.Errorf("size %d newline %v: long = %v, want %v", tc.size, tc.newline, long, tc.long)
		}
	}
}
