package ingest_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tally"
	"tally/ingest"
	"tally/store/sqlite"
)

func TestDecodeJSON(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		ids   []string
		error string // substring of the error, "" for none
	}{
		{"one object", `{"id": "a", "text": "Two were killed."}`, []string{"a"}, ""},
		{"pretty-printed object", "{\n  \"id\": \"a\",\n  \"text\": \"Two were killed.\"\n}\n", []string{"a"}, ""},
		{"JSON Lines", "{\"id\": \"a\", \"text\": \"x\"}\n\n{\"id\": 7, \"title\": \"Headline only\"}\n", []string{"a", "7"}, ""},
		{"no id", `{"url": "https://x.invalid/1", "text": "Two were killed."}`, []string{"posted-"}, ""},
		{"empty", "  \n", nil, "empty body"},
		{"malformed line", "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \n", nil, "request:2: malformed JSON"},
		{"no content", `{"id": "a", "outlet": "Somewhere"}`, nil, `no "text", "html" or "title"`},
		{"not an object", `[1, 2]`, nil, "malformed JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := ingest.DecodeJSON(strings.NewReader(tt.body), "request")
			if tt.error != "" {
				if err == nil || !strings.Contains(err.Error(), tt.error) || tally.ErrorCode(err) != tally.EINVALID {
					t.Fatalf("error %v, want EINVALID with %q", err, tt.error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != len(tt.ids) {
				t.Fatalf("%d articles, want %d", len(arts), len(tt.ids))
			}
			for i, a := range arts {
				if !strings.HasPrefix(a.ID, tt.ids[i]) {
					t.Errorf("article %d: id %q, want %q", i, a.ID, tt.ids[i])
				}
			}
		})
	}
	arts, err := ingest.DecodeJSON(strings.NewReader(`{"id": "a", "published": "2021-08-27", "html": "<p>x</p>", "text": "Two died."}`), "r")
	if err != nil {
		t.Fatal(err)
	}
	if a := arts[0]; !a.Published.Equal(time.Date(2021, 8, 27, 0, 0, 0, 0, time.UTC)) || a.HTML != "" || a.Text == "" {
		t.Errorf("article %+v: want the date read and text preferred over html", a)
	}
}

func TestArticlesAndRegroup(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	arts, err := ingest.DecodeJSON(strings.NewReader(`{"id": "a", "title": "Four killed in Orrin", "text": "Gunmen killed four people in Orrin on Sunday, police said."}
{"id": "b", "title": "Storm in Tarn", "text": "A storm hit Tarn on Monday; two people were injured."}`), "invented")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Articles(ctx, st, arts)
	if err != nil {
		t.Fatal(err)
	}
	if res.New != 2 || res.Unchanged != 0 || len(res.Hashes) != 2 || res.Incidents == 0 {
		t.Fatalf("first ingest: %+v", res)
	}
	again, err := ingest.Articles(ctx, st, arts[:1])
	if err != nil {
		t.Fatal(err)
	}
	if again.New != 0 || again.Unchanged != 1 || again.Incidents != 0 {
		t.Errorf("second ingest: %+v", again)
	}
	n, err := ingest.Regroup(ctx, st, true)
	if err != nil || n != res.Incidents {
		t.Errorf("Regroup from scratch: %d, %v; want %d", n, err, res.Incidents)
	}
	if _, err := ingest.Articles(ctx, st, nil); tally.ErrorCode(err) != tally.EINVALID {
		t.Errorf("no article: %v, want EINVALID", err)
	}
}
