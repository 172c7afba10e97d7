package tally

import "time"

// The wire types below are the JSON of CONTRACT.md: what `tally extract`
// prints and `tally eval` reads. Field names are fixed by the contract; add
// fields freely, rename none.

// CountJSON is a Count on the wire.
type CountJSON struct {
	Low       int64     `json:"low"`
	High      *int64    `json:"high"`
	Qualifier Qualifier `json:"qualifier"`
	Text      string    `json:"text"`
}

// ClaimJSON is a Claim on the wire. Empty strings become null.
type ClaimJSON struct {
	Category  Category   `json:"category"`
	Count     CountJSON  `json:"count"`
	Who       *string    `json:"who"`
	ClaimedBy *string    `json:"claimed_by"`
	Scope     Scope      `json:"scope"`
	Where     *string    `json:"where"`
	When      *string    `json:"when"`
	Place     *Place     `json:"place,omitempty"` // Where on the map
	Date      *DateSpan  `json:"date,omitempty"`  // When as an interval with its precision
	Sentence  string     `json:"sentence"`
	Span      [2]int     `json:"span"`
	PartOf    *int       `json:"part_of,omitempty"`
	Derived   Derivation `json:"derived,omitempty"`
	// SelfReported: the claimant is the party that did the killing or capturing.
	SelfReported bool `json:"self_reported,omitempty"`
}

// SummaryJSON is a Summary on the wire.
type SummaryJSON struct {
	Killed   *Figure `json:"killed"`
	Wounded  *Figure `json:"wounded"`
	Captured *Figure `json:"captured"`
	Missing  *Figure `json:"missing"`
}

// ExtractionJSON is one line of `tally extract` output.
type ExtractionJSON struct {
	Doc       string      `json:"doc"`
	Hash      string      `json:"hash"`
	Title     string      `json:"title"`
	Outlet    *string     `json:"outlet"`
	URL       *string     `json:"url"`
	Published *string     `json:"published"`
	Lang      string      `json:"lang"`
	Summary   SummaryJSON `json:"summary"`
	Claims    []ClaimJSON `json:"claims"`
	People    []Person    `json:"people,omitempty"`
	Event     *Event      `json:"event,omitempty"` // when, where, who and what of the main incident
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Wire converts an extraction to its CONTRACT.md shape.
func (x *Extraction) Wire() ExtractionJSON {
	w := ExtractionJSON{
		Doc:    x.Doc.ID,
		Hash:   x.Doc.Hash,
		Title:  x.Doc.Title,
		Outlet: nullable(x.Doc.Outlet),
		URL:    nullable(x.Doc.URL),
		Lang:   x.Doc.Lang,
		Summary: SummaryJSON{
			Killed: x.Summary.Killed, Wounded: x.Summary.Wounded,
			Captured: x.Summary.Captured, Missing: x.Summary.Missing,
		},
		Claims: make([]ClaimJSON, len(x.Claims)),
		People: x.People,
		Event:  x.Event,
	}
	if !x.Doc.Published.IsZero() {
		s := x.Doc.Published.Format(time.RFC3339)
		w.Published = &s
	}
	for i, c := range x.Claims {
		w.Claims[i] = c.Wire()
	}
	return w
}

// Wire converts a claim to its CONTRACT.md shape.
func (c *Claim) Wire() ClaimJSON {
	w := ClaimJSON{
		Category:  c.Category,
		Count:     CountJSON{c.Count.Low, c.Count.High, c.Count.Qualifier, c.Count.Text},
		Who:       nullable(c.Who),
		ClaimedBy: nullable(c.ClaimedBy),
		Scope:     c.Scope,
		Where:     nullable(c.Where),
		When:      nullable(c.When),
		Place:     c.Place,
		Date:      c.Date,
		Sentence:  c.Sentence,
		Span:      c.Span,
		Derived:   c.Derived,

		SelfReported: c.SelfReported,
	}
	if c.PartOf >= 0 {
		p := c.PartOf
		w.PartOf = &p
	}
	return w
}
