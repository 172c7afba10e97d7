package main

import (
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"

	"tally/server"
)

func serveCmd() *cobra.Command {
	var addr, token string
	var cacheTTL time.Duration
	cmd := &cobra.Command{
		Use:   "serve [--db FILE] [--addr 127.0.0.1:8080] [--write-token TOKEN]",
		Short: "Serve the ledger in a browser and as a JSON API",
		Long: `serve shows the stored incidents and documents as web pages (list, incident,
document, map), a JSON API (/api/incidents, /api/incidents/{id}, /api/documents/{id},
/api/claims, /api/search) and exports (/export/incidents.csv, .geojson, /export/claims.jsonl).
It is read-only unless a write token is given (--write-token or $TALLY_WRITE_TOKEN): then
POST /api/documents with "Authorization: Bearer TOKEN" ingests articles (JSON or JSON Lines).
Pages and API answers are cached for --cache-ttl, so a change another process makes
to the database shows within that time. It stops gracefully on SIGINT or SIGTERM.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if token == "" {
				token = os.Getenv("TALLY_WRITE_TOKEN")
			}
			st, err := openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			log := slog.New(slog.NewTextHandler(os.Stderr, nil))
			if token != "" {
				log.Info("writing enabled: POST /api/documents needs the write token")
			}
			if cacheTTL == 0 {
				cacheTTL = -1 // off
			}
			h := server.New(st, server.Options{WriteToken: token, Logger: log, CacheTTL: cacheTTL})
			return server.Run(cmd.Context(), addr, h, log)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port)")
	cmd.Flags().StringVar(&token, "write-token", "", "enable POST /api/documents for requests with this bearer token (default $TALLY_WRITE_TOKEN)")
	cmd.Flags().DurationVar(&cacheTTL, "cache-ttl", server.DefaultCacheTTL, "reuse rendered pages and API answers this long (0: off); writes through the server clear it at once")
	return cmd
}
