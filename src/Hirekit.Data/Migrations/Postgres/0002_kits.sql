-- Hiring kits and their versions. A kit belongs to one organisation; the built-in kits are
-- installed into every organisation as read-only templates. A version holds the whole kit as
-- one canonical YAML document; published versions never change (triggers enforce it), so
-- jobs and loops that reference a version keep exactly what they were built from.
-- Documents are stored once per distinct content (kit_documents, keyed by SHA-256): every
-- organisation's copy of a built-in kit version shares one row.

CREATE TABLE kits (
    id                   uuid PRIMARY KEY,
    organization_id      uuid NOT NULL REFERENCES organizations (id),
    slug                 text NOT NULL,
    name                 text NOT NULL,
    origin               text NOT NULL CHECK (origin IN ('builtin', 'fork', 'import')),
    read_only            boolean NOT NULL,
    forked_from_kit_id   uuid NULL REFERENCES kits (id),
    forked_from_version  integer NULL,
    latest_version       integer NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_kits_org_slug ON kits (organization_id, slug);

CREATE TABLE kit_documents (
    content_hash  text PRIMARY KEY,
    document      text NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE TABLE kit_versions (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    kit_id           uuid NOT NULL REFERENCES kits (id),
    number           integer NOT NULL CHECK (number >= 1),
    status           text NOT NULL CHECK (status IN ('draft', 'published')),
    content_hash     text NOT NULL REFERENCES kit_documents (content_hash),
    created_at       timestamptz NOT NULL,
    created_by       uuid NULL REFERENCES users (id),
    published_at     timestamptz NULL,
    published_by     uuid NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX ux_kit_versions_number ON kit_versions (kit_id, number);
CREATE UNIQUE INDEX ux_kit_versions_one_draft ON kit_versions (kit_id) WHERE status = 'draft';
CREATE INDEX ix_kit_versions_org_kit ON kit_versions (organization_id, kit_id, number);

CREATE FUNCTION kit_versions_published_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'published' THEN
        RAISE EXCEPTION 'published kit versions are immutable';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER kit_versions_published_immutable BEFORE UPDATE OR DELETE ON kit_versions
    FOR EACH ROW EXECUTE FUNCTION kit_versions_published_immutable();

CREATE FUNCTION kit_documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'kit documents are content-addressed and immutable';
END;
$$;
CREATE TRIGGER kit_documents_immutable BEFORE UPDATE ON kit_documents
    FOR EACH ROW EXECUTE FUNCTION kit_documents_immutable();
