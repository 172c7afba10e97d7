package tally

import "context"

// Store keeps documents and their claims. Engines (store/sqlite,
// store/postgres) implement it and pass the same test suite.
type Store interface {
	// Put stores a batch of extractions in one transaction. A document whose
	// Hash is already stored is left untouched; the result says, per item,
	// whether it was new. Nothing is written if the transaction fails.
	Put(ctx context.Context, batch []Extraction) (fresh []bool, err error)

	// Documents returns stored documents with their claims and summaries in
	// the order they were first stored, filtered by f.
	Documents(ctx context.Context, f DocumentFilter) ([]Extraction, error)

	// Document returns one stored document by hash (or a unique prefix of at
	// least 8 characters) or by its input id. ENOTFOUND if there is none.
	Document(ctx context.Context, key string) (*Extraction, error)

	// Assignments returns, for every document already grouped, its hash
	// mapped to the id of its incident.
	Assignments(ctx context.Context) (map[string]string, error)

	// PutIncidents replaces the stored incidents with incs in one
	// transaction: afterwards the store holds exactly these.
	PutIncidents(ctx context.Context, incs []Incident) error

	// Incidents returns stored incidents, newest event first (then by id),
	// filtered by f; After is a cursor (the id of the last incident seen).
	Incidents(ctx context.Context, f IncidentFilter) ([]Incident, error)

	// Incident returns one incident by id or unique id prefix. ENOTFOUND if
	// there is none.
	Incident(ctx context.Context, id string) (*Incident, error)

	// Search returns the hashes of stored documents whose title or text
	// match a full-text query (words, "phrases", prefix*), best first.
	Search(ctx context.Context, query string, limit int) ([]string, error)

	// Version returns a number that changes whenever stored documents or
	// incidents change (by this process or another): a reader may keep what
	// it derived from the store while the version stays the same.
	Version(ctx context.Context) (int64, error)

	// Close releases the engine.
	Close() error
}

// DocumentFilter selects stored documents. The zero value selects all.
type DocumentFilter struct {
	Hashes []string // only these documents, when non-empty
	After  int64    // only documents stored after this sequence number (cursor)
	Limit  int      // at most this many; 0 means no limit
}
