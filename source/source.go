// Package source reads reports from files, folders and standard input and turns
// them into tally.Articles: scraped text (.txt, .md), saved pages (.html, .htm)
// and JSON Lines (.jsonl, .ndjson), each optionally gzipped.
//
// Reading is split in two so that the expensive part runs in parallel: Walk
// finds the inputs and yields Items in input order; Item.Load parses one
// article. Bad input never stops a batch: it becomes an Item whose Load
// returns a one-line *tally.Error naming the file (and line).
//
// source imports only the root package; cleaning is clean's business.
package source

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"tally"
)

// MaxArticle is the largest article (one file, or one JSON line) accepted, in bytes.
const MaxArticle = 10 << 20

// Item is one article to be: Load parses it. Items are cheap to make; Load
// does the work and may run on any goroutine.
type Item struct {
	Origin string // file path or "-"
	Line   int    // 1-based JSON Lines line, else 0
	size   int    // bytes already read (a JSON line), else 0
	load   func() (tally.Article, error)
}

// Size is the number of bytes of the item already in memory (a JSON line),
// or 0 when Load still has to read them (a file).
func (it Item) Size() int { return it.size }

// Where names the item for messages: "file" or "file:line".
func (it Item) Where() string {
	if it.Line > 0 {
		return it.Origin + ":" + itoa(it.Line)
	}
	return it.Origin
}

// Load parses the item into an article, or returns why it cannot.
func (it Item) Load() (tally.Article, error) {
	a, err := it.load()
	if err != nil {
		if e, ok := err.(*tally.Error); ok && e.Where == "" {
			e.Where = it.Where()
		}
		return tally.Article{}, err
	}
	a.Origin, a.Line = it.Origin, it.Line
	return a, nil
}

func failed(origin string, line int, err error) Item {
	return Item{Origin: origin, Line: line, load: func() (tally.Article, error) { return tally.Article{}, err }}
}

func invalid(format string, args ...any) error {
	return tally.Errorf(tally.EINVALID, format, args...)
}

// DocID derives a document id from a file name: the base name without its
// known extensions ("026.html.gz" → "026").
func DocID(path string) string {
	base := filepath.Base(path)
	for {
		ext := strings.ToLower(filepath.Ext(base))
		switch ext {
		case ".gz", ".html", ".htm", ".txt", ".md", ".jsonl", ".ndjson", ".json":
			base = base[:len(base)-len(ext)]
			continue
		}
		return base
	}
}

// checkText rejects content that cannot be an article: binary, not UTF-8, empty.
func checkText(b []byte) error {
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return invalid("binary file (NUL bytes), not text")
	}
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, n := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return invalid("not valid UTF-8 (first bad byte at offset %d)", off)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return invalid("empty: no text")
	}
	return nil
}

// Hash returns a short stable hex digest of the parts, used for ids of
// articles that come without one.
func Hash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for n >= 10 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	b[i] = byte('0' + n)
	return string(b[i:])
}
