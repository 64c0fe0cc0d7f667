-- Decisions on applications and the offers that follow a hire.

CREATE TABLE application_decisions (
    id                  TEXT PRIMARY KEY,
    organization_id     TEXT NOT NULL REFERENCES organizations (id),
    application_id      TEXT NOT NULL REFERENCES applications (id),
    outcome             TEXT NOT NULL CHECK (outcome IN ('hire', 'no_hire')),
    level               INTEGER NULL CHECK (level BETWEEN 1 AND 4),
    rationale           TEXT NOT NULL,
    override_reason     TEXT NULL,
    pending_scorecards  INTEGER NOT NULL CHECK (pending_scorecards >= 0),
    assessed_level      INTEGER NULL CHECK (assessed_level BETWEEN 1 AND 4),
    decided_by          TEXT NOT NULL REFERENCES users (id),
    decided_at          TEXT NOT NULL,
    CHECK ((outcome = 'hire') = (level IS NOT NULL)),
    CHECK (pending_scorecards = 0 OR override_reason IS NOT NULL)
);
CREATE INDEX ix_application_decisions_application ON application_decisions (organization_id, application_id, decided_at);

-- Equity is kept in ten-thousandths of a percent (0.05 % = 500) so both engines store an exact integer.
CREATE TABLE offers (
    id                   TEXT PRIMARY KEY,
    organization_id      TEXT NOT NULL REFERENCES organizations (id),
    application_id       TEXT NOT NULL REFERENCES applications (id),
    job_id               TEXT NOT NULL REFERENCES jobs (id),
    level                INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    region               TEXT NOT NULL,
    currency             TEXT NOT NULL,
    base_salary          INTEGER NOT NULL CHECK (base_salary > 0),
    equity_percent_e4    INTEGER NULL CHECK (equity_percent_e4 BETWEEN 0 AND 1000000),
    start_date           TEXT NOT NULL,
    band_min             INTEGER NULL,
    band_max             INTEGER NULL,
    premium_applied      INTEGER NOT NULL CHECK (premium_applied IN (0, 1)),
    within_band          INTEGER NOT NULL CHECK (within_band IN (0, 1)),
    band_explanation     TEXT NOT NULL,
    status               TEXT NOT NULL CHECK (status IN ('draft', 'approval_pending', 'approved', 'sent', 'accepted', 'declined')),
    approval_reason      TEXT NULL,
    approved_by          TEXT NULL REFERENCES users (id),
    approved_at          TEXT NULL,
    letter_markdown      TEXT NOT NULL,
    created_by           TEXT NOT NULL REFERENCES users (id),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
CREATE INDEX ix_offers_application ON offers (organization_id, application_id, created_at);
-- At most one offer in play per application.
CREATE UNIQUE INDEX ux_offers_open ON offers (application_id) WHERE status IN ('draft', 'approval_pending', 'approved', 'sent');
