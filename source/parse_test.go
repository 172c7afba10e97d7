package source

import (
	"strings"
	"testing"
	"time"

	"tally"
)

func TestParseTime(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2025-01-13T12:19:00Z", utc(2025, 1, 13, 12, 19, 0), true},
		{"2025-01-13T12:19:00+02:00", utc(2025, 1, 13, 10, 19, 0), true},
		{"2025-01-13T12:19:00.123-05:00", time.Date(2025, 1, 13, 17, 19, 0, 123e6, time.UTC), true},
		{"2022-08-08T21:30Z", utc(2022, 8, 8, 21, 30, 0), true},
		{"2022-08-08T21:30+01:00", utc(2022, 8, 8, 20, 30, 0), true},
		{"2022-08-08T21:30:15", utc(2022, 8, 8, 21, 30, 15), true},
		{"2022-08-08T21:30", utc(2022, 8, 8, 21, 30, 0), true},
		{"2022-08-08 21:30:15", utc(2022, 8, 8, 21, 30, 15), true},
		{"2022-08-08 21:30:15Z", utc(2022, 8, 8, 21, 30, 15), true},
		{"2021-08-27", utc(2021, 8, 27, 0, 0, 0), true},
		{"  2021-08-27\n", utc(2021, 8, 27, 0, 0, 0), true},
		{"", time.Time{}, false},
		{"   ", time.Time{}, false},
		{"yesterday", time.Time{}, false},
		{"27/08/2021", time.Time{}, false},
		{"August 27, 2021", time.Time{}, false},
		{"2021-13-45", time.Time{}, false},
		{"2021-08-27T25:00:00Z", time.Time{}, false},
		{"1629936000", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseTime(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseLine(t *testing.T) {
	tests := []struct {
		name, line string
		want       tally.Article
	}{
		{"full record",
			`{"id": "004_c15c982e96501e37", "url": " https://example.org/a ", "title": " Flood kills 7 ", "outlet": "Valley Courier", "published": "2025-01-13T12:19:00Z", "text": "Seven died."}`,
			tally.Article{ID: "004_c15c982e96501e37", URL: "https://example.org/a", Title: "Flood kills 7", Outlet: "Valley Courier",
				Published: time.Date(2025, 1, 13, 12, 19, 0, 0, time.UTC), Text: "Seven died."}},
		{"numeric id", `{"id": 42, "text": "Seven died."}`, tally.Article{ID: "42", Text: "Seven died."}},
		{"no id: file and line", `{"text": "Seven died."}`, tally.Article{ID: "batch-3", Text: "Seven died."}},
		{"null id", `{"id": null, "text": "Seven died."}`, tally.Article{ID: "batch-3", Text: "Seven died."}},
		{"blank id", `{"id": "  ", "text": "Seven died."}`, tally.Article{ID: "batch-3", Text: "Seven died."}},
		{"html", `{"id": "p", "html": "<p>Seven died.</p>"}`, tally.Article{ID: "p", HTML: "<p>Seven died.</p>"}},
		{"text wins over html", `{"id": "p", "text": "Seven died.", "html": "<p>x</p>"}`, tally.Article{ID: "p", Text: "Seven died."}},
		{"headline only", `{"id": "h", "title": "Three hurt in crash"}`, tally.Article{ID: "h", Title: "Three hurt in crash"}},
		{"date only", `{"id": "d", "published": "2021-08-27", "text": "x"}`,
			tally.Article{ID: "d", Published: time.Date(2021, 8, 27, 0, 0, 0, 0, time.UTC), Text: "x"}},
		{"bad date ignored", `{"id": "d", "published": "last week", "text": "x"}`, tally.Article{ID: "d", Text: "x"}},
		{"unknown fields ignored", `{"id": "u", "text": "x", "lang": "en", "extra": {"a": [1, 2]}}`, tally.Article{ID: "u", Text: "x"}},
		{"escapes", `{"id": "e", "text": "\u201cSeven\u201d died.\nTwo hurt."}`, tally.Article{ID: "e", Text: "\u201cSeven\u201d died.\nTwo hurt."}},
	}
	for _, tt := range tests {
		got, err := parseLine("dir/batch.jsonl", 3, []byte(tt.line))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: parseLine =\n%+v\nwant\n%+v", tt.name, got, tt.want)
		}
	}
}

func TestParseLineErrors(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"broken JSON", `{"id": "a", "text": "unterminated`, "malformed JSON"},
		{"not an object", `["a", "b"]`, "malformed JSON"},
		{"wrong type", `{"text": 12}`, "malformed JSON"},
		{"no content", `{"id": "q", "url": "https://example.org/q"}`, `no "text", "html" or "title" with content`},
		{"blank content", `{"id": "q", "text": "  ", "html": "", "title": "\n"}`, `no "text", "html" or "title" with content`},
		{"empty object", `{}`, `no "text", "html" or "title" with content`},
		{"NUL byte", "{\"text\": \"a\x00b\"}", "binary file"},
		{"invalid UTF-8", "{\"text\": \"caf\xe9\"}", "not valid UTF-8 (first bad byte at offset 13)"},
	}
	for _, tt := range tests {
		_, err := parseLine("batch.jsonl", 2, []byte(tt.line))
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if tally.ErrorCode(err) != tally.EINVALID || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %q (code %s), want one line containing %q, code %s", tt.name, err, tally.ErrorCode(err), tt.want, tally.EINVALID)
		}
	}
}

func TestParseWhole(t *testing.T) {
	tests := []struct {
		name, path string
		k          kind
		in         string
		want       tally.Article
	}{
		{"text", "dir/026.txt", text, "Flood kills 7\n\nSeven died.", tally.Article{ID: "026", Text: "Flood kills 7\n\nSeven died."}},
		{"page", "dir/026.html.gz", page, "<p>Seven died.</p>", tally.Article{ID: "026", HTML: "<p>Seven died.</p>"}},
		{"stdin", "-", text, "Seven died.", tally.Article{ID: "stdin-" + Hash("Seven died."), Text: "Seven died."}},
	}
	for _, tt := range tests {
		got, err := parseWhole(tt.path, tt.k, []byte(tt.in))
		if err != nil || got != tt.want {
			t.Errorf("%s: parseWhole = %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
}
