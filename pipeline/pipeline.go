// Package pipeline wires the stages source → clean → extract → event and runs them
// over many inputs on every core, delivering results in input order.
//
// It sits between extract and resolve in the flow and imports nothing to its
// right.
package pipeline

import (
	"runtime"
	"sync"
	"sync/atomic"

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

// Batching: items travel to the workers and back in batches, so that a
// channel hand-over and a reorder step are paid per batch, not per article.
// Only items already in memory (JSON lines) are batched, up to batchItems or
// batchBytes; a file is a batch of its own.
const (
	batchItems = 8
	batchBytes = 256 << 10
	// windowBatches bounds the batches read but not yet emitted, and so the
	// memory in flight. It is wide enough to let the workers run ahead while
	// the first event description loads its tables (see warmer).
	windowBatches = 64
)

// Run reads every path and calls emit with each result in input order. At
// most windowBatches batches are in flight, so memory stays bounded whatever
// the input size.
func Run(paths []string, opt Options, emit func(Result)) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq   int
		items []source.Item
	}
	type done struct {
		seq int
		res []Result
	}
	jobs := make(chan job) // unbuffered: a send succeeds when a worker waits
	results := make(chan done, workers*2)
	window := make(chan struct{}, windowBatches)
	go func() {
		seq, size := 0, 0
		var batch []source.Item
		send := func() {
			jobs <- job{seq, batch}
			seq, size, batch = seq+1, 0, nil
		}
		source.Walk(paths, func(it source.Item) bool {
			if batch == nil {
				window <- struct{}{}
			}
			batch = append(batch, it)
			size += it.Size()
			if it.Size() == 0 || len(batch) >= batchItems || size >= batchBytes {
				send()
				return true
			}
			// A partial batch goes at once to an idle worker, so that a
			// slow stream (standard input) is not held back.
			select {
			case jobs <- job{seq, batch}:
				seq, size, batch = seq+1, 0, nil
			default:
			}
			return true
		})
		if batch != nil {
			send()
		}
		close(jobs)
	}()
	var w warmer
	w.init()
	var wg sync.WaitGroup
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var deferred []done // extracted, waiting for the event tables
			deferredBytes := 0
			finish := func(d done) {
				for i := range d.res {
					describe(&d.res[i], opt, &w)
				}
				results <- d
			}
			flush := func() {
				for _, d := range deferred {
					finish(d)
				}
				deferred, deferredBytes = nil, 0
			}
			for {
				var j job
				var ok bool
				if deferred != nil {
					select {
					case j, ok = <-jobs:
					case <-w.done:
						flush()
						continue
					}
				} else {
					j, ok = <-jobs
				}
				if !ok {
					break
				}
				d := done{j.seq, make([]Result, len(j.items))}
				for i, it := range j.items {
					d.res[i] = extractItem(it)
					deferredBytes += len(d.res[i].X.Doc.Text)
				}
				if deferredBytes < maxDeferred && w.busy() {
					deferred = append(deferred, d)
					continue
				}
				flush()
				finish(d)
			}
			flush()
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int][]Result{}
	next := 0
	for d := range results {
		pending[d.seq] = d.res
		for {
			rs, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			for _, r := range rs {
				emit(r)
			}
			<-window
			next++
		}
	}
}

// maxDeferred bounds the text a worker holds back while the event tables load.
const maxDeferred = 8 << 20

// extractItem loads, cleans and extracts one item: Process without event.
func extractItem(it source.Item) Result {
	r := Result{Where: it.Where()}
	a, err := it.Load()
	if err == nil {
		var t clean.Text
		if t, err = clean.Clean(a); err == nil {
			r.X = extract.Extract(t)
		} else {
			err = located(err, r.Where)
		}
	}
	r.Err = err
	return r
}

// describe finishes a result: event, then the caller's Prepare.
func describe(r *Result, opt Options, w *warmer) {
	if r.Err == nil {
		w.describe(&r.X)
	}
	if opt.Prepare != nil {
		r.Extra = opt.Prepare(r)
	}
}

// warmer lets one worker pay for loading the event tables (the gazetteer and
// its index: tens of milliseconds, on first use) while the others go on
// cleaning and extracting instead of waiting for it. The results do not
// depend on which worker describes which document, nor in which order.
type warmer struct {
	state atomic.Int32  // 0: nobody has described yet, 1: the first is running, 2: done
	done  chan struct{} // closed at state 2
}

func (w *warmer) init() { w.done = make(chan struct{}) }

// busy says whether another worker is loading the tables now.
func (w *warmer) busy() bool { return w.state.Load() == 1 }

// describe runs event.Describe; the first call marks the tables loaded.
func (w *warmer) describe(x *tally.Extraction) {
	if w.state.Load() == 2 || !w.state.CompareAndSwap(0, 1) {
		event.Describe(x) // loaded, or loading elsewhere: Describe waits for it
		return
	}
	event.Describe(x)
	w.state.Store(2)
	close(w.done)
}

// located makes sure an error names its input.
func located(err error, where string) error {
	if e, ok := err.(*tally.Error); ok && e.Where == "" {
		e.Where = where
	}
	return err
}
