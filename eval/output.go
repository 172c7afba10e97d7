package eval

import (
	"strconv"
	"strings"
)

// field is one entry of a result dict; val is an int (a count) or a float64 (a rounded score).
type field struct {
	key string
	val any
}

func pyValue(v any) string {
	switch x := v.(type) {
	case int:
		return strconv.Itoa(x)
	case float64:
		return pyFloatRepr(x)
	}
	panic("eval: unexpected result value")
}

// dumps is json.dumps of a flat dict of ints and finite floats: {"k": v, ...} with Python's separators.
func dumps(fields []field) string {
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = strconv.Quote(f.key) + ": " + pyValue(f.val)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// keyValues is score.py's ' '.join(f'{k}={v}' for k, v in res.items()).
func keyValues(fields []field) string {
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = f.key + "=" + pyValue(f.val)
	}
	return strings.Join(parts, " ")
}
