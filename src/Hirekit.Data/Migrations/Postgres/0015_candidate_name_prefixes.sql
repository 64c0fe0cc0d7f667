-- Candidate search, tier 1 (ADR 32): every prefix of every word of a candidate's name and e-mail
-- (the lexemes of name_search), up to 24 characters, so a query word is an equality on the
-- primary key and the keys come out newest first: a page stops the read however many names
-- share the word. It replaces 0014's table of whole words, whose prefix ranges had to be read to
-- the end and sorted (1,012 entries for "zhou", every entry for a shared e-mail domain).
-- The store still rechecks each proposed row against name_search, so the cap only widens what is
-- proposed: a query word longer than 24 characters is looked up by its first 24.
CREATE FUNCTION candidate_name_prefixes_of(words tsvector) RETURNS SETOF text AS $$
    SELECT DISTINCT left(w.lexeme, n)
    FROM unnest(words) w, generate_series(1, least(length(w.lexeme), 24)) n
$$ LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;

CREATE TABLE candidate_name_prefixes (
    organization_id uuid NOT NULL,
    prefix          text COLLATE "C" NOT NULL,
    search_id       bigint NOT NULL
);

-- Filled before the key exists: one sorted build of the index instead of millions of inserts.
INSERT INTO candidate_name_prefixes (organization_id, prefix, search_id)
SELECT c.organization_id, p, c.search_id
FROM candidates c, candidate_name_prefixes_of(c.name_search) p;

ALTER TABLE candidate_name_prefixes ADD PRIMARY KEY (organization_id, prefix, search_id);

-- Triggers keep the prefixes, as 0014's kept the words: inserts and deletes a statement at a
-- time (the seed's COPY of 100,000 candidates is one set-based insert), an update row by row and
-- only when name_search (or the key) changed.
CREATE FUNCTION candidate_name_prefixes_insert() RETURNS trigger AS $$
BEGIN
    INSERT INTO candidate_name_prefixes (organization_id, prefix, search_id)
    SELECT a.organization_id, p, a.search_id FROM added a, candidate_name_prefixes_of(a.name_search) p;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_candidates_name_prefixes_insert AFTER INSERT ON candidates
REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION candidate_name_prefixes_insert();

CREATE FUNCTION candidate_name_prefixes_delete() RETURNS trigger AS $$
BEGIN
    DELETE FROM candidate_name_prefixes n
    USING removed r, candidate_name_prefixes_of(r.name_search) p
    WHERE n.organization_id = r.organization_id AND n.prefix = p AND n.search_id = r.search_id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_candidates_name_prefixes_delete AFTER DELETE ON candidates
REFERENCING OLD TABLE AS removed
FOR EACH STATEMENT EXECUTE FUNCTION candidate_name_prefixes_delete();

CREATE FUNCTION candidate_name_prefixes_update() RETURNS trigger AS $$
BEGIN
    DELETE FROM candidate_name_prefixes n
    USING candidate_name_prefixes_of(OLD.name_search) p
    WHERE n.organization_id = OLD.organization_id AND n.prefix = p AND n.search_id = OLD.search_id;
    INSERT INTO candidate_name_prefixes (organization_id, prefix, search_id)
    SELECT NEW.organization_id, p, NEW.search_id FROM candidate_name_prefixes_of(NEW.name_search) p;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_candidates_name_prefixes_update AFTER UPDATE ON candidates
FOR EACH ROW WHEN (OLD.name_search IS DISTINCT FROM NEW.name_search
    OR OLD.organization_id IS DISTINCT FROM NEW.organization_id
    OR OLD.search_id IS DISTINCT FROM NEW.search_id)
EXECUTE FUNCTION candidate_name_prefixes_update();

-- Tier 1 read the GIN index of name_search (0013) for stop words; it no longer reads it at all.
-- Tier 2 still tests the column row by row, which needs no index.
DROP INDEX ix_candidates_name_search;

-- A GIN index gathers new entries in a pending list that every search reads in full until a
-- vacuum or the list's size limit (4 MB by default) merges it. Candidates are added all day and
-- searched all day: 147 pending pages, from 3,000 new candidates, cost every search 1 ms. A
-- 128 kB list is merged by the insert that fills it, every few dozen new candidates (ADR 32).
ALTER INDEX ix_candidates_search SET (gin_pending_list_limit = 128);

-- 0014's words are read by nothing now.
DROP TRIGGER tr_candidates_name_words_insert ON candidates;
DROP TRIGGER tr_candidates_name_words_delete ON candidates;
DROP TRIGGER tr_candidates_name_words_update ON candidates;
DROP FUNCTION candidate_name_words_insert();
DROP FUNCTION candidate_name_words_delete();
DROP FUNCTION candidate_name_words_update();
DROP TABLE candidate_name_words;

-- A migration runs in a transaction, where VACUUM cannot: autovacuum sets the visibility map
-- that index-only scans need soon after (it vacuums a table after many inserts).
ANALYZE candidate_name_prefixes;
