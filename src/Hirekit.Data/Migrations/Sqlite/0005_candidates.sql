-- Candidates, their uploaded files and their applications to jobs. File contents live on disk
-- under the data directory (outside the web root); the table keeps metadata and a checksum.

CREATE TABLE stored_files (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    purpose          TEXT NOT NULL CHECK (purpose IN ('resume')),
    content_type     TEXT NOT NULL,
    size_bytes       INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256           TEXT NOT NULL,
    original_name    TEXT NOT NULL,
    storage_key      TEXT NOT NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX ix_stored_files_org ON stored_files (organization_id, id);

CREATE TABLE candidates (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    name             TEXT NOT NULL,
    email            TEXT NOT NULL,
    phone            TEXT NULL,
    links            TEXT NOT NULL,   -- JSON array of URLs
    source           TEXT NOT NULL,
    resume_file_id   TEXT NULL REFERENCES stored_files (id),
    resume_text      TEXT NOT NULL,
    consent_at       TEXT NULL,
    merged_into_id   TEXT NULL REFERENCES candidates (id),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
-- One live candidate per e-mail in an organisation; merged-away records keep theirs.
CREATE UNIQUE INDEX ux_candidates_org_email ON candidates (organization_id, email) WHERE merged_into_id IS NULL;
CREATE INDEX ix_candidates_org_created ON candidates (organization_id, created_at, id);

CREATE TABLE applications (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    job_id           TEXT NOT NULL REFERENCES jobs (id),
    candidate_id     TEXT NOT NULL REFERENCES candidates (id),
    stage            TEXT NOT NULL CHECK (stage IN ('applied', 'loop', 'offer', 'hired', 'rejected', 'withdrawn')),
    stage_id         TEXT NULL REFERENCES job_loop_stages (id),
    source           TEXT NOT NULL,
    resume_file_id   TEXT NULL REFERENCES stored_files (id),   -- what was submitted with this application
    reject_reason    TEXT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK ((stage = 'loop') = (stage_id IS NOT NULL))
);
CREATE UNIQUE INDEX ux_applications_job_candidate ON applications (job_id, candidate_id);
CREATE INDEX ix_applications_pipeline ON applications (organization_id, job_id, stage, stage_id, id);
CREATE INDEX ix_applications_candidate ON applications (organization_id, candidate_id);

-- Every move of an application, with who and when: the pipeline history.
CREATE TABLE application_events (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    application_id   TEXT NOT NULL REFERENCES applications (id),
    kind             TEXT NOT NULL,
    from_stage       TEXT NULL,
    from_stage_id    TEXT NULL,
    to_stage         TEXT NULL,
    to_stage_id      TEXT NULL,
    reason_code      TEXT NULL,
    note             TEXT NULL,
    actor_user_id    TEXT NULL REFERENCES users (id),
    occurred_at      TEXT NOT NULL
);
CREATE INDEX ix_application_events_application ON application_events (organization_id, application_id, occurred_at);
