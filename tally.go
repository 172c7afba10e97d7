// Package tally holds the domain of the casualty ledger: the articles it reads,
// the documents it keeps, the casualty claims it finds in them and the small
// interfaces the storage engines implement.
//
// Every other package adapts one technology or one stage of the pipeline
// (source → clean → extract → resolve → store → server) and imports this one;
// this package imports none of them.
package tally

import "time"

// Article is one report as a reader found it, before any cleaning: either Text
// (scraped text) or HTML (a saved page) is set, with whatever metadata the input
// carried. Origin and Line say where it came from, for error messages.
type Article struct {
	ID        string    // as given (JSON "id") or derived from the file name
	URL       string    // canonical address, if known
	Title     string    // headline, if the input had one apart from the text
	Outlet    string    // publisher, if known
	Published time.Time // zero when unknown
	Text      string    // scraped text; empty when HTML is set
	HTML      string    // raw page; empty when Text is set
	Origin    string    // file path, or "-" for standard input
	Line      int       // 1-based line for JSON Lines input, else 0
}

// Document is an article after cleaning: the text every span points into and
// the identity under which it is stored.
type Document struct {
	// Hash identifies the document: a hash of its cleaned text and URL.
	// Re-reading the same report yields the same Hash.
	Hash      string
	ID        string
	URL       string
	Title     string
	Outlet    string
	Published time.Time
	Lang      string
	// Text is the cleaned text: the title, a blank line, then the body.
	// Claim spans are byte offsets into it.
	Text string
	// BodyStart is the byte offset in Text where the body begins (0 when there is no title).
	BodyStart int
	Origin    string
	Line      int
	// Seq is the document's position in its store (a cursor for paging), 0 if not stored.
	Seq int64
}

// Extraction is what the extractor makes of one document: its claims and the
// figures of the main incident it reports.
type Extraction struct {
	Doc     Document
	Claims  []Claim
	Summary Summary
	People  []Person
	// Event is what the document says of its main event: when, where, who
	// against whom, of what kind. Nil until resolved.
	Event *Event
}

// Event is the when, where, who and what of a document's main incident.
type Event struct {
	Date  *DateSpan `json:"date,omitempty"`
	Place *Place    `json:"where,omitempty"`
	// PlaceWeight is how strongly the report names Place: a dateline, the
	// headline and the toll's sentence weigh most (0.1: only the outlet's region).
	PlaceWeight float64 `json:"place_weight,omitempty"`
	EventType   string  `json:"event_type,omitempty"`
	SubType     string  `json:"sub_event_type,omitempty"`
	SideA       string  `json:"side_a,omitempty"`
	SideB       string  `json:"side_b,omitempty"`
}

// DateSpan is a date resolved from the text: the interval it covers and how
// precise it is (day, week, month, season, year).
type DateSpan struct {
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	Precision string    `json:"precision"`
	Text      string    `json:"text,omitempty"` // the words it was read from
}

// Person is someone a report names, with what befell them as far as the
// text says: the victims and suspects reports list instead of a number.
type Person struct {
	Name string `json:"name"`
	Age  int    `json:"age,omitempty"`
	Fate string `json:"fate,omitempty"` // "killed", "wounded", "unharmed" or ""
	Role string `json:"role,omitempty"` // "suspect" when the text calls them so, else ""
}
