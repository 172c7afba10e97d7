package source

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInput follows CONTRACT.md: bad input becomes a one-line *tally.Error
// (code EINVALID) naming the file, and line for JSON Lines, and the rest of
// the batch is still read. collect checks the code, the single line and the
// "where: " prefix of every error.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	zipped := gz(t, []byte("Flood kills 7\n\nSeven people died when the river burst its banks on Saturday night."))
	tooBig := gz(t, bytes.Repeat([]byte("a"), MaxArticle+1))
	longLine := `{"id": "l2", "text": "` + strings.Repeat("a", MaxArticle) + `"}`
	put(t, dir, map[string][]byte{
		"01-good.txt":          []byte("Flood kills 7"),
		"02-binary.txt":        []byte("Flood kills 7\x00\x00\x00\x01\x02"),
		"03-latin1.txt":        []byte("Caf\xe9 attack leaves 3 dead"),
		"04-empty.txt":         nil,
		"05-blank.md":          []byte(" \n\n\t \r\n"),
		"06-empty.html":        nil,
		"07-truncated.txt.gz":  zipped[:len(zipped)/2],
		"08-header.html.gz":    zipped[:5],
		"09-notgzip.txt.gz":    []byte("Flood kills 7"),
		"10-bomb.txt.gz":       tooBig,
		"11-broken.jsonl":      []byte(`{"id": "b1", "text": "one"}` + "\n" + `{"id": "b2", "text": "unterminated` + "\n" + `{"id": "b3", "text": "three"}` + "\n"),
		"12-nocontent.jsonl":   []byte(`{"id": "n1", "url": "https://example.org/n1", "published": "2025-01-13"}` + "\n"),
		"13-headline.jsonl":    []byte(`{"id": "h1", "title": "Three hurt in crash"}` + "\n"),
		"14-badutf8.jsonl":     []byte(`{"id": "u1", "text": "one"}` + "\n" + "{\"id\": \"u2\", \"text\": \"caf\xe9\"}\n" + `{"id": "u3", "text": "three"}`),
		"15-long.jsonl":        []byte(`{"id": "l1", "text": "one"}` + "\n" + longLine + "\n" + `{"id": "l3", "text": "three"}` + "\n"),
		"16-header.jsonl.gz":   zipped[:5],
		"17-nul.jsonl":         []byte("{\"id\": \"z1\", \"text\": \"a\x00b\"}\n"),
		"18-notobject.ndjson":  []byte("[1, 2, 3]\n\"text\"\n"),
		"19-wrongtype.jsonl":   []byte(`{"id": "w1", "text": ["a", "b"]}`),
		"20-good.html":         []byte("<p>Seven died.</p>"),
		"21-huge.txt":          nil, // made sparse below
		"22-last-good.jsonl":   []byte(`{"id": "g1", "text": "still read"}`),
		"sub/23-deep-empty.md": nil,
	})
	if err := os.Truncate(filepath.Join(dir, "21-huge.txt"), 50<<20); err != nil {
		t.Fatal(err)
	}
	got := collect(t, dir, []string{dir, filepath.Join(dir, "missing.txt")})
	want := []loaded{
		{"01-good.txt", "01-good", "text", "Flood kills 7"},
		{"02-binary.txt", "", "error", "02-binary.txt: binary file (NUL bytes), not text"},
		{"03-latin1.txt", "", "error", "03-latin1.txt: not valid UTF-8 (first bad byte at offset 3)"},
		{"04-empty.txt", "", "error", "04-empty.txt: empty: no text"},
		{"05-blank.md", "", "error", "05-blank.md: empty: no text"},
		{"06-empty.html", "", "error", "06-empty.html: empty: no text"},
		{"07-truncated.txt.gz", "", "error", "07-truncated.txt.gz: cannot read: unexpected EOF"},
		{"08-header.html.gz", "", "error", "08-header.html.gz: not a gzip file: unexpected EOF"},
		{"09-notgzip.txt.gz", "", "error", "09-notgzip.txt.gz: not a gzip file: gzip: invalid header"},
		{"10-bomb.txt.gz", "", "error", "10-bomb.txt.gz: too large: more than 10 MB"},
		{"11-broken.jsonl:1", "b1", "text", "one"},
		{"11-broken.jsonl:2", "", "error", "11-broken.jsonl:2: malformed JSON: "},
		{"11-broken.jsonl:3", "b3", "text", "three"},
		{"12-nocontent.jsonl:1", "", "error", `12-nocontent.jsonl:1: no "text", "html" or "title" with content`},
		{"13-headline.jsonl:1", "h1", "title", "Three hurt in crash"},
		{"14-badutf8.jsonl:1", "u1", "text", "one"},
		{"14-badutf8.jsonl:2", "", "error", "14-badutf8.jsonl:2: not valid UTF-8 (first bad byte at offset 25)"},
		{"14-badutf8.jsonl:3", "u3", "text", "three"},
		{"15-long.jsonl:1", "l1", "text", "one"},
		{"15-long.jsonl:2", "", "error", "15-long.jsonl:2: line too long: more than 10 MB"},
		{"15-long.jsonl:3", "l3", "text", "three"},
		{"16-header.jsonl.gz", "", "error", "16-header.jsonl.gz: not a gzip file: unexpected EOF"},
		{"17-nul.jsonl:1", "", "error", "17-nul.jsonl:1: binary file (NUL bytes), not text"},
		{"18-notobject.ndjson:1", "", "error", "18-notobject.ndjson:1: malformed JSON: "},
		{"18-notobject.ndjson:2", "", "error", "18-notobject.ndjson:2: malformed JSON: "},
		{"19-wrongtype.jsonl:1", "", "error", "19-wrongtype.jsonl:1: malformed JSON: "},
		{"20-good.html", "20-good", "html", "<p>Seven died.</p>"},
		{"21-huge.txt", "", "error", "21-huge.txt: too large: 50.0 MB, the limit is 10 MB"},
		{"22-last-good.jsonl:1", "g1", "text", "still read"},
		{"sub/23-deep-empty.md", "", "error", "sub/23-deep-empty.md: empty: no text"},
		{"missing.txt", "", "error", "missing.txt: cannot read: no such file or directory"},
	}
	if !same(got, want) {
		for i := 0; i < max(len(got), len(want)); i++ {
			var g, w loaded
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if !same([]loaded{g}, []loaded{w}) {
				t.Errorf("item %d:\n got %+v\nwant %+v", i, g, w)
			}
		}
	}
}

