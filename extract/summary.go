package extract

import (
	"strings"

	"tally"
)

// leadSentences is how many body sentences count as the lead.
const leadSentences = 3

// summarize answers, per category, "how many in the event this article is
// about?": the incident-scope figures stated in the title and lead (the
// largest, as tolls rise and leads report the latest), else in the body;
// cumulative and period figures never count.
func summarize(d *docState, claims []tally.Claim, tr *tracker) (tally.Summary, []summed) {
	var sum tally.Summary
	var sums []summed
	killed, hurt, victims := tr.counts()
	for _, cat := range []tally.Category{tally.Killed, tally.Wounded, tally.Captured, tally.Missing} {
		f, parts := stated(d, claims, cat)
		var total int64
		for _, i := range parts {
			total += claims[i].Count.Low
		}
		switch cat {
		case tally.Killed:
			f = atLeast(f, int64(killed))
			sum.Killed = f
		case tally.Wounded:
			// the people shot or hurt who are not among the dead, however the dead were counted
			dead := int64(killed)
			if sum.Killed != nil {
				dead = max(dead, sum.Killed.Best)
			}
			f = atLeast(f, max(int64(victims)-dead, int64(hurt)))
			// "four people were shot" and one died: three wounded.
			shot, others := shotCount(d, claims)
			if shot > 0 {
				dead := int64(0)
				if sum.Killed != nil {
					dead = sum.Killed.Best
				}
				f = atLeast(f, shot-dead)
			}
			// "left one person dead and sent one other to the hospital": others are not the dead.
			f = atLeast(f, others)
		}
		switch cat {
		case tally.Killed:
			sum.Killed = f
		case tally.Wounded:
			sum.Wounded = f
		case tally.Captured:
			sum.Captured = f
		case tally.Missing:
			sum.Missing = f
		}
		if len(parts) > 0 && f != nil && f.Best == total {
			sums = append(sums, summed{sumClaim(d, claims, parts, total), parts})
		}
	}
	return sum, sums
}

// summed is a toll the text gives in parts: its derived claim and the parts.
type summed struct {
	claim tally.Claim
	parts []int
}

// shotCount is the largest number of people stated as shot (killed or
// wounded, the text does not say which) in the title and lead, and the
// largest of those stated as others besides the dead ("one other person").
func shotCount(d *docState, claims []tally.Claim) (n, others int64) {
	for i, c := range claims {
		if d.out[i].f.shot && c.Scope == tally.ScopeIncident && c.PartOf < 0 && c.Count.Qualifier != tally.Vague && d.inLead(d.out[i].sent) {
			// "shot four others": others than the gunman, not than the dead.
			if d.others(i) && !d.shotBy(i) {
				others = max(others, c.Count.Low)
			} else {
				n = max(n, c.Count.Low)
			}
		}
	}
	return n, others
}

// atLeast raises a figure to n people counted one by one, or makes one.
func atLeast(f *tally.Figure, n int64) *tally.Figure {
	if n <= 0 {
		return f
	}
	if f == nil {
		return &tally.Figure{Low: n, Best: n, High: n}
	}
	if f.Best < n {
		f.Best = n
	}
	if f.High < n {
		f.High = n
	}
	return f
}

// stated reconciles the stated figures of one category: those of the title
// and lead if any, else all of the body's.
func stated(d *docState, claims []tally.Claim, cat tally.Category) (*tally.Figure, []int) {
	var lead, body []int
	for i, c := range claims {
		if c.Category != cat || c.Scope != tally.ScopeIncident || c.PartOf >= 0 || c.Count.Qualifier == tally.Vague {
			continue
		}
		if d.inLead(d.out[i].sent) {
			lead = append(lead, i)
		} else {
			body = append(body, i)
		}
	}
	pick := lead
	if len(pick) == 0 {
		pick = body
	}
	// Tolls of the dead rise and leads report the latest; the wounded fall as
	// they die, and the headline gives the figure the story stands by.
	if cat == tally.Wounded {
		var title []int
		for _, i := range pick {
			if d.sents[d.out[i].sent].cs.Title {
				title = append(title, i)
			}
		}
		if len(title) > 0 {
			pick = title
		}
	}
	if len(pick) == 0 {
		return nil, nil
	}
	f := &tally.Figure{Low: claims[pick[0]].Count.Low}
	// "2 shot and wounded, 3 others grazed": figures of others add to the one before them in the sentence.
	// A repeated figure is a repeat (captions run into the text), not more people.
	// So do a sentence's figures of other groups: "killed 13 US troops and 72 Afghans" is 85.
	run, runSent, last, prev := int64(0), -1, int64(-1), -1
	var members, parts []int // the claims of the current run, of the best one
	for _, i := range pick {
		p := d.out[i]
		if p.sent == runSent && claims[i].Count.Low != last && (d.others(i) || d.subgroup(claims, prev, i)) {
			run += claims[i].Count.Low
			members = append(members, i)
		} else {
			run, runSent = claims[i].Count.Low, p.sent
			members = append(members[:0], i)
		}
		last, prev = claims[i].Count.Low, i
		if run > f.Best {
			f.Best = run
			parts = append(parts[:0], members...)
		}
		if run > f.High {
			f.High = run
		}
	}
	for _, i := range pick {
		c := claims[i].Count
		if c.Low < f.Low {
			f.Low = c.Low
		}
		hi := c.Low
		if c.High != nil {
			hi = *c.High
		}
		if hi > f.High {
			f.High = hi
		}
		if c.Low > f.Best {
			f.Best = c.Low
			parts = parts[:0]
		}
	}
	if len(parts) < 2 {
		parts = nil
	}
	return f, parts
}

