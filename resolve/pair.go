package resolve

import (
	"math"
	"strings"
)

// pairFeatures are the evidence that two reports tell of the same event.
// The names say what each feature is; weights (below) combine them.
type pairFeatures [nFeatures]float64

const (
	fBias = iota
	fCosine
	fTitleCosine
	fNames    // shared person names, up to 2
	fSameDay  // event dates at most a day apart
	fWeek     // 2–7 days apart
	fMonth    // 8–30 days apart
	fLater    // more than 30 days apart
	fFollowUp // either is a later stage (charges, trial, sentence)
	fFollowUpLater
	fSamePlace // same dateline place
	fOtherPlace
	fSameKilled  // same number killed (at least one)
	fOtherKilled // both give a number killed, different
	fFigures     // stated casualty figures both give (category and number, 3 or more), up to 3
	fSameTown    // both reports' events are placed in the same city
	fOtherRegion // placed in different first-level regions (states, oblasts) or countries
	nFeatures
)

// weights of the pair model: a logistic regression fitted on candidate pairs
// of the gun-violence corpus (../shared/data/gva, labels from its incident
// registry) by TestFitWeights; `go test ./resolve -run FitWeights -fit`
// refits and prints them. Two-fold cross-validation by incident is reported
// in that test's output.
var weights = pairFeatures{
	fBias: -4.160, fCosine: 8.253, fTitleCosine: 2.532, fNames: 4.640, fSameDay: 2.033, fWeek: -0.118,
	fMonth: -1.811, fLater: -4.264, fFollowUp: 0.516, fFollowUpLater: 1.534, fSamePlace: -0.236,
	fOtherPlace: -0.494, fSameKilled: 1.457, fOtherKilled: 0.630, fFigures: 1.399, fSameTown: 0.858,
	fOtherRegion: -1.569,
}

// features computes the evidence for a pair and the shared names.
func features(a, b *doc) (pairFeatures, link) {
	var f pairFeatures
	l := link{days: -1}
	f[fBias] = 1
	l.cosine = cosineSorted(a.vec, b.vec)
	f[fCosine] = l.cosine
	f[fTitleCosine] = cosineSorted(a.title, b.title)
	for _, n := range a.names {
		for _, m := range b.names {
			if n == m {
				l.names = append(l.names, n)
				break
			}
		}
	}
	f[fNames] = float64(min(len(l.names), 2))
	if a.datePrec != "" && b.datePrec != "" {
		days := int(math.Abs(a.date.Sub(b.date).Hours() / 24))
		l.days = days
		switch {
		case days <= 1:
			f[fSameDay] = 1
		case days <= 7:
			f[fWeek] = 1
		case days <= 30:
			f[fMonth] = 1
		default:
			f[fLater] = 1
		}
	}
	if a.followUp || b.followUp {
		f[fFollowUp] = 1
		f[fFollowUpLater] = f[fLater]
	}
	if a.place != "" && b.place != "" {
		if a.place == b.place {
			f[fSamePlace] = 1
		} else {
			f[fOtherPlace] = 1
		}
	}
	if a.killed > 0 && b.killed > 0 {
		if a.killed == b.killed {
			f[fSameKilled] = 1
		}
	}
	if a.killed >= 0 && b.killed >= 0 && a.killed != b.killed {
		f[fOtherKilled] = 1
	}
	for _, x := range a.figures {
		for _, y := range b.figures {
			if x == y {
				l.figures = append(l.figures, x)
				break
			}
		}
	}
	f[fFigures] = float64(min(len(l.figures), 3))
	if p, q := a.where, b.where; p != nil && q != nil {
		switch {
		case p.Precision == "city" && q.Precision == "city" && p.Name == q.Name && p.Country == q.Country && p.Admin1 == q.Admin1:
			f[fSameTown] = 1
		case p.Country != q.Country || p.Admin1 != "" && q.Admin1 != "" && p.Admin1 != q.Admin1:
			f[fOtherRegion] = 1
		}
	}
	return f, l
}

// probability combines the evidence with the weights.
func (f pairFeatures) probability(w pairFeatures) float64 {
	var z float64
	for i := range f {
		z += f[i] * w[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// datelinePlace reads the place of a wire dateline opening the body:
// "SANDUSKY — ...", "INDIANAPOLIS, Ind. (WISH) – ...", "Paris (CNN) ...".
func datelinePlace(body string) string {
	s := body
	if len(s) > 80 {
		s = s[:80]
	}
	i := 0
	upper := true
	for i < len(s) {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			upper = false
		}
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == ' ' || c == '.' || c == '\'' || c == '-') {
			break
		}
		if c == '-' && i+1 < len(s) && s[i+1] == ' ' {
			break
		}
		i++
	}
	name := strings.TrimSpace(s[:i])
	if len(name) < 3 || len(name) > 30 || i >= len(s) {
		return ""
	}
	rest := s[i:]
	switch {
	case upper && (rest[0] == ',' || strings.HasPrefix(rest, " (") || strings.HasPrefix(rest, "- ") || strings.HasPrefix(strings.TrimLeft(rest, " "), "-")):
		return strings.ToLower(name)
	case rest[0] == '(' || strings.HasPrefix(rest, " ("):
		if j := strings.IndexByte(rest, ')'); j > 0 && j < 12 {
			return strings.ToLower(name) // "Paris (CNN)"
		}
	case rest[0] == ',':
		// "Bogota, 2 Oct 88 (AFP) --": a place, a date, an agency
		if j := strings.IndexByte(rest, '('); j > 0 && j < 24 && strings.ContainsAny(rest[:j], "0123456789") {
			return strings.ToLower(name)
		}
	}
	return ""
}
