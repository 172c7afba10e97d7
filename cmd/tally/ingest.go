package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"tally"
	"tally/pipeline"
)

// batchSize is how many documents one transaction stores.
const batchSize = 1000

func ingestCmd() *cobra.Command {
	var workers int
	cmd := &cobra.Command{
		Use:   "ingest [--db FILE] PATH...",
		Short: "Extract and store documents and their claims",
		Long: `ingest runs the extract pipeline over files, folders or - and stores documents,
cleaned text and claims in the database. A document is identified by a hash of
its cleaned text and URL: ingesting the same report again adds nothing.
Bad input is reported on standard error, one line each; the rest is stored.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := ingest(cmd.Context(), st, args, workers)
			if err != nil {
				return err
			}
			fmt.Fprintln(os.Stderr, "tally:", res)
			if err := groupNew(cmd.Context(), st, res); err != nil {
				return err
			}
			if res.failed > 0 {
				return exitError(res.failed)
			}
			return nil
		},
	}
	cmd.Flags().IntVarP(&workers, "workers", "j", 0, "goroutines to use (0: one per CPU)")
	return cmd
}

// ingestResult counts what an ingest did and lists the documents it read.
type ingestResult struct {
	fresh, unchanged, failed int
	hashes                   []string
}

func (r ingestResult) String() string {
	return fmt.Sprintf("%d new, %d unchanged, %d failed", r.fresh, r.unchanged, r.failed)
}

// ingest stores every document of the paths, batchSize per transaction.
// Failures of single inputs are reported on standard error and counted.
func ingest(ctx context.Context, st tally.Store, paths []string, workers int) (ingestResult, error) {
	debug.SetGCPercent(400)
	var res ingestResult
	var batch []tally.Extraction
	var storeErr error
	flush := func() {
		if len(batch) == 0 || storeErr != nil {
			return
		}
		fresh, err := st.Put(ctx, batch)
		if err != nil {
			storeErr = err
			return
		}
		for _, f := range fresh {
			if f {
				res.fresh++
			} else {
				res.unchanged++
			}
		}
		batch = batch[:0]
	}
	pipeline.Run(paths, pipeline.Options{Workers: workers}, func(r pipeline.Result) {
		if r.Err != nil {
			res.failed++
			fmt.Fprintln(os.Stderr, "tally:", r.Err)
			return
		}
		res.hashes = append(res.hashes, r.X.Doc.Hash)
		batch = append(batch, r.X)
		if len(batch) >= batchSize {
			flush()
		}
	})
	flush()
	return res, storeErr
}

// groupNew groups the documents an ingest stored into incidents, and says
// how many incidents the store holds.
func groupNew(ctx context.Context, st tally.Store, res ingestResult) error {
	if res.fresh == 0 {
		return nil
	}
	n, err := regroup(ctx, st, false)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "tally: %d incidents\n", n)
	return nil
}
