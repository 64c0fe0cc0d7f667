-- The question bank: a relational projection of every stored kit document's questions, for
-- filtering and full-text search. Like kit_documents it is content-addressed (one set of rows per
-- distinct document) and reached only through an organisation's kit_versions rows.

CREATE TABLE kit_document_questions (
    id              INTEGER PRIMARY KEY,
    content_hash    TEXT NOT NULL REFERENCES kit_documents (content_hash),
    question_key    TEXT NOT NULL,
    position        INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    competency_key  TEXT NULL,
    trait_key       TEXT NULL,
    round_key       TEXT NOT NULL,
    level_mask      INTEGER NOT NULL CHECK (level_mask BETWEEN 1 AND 15),
    title           TEXT NOT NULL,
    prompt          TEXT NOT NULL,
    body            TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_kit_document_questions_key ON kit_document_questions (content_hash, question_key);

-- Porter stemming: "caching" finds "cache"; bm25 ranks title over prompt over the rest.
CREATE VIRTUAL TABLE kit_document_questions_fts USING fts5(
    title, prompt, body,
    content = 'kit_document_questions', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER kit_document_questions_fts_insert AFTER INSERT ON kit_document_questions
BEGIN
    INSERT INTO kit_document_questions_fts (rowid, title, prompt, body) VALUES (new.id, new.title, new.prompt, new.body);
END;
CREATE TRIGGER kit_document_questions_fts_delete AFTER DELETE ON kit_document_questions
BEGIN
    INSERT INTO kit_document_questions_fts (kit_document_questions_fts, rowid, title, prompt, body) VALUES ('delete', old.id, old.title, old.prompt, old.body);
END;

-- Retirement is the organisation's exposure policy, not kit content: it applies to every
-- version of the kit at once and needs no new version. Retired questions stay readable.
CREATE TABLE kit_question_states (
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    kit_id           TEXT NOT NULL REFERENCES kits (id),
    question_key     TEXT NOT NULL,
    retired_at       TEXT NOT NULL,
    retired_by       TEXT NULL REFERENCES users (id),
    PRIMARY KEY (organization_id, kit_id, question_key)
);

-- One row each time a question is put in front of a candidate (written when interviews are
-- scheduled); exposure counts are aggregates of it.
CREATE TABLE kit_question_uses (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    kit_id           TEXT NOT NULL REFERENCES kits (id),
    question_key     TEXT NOT NULL,
    used_at          TEXT NOT NULL
);
CREATE INDEX ix_kit_question_uses_question ON kit_question_uses (organization_id, kit_id, question_key);
