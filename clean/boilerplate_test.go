package clean

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// vname names a verdict in failure messages.
func vname(v Verdict) string {
	names := [...]string{"Keep", "Furniture", "Byline", "Dateline", "Caption", "Teaser", "Duplicate"}
	if int(v) < len(names) {
		return names[v]
	}
	return "Verdict(?)"
}

// TestJudgeLine judges single lines, each with a fresh filter.
func TestJudgeLine(t *testing.T) {
	tests := []struct {
		line string
		want Verdict
	}{
		// found by review: these were misjudged once
		{"A view of the damaged bridge. EPA/JOHN DOE", Caption},
		{"ft.com > World > Europe", Furniture},
		{"By Tuesday evening the river had crested.", Keep},
		{"Turnout was high in the north (about 2/3 of voters).", Keep},
		{"Storm batters coast (PHOTOS)", Keep},
		{"Follow the money: how the militia is funded", Keep},
		{"Image 2 of 8 An 18-year-old was killed in the crash", Keep},
		// navigation, forms, notices
		{"Skip to content", Furniture},
		{"Skip to main content", Furniture},
		{"Subscribe", Furniture},
		{"SUBSCRIBE NOW", Furniture},
		{"Sign up.", Furniture},
		{"* indicates required", Furniture},
		{"Enter your email to subscribe", Furniture},
		{"Enter your email address", Furniture},
		{"Thank you for signing up!", Furniture},
		{"Successfully subscribed", Furniture},
		{"© 2025 Northwind Gazette", Furniture},
		{"©2025 Northwind Gazette Media Group", Furniture},
		{"Copyright 2025 Northwind Gazette", Furniture},
		{"All rights reserved", Furniture},
		{"Northwind Gazette Media Group. All rights reserved.", Furniture},
		{"We use cookies to improve your experience on our site.", Furniture},
		{"By clicking Accept you agree to our terms.", Furniture},
		{"Privacy Policy", Furniture},
		{"This audio is created with AI assistance", Furniture},
		{"Listen to this article", Furniture},
		{"Read more: Mayor opens new bridge", Furniture},
		{"Advertisement", Furniture},
		{"Share this article", Furniture},
		{"Back to top", Furniture},
		{"Please enable JavaScript to view the comments.", Furniture},
		{"***", Furniture},
		{"|", Furniture},
		// menus and breadcrumbs
		{"Home | News | Sports | Weather", Furniture},
		{"Home | News | Sports | Obituaries | Subscribe", Furniture},
		{"World • Europe • Middle East", Furniture},
		{"News > World > Europe", Furniture},
		{"* list 1 of 3Rebels claim control of river port", Teaser},
		// captions and credits
		{"Rescue workers search the rubble in Harlow. (AP Photo/Jane Doe)", Caption},
		{"Smoke rises over the port city [File: Reuters]", Caption},
		{"Residents wait for water in the old town (Getty Images)", Caption},
		{"Firefighters at the scene on Sunday. (Reuters)", Caption},
		{"Mourners at the funeral. PHOTOGRAPH BY JANE DOE/EPA", Caption},
		{"Image 2 of 8 Mourners gather outside the church", Caption},
		{"Photo 1 of 3 The flooded main street", Caption},
		{"Photo: Jane Doe", Caption},
		{"Image source, Getty Images", Caption},
		{"Source: regional health ministry", Caption},
		// a caption that states a figure is kept
		{"Rescuers carry one of the 12 people killed in the blast. (AP Photo/Jane Doe)", Keep},
		{"Photo: Two wounded soldiers are evacuated", Keep},
		// bylines and datelines
		{"By Jane Doe June 14, 2025 9:41 PM 3 min read", Byline},
		{"By Jane Doe", Byline},
		{"By JANE DOE and MARK ROE, Associated Press", Byline},
		{"Jane Doe, 4 min read", Byline},
		{"5:04 PM", Dateline},
		{"5:04pm", Dateline},
		{"June 14, 2025", Dateline},
		{"Updated 9:41 PM EDT, Sat June 14, 2025", Dateline},
		{"Published 3 hours ago", Dateline},
		{"14/06/2025 - 21:41", Dateline},
		// article text and headlines: kept
		{"At least 19 dead in gun attacks", Keep},
		{"At least 19 dead in gun attacks across the northern province", Keep},
		{"Storm batters coast as thousands flee", Keep},
		{"Police say the gunman fired 30 shots before fleeing on foot.", Keep},
		{"The attack happened at 5:04 PM on Saturday, police said.", Keep},
		{"By Tuesday, 12 people had died in the floods.", Keep},
		{"By the end of the day, rescuers had reached the village.", Keep},
		{`"By God, it was terrible," said one witness.`, Keep},
		{"The ceasefire took effect on June 14, 2025, after weeks of talks.", Keep},
		{"He said the company reserved the right to appeal.", Keep},
		{"Officials said the data was subject to privacy rules.", Keep},
		{"Home", Furniture},
		{"Home front", Keep},
		{"Share prices fell 3% after the announcement.", Keep},
		{"Rebels, soldiers | both sides accused", Keep},
		{"Weather", Keep},
		{"", Keep},
	}
	for _, tt := range tests {
		var f Filter
		if got := f.Judge(tt.line); got != tt.want {
			t.Errorf("Judge(%q) = %s, want %s", tt.line, vname(got), vname(tt.want))
		}
	}
}

