-- A claim's place and date resolved (package event): JSON {"place": ..., "date": ...}.
ALTER TABLE claims ADD COLUMN resolved TEXT NOT NULL DEFAULT '{}';
