-- SPDX-FileCopyrightText: 2026 Fairnote contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- The Fairnote server schema, version 2 (continued): saving that stays fast when a team saves at once.
-- See docs/server.md "Speed" and docs/benchmarks.md.
--
-- Version 1 wrote "who is asking" (the login's staff record, role and teams) and a few helpers as SQL
-- functions. PostgreSQL 15 plans a SQL function's query every time it is called from another function
-- (it cannot inline one that is SECURITY DEFINER or holds a sub-select), and a save calls them about
-- forty times: planning was half of a save's time on the server. The same functions are written here
-- in PL/pgSQL, whose plans are kept for the session; what each returns is unchanged, and so are the
-- rules (the row-level security policies still hold the rule itself, fairnote.case_rule).
-- The role is found through pg_auth_members' index by role oid instead of joining pg_roles by name.

SET LOCAL ROLE fairnote_owner;

CREATE OR REPLACE FUNCTION fairnote.my_staff_id() RETURNS bigint
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
BEGIN
  RETURN (SELECT s.id FROM fairnote.staff s WHERE s.login = session_user AND s.left_at IS NULL);
END $$;

-- 'worker', 'supervisor', 'trainer' or 'administrator': the one Fairnote group the login is directly a
-- member of; NULL when it is not on the staff here, or is a member of more than one (verify reports that).
CREATE OR REPLACE FUNCTION fairnote.my_role() RETURNS text
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  login oid := to_regrole(quote_ident(session_user));
  groups text[];
BEGIN
  IF login IS NULL OR NOT EXISTS (SELECT 1 FROM fairnote.staff s WHERE s.login = session_user AND s.left_at IS NULL) THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(m.roleid::regrole::text) INTO groups FROM pg_auth_members m
    WHERE m.member = login
      AND m.roleid IN ('fairnote_worker'::regrole, 'fairnote_supervisor'::regrole, 'fairnote_trainer'::regrole,
                       'fairnote_administrator'::regrole);
  IF cardinality(groups) = 1 THEN
    RETURN substr(groups[1], 10);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fairnote.my_teams() RETURNS bigint[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
BEGIN
  RETURN coalesce((SELECT array_agg(m.team_id ORDER BY m.team_id) FROM fairnote.team_members m
                   WHERE m.staff_id = fairnote.my_staff_id()), '{}');
END $$;

CREATE OR REPLACE FUNCTION fairnote.is_training() RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
BEGIN
  RETURN coalesce((SELECT value = 'training' FROM fairnote.meta WHERE key = 'kind'), false);
END $$;

-- Version 1's can_read_person said the same rule again and nothing called it (may_read_case is the rule's
-- one home): gone.
DROP FUNCTION fairnote.can_read_person(text);

-- The one rule for reading a person's case record, from the same template as the policies.
DO $make$
BEGIN
  EXECUTE format('CREATE OR REPLACE FUNCTION fairnote.may_read_case(p_person text) RETURNS boolean LANGUAGE plpgsql STABLE '
                 'AS $body$ BEGIN RETURN %s; END $body$', fairnote.case_rule('p_person'));
END
$make$;

CREATE OR REPLACE FUNCTION fairnote.author_name(p_author bigint) RETURNS text
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
BEGIN
  RETURN (SELECT CASE WHEN a.role = '' AND a.organisation = '' THEN a.name
                      WHEN a.organisation = '' THEN a.name || ' (' || a.role || ')'
                      WHEN a.role = '' THEN a.name || ' (' || a.organisation || ')'
                      ELSE a.name || ' (' || a.role || ', ' || a.organisation || ')' END
          FROM fairnote.authors a WHERE a.id = p_author);
END $$;

CREATE OR REPLACE FUNCTION fairnote.drafter(p_entry text) RETURNS bigint
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
BEGIN
  RETURN (SELECT d.author_id FROM fairnote.drafts d JOIN fairnote.entries e ON e.id = d.entry_id
          WHERE d.entry_id = p_entry AND fairnote.may_read_case(e.person_id));
END $$;

CREATE OR REPLACE FUNCTION fairnote.i_wrote(p_entry text) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM fairnote.authors a
    WHERE a.id IN (SELECT r.author_id FROM fairnote.revisions r WHERE r.entry_id = p_entry
                   UNION SELECT e.author_id FROM fairnote.entries e WHERE e.id = p_entry)
      AND (a.staff_id = fairnote.my_staff_id()
           OR fairnote.same_name(a.name, (SELECT s.name FROM fairnote.staff s WHERE s.id = fairnote.my_staff_id()))));
END $$;

