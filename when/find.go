package when

import (
	"strconv"
	"strings"
	"sync"
	"time"

	dps "github.com/markusmobius/go-dateparser"
)

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// seasons map to their first month (northern hemisphere: winter begins in December).
var seasons = map[string]time.Month{"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

// word is a token of the text being searched.
type word struct {
	w          string // lower case, without a trailing stop
	start, end int
	num        int  // value if all digits, else -1
	cap        bool // capitalised in the text
}

func words(text string) []word { return appendWords(nil, text) }

// wordPool recycles the word slices of Find.
var wordPool = sync.Pool{New: func() any { s := make([]word, 0, 256); return &s }}

// appendWords appends the words of text to out (see words).
func appendWords(out []word, text string) []word {
	low := lowerASCII(text) // one copy: the words' lower-case forms are slices of it
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
				j++
			}
			out = append(out, word{w: low[i:j], start: i, end: j, num: -1, cap: c <= 'Z'})
			if j < len(text) && text[j] == '.' {
				j++ // "Jan." keeps its stop in the span
				out[len(out)-1].end = j
			}
			i = j
		case c >= '0' && c <= '9':
			j := i
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			n, _ := strconv.Atoi(text[i:j])
			if j-i > 4 {
				n = -1
			}
			// ordinals: "11th", "1st"
			k := j
			if k+2 <= len(text) {
				switch strings.ToLower(text[k:min(k+2, len(text))]) {
				case "st", "nd", "rd", "th":
					if k+2 == len(text) || !isLetter(text[k+2]) {
						k += 2
					}
				}
			}
			out = append(out, word{w: text[i:j], start: i, end: k, num: n})
			i = k
		case c == ',' || c == '/' || c == '-':
			out = append(out, word{w: text[i : i+1], start: i, end: i + 1, num: -1})
			i++
		default:
			if c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' || c == '"' {
				out = append(out, word{w: text[i : i+1], start: i, end: i + 1, num: -1})
			}
			i++
		}
	}
	return out
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lowerASCII lower-cases the ASCII letters of text, or returns text itself
// when it has no capital (words reads only ASCII letters).
func lowerASCII(text string) string {
	i := 0
	for i < len(text) && !(text[i] >= 'A' && text[i] <= 'Z') {
		i++
	}
	if i == len(text) {
		return text
	}
	b := []byte(text)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Find returns the date expressions of text resolved against base (the
// publication date), in text order. Expressions that would lie more than two
// days after base are dropped: reports tell of the past.
func Find(text string, base time.Time) []Span {
	buf := wordPool.Get().(*[]word)
	defer func() { *buf = (*buf)[:0]; wordPool.Put(buf) }()
	ws := appendWords((*buf)[:0], text)
	*buf = ws
	var out []Span
	for i := 0; i < len(ws); {
		if ws[i].num < 0 && !mayStart(ws[i].w) {
			i++ // no date expression begins with this word
			continue
		}
		s, n := match(ws, i, base)
		if n == 0 {
			i++
			continue
		}
		s.At = [2]int{ws[i].start, ws[i+n-1].end}
		s.Text = text[s.At[0]:s.At[1]]
		if !s.Start.After(truncate(base).AddDate(0, 0, 2)) {
			out = append(out, s)
		}
		i += n
	}
	return out
}

// mayStart says whether match can begin at a word that is no number: a
// month, a weekday, or one of the words of the relative and partial forms.
// It must list every first word match knows.
func mayStart(w string) bool {
	switch w {
	case "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july",
		"jul", "august", "aug", "september", "sept", "sep", "october", "oct", "november", "nov", "december", "dec",
		"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
		"late", "early", "mid", "today", "tonight", "yesterday", "this", "last", "in", "since", "during":
		return true
	}
	return false
}

// Parse resolves one date expression (a byline's "January 13, 2025 12:19 PM",
// a JSON field) against base. The hand-written reader goes first; what it
// does not know goes to go-dateparser.
func Parse(expr string, base time.Time) (time.Time, bool) {
	ws := words(expr)
	// A calendar date wins over the weekday before it: "Tuesday, January 28, 2014".
	for pass := 0; pass < 2; pass++ {
		for i := range ws {
			if _, wd := weekdays[ws[i].w]; wd && pass == 0 {
				continue
			}
			if s, n := match(ws, i, base); n > 0 && s.Precision == Day {
				if t := withClock(s.Start, expr[ws[i+n-1].end:]); !t.Equal(s.Start) {
					return t, true
				}
				return withClock(s.Start, clockBefore(expr[:ws[i].start])), true // "Updated 3:05 p.m. CDT, July 4"
			}
		}
	}
	cfg := &dps.Configuration{Languages: fallbackLanguages, CurrentTime: base, PreferredDateSource: dps.Past, DefaultTimezone: time.UTC}
	d, err := dps.Parse(cfg, expr)
	if err != nil || d.Time.IsZero() {
		return time.Time{}, false
	}
	return d.Time, true
}

// fallbackLanguages are the languages go-dateparser tries; each costs ~15 ms
// the first time it is used (its locale data loads lazily), all of them ~0.3 s.
var fallbackLanguages = []string{"en", "es", "fr", "de", "pt", "it", "ru", "uk", "ar"}

// clockBefore is the text from the last "h:mm" in s on: the time printed
// before a date.
func clockBefore(s string) string {
	for i := len(s) - 3; i >= 1; i-- {
		if s[i] == ':' && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '9' {
			j := i - 1
			if j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
				j--
			}
			return s[j:]
		}
	}
	return ""
}

// withClock adds a following "12:19 PM" (and its time zone) to a day.
func withClock(d time.Time, rest string) time.Time {
	rest = strings.TrimLeft(rest, " ,at")
	h, m := 0, 0
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		h = h*10 + int(rest[i]-'0')
		i++
	}
	if i == 0 || i > 2 || i >= len(rest) || rest[i] != ':' {
		return d
	}
	i++
	j := i
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		m = m*10 + int(rest[j]-'0')
		j++
	}
	if j-i != 2 || h > 23 || m > 59 {
		return d
	}
	ampm := strings.ToLower(strings.TrimSpace(rest[j:]))
	switch {
	case strings.HasPrefix(ampm, "pm") || strings.HasPrefix(ampm, "p.m"):
		if h < 12 {
			h += 12
		}
		ampm = afterMeridiem(ampm)
	case strings.HasPrefix(ampm, "am") || strings.HasPrefix(ampm, "a.m"):
		if h == 12 {
			h = 0
		}
		ampm = afterMeridiem(ampm)
	}
	loc := d.Location()
	if z, ok := zoneAfter(ampm); ok {
		loc = z
	}
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, loc)
}

