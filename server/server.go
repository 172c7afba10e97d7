// Package server owns tally's HTTP face: the ledger as server-rendered HTML
// pages (incident list, incident, document, map), the JSON API, the exports
// and the one write endpoint (POST /api/documents, only with a write token).
// Templates, styles and the world outline are embedded; nothing is fetched
// from the network.
//
// It reads through the tally.Store interface and writes through package
// ingest; it presents with tally/export and tally/ledger. It must not import
// cmd, a store engine, or anything to its right in the flow.
package server

import (
	"embed"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync"
	"time"

	"tally"
)

//go:generate go run ./gen -o assets/world.txt

//go:embed assets
var assetFS embed.FS

// contentSecurityPolicy forbids inline scripts and styles and any origin but
// this one: article text is untrusted, so even a bug in escaping must not run.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// DefaultMaxBody is the request body limit when Options.MaxBody is 0.
const DefaultMaxBody = 10 << 20

// DefaultPageSize is the number of incidents a page or an API call lists
// when neither Options.PageSize nor ?limit= says otherwise.
const DefaultPageSize = 50

// MaxPageSize bounds ?limit= on the API.
const MaxPageSize = 500

// Options tune the server. The zero value is a read-only server.
type Options struct {
	// WriteToken, when set, enables POST /api/documents for requests that
	// carry it ("Authorization: Bearer TOKEN"). Empty: writing answers 403.
	WriteToken string
	// Logger receives one line per request; nil means slog.Default().
	Logger *slog.Logger
	// MaxBody bounds request bodies in bytes; 0 means DefaultMaxBody.
	MaxBody int64
	// PageSize is the number of incidents per page; 0 means DefaultPageSize.
	PageSize int
	// CacheTTL is how long at most answers to GET requests for pages and
	// the API are reused while the store's version stays the same; 0 means
	// DefaultCacheTTL, negative turns the cache off.
	// The server's own writes clear it; changes made by another process
	// show after at most this long.
	CacheTTL time.Duration
	// StoreConcurrency bounds the store calls in flight; 0 means
	// DefaultStoreConcurrency.
	StoreConcurrency int
}

// server holds what the handlers share.
type server struct {
	st    tally.Store
	opt   Options
	log   *slog.Logger
	pages *pages
	cache *cache
	// writeMu serialises writes: a write regroups the whole store.
	writeMu sync.Mutex
}

// New returns the HTTP handler of the ledger over st: pages, API, exports
// and assets, behind security headers, a body limit, panic recovery and a
// request log.
func New(st tally.Store, opt Options) http.Handler {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.PageSize <= 0 {
		opt.PageSize = DefaultPageSize
	}
	if opt.CacheTTL == 0 {
		opt.CacheTTL = DefaultCacheTTL
	}
	if opt.StoreConcurrency <= 0 {
		opt.StoreConcurrency = DefaultStoreConcurrency
	}
	s := &server{st: newGatedStore(st, opt.StoreConcurrency), opt: opt, log: opt.Logger, pages: mustParsePages(), cache: newCache(opt.CacheTTL, func(r *http.Request) (int64, error) { return st.Version(r.Context()) })}
	mux := http.NewServeMux()

	mux.HandleFunc("GET /{$}", s.pageIncidents)
	mux.HandleFunc("GET /incidents/{id}", s.pageIncident)
	mux.HandleFunc("GET /documents/{id}", s.pageDocument)
	mux.HandleFunc("GET /map", s.pageMap)

	mux.HandleFunc("GET /api/incidents", s.apiIncidents)
	mux.HandleFunc("GET /api/incidents/{id}", s.apiIncident)
	mux.HandleFunc("GET /api/documents/{id}", s.apiDocument)
	mux.HandleFunc("POST /api/documents", s.apiPostDocuments)
	mux.HandleFunc("GET /api/claims", s.apiClaims)
	mux.HandleFunc("GET /api/search", s.apiSearch)
	mux.HandleFunc("/api/", s.apiNotFound)

	mux.HandleFunc("GET /export/incidents.csv", s.exportHandler("csv"))
	mux.HandleFunc("GET /export/incidents.geojson", s.exportHandler("geojson"))
	mux.HandleFunc("GET /export/claims.jsonl", s.exportHandler("jsonl"))

	assets, _ := fs.Sub(assetFS, "assets")
	files := http.StripPrefix("/assets/", http.FileServerFS(assets))
	mux.Handle("GET /assets/", cacheFor(24*time.Hour, files))
	mux.HandleFunc("/", s.pageNotFound)

	return s.recover(s.logRequests(secure(limitBody(opt.MaxBody, s.cache.wrap(mux)))))
}

// secure sets the headers every response carries.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// limitBody caps every request body; reading past the cap fails with
// *http.MaxBytesError, which the handlers answer with 413.
func limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}

func cacheFor(d time.Duration, next http.Handler) http.Handler {
	v := "public, max-age=" + itoa(int(d.Seconds()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", v)
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status and size of a response for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests logs one line per request with log/slog.
func (s *server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		level := slog.LevelInfo
		if sw.status >= 500 {
			level = slog.LevelError
		}
		s.log.LogAttrs(r.Context(), level, "request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("query", r.URL.RawQuery),
			slog.Int("status", sw.status), slog.Int64("bytes", sw.bytes),
			slog.Duration("took", time.Since(start)), slog.String("remote", r.RemoteAddr))
	})
}

// recover turns a panic in a handler into a 500 and a logged stack.
func (s *server) recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "path", r.URL.Path, "value", v, "stack", string(debug.Stack()))
				writeJSONError(w, http.StatusInternalServerError, tally.EINTERNAL, "internal error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}
