-- Candidate search, second tier (ADR 35): prefix indexes for query words of 1 to 10 characters.
-- Every query word is a prefix ("kafka"*). Without an index for its length, FTS5 merges the
-- entries of every term that starts with it before it hands over the first row: 14,000 rows for
-- "kafka", 55,000 for "k", on every search, however small the page. With an index for the
-- length, the prefix is one term whose entries are read newest first and stop at the page.
-- FTS5 uses a prefix index only for a query word of exactly its length, hence every length.
-- Words longer than 10 characters (after stemming) are merged as before; they match fewer rows.
-- The triggers of 0006 write to the table by name and keep working.
DROP TABLE candidates_fts;
CREATE VIRTUAL TABLE candidates_fts USING fts5(
    name, email, resume_text,
    content = 'candidates', content_rowid = 'search_id',
    tokenize = 'porter unicode61 remove_diacritics 2',
    detail = column,
    prefix = '1 2 3 4 5 6 7 8 9 10'
);
INSERT INTO candidates_fts (candidates_fts) VALUES ('rebuild');
