-- Foundation: organisations, users, memberships, sessions, API tokens, invitations, setup,
-- the append-only audit log and data-protection keys.
-- Conventions: ids are UUID text, instants are ISO-8601 UTC text with 7 fractional digits,
-- booleans are 0/1 integers with CHECK constraints.

CREATE TABLE organizations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    slug        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_organizations_name ON organizations (lower(name));
CREATE UNIQUE INDEX ux_organizations_slug ON organizations (slug);

CREATE TABLE users (
    id               TEXT PRIMARY KEY,
    email            TEXT NOT NULL,
    display_name     TEXT NOT NULL,
    password_hash    TEXT NOT NULL,
    failed_sign_ins  INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until     TEXT NULL,
    created_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (email);

CREATE TABLE memberships (
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    user_id          TEXT NOT NULL REFERENCES users (id),
    role             TEXT NOT NULL CHECK (role IN ('admin', 'recruiter', 'hiring_manager', 'interviewer')),
    is_active        INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at       TEXT NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX ix_memberships_user ON memberships (user_id);

CREATE TABLE sessions (
    id               TEXT PRIMARY KEY,
    token_hash       TEXT NOT NULL,
    organization_id  TEXT NOT NULL,
    user_id          TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    last_seen_at     TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    FOREIGN KEY (organization_id, user_id) REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_sessions_token_hash ON sessions (token_hash);
CREATE INDEX ix_sessions_member ON sessions (organization_id, user_id);
CREATE INDEX ix_sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL,
    user_id          TEXT NOT NULL,
    name             TEXT NOT NULL,
    token_hash       TEXT NOT NULL,
    display_prefix   TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    expires_at       TEXT NULL,
    last_used_at     TEXT NULL,
    revoked_at       TEXT NULL,
    FOREIGN KEY (organization_id, user_id) REFERENCES memberships (organization_id, user_id)
);
CREATE UNIQUE INDEX ux_api_tokens_token_hash ON api_tokens (token_hash);
CREATE INDEX ix_api_tokens_member ON api_tokens (organization_id, user_id);

CREATE TABLE invitations (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    email            TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('admin', 'recruiter', 'hiring_manager', 'interviewer')),
    token_hash       TEXT NOT NULL,
    invited_by       TEXT NOT NULL REFERENCES users (id),
    created_at       TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    accepted_at      TEXT NULL,
    revoked_at       TEXT NULL
);
CREATE UNIQUE INDEX ux_invitations_token_hash ON invitations (token_hash);
CREATE INDEX ix_invitations_org_email ON invitations (organization_id, email);

-- One row; updating it serialises concurrent first-run setups.
CREATE TABLE installation (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    setup_completed_at  TEXT NULL
);
INSERT INTO installation (id, setup_completed_at) VALUES (1, NULL);

CREATE TABLE setup_tokens (
    token_hash  TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT NULL
);

CREATE TABLE audit_events (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    actor_user_id    TEXT NULL REFERENCES users (id),
    action           TEXT NOT NULL,
    entity_type      TEXT NOT NULL,
    entity_id        TEXT NOT NULL,
    occurred_at      TEXT NOT NULL,
    detail           TEXT NULL
);
CREATE INDEX ix_audit_events_org ON audit_events (organization_id, id);

-- The audit log is append-only: the database itself refuses edits and deletions.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TABLE data_protection_keys (
    id             TEXT PRIMARY KEY,
    friendly_name  TEXT NULL,
    xml            TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
