package event

import (
	"strings"
	"testing"
	"time"

	"tally"
	"tally/clean"
	"tally/extract"
	"tally/geo"
)

// describe runs clean, extract and Describe over an invented report.
func describe(t *testing.T, title, body string, published time.Time) tally.Extraction {
	t.Helper()
	return describeArticle(t, tally.Article{ID: "t", Title: title, Text: body, Published: published})
}

// describeArticle runs clean, extract and Describe over an invented article.
func describeArticle(t *testing.T, a tally.Article) tally.Extraction {
	t.Helper()
	ct, err := clean.Clean(a)
	if err != nil {
		t.Fatalf("clean: %v", err)
	}
	x := extract.Extract(ct)
	Describe(&x)
	return x
}

var jan13 = time.Date(2025, 1, 13, 12, 19, 0, 0, time.UTC)

// All reports below are invented for these tests.
func TestPlace(t *testing.T) {
	tests := []struct {
		name, title, body      string
		place, country, admin1 string
		precision              string
	}{
		{"qualified city", "Two shot at Paris bar", "PARIS, Texas - Two men were shot outside a bar on Saturday, police said.",
			"Paris", "US", "Texas", "city"},
		{"capital by default", "Gunmen kill three in Paris", "Three people were killed when gunmen opened fire on a cafe in Paris on Friday night, French police said.",
			"Paris", "FR", "Île-de-France", "city"},
		{"region, not its city", "Battle in Kursk region", "Ukrainian troops repelled an assault in Russia's Kursk Oblast, killing 17 soldiers, the army said.",
			"Kursk Oblast", "RU", "Kursk Oblast", "admin1"},
		{"village too small for the gazetteer", "Drone strike on village",
			"A drone strike killed four people in the village of Makhnovka in the Kursk region, the governor said.",
			"Makhnovka", "RU", "Kursk Oblast", "admin1"},
		{"state after the comma, town unknown there", "Four dead in Bucksport",
			"BUCKSPORT, SC (WXYZ) - Four people were found dead in a home early Saturday, the county coroner said.",
			"Bucksport", "US", "South Carolina", "admin1"},
		{"saint", "Man killed in St. Louis", "ST. LOUIS, Mo. - A man was shot and killed Tuesday night on the city's north side, police said.",
			"St. Louis", "US", "Missouri", "city"},
		{"county", "Toddler shot in Harris County", "A 3-year-old was shot and wounded at a home in northwest Harris County on Sunday, the sheriff's office said.",
			"Harris County", "US", "Texas", "admin2"},
		{"institutions tell the country", "Toledo girl shot", "Toledo police said a 9-year-old girl was shot in the leg on Sunday. The county sheriff and the district attorney are investigating; a $10,000 reward is offered.",
			"Toledo", "US", "Ohio", "city"},
		{"a direction makes a city's part", "Teen shot in Northeast Washington", "A 17-year-old boy was shot and killed on Sunday night, police said.",
			"Washington", "US", "District of Columbia", "city"},
		{"abbreviation with stops", "Six hurt in Southwest D.C. shooting", "D.C. police are investigating a shooting that left six people hurt early Sunday.",
			"District of Columbia", "US", "District of Columbia", "admin1"},
		{"saint inside a name", "Girl shot in Port St. Lucie", "Port St. Lucie police said a 14-year-old girl was wounded on Friday.",
			"Port Saint Lucie", "US", "Florida", "city"},
		{"a weekday after a city", "Eight hurt in shootings", "Gunfire erupted in South Los Angeles on Wednesday, wounding eight people, police said.",
			"Los Angeles", "US", "California", "city"},
		{"the suburb of a city", "Boy killed in shooting", "A 4-year-old boy was killed in a shooting in the west Houston suburb of Katy, the county sheriff said.",
			"Katy", "US", "Texas", "city"},
		{"a town and its county read each other", "Teen accidentally shot in face", "A Duncan teen was shot in the face on Sunday, the Spartanburg County sheriff's office said.",
			"Duncan", "US", "South Carolina", "city"},
		{"a city's section is the city", "Five wounded in Englewood", "Five people were wounded in a shooting in Englewood on Monday night, Chicago police said.",
			"Chicago", "US", "Illinois", "city"},
		{"a weekday after a town", "Boy shoots himself", "An 8-year-old boy shot himself in the finger at a home in Arab Tuesday, the Marshall County sheriff said.",
			"Arab", "US", "Alabama", "city"},
		{"a metropolitan area", "Girl shot", "A 4-year-old girl was shot in the Houston area on Friday, the Harris County sheriff said.",
			"Houston", "US", "Texas", "city"},
		{"a street is not a state", "Teen shot on Michigan Avenue in Chicago", "A 16-year-old boy was shot on Michigan Avenue in Chicago on Friday, police said.",
			"Chicago", "US", "Illinois", "city"},
		{"a block's street is no town", "Two found shot in a car", "Two men were found shot in a car in the 4500 block of South Wolcott on Monday, according to Chicago police.",
			"Chicago", "US", "Illinois", "city"},
		{"a town qualified by its county", "Girl shot in Chester", "A six-year-old girl was shot in Chester, Delaware County, on Monday afternoon, police said.",
			"Chester", "US", "Pennsylvania", "city"},
		{"Georgia the state", "Man killed on Carrie Street", "Richmond County deputies arrested a suspect in the fatal shooting on Sunday night. The sheriff said he was the third man shot dead this month, a Georgia record.",
			"Richmond County", "US", "Georgia", "admin2"},
		{"a headline cut short", "Girl hurt in accidental shooting in Shreve", "A young girl was accidentally shot in the foot overnight in Shreveport, police said.",
			"Shreveport", "US", "Louisiana", "city"},
		{"a title-case word", "Teen Charged With Friend's Shooting Death In Columbus", "A teen was charged on Monday in the shooting death of his friend, Columbus police said.",
			"Columbus", "US", "Ohio", "city"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := describe(t, tc.title, tc.body, jan13)
			if x.Event == nil || x.Event.Place == nil {
				t.Fatalf("no place; event %+v", x.Event)
			}
			p := x.Event.Place
			if p.Name != tc.place || p.Country != tc.country || p.Admin1 != tc.admin1 || p.Precision != tc.precision {
				t.Errorf("place = %+v, want %s (%s, %s, %s)", *p, tc.place, tc.admin1, tc.country, tc.precision)
			}
			if p.Lat == 0 && p.Lon == 0 {
				t.Errorf("place has no coordinates: %+v", *p)
			}
		})
	}
}

