package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	gojson "github.com/goccy/go-json"

	"tally"
)

// Assignments maps every grouped document's hash to its incident.
func (s *DB) Assignments(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT hash, incident FROM incident_docs`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var h, id string
		if err := rows.Scan(&h, &id); err != nil {
			return nil, err
		}
		out[h] = id
	}
	return out, rows.Err()
}

// PutIncidents replaces every stored incident with incs, in one transaction.
func (s *DB) PutIncidents(ctx context.Context, incs []tally.Incident) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, q := range []string{`DELETE FROM incident_docs`, `DELETE FROM incidents`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	incStmt, err := tx.PrepareContext(ctx, `INSERT INTO incidents (id, start, country, event_type, killed, wounded, disputed, n_docs, body, brief)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer incStmt.Close()
	docStmt, err := tx.PrepareContext(ctx, `INSERT INTO incident_docs (hash, incident) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer docStmt.Close()
	for i := range incs {
		if err := createIncident(ctx, incStmt, docStmt, &incs[i]); err != nil {
			return fmt.Errorf("store incident %s: %w", incs[i].ID, err)
		}
	}
	if err := bumpVersion(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// bumpVersion raises the store's version inside a writing transaction.
func bumpVersion(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE store_version SET v = v + 1 WHERE id = 1`)
	return err
}

// Version returns the store's version: it changes with every write.
func (s *DB) Version(ctx context.Context) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, `SELECT v FROM store_version WHERE id = 1`).Scan(&v)
	return v, err
}

// createIncident inserts one incident and its document links.
func createIncident(ctx context.Context, incStmt, docStmt *sql.Stmt, inc *tally.Incident) error {
	body, err := gojson.Marshal(inc)
	if err != nil {
		return err
	}
	brief := *inc
	brief.Sources, brief.Reasons, brief.Related = nil, nil, nil
	briefBody, err := gojson.Marshal(brief)
	if err != nil {
		return err
	}
	start, country := "", ""
	if !inc.Start.IsZero() {
		start = inc.Start.Format(time.DateOnly)
	}
	if inc.Where != nil {
		country = inc.Where.Country
	}
	if _, err := incStmt.ExecContext(ctx, inc.ID, start, country, inc.EventType, best(inc.Killed), best(inc.Wounded),
		inc.Disputed, len(inc.Hashes), string(body), string(briefBody)); err != nil {
		return err
	}
	for _, h := range inc.Hashes {
		if _, err := docStmt.ExecContext(ctx, h, inc.ID); err != nil {
			return fmt.Errorf("document %s: %w", h, err)
		}
	}
	return nil
}

func best(t *tally.Tally) any {
	if t == nil {
		return nil
	}
	return t.Best
}

// Incidents returns incidents newest first, then by id, filtered by f.
func (s *DB) Incidents(ctx context.Context, f tally.IncidentFilter) ([]tally.Incident, error) {
	var where []string
	var args []any
	if len(f.IDs) > 0 {
		where = append(where, "id IN ("+placeholders(len(f.IDs))+")")
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	if f.After != "" {
		var start string
		err := s.db.QueryRowContext(ctx, `SELECT start FROM incidents WHERE id = ?`, f.After).Scan(&start)
		if err == sql.ErrNoRows {
			return nil, tally.Errorf(tally.EINVALID, "cursor %q names no incident", f.After)
		} else if err != nil {
			return nil, err
		}
		where = append(where, "(start < ? OR start = ? AND id > ?)")
		args = append(args, start, start, f.After)
	}
	if !f.From.IsZero() {
		where = append(where, "start >= ?")
		args = append(args, f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		where = append(where, "start <> '' AND start <= ?")
		args = append(args, f.To.Format(time.DateOnly))
	}
	if f.Country != "" {
		where = append(where, "country = ?")
		args = append(args, strings.ToUpper(f.Country))
	}
	if f.Type != "" {
		where = append(where, "lower(event_type) = lower(?)")
		args = append(args, f.Type)
	}
	if f.Query != "" {
		where = append(where, `id IN (SELECT incident FROM incident_docs JOIN documents USING (hash)
			WHERE documents.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))`)
		args = append(args, ftsQuery(f.Query))
	}
	q := `SELECT body FROM incidents`
	if f.Brief {
		q = `SELECT CASE brief WHEN '' THEN body ELSE brief END FROM incidents`
	}
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY start DESC, id`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tally.Incident
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, err
		}
		var inc tally.Incident
		if err := gojson.UnmarshalNoEscape([]byte(body), &inc); err != nil {
			return nil, fmt.Errorf("incident body: %w", err)
		}
		out = append(out, inc)
	}
	return out, rows.Err()
}

// Incident returns one incident by id or unique prefix ("inc-3f2a").
func (s *DB) Incident(ctx context.Context, id string) (*tally.Incident, error) {
	if incs, err := s.Incidents(ctx, tally.IncidentFilter{IDs: []string{id}}); err != nil || len(incs) == 1 {
		if err != nil {
			return nil, err
		}
		return &incs[0], nil // the exact id: no scan for a prefix
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM incidents WHERE id LIKE ? ESCAPE '\' ORDER BY id LIMIT 2`, escapeLike(id)+"%")
	if err != nil {
		return nil, err
	}
	var ids []string
	for rows.Next() {
		var got string
		if err := rows.Scan(&got); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, got)
	}
	rows.Close()
	switch {
	case len(ids) == 0:
		return nil, tally.Errorf(tally.ENOTFOUND, "no incident %q", id)
	case len(ids) > 1:
		return nil, tally.Errorf(tally.ECONFLICT, "%q names more than one incident; give more of its id", id)
	}
	incs, err := s.Incidents(ctx, tally.IncidentFilter{IDs: ids[:1]})
	if err != nil {
		return nil, err
	}
	if len(incs) == 0 {
		return nil, tally.Errorf(tally.ENOTFOUND, "no incident %q", id)
	}
	return &incs[0], nil
}

// Search returns the hashes of documents matching a full-text query, best first.
func (s *DB) Search(ctx context.Context, query string, limit int) ([]string, error) {
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.db.QueryContext(ctx, `SELECT documents.hash FROM documents_fts JOIN documents ON documents.seq = documents_fts.rowid
		WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?`, ftsQuery(query), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// ftsQuery turns what a user types into an FTS5 query that cannot be a
// syntax error: every word becomes a quoted term (a trailing * keeps prefix
// search), "quoted phrases" stay phrases, and all terms must match.
func ftsQuery(q string) string {
	var terms []string
	for len(q) > 0 {
		q = strings.TrimLeft(q, " \t\r\n")
		if q == "" {
			break
		}
		if q[0] == '"' {
			end := strings.IndexByte(q[1:], '"')
			var phrase string
			if end < 0 {
				phrase, q = q[1:], ""
			} else {
				phrase, q = q[1:end+1], q[end+2:]
			}
			if w := strings.Fields(phrase); len(w) > 0 {
				terms = append(terms, quoteFTS(strings.Join(w, " ")))
			}
			continue
		}
		end := strings.IndexAny(q, " \t\r\n\"")
		if end < 0 {
			end = len(q)
		}
		word := q[:end]
		q = q[end:]
		prefix := strings.HasSuffix(word, "*")
		word = strings.TrimRight(word, "*")
		if word == "" {
			continue
		}
		t := quoteFTS(word)
		if prefix {
			t += "*"
		}
		terms = append(terms, t)
	}
	if len(terms) == 0 {
		return `""`
	}
	return strings.Join(terms, " AND ")
}

func quoteFTS(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }
