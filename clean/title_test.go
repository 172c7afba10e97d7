package clean

import (
	"strings"
	"testing"

	"tally"
)

func TestSplitTitle(t *testing.T) {
	tests := []struct {
		title, outlet string
		head, removed string
	}{
		{"Three killed in overnight shooting - WKRN News 2", "",
			"Three killed in overnight shooting", "WKRN News 2"},
		{"Drone strike hits market in El Fasher | Sudan war News | Al Jazeera", "",
			"Drone strike hits market in El Fasher", "Al Jazeera"},
		{"Police identify victims of weekend crash « CBS Dallas / Fort Worth", "",
			"Police identify victims of weekend crash", "CBS Dallas / Fort Worth"},
		{"Flood waters reach the old town » Regional » The Valley Courier", "",
			"Flood waters reach the old town", "The Valley Courier"},
		{"Bridge collapse injures four :: Millbrook Ledger", "",
			"Bridge collapse injures four", "Millbrook Ledger"},
		{"Market fire destroys stalls - the daily bugle", "The Daily Bugle",
			"Market fire destroys stalls", "the daily bugle"},
		// not split: the tail is not a name
		{"Ninety people killed - mostly civilians", "", "Ninety people killed - mostly civilians", ""},
		{"Blast kills 12 - Officials Say 40 Wounded", "", "Blast kills 12 - Officials Say 40 Wounded", ""},
		{"Rebels advance on the capital - and the army retreats", "",
			"Rebels advance on the capital - and the army retreats", ""},
		{"Gunmen storm a school - Seven Things We Know About the Attack So Far", "",
			"Gunmen storm a school - Seven Things We Know About the Attack So Far", ""},
		// not split: too little headline would remain
		{"Storm - WKRN News 2", "", "Storm - WKRN News 2", ""},
		{"Live updates | Al Jazeera", "", "Live updates | Al Jazeera", ""},
		// the outer name goes, an inner clause that is not a name stays
		{"Ninety people killed - mostly civilians | Al Jazeera", "",
			"Ninety people killed - mostly civilians", "Al Jazeera"},
		// no separator
		{"Rebel-held town falls after siege", "", "Rebel-held town falls after siege", ""},
		{"Three killed in overnight shooting", "", "Three killed in overnight shooting", ""},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		head, removed := SplitTitle(tt.title, tt.outlet)
		if head != tt.head || removed != tt.removed {
			t.Errorf("SplitTitle(%q, %q) = (%q, %q), want (%q, %q)", tt.title, tt.outlet, head, removed, tt.head, tt.removed)
		}
	}
}

