-- The incident without its sources, reasons and related incidents: what a
-- list shows, a tenth of the body to decode.
ALTER TABLE incidents ADD COLUMN brief TEXT NOT NULL DEFAULT '';