func TestNoPlace(t *testing.T) {
	// "Clark" and "Jones" are towns somewhere; here they are people.
	x := describe(t, "Man charged in killing", "Police said Devon Clark shot Marcus Jones, 22, after an argument. Clark was arrested.", jan13)
	if x.Event != nil && x.Event.Place != nil {
		t.Errorf("people's names read as a place: %+v", *x.Event.Place)
	}
}

func TestDates(t *testing.T) {
	x := describe(t, "Special forces repel assault", "The unit's press service said on Jan. 13 that its operators killed 17 soldiers in a battle on Jan. 11.", jan13)
	if x.Event == nil || x.Event.Date == nil {
		t.Fatalf("no event date")
	}
	d := x.Event.Date
	if got := d.Start.Format(time.DateOnly); got != "2025-01-11" || d.Precision != "day" {
		t.Errorf("event date = %s (%s), want 2025-01-11 (day): the date in the sentence of the toll", got, d.Precision)
	}
	var found bool
	for _, c := range x.Claims {
		if c.Count.Low == 17 {
			found = true
			if c.Date == nil || c.When == "" {
				t.Errorf("claim has no date: %+v", c)
			}
		}
	}
	if !found {
		t.Fatalf("no claim of 17: %+v", x.Claims)
	}
	// Across a year boundary: "Dec. 30" read in a report of Jan. 2.
	y := describe(t, "Blast kills five", "Five people were killed in a blast on Dec. 30, officials said.", time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC))
	if y.Event == nil || y.Event.Date == nil || y.Event.Date.Start.Format(time.DateOnly) != "2024-12-30" {
		t.Errorf("Dec. 30 read on Jan. 2: %+v", y.Event)
	}
	// Without a publication date, no event date.
	z := describe(t, "Blast kills five", "Five people were killed in a blast on Tuesday.", time.Time{})
	if z.Event != nil && z.Event.Date != nil {
		t.Errorf("a relative date resolved without a publication date: %+v", z.Event.Date)
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		title, lead string
		typ, sub    string
	}{
		{"Drone strike kills family in Kabul", "A U.S. drone strike killed ten civilians.", Remote, "Air/drone strike"},
		{"Suicide bombing at airport gate", "A suicide bomber killed 13 troops and dozens of civilians.", Remote, "Suicide bomb"},
		{"Shelling hits market", "Artillery shelling killed six people at a market, officials said.", Remote, "Shelling/artillery/missile attack"},
		{"Special forces repel assault", "Soldiers repelled an assault by enemy troops, killing 17 fighters in clashes.", Battles, "Armed clash"},
		{"Three killed in bar shooting", "A gunman opened fire in a bar, killing three people, police said.", Shooting, ""},
		{"Gunman kills 5 at mall", "A gunman shot nine people at a mall, killing five.", Shooting, "Mass shooting"},
		{"Security forces fire on protesters", "Security forces killed 12 protesters during demonstrations.", Protests, "Excessive force against protesters"},
		{"Villagers kidnapped", "Gunmen abducted 40 villagers in a night raid.", Civilians, "Abduction/forced disappearance"},
		{"Weather", "It rained all week.", "", ""},
	}
	for _, tc := range tests {
		killed, wounded := int64(3), int64(0)
		if tc.sub == "Mass shooting" {
			killed, wounded = 5, 4
		}
		typ, sub := classify(tokenize(tc.title), tokenize(tc.lead), killed, wounded)
		if typ != tc.typ || sub != tc.sub {
			t.Errorf("classify(%q) = %q / %q, want %q / %q", tc.title, typ, sub, tc.typ, tc.sub)
		}
	}
}