// TestSizeLimit checks MaxArticle at its edge, for files and JSON lines.
func TestSizeLimit(t *testing.T) {
	dir := t.TempDir()
	text := func(n int) []byte { return bytes.Repeat([]byte("a"), n) }
	line := func(n int) []byte { // a JSON line of n bytes
		const open, close = `{"text": "`, `"}`
		return []byte(open + strings.Repeat("a", n-len(open)-len(close)) + close)
	}
	tests := []struct {
		name string
		data []byte
		want string // error message after the file name, "" for loaded
	}{
		{"limit.txt", text(MaxArticle), ""},
		{"over.txt", text(MaxArticle + 1), "too large: 10.0 MB, the limit is 10 MB"},
		{"limit.txt.gz", gz(t, text(MaxArticle)), ""},
		{"over.txt.gz", gz(t, text(MaxArticle+1)), "too large: more than 10 MB"},
		{"limit.jsonl", append(line(MaxArticle), '\n'), ""},
		{"over.jsonl", append(line(MaxArticle+1), '\n'), "line too long: more than 10 MB"},
	}
	for _, tt := range tests {
		put(t, dir, map[string][]byte{tt.name: tt.data})
		var errs []string
		n := 0
		Walk([]string{filepath.Join(dir, tt.name)}, func(it Item) bool {
			n++
			if _, err := it.Load(); err != nil {
				errs = append(errs, strings.TrimPrefix(err.Error(), dir+string(filepath.Separator)))
			}
			return true
		})
		where := tt.name
		if strings.Contains(tt.name, ".jsonl") {
			where += ":1"
		}
		switch {
		case n != 1:
			t.Errorf("%s: %d items, want 1", tt.name, n)
		case tt.want == "" && len(errs) > 0:
			t.Errorf("%s: %v", tt.name, errs)
		case tt.want != "" && (len(errs) != 1 || errs[0] != where+": "+tt.want):
			t.Errorf("%s: errors %q, want %q", tt.name, errs, where+": "+tt.want)
		}
		os.Remove(filepath.Join(dir, tt.name))
	}
}

// TestStdinTooLarge: standard input is limited like a file.
func TestStdinTooLarge(t *testing.T) {
	var got []loaded
	walkStdin(bytes.NewReader(bytes.Repeat([]byte("a"), MaxArticle+1)), func(it Item) bool {
		got = append(got, load(t, "", it))
		return true
	})
	want := []loaded{{"-", "", "error", "-: too large: more than 10 MB"}}
	if !same(got, want) {
		t.Errorf("walkStdin(10 MB + 1) = %+v, want %+v", got, want)
	}
}

// TestTruncatedJSONLinesGz: the lines before the cut still load; the cut is an
// error naming file and line, and reading stops there.
func TestTruncatedJSONLinesGz(t *testing.T) {
	var src strings.Builder
	for i := 1; i <= 200; i++ {
		fmt.Fprintf(&src, `{"id": "t%d", "text": "report %d, %d people hurt"}`+"\n", i, i, i*7919%1000)
	}
	data := gz(t, []byte(src.String()))
	dir := t.TempDir()
	put(t, dir, map[string][]byte{"t.jsonl.gz": data[:len(data)/2]})
	got := collect(t, dir, []string{dir})
	if len(got) < 10 || len(got) > 200 {
		t.Fatalf("%d items from half a gzip of 200 lines", len(got))
	}
	good := 0
	for good < len(got) && got[good].Kind == "text" {
		if want := fmt.Sprintf("t.jsonl.gz:%d", good+1); got[good].Where != want || got[good].ID != fmt.Sprintf("t%d", good+1) {
			t.Errorf("item %d = %+v, want %s", good, got[good], want)
		}
		good++
	}
	last := got[len(got)-1]
	if good < 10 || last.Kind != "error" || !strings.HasSuffix(last.Value, ": cannot read: unexpected EOF") ||
		!strings.HasPrefix(last.Value, fmt.Sprintf("t.jsonl.gz:%d: ", good+1)) {
		t.Errorf("%d good lines, then %+v", good, got[good:])
	}
}
