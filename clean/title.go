package clean

import (
	"strings"
	"unicode"
)

// titleSeparators split a headline from the site name pages append to it.
var titleSeparators = []string{" | ", " - ", " « ", " » ", " :: ", " // "}

// SplitTitle removes the site name and section labels pages append to a
// headline ("... - WKRN News 2", "... | Sudan war News | Al Jazeera"). It
// returns the headline and the last segment removed (the outlet), if any. A
// segment is removed only if it reads like a name (mostly capitalised, at most
// six words, no casualty figure) and at least three words of headline remain.
func SplitTitle(title, outlet string) (string, string) {
	var removed string
	for {
		cut, sep := -1, ""
		for _, s := range titleSeparators {
			if i := strings.LastIndex(title, s); i > cut {
				cut, sep = i, s
			}
		}
		if cut < 0 {
			return title, removed
		}
		head, tail := strings.TrimSpace(title[:cut]), strings.TrimSpace(title[cut+len(sep):])
		if !namelike(tail, outlet) || fewerFields(head, 3) {
			return title, removed
		}
		if removed == "" {
			removed = tail
		}
		title = head
	}
}

// namelike says whether a title segment is a site or section name.
func namelike(seg, outlet string) bool {
	if seg == "" {
		return true
	}
	if outlet != "" && strings.EqualFold(seg, outlet) {
		return true
	}
	words := strings.Fields(seg)
	limit := 6
	if siteWords(words) {
		limit = 12 // "KSLA News 12 Shreveport, Louisiana News Weather & Sports"
	}
	if len(words) > limit || StatesFigure(strings.ToLower(seg)) {
		return false
	}
	capital := 0
	for _, w := range words {
		c := w[0]
		if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '&' {
			capital++
		}
	}
	return capital*3 >= len(words)*2
}

// unglue removes a copy of the title from the start of the body: scraped
// texts often begin with the headline, sometimes glued to the first sentence
// ("...Los Angeles TimesJassely Lupoe, a 5-year-old").
func unglue(lines []string, title, raw string) []string {
	raw = strings.ReplaceAll(Normalize(raw), "\n", " ")
	for i, line := range lines {
		if line == "" {
			continue
		}
		for _, t := range []string{raw, title} {
			if t != "" && strings.HasPrefix(line, t) {
				lines[i] = strings.TrimSpace(line[len(t):])
				return lines
			}
		}
		return lines
	}
	return lines
}

// findTitle takes the title of a text-mode article from its first lines: the
// first line that is not furniture, if it is short enough to be a headline.
// When a later line repeats the end of it, the title is that line (a section
// label glued to the headline: "ConflictsUkrainian forces ...").
func findTitle(lines []string) (string, []string) {
	f := Filter{}
	for i, line := range lines {
		if line == "" || f.Judge(line) != Keep {
			continue
		}
		words := strings.Count(line, " ") + 1
		last := line[len(line)-1]
		if words > 30 || words > 14 && (last == '.' || last == '"') {
			return "", lines
		}
		title := line
		for j := i + 1; j < len(lines) && j < i+6; j++ {
			if l := lines[j]; len(l) >= 12 && l != line && strings.HasSuffix(line, l) {
				title = l
				break
			}
		}
		rest := append(append([]string{}, lines[:i]...), lines[i+1:]...)
		return title, rest
	}
	return "", lines
}

// siteWords says whether a segment names a news site: "News", "Weather",
// "Sports", "TV", "Radio", a domain.
func siteWords(words []string) bool {
	for _, w := range words {
		switch strings.ToLower(strings.Trim(w, ",.:;")) {
		case "news", "weather", "sports", "tv", "radio", "channel", "newspaper", "online":
			return true
		}
		if strings.Contains(w, ".com") || strings.Contains(w, ".org") || strings.Contains(w, ".net") {
			return true
		}
	}
	return false
}

// fewerFields says whether s has fewer than n fields (as strings.Fields
// splits it), without making them.
func fewerFields(s string, n int) bool {
	if n <= 0 {
		return false
	}
	fields, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			if fields++; fields >= n {
				return false
			}
		}
	}
	return true
}
