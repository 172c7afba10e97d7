package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"tally"
	"tally/ledger"
)

func reportCmd() *cobra.Command {
	var workers, limit int
	cmd := &cobra.Command{
		Use:   "report [--db FILE] [PATH...]",
		Short: "Ingest the paths given, then print the ledger of their claims",
		Long: `report ingests the files, folders or - given (if any), then prints a readable
ledger: per document its outlet, date and title, the figures of its main incident,
and each claim with its qualifier, victims, claimant, scope and sentence; then the
incidents those documents belong to, and the ledger of each one several reports
tell (sources side by side, reconciled figures, why grouped).
Without paths it prints every stored document.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			filter := tally.DocumentFilter{Limit: limit}
			failed := 0
			if len(args) > 0 {
				res, err := ingest(cmd.Context(), st, args, workers)
				if err != nil {
					return err
				}
				fmt.Fprintln(os.Stderr, "tally:", res)
				if err := groupNew(cmd.Context(), st, res); err != nil {
					return err
				}
				failed = res.failed
				if len(res.hashes) == 0 {
					return exitError(max(failed, 1))
				}
				filter.Hashes = res.hashes
			}
			docs, err := st.Documents(cmd.Context(), filter)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			opt := ledger.Options{Color: colorful(w), Width: 100}
			ledger.Write(w, docs, opt)
			if err := writeIncidentsOf(cmd, st, docs, opt); err != nil {
				return err
			}
			if failed > 0 {
				return exitError(failed)
			}
			return nil
		},
	}
	cmd.Flags().IntVarP(&workers, "workers", "j", 0, "goroutines to use (0: one per CPU)")
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most this many documents (0: all)")
	return cmd
}

// colorful says whether w is a terminal that wants colour (see no-color.org).
func colorful(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || strings.HasPrefix(os.Getenv("TERM"), "dumb") {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// writeIncidentsOf prints the incidents the documents belong to: a table of
// all, then the ledger of each that several reports tell.
func writeIncidentsOf(cmd *cobra.Command, st tally.Store, docs []tally.Extraction, opt ledger.Options) error {
	ctx := cmd.Context()
	assigned, err := st.Assignments(ctx)
	if err != nil {
		return err
	}
	var ids []string
	seen := map[string]bool{}
	byHash := map[string]*tally.Extraction{}
	for i := range docs {
		byHash[docs[i].Doc.Hash] = &docs[i]
		if id := assigned[docs[i].Doc.Hash]; id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	incs, err := st.Incidents(ctx, tally.IncidentFilter{IDs: ids})
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	fmt.Fprintln(w)
	ledger.WriteIncidents(w, incs, ledger.Options{Width: 120})
	for i := range incs {
		if len(incs[i].Docs) < 2 {
			continue
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, strings.Repeat("═", 80))
		ledger.WriteIncident(w, &incs[i], byHash, opt)
	}
	return nil
}
