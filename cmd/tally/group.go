package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"tally"
	"tally/resolve"
)

// regroup brings the stored incidents up to date: documents already in an
// incident keep it (unless fresh), the others attach to one or open their
// own, and every incident is reconciled again and stored.
func regroup(ctx context.Context, st tally.Store, fresh bool) (int, error) {
	docs, err := st.Documents(ctx, tally.DocumentFilter{})
	if err != nil {
		return 0, err
	}
	assigned := map[string]string{}
	if !fresh {
		if assigned, err = st.Assignments(ctx); err != nil {
			return 0, err
		}
	}
	incs := resolve.Resolve(docs, assigned, resolve.DefaultOptions)
	if err := st.PutIncidents(ctx, incs); err != nil {
		return 0, fmt.Errorf("store incidents: %w", err)
	}
	return len(incs), nil
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
