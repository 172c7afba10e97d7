package clean

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"

	"tally"
)

// Sentence is one sentence of a cleaned document: its span in Document.Text,
// the paragraph (line) it belongs to, counted from 0, and whether it is the title.
type Sentence struct {
	Span
	Para  int
	Title bool
}

// Dropped is a line the boilerplate filter removed, kept for what it may
// still tell (a byline's date).
type Dropped struct {
	Verdict Verdict
	Line    string
}

// Text is a cleaned article.
type Text struct {
	Doc       tally.Document
	Sentences []Sentence
	Dropped   []Dropped
}

// Clean turns an article into a document: main text of a page, normalised,
// without furniture, with its title first and its identity hash.
func Clean(a tally.Article) (Text, error) {
	body := a.Text
	title, outlet, link, published := a.Title, a.Outlet, a.URL, a.Published
	if a.HTML != "" {
		p, err := FromHTML(a.HTML)
		if err != nil {
			return Text{}, tally.Errorf(tally.EINVALID, "no article text found in the page: %v", err)
		}
		body = p.Text
		title = or(title, p.Title)
		outlet = or(outlet, p.Sitename)
		link = or(link, p.URL)
		if published.IsZero() {
			published = p.Published
		}
	}
	body = Normalize(body)
	title = strings.ReplaceAll(Normalize(title), "\n", " ")
	var t Text
	lines := strings.Split(body, "\n")
	if title != "" {
		var suffix string
		title, suffix = SplitTitle(title, outlet)
		outlet = or(outlet, suffix)
		lines = unglue(lines, title, a.Title)
	} else {
		title, lines = findTitle(lines)
	}
	if strings.TrimSpace(outlet) == "" {
		outlet = HostOf(link)
	}

	var b strings.Builder
	b.Grow(len(body) + len(title) + 2)
	para := 0
	t.Sentences = make([]Sentence, 0, 8+len(body)/128)
	if title != "" {
		b.WriteString(title)
		t.Sentences = append(t.Sentences, Sentence{Span{0, len(title)}, 0, true})
		para = 1
	}
	bodyStart := -1
	f := Filter{}
	f.dedup(title)
	var spans []Span
	for _, line := range lines {
		if line == "" {
			continue
		}
		if v := f.Judge(line); v != Keep {
			t.Dropped = append(t.Dropped, Dropped{v, line})
			continue
		}
		line = line[galleryPrefix(line):] // "Image 2 of 8 AN 18-year-old was killed": the counter goes
		line = SpaceGlued(line)
		if len(line) > 400 {
			line = dropFurnitureSentences(line, &f.lc)
			if line == "" {
				continue
			}
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if bodyStart < 0 {
			bodyStart = b.Len()
		}
		start := b.Len()
		b.WriteString(line)
		spans = AppendSentences(spans[:0], b.String(), start)
		for _, s := range spans {
			t.Sentences = append(t.Sentences, Sentence{s, para, false})
		}
		para++
	}
	text := b.String()
	if bodyStart < 0 {
		bodyStart = len(text)
	}
	if strings.TrimSpace(text) == "" {
		return t, tally.Errorf(tally.EINVALID, "no article text left after removing page furniture")
	}
	if published.IsZero() {
		published = publishedFromText(t.Dropped, text[bodyStart:])
	}
	t.Doc = tally.Document{
		Hash:      Identity(text, link),
		ID:        a.ID,
		URL:       link,
		Title:     title,
		Outlet:    outlet,
		Published: published,
		Lang:      Language(text),
		Text:      text,
		BodyStart: bodyStart,
		Origin:    a.Origin,
		Line:      a.Line,
	}
	return t, nil
}

// Identity is a document's stored identity: a hash of its cleaned text and URL.
func Identity(text, link string) string {
	bp := identityBuf.Get().(*[]byte)
	b := append(append(append((*bp)[:0], link...), 0), text...)
	sum := sha256.Sum256(b)
	*bp = b
	identityBuf.Put(bp)
	var out [32]byte
	hex.Encode(out[:], sum[:16])
	return string(out[:])
}

// identityBuf holds the bytes Identity hashes, reused across documents.
var identityBuf = sync.Pool{New: func() any { return new([]byte) }}

func or(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

// HostOf is the lower-cased host of a web address without "www." or a
// port, through a web.archive.org copy to the page it copies:
// "http://web.archive.org/web/2016/http://www.kxyz.com:80/a" → "kxyz.com";
// "" if the address has none. It names the outlet of a report that gives
// only its address.
func HostOf(link string) string {
	if i := strings.Index(link, "web.archive.org/web/"); i >= 0 {
		rest := link[i+len("web.archive.org/web/"):]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			link = rest[j+1:]
			if !strings.Contains(link, "://") {
				link = "http://" + link
			}
		}
	}
	i := strings.Index(link, "://")
	if i < 0 {
		return ""
	}
	h := link[i+3:]
	if j := strings.IndexAny(h, "/?#"); j >= 0 {
		h = h[:j]
	}
	if j := strings.LastIndexByte(h, '@'); j >= 0 {
		h = h[j+1:] // user info
	}
	if j := strings.LastIndexByte(h, ':'); j >= 0 && !strings.HasSuffix(h, "]") {
		h = h[:j] // port
	}
	if h == "" || strings.ContainsAny(h, " \t\n") {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(h), "www.")
}

// dropFurnitureSentences removes copyright and sign-up sentences from a long
// line. A phrase found in a sentence is found in its line too (a sentence
// begins at a word start), so a line without any is returned unsplit.
func dropFurnitureSentences(line string, lc *lowerer) string {
	if !IsFurnitureText(lc.lower(line)) {
		return line
	}
	spans := Sentences(line)
	keep := make([]string, 0, len(spans))
	dropped := false
	for _, s := range spans {
		sent := line[s.Start:s.End]
		if IsFurnitureText(lc.lower(sent)) {
			dropped = true
			continue
		}
		keep = append(keep, sent)
	}
	if !dropped {
		return line
	}
	return strings.Join(keep, " ")
}
