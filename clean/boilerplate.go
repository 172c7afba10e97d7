package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The text-mode boilerplate filter is written by hand: go-trafilatura and its
// kin work on the DOM and have nothing for text that was already copied off a
// page, where the furniture is only recognisable by its wording and shape.
//
// It judges one line (a paragraph) at a time, with a little state: after a
// "Related"/"More news" header, short teaser lines are dropped until a real
// paragraph comes. Captions, credits and teasers that state a casualty figure
// are kept: a figure in the page is a claim in the text.

// Verdict says why a line is kept or dropped.
type Verdict uint8

// The verdicts of the filter.
const (
	Keep      Verdict = iota
	Furniture         // navigation, sign-up forms, share buttons, copyright notices
	Byline            // author and date lines, reading time
	Dateline          // a line that is only a date or time
	Caption           // image caption or credit
	Teaser            // related-article lists
	Duplicate         // a line already seen
)

// furnitureLines are whole lines (lower case, trailing punctuation removed) that are page furniture.
var furnitureLines = setOf(
	"skip to content", "skip to main content", "skip to navigation", "edit post", "menu", "search", "home",
	"subscribe", "subscribe now", "sign up", "sign up now", "sign in", "log in", "login", "register", "logout",
	"share", "share this", "share this article", "share this story", "print", "clip", "email", "tweet", "whatsapp",
	"facebook", "twitter", "linkedin", "reddit", "copy link", "comments", "comment", "leave a comment", "view comments",
	"news feed", "more news", "more", "more stories", "more from", "editors' picks", "editor's picks",
	"related", "related content", "related articles", "related stories", "related news", "related topics",
	"read more", "see more", "see also", "read next", "up next", "most read", "most popular", "most viewed", "trending",
	"trending now", "top stories", "latest news", "latest", "advertisement", "sponsored", "sponsored content",
	"ad", "close", "next", "previous", "back to top", "loading", "indicates required", "* indicates required",
	"successfuly subscribed", "successfully subscribed", "on this story", "on this topic", "more on this story",
	"more on this topic", "watch", "listen", "video", "photos", "gallery", "newsletter", "newsletters", "follow us",
	"you may also like", "recommended", "recommended for you", "what to read next", "live", "breaking",
	"continue reading", "show more", "load more", "accept", "accept all", "reject all", "cookie settings",
)

// furniturePrefixes start lines that are page furniture.
var furniturePrefixes = []string{
	"enter your email", "please, enter", "please enter", "thank you for signing up", "thanks for signing up",
	"this audio is", "listen to this", "subscribe to", "sign up for", "sign up to", "click here", "follow us",
	"follow us", "follow @", "download the", "get instant alerts", "notification", "© ", "©", "(c) ", "copyright ",
	"high quality global journalism", "please share this article", "by clicking", "we use cookies",
	"this website uses cookies", "this site uses cookies", "downloading, reproduction", "terms of use",
	"terms of service", "privacy policy", "cookie policy", "all rights reserved", "posted:", "updated:",
	"published:", "last updated", "read more:", "read also", "related:", "see also:", "more:", "watch:",
	"video:", "live:", "in pictures:", "listen:", "advertisement", "sponsored", "support our journalism",
	"we've sent you", "we have sent you", "successfuly subscribed", "successfully subscribed",
}

// furnitureAnywhere marks a line or sentence as furniture wherever it occurs.
var furnitureAnywhere = []string{
	"all rights reserved", "indicates required", "enter your email", "cookie policy", "privacy policy",
	"terms of service", "this material may not be published", "may not be published, broadcast",
	"ftsales.support", "enable javascript", "your browser does not support", "sign up for our newsletter",
	"please share this article", "copyright policy", "verification email", "activate your profile",
	"check your spam", "just one more thing", "already have an account", "create an account", "log in to comment",
	"you have reached your limit", "subscribe to continue", "please log in", "please disable your ad blocker",
}

// captionPrefixes start image captions and credits.
var captionPrefixes = []string{
	"images source", "image source", "image:", "images:", "photo:", "photos:", "photograph:", "picture:",
	"credit:", "image credit", "photo credit", "source:", "file photo", "file:", "pictured:", "caption:",
}

