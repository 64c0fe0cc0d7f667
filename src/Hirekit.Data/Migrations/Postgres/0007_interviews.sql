-- Interviews, scorecards, organisation settings and the e-mail outbox.

-- Per-organisation settings; a missing row means the defaults.
CREATE TABLE organization_settings (
    organization_id       uuid PRIMARY KEY REFERENCES organizations (id),
    time_zone             text NOT NULL,
    scorecard_visibility  text NOT NULL CHECK (scorecard_visibility IN ('never', 'always', 'after_submit')),
    updated_at            timestamptz NOT NULL
);

-- An interview for one application at one loop stage. What the stage asked for (focus,
-- traits, questions) is copied when it is scheduled, so later loop edits never rewrite it.
CREATE TABLE interviews (
    id                uuid PRIMARY KEY,
    organization_id   uuid NOT NULL REFERENCES organizations (id),
    application_id    uuid NOT NULL REFERENCES applications (id),
    job_id            uuid NOT NULL REFERENCES jobs (id),
    stage_id          uuid NOT NULL,   -- the loop stage it was scheduled for; the stage may later be removed
    stage_name        text NOT NULL,
    stage_kind        text NOT NULL,
    kit_id            uuid NOT NULL REFERENCES kits (id),
    kit_version       integer NOT NULL,
    focus             text NOT NULL,   -- JSON array of competency ids
    traits            text NOT NULL,   -- JSON array of trait ids
    questions         text NOT NULL,   -- JSON array of question ids
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    duration_minutes  integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    location          text NULL,
    video_url         text NULL,
    status            text NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
    sequence          integer NOT NULL CHECK (sequence >= 0),
    notify_candidate  boolean NOT NULL,
    organizer_id      uuid NOT NULL REFERENCES users (id),
    cancel_reason     text NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX ix_interviews_application ON interviews (organization_id, application_id, starts_at);
CREATE INDEX ix_interviews_org_start ON interviews (organization_id, starts_at);

CREATE TABLE interview_interviewers (
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    interview_id     uuid NOT NULL REFERENCES interviews (id),
    user_id          uuid NOT NULL REFERENCES users (id),
    PRIMARY KEY (interview_id, user_id)
);
CREATE INDEX ix_interview_interviewers_user ON interview_interviewers (organization_id, user_id, interview_id);

-- One scorecard per interviewer per interview, created with the interview as an empty draft.
-- Submitted scorecards never change (a trigger refuses it).
CREATE TABLE scorecards (
    id                uuid PRIMARY KEY,
    organization_id   uuid NOT NULL REFERENCES organizations (id),
    interview_id      uuid NOT NULL REFERENCES interviews (id),
    application_id    uuid NOT NULL REFERENCES applications (id),
    interviewer_id    uuid NOT NULL REFERENCES users (id),
    status            text NOT NULL CHECK (status IN ('draft', 'submitted')),
    recommendation    integer NULL CHECK (recommendation BETWEEN 1 AND 4),
    summary           text NOT NULL,
    red_flags         text NOT NULL,   -- JSON array of the kit's red flag ids
    red_flag_note     text NOT NULL,
    revision          integer NOT NULL CHECK (revision >= 0),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    submitted_at      timestamptz NULL,
    reminded_at       timestamptz NULL,
    CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE UNIQUE INDEX ux_scorecards_interview_interviewer ON scorecards (interview_id, interviewer_id);
CREATE INDEX ix_scorecards_application ON scorecards (organization_id, application_id);
CREATE INDEX ix_scorecards_interviewer ON scorecards (organization_id, interviewer_id, status);
CREATE INDEX ix_scorecards_unreminded ON scorecards (interview_id) WHERE status = 'draft' AND reminded_at IS NULL;

CREATE FUNCTION scorecards_submitted_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'scorecard is submitted';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_scorecards_submitted_immutable BEFORE UPDATE OR DELETE ON scorecards
FOR EACH ROW WHEN (OLD.status = 'submitted') EXECUTE FUNCTION scorecards_submitted_immutable();

-- Ratings and answers of a submitted scorecard are as fixed as the scorecard.
CREATE FUNCTION scorecard_parts_locked() RETURNS trigger AS $$
DECLARE
    card uuid;
BEGIN
    IF TG_OP = 'INSERT' THEN
        card := NEW.scorecard_id;
    ELSE
        card := OLD.scorecard_id;
    END IF;
    IF EXISTS (SELECT 1 FROM scorecards s WHERE s.id = card AND s.status = 'submitted') THEN
        RAISE EXCEPTION 'scorecard is submitted';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- A level per focus competency (Junior=1 .. Principal=4) or an explicit "no evidence".
CREATE TABLE scorecard_ratings (
    scorecard_id     uuid NOT NULL REFERENCES scorecards (id),
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    competency_id    text NOT NULL,
    level            integer NULL CHECK (level BETWEEN 1 AND 4),
    no_evidence      boolean NOT NULL,
    evidence         text NOT NULL,
    PRIMARY KEY (scorecard_id, competency_id),
    CHECK (level IS NULL OR NOT no_evidence)
);
CREATE TRIGGER tr_scorecard_ratings_locked BEFORE INSERT OR UPDATE OR DELETE ON scorecard_ratings
FOR EACH ROW EXECUTE FUNCTION scorecard_parts_locked();

-- Per question: which positive and negative indicators were observed (0-based positions in the
-- kit version's lists) and the interviewer's notes.
CREATE TABLE scorecard_answers (
    scorecard_id     uuid NOT NULL REFERENCES scorecards (id),
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    question_id      text NOT NULL,
    positive         text NOT NULL,   -- JSON array of indicator positions
    negative         text NOT NULL,
    notes            text NOT NULL,
    PRIMARY KEY (scorecard_id, question_id)
);
CREATE TRIGGER tr_scorecard_answers_locked BEFORE INSERT OR UPDATE OR DELETE ON scorecard_answers
FOR EACH ROW EXECUTE FUNCTION scorecard_parts_locked();

-- E-mail waiting to go out, written in the same transaction as the change it announces. The
-- dispatcher claims a message with a lease, sends it, and marks it sent; a crashed sender's
-- lease expires and another picks the message up.
CREATE TABLE outbox_messages (
    id               uuid PRIMARY KEY,
    organization_id  uuid NULL REFERENCES organizations (id),
    kind             text NOT NULL,
    recipient        text NOT NULL,
    recipient_name   text NOT NULL,
    subject          text NOT NULL,
    body_text        text NOT NULL,
    calendar         text NULL,       -- an RFC 5545 calendar object, sent inline and attached
    calendar_method  text NULL,
    created_at       timestamptz NOT NULL,
    available_at     timestamptz NOT NULL,
    attempts         integer NOT NULL CHECK (attempts >= 0),
    claimed_until    timestamptz NULL,
    sent_at          timestamptz NULL,
    failed_at        timestamptz NULL,
    last_error       text NULL
);
CREATE INDEX ix_outbox_due ON outbox_messages (available_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX ix_outbox_org ON outbox_messages (organization_id, created_at);
