package extract

import "tally"

// Scope rules, in order:
//   - a running total ("so far", "already", "to date", "in total", "since ...",
//     "in the war") is cumulative;
//   - an explicit span ("over three days", "from late January to February 6",
//     "over the past 12 months", "per day") is a period;
//   - a figure tied to an event noun ("ambush", "attack", "strike") is one incident;
//   - a bare date span ("in late December", "in November", "last month") is a period;
//   - a large figure (1,000 or more) with none of these is an aggregate: cumulative;
//   - anything else is one incident.

var eventWords = set("attack", "attacks", "ambush", "strike", "airstrike", "bombing", "explosion", "explosions",
	"blast", "raid", "shooting", "battle", "clash", "clashes", "assault", "crash", "massacre", "shelling",
	"incident", "fire", "firefight", "engagement", "operation", "collision", "stabbing", "bombings",
	"shootings", "rampage", "siege", "standoff", "ambushed", "attacked", "bombed", "stormed", "exploded")

var spanUnits = set("days", "weeks", "months", "years", "hours", "day", "week", "month", "year", "decade",
	"decades", "nights")

func scopeOf(s *sent, f found) tally.Scope {
	weakPeriod, event := false, false
	for i := range s.toks {
		w := s.w(i)
		switch w {
		case "so":
			if s.w(i+1) == "far" {
				return tally.ScopeCumulative
			}
		case "already", "overall", "altogether", "cumulative", "cumulatively":
			return tally.ScopeCumulative
		case "to":
			if s.w(i+1) == "date" {
				return tally.ScopeCumulative
			}
		case "in":
			if s.w(i+1) == "total" || s.w(i+1) == "all" && s.w(i+2) == "," {
				return tally.ScopeCumulative
			}
			if s.w(i+1) == "the" && (s.w(i+2) == "war" || s.w(i+2) == "conflict" || s.w(i+2) == "fighting" && s.w(i+3) == "so") {
				return tally.ScopeCumulative
			}
			if (s.w(i+1) == "late" || s.w(i+1) == "early" || s.w(i+1) == "mid") && s.is(i+2, monthWords) || s.is(i+1, monthWords) && s.toks[min(i+1, len(s.toks)-1)].cap {
				weakPeriod = true
			}
			if s.w(i+1) == "the" && (s.w(i+2) == "last" || s.w(i+2) == "past") {
				return tally.ScopePeriod
			}
		case "since":
			return tally.ScopeCumulative
		case "total":
			if s.w(i-1) == "a" && s.w(i+1) == "of" {
				return tally.ScopeCumulative
			}
		case "over", "during", "throughout":
			k := i + 1
			for k < len(s.toks) && k < i+5 && (s.w(k) == "the" || s.w(k) == "past" || s.w(k) == "last" || s.w(k) == "just" || s.w(k) == "a" || s.toks[k].kind == tNum || units[s.w(k)] > 0 || tens[s.w(k)] > 0 || s.w(k) == "several" || s.w(k) == "few") {
				k++
			}
			if s.is(k, spanUnits) && k > i+1 {
				return tally.ScopePeriod
			}
		case "from":
			for k := i + 1; k < len(s.toks) && k < i+6; k++ {
				if s.w(k) == "to" || s.w(k) == "until" || s.w(k) == "through" {
					if s.is(k+1, monthWords) || s.is(i+1, monthWords) || s.is(i+2, monthWords) {
						return tally.ScopePeriod
					}
				}
			}
		case "per", "daily", "weekly", "monthly", "annually", "yearly":
			return tally.ScopePeriod
		case "last", "this":
			if s.w(i+1) == "month" || s.w(i+1) == "year" || s.w(i+1) == "week" || s.w(i+1) == "fall" || s.w(i+1) == "summer" || s.w(i+1) == "winter" || s.w(i+1) == "spring" {
				weakPeriod = true
			}
		}
		if s.is(i, eventWords) {
			event = true
		}
	}
	switch {
	case event:
		return tally.ScopeIncident
	case weakPeriod:
		return tally.ScopePeriod
	case f.n.low >= 1000 && f.derived == tally.Stated:
		return tally.ScopeCumulative
	}
	return tally.ScopeIncident
}
