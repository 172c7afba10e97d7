package server

import (
	"context"

	"tally"
)

// DefaultStoreConcurrency bounds how many store calls run at once when
// Options.StoreConcurrency is 0. The SQLite engine goes through
// database/sql, which keeps 2 idle connections: more concurrent calls open
// (and soon close) new connections, and under load that churn, not the
// queries, dominates. Queueing at the gate keeps the connections warm;
// templates render outside it.
const DefaultStoreConcurrency = 2

// gatedStore lets at most cap(sem) calls into the store at once.
type gatedStore struct {
	tally.Store
	sem chan struct{}
}

func newGatedStore(st tally.Store, n int) *gatedStore {
	return &gatedStore{Store: st, sem: make(chan struct{}, n)}
}

// enter waits for a slot, or for ctx to end.
func (g *gatedStore) enter(ctx context.Context) error {
	select {
	case g.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g *gatedStore) leave() { <-g.sem }

func (g *gatedStore) Put(ctx context.Context, batch []tally.Extraction) ([]bool, error) {
	if err := g.enter(ctx); err != nil {
		return nil, err
	}
	defer g.leave()
	return g.Store.Put(ctx, batch)
}

func (g *gatedStore) Documents(ctx context.Context, f tally.DocumentFilter) ([]tally.Extraction, error) {
	if err := g.enter(ctx); err != nil {
		return nil, err
	}
	defer g.leave()
	return g.Store.Documents(ctx, f)
}

func (g *gatedStore) Document(ctx context.Context, key string) (*tally.Extraction, error) {
	if err := g.enter(ctx); err != nil {
		return nil, err
	}
	defer g.leave()
	return g.Store.Document(ctx, key)
}

func (g *gatedStore) Assignments(ctx context.Context) (map[string]string, error) {
	if err := g.enter(ctx); err != nil {
		return nil, err
	}
	defer g.leave()
	return g.Store.Assignments(ctx)
}

func (g *gatedStore) PutIncidents(ctx context.Context, incs []tally.Incident) error {
	if err := g.enter(ctx); err != nil {
		return err
	}
	defer g.leave()
	return g.Store.PutIncidents(ctx, incs)
}

func (g *gatedStore) Incidents(ctx context.Context, f tally.IncidentFilter) ([]tally.Incident, error) {
	if err := g.enter(ctx); err != nil {
		return nil, err
	}
	defer g.leave()
	return g.Store.Incidents(ctx, f)
}

func (g *gatedStore) Incident(ctx context.Context, id string) (*tally.Incident, error) {
	if err := g.enter(ctx); err != nil {
		return nil, err
	}
	defer g.leave()
	return g.Store.Incident(ctx, id)
}

func (g *gatedStore) Search(ctx context.Context, query string, limit int) ([]string, error) {
	if err := g.enter(ctx); err != nil {
		return nil, err
	}
	defer g.leave()
	return g.Store.Search(ctx, query, limit)
}
