package clean

import (
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Page is what go-trafilatura finds in a saved web page: the main text as
// paragraphs (one per line) and the page's metadata.
type Page struct {
	Text      string
	Title     string
	Sitename  string
	URL       string
	Published time.Time // zero when unknown
}

// blocks are the elements that start a new paragraph.
var blocks = setOf("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
	"table", "tr", "td", "th", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt", "hr")

var spaceRunes = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ")

// FromHTML extracts the main text of a page with go-trafilatura. Its
// ContentText runs paragraphs together, so the paragraphs are read off its
// content tree instead, one per line. FavorRecall keeps the paragraph
// structure the balanced mode sometimes collapses (measured on saved pages of
// the war set).
func FromHTML(page string) (Page, error) {
	res, err := trafilatura.Extract(strings.NewReader(page), trafilatura.Options{
		Focus:           trafilatura.FavorRecall,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	})
	if err != nil {
		return Page{}, err
	}
	var b strings.Builder
	walkText(&b, res.ContentNode)
	p := Page{
		Text:     b.String(),
		Title:    res.Metadata.Title,
		Sitename: res.Metadata.Sitename,
		URL:      res.Metadata.URL,
	}
	if !res.Metadata.Date.IsZero() {
		p.Published = res.Metadata.Date
	}
	return p, nil
}

// walkText writes the text under n, a newline around every block element and for every <br>.
func walkText(b *strings.Builder, n *html.Node) {
	if n == nil {
		return
	}
	switch n.Type {
	case html.TextNode:
		b.WriteString(spaceRunes.Replace(n.Data)) // in HTML a line break in text is a space
		return
	case html.ElementNode:
		switch n.Data {
		case "script", "style", "noscript", "template":
			return
		case "br":
			b.WriteByte('\n')
			return
		}
	}
	block := n.Type == html.ElementNode && blocks[n.Data]
	if block {
		b.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkText(b, c)
	}
	if block {
		b.WriteByte('\n')
	}
}
