-- The panel of one interview within the organisation (see the SQLite migration of the same
-- number): kept on both engines so the schemas stay alike, although PostgreSQL's statistics
-- already steer it to the primary key.
CREATE INDEX ix_interview_interviewers_interview ON interview_interviewers (organization_id, interview_id, user_id);
