-- Jobs: an opening built from one published kit version at a target level, with its intake
-- answers, structured description, hiring team and interview loop.

CREATE TABLE jobs (
    id                 TEXT PRIMARY KEY,
    organization_id    TEXT NOT NULL REFERENCES organizations (id),
    slug               TEXT NOT NULL,
    title              TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('draft', 'open', 'paused', 'closed')),
    kit_id             TEXT NOT NULL REFERENCES kits (id),
    kit_version_id     TEXT NOT NULL REFERENCES kit_versions (id),
    kit_version        INTEGER NOT NULL,
    target_level       INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 4),
    specialisation     TEXT NULL,
    loop_template      TEXT NULL,
    intake             TEXT NOT NULL,   -- JSON: question id -> option id or text
    weights            TEXT NOT NULL,   -- JSON: competency id -> weight 1..5
    location           TEXT NOT NULL,
    location_code      TEXT NULL,       -- e.g. US-CA, EU, for pay-transparency rules
    remote             INTEGER NOT NULL CHECK (remote IN (0, 1)),
    employment_type    TEXT NOT NULL,
    comp_region        TEXT NULL,       -- kit compensation region for the band check
    stack_primary      TEXT NOT NULL,
    stack_details      TEXT NOT NULL,
    scale              TEXT NOT NULL,
    challenge          TEXT NOT NULL,
    success_criteria   TEXT NOT NULL,
    team               TEXT NOT NULL,
    about              TEXT NOT NULL,
    pay_min            INTEGER NULL,
    pay_max            INTEGER NULL,
    pay_currency       TEXT NULL,
    valid_through      TEXT NULL,
    opened_at          TEXT NULL,
    closed_at          TEXT NULL,
    created_by         TEXT NULL REFERENCES users (id),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK (pay_min IS NULL OR pay_max IS NULL OR pay_min <= pay_max)
);
CREATE UNIQUE INDEX ux_jobs_org_slug ON jobs (organization_id, slug);
CREATE INDEX ix_jobs_org_status ON jobs (organization_id, status, id);

-- Who works on a job. Hiring managers and interviewers see only the jobs they are on.
CREATE TABLE job_team (
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    job_id           TEXT NOT NULL REFERENCES jobs (id),
    user_id          TEXT NOT NULL REFERENCES users (id),
    role             TEXT NOT NULL CHECK (role IN ('hiring_manager', 'recruiter', 'interviewer')),
    PRIMARY KEY (organization_id, job_id, user_id)
);
CREATE INDEX ix_job_team_user ON job_team (organization_id, user_id, job_id);

CREATE TABLE job_loop_stages (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    job_id           TEXT NOT NULL REFERENCES jobs (id),
    position         INTEGER NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('cv_review', 'pre_screen', 'async_screen', 'technical', 'system_design', 'code_review', 'knowledge', 'behavioural', 'hiring_manager')),
    name             TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    focus            TEXT NOT NULL,   -- JSON array of competency ids
    traits           TEXT NOT NULL,   -- JSON array of trait ids
    questions        TEXT NOT NULL,   -- JSON array of question ids of the job's kit version
    exercise         TEXT NULL,
    written_screen   INTEGER NOT NULL CHECK (written_screen IN (0, 1))
);
CREATE INDEX ix_job_loop_stages_job ON job_loop_stages (organization_id, job_id, position);

CREATE TABLE job_stage_interviewers (
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    stage_id         TEXT NOT NULL REFERENCES job_loop_stages (id) ON DELETE CASCADE,
    user_id          TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (stage_id, user_id)
);
CREATE INDEX ix_job_stage_interviewers_user ON job_stage_interviewers (organization_id, user_id);
