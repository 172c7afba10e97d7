package tally

import (
	"encoding/json"
	"time"
)

// Incident is one event as several reports tell it: the documents grouped
// together, the figures they give side by side, and the reconciled toll.
type Incident struct {
	ID        string     `json:"id"`
	Docs      []string   `json:"docs"`   // document ids (as given in the input)
	Hashes    []string   `json:"hashes"` // document identities, same order
	Title     string     `json:"title"`
	Start     time.Time  `json:"-"`
	End       time.Time  `json:"-"`
	DatePrec  string     `json:"date_precision"` // day, week, month, season, year; "" when only report dates are known
	Where     *Place     `json:"where"`
	EventType string     `json:"event_type,omitempty"`     // ACLED event type, or "Shooting"
	SubType   string     `json:"sub_event_type,omitempty"` // ACLED sub-event type: "Drone strike", "Armed clash" ...
	SideA     string     `json:"side_a,omitempty"`         // perpetrator as the reports name it
	SideB     string     `json:"side_b,omitempty"`         // target as the reports name it
	Killed    *Tally     `json:"killed"`
	Wounded   *Tally     `json:"wounded"`
	Captured  *Tally     `json:"captured"`
	Missing   *Tally     `json:"missing"`
	Disputed  bool       `json:"disputed"`
	Grade     string     `json:"grade"`        // confirmed, corroborated, single source, contested
	GradeWhy  string     `json:"grade_reason"` // what the grade rests on
	Sources   []Source   `json:"sources"`
	Related   []string   `json:"related,omitempty"`    // ids of incidents that look alike but are other events
	Reasons   []Reason   `json:"reasons"`              // why each document is in the incident
	Outlets   int        `json:"outlets"`              // distinct outlets
	Syndicate [][]string `json:"syndicated,omitempty"` // groups of documents that are copies of one wire text
}

// Tally is a reconciled figure in the sense of UCDP (low, best, high) and
// ACLED (conservative: the lowest credible figure).
type Tally struct {
	Low          int64 `json:"low"`
	Best         int64 `json:"best"`
	High         int64 `json:"high"`
	Conservative int64 `json:"conservative"`
}

// Source is one figure one report gives for an incident.
type Source struct {
	Doc       string    `json:"doc"`
	Hash      string    `json:"hash"`
	Outlet    string    `json:"outlet"`
	ClaimedBy string    `json:"claimed_by"`
	Category  Category  `json:"category"`
	Count     CountJSON `json:"count"`
	Who       string    `json:"who,omitempty"` // the victims the figure counts
	Sentence  string    `json:"sentence"`
	Published time.Time `json:"reported,omitzero"` // when the report was published; zero if unknown
	Span      [2]int    `json:"span"`
	Derived   string    `json:"derived,omitempty"`
	Scope     Scope     `json:"scope"`
	// Toll marks the figure the report gives as the incident's toll in its
	// category (the one that enters low / best / high); the others are parts,
	// subgroups or earlier figures the report mentions.
	Toll bool `json:"toll,omitempty"`
}

// Reason explains why a document is in an incident: the document it was
// linked to and the evidence (text similarity, shared names, dates).
type Reason struct {
	Doc         string   `json:"doc"`
	LinkedTo    string   `json:"linked_to,omitempty"` // "" for the document that opened the incident
	Probability float64  `json:"probability"`
	Similarity  float64  `json:"similarity"`
	Days        int      `json:"days"` // days between the two event dates, -1 unknown
	Names       []string `json:"names,omitempty"`
	Figures     []string `json:"figures,omitempty"`
	Note        string   `json:"note"`
}

// Place is where something happened, resolved against the gazetteer when it could be.
type Place struct {
	Name      string  `json:"name"`
	Country   string  `json:"country"`
	Admin1    string  `json:"admin1,omitempty"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Precision string  `json:"precision"` // point, city, admin2, admin1, country
}

// IncidentFilter selects stored incidents. The zero value selects all.
type IncidentFilter struct {
	IDs     []string
	After   string    // cursor: the id of the last incident of the previous page (newest first, then by id)
	Limit   int       // at most this many; 0 means no limit
	From    time.Time // start date at or after
	To      time.Time // start date at or before
	Country string    // ISO 3166-1 alpha-2 code of the incident's place
	Type    string    // event type, as in Incident.EventType
	Query   string    // full-text search over the incidents' documents
	// Brief leaves out each incident's Sources, Reasons and Related: a
	// list's view, much cheaper to read.
	Brief bool
}

// MarshalJSON renders an incident in its CONTRACT.md shape, with the event
// dates as "start" and "end" (YYYY-MM-DD, null when unknown).
func (inc Incident) MarshalJSON() ([]byte, error) {
	type plain Incident
	var start, end *string
	if !inc.Start.IsZero() {
		s := inc.Start.Format(time.DateOnly)
		start = &s
	}
	if !inc.End.IsZero() {
		e := inc.End.Format(time.DateOnly)
		end = &e
	}
	return json.Marshal(struct {
		plain
		Start *string `json:"start"`
		End   *string `json:"end"`
	}{plain(inc), start, end})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (inc *Incident) UnmarshalJSON(b []byte) error {
	type plain Incident
	var w struct {
		plain
		Start *string `json:"start"`
		End   *string `json:"end"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*inc = Incident(w.plain)
	if w.Start != nil {
		inc.Start, _ = time.Parse(time.DateOnly, *w.Start)
	}
	if w.End != nil {
		inc.End, _ = time.Parse(time.DateOnly, *w.End)
	}
	return nil
}
