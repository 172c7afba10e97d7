package clean

import "testing"

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