// sumClaim is the derived claim of a toll the text gives in parts ("13 US
// troops and 72 Afghans": 85), in the sentence and from the claimant of its
// parts: the figure a report's toll stands on.
func sumClaim(d *docState, claims []tally.Claim, parts []int, total int64) tally.Claim {
	first, lastC := claims[parts[0]], claims[parts[len(parts)-1]]
	c := first
	c.Count = tally.Count{Low: total, Qualifier: tally.Exact}
	whos := make([]string, 0, len(parts))
	for _, i := range parts {
		if q := claims[i].Count.Qualifier; q == tally.AtLeast || q == tally.MoreThan {
			c.Count.Qualifier = tally.AtLeast
		}
		if w := claims[i].Who; w != "" {
			whos = append(whos, w)
		}
	}
	c.Span = [2]int{first.Span[0], lastC.Span[1]}
	c.Count.Text = d.text[c.Span[0]:c.Span[1]]
	c.Who = strings.Join(whos, " and ")
	c.Derived = tally.Sum
	c.PartOf = -1
	return c
}

// inLead says whether sentence si is the title or one of the first body sentences.
func (d *docState) inLead(si int) bool {
	if si >= len(d.sents) {
		return false
	}
	if d.sents[si].cs.Title {
		return true
	}
	body := 0
	for k := 0; k < si; k++ {
		if !d.sents[k].cs.Title {
			body++
		}
	}
	return body < leadSentences
}

// others says whether claim i counts people besides those of the figure
// before it: "3 others", "the other three", "another 2", "two more".
func (d *docState) others(i int) bool {
	p := d.out[i]
	s := d.sents[p.sent].s
	n := p.f.n
	switch s.w(n.i - 1) {
	case "other", "another", "additional":
		return true
	}
	switch s.w(n.j) {
	case "others", "more", "other":
		return true
	}
	return false
}

// subgroup says whether claim i counts another group of victims than claim
// prev, listed with it in one sentence: "13 US troops and 72 Afghans", "five
// soldiers, two civilians". Both name whom they count, neither is a total
// ("90 people": "mostly Afghans and 13 US personnel" break it down), one
// claimant gives both, and only the first's victims, "and" or a comma lie
// between them.
func (d *docState) subgroup(claims []tally.Claim, prev, i int) bool {
	if prev < 0 {
		return false
	}
	a, b := claims[prev], claims[i]
	if a.Who == "" || b.Who == "" || a.ClaimedBy != b.ClaimedBy || totalWho(a.Who) || totalWho(b.Who) ||
		strings.EqualFold(a.Who, b.Who) || a.Span[1] > b.Span[0] {
		return false
	}
	gap := strings.TrimSpace(d.text[a.Span[1]:b.Span[0]])
	rest, ok := strings.CutPrefix(gap, a.Who)
	if !ok {
		return false
	}
	switch strings.TrimSpace(rest) {
	case "and", ",", ", and":
		return true
	}
	return false
}

// totalWho says whether a claim's victims are everyone: "people", "the dead".
func totalWho(who string) bool {
	w := strings.ToLower(who)
	w = strings.TrimPrefix(strings.TrimPrefix(w, "the "), "other ")
	switch w {
	case "people", "persons", "person", "individuals", "victims", "dead", "others", "casualties", "bodies":
		return true
	}
	return false
}

// shotBy says whether claim i is the object of a verb of shooting: "shot four others".
func (d *docState) shotBy(i int) bool {
	p := d.out[i]
	if p.f.cue > p.f.n.i {
		return false
	}
	switch d.sents[p.sent].s.w(p.f.cue) {
	case "shot", "shoot", "shoots", "shooting", "hitting", "striking", "wounding", "injuring":
		return true
	}
	return false
}
