// Package pipeline wires the stages source → clean → extract → event and runs them
// over many inputs on every core, delivering results in input order.
//
// It sits between extract and resolve in the flow and imports nothing to its
// right.
package pipeline

import (
	"runtime"
	"sync"

	"tally"
	"tally/clean"
	"tally/event"
	"tally/extract"
	"tally/source"
)

// Process cleans one article and extracts its claims.
func Process(a tally.Article) (tally.Extraction, error) {
	t, err := clean.Clean(a)
	if err != nil {
		return tally.Extraction{}, err
	}
	x := extract.Extract(t)
	event.Describe(&x)
	return x, nil
}

// Result is one input through the pipeline: its extraction or why it failed,
// and whatever the caller's Prepare hook made of it.
type Result struct {
	Where string // "file" or "file:line"
	X     tally.Extraction
	Err   error
	Extra any // set by Options.Prepare on the worker
}

// Options tune Run.
type Options struct {
	// Workers is the number of goroutines; 0 means one per CPU.
	Workers int
	// Prepare, if set, runs on the worker after extraction (e.g. to encode
	// JSON in parallel); its value lands in Result.Extra.
	Prepare func(*Result) any
}

// Run reads every path and calls emit with each result in input order. At
// most a few items per worker are in flight, so memory stays bounded
// whatever the input size.
func Run(paths []string, opt Options, emit func(Result)) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq  int
		item source.Item
	}
	type done struct {
		seq int
		res Result
	}
	jobs := make(chan job, workers*4)
	results := make(chan done, workers*4)
	window := make(chan struct{}, workers*16) // bounds the reorder buffer
	go func() {
		seq := 0
		source.Walk(paths, func(it source.Item) bool {
			window <- struct{}{}
			jobs <- job{seq, it}
			seq++
			return true
		})
		close(jobs)
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := Result{Where: j.item.Where()}
				a, err := j.item.Load()
				if err == nil {
					r.X, err = Process(a)
					if err != nil {
						err = located(err, r.Where)
					}
				}
				r.Err = err
				if opt.Prepare != nil {
					r.Extra = opt.Prepare(&r)
				}
				results <- done{j.seq, r}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]Result{}
	next := 0
	for d := range results {
		pending[d.seq] = d.res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			emit(r)
			<-window
			next++
		}
	}
}

// located makes sure an error names its input.
func located(err error, where string) error {
	if e, ok := err.(*tally.Error); ok && e.Where == "" {
		e.Where = where
	}
	return err
}
