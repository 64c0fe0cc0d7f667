-- Found by bench/run on the large demo data. Without statistics SQLite answered "the panel of
-- this interview" (organization_id = ? AND interview_id = ?) from the index that leads with
-- (organization_id, user_id), reading the whole organisation's panels: 0.4 s per interview page
-- and per scorecard save at 300,000 interviews. An index that leads with the organisation and
-- then the interview matches both equalities.
CREATE INDEX ix_interview_interviewers_interview ON interview_interviewers (organization_id, interview_id, user_id);
