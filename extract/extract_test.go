package extract

import (
	"fmt"
	"strings"
	"testing"

	"tally"
	"tally/clean"
)

// run extracts the claims of an invented article (title may be empty).
func run(t *testing.T, title, body string) tally.Extraction {
	t.Helper()
	ct, err := clean.Clean(tally.Article{ID: "t", Title: title, Text: body})
	if err != nil {
		t.Fatalf("clean: %v", err)
	}
	return Extract(ct)
}

// want is an expected claim: category, low, high (-1 for none), qualifier,
// a word the claimant must contain ("" for the article's own voice) and scope.
type want struct {
	cat    tally.Category
	low    int64
	high   int64
	qual   tally.Qualifier
	source string
	scope  tally.Scope
}

func (w want) String() string {
	return fmt.Sprintf("%s %d..%d %s by %q (%s)", w.cat, w.low, w.high, w.qual, w.source, w.scope)
}

func describe(c tally.Claim) string {
	high := int64(-1)
	if c.Count.High != nil {
		high = *c.Count.High
	}
	return fmt.Sprintf("%s %d..%d %s by %q (%s) derived=%q", c.Category, c.Count.Low, high, c.Count.Qualifier, c.ClaimedBy, c.Scope, c.Derived)
}

// matches says whether a claim is the expected one.
func (w want) matches(c tally.Claim) bool {
	high := int64(-1)
	if c.Count.High != nil {
		high = *c.Count.High
	}
	if c.Category != w.cat || c.Count.Low != w.low || high != w.high || c.Count.Qualifier != w.qual {
		return false
	}
	if w.scope != "" && c.Scope != w.scope {
		return false
	}
	if w.source == "" {
		return c.ClaimedBy == ""
	}
	return strings.Contains(strings.ToLower(c.ClaimedBy), strings.ToLower(w.source))
}

// All sentences below are invented for these tests.
func TestClaims(t *testing.T) {
	const K, W, C, P, M = tally.Killed, tally.Wounded, tally.Casualties, tally.Captured, tally.Missing
	const I, Pe, Cu = tally.ScopeIncident, tally.ScopePeriod, tally.ScopeCumulative
	tests := []struct {
		name string
		body string
		want []want
	}{
		{"passive with source after", "Nine soldiers were killed in the raid, the army press office said.",
			[]want{{K, 9, 9, tally.Exact, "army press office", I}}},
		{"active verb, two objects", "The blast killed four police officers and two bystanders.",
			[]want{{K, 4, 4, tally.Exact, "", I}, {K, 2, 2, tally.Exact, "", I}}},
		{"killed and wounded, one subject", "Rebel fighters killed 12 and wounded 30 villagers, the governor said.",
			[]want{{K, 12, 12, tally.Exact, "governor", I}, {W, 30, 30, tally.Exact, "governor", I}}},
		{"according to, qualifier", "At least 45 people died in the shelling, according to the regional health ministry.",
			[]want{{K, 45, -1, tally.AtLeast, "health ministry", I}}},
		{"subset with including", "The strike killed 31 people, including six children, the aid group reported.",
			[]want{{K, 31, 31, tally.Exact, "aid group", I}, {K, 6, 6, tally.Exact, "aid group", I}}},
		{"casualties range with about", "Officials estimate about 7 to 8,000 casualties among the attackers.",
			[]want{{C, 7000, 8000, tally.About, "officials", ""}}},
		{"killed or wounded", "Roughly 600 militiamen have been killed or wounded since the offensive began, the minister claimed.",
			[]want{{C, 600, 600, tally.About, "minister", Cu}}},
		{"death toll rose", "The death toll from the ferry fire rose to 27 on Monday.",
			[]want{{K, 27, 27, tally.Exact, "", I}}},
		{"hostages", "The gunmen took 14 hostages before the siege ended.",
			[]want{{P, 14, 14, tally.Exact, "", I}}},
		{"capture of", "The commander announced the capture of three enemy scouts.",
			[]want{{P, 3, 3, tally.Exact, "commander", I}}},
		{"missing", "Eleven fishermen remain missing after the attack on the harbour.",
			[]want{{M, 11, 11, tally.Exact, "", I}}},
		{"period", "Over four days in early March, drone crews reported destroying positions and killing 40 fighters.",
			[]want{{K, 40, 40, tally.Exact, "drone crews", Pe}}},
		{"cumulative", "So far this year, more than 2,300 civilians have been killed in the province, the monitors said.",
			[]want{{K, 2300, -1, tally.MoreThan, "monitors", Cu}}},
		{"elliptical list", "Five guards were killed, three when the gate was blown open and two in the courtyard.",
			[]want{{K, 5, 5, tally.Exact, "", I}, {K, 3, 3, tally.Exact, "", I}, {K, 2, 2, tally.Exact, "", I}}},
		{"of them", "Of the 19 people who died, 11 of them were students, the rector said.",
			[]want{{K, 19, 19, tally.Exact, "rector", I}, {K, 11, 11, tally.Exact, "rector", I}}},
		{"inverted source", `"We lost 6 men on that road," said Colonel Ada Mertens.`,
			[]want{}},
		{"shot, one fatally", "Four people were shot outside the bar, one of them fatally.",
			[]want{{C, 4, 4, tally.Exact, "", I}, {K, 1, 1, tally.Exact, "", I}}},
		{"up to", "As many as 70 protesters may have died, some reports suggested.",
			[]want{{K, 70, 70, tally.UpTo, "reports", I}}},
		{"vague", "Dozens of villagers were wounded in the crossfire.",
			[]want{{W, 12, -1, tally.Vague, "", I}}},
		{"denied report is no source", "Reporters gathered at city hall.\n\nThe mayor spoke briefly. She did not say whether the two dead were residents.",
			[]want{{K, 2, 2, tally.Exact, "", I}}},
		{"relative clause source", "The coroner's office, which gave a toll of five on Friday, said more bodies were found.",
			[]want{{K, 5, 5, tally.Exact, "coroner's office", I}}},
		{"gave without a figure", "A woman who gave birth on the bus was unhurt; 3 passengers died.",
			[]want{{K, 3, 3, tally.Exact, "", I}}},
		{"pronoun source", "Nurse Lena Ortiz spoke to reporters. She said 8 patients were injured by falling glass.",
			[]want{{W, 8, 8, tally.Exact, "Lena Ortiz", I}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := run(t, "", tc.body)
			var stated []tally.Claim
			for _, c := range x.Claims {
				if c.Derived == tally.Stated {
					stated = append(stated, c)
				}
			}
			used := make([]bool, len(stated))
			for _, w := range tc.want {
				found := false
				for i, c := range stated {
					if !used[i] && w.matches(c) {
						used[i], found = true, true
						break
					}
				}
				if !found {
					t.Errorf("missing %v", w)
				}
			}
			for i, c := range stated {
				if !used[i] {
					t.Errorf("unexpected %s", describe(c))
				}
			}
		})
	}
}