func TestSides(t *testing.T) {
	tests := []struct {
		sentence string
		a, b     string
	}{
		{"Ukrainian Special Operations Forces (SOF) killed 21 North Korean soldiers in the Kursk region.", "Ukrainian Special Operations Forces (SOF)", ""},
		{"Eleven displaced people were killed by the Rapid Support Forces near the town, witnesses said.", "Rapid Support Forces", ""},
		{"The brigade repelled an assault by North Korean troops, killing 17.", "brigade", "North Korean troops"},
		{"A gunman opened fire on the crowd, police said.", "gunman", ""},
		{"Three killed, five wounded in shooting", "", ""},
		{"The Paris attacks killed 130 people.", "", ""},
	}
	for _, tc := range tests {
		a, b := sideA(tc.sentence, tokenize(tc.sentence))
		if a != tc.a || b != tc.b {
			t.Errorf("sideA(%q) = %q, %q; want %q, %q", tc.sentence, a, b, tc.a, tc.b)
		}
	}
}

func TestActorKey(t *testing.T) {
	g := geo.Default()
	same := [][]string{
		{"SOF", "SSO", "Special Operations Forces of Ukraine", "Ukraine's Special Operations Forces", "Ukrainian Special Operations Forces (SSO)"},
		{"North Korean troops", "North Korean soldiers", "soldiers of North Korea"},
		{"RSF", "Rapid Support Forces"},
	}
	for _, group := range same {
		k := ActorKey(g, group[0])
		for _, name := range group[1:] {
			if got := ActorKey(g, name); got != k {
				t.Errorf("ActorKey(%q) = %q, ActorKey(%q) = %q: want the same", name, got, group[0], k)
			}
		}
	}
	if ActorKey(g, "Ukrainian troops") == ActorKey(g, "Russian troops") {
		t.Errorf("two armies share a key")
	}
}

