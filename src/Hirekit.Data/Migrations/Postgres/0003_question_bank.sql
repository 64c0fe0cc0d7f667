-- The question bank: a relational projection of every stored kit document's questions, for
-- filtering and full-text search. Like kit_documents it is content-addressed (one set of rows per
-- distinct document) and reached only through an organisation's kit_versions rows.

CREATE TABLE kit_document_questions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_hash    text NOT NULL REFERENCES kit_documents (content_hash),
    question_key    text NOT NULL,
    position        integer NOT NULL,
    kind            text NOT NULL,
    competency_key  text NULL,
    trait_key       text NULL,
    round_key       text NOT NULL,
    level_mask      integer NOT NULL CHECK (level_mask BETWEEN 1 AND 15),
    title           text NOT NULL,
    prompt          text NOT NULL,
    body            text NOT NULL,
    -- English stemming; weights rank title over prompt over the rest.
    search          tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A') ||
                        setweight(to_tsvector('english', prompt), 'B') ||
                        setweight(to_tsvector('english', body), 'C')) STORED
);
CREATE UNIQUE INDEX ux_kit_document_questions_key ON kit_document_questions (content_hash, question_key);
CREATE INDEX ix_kit_document_questions_search ON kit_document_questions USING gin (search);

-- Retirement is the organisation's exposure policy, not kit content: it applies to every
-- version of the kit at once and needs no new version. Retired questions stay readable.
CREATE TABLE kit_question_states (
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    kit_id           uuid NOT NULL REFERENCES kits (id),
    question_key     text NOT NULL,
    retired_at       timestamptz NOT NULL,
    retired_by       uuid NULL REFERENCES users (id),
    PRIMARY KEY (organization_id, kit_id, question_key)
);

-- One row each time a question is put in front of a candidate (written when interviews are
-- scheduled); exposure counts are aggregates of it.
CREATE TABLE kit_question_uses (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    kit_id           uuid NOT NULL REFERENCES kits (id),
    question_key     text NOT NULL,
    used_at          timestamptz NOT NULL
);
CREATE INDEX ix_kit_question_uses_question ON kit_question_uses (organization_id, kit_id, question_key);