// afterMeridiem is what follows "pm", "p.m." or "p.m" at the start of s.
func afterMeridiem(s string) string {
	n := 2
	if len(s) > 1 && s[1] == '.' {
		n = 3
	}
	return strings.TrimLeft(s[min(n, len(s)):], ". ")
}

// zones are the offsets (hours east of UTC) of the time-zone abbreviations
// news sites print after a time. Ambiguous ones ("IST": India or Ireland;
// "ET": EST or EDT) are left out: the time stays in UTC.
var zones = map[string]float64{"utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
	"mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10, "bst": 1, "cet": 1,
	"cest": 2, "eet": 2, "eest": 3, "msk": 3, "kst": 9, "jst": 9, "pkt": 5, "aest": 10, "aedt": 11}

// zoneAfter reads a time zone at the start of s (lower case): "est",
// "gmt+3", "utc-05:00", "+0300".
func zoneAfter(s string) (*time.Location, bool) {
	end := 0
	for end < len(s) && (s[end] >= 'a' && s[end] <= 'z') {
		end++
	}
	name, rest := s[:end], s[end:]
	base, ok := zones[name]
	if end > 0 && !ok {
		return nil, false
	}
	if end > 0 && name != "utc" && name != "gmt" {
		return time.FixedZone(strings.ToUpper(name), int(base*3600)), true
	}
	// an offset: "+03:00", "-0500", "+3", alone or after UTC/GMT
	if len(rest) < 2 || rest[0] != '+' && rest[0] != '-' {
		if end > 0 {
			return time.UTC, true
		}
		return nil, false
	}
	sign := 1
	if rest[0] == '-' {
		sign = -1
	}
	digits := ""
	for i := 1; i < len(rest) && len(digits) < 4; i++ {
		if c := rest[i]; c >= '0' && c <= '9' {
			digits += string(c)
		} else if c != ':' {
			break
		}
	}
	var hh, mm int
	switch len(digits) {
	case 1, 2:
		hh, _ = strconv.Atoi(digits)
	case 3, 4:
		hh, _ = strconv.Atoi(digits[:len(digits)-2])
		mm, _ = strconv.Atoi(digits[len(digits)-2:])
	default:
		return nil, false
	}
	if hh > 14 || mm > 59 {
		return nil, false
	}
	off := sign * (hh*3600 + mm*60)
	return time.FixedZone("", off), true
}

