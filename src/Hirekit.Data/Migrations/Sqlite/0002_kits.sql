-- Hiring kits and their versions. A kit belongs to one organisation; the built-in kits are
-- installed into every organisation as read-only templates. A version holds the whole kit as
-- one canonical YAML document; published versions never change (triggers enforce it), so
-- jobs and loops that reference a version keep exactly what they were built from.
-- Documents are stored once per distinct content (kit_documents, keyed by SHA-256): every
-- organisation's copy of a built-in kit version shares one row.

CREATE TABLE kits (
    id                   TEXT PRIMARY KEY,
    organization_id      TEXT NOT NULL REFERENCES organizations (id),
    slug                 TEXT NOT NULL,
    name                 TEXT NOT NULL,
    origin               TEXT NOT NULL CHECK (origin IN ('builtin', 'fork', 'import')),
    read_only            INTEGER NOT NULL CHECK (read_only IN (0, 1)),
    forked_from_kit_id   TEXT NULL REFERENCES kits (id),
    forked_from_version  INTEGER NULL,
    latest_version       INTEGER NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_kits_org_slug ON kits (organization_id, slug);

CREATE TABLE kit_documents (
    content_hash  TEXT PRIMARY KEY,
    document      TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE kit_versions (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    kit_id           TEXT NOT NULL REFERENCES kits (id),
    number           INTEGER NOT NULL CHECK (number >= 1),
    status           TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    content_hash     TEXT NOT NULL REFERENCES kit_documents (content_hash),
    created_at       TEXT NOT NULL,
    created_by       TEXT NULL REFERENCES users (id),
    published_at     TEXT NULL,
    published_by     TEXT NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX ux_kit_versions_number ON kit_versions (kit_id, number);
CREATE UNIQUE INDEX ux_kit_versions_one_draft ON kit_versions (kit_id) WHERE status = 'draft';
CREATE INDEX ix_kit_versions_org_kit ON kit_versions (organization_id, kit_id, number);

CREATE TRIGGER kit_versions_published_immutable BEFORE UPDATE ON kit_versions
WHEN OLD.status = 'published'
BEGIN
    SELECT RAISE(ABORT, 'published kit versions are immutable');
END;
CREATE TRIGGER kit_versions_published_undeletable BEFORE DELETE ON kit_versions
WHEN OLD.status = 'published'
BEGIN
    SELECT RAISE(ABORT, 'published kit versions are immutable');
END;

CREATE TRIGGER kit_documents_immutable BEFORE UPDATE ON kit_documents
BEGIN
    SELECT RAISE(ABORT, 'kit documents are content-addressed and immutable');
END;