// teaserHeaders open a list of links to other articles.
var teaserHeaders = setOf(
	"related", "related content", "related articles", "related stories", "related news", "more news", "more",
	"more stories", "editors' picks", "editor's picks", "read more", "see also", "read next", "most read",
	"most popular", "trending", "top stories", "latest news", "on this story", "on this topic",
	"more on this story", "more on this topic", "you may also like", "recommended", "what to read next", "more:",
	"news feed",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Filter judges the lines of one article in order.
type Filter struct {
	inTeasers bool
	seen      []uint64        // hashes of the lines kept, while they are few
	seenMap   map[uint64]bool // all of them, once they are many
	seenBuf   [32]uint64      // seen's first memory
	lc        lowerer
}

// Judge returns the verdict for the next line.
func (f *Filter) Judge(line string) Verdict {
	if line == "" {
		return Keep
	}
	if n := galleryPrefix(line); n > 0 {
		// "Image 2 of 8 ...": a caption per picture; one that states a figure
		// is kept (Clean drops the counter), once.
		if rest := line[n:]; StatesFigure(strings.ToLower(rest)) {
			return f.dedup(rest)
		}
		return Caption
	}
	if len(line) > 400 {
		// A long line is a paragraph (or a whole article on one line): never
		// dropped whole; Sentences strips furniture sentences inside it.
		f.inTeasers = false
		return f.dedup(line)
	}
	lc := f.lc.lower(line)
	key := strings.TrimRight(lc, " .:!|>»")
	if teaserHeaders[key] {
		f.inTeasers = true
		return Teaser
	}
	if v := furniture(lc, key); v != Keep {
		return v
	}
	if isCaption(line, lc) && !StatesFigure(lc) {
		return Caption
	}
	if f.inTeasers {
		if isShortLine(line) {
			if !StatesFigure(lc) {
				return Teaser
			}
			return f.dedup(line)
		}
		f.inTeasers = false
	}
	if isDateline(lc) {
		return Dateline
	}
	if isByline(line, lc) {
		return Byline
	}
	return f.dedup(line)
}

// dedup drops a line seen before (case aside); lines of one or two words may repeat.
func (f *Filter) dedup(line string) Verdict {
	if strings.Count(line, " ") < 2 {
		return Keep
	}
	h := lineHash(line)
	if f.seenMap != nil {
		if f.seenMap[h] {
			return Duplicate
		}
		f.seenMap[h] = true
		return Keep
	}
	for _, s := range f.seen {
		if s == h {
			return Duplicate
		}
	}
	if f.seen == nil {
		f.seen = f.seenBuf[:0]
	}
	f.seen = append(f.seen, h)
	if len(f.seen) > 64 { // a long article: a set from now on
		f.seenMap = make(map[uint64]bool, 2*len(f.seen))
		for _, s := range f.seen {
			f.seenMap[s] = true
		}
	}
	return Keep
}

// lineHash hashes a line with its ASCII letters lower-cased, eight bytes at
// a time.
func lineHash(s string) uint64 {
	const k = 0xff51afd7ed558ccd
	h := uint64(len(s)) * 0x9e3779b97f4a7c15
	i := 0
	for ; i+8 <= len(s); i += 8 {
		h = (h ^ lower8(load64(s[i:]))) * k
		h ^= h >> 29
	}
	var tail uint64
	for shift := 0; i < len(s); i, shift = i+1, shift+8 {
		c := s[i]
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		tail |= uint64(c) << shift
	}
	h = (h ^ tail) * k
	return h ^ h>>32
}

// galleryPrefix returns the length of an "Image 2 of 8" prefix, or 0.
func galleryPrefix(line string) int {
	for _, p := range []string{"Image ", "Photo ", "Slide ", "Picture "} {
		if !strings.HasPrefix(line, p) {
			continue
		}
		rest := line[len(p):]
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || !strings.HasPrefix(rest[i:], " of ") {
			return 0
		}
		return len(p) + i + 4
	}
	return 0
}

// furniture recognises navigation, forms, share buttons and notices.
func furniture(lc, key string) Verdict {
	if furnitureLines[key] || onlySymbols(key) {
		return Furniture
	}
	if furnitureStarts.prefixOf(lc) {
		return Furniture
	}
	if IsFurnitureText(lc) {
		return Furniture
	}
	if isBreadcrumbs(lc) {
		return Furniture // breadcrumbs: "ft.com > World > Europe"
	}
	if isMenu(lc) {
		return Furniture // "Home | News | Sports | Obituaries | Subscribe"
	}
	if strings.HasPrefix(lc, "* list ") || strings.HasPrefix(lc, "list ") && strings.Contains(lc[:min(len(lc), 14)], " of ") {
		return Teaser // "* list 1 of 3Sudan military claims ..."
	}
	return Keep
}

// isBreadcrumbs: two " > " separators, or one in a line without sentence punctuation.
func isBreadcrumbs(lc string) bool {
	if strings.IndexByte(lc, '>') < 0 {
		return false
	}
	i := strings.Index(lc, " > ")
	if i < 0 {
		return false
	}
	return strings.Contains(lc[i+3:], " > ") || !strings.ContainsAny(lc, ".!?")
}

// IsFurnitureText reports whether a lower-case line or sentence contains a
// phrase that only page furniture contains (copyright and sign-up notices).
func IsFurnitureText(lc string) bool {
	return anywhere.in(lc)
}

var (
	anywhere        = newSkipSet(furnitureAnywhere)
	furnitureStarts = newPhraseSet(furniturePrefixes)
	captionStarts   = newPhraseSet(captionPrefixes)
)

// phraseSet finds any of a few phrases at word starts in one pass over a
// line, instead of one scan of the line per phrase. pairs has a bit for the
// first two bytes of every phrase, so most word starts are passed over
// without comparing a phrase.
type phraseSet struct {
	byFirst [256][]string
	pairs   [256][4]uint64
}

func newPhraseSet(phrases []string) *phraseSet {
	ps := &phraseSet{}
	for _, p := range phrases {
		if len(p) < 2 {
			panic("clean: a furniture phrase needs two bytes: " + p)
		}
		ps.byFirst[p[0]] = append(ps.byFirst[p[0]], p)
		ps.pairs[p[0]][p[1]>>6] |= 1 << (p[1] & 63)
	}
	return ps
}

// maybe says whether a phrase may start at s[i], which is not the last byte.
func (ps *phraseSet) maybe(s string, i int) bool {
	return ps.pairs[s[i]][s[i+1]>>6]&(1<<(s[i+1]&63)) != 0
}

// prefixOf reports whether s begins with one of the phrases.
func (ps *phraseSet) prefixOf(s string) bool {
	if len(s) < 2 || !ps.maybe(s, 0) {
		return false
	}
	for _, p := range ps.byFirst[s[0]] {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// in reports whether a phrase starts at a word start of s: at 0 or after a
// byte that is not a word byte.
func (ps *phraseSet) in(s string) bool {
	last := len(s) - 1 // a phrase has two bytes or more
	for i := 0; i < last; {
		// s[i] is at a word start.
		if ps.maybe(s, i) {
			for _, p := range ps.byFirst[s[i]] {
				if strings.HasPrefix(s[i:], p) {
					return true
				}
			}
		}
		if !wordByte[s[i]] {
			i++ // so is the next byte
			continue
		}
		// Skip the rest of the word and the byte that ends it.
		i++
		for i < last && wordByte[s[i]] {
			i++
		}
		i++
	}
	return false
}

// skipSet finds any of its phrases at a word start of a line, jumping over
// most of the line (Wu and Manber's multi-pattern search): the two bytes at
// the end of a window as long as the shortest phrase tell how far the window
// may move before a phrase can end in it. The furniture phrases are long
// (13 bytes or more), so a line is read a byte in ten or so.
type skipSet struct {
	min     int            // length of the shortest phrase
	shift   [1 << 12]uint8 // by hashed pair of bytes
	byFirst [256][]string  // phrases by first byte
}

func pairHash(a, b byte) int { return (int(a)<<4 ^ int(b)) & (1<<12 - 1) }

func newSkipSet(phrases []string) *skipSet {
	ss := &skipSet{min: 255}
	for _, p := range phrases {
		ss.min = min(ss.min, len(p))
		ss.byFirst[p[0]] = append(ss.byFirst[p[0]], p)
	}
	if ss.min < 2 {
		panic("clean: a furniture phrase needs two bytes")
	}
	for i := range ss.shift {
		ss.shift[i] = uint8(ss.min - 1)
	}
	for _, p := range phrases {
		// The pair ending at q (within the first min bytes) is min-1-q from the window's end.
		for q := 1; q < ss.min; q++ {
			h := pairHash(p[q-1], p[q])
			ss.shift[h] = min(ss.shift[h], uint8(ss.min-1-q))
		}
	}
	return ss
}

// in reports whether a phrase starts at a word start of s: at 0 or after a
// byte that is not a word byte.
func (ss *skipSet) in(s string) bool {
	for end := ss.min - 1; end < len(s); {
		if sh := ss.shift[pairHash(s[end-1], s[end])]; sh > 0 {
			end += int(sh)
			continue
		}
		if start := end - ss.min + 1; start == 0 || !wordByte[s[start-1]] {
			for _, p := range ss.byFirst[s[start]] {
				if strings.HasPrefix(s[start:], p) {
					return true
				}
			}
		}
		end++
	}
	return false
}

// wordByte marks the bytes isWordByte accepts.
var wordByte = func() (t [256]bool) {
	for c := range t {
		t[c] = isWordByte(byte(c))
	}
	return t
}()

// isMenu recognises a navigation bar: three or more short items between bars or bullets.
func isMenu(lc string) bool {
	for _, sep := range [...]string{" | ", " • ", " · "} {
		if strings.IndexByte(lc, sep[1]) < 0 || strings.Count(lc, sep) < 2 {
			continue // fewer than three items
		}
		for rest, more := lc, true; more; {
			var it string
			it, rest, more = strings.Cut(rest, sep)
			if strings.Count(strings.TrimSpace(it), " ") > 2 {
				return false
			}
		}
		return true
	}
	return false
}

func onlySymbols(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 {
			return false
		}
	}
	return true
}

// isCaption recognises image captions and credits: a credit prefix, a trailing
// credit in brackets ("(AP Photo/John Doe)", "[File: Reuters]"), or a trailing
// agency credit in capitals ("EPA/JOHN DOE").
func isCaption(line, lc string) bool {
	if captionStarts.prefixOf(lc) {
		return true
	}
	t := strings.TrimRight(line, " .")
	if n := len(t); n > 0 && (t[n-1] == ')' || t[n-1] == ']') {
		open := strings.LastIndexAny(t, "([")
		if open >= 0 {
			raw := t[open+1 : n-1]
			credit := strings.ToLower(raw)
			// "(AP Photo/Jane Doe)", "[File: Reuters]", "(Special Operations Forces/Facebook)";
			// not "(about 2/3 of voters)" nor a headline's "(PHOTOS)".
			if slashBetweenNames(raw) || strings.Contains(credit, "photo ") || strings.HasPrefix(credit, "photo:") ||
				strings.Contains(credit, "getty") || strings.HasPrefix(credit, "image") || strings.HasPrefix(credit, "file") ||
				strings.Contains(credit, "credit") || credit == "reuters" || credit == "ap" || credit == "afp" || credit == "epa" {
				return true
			}
		}
	}
	// A trailing agency credit in capitals: "... EPA/CHRISTOPHE PETIT TESSON":
	// among the last five words, not the first word of the line.
	lead := len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
	end := len(t)
	for n := 0; n < 5; n++ {
		end = lastNonSpace(t, end)
		start := lastSpace(t, end)
		if end == 0 || start <= lead {
			return false // no word left, or only the first one
		}
		field := t[start:end]
		if !isUpper(field) {
			return false
		}
		if slashBetweenNames(field) {
			return true
		}
		end = start
	}
	return false
}

// lastNonSpace returns the end of s[:end] without its trailing white space
// (as strings.Fields reads it).
func lastNonSpace(s string, end int) int {
	for end > 0 {
		if c := s[end-1]; c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				return end
			}
			end--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			return end
		}
		end -= n
	}
	return 0
}

