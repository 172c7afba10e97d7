-- Documents as cleaned, one row per identity (hash of cleaned text and URL).
CREATE TABLE documents (
	seq         INTEGER PRIMARY KEY AUTOINCREMENT,
	hash        TEXT    NOT NULL UNIQUE,
	id          TEXT    NOT NULL,
	url         TEXT    NOT NULL DEFAULT '',
	title       TEXT    NOT NULL DEFAULT '',
	outlet      TEXT    NOT NULL DEFAULT '',
	published   TEXT    NOT NULL DEFAULT '', -- RFC 3339, '' when unknown
	lang        TEXT    NOT NULL DEFAULT '',
	text        TEXT    NOT NULL,
	body_start  INTEGER NOT NULL DEFAULT 0,
	origin      TEXT    NOT NULL DEFAULT '',
	line        INTEGER NOT NULL DEFAULT 0,
	summary     TEXT    NOT NULL DEFAULT '{}', -- JSON, CONTRACT.md "summary"
	ingested_at TEXT    NOT NULL
);
CREATE INDEX documents_id ON documents(id);

-- Claims in document order; idx is the claim's index (part_of refers to it).
CREATE TABLE claims (
	doc_seq    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	category   TEXT    NOT NULL,
	low        INTEGER NOT NULL,
	high       INTEGER,
	qualifier  TEXT    NOT NULL,
	count_text TEXT    NOT NULL DEFAULT '',
	who        TEXT    NOT NULL DEFAULT '',
	claimed_by TEXT    NOT NULL DEFAULT '',
	scope      TEXT    NOT NULL,
	place      TEXT    NOT NULL DEFAULT '',
	time       TEXT    NOT NULL DEFAULT '',
	sentence   TEXT    NOT NULL DEFAULT '',
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	part_of    INTEGER,
	derived    TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (doc_seq, idx)
);
CREATE INDEX claims_category ON claims(category);
