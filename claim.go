package tally

// Category is what happened to the people a figure counts.
type Category string

// The casualty categories of CONTRACT.md.
const (
	Killed     Category = "killed"
	Wounded    Category = "wounded"
	Casualties Category = "casualties" // killed and wounded together ("killed or wounded")
	Captured   Category = "captured"   // captured, taken prisoner, kidnapped, held hostage
	Missing    Category = "missing"
)

// Categories lists every category in the order reports show them.
var Categories = []Category{Killed, Wounded, Casualties, Captured, Missing}

// Qualifier says how a figure is to be read.
type Qualifier string

// The qualifiers of CONTRACT.md.
const (
	Exact    Qualifier = "exact"
	AtLeast  Qualifier = "at_least"  // "at least 13"
	MoreThan Qualifier = "more_than" // "more than 120", "over 1,000"
	About    Qualifier = "about"     // "about", "approximately", "nearly", "some"
	UpTo     Qualifier = "up_to"     // "up to", "as many as"
	Range    Qualifier = "range"     // "70,000 to 80,000", "between 5 and 8"
	Vague    Qualifier = "vague"     // "several", "dozens", "hundreds"
)

// Scope says whether a figure is one event's toll or an aggregate.
type Scope string

// The scopes of CONTRACT.md.
const (
	ScopeIncident   Scope = "incident"   // one event
	ScopePeriod     Scope = "period"     // a span: "over three days in late December"
	ScopeCumulative Scope = "cumulative" // a running total: "have already reached 300"
)

// Derivation says how a count the text never states as a number was obtained.
type Derivation string

// The derivations of CONTRACT.md; the empty Derivation means the text states the figure.
const (
	Stated   Derivation = ""
	Implicit Derivation = "implicit" // "a man was shot and killed" → 1
	Named    Derivation = "named"    // victims listed by name with their fate
	Sum      Derivation = "sum"      // adding up parts
)

// Count is a figure as the text gives it. Low is the stated number (for "up to"
// the stated maximum, for vague words the conservative reading: several 3,
// dozens 12, scores 20, hundreds 100). High is the upper bound, nil for open
// bounds (at least, more than, vague); for exact, about and up to it equals Low.
type Count struct {
	Low       int64
	High      *int64
	Qualifier Qualifier
	Text      string // the words of the figure as written, e.g. "at least a thousand"
}

// Claim is one casualty figure with who states it, of whom and in what scope.
type Claim struct {
	Category  Category
	Count     Count
	Who       string // the victims counted: "North Korean soldiers"
	ClaimedBy string // the source the text attributes it to; "" when the article speaks in its own voice
	Scope     Scope
	Where     string    // the place its sentence names, as written ("Kursk region")
	When      string    // the date its sentence names, as written ("on Jan. 11")
	Place     *Place    // Where resolved against the gazetteer; nil when none
	Date      *DateSpan // When resolved against the publication date; nil when none
	Sentence  string
	Span      [2]int // byte offsets of the number in Document.Text
	PartOf    int    // index of the whole in the claim list, or -1
	Derived   Derivation
	// SelfReported: the claimant is the party that did the killing or capturing
	// ("the SOF killed 21 ...", reported the SOF).
	SelfReported bool
}

// Figure is a reconciled number: Best is what the system believes, Low and High
// bound what the sources say.
type Figure struct {
	Low  int64 `json:"low"`
	Best int64 `json:"best"`
	High int64 `json:"high"`
}

// Summary holds the figures of a document's main incident; a nil field means
// the document gives none for that category.
type Summary struct {
	Killed, Wounded, Captured, Missing *Figure
}

// Int64 returns a pointer to v, for Count.High.
func Int64(v int64) *int64 { return &v }
