// Command tally reads news reports of violent events and builds a ledger of
// casualty claims: who claims how many were killed, wounded, captured or
// missing, of whom, where and when.
//
// This package holds flags and wiring only; the work is done by the
// packages it calls.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	root := &cobra.Command{
		Use:   "tally",
		Short: "Build a ledger of casualty claims from news reports",
		Long: `tally reads news reports (text, saved web pages, JSON Lines) and finds every
casualty figure with who claims it, of whom, and whether it is one incident's toll
or a running total. It stores documents and claims in SQLite and prints them.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	var cpuProfile string
	root.PersistentFlags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile (pprof) to this file")
	root.PersistentFlags().MarkHidden("cpuprofile")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if cpuProfile == "" {
			return nil
		}
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		return pprof.StartCPUProfile(f)
	}
	root.PersistentFlags().StringVar(&dbFlag, "db", "", "database file (default $TALLY_DB, else tally/tally.db in the XDG data directory)")
	root.AddCommand(extractCmd(), ingestCmd(), reportCmd(), groupCmd(), incidentsCmd(), showCmd(), evalCmd(), versionCmd(), serveCmd(), exportCmd())
	err := root.Execute()
	pprof.StopCPUProfile()
	if err != nil {
		fmt.Fprintln(os.Stderr, "tally:", err)
		os.Exit(exitCode(err))
	}
}

// exitError carries an exit status without a message of its own (the
// failures were already reported one per line).
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("%d input(s) failed", int(e)) }

func exitCode(err error) int {
	if _, ok := err.(exitError); ok {
		return 1
	}
	return 2
}

func versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print tally's version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprintln(cmd.OutOrStdout(), "tally", version)
		},
	}
}
