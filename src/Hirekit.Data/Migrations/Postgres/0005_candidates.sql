-- Candidates, their uploaded files and their applications to jobs. File contents live on disk
-- under the data directory (outside the web root); the table keeps metadata and a checksum.

CREATE TABLE stored_files (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    purpose          text NOT NULL CHECK (purpose IN ('resume')),
    content_type     text NOT NULL,
    size_bytes       integer NOT NULL CHECK (size_bytes >= 0),
    sha256           text NOT NULL,
    original_name    text NOT NULL,
    storage_key      text NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX ix_stored_files_org ON stored_files (organization_id, id);

CREATE TABLE candidates (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    name             text NOT NULL,
    email            text NOT NULL,
    phone            text NULL,
    links            text NOT NULL,   -- JSON array of URLs
    source           text NOT NULL,
    resume_file_id   uuid NULL REFERENCES stored_files (id),
    resume_text      text NOT NULL,
    consent_at       timestamptz NULL,
    merged_into_id   uuid NULL REFERENCES candidates (id),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
-- One live candidate per e-mail in an organisation; merged-away records keep theirs.
CREATE UNIQUE INDEX ux_candidates_org_email ON candidates (organization_id, email) WHERE merged_into_id IS NULL;
CREATE INDEX ix_candidates_org_created ON candidates (organization_id, created_at, id);

CREATE TABLE applications (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    job_id           uuid NOT NULL REFERENCES jobs (id),
    candidate_id     uuid NOT NULL REFERENCES candidates (id),
    stage            text NOT NULL CHECK (stage IN ('applied', 'loop', 'offer', 'hired', 'rejected', 'withdrawn')),
    stage_id         uuid NULL REFERENCES job_loop_stages (id),
    source           text NOT NULL,
    resume_file_id   uuid NULL REFERENCES stored_files (id),   -- what was submitted with this application
    reject_reason    text NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CHECK ((stage = 'loop') = (stage_id IS NOT NULL))
);
CREATE UNIQUE INDEX ux_applications_job_candidate ON applications (job_id, candidate_id);
CREATE INDEX ix_applications_pipeline ON applications (organization_id, job_id, stage, stage_id, id);
CREATE INDEX ix_applications_candidate ON applications (organization_id, candidate_id);

-- Every move of an application, with who and when: the pipeline history.
CREATE TABLE application_events (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    application_id   uuid NOT NULL REFERENCES applications (id),
    kind             text NOT NULL,
    from_stage       text NULL,
    from_stage_id    uuid NULL,
    to_stage         text NULL,
    to_stage_id      uuid NULL,
    reason_code      text NULL,
    note             text NULL,
    actor_user_id    uuid NULL REFERENCES users (id),
    occurred_at      timestamptz NOT NULL
);
CREATE INDEX ix_application_events_application ON application_events (organization_id, application_id, occurred_at);
