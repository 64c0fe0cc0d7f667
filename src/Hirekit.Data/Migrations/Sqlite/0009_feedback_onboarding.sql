-- Candidate feedback reports and onboarding plans for hires.

-- One report per application. content_json is the candidate-facing projection only (no names,
-- notes or flags ever enter it). token_hash is the SHA-256 of the candidate's link; the link
-- itself is never stored.
CREATE TABLE feedback_reports (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    application_id   TEXT NOT NULL REFERENCES applications (id),
    status           TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'sent', 'revoked')),
    content_json     TEXT NOT NULL,
    edited           INTEGER NOT NULL CHECK (edited IN (0, 1)),
    token_hash       TEXT NULL,
    expires_at       TEXT NULL,
    approved_by      TEXT NULL REFERENCES users (id),
    approved_at      TEXT NULL,
    sent_at          TEXT NULL,
    viewed_at        TEXT NULL,
    revoked_at       TEXT NULL,
    created_by       TEXT NOT NULL REFERENCES users (id),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (status <> 'sent' OR (token_hash IS NOT NULL AND expires_at IS NOT NULL))
);
CREATE UNIQUE INDEX ux_feedback_reports_application ON feedback_reports (application_id);
CREATE INDEX ix_feedback_reports_org ON feedback_reports (organization_id, application_id);
CREATE UNIQUE INDEX ux_feedback_reports_token ON feedback_reports (token_hash) WHERE token_hash IS NOT NULL;

CREATE TABLE onboarding_plans (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    application_id   TEXT NOT NULL REFERENCES applications (id),
    offer_id         TEXT NOT NULL REFERENCES offers (id),
    start_date       TEXT NOT NULL,
    token_hash       TEXT NOT NULL,
    link_expires_at  TEXT NOT NULL,
    created_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_onboarding_plans_application ON onboarding_plans (application_id);
CREATE INDEX ix_onboarding_plans_org ON onboarding_plans (organization_id, application_id);
CREATE UNIQUE INDEX ux_onboarding_plans_token ON onboarding_plans (token_hash);

CREATE TABLE onboarding_items (
    id               TEXT PRIMARY KEY,
    plan_id          TEXT NOT NULL REFERENCES onboarding_plans (id),
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    position         INTEGER NOT NULL,
    phase_id         TEXT NOT NULL,
    phase_title      TEXT NOT NULL,
    title            TEXT NOT NULL,
    description      TEXT NOT NULL,
    owner            TEXT NOT NULL,
    due_date         TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('template', 'growth')),
    done_at          TEXT NULL,
    done_by          TEXT NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX ux_onboarding_items_position ON onboarding_items (plan_id, position);