// TestDistractors: numbers that count no people give no claims.
func TestDistractors(t *testing.T) {
	for _, body := range []string{
		"The president sent over 10,000 soldiers to the border on Jan. 6.",
		"The battle lasted for more than eight hours, and in the ninth hour the unit withdrew.",
		"Operators of the 8th Assault Regiment destroyed two armoured vehicles.",
		"The 3-year-old was found at 608 Maple Road at 6:45 p.m. in 2019.",
		"He was shot eight times and suffered multiple gunshot wounds.",
		"Roughly 13,000 troops remain in the country, 18 years after the invasion.",
		"The town of 40,000 residents lost $2 million and 67 percent of its harvest.",
		"The militia swapped two hostages for three of its commanders.",
		"Call Crime Stoppers at 554-1111 or visit page 4.",
		"Council meeting moved\n\n2 min read\n\nThe council will meet at 7 p.m. on Monday.",
		"The gunman pleaded guilty to trying to kill three guards at the depot.",
	} {
		x := run(t, "", body)
		for _, c := range x.Claims {
			if c.Derived == tally.Stated {
				t.Errorf("%q: unexpected %s", body, describe(c))
			}
		}
	}
}

// TestHeadlineAndSummary: the headline's figure takes the lead's source; the
// summary gives the main incident and leaves running totals out.
func TestHeadlineAndSummary(t *testing.T) {
	x := run(t, "Border raid: 21 dead", "The border guard service said its units killed 21 smugglers in the raid on Tuesday. "+
		"Since January, 340 people have been killed along the border, the service added.")
	if len(x.Claims) == 0 || !strings.Contains(x.Claims[0].ClaimedBy, "border guard service") {
		t.Fatalf("headline claim: %v", x.Claims)
	}
	if x.Summary.Killed == nil || x.Summary.Killed.Best != 21 || x.Summary.Killed.High != 21 {
		t.Errorf("summary killed = %+v, want 21", x.Summary.Killed)
	}
	if x.Summary.Wounded != nil {
		t.Errorf("summary wounded = %+v, want none", x.Summary.Wounded)
	}
}

// TestPartsOfAWhole: two figures that add up to one stated just before are its parts.
func TestPartsOfAWhole(t *testing.T) {
	x := run(t, "", "The brigade said it had eliminated 13 attackers. Five were killed in close combat and eight more were neutralized by artillery.")
	var whole = -1
	for i, c := range x.Claims {
		if c.Count.Low == 13 {
			whole = i
		}
	}
	if whole < 0 {
		t.Fatalf("no whole: %v", x.Claims)
	}
	parts := 0
	for _, c := range x.Claims {
		if (c.Count.Low == 5 || c.Count.Low == 8) && c.PartOf == whole {
			parts++
		}
	}
	if parts != 2 {
		t.Errorf("parts linked to the whole: %d, want 2 (%v)", parts, x.Claims)
	}
}

