package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"tally"
	storeingest "tally/ingest"
)

// regroup brings the stored incidents up to date (see ingest.Regroup).
func regroup(ctx context.Context, st tally.Store, fresh bool) (int, error) {
	return storeingest.Regroup(ctx, st, fresh)
}

func groupCmd() *cobra.Command {
	var fresh bool
	cmd := &cobra.Command{
		Use:   "group [--db FILE] [--fresh]",
		Short: "Group the stored documents into incidents again",
		Long: `group reconciles every stored incident again. Documents keep the incident they
are in; with --fresh all documents are grouped from scratch (incident ids may change).
ingest and report group new documents themselves; this command is for a changed
grouping model or a store filled by an older version.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			n, err := regroup(cmd.Context(), st, fresh)
			if err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "tally: %d incidents\n", n)
			return nil
		},
	}
	cmd.Flags().BoolVar(&fresh, "fresh", false, "group all documents from scratch")
	return cmd
}
