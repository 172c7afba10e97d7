package clean

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Three people were hurt.", "Three people were hurt."},
		{"empty", "", ""},
		{"nbsp", "a\u00a0thousand", "a thousand"},
		{"narrow nbsp", "12\u202f000 people", "12 000 people"},
		{"thin and em space", "a\u2009b\u2003c", "a b c"},
		{"ideographic space", "a\u3000b", "a b"},
		{"curly double quotes", "\u201cWe will rebuild,\u201d he said", `"We will rebuild," he said`},
		{"curly single quotes", "the mayor\u2019s \u2018plan\u2019", "the mayor's 'plan'"},
		{"low-9 quote", "\u201eQuote\u201c", `"Quote"`},
		{"en dash", "5\u20138 killed", "5-8 killed"},
		{"em dash", "Ninety people killed\u2014mostly civilians", "Ninety people killed-mostly civilians"},
		{"minus sign", "\u221215 degrees", "-15 degrees"},
		{"non-breaking hyphen", "rebel\u2011held", "rebel-held"},
		{"soft hyphen dropped", "co\u00adoperation", "cooperation"},
		{"zero-width space dropped", "ab\u200bcd", "abcd"},
		{"zero-width joiners dropped", "a\u200cb\u200dc", "abc"},
		{"word joiner dropped", "Kur\u2060sk", "Kursk"},
		{"byte order mark dropped", "\ufeffTitle", "Title"},
		{"direction marks dropped", "a\u200eb\u200fc", "abc"},
		{"ellipsis", "and then\u2026 silence", "and then... silence"},
		{"crlf", "one\r\ntwo", "one\ntwo"},
		{"lone cr", "one\rtwo", "one\ntwo"},
		{"crlf paragraph", "one\r\n\r\ntwo", "one\n\ntwo"},
		{"three newlines to two", "one\n\n\ntwo", "one\n\ntwo"},
		{"many newlines to two", "one\n\n\n\n\n\ntwo", "one\n\ntwo"},
		{"many crlf to two", "one\r\n\r\n\r\n\r\ntwo", "one\n\ntwo"},
		{"line and paragraph separators", "one\u2028two\u2029three", "one\ntwo\nthree"},
		{"next line control", "one\u0085two", "one\ntwo"},
		{"blank lines with spaces collapse", "one\n  \n \t \n\ntwo", "one\n\ntwo"},
		{"trim line ends", "  one  \n\t two \t", "one\ntwo"},
		{"trim around text", "\n\n  Title  \n\n", "Title"},
		{"tabs to space", "a\tb\t\tc", "a b c"},
		{"runs of spaces collapse", "a    b", "a b"},
		{"controls are spaces", "a\x00b\x07c\x7fd", "a b c d"},
		{"nbsp at line end trimmed", "word\u00a0\nnext", "word\nnext"},
		{"nbsp at line start trimmed", "word\n\u00a0next", "word\nnext"},
		{"invisible between spaces", "a \u200b b", "a b"},
		{"accented letters kept", "Kyiv, Zaporizhzhia, Sévérodonetsk", "Kyiv, Zaporizhzhia, Sévérodonetsk"},
		{"other scripts kept", "Київ 日本", "Київ 日本"},
		{"mixed", "\u201cIt\u2019s over,\u201d\u00a0he said\u00a0\u2014 12\u201315 dead\u2026\r\n\r\n\r\nNext", `"It's over," he said - 12-15 dead...` + "\n\nNext"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	tests := []string{
		"a\u00a0thousand \u201cquoted\u201d\u2026",
		"one\r\n\r\n\r\ntwo\tthree  ",
		"  lead\n\n\ntrail  ",
	}
	for _, in := range tests {
		once := Normalize(in)
		if twice := Normalize(once); twice != once {
			t.Errorf("Normalize not idempotent on %q: %q then %q", in, once, twice)
		}
	}
}

