-- A version per job's pipeline, raised by triggers whenever something a board card shows may have
-- changed: an application added, moved, edited or removed, its candidate renamed, or its written
-- screen sent, started, submitted, cancelled or given a new deadline. The server caches a board's
-- cards under this version (ADR 22); triggers rather than application code raise it, so no
-- write path, bulk loader or future feature can forget to. Counts stay in pipeline_counts and are
-- read on every request.
CREATE TABLE pipeline_versions (
    job_id           uuid PRIMARY KEY REFERENCES jobs (id),
    organization_id  uuid NOT NULL REFERENCES organizations (id),
    version          bigint NOT NULL CHECK (version > 0)
);
INSERT INTO pipeline_versions (job_id, organization_id, version)
SELECT DISTINCT job_id, organization_id, 1 FROM applications;

-- Applications: once per statement, over the statement's rows, so a COPY of 100,000 rows raises
-- each job's version once instead of updating the same row 100,000 times. Jobs are taken in id
-- order so two statements touching the same jobs lock them in the same order.
CREATE FUNCTION pipeline_versions_raise_from_rows() RETURNS trigger AS $$
BEGIN
    INSERT INTO pipeline_versions (job_id, organization_id, version)
    SELECT DISTINCT job_id, organization_id, 1 FROM changed_rows ORDER BY job_id
    ON CONFLICT (job_id) DO UPDATE SET version = pipeline_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_pipeline_version_application_insert AFTER INSERT ON applications
REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION pipeline_versions_raise_from_rows();
CREATE TRIGGER tr_pipeline_version_application_update AFTER UPDATE ON applications
REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION pipeline_versions_raise_from_rows();
CREATE TRIGGER tr_pipeline_version_application_delete AFTER DELETE ON applications
REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION pipeline_versions_raise_from_rows();

-- Candidates and screens change one row at a time.
CREATE FUNCTION pipeline_versions_raise_for_candidate() RETURNS trigger AS $$
BEGIN
    UPDATE pipeline_versions SET version = version + 1
    WHERE job_id IN (SELECT job_id FROM applications WHERE organization_id = NEW.organization_id AND candidate_id = NEW.id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_pipeline_version_candidate_rename AFTER UPDATE OF name ON candidates
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION pipeline_versions_raise_for_candidate();

CREATE FUNCTION pipeline_versions_raise_for_screen() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE pipeline_versions SET version = version + 1 WHERE job_id = OLD.job_id;
    ELSE
        UPDATE pipeline_versions SET version = version + 1 WHERE job_id = NEW.job_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_pipeline_version_screen_insert AFTER INSERT OR DELETE ON async_screens
FOR EACH ROW EXECUTE FUNCTION pipeline_versions_raise_for_screen();
-- Draft autosaves only raise the revision; the card changes at the first save (started_at).
CREATE TRIGGER tr_pipeline_version_screen_update AFTER UPDATE OF started_at, submitted_at, cancelled_at, deadline ON async_screens
FOR EACH ROW WHEN (OLD.started_at IS DISTINCT FROM NEW.started_at OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at
                   OR OLD.cancelled_at IS DISTINCT FROM NEW.cancelled_at OR OLD.deadline IS DISTINCT FROM NEW.deadline)
EXECUTE FUNCTION pipeline_versions_raise_for_screen();