-- The assessment kept with a revision, as the canonical lines the file hashes (called once per
-- revision written; verify computes the lines for all revisions in one query of its own).
CREATE OR REPLACE FUNCTION fairnote.snapshot_canon(snapshot jsonb) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
  RETURN coalesce((SELECT string_agg(
            fairnote.canon('prompt.field', p->>'field') || fairnote.canon('prompt.code', p->>'code') ||
            fairnote.canon('prompt.severity', p->>'severity') || fairnote.canon('prompt.message', p->>'message') ||
            fairnote.canon('prompt.question', p->>'question') || fairnote.canon('prompt.left_reason', p->>'left_reason'), '' ORDER BY n)
          FROM jsonb_array_elements(snapshot->'prompts') WITH ORDINALITY AS x(p, n)), '') ||
         coalesce((SELECT string_agg(
            fairnote.canon('finding.field', f->>'field') || fairnote.canon('finding.rule', f->>'rule') ||
            fairnote.canon('finding.category', f->>'category') || fairnote.canon('finding.severity', f->>'severity') ||
            fairnote.canon('finding.offset', f->>'offset') || fairnote.canon('finding.length', f->>'length') ||
            fairnote.canon('finding.text', f->>'text') || fairnote.canon('finding.message', f->>'message'), '' ORDER BY n)
          FROM jsonb_array_elements(snapshot->'findings') WITH ORDINALITY AS x(f, n)), '');
END $$;

-- ---- the entry's row, written once per step ------------------------------------------------------
-- Each new version of an entry's row is written to every index on it, the search index too (the
-- words of the whole note), and its search column is computed again. Version 1 wrote a new entry's
-- row twice (the entry, then its head) and a finalised one's twice (the count of revisions, then the
-- head); each is written once now. The head's columns are read from the client's JSON in one place.

-- The columns of an entry's head, from the JSON the client computed (see set_head).
CREATE FUNCTION fairnote.head_of(p_head jsonb, OUT event_sort timestamptz, OUT event_latest timestamptz, OUT event_json text,
                                 OUT summary text, OUT search_names text, OUT search_body text)
  LANGUAGE sql STABLE
  RETURN ROW(nullif(p_head->>'event_sort', '')::timestamptz, nullif(p_head->>'event_latest', '')::timestamptz,
             coalesce(p_head->>'event_json', '{}'), coalesce(p_head->>'summary', ''), coalesce(p_head->>'search_names', ''),
             coalesce(p_head->>'search_body', ''));

CREATE OR REPLACE FUNCTION fairnote.set_head(p_entry text, p_head jsonb, p_written timestamptz, p_author bigint, p_late bigint) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
BEGIN
  UPDATE fairnote.entries x SET event_sort = hd.event_sort, event_latest = hd.event_latest, event_json = hd.event_json,
      summary = hd.summary, search_names = hd.search_names, search_body = hd.search_body,
      written_at = p_written, author_id = p_author, late_seconds = p_late
    FROM fairnote.head_of(p_head) hd WHERE x.id = p_entry;
END $$;

CREATE OR REPLACE FUNCTION fairnote.save_draft(p_person text, p_entry text, p_kind text, p_content text, p_head jsonb) RETURNS text
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_writer();
  person fairnote.people := fairnote.readable_person(p_person);
  author bigint := fairnote.my_author_id();
  at timestamptz := fairnote.clock();
  v_id text := btrim(coalesce(p_entry, ''));
  e fairnote.entries;
  d fairnote.drafts;
