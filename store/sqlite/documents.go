package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"tally"
)

// Put stores a batch in one transaction; documents already stored (same
// hash) are left untouched and reported as not fresh.
func (s *DB) Put(ctx context.Context, batch []tally.Extraction) ([]bool, error) {
	fresh := make([]bool, len(batch))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	docStmt, err := tx.PrepareContext(ctx, `INSERT INTO documents
		(hash, id, url, title, outlet, published, lang, text, body_start, origin, line, summary, people, event, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(hash) DO NOTHING RETURNING seq`)
	if err != nil {
		return nil, err
	}
	defer docStmt.Close()
	claimStmt, err := tx.PrepareContext(ctx, `INSERT INTO claims
		(doc_seq, idx, category, low, high, qualifier, count_text, who, claimed_by, scope, place, time, sentence, span_start, span_end, part_of, derived, resolved)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer claimStmt.Close()
	at := now()
	var firstSeq int64
	for i := range batch {
		x := &batch[i]
		seq, ok, err := createDocument(ctx, docStmt, x, at)
		if err != nil {
			return nil, fmt.Errorf("store %s: %w", x.Doc.ID, err)
		}
		if !ok {
			continue
		}
		fresh[i] = true
		if firstSeq == 0 {
			firstSeq = seq
		}
		if err := createClaims(ctx, claimStmt, seq, x.Claims); err != nil {
			return nil, fmt.Errorf("store claims of %s: %w", x.Doc.ID, err)
		}
	}
	if firstSeq > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO documents_fts(rowid, title, text) SELECT seq, title, text FROM documents WHERE seq >= ?`, firstSeq); err != nil {
			return nil, fmt.Errorf("index for search: %w", err)
		}
		if err := bumpVersion(ctx, tx); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return fresh, nil
}

// createDocument inserts a document unless its hash is stored; ok says whether it was.
func createDocument(ctx context.Context, stmt *sql.Stmt, x *tally.Extraction, at string) (seq int64, ok bool, err error) {
	d := x.Doc
	summary, err := json.Marshal(x.Wire().Summary)
	if err != nil {
		return 0, false, err
	}
	people, err := json.Marshal(x.People)
	if err != nil {
		return 0, false, err
	}
	if x.People == nil {
		people = []byte("[]")
	}
	event, err := json.Marshal(x.Event)
	if err != nil {
		return 0, false, err
	}
	published := ""
	if !d.Published.IsZero() {
		published = d.Published.Format(time.RFC3339)
	}
	err = stmt.QueryRowContext(ctx, d.Hash, d.ID, d.URL, d.Title, d.Outlet, published, d.Lang, d.Text, d.BodyStart,
		d.Origin, d.Line, string(summary), string(people), string(event), at).Scan(&seq)
	if err == sql.ErrNoRows {
		return 0, false, nil
	}
	return seq, err == nil, err
}

// claimResolved is the JSON of the claims.resolved column.
type claimResolved struct {
	Place *tally.Place    `json:"place,omitempty"`
	Date  *tally.DateSpan `json:"date,omitempty"`
}

func createClaims(ctx context.Context, stmt *sql.Stmt, seq int64, claims []tally.Claim) error {
	for i, c := range claims {
		var high, partOf any
		if c.Count.High != nil {
			high = *c.Count.High
		}
		if c.PartOf >= 0 {
			partOf = c.PartOf
		}
		resolved := "{}"
		if c.Place != nil || c.Date != nil {
			b, err := json.Marshal(claimResolved{c.Place, c.Date})
			if err != nil {
				return err
			}
			resolved = string(b)
		}
		if _, err := stmt.ExecContext(ctx, seq, i, string(c.Category), c.Count.Low, high, string(c.Count.Qualifier),
			c.Count.Text, c.Who, c.ClaimedBy, string(c.Scope), c.Where, c.When, c.Sentence, c.Span[0], c.Span[1],
			partOf, string(c.Derived), resolved); err != nil {
			return err
		}
	}
	return nil
}

const documentColumns = `seq, hash, id, url, title, outlet, published, lang, text, body_start, origin, line, summary, people, event`

// Documents returns stored documents with their claims in storage order.
func (s *DB) Documents(ctx context.Context, f tally.DocumentFilter) ([]tally.Extraction, error) {
	where, args := []string{"seq > ?"}, []any{f.After}
	if len(f.Hashes) > 0 {
		where = append(where, "hash IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.Hashes)), ",")+")")
		for _, h := range f.Hashes {
			args = append(args, h)
		}
	}
	q := `SELECT ` + documentColumns + ` FROM documents WHERE ` + strings.Join(where, " AND ") + ` ORDER BY seq`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return s.query(ctx, q, args...)
}

