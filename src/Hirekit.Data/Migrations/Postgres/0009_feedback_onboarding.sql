-- Candidate feedback reports and onboarding plans for hires.

-- One report per application. content_json is the candidate-facing projection only (no names,
-- notes or flags ever enter it). token_hash is the SHA-256 of the candidate's link; the link
-- itself is never stored.
CREATE TABLE feedback_reports (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    application_id   uuid NOT NULL REFERENCES applications (id),
    status           text NOT NULL CHECK (status IN ('draft', 'approved', 'sent', 'revoked')),
    content_json     text NOT NULL,
    edited           boolean NOT NULL,
    token_hash       text NULL,
    expires_at       timestamptz NULL,
    approved_by      uuid NULL REFERENCES users (id),
    approved_at      timestamptz NULL,
    sent_at          timestamptz NULL,
    viewed_at        timestamptz NULL,
    revoked_at       timestamptz NULL,
    created_by       uuid NOT NULL REFERENCES users (id),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CHECK (status <> 'sent' OR (token_hash IS NOT NULL AND expires_at IS NOT NULL))
);
CREATE UNIQUE INDEX ux_feedback_reports_application ON feedback_reports (application_id);
CREATE INDEX ix_feedback_reports_org ON feedback_reports (organization_id, application_id);
CREATE UNIQUE INDEX ux_feedback_reports_token ON feedback_reports (token_hash) WHERE token_hash IS NOT NULL;

CREATE TABLE onboarding_plans (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    application_id   uuid NOT NULL REFERENCES applications (id),
    offer_id         uuid NOT NULL REFERENCES offers (id),
    start_date       date NOT NULL,
    token_hash       text NOT NULL,
    link_expires_at  timestamptz NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_onboarding_plans_application ON onboarding_plans (application_id);
CREATE INDEX ix_onboarding_plans_org ON onboarding_plans (organization_id, application_id);
CREATE UNIQUE INDEX ux_onboarding_plans_token ON onboarding_plans (token_hash);

CREATE TABLE onboarding_items (
    id               uuid PRIMARY KEY,
    plan_id          uuid NOT NULL REFERENCES onboarding_plans (id),
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    position         integer NOT NULL,
    phase_id         text NOT NULL,
    phase_title      text NOT NULL,
    title            text NOT NULL,
    description      text NOT NULL,
    owner            text NOT NULL,
    due_date         date NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('template', 'growth')),
    done_at          timestamptz NULL,
    done_by          uuid NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX ux_onboarding_items_position ON onboarding_items (plan_id, position);
