package sqlite

import (
	"path/filepath"
	"strings"
	"testing"

	"tally"
	"tally/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) tally.Store {
		db, err := Open(filepath.Join(t.TempDir(), "tally.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	x := storetest.Sample("k", "kept text")
	if _, err := db.Put(t.Context(), []tally.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(path) // migrations must not run twice
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.Document(t.Context(), "k")
	if err != nil || got.Doc.Text != "kept text" {
		t.Fatalf("after reopen: %v, %v", got, err)
	}
}

func TestRefusesNewerDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.Exec(`INSERT INTO migrations (name, applied_at) VALUES ('migration/999_future.sql', '2030-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err := Open(path); err == nil {
		db.Close()
		t.Fatal("opened a database a newer tally wrote")
	} else if !strings.Contains(err.Error(), "newer tally") || !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file and the cause", err)
	}
}