// Document returns one document by hash, hash prefix (8+ hex digits) or id.
func (s *DB) Document(ctx context.Context, key string) (*tally.Extraction, error) {
	docs, err := s.query(ctx, `SELECT `+documentColumns+` FROM documents WHERE hash = ? OR id = ? ORDER BY seq LIMIT 2`, key, key)
	if err == nil && len(docs) == 0 && isPrefixKey(key) {
		docs, err = s.query(ctx, `SELECT `+documentColumns+` FROM documents WHERE hash LIKE ? ORDER BY seq LIMIT 2`, strings.ToLower(key)+"%")
	}
	if err != nil {
		return nil, err
	}
	switch len(docs) {
	case 0:
		return nil, tally.Errorf(tally.ENOTFOUND, "no document %q", key)
	case 1:
		return &docs[0], nil
	}
	if docs[0].Doc.Hash == key {
		return &docs[0], nil
	}
	return nil, tally.Errorf(tally.ECONFLICT, "%q names more than one document; give its hash", key)
}

// query reads documents and then, in one more query, their claims.
func (s *DB) query(ctx context.Context, q string, args ...any) ([]tally.Extraction, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	var out []tally.Extraction
	index := map[int64]int{}
	for rows.Next() {
		var x tally.Extraction
		var seq int64
		var published, summary, people, event string
		d := &x.Doc
		if err := rows.Scan(&seq, &d.Hash, &d.ID, &d.URL, &d.Title, &d.Outlet, &published, &d.Lang, &d.Text, &d.BodyStart,
			&d.Origin, &d.Line, &summary, &people, &event); err != nil {
			rows.Close()
			return nil, err
		}
		if published != "" {
			d.Published, _ = time.Parse(time.RFC3339, published)
		}
		var sj tally.SummaryJSON
		if err := json.Unmarshal([]byte(summary), &sj); err == nil {
			x.Summary = tally.Summary{Killed: sj.Killed, Wounded: sj.Wounded, Captured: sj.Captured, Missing: sj.Missing}
		}
		if people != "[]" {
			if err := json.Unmarshal([]byte(people), &x.People); err != nil {
				rows.Close()
				return nil, fmt.Errorf("document %s: people: %w", d.ID, err)
			}
		}
		if event != "null" {
			if err := json.Unmarshal([]byte(event), &x.Event); err != nil {
				rows.Close()
				return nil, fmt.Errorf("document %s: event: %w", d.ID, err)
			}
		}
		d.Seq = seq
		index[seq] = len(out)
		out = append(out, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	return out, s.fillClaims(ctx, out, index)
}

// fillClaims loads the claims of the documents in index (seq → position in out).
func (s *DB) fillClaims(ctx context.Context, out []tally.Extraction, index map[int64]int) error {
	seqs := make([]any, 0, len(index))
	for seq := range index {
		seqs = append(seqs, seq)
	}
	// SQLite limits bound parameters; read in chunks.
	for start := 0; start < len(seqs); start += 500 {
		chunk := seqs[start:min(start+500, len(seqs))]
		rows, err := s.db.QueryContext(ctx, `SELECT doc_seq, category, low, high, qualifier, count_text, who, claimed_by,
			scope, place, time, sentence, span_start, span_end, part_of, derived, resolved
			FROM claims WHERE doc_seq IN (`+strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ",")+`) ORDER BY doc_seq, idx`, chunk...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var seq int64
			var c tally.Claim
			var high, partOf sql.NullInt64
			var cat, qual, scope, derived, resolved string
			if err := rows.Scan(&seq, &cat, &c.Count.Low, &high, &qual, &c.Count.Text, &c.Who, &c.ClaimedBy, &scope,
				&c.Where, &c.When, &c.Sentence, &c.Span[0], &c.Span[1], &partOf, &derived, &resolved); err != nil {
				rows.Close()
				return err
			}
			if resolved != "{}" {
				var r claimResolved
				if err := json.Unmarshal([]byte(resolved), &r); err != nil {
					rows.Close()
					return fmt.Errorf("claim of document %d: %w", seq, err)
				}
				c.Place, c.Date = r.Place, r.Date
			}
			c.Category, c.Count.Qualifier, c.Scope, c.Derived = tally.Category(cat), tally.Qualifier(qual), tally.Scope(scope), tally.Derivation(derived)
			if high.Valid {
				c.Count.High = tally.Int64(high.Int64)
			}
			c.PartOf = -1
			if partOf.Valid {
				c.PartOf = int(partOf.Int64)
			}
			x := &out[index[seq]]
			x.Claims = append(x.Claims, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}