// lastSpace returns the start of the last word of s[:end], which ends in one.
func lastSpace(s string, end int) int {
	for end > 0 {
		if c := s[end-1]; c < utf8.RuneSelf {
			if asciiSpace[c] != 0 {
				return end
			}
			end--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if unicode.IsSpace(r) {
			return end
		}
		end -= n
	}
	return 0
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// slashBetweenNames says whether s has a "/" with a capitalised word on each
// side: "AP Photo/Jane Doe", "EPA/JOHN", "Forces/Facebook".
func slashBetweenNames(s string) bool {
	i := strings.IndexByte(s, '/')
	if i <= 0 || i+1 >= len(s) {
		return false
	}
	before, after := s[i-1], s[i+1]
	return (before >= 'a' && before <= 'z' || before >= 'A' && before <= 'Z') && after >= 'A' && after <= 'Z'
}

func isUpper(s string) bool {
	letters := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			letters++
		}
	}
	return letters > 0
}

// isShortLine is a line that reads like a headline or link, not a paragraph.
func isShortLine(line string) bool {
	if strings.Count(line, " ") > 20 {
		return false
	}
	t := strings.TrimRight(line, " \"'")
	return t == "" || t[len(t)-1] != '.' || strings.Count(line, " ") < 8
}

// dateWords are the words a line made only of a date or time may contain.
var dateWords = setOf(
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"am", "pm", "a.m", "p.m", "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest",
	"updated", "published", "posted", "ago", "hours", "hour", "minutes", "minute", "min", "read", "at", "on", "by",
	"last", "yesterday", "today",
)

