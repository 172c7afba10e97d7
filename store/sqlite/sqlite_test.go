package sqlite

import (
	"path/filepath"
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
