-- SPDX-FileCopyrightText: 2026 Fairnote contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Full-text search, with PostgreSQL's own English stemming (the `english` configuration: the Snowball
-- stemmer) over each entry's names and narrative (the stored `search` column and its GIN index).
--
-- Why a function, when reading is otherwise plain SELECT under row-level security: PostgreSQL may use
-- an index for a condition under a policy only if the condition's operator is leakproof, and the
-- text-search match (@@) is not; so a search under the policy would read every entry the caller may
-- read. This function runs as the owner, finds the matches through the index, and keeps only those
-- the same rule (fairnote.case_rule) lets the caller read — drafts their own only.

CREATE INDEX entries_newest ON fairnote.entries(created_at DESC);

DO $make$
BEGIN
  EXECUTE format($function$
CREATE FUNCTION fairnote.search_entries(p_query text, p_limit integer)
  RETURNS TABLE(entry_id text, person_id text, person_name text, kind text, revisions integer, in_error boolean,
                headline text, rank real, whole text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $body$
DECLARE
  q tsquery := to_tsquery('english', p_query);
  me bigint := fairnote.my_staff_id();
  matches bigint;
  options constant text := 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=16, MinWords=6, MaxFragments=1';
BEGIN
  -- Best matches first while ranking is cheap; a query matching very many entries (a common word) is
  -- listed newest first instead, which the index on created_at gives without scoring every match.
  SELECT count(*) INTO matches FROM (
    SELECT 1 FROM fairnote.entries e
    WHERE e.search @@ q AND (e.revisions > 0 OR e.creator_staff = me) AND %1$s LIMIT 2001) x;
  IF matches <= 2000 THEN
    RETURN QUERY
      SELECT e.id, e.person_id, p.name, e.kind, e.revisions, e.in_error,
             ts_headline('english', e.search_names || chr(10) || e.search_body, q, options), e.r,
             e.search_names || chr(10) || e.search_body
      FROM (SELECT x.*, ts_rank_cd(x.search, q) AS r FROM fairnote.entries x
            WHERE x.search @@ q AND (x.revisions > 0 OR x.creator_staff = me) AND %2$s
            ORDER BY r DESC, x.created_at DESC LIMIT p_limit) e
      JOIN fairnote.people p ON p.id = e.person_id
      ORDER BY e.r DESC, e.created_at DESC;
  ELSE
    RETURN QUERY
      SELECT e.id, e.person_id, p.name, e.kind, e.revisions, e.in_error,
             ts_headline('english', e.search_names || chr(10) || e.search_body, q, options), 0::real,
             e.search_names || chr(10) || e.search_body
      FROM (SELECT x.* FROM fairnote.entries x
            WHERE x.search @@ q AND (x.revisions > 0 OR x.creator_staff = me) AND %2$s
            ORDER BY x.created_at DESC LIMIT p_limit) e
      JOIN fairnote.people p ON p.id = e.person_id
      ORDER BY e.created_at DESC;
  END IF;
END
$body$;
$function$, fairnote.case_rule('e.person_id'), fairnote.case_rule('x.person_id'));
END
$make$;

-- Who is drafting entries the caller may read (a colleague's amendment, or their new entry): that
-- someone is, and who (their signature), never what the draft says. Drafts are few (work in progress),
-- so the chronology joins this instead of asking per entry.
CREATE FUNCTION fairnote.drafters(p_person text)
  RETURNS TABLE(entry_id text, author_id bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
BEGIN ATOMIC
  SELECT d.entry_id, d.author_id FROM fairnote.drafts d JOIN fairnote.entries e ON e.id = d.entry_id
  WHERE (p_person IS NULL OR e.person_id = p_person) AND fairnote.may_read_case(e.person_id);
END;
