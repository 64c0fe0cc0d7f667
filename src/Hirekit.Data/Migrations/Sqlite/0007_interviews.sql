-- Interviews, scorecards, organisation settings and the e-mail outbox.

-- Per-organisation settings; a missing row means the defaults.
CREATE TABLE organization_settings (
    organization_id       TEXT PRIMARY KEY REFERENCES organizations (id),
    time_zone             TEXT NOT NULL,
    scorecard_visibility  TEXT NOT NULL CHECK (scorecard_visibility IN ('never', 'always', 'after_submit')),
    updated_at            TEXT NOT NULL
);

-- An interview for one application at one loop stage. What the stage asked for (focus,
-- traits, questions) is copied when it is scheduled, so later loop edits never rewrite it.
CREATE TABLE interviews (
    id                TEXT PRIMARY KEY,
    organization_id   TEXT NOT NULL REFERENCES organizations (id),
    application_id    TEXT NOT NULL REFERENCES applications (id),
    job_id            TEXT NOT NULL REFERENCES jobs (id),
    stage_id          TEXT NOT NULL,   -- the loop stage it was scheduled for; the stage may later be removed
    stage_name        TEXT NOT NULL,
    stage_kind        TEXT NOT NULL,
    kit_id            TEXT NOT NULL REFERENCES kits (id),
    kit_version       INTEGER NOT NULL,
    focus             TEXT NOT NULL,   -- JSON array of competency ids
    traits            TEXT NOT NULL,   -- JSON array of trait ids
    questions         TEXT NOT NULL,   -- JSON array of question ids
    starts_at         TEXT NOT NULL,
    ends_at           TEXT NOT NULL,
    duration_minutes  INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    location          TEXT NULL,
    video_url         TEXT NULL,
    status            TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
    sequence          INTEGER NOT NULL CHECK (sequence >= 0),
    notify_candidate  INTEGER NOT NULL CHECK (notify_candidate IN (0, 1)),
    organizer_id      TEXT NOT NULL REFERENCES users (id),
    cancel_reason     TEXT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX ix_interviews_application ON interviews (organization_id, application_id, starts_at);
CREATE INDEX ix_interviews_org_start ON interviews (organization_id, starts_at);

CREATE TABLE interview_interviewers (
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    interview_id     TEXT NOT NULL REFERENCES interviews (id),
    user_id          TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (interview_id, user_id)
);
CREATE INDEX ix_interview_interviewers_user ON interview_interviewers (organization_id, user_id, interview_id);

-- One scorecard per interviewer per interview, created with the interview as an empty draft.
-- Submitted scorecards never change (a trigger refuses it).
CREATE TABLE scorecards (
    id                TEXT PRIMARY KEY,
    organization_id   TEXT NOT NULL REFERENCES organizations (id),
    interview_id      TEXT NOT NULL REFERENCES interviews (id),
    application_id    TEXT NOT NULL REFERENCES applications (id),
    interviewer_id    TEXT NOT NULL REFERENCES users (id),
    status            TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    recommendation    INTEGER NULL CHECK (recommendation BETWEEN 1 AND 4),
    summary           TEXT NOT NULL,
    red_flags         TEXT NOT NULL,   -- JSON array of the kit's red flag ids
    red_flag_note     TEXT NOT NULL,
    revision          INTEGER NOT NULL CHECK (revision >= 0),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    submitted_at      TEXT NULL,
    reminded_at       TEXT NULL,
    CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE UNIQUE INDEX ux_scorecards_interview_interviewer ON scorecards (interview_id, interviewer_id);
CREATE INDEX ix_scorecards_application ON scorecards (organization_id, application_id);
CREATE INDEX ix_scorecards_interviewer ON scorecards (organization_id, interviewer_id, status);
CREATE INDEX ix_scorecards_unreminded ON scorecards (interview_id) WHERE status = 'draft' AND reminded_at IS NULL;

CREATE TRIGGER tr_scorecards_submitted_immutable BEFORE UPDATE ON scorecards
WHEN OLD.status = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'scorecard is submitted');
END;

CREATE TRIGGER tr_scorecards_submitted_kept BEFORE DELETE ON scorecards
WHEN OLD.status = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'scorecard is submitted');
END;

-- A level per focus competency (Junior=1 .. Principal=4) or an explicit "no evidence".
CREATE TABLE scorecard_ratings (
    scorecard_id     TEXT NOT NULL REFERENCES scorecards (id),
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    competency_id    TEXT NOT NULL,
    level            INTEGER NULL CHECK (level BETWEEN 1 AND 4),
    no_evidence      INTEGER NOT NULL CHECK (no_evidence IN (0, 1)),
    evidence         TEXT NOT NULL,
    PRIMARY KEY (scorecard_id, competency_id),
    CHECK (level IS NULL OR no_evidence = 0)
);
CREATE TRIGGER tr_scorecard_ratings_locked_insert BEFORE INSERT ON scorecard_ratings
WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'scorecard is submitted');
END;
CREATE TRIGGER tr_scorecard_ratings_locked_update BEFORE UPDATE ON scorecard_ratings
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'scorecard is submitted');
END;
CREATE TRIGGER tr_scorecard_ratings_locked_delete BEFORE DELETE ON scorecard_ratings
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'scorecard is submitted');
END;

-- Per question: which positive and negative indicators were observed (0-based positions in the
-- kit version's lists) and the interviewer's notes.
CREATE TABLE scorecard_answers (
    scorecard_id     TEXT NOT NULL REFERENCES scorecards (id),
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    question_id      TEXT NOT NULL,
    positive         TEXT NOT NULL,   -- JSON array of indicator positions
    negative         TEXT NOT NULL,
    notes            TEXT NOT NULL,
    PRIMARY KEY (scorecard_id, question_id)
);
CREATE TRIGGER tr_scorecard_answers_locked_insert BEFORE INSERT ON scorecard_answers
WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'scorecard is submitted');
END;
CREATE TRIGGER tr_scorecard_answers_locked_update BEFORE UPDATE ON scorecard_answers
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'scorecard is submitted');
END;
CREATE TRIGGER tr_scorecard_answers_locked_delete BEFORE DELETE ON scorecard_answers
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'scorecard is submitted');
END;

-- E-mail waiting to go out, written in the same transaction as the change it announces. The
-- dispatcher claims a message with a lease, sends it, and marks it sent; a crashed sender's
-- lease expires and another picks the message up.
CREATE TABLE outbox_messages (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NULL REFERENCES organizations (id),
    kind             TEXT NOT NULL,
    recipient        TEXT NOT NULL,
    recipient_name   TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    calendar         TEXT NULL,       -- an RFC 5545 calendar object, sent inline and attached
    calendar_method  TEXT NULL,
    created_at       TEXT NOT NULL,
    available_at     TEXT NOT NULL,
    attempts         INTEGER NOT NULL CHECK (attempts >= 0),
    claimed_until    TEXT NULL,
    sent_at          TEXT NULL,
    failed_at        TEXT NULL,
    last_error       TEXT NULL
);
CREATE INDEX ix_outbox_due ON outbox_messages (available_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX ix_outbox_org ON outbox_messages (organization_id, created_at);
