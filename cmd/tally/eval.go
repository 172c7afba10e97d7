package main

import (
	"bytes"
	"fmt"
	"os"

	gojson "github.com/goccy/go-json"
	"github.com/spf13/cobra"

	"tally"
	"tally/eval"
	"tally/export"
	"tally/pipeline"
	"tally/resolve"
)

func evalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score extraction and grouping against gold annotations (same figures as score.py)",
		Long: `eval runs tally over the paths given and scores the result against gold annotations
with the project's own scorer, whose definitions and numbers equal ../shared/eval/score.py:
it prints a line for people, then one JSON line with every figure.`,
	}
	var gold, subset string
	var onlyPredicted bool
	claims := &cobra.Command{
		Use:   "claims --gold DIR PATH...",
		Short: "Claims: precision, recall, F1, qualifier and attribution accuracy against gold/*.json",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			xs, failed := extractAll(args)
			res, err := eval.ScoreClaims(gold, wireLines(xs), eval.ClaimsOptions{OnlyPredicted: onlyPredicted})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s\n%s\n", res.Text(), res.JSON())
			return failedErr(failed)
		},
	}
	claims.Flags().BoolVar(&onlyPredicted, "only-predicted", false, "score only the gold documents the paths hold")
	docs := &cobra.Command{
		Use:   "docs --gold gold.jsonl PATH...",
		Short: "Per-document killed and injured accuracy of the summaries against gold.jsonl",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			xs, failed := extractAll(args)
			g, err := os.Open(gold)
			if err != nil {
				return err
			}
			defer g.Close()
			res, err := eval.ScoreDocs(g, wireLines(xs))
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s\n%s\n", res.Text(), res.JSON())
			return failedErr(failed)
		},
	}
	incidents := &cobra.Command{
		Use:   "incidents --gold gold.jsonl [PATH...]",
		Short: "Grouping (B-cubed) and incident figures against gold.jsonl",
		Long: `eval incidents groups the documents of the paths given (in memory, nothing is
stored) or, without paths, scores the incidents stored in --db, against gold.jsonl.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var xs []tally.Extraction
			var incs []tally.Incident
			failed := 0
			if len(args) > 0 {
				xs, failed = extractAll(args)
				incs = resolve.Resolve(xs, nil, resolve.DefaultOptions)
			} else {
				st, err := openStore()
				if err != nil {
					return err
				}
				defer st.Close()
				if xs, err = st.Documents(cmd.Context(), tally.DocumentFilter{}); err != nil {
					return err
				}
				if incs, err = st.Incidents(cmd.Context(), tally.IncidentFilter{}); err != nil {
					return err
				}
			}
			var pred bytes.Buffer
			if err := export.IncidentsJSONL(&pred, incs); err != nil {
				return err
			}
			g, err := goldSubset(gold, subset)
			if err != nil {
				return err
			}
			goldCopy := bytes.NewReader(g.Bytes())
			res, err := eval.ScoreIncidents(g, bytes.NewReader(pred.Bytes()), wireLines(xs))
			if err != nil {
				return err
			}
			ww, err := eval.ScoreWhereWhen(goldCopy, &pred)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s\n%s\n", res.Text(), res.JSON())
			if ww.StateN+ww.CityN+ww.DateN > 0 {
				fmt.Fprintf(cmd.OutOrStdout(), "%s\n%s\n", ww.Text(), ww.JSON())
			}
			return failedErr(failed)
		},
	}
	incidents.Flags().StringVar(&subset, "subset", "", "score only the gold documents whose field of this name is set (gvc_split: the GVC train/dev incidents)")
	for _, c := range []*cobra.Command{claims, docs, incidents} {
		c.Flags().StringVar(&gold, "gold", "", "the gold annotations (a folder for claims, gold.jsonl otherwise)")
		c.MarkFlagRequired("gold")
		cmd.AddCommand(c)
	}
	return cmd
}

// extractAll runs the pipeline over the paths, reporting bad input on standard error.
func extractAll(paths []string) ([]tally.Extraction, int) {
	var xs []tally.Extraction
	failed := 0
	pipeline.Run(paths, pipeline.Options{}, func(r pipeline.Result) {
		if r.Err != nil {
			failed++
			fmt.Fprintln(os.Stderr, "tally:", r.Err)
			return
		}
		xs = append(xs, r.X)
	})
	return xs, failed
}

// wireLines renders extractions as `tally extract` prints them.
func wireLines(xs []tally.Extraction) *bytes.Buffer {
	var b bytes.Buffer
	for i := range xs {
		line, _ := gojson.Marshal(xs[i].Wire())
		b.Write(line)
		b.WriteByte('\n')
	}
	return &b
}

func failedErr(n int) error {
	if n > 0 {
		return exitError(n)
	}
	return nil
}

// goldSubset reads a gold.jsonl file, keeping only the rows whose field
// named subset is present and not null (all rows when subset is "").
func goldSubset(path, subset string) (*bytes.Buffer, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if subset == "" {
		return bytes.NewBuffer(data), nil
	}
	var out bytes.Buffer
	for n, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var row map[string]any
		if err := gojson.Unmarshal(line, &row); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n+1, err)
		}
		if row[subset] != nil {
			out.Write(line)
			out.WriteByte('\n')
		}
	}
	return &out, nil
}
