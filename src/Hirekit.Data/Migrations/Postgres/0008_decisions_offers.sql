-- Decisions on applications and the offers that follow a hire.

CREATE TABLE application_decisions (
    id                  uuid PRIMARY KEY,
    organization_id     uuid NOT NULL REFERENCES organizations (id),
    application_id      uuid NOT NULL REFERENCES applications (id),
    outcome             text NOT NULL CHECK (outcome IN ('hire', 'no_hire')),
    level               integer NULL CHECK (level BETWEEN 1 AND 4),
    rationale           text NOT NULL,
    override_reason     text NULL,
    pending_scorecards  integer NOT NULL CHECK (pending_scorecards >= 0),
    assessed_level      integer NULL CHECK (assessed_level BETWEEN 1 AND 4),
    decided_by          uuid NOT NULL REFERENCES users (id),
    decided_at          timestamptz NOT NULL,
    CHECK ((outcome = 'hire') = (level IS NOT NULL)),
    CHECK (pending_scorecards = 0 OR override_reason IS NOT NULL)
);
CREATE INDEX ix_application_decisions_application ON application_decisions (organization_id, application_id, decided_at);

-- Equity is kept in ten-thousandths of a percent (0.05 % = 500) so both engines store an exact integer.
CREATE TABLE offers (
    id                   uuid PRIMARY KEY,
    organization_id      uuid NOT NULL REFERENCES organizations (id),
    application_id       uuid NOT NULL REFERENCES applications (id),
    job_id               uuid NOT NULL REFERENCES jobs (id),
    level                integer NOT NULL CHECK (level BETWEEN 1 AND 4),
    region               text NOT NULL,
    currency             text NOT NULL,
    base_salary          integer NOT NULL CHECK (base_salary > 0),
    equity_percent_e4    integer NULL CHECK (equity_percent_e4 BETWEEN 0 AND 1000000),
    start_date           date NOT NULL,
    band_min             integer NULL,
    band_max             integer NULL,
    premium_applied      boolean NOT NULL,
    within_band          boolean NOT NULL,
    band_explanation     text NOT NULL,
    status               text NOT NULL CHECK (status IN ('draft', 'approval_pending', 'approved', 'sent', 'accepted', 'declined')),
    approval_reason      text NULL,
    approved_by          uuid NULL REFERENCES users (id),
    approved_at          timestamptz NULL,
    letter_markdown      text NOT NULL,
    created_by           uuid NOT NULL REFERENCES users (id),
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX ix_offers_application ON offers (organization_id, application_id, created_at);
-- At most one offer in play per application.
CREATE UNIQUE INDEX ux_offers_open ON offers (application_id) WHERE status IN ('draft', 'approval_pending', 'approved', 'sent');
