package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"tally"
	"tally/export"
	"tally/ledger"
)

// incidentFlags are the filters `incidents` shares with the server's list.
type incidentFlags struct {
	from, to, country, typ, query string
	limit                         int
}

func (f *incidentFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.from, "from", "", "only incidents on or after this date (YYYY-MM-DD)")
	cmd.Flags().StringVar(&f.to, "to", "", "only incidents on or before this date (YYYY-MM-DD)")
	cmd.Flags().StringVar(&f.country, "country", "", "only incidents in this country (ISO code: US, UA, RU ...)")
	cmd.Flags().StringVar(&f.typ, "type", "", "only incidents of this event type (Battles, Shooting ...)")
	cmd.Flags().StringVarP(&f.query, "search", "q", "", "only incidents whose reports match this full-text query")
	cmd.Flags().IntVar(&f.limit, "limit", 0, "at most this many incidents (0: all)")
}

func (f *incidentFlags) filter() (tally.IncidentFilter, error) {
	out := tally.IncidentFilter{Country: f.country, Type: f.typ, Query: f.query, Limit: f.limit}
	for _, d := range []struct {
		s string
		t *time.Time
	}{{f.from, &out.From}, {f.to, &out.To}} {
		if d.s == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.s)
		if err != nil {
			return out, fmt.Errorf("date %q: want YYYY-MM-DD", d.s)
		}
		*d.t = t
	}
	return out, nil
}

func incidentsCmd() *cobra.Command {
	var format string
	var flags incidentFlags
	cmd := &cobra.Command{
		Use:   "incidents [--db FILE] [--format table|jsonl|csv|geojson]",
		Short: "List the stored incidents with their reconciled figures",
		Long: `incidents prints the incidents the stored reports were grouped into, newest first:
a table for the terminal, JSON Lines in the shape of CONTRACT.md, CSV with ACLED/UCDP-like
columns (event_date, date_precision, location, latitude, longitude, fatalities_low/best/high,
wounded, sources, notes), or GeoJSON.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := flags.filter()
			if err != nil {
				return err
			}
			st, err := openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			incs, err := st.Incidents(cmd.Context(), f)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			switch format {
			case "table":
				ledger.WriteIncidents(w, incs, ledger.Options{})
				return nil
			case "jsonl":
				return export.IncidentsJSONL(w, incs)
			case "csv":
				return export.IncidentsCSV(w, incs)
			case "geojson":
				return export.IncidentsGeoJSON(w, incs)
			}
			return fmt.Errorf("unknown format %q: want table, jsonl, csv or geojson", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table, jsonl, csv or geojson")
	flags.add(cmd)
	return cmd
}

func showCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "show [--db FILE] INCIDENT",
		Short: "Print one incident's ledger: sources side by side, reconciled figures, why grouped",
		Long: `show prints an incident (its id, or a unique prefix of it): the reconciled low / best /
high and conservative figures with the grade they earn, every source's figure side by
side with its outlet, claimant, report time and sentence, and why each document was
put in the incident.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			inc, err := st.Incident(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			xs, err := st.Documents(cmd.Context(), tally.DocumentFilter{Hashes: inc.Hashes})
			if err != nil {
				return err
			}
			docs := map[string]*tally.Extraction{}
			for i := range xs {
				docs[xs[i].Doc.Hash] = &xs[i]
			}
			w := cmd.OutOrStdout()
			ledger.WriteIncident(w, inc, docs, ledger.Options{Color: colorful(w)})
			return nil
		},
	}
}
