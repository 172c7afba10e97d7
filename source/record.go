package source

import (
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// decodeRecord decodes a JSON line of the usual shape without reflection: an
// object whose keys are the record's own (in lower case, each at most once),
// with a string or null for each text field and a string or null id. It
// reports false for anything else (another key, a number, an escape it does
// not read as go-json does, a syntax error), and the line then goes to
// go-json, whose results and error messages stay the reference. The strings
// are cut from one copy of the line, as go-json's are.
func decodeRecord(line []byte, r *record) bool {
	s := string(line)
	i := skipSpace(s, 0)
	if i >= len(s) || s[i] != '{' {
		return false
	}
	var seen uint8
	i = skipSpace(s, i+1)
	if i < len(s) && s[i] == '}' {
		return skipSpace(s, i+1) == len(s)
	}
	for {
		key, j, ok := jsonString(s, i)
		if !ok {
			return false
		}
		i = skipSpace(s, j)
		if i >= len(s) || s[i] != ':' {
			return false
		}
		i = skipSpace(s, i+1)
		var field *string
		var bit uint8
		switch key {
		case "id":
			bit = 1
		case "url":
			field, bit = &r.URL, 2
		case "title":
			field, bit = &r.Title, 4
		case "outlet":
			field, bit = &r.Outlet, 8
		case "published":
			field, bit = &r.Published, 16
		case "text":
			field, bit = &r.Text, 32
		case "html":
			field, bit = &r.HTML, 64
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		if strings.HasPrefix(s[i:], "null") {
			j = i + 4
			if field == nil {
				r.ID = json.RawMessage("null")
			}
		} else {
			v, k, ok := jsonString(s, i)
			if !ok {
				return false
			}
			if field == nil {
				r.ID = json.RawMessage(s[i:k])
			} else {
				*field = v
			}
			j = k
		}
		i = skipSpace(s, j)
		if i < len(s) && s[i] == ',' {
			i = skipSpace(s, i+1)
			continue
		}
		if i < len(s) && s[i] == '}' {
			return skipSpace(s, i+1) == len(s)
		}
		return false
	}
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// jsonString reads the JSON string at s[i]: its value and the offset after
// it. Only escapes go-json and encoding/json read alike are accepted: the
// one-letter ones and \u of a character outside the surrogates; a raw
// control character is refused too.
func jsonString(s string, i int) (string, int, bool) {
	if i >= len(s) || s[i] != '"' {
		return "", 0, false
	}
	start := i + 1
	j := start
	for j < len(s) && s[j] != '"' && s[j] != '\\' && s[j] >= 0x20 {
		j++
	}
	if j < len(s) && s[j] == '"' {
		return s[start:j], j + 1, true // no escape: a piece of the copy
	}
	var b strings.Builder
	b.Grow(j - start + 16)
	b.WriteString(s[start:j])
	for j < len(s) {
		c := s[j]
		switch {
		case c == '"':
			return b.String(), j + 1, true
		case c < 0x20:
			return "", 0, false
		case c != '\\':
			k := j + 1
			for k < len(s) && s[k] != '"' && s[k] != '\\' && s[k] >= 0x20 {
				k++
			}
			b.WriteString(s[j:k])
			j = k
			continue
		}
		if j+1 >= len(s) {
			return "", 0, false
		}
		switch e := s[j+1]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := hex4(s, j+2)
			if !ok || r >= 0xd800 && r < 0xe000 {
				return "", 0, false
			}
			var buf [4]byte
			b.Write(buf[:utf8.EncodeRune(buf[:], r)])
			j += 6
			continue
		default:
			return "", 0, false
		}
		j += 2
	}
	return "", 0, false
}

// hex4 reads four hexadecimal digits at s[i].
func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
