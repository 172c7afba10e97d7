package server

import (
	"bytes"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultCacheTTL is how long a rendered page or API answer is reused at
// most when Options.CacheTTL is 0. Before that, any change to the store
// (by this server or another process: tally.Store.Version) retires it.
const DefaultCacheTTL = 5 * time.Minute

// Bounds of the response cache.
const (
	cacheMaxEntries = 2048
	cacheMaxBytes   = 64 << 20
	cacheMaxEntry   = 2 << 20 // larger answers are not kept
)

// cache keeps the answers to GET requests for pages and the API while the
// store stays as it was, so that readers cost one store query and one
// rendering per URL and store version. Every request asks the store for its
// version (one small query): a write by any process retires what was
// rendered before it; the server's own writes also empty the cache (gen).
// Answers are kept at most ttl; only 200 answers are kept; concurrent
// misses of one URL render it once.
type cache struct {
	ttl     time.Duration
	version func(*http.Request) (int64, error)
	gen     atomic.Uint64

	mu      sync.Mutex
	entries map[string]*cached
	bytes   int
	flights map[string]*flight
}

type cached struct {
	gen     uint64
	version int64
	expires time.Time
	status  int
	header  http.Header
	body    []byte
}

type flight struct {
	done chan struct{}
	res  *cached // nil when the answer was not cacheable
}

func newCache(ttl time.Duration, version func(*http.Request) (int64, error)) *cache {
	return &cache{ttl: ttl, version: version, entries: map[string]*cached{}, flights: map[string]*flight{}}
}

// invalidate drops every cached answer (after a write).
func (c *cache) invalidate() {
	c.gen.Add(1)
	c.mu.Lock()
	c.entries, c.bytes = map[string]*cached{}, 0
	c.mu.Unlock()
}

// cacheable says which requests the cache may answer: GET and HEAD of the
// pages and the read API. Exports (large) and assets (static) are not kept.
func cacheable(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	p := r.URL.Path
	return !strings.HasPrefix(p, "/export/") && !strings.HasPrefix(p, "/assets/")
}

// wrap serves cacheable requests from the cache, filling it from next.
func (c *cache) wrap(next http.Handler) http.Handler {
	if c == nil || c.ttl <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !cacheable(r) {
			next.ServeHTTP(w, r)
			return
		}
		version, err := c.version(r)
		if err != nil {
			next.ServeHTTP(w, r) // the store cannot say: render afresh
			return
		}
		key := r.Method + " " + r.URL.RequestURI()
		now := time.Now()
		gen := c.gen.Load()
		c.mu.Lock()
		if e := c.entries[key]; e != nil && e.gen == gen && e.version == version && now.Before(e.expires) {
			c.mu.Unlock()
			e.write(w)
			return
		}
		if f := c.flights[key]; f != nil {
			c.mu.Unlock()
			<-f.done
			if f.res != nil {
				f.res.write(w)
				return
			}
			// Not cacheable (an error, say): render it ourselves.
			next.ServeHTTP(w, r)
			return
		}
		f := &flight{done: make(chan struct{})}
		c.flights[key] = f
		c.mu.Unlock()

		rec := &recorder{header: http.Header{}}
		func() {
			defer func() {
				c.mu.Lock()
				delete(c.flights, key)
				c.mu.Unlock()
				close(f.done)
			}()
			next.ServeHTTP(rec, r)
			if rec.status == 0 {
				rec.status = http.StatusOK
			}
			if rec.status == http.StatusOK && rec.body.Len() <= cacheMaxEntry {
				f.res = &cached{gen: gen, version: version, expires: now.Add(c.ttl), status: rec.status, header: rec.header, body: rec.body.Bytes()}
				c.store(key, f.res)
			}
		}()
		res := f.res
		if res == nil {
			res = &cached{status: rec.status, header: rec.header, body: rec.body.Bytes()}
		}
		res.write(w)
	})
}

// store keeps an entry, making room by dropping expired entries, or all of
// them when that is not enough.
func (c *cache) store(key string, e *cached) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.gen != c.gen.Load() {
		return // a write happened while rendering
	}
	if len(c.entries) >= cacheMaxEntries || c.bytes+len(e.body) > cacheMaxBytes {
		now := time.Now()
		for k, old := range c.entries {
			if !now.Before(old.expires) {
				c.bytes -= len(old.body)
				delete(c.entries, k)
			}
		}
		if len(c.entries) >= cacheMaxEntries || c.bytes+len(e.body) > cacheMaxBytes {
			c.entries, c.bytes = map[string]*cached{}, 0
		}
	}
	if old := c.entries[key]; old != nil {
		c.bytes -= len(old.body)
	}
	c.entries[key] = e
	c.bytes += len(e.body)
}

func (e *cached) write(w http.ResponseWriter) {
	h := w.Header()
	for k, v := range e.header {
		h[k] = v
	}
	w.WriteHeader(e.status)
	w.Write(e.body)
}

// recorder buffers a response for the cache.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}
