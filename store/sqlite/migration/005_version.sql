-- A counter raised by every write that changes what is stored, so that
-- readers (the server's cache) can tell whether anything changed.
CREATE TABLE store_version (id INTEGER PRIMARY KEY CHECK (id = 1), v INTEGER NOT NULL);
INSERT INTO store_version (id, v) VALUES (1, 0);
