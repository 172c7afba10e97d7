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
and each claim with its qualifier, victims, claimant, scope and sentence.
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
			ledger.Write(w, docs, ledger.Options{Color: colorful(w), Width: 100})
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
