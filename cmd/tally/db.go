package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"tally"
	"tally/store/sqlite"
)

// dbFlag is the --db value shared by the commands that use the store.
var dbFlag string

// defaultDB is $TALLY_DB, else tally.db in the user's data directory
// ($XDG_DATA_HOME/tally, or ~/.local/share/tally).
func defaultDB() string {
	if v := os.Getenv("TALLY_DB"); v != "" {
		return v
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "tally.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "tally", "tally.db")
}

// openStore opens the store named by --db (a file path or sqlite:///path)
// and says which on standard error.
func openStore() (tally.Store, error) {
	name := dbFlag
	if name == "" {
		name = defaultDB()
	}
	if strings.HasPrefix(name, "postgres://") || strings.HasPrefix(name, "postgresql://") {
		return nil, fmt.Errorf("PostgreSQL is not wired in this build yet; use a SQLite file")
	}
	path := strings.TrimPrefix(name, "sqlite://")
	db, err := sqlite.Open(path)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "tally: database %s\n", path)
	return db, nil
}
