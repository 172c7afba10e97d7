package server

import (
	"sort"
	"strings"
	"unicode/utf8"

	"tally"
)

// segment is a run of document text: plain (Claim < 0) or the figure of
// claim number Claim. The template prints Text escaped, inside a <mark> for
// figures: the page's HTML is never built from raw text.
type segment struct {
	Text  string
	Claim int
	Cat   tally.Category
}

// segments cuts text at the claims' spans. Spans out of range, not on
// character boundaries, empty or overlapping an earlier one are left
// unmarked (their claim is still listed in the table).
func segments(text string, claims []tally.Claim) []segment {
	order := make([]int, 0, len(claims))
	for i, c := range claims {
		if validSpan(text, c.Span) {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return claims[order[a]].Span[0] < claims[order[b]].Span[0] })
	var out []segment
	pos := 0
	for _, i := range order {
		sp := claims[i].Span
		if sp[0] < pos {
			continue // overlaps the previous mark
		}
		if sp[0] > pos {
			out = append(out, segment{Text: text[pos:sp[0]], Claim: -1})
		}
		out = append(out, segment{Text: text[sp[0]:sp[1]], Claim: i, Cat: claims[i].Category})
		pos = sp[1]
	}
	if pos < len(text) {
		out = append(out, segment{Text: text[pos:], Claim: -1})
	}
	return out
}

func validSpan(text string, sp [2]int) bool {
	return sp[0] >= 0 && sp[0] < sp[1] && sp[1] <= len(text) &&
		utf8.RuneStart(text[sp[0]]) && (sp[1] == len(text) || utf8.RuneStart(text[sp[1]]))
}

// evidence is a source's sentence cut around its figure, for
// "…before <mark>figure</mark> after…".
type evidence struct {
	Before, Figure, After string
}

// cutEvidence finds the figure in the sentence: by its span when the
// document text is at hand and the sentence is in it, else by the figure's
// words; failing both the whole sentence is Before.
func cutEvidence(text, sentence string, span [2]int, figure string) evidence {
	if sentence != "" && text != "" && validSpan(text, span) {
		for off := 0; off < len(text); {
			i := strings.Index(text[off:], sentence)
			if i < 0 {
				break
			}
			i += off
			if span[0] >= i && span[1] <= i+len(sentence) {
				a, b := span[0]-i, span[1]-i
				return evidence{sentence[:a], sentence[a:b], sentence[b:]}
			}
			off = i + 1
		}
	}
	if figure != "" {
		if i := strings.Index(sentence, figure); i >= 0 {
			return evidence{sentence[:i], figure, sentence[i+len(figure):]}
		}
	}
	return evidence{Before: sentence}
}
