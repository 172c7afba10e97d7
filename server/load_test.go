package server_test

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"tally"
	"tally/server"
	"tally/store/sqlite"
)

var (
	loadFlag  = flag.Bool("load", false, "run the load test over the GVA store (../../shared/data/gva/docs.jsonl)")
	loadFor   = flag.Duration("load-for", 20*time.Second, "how long the load test runs per phase")
	loadConns = flag.Int("load-conns", 50, "connections of the load test")
	loadDB    = flag.String("load-db", "", "use this already filled store instead of ingesting the GVA set")
)

// TestLoad serves the GVA store (5,666 articles) on loopback and runs
// -load-conns connections for -load-for against the incident list and an
// incident page, with the response cache on (the default) and off. It runs
// only with -load:
//
//	go test ./server -run Load -load -v
//
// It fails on any error or a p99 of 50 ms or more with the cache on; the
// uncached figures are reported only.
func TestLoad(t *testing.T) {
	if !*loadFlag {
		t.Skip("load test: run with -load (go test ./server -run Load -load -v)")
	}
	path := *loadDB
	if path == "" {
		src := filepath.Join("..", "..", "shared", "data", "gva", "docs.jsonl")
		if _, err := os.Stat(src); err != nil {
			t.Skipf("load test needs %s: %v", src, err)
		}
		path = filepath.Join(t.TempDir(), "gva.db")
		st, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		ingestFile(t, st, src)
		st.Close()
		t.Logf("ingested %s in %v", src, time.Since(start).Round(time.Millisecond))
	}
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	incs, err := st.Incidents(context.Background(), tally.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// The incident with the most reports: the heaviest page.
	target := incs[0]
	for _, inc := range incs {
		if len(inc.Docs) > len(target.Docs) {
			target = inc
		}
	}
	t.Logf("store: %d incidents; incident page %s (%d reports, %d figures)", len(incs), target.ID, len(target.Docs), len(target.Sources))
	paths := []string{"/", "/incidents/" + target.ID}

	for _, phase := range []struct {
		name string
		ttl  time.Duration
		bar  bool
	}{{"cache on (default)", 0, true}, {"cache off", -1, false}} {
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ctx, stop := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- server.Serve(ctx, ln, server.New(st, server.Options{CacheTTL: phase.ttl, Logger: quiet}), quiet)
		}()
		res := hammer("http://"+ln.Addr().String(), paths, *loadConns, *loadFor)
		stop()
		if err := <-done; err != nil {
			t.Errorf("%s: serve: %v", phase.name, err)
		}
		for _, p := range paths {
			r := res[p]
			t.Logf("%-18s %-28s %7d requests %8.0f req/s  errors %d  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms",
				phase.name, p, r.n, float64(r.n)/loadFor.Seconds(), r.errors, ms(r.pct(50)), ms(r.pct(99)), ms(r.pct(100)))
			if r.errors > 0 {
				t.Errorf("%s %s: %d errors (first: %v)", phase.name, p, r.errors, r.firstErr)
			}
			if phase.bar && r.pct(99) >= 50*time.Millisecond {
				t.Errorf("%s %s: p99 %v, want < 50 ms", phase.name, p, r.pct(99))
			}
		}
	}
}

// loadResult gathers the latencies of one path.
type loadResult struct {
	n, errors int
	firstErr  error
	lat       []time.Duration
}

func (r *loadResult) pct(p int) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	i := min(len(r.lat)*p/100, len(r.lat)-1)
	return r.lat[i]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// hammer runs conns workers, each with its own keep-alive connection,
// cycling through paths for d; a non-200 answer or a transport error is an
// error.
func hammer(base string, paths []string, conns int, d time.Duration) map[string]*loadResult {
	var mu sync.Mutex
	out := map[string]*loadResult{}
	for _, p := range paths {
		out[p] = &loadResult{}
	}
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for w := 0; w < conns; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1}}
			local := map[string]*loadResult{}
			for _, p := range paths {
				local[p] = &loadResult{}
			}
			for i := w; time.Now().Before(deadline); i++ {
				p := paths[i%len(paths)]
				r := local[p]
				start := time.Now()
				resp, err := client.Get(base + p)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				r.lat = append(r.lat, time.Since(start))
				r.n++
				if err != nil {
					r.errors++
					if r.firstErr == nil {
						r.firstErr = err
					}
				}
			}
			mu.Lock()
			for p, r := range local {
				o := out[p]
				o.n += r.n
				o.errors += r.errors
				o.lat = append(o.lat, r.lat...)
				if o.firstErr == nil {
					o.firstErr = r.firstErr
				}
			}
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	for _, r := range out {
		slices.Sort(r.lat)
	}
	return out
}
