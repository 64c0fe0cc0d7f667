-- Scorecard reminders (ADR 29): a draft carries the end of its interview while that interview is
-- scheduled, so the due drafts are a range of a small partial index instead of a walk over every
-- past interview. Triggers keep the copy, so no write path can forget it; only drafts are ever
-- updated, because submitted scorecards are immutable. (Candidate search needs no change here:
-- FTS5 already reads each tier in key order; see ADR 28.)
ALTER TABLE scorecards ADD COLUMN scheduled_end TEXT;
UPDATE scorecards SET scheduled_end = (
    SELECT i.ends_at FROM interviews i WHERE i.id = scorecards.interview_id AND i.status = 'scheduled')
WHERE status = 'draft';
DROP INDEX ix_scorecards_unreminded;
CREATE INDEX ix_scorecards_reminder_due ON scorecards (scheduled_end)
    WHERE status = 'draft' AND reminded_at IS NULL AND scheduled_end IS NOT NULL;

CREATE TRIGGER tr_scorecards_scheduled_end AFTER INSERT ON scorecards
WHEN NEW.status = 'draft'
BEGIN
    UPDATE scorecards SET scheduled_end = (
        SELECT i.ends_at FROM interviews i WHERE i.id = NEW.interview_id AND i.status = 'scheduled')
    WHERE id = NEW.id;
END;

CREATE TRIGGER tr_interviews_scheduled_end AFTER UPDATE OF ends_at, status ON interviews
WHEN OLD.ends_at IS NOT NEW.ends_at OR OLD.status IS NOT NEW.status
BEGIN
    UPDATE scorecards SET scheduled_end = CASE WHEN NEW.status = 'scheduled' THEN NEW.ends_at END
    WHERE interview_id = NEW.id AND status = 'draft';
END;