// TestNormalizeFastPath checks the unchanged-prefix shortcut against the
// plain character-by-character rewrite, on random mixes of the characters
// whose handling differs.
func TestNormalizeFastPath(t *testing.T) {
	parts := []string{"a", "B", "word", " ", "  ", "\n", "\n\n", "\n\n\n", "\r\n", "\t", ".", "\u00a0", "\u2019", "\u201c", "\u2014", "\u2026", "\u200b", "\u2028", "é", "日", "\x00", "\x7f"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := rng.IntN(40); k >= 0; k-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		in := b.String()
		if got, want := Normalize(in), normalizeRef(in); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLowerer checks that the shared-buffer lower-casing equals strings.ToLower
// and that earlier results survive later ones.
func TestLowerer(t *testing.T) {
	var l lowerer
	ins := []string{"", "abc", "ABC def", "Über Alles", "İstanbul", strings.Repeat("Long Line ", 1000), "MiXeD 123"}
	var outs []string
	for _, in := range ins {
		outs = append(outs, l.lower(in))
	}
	for i, in := range ins {
		if want := strings.ToLower(in); outs[i] != want {
			t.Errorf("lower(%q) = %q, want %q", in, outs[i], want)
		}
	}
}

// normalizeRef is Normalize without its shortcut, as it was first written.
func normalizeRef(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false   // a space is pending
	newlines := 0    // newlines pending
	started := false // something was written
	emit := func(r rune) {
		if newlines > 0 {
			if started {
				b.WriteString("\n\n"[:min(newlines, 2)])
			}
			newlines, space = 0, false
		} else if space {
			if started {
				b.WriteByte(' ')
			}
			space = false
		}
		started = true
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c > ' ' && c < 0x7f {
			// Fast path: a run of plain printable ASCII is copied as is.
			j := i + 1
			for j < len(s) && s[j] > ' ' && s[j] < 0x7f {
				j++
			}
			emit(rune(c))
			b.WriteString(s[i+1 : j])
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\n':
				newlines++
				space = false
			case c == '\r':
				if i < len(s) && s[i] == '\n' {
					continue
				}
				newlines++
				space = false
			case c == ' ' || c < 0x20 || c == 0x7f:
				if newlines == 0 {
					space = true
				}
			default:
				emit(rune(c))
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case 0xa0, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000, 0x1680:
			if newlines == 0 {
				space = true
			}
		case 0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x200e, 0x200f:
			// invisible: dropped
		case 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc:
			emit('\'')
		case 0x201c, 0x201d, 0x201e, 0x201f, 0x2033:
			emit('"')
		case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d:
			emit('-')
		case 0x2026:
			emit('.')
			b.WriteString("..")
		case 0x2028, 0x2029, 0x85:
			newlines++
			space = false
		case utf8.RuneError:
			// only reached for invalid input, which source rejects
		default:
			emit(r)
		}
	}
	return b.String()
}

// TestLowerASCII compares the eight-bytes-at-a-time lower-casing with a
// plain loop on random bytes (all 256 values, any length), and the lowerer
// with strings.ToLower on random text.
func TestLowerASCII(t *testing.T) {
	ref := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"A", "Z", "@", "[", "`", "{", "a", "z", "É", "İ", "ß", " ", "\n", "Kyiv", "SAID"}
	var l lowerer
	for n := 0; n < 20000; n++ {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		if s := string(b); LowerASCII(s) != ref(s) {
			t.Fatalf("LowerASCII(%q) = %q, want %q", s, LowerASCII(s), ref(s))
		}
		var w strings.Builder
		for k := rng.IntN(20); k >= 0; k-- {
			w.WriteString(words[rng.IntN(len(words))])
		}
		if s := w.String(); l.lower(s) != strings.ToLower(s) {
			t.Fatalf("lower(%q) = %q, want %q", s, l.lower(s), strings.ToLower(s))
		}
	}
}
