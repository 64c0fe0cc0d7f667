-- Jobs: an opening built from one published kit version at a target level, with its intake
-- answers, structured description, hiring team and interview loop.

CREATE TABLE jobs (
    id                 uuid PRIMARY KEY,
    organization_id    uuid NOT NULL REFERENCES organizations (id),
    slug               text NOT NULL,
    title              text NOT NULL,
    status             text NOT NULL CHECK (status IN ('draft', 'open', 'paused', 'closed')),
    kit_id             uuid NOT NULL REFERENCES kits (id),
    kit_version_id     uuid NOT NULL REFERENCES kit_versions (id),
    kit_version        integer NOT NULL,
    target_level       integer NOT NULL CHECK (target_level BETWEEN 1 AND 4),
    specialisation     text NULL,
    loop_template      text NULL,
    intake             text NOT NULL,   -- JSON: question id -> option id or text
    weights            text NOT NULL,   -- JSON: competency id -> weight 1..5
    location           text NOT NULL,
    location_code      text NULL,       -- e.g. US-CA, EU, for pay-transparency rules
    remote             boolean NOT NULL,
    employment_type    text NOT NULL,
    comp_region        text NULL,       -- kit compensation region for the band check
    stack_primary      text NOT NULL,
    stack_details      text NOT NULL,
    scale              text NOT NULL,
    challenge          text NOT NULL,
    success_criteria   text NOT NULL,
    team               text NOT NULL,
    about              text NOT NULL,
    pay_min            integer NULL,
    pay_max            integer NULL,
    pay_currency       text NULL,
    valid_through      date NULL,
    opened_at          timestamptz NULL,
    closed_at          timestamptz NULL,
    created_by         uuid NULL REFERENCES users (id),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CHECK (pay_min IS NULL OR pay_max IS NULL OR pay_min <= pay_max)
);
CREATE UNIQUE INDEX ux_jobs_org_slug ON jobs (organization_id, slug);
CREATE INDEX ix_jobs_org_status ON jobs (organization_id, status, id);

-- Who works on a job. Hiring managers and interviewers see only the jobs they are on.
CREATE TABLE job_team (
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    job_id           uuid NOT NULL REFERENCES jobs (id),
    user_id          uuid NOT NULL REFERENCES users (id),
    role             text NOT NULL CHECK (role IN ('hiring_manager', 'recruiter', 'interviewer')),
    PRIMARY KEY (organization_id, job_id, user_id)
);
CREATE INDEX ix_job_team_user ON job_team (organization_id, user_id, job_id);

CREATE TABLE job_loop_stages (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    job_id           uuid NOT NULL REFERENCES jobs (id),
    position         integer NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('cv_review', 'pre_screen', 'async_screen', 'technical', 'system_design', 'code_review', 'knowledge', 'behavioural', 'hiring_manager')),
    name             text NOT NULL,
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    focus            text NOT NULL,   -- JSON array of competency ids
    traits           text NOT NULL,   -- JSON array of trait ids
    questions        text NOT NULL,   -- JSON array of question ids of the job's kit version
    exercise         text NULL,
    written_screen   boolean NOT NULL
);
CREATE INDEX ix_job_loop_stages_job ON job_loop_stages (organization_id, job_id, position);

CREATE TABLE job_stage_interviewers (
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    stage_id         uuid NOT NULL REFERENCES job_loop_stages (id) ON DELETE CASCADE,
    user_id          uuid NOT NULL REFERENCES users (id),
    PRIMARY KEY (stage_id, user_id)
);
CREATE INDEX ix_job_stage_interviewers_user ON job_stage_interviewers (organization_id, user_id);
