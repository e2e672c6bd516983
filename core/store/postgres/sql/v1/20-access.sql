-- SPDX-FileCopyrightText: 2026 Fairnote contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Who may read what: the one rule for case content, and the row-level security policies built on it.
-- Reading is plain SELECT under these policies (so psql sees exactly what the app sees); writing is
-- only through the functions in 30-record.sql and 40-admin.sql.

-- The one rule for reading a person's case record (entries, revisions, reviews, sign-offs, their audit
-- rows): workers and supervisors read the people on their teams' caseloads; in a training database of
-- invented cases, workers, supervisors and trainers read everyone; an administrator reads no case
-- content. A plain SQL function, so the planner inlines it into each policy and evaluates the caller's
-- role and teams once per query (the scalar sub-selects become InitPlans).
CREATE FUNCTION fairnote.may_read_case(p_person text) RETURNS boolean
  LANGUAGE sql STABLE
  RETURN ((SELECT fairnote.my_role()) IN ('worker', 'supervisor')
          AND ((SELECT fairnote.is_training())
               OR EXISTS (SELECT 1 FROM fairnote.caseloads c
                          WHERE c.person_id = p_person AND c.team_id = ANY ((SELECT fairnote.my_teams())::bigint[]))))
      OR ((SELECT fairnote.my_role()) = 'trainer' AND (SELECT fairnote.is_training()));

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
CREATE POLICY people_read ON fairnote.people FOR SELECT
  USING (fairnote.may_read_case(id) OR (SELECT fairnote.my_role()) = 'administrator');

-- Caseloads: one's own teams'; an administrator's, all of them.
CREATE POLICY caseloads_read ON fairnote.caseloads FOR SELECT
  USING (team_id = ANY ((SELECT fairnote.my_teams())::bigint[]) OR (SELECT fairnote.my_role()) = 'administrator'
         OR (SELECT fairnote.is_training()));

-- Entries: of people one may read; an entry that is only a draft, by its author alone.
CREATE POLICY entries_read ON fairnote.entries FOR SELECT
  USING (fairnote.may_read_case(person_id) AND (revisions > 0 OR creator_staff = (SELECT fairnote.my_staff_id())));

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
CREATE POLICY signoffs_read ON fairnote.signoffs FOR SELECT
  USING (fairnote.may_read_case(person_id));
CREATE POLICY signoff_events_read ON fairnote.signoff_events FOR SELECT
  USING (EXISTS (SELECT 1 FROM fairnote.signoffs s WHERE s.id = signoff_events.signoff_id));

-- The audit trail:
--   * a person's rows, to those who may read the person's case; who viewed a record (`view` rows) only
--     to supervisors and to the viewer themselves;
--   * rows about no person (staff, teams, the server, samples, exercises) to their actor, supervisors
--     and administrators (and trainers in a training database);
--   * an administrator also sees caseload changes (who was put on which caseload), never case rows,
--     and not the `detail` column at all (a column privilege: see 90-grants.sql).
CREATE FUNCTION fairnote.audit_actor_is_me(p_actor bigint) RETURNS boolean
  LANGUAGE sql STABLE
  RETURN EXISTS (SELECT 1 FROM fairnote.authors a WHERE a.id = p_actor AND a.staff_id = (SELECT fairnote.my_staff_id()));

CREATE POLICY audit_read ON fairnote.audit FOR SELECT
  USING (CASE WHEN person_id IS NOT NULL THEN
           (fairnote.may_read_case(person_id)
            AND (action <> 'view' OR (SELECT fairnote.my_role()) = 'supervisor' OR fairnote.audit_actor_is_me(actor_id)))
           OR ((SELECT fairnote.my_role()) = 'administrator' AND action IN ('caseload-add', 'caseload-remove', 'add-person', 'update-person'))
         ELSE
           fairnote.audit_actor_is_me(actor_id)
           OR (SELECT fairnote.my_role()) IN ('supervisor', 'administrator')
           OR ((SELECT fairnote.my_role()) = 'trainer' AND (SELECT fairnote.is_training()))
         END);
