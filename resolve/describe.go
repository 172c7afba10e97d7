package resolve

import (
	"math"
	"sort"
	"time"

	"tally"
	"tally/event"
	"tally/geo"
)

// describe sets an incident's where, when, type and sides from what its
// reports say (package event read them): the place most reports name
// (a more precise place inside it if nearly as many name it), the event day
// they agree on (else the earliest), the type most of them give, and the
// sides named most often once their names are normalised (SOF = SSO =
// "Special Operations Forces of Ukraine").
func describe(g *grouping, ms []int, inc *tally.Incident) {
	var places []*tally.Place
	var weights []float64
	var types, subs []string
	var sideA, sideB []string
	for _, i := range ms {
		if w := g.docs[i].where; w != nil {
			places = append(places, w)
			weights = append(weights, g.docs[i].whereWeight)
		}
		ev := g.docs[i].x.Event
		if ev == nil {
			continue
		}
		if ev.EventType != "" {
			types = append(types, ev.EventType)
		}
		sideA = append(sideA, ev.SideA)
		sideB = append(sideB, ev.SideB)
	}
	inc.Where = votePlace(places, weights)
	inc.EventType = vote(types)
	for _, i := range ms {
		if ev := g.docs[i].x.Event; ev != nil && ev.EventType == inc.EventType && ev.SubType != "" {
			subs = append(subs, ev.SubType)
		}
	}
	inc.SubType = vote(subs)
	inc.SideA, inc.SideB = voteActor(sideA), voteActor(sideB)
	inc.Start, inc.End, inc.DatePrec = incidentDates(g, ms)
}

// vote returns the most frequent non-empty value, the first seen on a tie.
func vote(vs []string) string {
	n := map[string]int{}
	best := ""
	for _, v := range vs {
		if v == "" {
			continue
		}
		n[v]++
		if n[v] > n[best] {
			best = v
		}
	}
	return best
}

// voteActor returns the actor most reports name, in its longest spelling.
func voteActor(names []string) string {
	g := geo.Default()
	n := map[string]int{}
	spelling := map[string]string{}
	best := ""
	for _, name := range names {
		k := event.ActorKey(g, name)
		if k == "" {
			continue
		}
		n[k]++
		if len(name) > len(spelling[k]) {
			spelling[k] = name
		}
		if n[k] > n[best] {
			best = k
		}
	}
	return spelling[best]
}

var precisionRank = map[string]int{"point": 4, "city": 3, "admin2": 2, "admin1": 1, "country": 0}

// votePlace returns the place its reports name most strongly: each
// report votes for its place with the weight of its words for it (a dateline
// or a headline more than a passing mention), at least 1; a more precise
// place inside the winner with at least half its votes wins ("Kursk Oblast"
// in three reports, "Sudzha" in two: Sudzha).
func votePlace(ps []*tally.Place, weights []float64) *tally.Place {
	if len(ps) == 0 {
		return nil
	}
	key := func(p *tally.Place) string { return p.Precision + ":" + p.Country + ":" + p.Admin1 + ":" + p.Name }
	n := map[string]float64{}
	first := map[string]*tally.Place{}
	var keys []string
	for i, p := range ps {
		k := key(p)
		if _, ok := first[k]; !ok {
			first[k] = p
			keys = append(keys, k)
		}
		n[k] += 1 + math.Log1p(weights[i])
	}
	sort.SliceStable(keys, func(i, j int) bool {
		if n[keys[i]] != n[keys[j]] {
			return n[keys[i]] > n[keys[j]]
		}
		return precisionRank[first[keys[i]].Precision] > precisionRank[first[keys[j]].Precision]
	})
	top := first[keys[0]]
	for _, k := range keys[1:] {
		p := first[k]
		within := p.Country == top.Country && (top.Precision == "country" || p.Admin1 == top.Admin1)
		if within && precisionRank[p.Precision] > precisionRank[top.Precision] && 2*n[k] >= n[keys[0]] {
			top = p
			break
		}
	}
	out := *top
	return &out
}

// incidentDates are the incident's event dates: the day most of its reports
// give as the event's (the earliest of those on a tie), else the earliest
// report day, to the latest within a week of it (later reports are
// follow-ups: charges, trials). The precision is that of the event dates
// ("" when only report dates are known).
func incidentDates(g *grouping, ms []int) (time.Time, time.Time, string) {
	n := map[time.Time]int{}
	var days []time.Time
	prec := ""
	for _, i := range ms {
		x := g.docs[i].x
		if x.Event == nil || x.Event.Date == nil || x.Event.Date.Precision == "" {
			continue
		}
		d := x.Event.Date.Start
		if n[d] == 0 {
			days = append(days, d)
		}
		n[d]++
		if prec == "" || x.Event.Date.Precision == "day" {
			prec = x.Event.Date.Precision
		}
	}
	var start time.Time
	if len(days) > 0 {
		sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
		start = days[0]
		for _, d := range days {
			if n[d] > n[start] {
				start = d
			}
		}
	} else {
		for _, i := range ms {
			if d := g.docs[i].date; !d.IsZero() && (start.IsZero() || d.Before(start)) {
				start = d
			}
		}
	}
	if start.IsZero() {
		return start, start, ""
	}
	end := start
	for _, i := range ms {
		d := g.docs[i].date
		if d.After(end) && d.Sub(start) <= 7*24*time.Hour {
			end = d
		}
	}
	return start, end, prec
}