// TestImplicitCounts: reports that never write a number; every figure is derived.
func TestImplicitCounts(t *testing.T) {
	tests := []struct {
		title, body     string
		killed, wounded int64
	}{
		{"Man shot dead outside store", "A 34-year-old man was shot and killed outside a store on Main Street late Friday. " +
			"Police identified the victim as Carl Hume. Hume died at the scene.", 1, 0},
		{"", "A woman was shot in the arm on Elm Street on Sunday. She was taken to a hospital in stable condition.", 0, 1},
		{"", "A 19-year-old was shot Tuesday night. He later died at the hospital.", 1, 0},
		{"Two brothers hurt in shooting", "Two brothers were wounded when someone fired into their car.", 0, 2},
		{"", "Officers shot and killed the suspect after he fired at them. No officers were hurt.", 1, 0},
		{"", "Lena Park, 29, and Omar Reyes, 31, were found dead inside the home. A third victim, a 15-year-old girl, was hospitalized.", 2, 1},
		{"Six people shot near a river park", "Officers closed the park on Saturday.", 0, 6},
		{"", "Two guests were shot and wounded at the reception, and 3 others were grazed by bullets.", 0, 5},
		{"Father of 4 fatally shot outside a gas station", "The man was shot once in the chest.", 1, 0},
		{"", "A fight outside a bowling alley sent five people to the hospital late Friday, and one of them died.", 1, 4},
		{"", "The blast at the mill left one worker dead and sent two others to the hospital.", 1, 2},
		{"", "Two men were found dead in the kitchen. Three others sustained non-fatal bullet wounds.", 2, 3},
		{"", "Three people were wounded at the picnic. One woman at the table was not injured.", 0, 3},
		{"", "A driver was killed and another man in the car was wounded on the ramp.", 1, 1},
		{"", "A 9 year old boy was shot in the leg on Pine Street. He was taken to a hospital.", 0, 1},
		{"Two hurt, one dead after shots at a cookout", "A man was killed at the cookout on Saturday. Police said four men were hurt.", 1, 2},
		{"", "Four people found shot to death at a farmhouse on Sunday.", 4, 0},
	}
	for _, tc := range tests {
		x := run(t, tc.title, tc.body)
		var k, w int64
		if x.Summary.Killed != nil {
			k = x.Summary.Killed.Best
		}
		if x.Summary.Wounded != nil {
			w = x.Summary.Wounded.Best
		}
		if k != tc.killed || w != tc.wounded {
			t.Errorf("%q: killed %d wounded %d, want %d and %d", tc.body[:min(40, len(tc.body))], k, w, tc.killed, tc.wounded)
		}
	}
}

// TestSubgroupTolls: a sentence's figures of different groups add up; a
// total broken down, or one group within another, does not. Invented reports.
func TestSubgroupTolls(t *testing.T) {
	tests := []struct {
		body   string
		killed int64
	}{
		{"A double suicide bombing at the gate killed 13 US troops and 72 Afghans on Thursday, officials said.", 85},
		{"The shelling killed five soldiers, two civilians in the village overnight, the governor said.", 7},
		{"Ninety people have been killed, mostly Afghan civilians and 13 US military personnel, officials said.", 90},
		{"The strike killed 10 civilians, including seven children, the ministry said.", 10},
	}
	for _, tc := range tests {
		x := run(t, "", tc.body)
		var k int64
		if x.Summary.Killed != nil {
			k = x.Summary.Killed.Best
		}
		if k != tc.killed {
			t.Errorf("%q: killed %d, want %d (claims %+v)", tc.body, k, tc.killed, x.Claims)
		}
	}
}

// TestSpans: every claim's span points at its figure in the cleaned text.
func TestSpans(t *testing.T) {
	x := run(t, "Ferry fire: 27 dead", "The death toll rose to 27 on Monday.\n\nAt least a\u00a0thousand people were evacuated and about 40 were injured.")
	for _, c := range x.Claims {
		got := x.Doc.Text[c.Span[0]:c.Span[1]]
		if !strings.Contains(c.Count.Text, got) && !strings.Contains(got, c.Count.Text) {
			t.Errorf("span %v = %q, count text %q", c.Span, got, c.Count.Text)
		}
		if !strings.Contains(x.Doc.Text, c.Sentence) {
			t.Errorf("sentence not in text: %q", c.Sentence)
		}
	}
}
