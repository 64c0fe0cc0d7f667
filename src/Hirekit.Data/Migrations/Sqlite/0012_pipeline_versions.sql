-- A version per job's pipeline, raised by triggers whenever something a board card shows may have
-- changed: an application added, moved, edited or removed, its candidate renamed, or its written
-- screen sent, started, submitted, cancelled or given a new deadline. The server caches a board's
-- cards under this version (ADR 22); triggers rather than application code raise it, so no
-- write path, bulk loader or future feature can forget to. Counts stay in pipeline_counts and are
-- read on every request.
CREATE TABLE pipeline_versions (
    job_id           TEXT PRIMARY KEY REFERENCES jobs (id),
    organization_id  TEXT NOT NULL REFERENCES organizations (id),
    version          INTEGER NOT NULL CHECK (version > 0)
);
INSERT INTO pipeline_versions (job_id, organization_id, version)
SELECT DISTINCT job_id, organization_id, 1 FROM applications;

CREATE TRIGGER pipeline_version_application_insert AFTER INSERT ON applications
BEGIN
    INSERT INTO pipeline_versions (job_id, organization_id, version) VALUES (new.job_id, new.organization_id, 1)
    ON CONFLICT (job_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER pipeline_version_application_update AFTER UPDATE ON applications
BEGIN
    UPDATE pipeline_versions SET version = version + 1 WHERE job_id IN (old.job_id, new.job_id);
END;

CREATE TRIGGER pipeline_version_application_delete AFTER DELETE ON applications
BEGIN
    UPDATE pipeline_versions SET version = version + 1 WHERE job_id = old.job_id;
END;

CREATE TRIGGER pipeline_version_candidate_rename AFTER UPDATE OF name ON candidates
WHEN old.name IS NOT new.name
BEGIN
    UPDATE pipeline_versions SET version = version + 1
    WHERE job_id IN (SELECT job_id FROM applications WHERE organization_id = new.organization_id AND candidate_id = new.id);
END;

CREATE TRIGGER pipeline_version_screen_insert AFTER INSERT ON async_screens
BEGIN
    UPDATE pipeline_versions SET version = version + 1 WHERE job_id = new.job_id;
END;

-- Draft autosaves only raise the revision; the card changes at the first save (started_at).
CREATE TRIGGER pipeline_version_screen_update AFTER UPDATE OF started_at, submitted_at, cancelled_at, deadline ON async_screens
WHEN old.started_at IS NOT new.started_at OR old.submitted_at IS NOT new.submitted_at
  OR old.cancelled_at IS NOT new.cancelled_at OR old.deadline IS NOT new.deadline
BEGIN
    UPDATE pipeline_versions SET version = version + 1 WHERE job_id = new.job_id;
END;

CREATE TRIGGER pipeline_version_screen_delete AFTER DELETE ON async_screens
BEGIN
    UPDATE pipeline_versions SET version = version + 1 WHERE job_id = old.job_id;
END;
