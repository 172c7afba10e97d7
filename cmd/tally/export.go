package main

import (
	"bufio"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"tally"
	"tally/server"
)

func exportCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "export [--db FILE] --format csv|geojson|jsonl",
		Short: "Write the store as CSV or GeoJSON incidents, or JSON Lines documents with their claims",
		Long: `export writes the whole store on standard output: incidents as CSV (ACLED/UCDP-like
columns) or GeoJSON, or every document with its claims as JSON Lines (the shape
tally extract prints). The server's /export/incidents.csv, /export/incidents.geojson
and /export/claims.jsonl write the same bytes.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(server.ExportFormats, format) {
				return fmt.Errorf("unknown format %q: want csv, geojson or jsonl", format)
			}
			st, err := openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			w := bufio.NewWriter(cmd.OutOrStdout())
			if err := server.Export(cmd.Context(), w, st, format, tally.IncidentFilter{}); err != nil {
				return err
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&format, "format", "csv", "csv, geojson or jsonl")
	return cmd
}
