package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"tally"
	"tally/ingest"
)

// apiPostDocuments ingests articles: one JSON object or JSON Lines in the
// input shape of CONTRACT.md. It needs the write token; it answers 201 with
// what was stored when anything was new, 200 when everything was known.
func (s *server) apiPostDocuments(w http.ResponseWriter, r *http.Request) {
	if err := s.authorize(r); err != nil {
		s.apiError(w, r, err)
		return
	}
	arts, err := ingest.DecodeJSON(r.Body, "request")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeMu.Lock()
	// A write that has begun finishes even if the client goes away.
	res, err := ingest.Articles(context.WithoutCancel(r.Context()), s.st, arts)
	if res.New > 0 {
		s.cache.invalidate()
	}
	s.writeMu.Unlock()
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	status := http.StatusOK
	if res.New > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
}

// authorize checks the request's bearer token against the write token in
// constant time (over fixed-length digests, so not even the length leaks).
func (s *server) authorize(r *http.Request) error {
	if s.opt.WriteToken == "" {
		return tally.Errorf(tally.EFORBID, "this server is read-only: start it with --write-token to accept documents")
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	a := sha256.Sum256([]byte(strings.TrimSpace(got)))
	b := sha256.Sum256([]byte(s.opt.WriteToken))
	if subtle.ConstantTimeCompare(a[:], b[:]) != 1 || !ok {
		return tally.Errorf(tally.EFORBID, "missing or wrong write token (Authorization: Bearer TOKEN)")
	}
	return nil
}
