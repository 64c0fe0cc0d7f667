-- Candidate search, tier 1 (ADR 31): every word of a candidate's name and e-mail (the lexemes of
-- name_search) in a B-tree, so a prefix is a range that an index-only scan reads without visiting
-- candidates. The GIN index of 0013 answered "zhou" (1,012 names in the large demo) by visiting
-- 1,012 heap rows and sorting them (3.3 ms). name_search stays: tier 2 excludes tier 1 with it,
-- and the store rechecks each tier 1 row against it, so this table only proposes rows.
-- Bytewise order (COLLATE "C") makes "every word starting with p" the range [p, p || U+10FFFF).
-- U+10FFFF exists only in a UTF8 database; refuse any other here rather than fail every search.
DO $$
BEGIN
    IF pg_encoding_to_char((SELECT encoding FROM pg_database WHERE datname = current_database())) <> 'UTF8' THEN
        RAISE EXCEPTION 'Hirekit needs a UTF8 database (this one is %); see README, Run on PostgreSQL',
            pg_encoding_to_char((SELECT encoding FROM pg_database WHERE datname = current_database()));
    END IF;
END;
$$;

CREATE TABLE candidate_name_words (
    organization_id uuid NOT NULL,
    word            text COLLATE "C" NOT NULL,
    search_id       bigint NOT NULL,
    PRIMARY KEY (organization_id, word, search_id)
);

INSERT INTO candidate_name_words (organization_id, word, search_id)
SELECT c.organization_id, w.lexeme, c.search_id
FROM candidates c, unnest(c.name_search) w;

-- Triggers keep the words, so no write path can forget them. Inserts and deletes are handled a
-- statement at a time (the seed's COPY of 100,000 candidates is one set-based insert); an update
-- touches the words only when name_search changed, which is rare (an edit, an erasure).
CREATE FUNCTION candidate_name_words_insert() RETURNS trigger AS $$
BEGIN
    INSERT INTO candidate_name_words (organization_id, word, search_id)
    SELECT a.organization_id, w.lexeme, a.search_id FROM added a, unnest(a.name_search) w;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_candidates_name_words_insert AFTER INSERT ON candidates
REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION candidate_name_words_insert();

CREATE FUNCTION candidate_name_words_delete() RETURNS trigger AS $$
BEGIN
    DELETE FROM candidate_name_words n
    USING removed r, unnest(r.name_search) w
    WHERE n.organization_id = r.organization_id AND n.word = w.lexeme AND n.search_id = r.search_id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_candidates_name_words_delete AFTER DELETE ON candidates
REFERENCING OLD TABLE AS removed
FOR EACH STATEMENT EXECUTE FUNCTION candidate_name_words_delete();

CREATE FUNCTION candidate_name_words_update() RETURNS trigger AS $$
BEGIN
    DELETE FROM candidate_name_words n
    USING unnest(OLD.name_search) w
    WHERE n.organization_id = OLD.organization_id AND n.word = w.lexeme AND n.search_id = OLD.search_id;
    INSERT INTO candidate_name_words (organization_id, word, search_id)
    SELECT NEW.organization_id, w.lexeme, NEW.search_id FROM unnest(NEW.name_search) w;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_candidates_name_words_update AFTER UPDATE ON candidates
FOR EACH ROW WHEN (OLD.name_search IS DISTINCT FROM NEW.name_search
    OR OLD.organization_id IS DISTINCT FROM NEW.organization_id
    OR OLD.search_id IS DISTINCT FROM NEW.search_id)
EXECUTE FUNCTION candidate_name_words_update();

-- A migration runs in a transaction, where VACUUM cannot: autovacuum sets the visibility map
-- that index-only scans need soon after (it vacuums a table after many inserts).
ANALYZE candidate_name_words;
