-- Candidate search (ADR 28): names and e-mail addresses get a vector of their own, so the first
-- tier is answered by a small GIN index and never by testing weights inside the combined vector.
-- With only the combined vector, a word that filled 14,000 resumes and no name made the first
-- tier recheck all 14,000 rows (55 ms). The combined vector of 0006 stays for the second tier.
ALTER TABLE candidates ADD COLUMN name_search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', name) || to_tsvector('simple', translate(email, '@.', '  '))) STORED;
CREATE INDEX ix_candidates_name_search ON candidates USING gin (name_search);
-- The second tier first walks an organisation's newest candidates in key order.
CREATE INDEX ix_candidates_org_search_id ON candidates (organization_id, search_id);

-- Scorecard reminders (ADR 29): a draft carries the end of its interview while that interview is
-- scheduled, so the due drafts are a range of a small partial index. Before, the query walked
-- every past interview (257,000 in the large demo) to find a few hundred unreminded drafts.
-- Triggers keep the copy, so no write path can forget it; submitted scorecards are immutable
-- and only drafts are ever updated.
ALTER TABLE scorecards ADD COLUMN scheduled_end timestamptz;
UPDATE scorecards s SET scheduled_end = i.ends_at
FROM interviews i
WHERE i.id = s.interview_id AND s.status = 'draft' AND i.status = 'scheduled';
DROP INDEX ix_scorecards_unreminded;
CREATE INDEX ix_scorecards_reminder_due ON scorecards (scheduled_end)
    WHERE status = 'draft' AND reminded_at IS NULL AND scheduled_end IS NOT NULL;

CREATE FUNCTION scorecards_scheduled_end_on_insert() RETURNS trigger AS $$
BEGIN
    NEW.scheduled_end := (SELECT i.ends_at FROM interviews i WHERE i.id = NEW.interview_id AND i.status = 'scheduled');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_scorecards_scheduled_end BEFORE INSERT ON scorecards
FOR EACH ROW EXECUTE FUNCTION scorecards_scheduled_end_on_insert();

CREATE FUNCTION interviews_scheduled_end_to_drafts() RETURNS trigger AS $$
BEGIN
    UPDATE scorecards SET scheduled_end = CASE WHEN NEW.status = 'scheduled' THEN NEW.ends_at END
    WHERE interview_id = NEW.id AND status = 'draft';
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_interviews_scheduled_end AFTER UPDATE OF ends_at, status ON interviews
FOR EACH ROW WHEN (OLD.ends_at IS DISTINCT FROM NEW.ends_at OR OLD.status IS DISTINCT FROM NEW.status)
EXECUTE FUNCTION interviews_scheduled_end_to_drafts();

ANALYZE candidates;
ANALYZE scorecards;
