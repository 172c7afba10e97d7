package eval

import "strings"

// category maps the category words of gold and predictions to one name (score.py CATEGORY).
var category = map[string]string{
	"killed": "killed", "dead": "killed", "deaths": "killed", "fatalities": "killed", "death": "killed",
	"wounded": "wounded", "injured": "wounded", "injuries": "wounded", "hurt": "wounded",
	"casualties": "casualties", "casualties(killed+wounded)": "casualties",
	"captured": "captured", "kidnapped": "captured", "hostages": "captured", "abducted": "captured",
	"missing": "missing",
}

// qclass groups qualifiers that count as the same reading (score.py QCLASS).
var qclass = map[string]string{
	"exact": "exact", "at_least": "lower", "more_than": "lower", "about": "about",
	"up_to": "upper", "range": "range", "vague": "vague",
}

// stop lists the words a claimant may share without matching (score.py STOP).
var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields("the a an of and in on at for to by from as with its it his her their our s u us") {
		stop[w] = true
	}
}

// DocKey is score.py's doc_key: the base name of name (after the last "/") with the extensions .gz, .html,
// .htm, .txt, .md and .json each stripped once, in that order, when the name ends with it.
func DocKey(name string) string {
	base := name[strings.LastIndexByte(name, '/')+1:]
	for _, ext := range []string{".gz", ".html", ".htm", ".txt", ".md", ".json"} {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// Tokens is score.py's tokens: the set of lowercase ASCII words and numbers of text, after removing "'s" and
// "’s" that end a word, without the stop words.
func Tokens(text string) map[string]bool {
	rs := []rune(pyLower(text))
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if (rs[i] == '\'' || rs[i] == '’') && i+1 < len(rs) && rs[i+1] == 's' &&
			(i+2 == len(rs) || !isWordRune(rs[i+2])) {
			i++
			continue
		}
		b.WriteRune(rs[i])
	}
	out := map[string]bool{}
	for _, t := range strings.FieldsFunc(b.String(), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if !stop[t] {
			out[t] = true
		}
	}
	return out
}

// tokensOf is tokens(v) for any JSON value: v, or an empty string when v is falsy; v must then be a string.
func tokensOf(v any) (map[string]bool, error) {
	s, err := pyStringOr(v, "lower")
	if err != nil {
		return nil, err
	}
	return Tokens(s), nil
}

func intersects(a, b map[string]bool) bool {
	for t := range a {
		if b[t] {
			return true
		}
	}
	return false
}

// ClaimantOK is score.py's claimant_ok on strings: a gold claimant that is empty or starts with "article" (an
// unattributed figure) matches only an empty predicted claimant or "article"; any other matches a predicted
// claimant that shares a token with it.
func ClaimantOK(gold, pred string) bool {
	ok, _ := claimantOK(gold, pred)
	return ok
}

func claimantOK(goldV, predV any) (bool, error) {
	gold, err := pyStringOr(goldV, "strip")
	if err != nil {
		return false, err
	}
	pred, err := pyStringOr(predV, "strip")
	if err != nil {
		return false, err
	}
	g := pyLower(pyStrip(gold))
	p := pyStrip(pred)
	if strings.HasPrefix(g, "article") || g == "" {
		return p == "" || pyLower(p) == "article", nil
	}
	if p == "" {
		return false, nil
	}
	return intersects(Tokens(gold), Tokens(pred)), nil
}

// claim is a gold or predicted claim as score.py's gold_claim and pred_claim build it. Counts keep their JSON
// values (int, float, string, null) because score.py compares them both raw and through int().
type claim struct {
	category                        string
	low, high, qualifier, claimedBy any
	sentence                        any
	soft                            bool // gold: optional or vague
	derived                         bool // prediction: an implied count
}

func categoryOf(s string) string {
	s = pyLower(s)
	if c, ok := category[s]; ok {
		return c
	}
	return s
}

// predClaim is score.py's pred_claim.
func predClaim(v any) (claim, error) {
	c, err := asObject(v)
	if err != nil {
		return claim{}, err
	}
	count := newObject()
	if cv := c.get("count"); pyTruthy(cv) {
		if count, err = asObject(cv); err != nil {
			return claim{}, err
		}
	}
	sentence := c.get("sentence")
	if !pyTruthy(sentence) {
		sentence = ""
	}
	return claim{
		category:  categoryOf(pyStr(c.getOr("category", ""))),
		low:       count.getOr("low", c.get("count_low")),
		high:      count.getOr("high", c.get("count_high")),
		qualifier: count.getOr("qualifier", c.getOr("qualifier", "exact")),
		claimedBy: c.get("claimed_by"),
		sentence:  sentence,
		derived:   pyTruthy(c.get("derived")),
	}, nil
}

// goldClaim is score.py's gold_claim.
func goldClaim(v any) (claim, error) {
	c, err := asObject(v)
	if err != nil {
		return claim{}, err
	}
	catV, ok := c.lookup("category")
	if !ok {
		return claim{}, keyError("category")
	}
	cat, ok := catV.(string)
	if !ok {
		return claim{}, attrError(catV, "lower")
	}
	low, ok := c.lookup("count_low")
	if !ok {
		return claim{}, keyError("count_low")
	}
	sentence := c.get("sentence")
	if !pyTruthy(sentence) {
		sentence = ""
	}
	q, isStr := c.get("qualifier").(string)
	return claim{
		category:  categoryOf(cat),
		low:       low,
		high:      c.get("count_high"),
		qualifier: c.getOr("qualifier", "exact"),
		claimedBy: c.get("claimed_by"),
		sentence:  sentence,
		soft:      pyTruthy(c.get("optional")) || (isStr && q == "vague"),
	}, nil
}

func intEq(a, b any) (bool, error) {
	x, err := pyInt(a)
	if err != nil {
		return false, err
	}
	y, err := pyInt(b)
	if err != nil {
		return false, err
	}
	return x.Cmp(y) == 0, nil
}

// sameFigure is score.py's same_figure: does prediction p state gold figure g?
func sameFigure(g, p claim) (bool, error) {
	if g.category != p.category || p.low == nil {
		return false, nil
	}
	if q, ok := g.qualifier.(string); ok && q == "vague" { // vague words: the category and the sentence decide
		gt, err := tokensOf(g.sentence)
		if err != nil {
			return false, err
		}
		pt, err := tokensOf(p.sentence)
		if err != nil {
			return false, err
		}
		return intersects(gt, pt), nil
	}
	if eq, err := intEq(g.low, p.low); err != nil || !eq {
		return false, err
	}
	if g.high != nil && !pyEqual(g.high, g.low) {
		if p.high == nil {
			return false, nil
		}
		return intEq(p.high, g.high)
	}
	if p.high == nil {
		return true, nil
	}
	return intEq(p.high, p.low)
}

// dedup is score.py's dedup on the key (category, low, high), keeping the first occurrence.
func dedup(claims []claim) ([]claim, error) {
	seen := map[[3]string]bool{}
	var out []claim
	for _, c := range claims {
		lk, err := hashKey(c.low)
		if err != nil {
			return nil, err
		}
		hk, err := hashKey(c.high)
		if err != nil {
			return nil, err
		}
		k := [3]string{c.category, lk, hk}
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out, nil
}

// qclassOf is QCLASS.get(q): the class and whether there is one (None otherwise).
func qclassOf(q any) (string, bool, error) {
	if _, err := hashKey(q); err != nil {
		return "", false, err
	}
	s, ok := q.(string)
	if !ok {
		return "", false, nil
	}
	c, ok := qclass[s]
	return c, ok, nil
}

func keyError(k string) error { return &pyError{"KeyError: " + pyStrRepr(k)} }

func attrError(v any, attr string) error {
	return &pyError{"AttributeError: '" + pyTypeName(v) + "' object has no attribute '" + attr + "'"}
}

type pyError struct{ msg string }

func (e *pyError) Error() string { return e.msg }
