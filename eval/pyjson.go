package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads JSON into values that behave like the ones Python's json module builds:
//
//	null → nil, true/false → bool, 12 → *big.Int, 1.5 / 1e3 → float64, "s" → string,
//	[...] → []any, {...} → *object (a dict: insertion order, last duplicate wins).

// object is a JSON object with the semantics of a Python dict built by json.loads.
type object struct {
	keys []string
	vals map[string]any
}

func newObject() *object { return &object{vals: map[string]any{}} }

// set assigns k, keeping the position of the first assignment like a Python dict.
func (o *object) set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

// lookup returns the value of k and whether the key is present.
func (o *object) lookup(k string) (any, bool) {
	v, ok := o.vals[k]
	return v, ok
}

// get is Python's dict.get(k) (None when absent).
func (o *object) get(k string) any { return o.vals[k] }

// getOr is Python's dict.get(k, def).
func (o *object) getOr(k string, def any) any {
	if v, ok := o.vals[k]; ok {
		return v
	}
	return def
}

// decodeJSON is json.loads: exactly one JSON value, surrounded only by JSON whitespace.
func decodeJSON(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("Expecting value")
		}
		return nil, err
	}
	if rest := strings.Trim(s[dec.InputOffset():], " \t\n\r"); rest != "" {
		return nil, fmt.Errorf("Extra data at offset %d", dec.InputOffset())
	}
	return v, nil
}

func decodeValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			o := newObject()
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("object key is not a string: %v", kt)
				}
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				o.set(k, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return o, nil
		case '[':
			list := []any{}
			for dec.More() {
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				list = append(list, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return list, nil
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case json.Number:
		return parseNumber(string(t))
	case string, bool, nil:
		return t, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

// parseNumber follows Python's json: a literal with a fraction or an exponent is a float (which may
// overflow to infinity), any other is an int of unlimited size.
func parseNumber(s string) (any, error) {
	if strings.ContainsAny(s, ".eE") {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) { // out of range: ±Inf, as float() gives
			return nil, fmt.Errorf("bad number %q", s)
		}
		return f, nil
	}
	i, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return nil, fmt.Errorf("bad number %q", s)
	}
	return i, nil
}

// readAllText reads r as Python's open(path, encoding='utf-8').read() does: valid UTF-8 only, with
// universal newlines ("\r\n" and "\r" become "\n").
func readAllText(r io.Reader) (string, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	if !utf8.Valid(b) {
		return "", errors.New("'utf-8' codec can't decode the input: invalid UTF-8")
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	return string(b), nil
}

// readJSONL is score.py's read_jsonl: one JSON value per line, lines blank after str.strip() skipped.
func readJSONL(r io.Reader) ([]any, error) {
	text, err := readAllText(r)
	if err != nil {
		return nil, err
	}
	var rows []any
	for n, line := range strings.SplitAfter(text, "\n") {
		if pyStrip(line) == "" {
			continue
		}
		v, err := decodeJSON(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
		rows = append(rows, v)
	}
	return rows, nil
}

// readJSON is json.load of a whole file.
func readJSON(r io.Reader) (any, error) {
	text, err := readAllText(r)
	if err != nil {
		return nil, err
	}
	return decodeJSON(text)
}

// asObject returns v as a dict, or the AttributeError Python raises when .get is called on anything else.
func asObject(v any) (*object, error) {
	if o, ok := v.(*object); ok {
		return o, nil
	}
	return nil, fmt.Errorf("'%s' object has no attribute 'get'", pyTypeName(v))
}

// objects converts read_jsonl's values to dicts, failing like row.get(...) on anything else.
func objects(vals []any) ([]*object, error) {
	out := make([]*object, len(vals))
	for i, v := range vals {
		o, err := asObject(v)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		out[i] = o
	}
	return out, nil
}
