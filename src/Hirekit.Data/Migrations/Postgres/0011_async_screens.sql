-- Async written screens: questions sent to a candidate, answered in writing through a secret
-- link before a deadline. What the stage and kit asked for is copied when the screen is sent.
CREATE TABLE async_screens (
    id                uuid PRIMARY KEY,
    organization_id   uuid NOT NULL REFERENCES organizations (id),
    application_id    uuid NOT NULL REFERENCES applications (id),
    job_id            uuid NOT NULL REFERENCES jobs (id),
    stage_id          uuid NOT NULL,   -- the loop stage of kind async_screen it was sent for
    stage_name        text NOT NULL,
    kit_id            uuid NOT NULL REFERENCES kits (id),
    kit_version       integer NOT NULL,
    title             text NOT NULL,
    instructions      text NOT NULL,
    questions         text NOT NULL,   -- JSON array of question ids, in the order shown
    focus             text NOT NULL,   -- JSON array of competency ids (the stage's, copied)
    traits            text NOT NULL,   -- JSON array of trait ids (the stage's, copied)
    reviewers         text NOT NULL,   -- JSON array of user ids
    sent_by           uuid NOT NULL REFERENCES users (id),
    sent_at           timestamptz NOT NULL,
    deadline          timestamptz NOT NULL,
    remind_at         timestamptz NOT NULL,
    started_at        timestamptz NULL,       -- the first saved draft
    submitted_at      timestamptz NULL,
    cancelled_at      timestamptz NULL,
    reminded_at       timestamptz NULL,
    interview_id      uuid NULL REFERENCES interviews (id),   -- created on submission, for the reviewers' scorecards
    revision          integer NOT NULL CHECK (revision >= 0),
    CHECK (deadline > sent_at),
    CHECK (submitted_at IS NULL OR cancelled_at IS NULL)
);
CREATE UNIQUE INDEX ux_async_screens_live ON async_screens (application_id) WHERE cancelled_at IS NULL;
CREATE INDEX ix_async_screens_application ON async_screens (organization_id, application_id);
CREATE INDEX ix_async_screens_reminder ON async_screens (remind_at) WHERE submitted_at IS NULL AND cancelled_at IS NULL AND reminded_at IS NULL;

-- Secret links to a screen: only the SHA-256 of each token is kept. The first is sent with the
-- screen; a reminder carries a fresh one, since the first cannot be recovered from its hash.
CREATE TABLE async_screen_tokens (
    token_hash        text PRIMARY KEY,
    screen_id         uuid NOT NULL REFERENCES async_screens (id),
    organization_id   uuid NOT NULL REFERENCES organizations (id),
    created_at        timestamptz NOT NULL
);
CREATE INDEX ix_async_screen_tokens_screen ON async_screen_tokens (screen_id);

-- The candidate's answers, drafts until the screen is submitted; then they never change.
CREATE TABLE async_screen_answers (
    screen_id         uuid NOT NULL REFERENCES async_screens (id),
    organization_id   uuid NOT NULL REFERENCES organizations (id),
    question_id       text NOT NULL,
    answer            text NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (screen_id, question_id)
);

CREATE FUNCTION async_screen_answers_locked() RETURNS trigger AS $$
DECLARE
    screen uuid;
BEGIN
    IF TG_OP = 'INSERT' THEN
        screen := NEW.screen_id;
    ELSE
        screen := OLD.screen_id;
    END IF;
    IF (SELECT submitted_at FROM async_screens WHERE id = screen) IS NOT NULL THEN
        RAISE EXCEPTION 'async screen is submitted';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_async_screen_answers_locked BEFORE INSERT OR UPDATE OR DELETE ON async_screen_answers
FOR EACH ROW EXECUTE FUNCTION async_screen_answers_locked();