// isDateline recognises a line made only of a date, a time or a reading time.
func isDateline(lc string) bool {
	if len(lc) > 120 || strings.IndexAny(lc, "0123456789") < 0 {
		return false
	}
	words := 0
	digits := false
	for rest := lc; rest != ""; {
		// Fields between separators (all ASCII, so bytes will do).
		j := 0
		for j < len(rest) && !isDateSep(rest[j]) {
			j++
		}
		w := rest[:j]
		if j < len(rest) {
			j++
		}
		rest = rest[j:]
		w = strings.Trim(w, ".:()")
		if w == "" {
			continue
		}
		words++
		if isDigits(w) || isClock(w) {
			digits = true
			continue
		}
		if !dateWords[w] {
			return false
		}
	}
	return words > 0 && words <= 12 && digits
}

func isDateSep(c byte) bool { return c == ' ' || c == ',' || c == '|' || c == '-' || c == '/' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isClock matches "12:19", "5:04pm", "10am".
func isClock(s string) bool {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "pm"), "am")
	for {
		part, rest, more := strings.Cut(s, ":")
		if !isDigits(part) {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

// isByline recognises "by Jane Doe January 13, 2025 12:19 PM 2 min read" and
// similar author lines: "by" and a capitalised name, short, without a verb's
// sentence punctuation, or any short line ending in a reading time.
func isByline(line, lc string) bool {
	if strings.Count(line, " ") > 16 {
		return false
	}
	if strings.HasSuffix(lc, " min read") || strings.HasSuffix(lc, " minute read") || strings.HasSuffix(lc, " mins read") {
		return true
	}
	if !strings.HasPrefix(lc, "by ") || len(line) < 5 {
		return false
	}
	c := line[3]
	// "By Tuesday evening the river had crested." is a sentence, not a byline.
	if strings.HasSuffix(strings.TrimSpace(line), ".") && !isDateline(lc[3:]) {
		return false
	}
	return c >= 'A' && c <= 'Z' && !strings.ContainsAny(line, "!?\"") && !StatesFigure(lc)
}
