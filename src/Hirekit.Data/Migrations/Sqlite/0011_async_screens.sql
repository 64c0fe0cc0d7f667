-- Async written screens: questions sent to a candidate, answered in writing through a secret
-- link before a deadline. What the stage and kit asked for is copied when the screen is sent.
CREATE TABLE async_screens (
    id                TEXT PRIMARY KEY,
    organization_id   TEXT NOT NULL REFERENCES organizations (id),
    application_id    TEXT NOT NULL REFERENCES applications (id),
    job_id            TEXT NOT NULL REFERENCES jobs (id),
    stage_id          TEXT NOT NULL,   -- the loop stage of kind async_screen it was sent for
    stage_name        TEXT NOT NULL,
    kit_id            TEXT NOT NULL REFERENCES kits (id),
    kit_version       INTEGER NOT NULL,
    title             TEXT NOT NULL,
    instructions      TEXT NOT NULL,
    questions         TEXT NOT NULL,   -- JSON array of question ids, in the order shown
    focus             TEXT NOT NULL,   -- JSON array of competency ids (the stage's, copied)
    traits            TEXT NOT NULL,   -- JSON array of trait ids (the stage's, copied)
    reviewers         TEXT NOT NULL,   -- JSON array of user ids
    sent_by           TEXT NOT NULL REFERENCES users (id),
    sent_at           TEXT NOT NULL,
    deadline          TEXT NOT NULL,
    remind_at         TEXT NOT NULL,
    started_at        TEXT NULL,       -- the first saved draft
    submitted_at      TEXT NULL,
    cancelled_at      TEXT NULL,
    reminded_at       TEXT NULL,
    interview_id      TEXT NULL REFERENCES interviews (id),   -- created on submission, for the reviewers' scorecards
    revision          INTEGER NOT NULL CHECK (revision >= 0),
    CHECK (deadline > sent_at),
    CHECK (submitted_at IS NULL OR cancelled_at IS NULL)
);
CREATE UNIQUE INDEX ux_async_screens_live ON async_screens (application_id) WHERE cancelled_at IS NULL;
CREATE INDEX ix_async_screens_application ON async_screens (organization_id, application_id);
CREATE INDEX ix_async_screens_reminder ON async_screens (remind_at) WHERE submitted_at IS NULL AND cancelled_at IS NULL AND reminded_at IS NULL;

-- Secret links to a screen: only the SHA-256 of each token is kept. The first is sent with the
-- screen; a reminder carries a fresh one, since the first cannot be recovered from its hash.
CREATE TABLE async_screen_tokens (
    token_hash        TEXT PRIMARY KEY,
    screen_id         TEXT NOT NULL REFERENCES async_screens (id),
    organization_id   TEXT NOT NULL REFERENCES organizations (id),
    created_at        TEXT NOT NULL
);
CREATE INDEX ix_async_screen_tokens_screen ON async_screen_tokens (screen_id);

-- The candidate's answers, drafts until the screen is submitted; then they never change.
CREATE TABLE async_screen_answers (
    screen_id         TEXT NOT NULL REFERENCES async_screens (id),
    organization_id   TEXT NOT NULL REFERENCES organizations (id),
    question_id       TEXT NOT NULL,
    answer            TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    PRIMARY KEY (screen_id, question_id)
);
CREATE TRIGGER tr_async_screen_answers_locked_insert BEFORE INSERT ON async_screen_answers
WHEN (SELECT submitted_at FROM async_screens WHERE id = NEW.screen_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'async screen is submitted');
END;
CREATE TRIGGER tr_async_screen_answers_locked_update BEFORE UPDATE ON async_screen_answers
WHEN (SELECT submitted_at FROM async_screens WHERE id = OLD.screen_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'async screen is submitted');
END;
