package clean

import (
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"tally"
)

const floodPage = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Flood kills 7 in Marrow Valley - Valley Courier</title>
<meta property="og:title" content="Flood kills 7 in Marrow Valley">
<meta property="og:site_name" content="Valley Courier">
<meta property="og:url" content="https://valleycourier.example/2025/06/flood">
<meta property="article:published_time" content="2025-06-14T09:41:00Z">
<style>p { color: red; } .STYLETEXT { display: none }</style>
<script>var tracking = "SCRIPTTEXT";</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>Flood kills 7 in Marrow Valley</h1>
<p>Seven people died when the river burst its banks in Marrow Valley
on Saturday night, the regional fire service said.</p>
<p>Rescue teams reached the last stranded families on Sunday.<br>Officials said the water had begun to recede.</p>
<script>document.write("INLINESCRIPT");</script>
<p>The mayor said a further 23 people were treated in hospital for injuries and exposure, and that the town would need months to rebuild its bridges.</p>
</article>
<footer>&copy; 2025 Valley Courier</footer>
</body></html>`

const (
	floodP1 = "Seven people died when the river burst its banks in Marrow Valley on Saturday night, the regional fire service said."
	floodP2 = "Rescue teams reached the last stranded families on Sunday."
	floodP3 = "Officials said the water had begun to recede."
	floodP4 = "The mayor said a further 23 people were treated in hospital for injuries and exposure, and that the town would need months to rebuild its bridges."
)

func TestFromHTML(t *testing.T) {
	p, err := FromHTML(floodPage)
	if err != nil {
		t.Fatal(err)
	}
	// Paragraphs become lines; <br> is a line break; a newline inside text is a space.
	lines := strings.Split(Normalize(p.Text), "\n")
	for _, want := range []string{floodP1, floodP2, floodP3, floodP4} {
		found := false
		for _, l := range lines {
			found = found || l == want
		}
		if !found {
			t.Errorf("no line %q in %q", want, p.Text)
		}
	}
	for _, bad := range []string{"SCRIPTTEXT", "INLINESCRIPT", "STYLETEXT", "color: red"} {
		if strings.Contains(p.Text, bad) {
			t.Errorf("Text contains %q: %q", bad, p.Text)
		}
	}
	fields := []struct{ name, got, want string }{
		{"Title", p.Title, "Flood kills 7 in Marrow Valley"},
		{"Sitename", p.Sitename, "Valley Courier"},
		{"URL", p.URL, "https://valleycourier.example/2025/06/flood"},
		{"Published day", p.Published.Format(time.DateOnly), "2025-06-14"},
	}
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
}

func TestCleanHTML(t *testing.T) {
	tests := []struct {
		name                string
		a                   tally.Article
		title, outlet, link string
		h1                  string
	}{
		{"metadata from the page", tally.Article{HTML: floodPage},
			"Flood kills 7 in Marrow Valley", "Valley Courier", "https://valleycourier.example/2025/06/flood", ""},
		{"given fields win", tally.Article{HTML: floodPage, Title: "Seven dead in valley flood", Outlet: "Wire", URL: "https://wire.example/x"},
			"Seven dead in valley flood", "Wire", "https://wire.example/x", "Flood kills 7 in Marrow Valley\n\n"},
	}
	for _, tt := range tests {
		ct, err := Clean(tt.a)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		d := ct.Doc
		// The page's <h1> is dropped as a duplicate when it is the title, kept otherwise.
		want := tt.title + "\n\n" + tt.h1 + floodP1 + "\n\n" + floodP2 + "\n\n" + floodP3 + "\n\n" + floodP4
		if d.Text != want {
			t.Errorf("%s: Text =\n%q\nwant\n%q", tt.name, d.Text, want)
		}
		if d.Title != tt.title || d.Outlet != tt.outlet || d.URL != tt.link {
			t.Errorf("%s: Title, Outlet, URL = %q, %q, %q; want %q, %q, %q", tt.name, d.Title, d.Outlet, d.URL, tt.title, tt.outlet, tt.link)
		}
		if d.Published.Format(time.DateOnly) != "2025-06-14" {
			t.Errorf("%s: Published = %v", tt.name, d.Published)
		}
		if d.Lang != "en" {
			t.Errorf("%s: Lang = %q", tt.name, d.Lang)
		}
	}
	// A given publication time is not overridden by the page's.
	given := time.Date(2025, 6, 15, 8, 0, 0, 0, time.UTC)
	ct, err := Clean(tally.Article{HTML: floodPage, Published: given})
	if err != nil {
		t.Fatal(err)
	}
	if !ct.Doc.Published.Equal(given) {
		t.Errorf("Published = %v, want the given %v", ct.Doc.Published, given)
	}
}

// TestWalkText checks the paragraph layout read off a parsed tree, without go-trafilatura.
func TestWalkText(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"<p>one</p><p>two</p>", "\none\n\ntwo\n"},
		{"<div>one<br>two</div>", "\none\ntwo\n"},
		{"<p>one\ntwo\tthree</p>", "\none two three\n"},
		{"<p>a<script>var x = 1;</script>b<style>p{}</style>c<noscript>enable</noscript></p>", "\nabc\n"},
		{"<p>a <b>bold</b> <i>word</i></p>", "\na bold word\n"},
		{"<ul><li>x</li><li>y</li></ul>", "\n\nx\n\ny\n\n"},
		{"<span>inline</span> text", "inline text"},
	}
	for _, tt := range tests {
		nodes, err := html.ParseFragment(strings.NewReader(tt.in), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, n := range nodes {
			walkText(&b, n)
		}
		if got := b.String(); got != tt.want {
			t.Errorf("walkText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	var b strings.Builder
	walkText(&b, nil)
	if b.Len() != 0 {
		t.Errorf("walkText(nil) wrote %q", b.String())
	}
}

func TestCleanHTMLEmptyPage(t *testing.T) {
	tests := []string{
		"<html><body></body></html>",
		"<html><head><script>var x = 1;</script></head><body><div></div></body></html>",
	}
	for _, page := range tests {
		_, err := Clean(tally.Article{HTML: page})
		var e *tally.Error
		if !errors.As(err, &e) || e.Code != tally.EINVALID {
			t.Errorf("Clean(%q) error = %v, want a *tally.Error with code %s", page, err, tally.EINVALID)
			continue
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("Clean(%q): error is not one line: %q", page, err)
		}
	}
}
