// Package sqlite is the embedded store: tally.Store on SQLite through
// modernc.org/sqlite (pure Go), in WAL mode, with migrations embedded in the
// binary and recorded in a migrations table.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"tally"
)

//go:embed migration/*.sql
var migrations embed.FS

// DB is a tally store in one SQLite file.
type DB struct {
	db   *sql.DB
	path string
}

var _ tally.Store = (*DB)(nil)

// Open opens (creating if needed) the database file at path and brings its
// schema up to date. ":memory:" opens a private in-memory database.
func Open(path string) (*DB, error) {
	if path != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	dsn := "file:" + path + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if path == ":memory:" {
		db.SetMaxOpenConns(1) // one connection, or each would see its own empty database
	}
	s := &DB{db: db, path: path}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// Path returns the file the store lives in.
func (s *DB) Path() string { return s.path }

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// migrate applies the embedded migrations not yet recorded, each in its own transaction.
func (s *DB) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	names, err := fs.Glob(migrations, "migration/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	if err := s.checkNotNewer(ctx, names); err != nil {
		return err
	}
	for _, name := range names {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`, name, now()); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// checkNotNewer refuses a database that records a migration this binary
// does not have: a newer tally wrote it, and this one would misread it.
func (s *DB) checkNotNewer(ctx context.Context, known []string) error {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM migrations ORDER BY name`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return err
		}
		if !slices.Contains(known, name) {
			return fmt.Errorf("the database was written by a newer tally (it has migration %s): upgrade tally or use another database", name)
		}
	}
	return rows.Err()
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// isPrefixKey says whether a lookup key may be a hash prefix.
func isPrefixKey(key string) bool {
	if len(key) < 8 || len(key) > 32 {
		return false
	}
	return strings.Trim(strings.ToLower(key), "0123456789abcdef") == ""
}