// match reads a date expression at ws[i]; it returns the span and how many words it took (0: none).
func match(ws []word, i int, base time.Time) (Span, int) {
	w := ws[i]
	next := func(k int) string {
		if i+k < len(ws) {
			return ws[i+k].w
		}
		return ""
	}
	// "late December", "early January 2016", "mid-March"
	if part := w.w; part == "late" || part == "early" || part == "mid" {
		k := 1
		if next(1) == "-" {
			k = 2
		}
		if m, ok := months[next(k)]; ok && ws[i+k].cap {
			y, n := yearAfter(ws, i+k+1, monthBefore(m, base))
			lo, hi := 1, monthEnd(y, m).Day()
			switch part {
			case "early":
				hi = 10
			case "mid":
				lo, hi = 11, 20
			case "late":
				lo = 21
			}
			return span(day(y, m, lo), day(y, m, hi), Month), k + 1 + n
		}
	}
	// "Jan. 11", "January 11, 2025", "Aug. 6", "January 2016", "in December"
	if m, ok := months[w.w]; ok && w.cap && !(w.w == "may" && !monthContext(ws, i)) && !(w.w == "march" && !monthContext(ws, i)) {
		if d := num(ws, i+1); d >= 1 && d <= 31 && !isYear(ws, i+1) {
			y, n := yearAfter(ws, i+2, -1)
			t := day(y, m, d)
			if y < 0 {
				t = dayBefore(m, d, base)
			}
			if t.Month() != m {
				return Span{}, 0 // "Feb. 30"
			}
			return span(t, t, Day), 2 + n
		}
		if y := num(ws, i+1); isYear(ws, i+1) {
			return span(day(y, m, 1), monthEnd(y, m), Month), 2
		}
		if i > 0 && (ws[i-1].w == "in" || ws[i-1].w == "since" || ws[i-1].w == "during" || ws[i-1].w == "of") {
			y := monthBefore(m, base)
			return span(day(y, m, 1), monthEnd(y, m), Month), 1
		}
	}
	// "11 January 2025", "2 Oct 88"
	if d := w.num; d >= 1 && d <= 31 && i+1 < len(ws) {
		if m, ok := months[ws[i+1].w]; ok && ws[i+1].cap {
			y, n := yearAfter(ws, i+2, -1)
			t := day(y, m, d)
			if y < 0 {
				t = dayBefore(m, d, base)
			}
			if t.Month() != m {
				return Span{}, 0
			}
			return span(t, t, Day), 2 + n
		}
	}
	// "1/28/2014", "1/28/14"
	if w.num >= 1 && w.num <= 12 && next(1) == "/" && num(ws, i+2) >= 1 && num(ws, i+2) <= 31 && next(3) == "/" {
		if y := num(ws, i+4); y >= 0 {
			y = fullYear(y, ws[i+4].end-ws[i+4].start)
			t := day(y, time.Month(w.num), num(ws, i+2))
			return span(t, t, Day), 5
		}
	}
	// "Tuesday", "on Saturday night", "last Tuesday"
	if wd, ok := weekdays[w.w]; ok {
		t := weekdayBefore(wd, base)
		if i > 0 && ws[i-1].w == "last" && t.Equal(truncate(base)) {
			t = t.AddDate(0, 0, -7)
		}
		if i > 0 && ws[i-1].w == "next" {
			return Span{}, 0
		}
		n := 1
		switch next(1) {
		case "night", "morning", "afternoon", "evening":
			n = 2
		}
		return span(t, t, Day), n
	}
	b := truncate(base)
	switch w.w {
	case "today", "tonight":
		return span(b, b, Day), 1
	case "yesterday":
		t := b.AddDate(0, 0, -1)
		return span(t, t, Day), 1
	case "this":
		switch next(1) {
		case "morning", "afternoon", "evening":
			return span(b, b, Day), 2
		case "week":
			start := b.AddDate(0, 0, -((int(b.Weekday()) + 6) % 7))
			return span(start, start.AddDate(0, 0, 6), Week), 2
		case "month":
			return span(day(b.Year(), b.Month(), 1), monthEnd(b.Year(), b.Month()), Month), 2
		case "year":
			return span(day(b.Year(), 1, 1), day(b.Year(), 12, 31), Year), 2
		}
		if m, ok := seasons[next(1)]; ok {
			return seasonSpan(m, base, false), 2
		}
	case "last":
		switch next(1) {
		case "night":
			t := b.AddDate(0, 0, -1)
			return span(t, t, Day), 2
		case "week":
			start := b.AddDate(0, 0, -((int(b.Weekday())+6)%7)-7)
			return span(start, start.AddDate(0, 0, 6), Week), 2
		case "weekend":
			sat := weekdayBefore(time.Saturday, b.AddDate(0, 0, -1))
			return span(sat, sat.AddDate(0, 0, 1), Week), 2
		case "month":
			first := day(b.Year(), b.Month(), 1).AddDate(0, -1, 0)
			return span(first, monthEnd(first.Year(), first.Month()), Month), 2
		case "year":
			return span(day(b.Year()-1, 1, 1), day(b.Year()-1, 12, 31), Year), 2
		}
		if m, ok := seasons[next(1)]; ok {
			return seasonSpan(m, base, true), 2
		}
	case "in", "since", "during":
		// "in 2019": a year alone
		if y := num(ws, i+1); isYear(ws, i+1) && next(2) != "/" {
			return span(day(y, 1, 1), day(y, 12, 31), Year), 2
		}
	}
	return Span{}, 0
}

// monthContext says whether "May"/"March" at i is a month: a number or "in"/"since" is next to it.
func monthContext(ws []word, i int) bool {
	if i+1 < len(ws) && ws[i+1].num >= 0 {
		return true
	}
	return i > 0 && (ws[i-1].w == "in" || ws[i-1].w == "since" || ws[i-1].w == "early" || ws[i-1].w == "late" || ws[i-1].w == "mid" || ws[i-1].w == "-" || ws[i-1].num >= 1)
}

// seasonSpan resolves "last fall" (prev true) or "this summer" against base.
func seasonSpan(first time.Month, base time.Time, prev bool) Span {
	b := truncate(base)
	y := b.Year()
	start := day(y, first, 1)
	if start.After(b) {
		start = start.AddDate(-1, 0, 0)
	}
	end := start.AddDate(0, 3, -1)
	if prev && !end.Before(b) {
		// still in that season: "last fall" is the one before
		start, end = start.AddDate(-1, 0, 0), end.AddDate(-1, 0, 0)
	}
	return span(start, end, Season)
}

// num returns the number at ws[i], or -1.
func num(ws []word, i int) int {
	if i < len(ws) {
		return ws[i].num
	}
	return -1
}

// isYear says whether ws[i] is a four-digit year.
func isYear(ws []word, i int) bool {
	return i < len(ws) && ws[i].num >= 1800 && ws[i].num <= 2100 && ws[i].end-ws[i].start == 4
}

// yearAfter reads ", 2025" or " 88" after a month and day; it returns the
// year (def if none) and how many words it took.
func yearAfter(ws []word, i int, def int) (int, int) {
	k := i
	if k < len(ws) && ws[k].w == "," {
		k++
	}
	if isYear(ws, k) {
		return ws[k].num, k - i + 1
	}
	// two-digit years of wire copy: "2 Oct 88"
	if k == i && k < len(ws) && ws[k].num >= 0 && ws[k].end-ws[k].start == 2 {
		return fullYear(ws[k].num, 2), 1
	}
	return def, 0
}

func fullYear(y, digits int) int {
	if digits > 2 {
		return y
	}
	if y > 30 {
		return 1900 + y
	}
	return 2000 + y
}
