-- Candidate search, pipeline counts and resume-screen decisions.

-- A stable integer key for the full-text index (FTS5 maps its rows by integer, and an implicit
-- rowid may change on VACUUM). Set on every insert, unique.
ALTER TABLE candidates ADD COLUMN search_id INTEGER NULL;
UPDATE candidates SET search_id = rowid;
CREATE UNIQUE INDEX ux_candidates_search_id ON candidates (search_id);
CREATE INDEX ix_candidates_org_name ON candidates (organization_id, lower(name), id);
CREATE INDEX ix_candidates_org_id ON candidates (organization_id, id);

CREATE VIRTUAL TABLE candidates_fts USING fts5(
    name, email, resume_text,
    content = 'candidates', content_rowid = 'search_id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO candidates_fts (candidates_fts) VALUES ('rebuild');
CREATE TRIGGER candidates_fts_insert AFTER INSERT ON candidates
BEGIN
    INSERT INTO candidates_fts (rowid, name, email, resume_text) VALUES (new.search_id, new.name, new.email, new.resume_text);
END;
CREATE TRIGGER candidates_fts_delete AFTER DELETE ON candidates
BEGIN
    INSERT INTO candidates_fts (candidates_fts, rowid, name, email, resume_text) VALUES ('delete', old.search_id, old.name, old.email, old.resume_text);
END;
CREATE TRIGGER candidates_fts_update AFTER UPDATE OF name, email, resume_text ON candidates
BEGIN
    INSERT INTO candidates_fts (candidates_fts, rowid, name, email, resume_text) VALUES ('delete', old.search_id, old.name, old.email, old.resume_text);
    INSERT INTO candidates_fts (rowid, name, email, resume_text) VALUES (new.search_id, new.name, new.email, new.resume_text);
END;

-- How many applications sit in each pipeline column, kept in the same transaction as every
-- move, so a board never recounts 100,000 rows. stage_key is the loop stage id for 'loop',
-- empty otherwise.
CREATE TABLE pipeline_counts (
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    job_id           TEXT NOT NULL REFERENCES jobs (id),
    stage            TEXT NOT NULL,
    stage_key        TEXT NOT NULL,
    count            INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (organization_id, job_id, stage, stage_key)
);
INSERT INTO pipeline_counts (organization_id, job_id, stage, stage_key, count)
SELECT organization_id, job_id, stage, COALESCE(stage_id, ''), COUNT(*) FROM applications GROUP BY organization_id, job_id, stage, COALESCE(stage_id, '');

-- The reviewer's resume screen: which of the kit's green and yellow flags they found, and why.
CREATE TABLE application_screens (
    application_id   TEXT PRIMARY KEY REFERENCES applications (id),
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    decisions        TEXT NOT NULL,   -- JSON: flag id -> true (present) / false (absent)
    note             TEXT NOT NULL,
    decided_by       TEXT NOT NULL REFERENCES users (id),
    decided_at       TEXT NOT NULL
);
