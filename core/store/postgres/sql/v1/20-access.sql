-- SPDX-FileCopyrightText: 2026 Fairnote contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Who may read what: the one rule for case content, and the row-level security policies built on it.
-- Reading is plain SELECT under these policies (so psql sees exactly what the app sees); writing is
-- only through the functions in 30-record.sql and 40-admin.sql.

-- The one rule for reading a person's case record (entries, revisions, reviews, sign-offs, their audit
-- rows): workers and supervisors read the people on their teams' caseloads; in a training database of
-- invented cases, workers, supervisors and trainers read everyone; an administrator reads no case
-- content. Written once, as a template (%1$s: the person's id), from which the policies below, the
-- function the writing functions call (fairnote.may_read_case) and the search function are made: a
-- policy must hold the expression itself, not a call of a function with sub-selects (PostgreSQL does
-- not inline those), so that the caller's role and teams are looked up once per query (the scalar
-- sub-selects become InitPlans) and an index can still find the rows.
CREATE FUNCTION fairnote.case_rule(person text) RETURNS text
  LANGUAGE sql IMMUTABLE
  RETURN format($rule$(((SELECT fairnote.my_role()) IN ('worker', 'supervisor')
     AND ((SELECT fairnote.is_training())
          OR EXISTS (SELECT 1 FROM fairnote.caseloads c
                     WHERE c.person_id = %1$s AND c.team_id = ANY ((SELECT fairnote.my_teams())::bigint[]))))
   OR ((SELECT fairnote.my_role()) = 'trainer' AND (SELECT fairnote.is_training())))$rule$, person);

DO $make$
BEGIN
  EXECUTE format('CREATE FUNCTION fairnote.may_read_case(p_person text) RETURNS boolean LANGUAGE sql STABLE RETURN %s',
                 fairnote.case_rule('p_person'));
END
$make$;

ALTER TABLE fairnote.people ENABLE ROW LEVEL SECURITY;
ALTER TABLE fairnote.caseloads ENABLE ROW LEVEL SECURITY;
ALTER TABLE fairnote.entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE fairnote.revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE fairnote.drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE fairnote.errors ENABLE ROW LEVEL SECURITY;
ALTER TABLE fairnote.disclosure_flags ENABLE ROW LEVEL SECURITY;
ALTER TABLE fairnote.reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE fairnote.signoffs ENABLE ROW LEVEL SECURITY;
ALTER TABLE fairnote.signoff_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE fairnote.audit ENABLE ROW LEVEL SECURITY;

-- People: those whose case one may read; an administrator sees who is on the server (name, other
-- names, date of birth: what it takes to put the right person on a caseload), never what is written.
DO $make$
BEGIN
  EXECUTE format('CREATE POLICY people_read ON fairnote.people FOR SELECT USING (%s OR (SELECT fairnote.my_role()) = ''administrator'')',
                 fairnote.case_rule('people.id'));
END
$make$;

-- Caseloads: one's own teams'; an administrator's, all of them.
CREATE POLICY caseloads_read ON fairnote.caseloads FOR SELECT
  USING (team_id = ANY ((SELECT fairnote.my_teams())::bigint[]) OR (SELECT fairnote.my_role()) = 'administrator'
         OR (SELECT fairnote.is_training()));

-- Entries: of people one may read; an entry that is only a draft, by its author alone.
DO $make$
BEGIN
  EXECUTE format('CREATE POLICY entries_read ON fairnote.entries FOR SELECT USING (%s AND (revisions > 0 OR creator_staff = (SELECT fairnote.my_staff_id())))',
                 fairnote.case_rule('entries.person_id'));
END
$make$;

-- Drafts: their author only, whoever else may read the entry.
CREATE POLICY drafts_read ON fairnote.drafts FOR SELECT
  USING (staff_id = (SELECT fairnote.my_staff_id())
         AND EXISTS (SELECT 1 FROM fairnote.entries e WHERE e.id = drafts.entry_id));

-- What belongs to an entry: as the entry (its policy applies inside the sub-select).
CREATE POLICY revisions_read ON fairnote.revisions FOR SELECT
  USING (EXISTS (SELECT 1 FROM fairnote.entries e WHERE e.id = revisions.entry_id));
CREATE POLICY errors_read ON fairnote.errors FOR SELECT
  USING (EXISTS (SELECT 1 FROM fairnote.entries e WHERE e.id = errors.entry_id));
CREATE POLICY disclosure_flags_read ON fairnote.disclosure_flags FOR SELECT
  USING (EXISTS (SELECT 1 FROM fairnote.entries e WHERE e.id = disclosure_flags.entry_id));
CREATE POLICY reviews_read ON fairnote.reviews FOR SELECT
  USING (EXISTS (SELECT 1 FROM fairnote.entries e WHERE e.id = reviews.entry_id));
DO $make$
BEGIN
  EXECUTE format('CREATE POLICY signoffs_read ON fairnote.signoffs FOR SELECT USING (%s)', fairnote.case_rule('signoffs.person_id'));
END
$make$;
CREATE POLICY signoff_events_read ON fairnote.signoff_events FOR SELECT
  USING (EXISTS (SELECT 1 FROM fairnote.signoffs s WHERE s.id = signoff_events.signoff_id));

-- The audit trail:
--   * a person's rows, to those who may read the person's case; who viewed a record (`view` rows) only
--     to supervisors and to the viewer themselves;
--   * rows about no person (staff, teams, the server, samples, exercises) to their actor, supervisors
--     and administrators (and trainers in a training database);
--   * an administrator also sees caseload changes (who was put on which caseload), never case rows,
--     and not the `detail` column at all (a column privilege: see 90-grants.sql).
DO $make$
DECLARE
  actor_is_me constant text := 'EXISTS (SELECT 1 FROM fairnote.authors a WHERE a.id = audit.actor_id AND a.staff_id = (SELECT fairnote.my_staff_id()))';
BEGIN
  EXECUTE format($policy$CREATE POLICY audit_read ON fairnote.audit FOR SELECT
    USING (CASE WHEN person_id IS NOT NULL THEN
             (%1$s AND (action <> 'view' OR (SELECT fairnote.my_role()) = 'supervisor' OR %2$s))
             OR ((SELECT fairnote.my_role()) = 'administrator' AND action IN ('caseload-add', 'caseload-remove', 'add-person', 'update-person'))
           ELSE
             %2$s
             OR (SELECT fairnote.my_role()) IN ('supervisor', 'administrator')
             OR ((SELECT fairnote.my_role()) = 'trainer' AND (SELECT fairnote.is_training()))
           END)$policy$, fairnote.case_rule('audit.person_id'), actor_is_me);
END
$make$;
