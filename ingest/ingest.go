// Package ingest owns the write path a running program shares: reading
// articles given as JSON (one object or JSON Lines), running them through the
// pipeline, storing them and regrouping the store's incidents.
//
// It sits after pipeline, resolve and the store in the flow (it uses the
// tally.Store interface, never an engine) and before the commands and the
// server; it must not import cmd or server.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"tally"
	"tally/pipeline"
	"tally/resolve"
	"tally/source"
)

// Regroup brings the stored incidents up to date: documents already in an
// incident keep it (unless fresh), the others attach to one or open their
// own, and every incident is reconciled again and stored. It returns the
// number of incidents stored.
func Regroup(ctx context.Context, st tally.Store, fresh bool) (int, error) {
	docs, err := st.Documents(ctx, tally.DocumentFilter{})
	if err != nil {
		return 0, err
	}
	assigned := map[string]string{}
	if !fresh {
		if assigned, err = st.Assignments(ctx); err != nil {
			return 0, err
		}
	}
	incs := resolve.Resolve(docs, assigned, resolve.DefaultOptions)
	if err := st.PutIncidents(ctx, incs); err != nil {
		return 0, fmt.Errorf("store incidents: %w", err)
	}
	return len(incs), nil
}

// Result says what Articles did: how many documents were new, how many were
// already stored, the hashes of all it stored or found (in input order) and
// the number of incidents after regrouping (0 when nothing was new).
type Result struct {
	New       int      `json:"new"`
	Unchanged int      `json:"unchanged"`
	Hashes    []string `json:"hashes"`
	Incidents int      `json:"incidents,omitempty"`
}

// Articles cleans and extracts each article, stores them in one batch and,
// if any was new, regroups the incidents. An article that fails the
// pipeline fails the whole call (an EINVALID error naming it) and nothing
// is stored.
func Articles(ctx context.Context, st tally.Store, arts []tally.Article) (Result, error) {
	var res Result
	batch := make([]tally.Extraction, 0, len(arts))
	for _, a := range arts {
		x, err := pipeline.Process(a)
		if err != nil {
			if e, ok := err.(*tally.Error); ok && e.Where == "" {
				e.Where = where(a)
			}
			return res, err
		}
		batch = append(batch, x)
	}
	if len(batch) == 0 {
		return res, tally.Errorf(tally.EINVALID, "no article given")
	}
	fresh, err := st.Put(ctx, batch)
	if err != nil {
		return res, err
	}
	for i, f := range fresh {
		if f {
			res.New++
		} else {
			res.Unchanged++
		}
		res.Hashes = append(res.Hashes, batch[i].Doc.Hash)
	}
	if res.New > 0 {
		if res.Incidents, err = Regroup(ctx, st, false); err != nil {
			return res, err
		}
	}
	return res, nil
}

func where(a tally.Article) string {
	if a.Line > 0 {
		return fmt.Sprintf("%s:%d", a.Origin, a.Line)
	}
	return a.Origin
}

// DecodeJSON reads articles in the input shape of CONTRACT.md: one JSON
// object, or JSON Lines (one object per line, blank lines skipped). origin
// names the input in errors and in the articles' Origin. Any malformed line
// or article without text, html or title is an EINVALID error naming its
// line; then no article is returned.
func DecodeJSON(r io.Reader, origin string) ([]tally.Article, error) {
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil, tally.Errorf(tally.EINVALID, "empty body: want a JSON article or JSON Lines")
	}
	// One object over several lines (pretty-printed) is one article.
	if json.Valid(body) {
		a, err := article(body, origin, 0)
		if err != nil {
			return nil, err
		}
		return []tally.Article{a}, nil
	}
	var out []tally.Article
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 64<<10), len(body)+1)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		a, err := article(line, origin, n)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

// article makes an article of one JSON value (source.ParseJSON); line is 0
// for a whole body. An article without an id is named after its content.
func article(b []byte, origin string, line int) (tally.Article, error) {
	where := origin
	if line > 0 {
		where = fmt.Sprintf("%s:%d", origin, line)
	}
	if line == 0 && !json.Valid(b) || line > 0 && !oneValue(b) {
		e := tally.Errorf(tally.EINVALID, "malformed JSON: more than one value on the line")
		e.Where = where
		return tally.Article{}, e
	}
	a, err := source.ParseJSON(b)
	if err != nil {
		if e, ok := err.(*tally.Error); ok {
			e.Where = where
		}
		return tally.Article{}, err
	}
	a.Origin, a.Line = origin, line
	if a.ID == "" {
		a.ID = "posted-" + source.Hash(a.URL, a.Title, a.Text, a.HTML)[:12]
	}
	return a, nil
}

// oneValue says whether a line holds at most one JSON value (a malformed
// one is left for ParseJSON to name).
func oneValue(b []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	var v json.RawMessage
	if dec.Decode(&v) != nil {
		return true
	}
	return !dec.More()
}
