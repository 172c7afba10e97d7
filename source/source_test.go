package source

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"tally"
)

func TestDocID(t *testing.T) {
	tests := []struct{ path, want string }{
		{"026.html.gz", "026"},
		{"000_f6e7982ef2d66dd5.txt", "000_f6e7982ef2d66dd5"},
		{"corpus/war/000_f6e7982ef2d66dd5.txt", "000_f6e7982ef2d66dd5"},
		{"story.md", "story"},
		{"page.htm", "page"},
		{"REPORT.HTML", "REPORT"},
		{"batch.jsonl.gz", "batch"},
		{"batch.ndjson", "batch"},
		{"one.json", "one"},
		{"notes.html.txt", "notes"},
		{"notes.csv", "notes.csv"},
		{"archive.tar.gz", "archive.tar"},
		{"v1.2.txt", "v1.2"},
		{"README", "README"},
		{"-", "-"},
	}
	for _, tt := range tests {
		if got := DocID(tt.path); got != tt.want {
			t.Errorf("DocID(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestHash(t *testing.T) {
	a := Hash("Flood kills 7", "https://example.org/a")
	tests := []struct {
		name  string
		h     string
		equal bool
	}{
		{"same parts", Hash("Flood kills 7", "https://example.org/a"), true},
		{"other part", Hash("Flood kills 8", "https://example.org/a"), false},
		{"parts separated", Hash("Flood kills 7https://example.org/a"), false},
		{"bytes moved between parts", Hash("Flood kills ", "7https://example.org/a"), false},
	}
	if len(a) != 16 || strings.Trim(a, "0123456789abcdef") != "" {
		t.Errorf("Hash = %q, want 16 hex digits", a)
	}
	for _, tt := range tests {
		if (tt.h == a) != tt.equal {
			t.Errorf("%s: %s vs %s, want equal=%v", tt.name, tt.h, a, tt.equal)
		}
	}
}

func TestItoa(t *testing.T) {
	for _, n := range []int{0, 7, 10, 99, 1234567} {
		if got, want := itoa(n), strconv.Itoa(n); got != want {
			t.Errorf("itoa(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestItemWhereAndLoad(t *testing.T) {
	tests := []struct {
		it        Item
		where     string
		wantError string
	}{
		{Item{Origin: "a.txt"}, "a.txt", ""},
		{Item{Origin: "b.jsonl", Line: 12}, "b.jsonl:12", ""},
		{failed("c.jsonl", 3, invalid("malformed JSON: x")), "c.jsonl:3", "c.jsonl:3: malformed JSON: x"},
		{failed("d.txt", 0, invalid("empty: no text")), "d.txt", "d.txt: empty: no text"},
	}
	for _, tt := range tests {
		if got := tt.it.Where(); got != tt.where {
			t.Errorf("Where() = %q, want %q", got, tt.where)
		}
		if tt.wantError == "" {
			continue
		}
		for range 2 { // loading twice gives the same message
			_, err := tt.it.Load()
			var e *tally.Error
			if !errors.As(err, &e) || e.Code != tally.EINVALID || err.Error() != tt.wantError {
				t.Errorf("Load() error = %v, want %q (EINVALID)", err, tt.wantError)
			}
		}
	}
	// A successful load carries the item's origin and line.
	it := Item{Origin: "e.jsonl", Line: 4, load: func() (tally.Article, error) { return tally.Article{ID: "x", Origin: "wrong"}, nil }}
	a, err := it.Load()
	if err != nil || a.ID != "x" || a.Origin != "e.jsonl" || a.Line != 4 {
		t.Errorf("Load() = %+v, %v", a, err)
	}
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string // "" for accepted
	}{
		{"text", []byte("Flood kills 7"), ""},
		{"utf-8", []byte("Київ — Zaporizhzhia"), ""},
		{"nul", []byte("Flood\x00kills"), "binary file (NUL bytes), not text"},
		{"nul after 8 KB is not sniffed", append([]byte(strings.Repeat("a", 9000)), 0), ""},
		{"invalid utf-8", []byte("abc\xffdef"), "not valid UTF-8 (first bad byte at offset 3)"},
		{"truncated rune", []byte("Київ\xd0"), "not valid UTF-8 (first bad byte at offset 8)"},
		{"latin-1", []byte("caf\xe9 au lait"), "not valid UTF-8 (first bad byte at offset 3)"},
		{"empty", nil, "empty: no text"},
		{"whitespace", []byte(" \n\t\r\n "), "empty: no text"},
	}
	for _, tt := range tests {
		err := checkText(tt.in)
		got := ""
		if err != nil {
			got = err.Error()
			if tally.ErrorCode(err) != tally.EINVALID {
				t.Errorf("%s: code %s, want %s", tt.name, tally.ErrorCode(err), tally.EINVALID)
			}
		}
		if got != tt.want {
			t.Errorf("%s: checkText = %q, want %q", tt.name, got, tt.want)
		}
	}
}