func TestAcronyms(t *testing.T) {
	got := acronyms("The Special Operations Forces (SOF) said ... the National Intelligence Service (NIS) of South Korea (ROK).")
	if got["SOF"] != "Special Operations Forces" || got["NIS"] != "National Intelligence Service" {
		t.Errorf("acronyms = %v", got)
	}
}

// A claim far down a long report, beyond what is read for the main place,
// still gets the place its own sentence names.
func TestFarClaimPlace(t *testing.T) {
	body := "Gunmen killed four people in Kabul on Sunday, officials said.\n\n" + strings.Repeat("Officials gave no further details about the attack on the market that day. ", 50) +
		"\n\nIn a separate attack, two soldiers were killed in Kandahar on Monday, the army said."
	x := describe(t, "Four killed in Kabul", body, jan13)
	var far *tally.Claim
	for i := range x.Claims {
		if x.Claims[i].Count.Low == 2 {
			far = &x.Claims[i]
		}
	}
	if far == nil || far.Span[0] < placeBytes {
		t.Fatalf("no claim of 2 beyond %d bytes: %+v", placeBytes, x.Claims)
	}
	if far.Place == nil || far.Place.Name != "Kandahar" {
		t.Errorf("far claim's place = %+v, want Kandahar", far.Place)
	}
	if x.Event == nil || x.Event.Place == nil || x.Event.Place.Name != "Kabul" {
		t.Errorf("main place = %+v, want Kabul", x.Event)
	}
}

// TestLocatePrior reads an invented report naming only an ambiguous town
// with the priors resolve gives it: none, a country, a region.
func TestLocatePrior(t *testing.T) {
	x := describe(t, "Man shot outside store", "Columbus police said a man was shot and wounded outside a store on Friday night.", jan13)
	tests := []struct {
		name   string
		prior  Prior
		admin1 string
	}{
		{"a region", Prior{"US/Georgia": 1.5}, "Georgia"},
		{"another region", Prior{"US/Indiana": 1.5}, "Indiana"},
	}
	for _, tt := range tests {
		p, _ := Locate(&x, tt.prior)
		if p == nil {
			t.Errorf("%s: Locate = nil, want Columbus, %s", tt.name, tt.admin1)
			continue
		}
		if p.Name != "Columbus" || p.Country != "US" || p.Admin1 != tt.admin1 {
			t.Errorf("%s: Locate = %s, %s, %s; want Columbus, US, %s", tt.name, p.Name, p.Country, p.Admin1, tt.admin1)
		}
	}
	if p, _ := Locate(&x, nil); p == nil || p.Admin1 != "Ohio" {
		t.Errorf("no prior: Locate = %+v, want the largest Columbus (Ohio)", p)
	}
}

// TestLocalName reads an invented report from an outlet whose reports lie
// in Tennessee: its "Madison" is the part of Nashville the gazetteer lacks,
// not Madison, Wisconsin; a city too large to be a neighbourhood keeps its
// reading.
func TestLocalName(t *testing.T) {
	tests := []struct {
		body         string
		name, admin1 string
		precision    string
	}{
		{"The 2-year-old who was shot inside an apartment in Madison has died, police said.", "Madison", "Tennessee", "admin1"},
		{"The 2-year-old who was shot inside an apartment in Chicago has died, police said.", "Chicago", "Illinois", "city"},
	}
	for _, tt := range tests {
		x := describe(t, "Toddler dies after shooting", tt.body, jan13)
		p, _ := Locate(&x, Prior{"US/Tennessee": 1.5})
		if p == nil || p.Name != tt.name || p.Admin1 != tt.admin1 || p.Precision != tt.precision {
			t.Errorf("%q: Locate = %+v, want %s, %s (%s)", tt.body, p, tt.name, tt.admin1, tt.precision)
		}
	}
}
