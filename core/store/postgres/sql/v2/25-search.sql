-- SPDX-FileCopyrightText: 2026 Fairnote contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- The Fairnote server schema, version 2: search that stays fast when a word is in many entries.
-- Run by `fairnote-cli server init` after version 1, and by `fairnote-cli server upgrade` on a server
-- at version 1 (one transaction; the index is rebuilt, so the entries table is locked for the seconds
-- that takes). See docs/server.md "Search".
--
-- Version 1 asked the GIN index first. For a word in hundreds of thousands of entries ("room", "said")
-- the index answers with a bitmap of every match before a single row comes back, and then each match
-- is read to see whether the caller may read it: two seconds on a million entries. Now:
--   1. When the statistics (ANALYZE's most common words) say the words are in more than 20,000
--      entries (the setting fairnote.search_common_above, for a server far larger or smaller), the most recent entries the caller may read are walked newest first, through an index
--      that holds what the walk needs to know who may read an entry (person, revisions, who began it),
--      so entries the caller may not read cost an index tuple, not a row. Each readable entry is then
--      checked for the words. If enough of them match, that is the answer, newest first.
--   2. Otherwise (a rarer word, a name, or a common word that is not in recent entries) the GIN index
--      is asked, as in version 1: the best matches first, or newest first when more than 2,000 entries
--      the caller may read match.
-- The function never uses just-in-time compilation or parallel workers: for a query that returns in
-- milliseconds, compiling it (a third of a second) or starting workers costs more than it saves.

SET LOCAL ROLE fairnote_owner;

DROP INDEX fairnote.entries_newest;
CREATE INDEX entries_newest ON fairnote.entries(created_at DESC) INCLUDE (person_id, id, revisions, creator_staff);

-- How many entries are expected to match a query made by Fairnote (words joined by &, the last perhaps a
-- prefix): from ANALYZE's statistics of the search column (its most common words and the share of
-- entries each is in), the product of each word's share (a prefix: the shares of the common words it
-- begins, at most all), times the number of entries. A word not among the common ones counts as rare.
-- It reads the statistics, never the entries. (PostgreSQL's own estimate guesses 2% for any prefix.)
CREATE FUNCTION fairnote.expected_matches(q tsquery) RETURNS double precision
  LANGUAGE sql STABLE SET search_path = pg_catalog, fairnote, pg_temp
BEGIN ATOMIC
  WITH stats AS (SELECT s.most_common_elems::text::text[] AS words, s.most_common_elem_freqs AS freqs
                 FROM pg_stats s WHERE s.schemaname = 'fairnote' AND s.tablename = 'entries' AND s.attname = 'search'),
       terms AS (SELECT m[1] AS lexeme, m[2] IS NOT NULL AS prefix FROM regexp_matches(q::text, '''([^'']+)''(:\*)?', 'g') AS m),
       shares AS (SELECT least(1.0, coalesce((SELECT sum(st.freqs[i]) FROM stats st, generate_subscripts(st.words, 1) AS i
                                              WHERE CASE WHEN t.prefix THEN starts_with(st.words[i], t.lexeme)
                                                         ELSE st.words[i] = t.lexeme END), 0.0)) AS share
                  FROM terms t)
  SELECT CASE WHEN count(*) = 0 THEN 0.0
              ELSE exp(sum(ln(greatest(share, 1e-12)))) * greatest((SELECT c.reltuples FROM pg_class c WHERE c.oid = 'fairnote.entries'::regclass), 0)
         END
  FROM shares;
END;
REVOKE ALL ON FUNCTION fairnote.expected_matches(tsquery) FROM PUBLIC;

DO $make$
BEGIN
  EXECUTE format($function$
CREATE OR REPLACE FUNCTION fairnote.search_entries(p_query text, p_limit integer)
  RETURNS TABLE(entry_id text, person_id text, person_name text, kind text, revisions integer, in_error boolean,
                headline text, rank real, whole text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, fairnote, pg_temp SET jit = off SET max_parallel_workers_per_gather = 0
AS $body$
DECLARE
  q tsquery := to_tsquery('english', p_query);
  me bigint := fairnote.my_staff_id();
  recent text[];
  matches bigint;
  options constant text := 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=16, MinWords=6, MaxFragments=1';
BEGIN
  -- 1. A common word: the newest 2,000 entries the caller may read (looking at no more than the newest
  --    40,000 in all), each checked for the words, stopping at p_limit matches.
  IF fairnote.expected_matches(q) > coalesce(nullif(current_setting('fairnote.search_common_above', true), '')::double precision, 20000) THEN
    SELECT array_agg(w.id ORDER BY w.created_at DESC) INTO recent FROM (
      SELECT r.id, r.created_at FROM (
        SELECT x.id, x.created_at FROM (
          SELECT n.id, n.created_at, n.person_id, n.revisions, n.creator_staff FROM fairnote.entries n
          ORDER BY n.created_at DESC LIMIT 40000) x
        WHERE (x.revisions > 0 OR x.creator_staff = me) AND %1$s
        ORDER BY x.created_at DESC LIMIT 2000) r
      JOIN fairnote.entries e ON e.id = r.id
      WHERE e.search @@ q
      ORDER BY r.created_at DESC LIMIT p_limit) w;
    IF cardinality(recent) >= p_limit THEN
      RETURN QUERY
        SELECT e.id, e.person_id, p.name, e.kind, e.revisions, e.in_error,
               ts_headline('english', e.search_names || chr(10) || e.search_body, q, options), 0::real,
               e.search_names || chr(10) || e.search_body
        FROM unnest(recent) WITH ORDINALITY AS u(id, n)
        JOIN fairnote.entries e ON e.id = u.id
        JOIN fairnote.people p ON p.id = e.person_id
        ORDER BY u.n;
      RETURN;
    END IF;
  END IF;

  -- 2. A rarer word: the GIN index.
  SELECT count(*) INTO matches FROM (
    SELECT 1 FROM fairnote.entries e
    WHERE e.search @@ q AND (e.revisions > 0 OR e.creator_staff = me) AND %2$s LIMIT 2001) x;
  IF matches <= 2000 THEN
    RETURN QUERY
      SELECT e.id, e.person_id, p.name, e.kind, e.revisions, e.in_error,
             ts_headline('english', e.search_names || chr(10) || e.search_body, q, options), e.r,
             e.search_names || chr(10) || e.search_body
      FROM (SELECT x.*, ts_rank_cd(x.search, q) AS r FROM fairnote.entries x
            WHERE x.search @@ q AND (x.revisions > 0 OR x.creator_staff = me) AND %3$s
            ORDER BY r DESC, x.created_at DESC LIMIT p_limit) e
      JOIN fairnote.people p ON p.id = e.person_id
      ORDER BY e.r DESC, e.created_at DESC;
  ELSE
    RETURN QUERY
      SELECT e.id, e.person_id, p.name, e.kind, e.revisions, e.in_error,
             ts_headline('english', e.search_names || chr(10) || e.search_body, q, options), 0::real,
             e.search_names || chr(10) || e.search_body
      FROM (SELECT x.* FROM fairnote.entries x
            WHERE x.search @@ q AND (x.revisions > 0 OR x.creator_staff = me) AND %3$s
            ORDER BY x.created_at DESC LIMIT p_limit) e
      JOIN fairnote.people p ON p.id = e.person_id
      ORDER BY e.created_at DESC;
  END IF;
END
$body$;
$function$, fairnote.case_rule('x.person_id'), fairnote.case_rule('e.person_id'), fairnote.case_rule('x.person_id'));
END
$make$;

RESET ROLE;
