package clean

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"tally"
)

// article is a small invented report with the furniture a copy off a page brings.
var article = tally.Article{
	ID:        "a1",
	URL:       "https://www.example-news.com/world/checkpoint-attack",
	Title:     "Gunmen kill 5 at checkpoint - Example News",
	Published: time.Date(2025, 6, 14, 21, 41, 0, 0, time.UTC),
	Origin:    "a1.txt",
	Text: "Skip to content\r\n" +
		"Subscribe\r\n" +
		"Gunmen killed five soldiers at a checkpoint near Dara on Sunday, officials said. Three others were wounded.\r\n\r\n\r\n" +
		"By Jane Doe June 14, 2025 9:41 PM 3 min read\r\n" +
		"  The attack began at 9\u00a0a.m. Sunday. Gen.\u00a0Omar Hadi said the army would \u201crespond.\u201d  \r\n" +
		"Soldiers guard the checkpoint. (AP Photo/Jane Doe)\r\n" +
		"\u00a9 2025 Example News. All rights reserved.",
}

func TestCleanArticle(t *testing.T) {
	ct, err := Clean(article)
	if err != nil {
		t.Fatal(err)
	}
	d := ct.Doc
	const (
		title = "Gunmen kill 5 at checkpoint"
		p1    = "Gunmen killed five soldiers at a checkpoint near Dara on Sunday, officials said. Three others were wounded."
		p2    = `The attack began at 9 a.m. Sunday. Gen. Omar Hadi said the army would "respond."`
	)
	if want := title + "\n\n" + p1 + "\n\n" + p2; d.Text != want {
		t.Fatalf("Text =\n%q\nwant\n%q", d.Text, want)
	}
	if d.Title != title {
		t.Errorf("Title = %q, want %q", d.Title, title)
	}
	if d.BodyStart != len(title)+2 || !strings.HasPrefix(d.Text[d.BodyStart:], "Gunmen killed") {
		t.Errorf("BodyStart = %d, want %d", d.BodyStart, len(title)+2)
	}
	fields := []struct{ name, got, want string }{
		{"ID", d.ID, "a1"},
		{"URL", d.URL, article.URL},
		{"Outlet", d.Outlet, "Example News"},
		{"Lang", d.Lang, "en"},
		{"Origin", d.Origin, "a1.txt"},
		{"Hash", d.Hash, Identity(d.Text, article.URL)},
	}
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if !d.Published.Equal(article.Published) {
		t.Errorf("Published = %v, want %v", d.Published, article.Published)
	}

	wantSents := []struct {
		text  string
		para  int
		title bool
	}{
		{title, 0, true},
		{"Gunmen killed five soldiers at a checkpoint near Dara on Sunday, officials said.", 1, false},
		{"Three others were wounded.", 1, false},
		{"The attack began at 9 a.m. Sunday.", 2, false},
		{`Gen. Omar Hadi said the army would "respond."`, 2, false},
	}
	if len(ct.Sentences) != len(wantSents) {
		t.Fatalf("%d sentences, want %d: %v", len(ct.Sentences), len(wantSents), ct.Sentences)
	}
	for i, w := range wantSents {
		s := ct.Sentences[i]
		if got := d.Text[s.Start:s.End]; got != w.text || s.Para != w.para || s.Title != w.title {
			t.Errorf("sentence %d = %q para %d title %v, want %q para %d title %v", i, got, s.Para, s.Title, w.text, w.para, w.title)
		}
	}

	wantDropped := []Dropped{
		{Furniture, "Skip to content"},
		{Furniture, "Subscribe"},
		{Byline, "By Jane Doe June 14, 2025 9:41 PM 3 min read"},
		{Caption, "Soldiers guard the checkpoint. (AP Photo/Jane Doe)"},
		{Furniture, "© 2025 Example News. All rights reserved."},
	}
	if !reflect.DeepEqual(ct.Dropped, wantDropped) {
		t.Errorf("Dropped = %q\nwant %q", ct.Dropped, wantDropped)
	}
}

func TestCleanHash(t *testing.T) {
	a, err := Clean(article)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Clean(article)
	if err != nil {
		t.Fatal(err)
	}
	moved := article
	moved.URL = "https://example-news.com/world/checkpoint-attack?amp=1"
	c, err := Clean(moved)
	if err != nil {
		t.Fatal(err)
	}
	edited := article
	edited.Text += "\nA fourth soldier later died."
	e, err := Clean(edited)
	if err != nil {
		t.Fatal(err)
	}
	renamed := article
	renamed.ID, renamed.Origin = "other", "other.txt"
	r, err := Clean(renamed)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		h     string
		equal bool
	}{
		{"same article", b.Doc.Hash, true},
		{"same text, other id and origin", r.Doc.Hash, true},
		{"other URL", c.Doc.Hash, false},
		{"other text", e.Doc.Hash, false},
	}
	if len(a.Doc.Hash) != 32 {
		t.Errorf("Hash %q: %d hex digits, want 32", a.Doc.Hash, len(a.Doc.Hash))
	}
	for _, tt := range tests {
		if (tt.h == a.Doc.Hash) != tt.equal {
			t.Errorf("%s: hash %s vs %s, want equal=%v", tt.name, tt.h, a.Doc.Hash, tt.equal)
		}
	}
	// The URL and the text are separated: moving bytes from one to the other changes the hash.
	if Identity("ab", "c") == Identity("b", "ca") {
		t.Error("Identity does not separate URL and text")
	}
}