BEGIN
  IF p_kind NOT IN ('note', 'incident') THEN
    PERFORM fairnote.refuse('FN004', 'bad-content', 'an entry is a note or an incident');
  END IF;
  IF v_id <> '' THEN
    SELECT * INTO e FROM fairnote.entries x WHERE x.id = v_id FOR UPDATE;
  END IF;
  IF e.id IS NOT NULL AND NOT fairnote.may_read_case(e.person_id) THEN
    -- An id the client chose that is already someone else's (it chooses another).
    PERFORM fairnote.refuse('FN003', 'entry-id-in-use', format('the entry id "%s" is already in use', v_id), jsonb_build_object('entry', v_id));
  END IF;
  IF e.id IS NULL THEN
    IF v_id = '' THEN
      LOOP
        v_id := fairnote.new_id('E-');
        EXIT WHEN NOT EXISTS (SELECT 1 FROM fairnote.entries x WHERE x.id = v_id);
      END LOOP;
      -- The client wrote the entry without an id: the server's goes in.
      p_content := jsonb_set(p_content::jsonb, '{id}', to_jsonb(v_id))::text;
    END IF;
    PERFORM fairnote.check_content(p_content, v_id, p_kind, at, author);
    -- The entry is written once, with its head (version 1 wrote it, then its head).
    INSERT INTO fairnote.entries(id, person_id, kind, created_at, created_by, creator_staff, event_sort, event_latest, event_json,
                                 summary, search_names, search_body, written_at, author_id, late_seconds)
      SELECT v_id, person.id, p_kind, at, author, me, hd.event_sort, hd.event_latest, hd.event_json, hd.summary, hd.search_names,
             hd.search_body, at, author, NULL
      FROM fairnote.head_of(p_head) hd;
    INSERT INTO fairnote.drafts(entry_id, author_id, staff_id, base_revision, content, started_at, updated_at)
      VALUES (v_id, author, me, 0, p_content, at, at);
    PERFORM fairnote.append_audit(author, 'create-entry', person.id, v_id, NULL, jsonb_build_object('kind', p_kind)::text);
    RETURN v_id;
  END IF;
  e := fairnote.lock_entry(v_id);
  IF e.person_id <> person.id THEN
    PERFORM fairnote.refuse('FN003', 'other-person', format('entry %s belongs to someone else''s case record', v_id),
                            jsonb_build_object('entry', v_id));
  END IF;
  IF e.in_error THEN
    PERFORM fairnote.refuse('FN003', 'in-error', format('entry %s is marked in error, so it cannot be changed; write a new entry instead', v_id),
                            jsonb_build_object('entry', v_id));
  END IF;
  IF e.kind <> p_kind THEN
    PERFORM fairnote.refuse('FN003', 'kind-changed', format('entry %s is a %s; it cannot become a %s', v_id, e.kind, p_kind),
                            jsonb_build_object('entry', v_id, 'kind', e.kind));
  END IF;
  SELECT * INTO d FROM fairnote.drafts WHERE entry_id = v_id;
  IF d.entry_id IS NOT NULL AND d.staff_id IS DISTINCT FROM me THEN
    PERFORM fairnote.refuse('FN001', 'draft-not-yours', format('entry %s is being drafted by %s; only they can change the draft', v_id, fairnote.author_name(d.author_id)),
                            jsonb_build_object('entry', v_id, 'by', fairnote.author_name(d.author_id)));
  END IF;
  IF e.revisions > 0 THEN
    PERFORM fairnote.check_content(p_content, v_id, p_kind, e.written_at, e.author_id);
  ELSE
    PERFORM fairnote.check_content(p_content, v_id, p_kind, at, author);
  END IF;
  INSERT INTO fairnote.drafts(entry_id, author_id, staff_id, base_revision, content, started_at, updated_at)
    VALUES (v_id, author, me, e.revisions, p_content, at, at)
    ON CONFLICT (entry_id) DO UPDATE SET content = EXCLUDED.content, updated_at = EXCLUDED.updated_at, author_id = EXCLUDED.author_id;
  IF e.revisions = 0 THEN
    PERFORM fairnote.set_head(v_id, p_head, at, author, NULL);
  ELSIF d.entry_id IS NULL THEN
    PERFORM fairnote.append_audit(author, 'start-amendment', e.person_id, v_id, e.revisions, '{}');
  END IF;
  RETURN v_id;
END $$;

CREATE OR REPLACE FUNCTION fairnote.write_revision(e fairnote.entries, p_number integer, p_content text, p_author bigint,
                                        p_written timestamptz, p_reason text, p_late bigint, p_snapshot jsonb,
                                        p_head jsonb, p_head_author bigint, p_head_written timestamptz,
                                        p_action text, p_detail jsonb, p_actor bigint) RETURNS text
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  a fairnote.authors;
  v_snapshot jsonb := coalesce(p_snapshot, '{"prompts": [], "findings": []}');
  v_reason text := nullif(btrim(coalesce(p_reason, '')), '');
  h text;
BEGIN
  IF jsonb_typeof(v_snapshot->'prompts') IS DISTINCT FROM 'array' OR jsonb_typeof(v_snapshot->'findings') IS DISTINCT FROM 'array' THEN
    PERFORM fairnote.refuse('FN004', 'bad-snapshot', 'the assessment kept with a revision has prompts and findings');
  END IF;
  SELECT * INTO a FROM fairnote.authors WHERE id = p_author;
  h := fairnote.revision_hash(e.id, p_number, e.person_id, e.kind, p_content, a.name, a.role, a.organisation, p_written,
                              coalesce(v_reason, ''), p_late, v_snapshot);
  INSERT INTO fairnote.revisions(entry_id, number, content, author_id, written_at, reason, late_seconds, snapshot, hash)
    VALUES (e.id, p_number, p_content, p_author, p_written, v_reason, p_late, v_snapshot, h);
  -- One new version of the entry's row, not two (version 1 counted the revision, then set the head).
  UPDATE fairnote.entries x SET revisions = p_number, event_sort = hd.event_sort, event_latest = hd.event_latest,
      event_json = hd.event_json, summary = hd.summary, search_names = hd.search_names, search_body = hd.search_body,
      written_at = p_head_written, author_id = p_head_author, late_seconds = p_late
    FROM fairnote.head_of(p_head) hd WHERE x.id = e.id;
  DELETE FROM fairnote.drafts WHERE entry_id = e.id;
  p_detail := coalesce(p_detail, '{}') || jsonb_build_object('revision_hash', h);
  IF v_reason IS NOT NULL THEN
    p_detail := p_detail || jsonb_build_object('reason', v_reason);
  END IF;
  IF jsonb_array_length(v_snapshot->'prompts') > 0 THEN
    p_detail := p_detail || jsonb_build_object('prompts_left_open', jsonb_array_length(v_snapshot->'prompts'));
  END IF;
  PERFORM fairnote.append_audit(p_actor, p_action, e.person_id, e.id, p_number, p_detail::text);
  RETURN h;
END $$;