// TestJudgeSequence judges lines of one page in order: teaser lists and duplicates depend on what came before.
func TestJudgeSequence(t *testing.T) {
	type lv struct {
		line string
		want Verdict
	}
	tests := []struct {
		name  string
		lines []lv
	}{
		{"related teasers dropped until a paragraph", []lv{
			{"Flooding forces thousands from homes in Marrow Valley", Keep},
			{"Related content", Teaser},
			{"Mayor opens new bridge over the Tansy", Teaser},
			{"Harvest festival returns after four-year pause", Teaser},
			{"Dockworkers vote to end strike", Teaser},
			{"Rescue teams reached the last stranded families on Monday, and officials said the water had begun to recede in most districts.", Keep},
			{"Council approves budget", Keep},
		}},
		{"teaser stating a figure kept", []lv{
			{"More news", Teaser},
			{"Harbour authority reports 2,400 casualties in Velmora", Keep},
			{"Three hostages freed in desert raid", Keep},
			{"Train timetable changes this weekend", Teaser},
		}},
		{"header variants", []lv{
			{"Related:", Teaser},
			{"New school opens in Tarn", Teaser},
			{"You may also like", Teaser},
			{"Markets rally on trade hopes", Teaser},
			{"Most read", Teaser},
			{"Farmers protest fuel prices", Teaser},
		}},
		{"teasers end at a long line", []lv{
			{"Read next", Teaser},
			{"Short link line", Teaser},
			{strings.Repeat("The convoy was struck twice on the road north of the city. ", 8), Keep},
			{"Short line after the paragraph", Keep},
		}},
		{"duplicates", []lv{
			{"The fire spread to three nearby homes.", Keep},
			{"Firefighters fought it for hours.", Keep},
			{"The fire spread to three nearby homes.", Duplicate},
			{"THE FIRE SPREAD TO THREE NEARBY HOMES.", Duplicate},
			{"Weather", Keep},
			{"Weather", Keep}, // a one-word line may repeat
			{"Live updates", Keep},
			{"Live updates", Keep}, // two words may repeat
		}},
		{"empty lines do not end teasers", []lv{
			{"Related stories", Teaser},
			{"", Keep},
			{"Bridge reopens to traffic", Teaser},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f Filter
			for i, l := range tt.lines {
				if got := f.Judge(l.line); got != l.want {
					t.Errorf("line %d: Judge(%q) = %s, want %s", i, l.line, vname(got), vname(l.want))
				}
			}
		})
	}
}

// TestJudgeLongLine: a line over 400 bytes is a paragraph and never dropped
// whole, even when it ends with a copyright notice (Clean strips that sentence).
func TestJudgeLongLine(t *testing.T) {
	para := strings.Repeat("Witnesses described a chaotic scene as the crowd fled the square. ", 7) +
		"Copyright 2025 Northwind Gazette, all rights reserved."
	if len(para) <= 400 {
		t.Fatalf("fixture too short: %d", len(para))
	}
	tests := []struct {
		name   string
		before []string
		want   Verdict
	}{
		{"alone", nil, Keep},
		{"after a teaser header", []string{"Related content"}, Keep},
		{"repeated", []string{para}, Duplicate},
	}
	for _, tt := range tests {
		var f Filter
		for _, l := range tt.before {
			f.Judge(l)
		}
		if got := f.Judge(para); got != tt.want {
			t.Errorf("%s: Judge(long paragraph) = %s, want %s", tt.name, vname(got), vname(tt.want))
		}
	}
	// A long gallery caption is still a caption.
	var f Filter
	if got := f.Judge("Image 3 of 9 " + strings.Repeat("The crowd gathers. ", 30)); got != Caption {
		t.Errorf("Judge(long gallery caption) = %s, want Caption", vname(got))
	}
}

func TestIsFurnitureText(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"all rights reserved", true},
		{"© 2025 northwind gazette. all rights reserved.", true},
		{"copyright 2025 northwind gazette, all rights reserved.", true},
		{"* indicates required", true},
		{"enter your email to get the morning briefing", true},
		{"read our privacy policy and cookie policy.", true},
		{"this material may not be published, broadcast, rewritten or redistributed.", true},
		{"please enable javascript to see the map.", true},
		{"your browser does not support the video tag.", true},
		{"sign up for our newsletter", true},
		{"overall rights reserved", false}, // "all" inside a word
		{"the company reserved all rights to appeal.", false},
		{"the privacy of victims' families was respected.", false},
		{"at least 19 people were killed in the attacks.", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsFurnitureText(tt.in); got != tt.want {
			t.Errorf("IsFurnitureText(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestSkipSet compares the skipping phrase search with a plain scan of every
// word start, on random mixes of phrases, their pieces and other text.
func TestSkipSet(t *testing.T) {
	naive := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if i > 0 && isWordByte(s[i-1]) {
				continue
			}
			for _, p := range furnitureAnywhere {
				if strings.HasPrefix(s[i:], p) {
					return true
				}
			}
		}
		return false
	}
	rng := rand.New(rand.NewPCG(5, 6))
	parts := append([]string{" ", "a", "x", ".", "cookie", "policy", "all", "rights", "\u00e9"}, furnitureAnywhere...)
	for k := 0; k < 50000; k++ {
		var b strings.Builder
		for j := rng.IntN(8); j >= 0; j-- {
			p := parts[rng.IntN(len(parts))]
			if rng.IntN(3) == 0 && len(p) > 3 {
				p = p[:rng.IntN(len(p))] + p[rng.IntN(len(p)):] // a piece, or a near miss
			}
			b.WriteString(p)
		}
		if s := b.String(); anywhere.in(s) != naive(s) {
			t.Fatalf("in(%q) = %v", s, anywhere.in(s))
		}
	}
}
