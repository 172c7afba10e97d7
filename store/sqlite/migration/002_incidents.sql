-- People named with their fate, and the document's main event (when, where,
-- who, what), both as JSON: they are read whole, never queried by part.
ALTER TABLE documents ADD COLUMN people TEXT NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN event  TEXT NOT NULL DEFAULT 'null';

-- Incidents as resolve made them. body is the incident's JSON (CONTRACT.md
-- shape); the other columns are copies of its fields for filtering and order.
CREATE TABLE incidents (
	id         TEXT    PRIMARY KEY,
	start      TEXT    NOT NULL DEFAULT '', -- YYYY-MM-DD, '' when unknown
	country    TEXT    NOT NULL DEFAULT '',
	event_type TEXT    NOT NULL DEFAULT '',
	killed     INTEGER,                     -- best figure
	wounded    INTEGER,
	disputed   INTEGER NOT NULL DEFAULT 0,
	n_docs     INTEGER NOT NULL,
	body       TEXT    NOT NULL
);
CREATE INDEX incidents_order ON incidents(start DESC, id);
CREATE INDEX incidents_country ON incidents(country);

-- Which incident each document is in; a document is in exactly one.
CREATE TABLE incident_docs (
	hash     TEXT PRIMARY KEY REFERENCES documents(hash) ON DELETE CASCADE,
	incident TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE
);
CREATE INDEX incident_docs_incident ON incident_docs(incident);

-- Full-text search over titles and texts (external content: the documents table).
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
INSERT INTO documents_fts(rowid, title, text) SELECT seq, title, text FROM documents;
-- Put indexes each batch with one statement (a trigger would flush the FTS
-- index once per document: 3x slower); documents are never deleted.
