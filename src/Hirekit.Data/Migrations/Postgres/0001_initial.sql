-- Foundation: organisations, users, memberships, sessions, API tokens, invitations, setup,
-- the append-only audit log and data-protection keys.

CREATE TABLE organizations (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    slug        text NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_organizations_name ON organizations (lower(name));
CREATE UNIQUE INDEX ux_organizations_slug ON organizations (slug);

CREATE TABLE users (
    id               uuid PRIMARY KEY,
    email            text NOT NULL,
    display_name     text NOT NULL,
    password_hash    text NOT NULL,
    failed_sign_ins  integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until     timestamptz NULL,
    created_at       timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (email);

CREATE TABLE memberships (
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    user_id          uuid NOT NULL REFERENCES users (id),
    role             text NOT NULL CHECK (role IN ('admin', 'recruiter', 'hiring_manager', 'interviewer')),
    is_active        boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX ix_memberships_user ON memberships (user_id);

CREATE TABLE sessions (
    id               uuid PRIMARY KEY,
    token_hash       text NOT NULL,
    organization_id  uuid NOT NULL,
    user_id          uuid NOT NULL,
    created_at       timestamptz NOT NULL,
    last_seen_at     timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    FOREIGN KEY (organization_id, user_id) REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_sessions_token_hash ON sessions (token_hash);
CREATE INDEX ix_sessions_member ON sessions (organization_id, user_id);
CREATE INDEX ix_sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL,
    user_id          uuid NOT NULL,
    name             text NOT NULL,
    token_hash       text NOT NULL,
    display_prefix   text NOT NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NULL,
    last_used_at     timestamptz NULL,
    revoked_at       timestamptz NULL,
    FOREIGN KEY (organization_id, user_id) REFERENCES memberships (organization_id, user_id)
);
CREATE UNIQUE INDEX ux_api_tokens_token_hash ON api_tokens (token_hash);
CREATE INDEX ix_api_tokens_member ON api_tokens (organization_id, user_id);

CREATE TABLE invitations (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    email            text NOT NULL,
    role             text NOT NULL CHECK (role IN ('admin', 'recruiter', 'hiring_manager', 'interviewer')),
    token_hash       text NOT NULL,
    invited_by       uuid NOT NULL REFERENCES users (id),
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    accepted_at      timestamptz NULL,
    revoked_at       timestamptz NULL
);
CREATE UNIQUE INDEX ux_invitations_token_hash ON invitations (token_hash);
CREATE INDEX ix_invitations_org_email ON invitations (organization_id, email);

-- One row; updating it serialises concurrent first-run setups.
CREATE TABLE installation (
    id                  integer PRIMARY KEY CHECK (id = 1),
    setup_completed_at  timestamptz NULL
);
INSERT INTO installation (id, setup_completed_at) VALUES (1, NULL);

CREATE TABLE setup_tokens (
    token_hash  text PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL
);

CREATE TABLE audit_events (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    actor_user_id    uuid NULL REFERENCES users (id),
    action           text NOT NULL,
    entity_type      text NOT NULL,
    entity_id        text NOT NULL,
    occurred_at      timestamptz NOT NULL,
    detail           text NULL
);
CREATE INDEX ix_audit_events_org ON audit_events (organization_id, id);

-- The audit log is append-only: the database itself refuses edits and deletions.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

CREATE TABLE data_protection_keys (
    id             uuid PRIMARY KEY,
    friendly_name  text NULL,
    xml            text NOT NULL,
    created_at     timestamptz NOT NULL
);
