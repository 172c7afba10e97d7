package source

import (
	"math/rand/v2"
	"strings"
	"testing"

	gojson "github.com/goccy/go-json"
)

// TestDecodeRecord compares the shortcut decoder with go-json on random
// lines: whatever it accepts, it must read as go-json does.
func TestDecodeRecord(t *testing.T) {
	keys := []string{"id", "url", "title", "outlet", "published", "text", "html", "Text", "author", "ID"}
	pieces := []string{"a", "Kyiv", " ", "é", "日", `\"`, `\\`, `\/`, `\n`, `\t`, `\r`, `\b`, `\f`, `\u00e9`, `\u2019`, `\u0000`,
		`\uD83D\uDE00`, `\ud800`, `\uZZZZ`, `\x`, "\t", "\x01", "'", "<b>"}
	value := func(rng *rand.Rand) string {
		switch rng.IntN(12) {
		case 0:
			return "null"
		case 1:
			return "12"
		case 2:
			return "true"
		}
		var b strings.Builder
		b.WriteByte('"')
		for k := rng.IntN(8); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		b.WriteByte('"')
		return b.String()
	}
	space := func(rng *rand.Rand) string { return [...]string{"", "", " ", "\t", "\r", " \r"}[rng.IntN(6)] }
	rng := rand.New(rand.NewPCG(11, 12))
	accepted := 0
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		b.WriteString(space(rng) + "{")
		for k := rng.IntN(6); k > 0; k-- {
			b.WriteString(space(rng) + `"` + keys[rng.IntN(len(keys))] + `"` + space(rng) + ":" + space(rng) + value(rng) + space(rng))
			if k > 1 {
				b.WriteString(",")
			}
		}
		b.WriteString("}" + space(rng))
		if rng.IntN(20) == 0 {
			b.WriteString("x") // trailing garbage
		}
		line := []byte(b.String())
		var fast, slow record
		if !decodeRecord(line, &fast) {
			continue
		}
		accepted++
		if err := gojson.Unmarshal(line, &slow); err != nil {
			t.Fatalf("%s: accepted, but go-json says %v", line, err)
		}
		if idString(fast.ID) != idString(slow.ID) || fast.URL != slow.URL || fast.Title != slow.Title || fast.Outlet != slow.Outlet ||
			fast.Published != slow.Published || fast.Text != slow.Text || fast.HTML != slow.HTML {
			t.Fatalf("%s:\n got %+v\nwant %+v", line, fast, slow)
		}
	}
	if accepted < 10000 {
		t.Errorf("only %d lines took the shortcut", accepted)
	}
}