// TestTitleDetection checks the title Clean settles on and the text it writes.
func TestTitleDetection(t *testing.T) {
	const body = "Four commuters were hurt when the old bridge gave way on Monday morning, the fire service said."
	tests := []struct {
		name   string
		a      tally.Article
		title  string
		outlet string
		text   string
	}{
		{
			name:   "given title with outlet suffix",
			a:      tally.Article{Title: "Bridge collapse injures 4 in Millbrook - Millbrook Ledger", Text: body},
			title:  "Bridge collapse injures 4 in Millbrook",
			outlet: "Millbrook Ledger",
			text:   "Bridge collapse injures 4 in Millbrook\n\n" + body,
		},
		{
			name:   "given outlet wins over the suffix",
			a:      tally.Article{Title: "Bridge collapse injures 4 in Millbrook - Millbrook Ledger", Outlet: "The Ledger", Text: body},
			title:  "Bridge collapse injures 4 in Millbrook",
			outlet: "The Ledger",
			text:   "Bridge collapse injures 4 in Millbrook\n\n" + body,
		},
		{
			name:  "title glued to the body",
			a:     tally.Article{Title: "Bridge collapse injures 4 in Millbrook", Text: "Bridge collapse injures 4 in Millbrook" + body},
			title: "Bridge collapse injures 4 in Millbrook",
			text:  "Bridge collapse injures 4 in Millbrook\n\n" + body,
		},
		{
			name:   "raw title with suffix glued to the body",
			a:      tally.Article{Title: "Bridge collapse injures 4 in Millbrook - Millbrook Ledger", Text: "Bridge collapse injures 4 in Millbrook - Millbrook Ledger" + body},
			title:  "Bridge collapse injures 4 in Millbrook",
			outlet: "Millbrook Ledger",
			text:   "Bridge collapse injures 4 in Millbrook\n\n" + body,
		},
		{
			name:  "title repeated on its own line after furniture",
			a:     tally.Article{Title: "Bridge collapse injures 4 in Millbrook", Text: "Skip to content\n\nBridge collapse injures 4 in Millbrook\n\n" + body},
			title: "Bridge collapse injures 4 in Millbrook",
			text:  "Bridge collapse injures 4 in Millbrook\n\n" + body,
		},
		{
			name:  "title with typographic characters",
			a:     tally.Article{Title: "Bridge\u00a0collapse injures\u00a04 \u2014 \u201cwe heard it go\u201d", Text: body},
			title: `Bridge collapse injures 4 - "we heard it go"`,
			text:  `Bridge collapse injures 4 - "we heard it go"` + "\n\n" + body,
		},
		{
			name:  "text mode: first line is the title",
			a:     tally.Article{Text: "Bridge collapse injures 4 in Millbrook\n\n" + body},
			title: "Bridge collapse injures 4 in Millbrook",
			text:  "Bridge collapse injures 4 in Millbrook\n\n" + body,
		},
		{
			name:  "text mode: furniture before the title",
			a:     tally.Article{Text: "Skip to content\nHome | News | Sports | Weather\nSubscribe\n\nBridge collapse injures 4 in Millbrook\nBy Jane Doe June 14, 2025 9:41 PM 3 min read\n" + body},
			title: "Bridge collapse injures 4 in Millbrook",
			text:  "Bridge collapse injures 4 in Millbrook\n\n" + body,
		},
		{
			name:  "text mode: a headline with a figure is the title",
			a:     tally.Article{Text: "At least 19 dead in gun attacks\n\nGunmen opened fire on two villages overnight, officials said."},
			title: "At least 19 dead in gun attacks",
			text:  "At least 19 dead in gun attacks\n\nGunmen opened fire on two villages overnight, officials said.",
		},
		{
			name: "text mode: section label glued to the title, clean headline on the next line",
			a: tally.Article{Text: "ConflictsRebels seize border crossing near Tamra\n" +
				"Rebels seize border crossing near Tamra\n" +
				"Rebel fighters took the crossing after a night of shelling, officials said."},
			title: "Rebels seize border crossing near Tamra",
			text: "Rebels seize border crossing near Tamra\n\n" +
				"Rebel fighters took the crossing after a night of shelling, officials said.",
		},
		{
			name: "text mode: no title, first line a long paragraph",
			a: tally.Article{Text: "Rebel fighters took the border crossing near Tamra after a night of heavy shelling, officials in the regional capital said on Sunday.\n\n" +
				"Two soldiers were wounded."},
			title: "",
			text: "Rebel fighters took the border crossing near Tamra after a night of heavy shelling, officials in the regional capital said on Sunday.\n\n" +
				"Two soldiers were wounded.",
		},
		{
			name:  "text mode: an over-long first line is not a title",
			a:     tally.Article{Text: strings.TrimSpace(strings.Repeat("word ", 31)) + "\n\nTwo soldiers were wounded."},
			title: "",
			text:  strings.TrimSpace(strings.Repeat("word ", 31)) + "\n\nTwo soldiers were wounded.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct, err := Clean(tt.a)
			if err != nil {
				t.Fatalf("Clean: %v", err)
			}
			d := ct.Doc
			if d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			if tt.outlet != "" && d.Outlet != tt.outlet {
				t.Errorf("Outlet = %q, want %q", d.Outlet, tt.outlet)
			}
			if d.Text != tt.text {
				t.Errorf("Text =\n%q\nwant\n%q", d.Text, tt.text)
			}
			wantStart := 0
			if tt.title != "" {
				wantStart = len(tt.title) + 2
			}
			if d.BodyStart != wantStart {
				t.Errorf("BodyStart = %d, want %d", d.BodyStart, wantStart)
			}
			hasTitle := len(ct.Sentences) > 0 && ct.Sentences[0].Title
			if hasTitle != (tt.title != "") {
				t.Errorf("first sentence is title = %v, want %v", hasTitle, tt.title != "")
			}
			if hasTitle && (ct.Sentences[0].Span != Span{0, len(tt.title)}) {
				t.Errorf("title sentence span = %v, want {0 %d}", ct.Sentences[0].Span, len(tt.title))
			}
		})
	}
}

func TestFewerFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a  b ", "a b c", "a\u00a0b\u2003c", "Man shot in Austin", "\tx\ny"} {
		for n := 0; n <= 4; n++ {
			if got, want := fewerFields(s, n), len(strings.Fields(s)) < n; got != want {
				t.Errorf("fewerFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