func TestCleanOutlet(t *testing.T) {
	const body = "A bus overturned on the coast road on Friday, injuring 14 passengers, police said."
	tests := []struct {
		name string
		a    tally.Article
		want string
	}{
		{"given", tally.Article{Outlet: "Coast Herald", URL: "https://www.coastherald.example/a", Title: "Bus overturns on coast road", Text: body}, "Coast Herald"},
		{"from the title suffix", tally.Article{URL: "https://www.coastherald.example/a", Title: "Bus overturns on coast road | Coast Herald", Text: body}, "Coast Herald"},
		{"from the URL host, www. dropped", tally.Article{URL: "https://www.CoastHerald.example:8443/a?x=1", Title: "Bus overturns on coast road", Text: body}, "coastherald.example"},
		{"from the URL host", tally.Article{URL: "http://news.coastherald.example/2025/a", Text: body}, "news.coastherald.example"},
		{"blank given outlet ignored", tally.Article{Outlet: "  ", URL: "https://coastherald.example/a", Text: body}, "coastherald.example"},
		{"none", tally.Article{Text: body}, ""},
		{"URL without host", tally.Article{URL: "not a url", Text: body}, ""},
	}
	for _, tt := range tests {
		ct, err := Clean(tt.a)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if ct.Doc.Outlet != tt.want {
			t.Errorf("%s: Outlet = %q, want %q", tt.name, ct.Doc.Outlet, tt.want)
		}
	}
}

func TestCleanErrors(t *testing.T) {
	tests := []struct {
		name string
		a    tally.Article
	}{
		{"only furniture", tally.Article{Text: "Skip to content\nSubscribe\n* indicates required\nEnter your email to subscribe\n© 2025 Example News. All rights reserved."}},
		{"only spaces", tally.Article{Text: " \n\t\u00a0\n "}},
		{"nothing", tally.Article{}},
	}
	for _, tt := range tests {
		_, err := Clean(tt.a)
		var e *tally.Error
		if !errors.As(err, &e) || e.Code != tally.EINVALID {
			t.Errorf("%s: Clean error = %v, want a *tally.Error with code %s", tt.name, err, tally.EINVALID)
			continue
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error is not one line: %q", tt.name, err)
		}
	}
}

func TestCleanHeadlineOnly(t *testing.T) {
	ct, err := Clean(tally.Article{Title: "Three hurt in crash on ring road", URL: "https://example.org/x"})
	if err != nil {
		t.Fatal(err)
	}
	d := ct.Doc
	if d.Text != "Three hurt in crash on ring road" || d.BodyStart != len(d.Text) {
		t.Errorf("Text = %q, BodyStart = %d", d.Text, d.BodyStart)
	}
	if len(ct.Sentences) != 1 || !ct.Sentences[0].Title {
		t.Errorf("Sentences = %v, want the title alone", ct.Sentences)
	}
}

// TestCleanLongParagraph: a paragraph over 400 bytes that ends with a copyright
// notice keeps its article sentences; only the notice goes.
func TestCleanLongParagraph(t *testing.T) {
	prose := strings.TrimSpace(strings.Repeat("Witnesses described a chaotic scene as the crowd fled the square. ", 7))
	tests := []struct {
		name, para, want string
	}{
		{"notice at the end", prose + " Copyright 2025 Northwind Gazette, all rights reserved.", prose},
		{"notice in the middle", "At least 19 people died. " + prose + " All rights reserved. Police said 4 suspects were held.",
			"At least 19 people died. " + prose + " Police said 4 suspects were held."},
		{"no notice", prose + " The mayor called for calm.", prose + " The mayor called for calm."},
	}
	for _, tt := range tests {
		ct, err := Clean(tally.Article{Title: "Crowd flees square after blasts", Text: tt.para})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		want := "Crowd flees square after blasts\n\n" + tt.want
		if ct.Doc.Text != want {
			t.Errorf("%s: Text =\n%q\nwant\n%q", tt.name, ct.Doc.Text, want)
		}
		for _, s := range ct.Sentences {
			if strings.Contains(strings.ToLower(ct.Doc.Text[s.Start:s.End]), "rights reserved") {
				t.Errorf("%s: sentence %q kept", tt.name, ct.Doc.Text[s.Start:s.End])
			}
		}
	}
}

// TestCleanSpans: every sentence span lies in Doc.Text, in order, trimmed, and
// within one paragraph.
func TestCleanSpans(t *testing.T) {
	tests := []tally.Article{
		article,
		{Text: "Rebels seize crossing\n\nThe rebels said 12 soldiers died. The army denied it!\nIs the road open? Nobody knows."},
		{Title: "Quake hits coast", Text: "Quake hits coastA 6.1 quake struck at 3 a.m. Monday. U.S. teams flew in. Mr. Li said 40 were hurt."},
	}
	for i, a := range tests {
		ct, err := Clean(a)
		if err != nil {
			t.Errorf("%d: %v", i, err)
			continue
		}
		text := ct.Doc.Text
		prev := 0
		for _, s := range ct.Sentences {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Errorf("%d: bad span %v (prev end %d, len %d)", i, s.Span, prev, len(text))
				break
			}
			sent := text[s.Start:s.End]
			if strings.TrimSpace(sent) != sent || strings.Contains(sent, "\n") {
				t.Errorf("%d: span %v = %q is not one trimmed line", i, s.Span, sent)
			}
			prev = s.End
		}
	}
}

func TestHostOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.Example-Gazette.com/news/2024/a?x=1", "example-gazette.com"},
		{"http://web.archive.org/web/20160101000000/http://www.kxyz.com:80/a", "kxyz.com"},
		{"http://web.archive.org/web/20160101000000/kxyz.com/a", "kxyz.com"},
		{"https://user@news.example.org:8443#top", "news.example.org"},
		{"https://[::1]/a", "[::1]"},
		{"not a link", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := HostOf(tt.in); got != tt.want {
			t.Errorf("HostOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
