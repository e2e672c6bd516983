-- SPDX-FileCopyrightText: 2026 Fairnote contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Writing the record: the only way in. Each function is SECURITY DEFINER (it runs as fairnote_owner,
-- with a fixed search_path), checks who is asking (the session's login) against the rules, writes, and
-- appends to the audit chain in the same transaction, last, so that the chain's lock is held only for
-- the append and the commit.
--
-- What the client computes and the server keeps as given: the entry as JSON (written by the same code
-- as the local file), the list columns derived from it (summary line, event date, search text) and the
-- assessment snapshot. What the server decides and the client cannot: who wrote it (the login's staff
-- record), when (the server's clock: the client asks fairnote.clock() first and writes that time into
-- the entry, which the server checks), whether they may, and the hashes.

-- The staff roles that may write case records here: workers and supervisors, and trainers too in a
-- training database.
CREATE FUNCTION fairnote.require_writer() RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
BEGIN
  IF fairnote.is_training() THEN
    RETURN fairnote.require_role(ARRAY['worker', 'supervisor', 'trainer']);
  END IF;
  RETURN fairnote.require_role(ARRAY['worker', 'supervisor']);
END $$;

CREATE FUNCTION fairnote.author_name(p_author bigint) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
  RETURN (SELECT CASE WHEN a.role = '' AND a.organisation = '' THEN a.name
                      WHEN a.organisation = '' THEN a.name || ' (' || a.role || ')'
                      WHEN a.role = '' THEN a.name || ' (' || a.organisation || ')'
                      ELSE a.name || ' (' || a.role || ', ' || a.organisation || ')' END
          FROM fairnote.authors a WHERE a.id = p_author);

CREATE FUNCTION fairnote.new_id(prefix text) RETURNS text
  LANGUAGE sql VOLATILE
  RETURN prefix || upper(lpad(to_hex(floor(random() * 4294967296)::bigint), 8, '0'));

-- The person, if the caller may read their case; else a refusal that does not say whether they exist.
CREATE FUNCTION fairnote.readable_person(p_person text) RETURNS fairnote.people
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  p fairnote.people;
BEGIN
  SELECT * INTO p FROM fairnote.people WHERE id = p_person;
  IF p.id IS NULL OR NOT fairnote.may_read_case(p.id) THEN
    PERFORM fairnote.refuse('FN002', 'no-person', format('there is no person with the id "%s" that you may read', p_person),
                            jsonb_build_object('person', p_person));
  END IF;
  RETURN p;
END $$;

-- The entry, locked for this transaction, if the caller may read it; else a refusal.
CREATE FUNCTION fairnote.lock_entry(p_entry text) RETURNS fairnote.entries
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  e fairnote.entries;
BEGIN
  SELECT * INTO e FROM fairnote.entries WHERE id = p_entry FOR UPDATE;
  IF e.id IS NULL OR NOT fairnote.may_read_case(e.person_id) THEN
    PERFORM fairnote.refuse('FN002', 'no-entry', format('there is no entry "%s" that you may read', p_entry),
                            jsonb_build_object('entry', p_entry));
  END IF;
  IF e.revisions = 0 AND e.creator_staff IS DISTINCT FROM fairnote.my_staff_id() THEN
    -- A colleague's new entry, not yet final: who is writing it, never what it says.
    PERFORM fairnote.refuse('FN001', 'draft-not-yours',
      format('entry %s is being drafted by %s; only they can change, finalise or discard the draft', p_entry,
             fairnote.author_name((SELECT d.author_id FROM fairnote.drafts d WHERE d.entry_id = p_entry))),
      jsonb_build_object('entry', p_entry, 'by', fairnote.author_name((SELECT d.author_id FROM fairnote.drafts d WHERE d.entry_id = p_entry))));
  END IF;
  RETURN e;
END $$;

-- Checks that the entry JSON the client wrote is the entry it says, with the author and time of
-- writing the server expects; returns it parsed.
CREATE FUNCTION fairnote.check_content(p_content text, p_entry text, p_kind text, p_written timestamptz, p_author bigint)
  RETURNS jsonb
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  c jsonb;
  a fairnote.authors;
  written timestamptz;
BEGIN
  BEGIN
    c := p_content::jsonb;
    written := (c->>'written_at')::timestamptz;
  EXCEPTION WHEN others THEN
    PERFORM fairnote.refuse('FN004', 'bad-content', 'the entry is not readable JSON with a time of writing');
  END;
  IF jsonb_typeof(c) <> 'object' OR c->>'id' IS DISTINCT FROM p_entry OR c->>'kind' IS DISTINCT FROM p_kind THEN
    PERFORM fairnote.refuse('FN004', 'bad-content', format('the entry''s text is not that of %s %s', p_kind, p_entry));
  END IF;
  SELECT * INTO a FROM fairnote.authors WHERE id = p_author;
  IF written IS DISTINCT FROM p_written THEN
    PERFORM fairnote.refuse('FN004', 'wrong-time',
      format('the entry says it was written at %s, but the server''s time of writing is %s', c->>'written_at', fairnote.iso(p_written)),
      jsonb_build_object('expected', fairnote.iso(p_written)));
  END IF;
  IF coalesce(c->'author'->>'name', '') <> a.name OR coalesce(c->'author'->>'role', '') <> a.role
     OR coalesce(c->'author'->>'organisation', '') <> a.organisation THEN
    PERFORM fairnote.refuse('FN004', 'wrong-author',
      format('the entry names its author as %s, but it is written by %s', coalesce(c->'author'->>'name', '(nobody)'), fairnote.author_name(p_author)),
      jsonb_build_object('expected', fairnote.author_name(p_author)));
  END IF;
  RETURN c;
END $$;

-- Keeps an entry's head (what the chronology lists) in step with what was just written. `p_head`:
-- {"event_sort", "event_latest" (ISO times or null), "event_json", "summary", "search_names",
-- "search_body"}, computed by the client from the entry.
CREATE FUNCTION fairnote.set_head(p_entry text, p_head jsonb, p_written timestamptz, p_author bigint, p_late bigint) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
BEGIN
  UPDATE fairnote.entries SET
    event_sort = nullif(p_head->>'event_sort', '')::timestamptz,
    event_latest = nullif(p_head->>'event_latest', '')::timestamptz,
    event_json = coalesce(p_head->>'event_json', '{}'),
    summary = coalesce(p_head->>'summary', ''),
    search_names = coalesce(p_head->>'search_names', ''),
    search_body = coalesce(p_head->>'search_body', ''),
    written_at = p_written, author_id = p_author, late_seconds = p_late
  WHERE id = p_entry;
END $$;

-- ---- people -------------------------------------------------------------------------------------

-- Adds a person, on the caseloads of every team the caller is on (an administrator moves them after),
-- and returns their id (a new one when `p_id` is empty).
CREATE FUNCTION fairnote.add_person(p_id text, p_name text, p_other_names text, p_date_of_birth date) RETURNS text
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_writer();
  teams bigint[] := fairnote.my_teams();
  v_id text := btrim(coalesce(p_id, ''));
  v_name text := btrim(coalesce(p_name, ''));
  others jsonb;
  author bigint := fairnote.my_author_id();
  at timestamptz := fairnote.clock();
BEGIN
  IF v_name = '' THEN
    PERFORM fairnote.refuse('FN004', 'no-person-name', 'a person needs a name (the name they use)');
  END IF;
  BEGIN
    others := coalesce(nullif(p_other_names, ''), '[]')::jsonb;
  EXCEPTION WHEN others THEN
    others := NULL;
  END;
  IF others IS NULL OR jsonb_typeof(others) <> 'array' THEN
    PERFORM fairnote.refuse('FN004', 'bad-other-names', 'other names are a JSON array of names');
  END IF;
  IF cardinality(teams) = 0 AND NOT fairnote.is_training() THEN
    PERFORM fairnote.refuse('FN001', 'no-team',
      'you are on no team, so the person would be on nobody''s caseload; ask an administrator to put you on a team');
  END IF;
  IF v_id = '' THEN
    LOOP
      v_id := fairnote.new_id('P-');
      EXIT WHEN NOT EXISTS (SELECT 1 FROM fairnote.people p WHERE p.id = v_id);
    END LOOP;
  ELSIF EXISTS (SELECT 1 FROM fairnote.people p WHERE p.id = v_id) THEN
    PERFORM fairnote.refuse('FN003', 'person-id-in-use', format('the id "%s" is already used for someone else', v_id),
                            jsonb_build_object('person', v_id));
  END IF;
  INSERT INTO fairnote.people(id, name, other_names, date_of_birth, created_at, created_by)
    VALUES (v_id, v_name, others::text, p_date_of_birth, at, author);
  INSERT INTO fairnote.caseloads(team_id, person_id, added_at) SELECT t, v_id, at FROM unnest(teams) AS t;
  PERFORM fairnote.append_audit(author, 'add-person', v_id, NULL, NULL,
    jsonb_build_object('name', v_name, 'other_names', others, 'date_of_birth', coalesce(p_date_of_birth::text, ''),
                       'teams', to_jsonb(teams),
                       'team_names', (SELECT coalesce(jsonb_agg(t.name ORDER BY t.id), '[]') FROM fairnote.teams t WHERE t.id = ANY (teams)))::text);
  RETURN v_id;
END $$;

CREATE FUNCTION fairnote.update_person(p_id text, p_name text, p_other_names text, p_date_of_birth date) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_writer();
  before fairnote.people := fairnote.readable_person(p_id);
  v_name text := btrim(coalesce(p_name, ''));
  others jsonb;
BEGIN
  IF v_name = '' THEN
    PERFORM fairnote.refuse('FN004', 'no-person-name', 'a person needs a name (the name they use)');
  END IF;
  BEGIN
    others := coalesce(nullif(p_other_names, ''), '[]')::jsonb;
  EXCEPTION WHEN others THEN
    others := NULL;
  END;
  IF others IS NULL OR jsonb_typeof(others) <> 'array' THEN
    PERFORM fairnote.refuse('FN004', 'bad-other-names', 'other names are a JSON array of names');
  END IF;
  PERFORM 1 FROM fairnote.people WHERE id = p_id FOR UPDATE;
  UPDATE fairnote.people SET name = v_name, other_names = others::text, date_of_birth = p_date_of_birth WHERE id = p_id;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'update-person', p_id, NULL, NULL,
    jsonb_build_object('name_before', before.name, 'name', v_name, 'other_names', others,
                       'date_of_birth', coalesce(p_date_of_birth::text, ''))::text);
END $$;

-- ---- entries: drafts, finalising, amending, marking in error ------------------------------------

-- Saves the caller's draft of an entry and returns its id. A new entry (an empty id, or an id not yet
-- used: the client may choose it, so that saving again after a lost connection saves the same entry)
-- is begun; an entry with final revisions gets an amendment draft. The entry JSON must say the
-- caller wrote it at fairnote.clock() (an amendment: the original's author and time).
CREATE FUNCTION fairnote.save_draft(p_person text, p_entry text, p_kind text, p_content text, p_head jsonb) RETURNS text
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
    INSERT INTO fairnote.entries(id, person_id, kind, created_at, created_by, creator_staff)
      VALUES (v_id, person.id, p_kind, at, author, me);
    INSERT INTO fairnote.drafts(entry_id, author_id, staff_id, base_revision, content, started_at, updated_at)
      VALUES (v_id, author, me, 0, p_content, at, at);
    PERFORM fairnote.set_head(v_id, p_head, at, author, NULL);
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

CREATE FUNCTION fairnote.discard_draft(p_entry text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_writer();
  e fairnote.entries := fairnote.lock_entry(p_entry);
  d fairnote.drafts;
BEGIN
  SELECT * INTO d FROM fairnote.drafts WHERE entry_id = e.id;
  IF d.entry_id IS NULL THEN
    PERFORM fairnote.refuse('FN003', 'no-draft', format('entry %s has no draft to discard', e.id), jsonb_build_object('entry', e.id));
  END IF;
  IF d.staff_id IS DISTINCT FROM me THEN
    PERFORM fairnote.refuse('FN001', 'draft-not-yours', format('the draft of entry %s belongs to %s; only they can discard it', e.id, fairnote.author_name(d.author_id)),
                            jsonb_build_object('entry', e.id, 'by', fairnote.author_name(d.author_id)));
  END IF;
  DELETE FROM fairnote.drafts WHERE entry_id = e.id;
  IF e.revisions = 0 THEN
    DELETE FROM fairnote.entries WHERE id = e.id;
  END IF;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'discard-draft', e.person_id, e.id, NULL,
                                jsonb_build_object('amendment', e.revisions > 0)::text);
END $$;

-- Writes final revision `p_number` of a locked entry and everything that goes with it; the audit row
-- is appended last. Returns the revision's hash.
CREATE FUNCTION fairnote.write_revision(e fairnote.entries, p_number integer, p_content text, p_author bigint,
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
  UPDATE fairnote.entries SET revisions = p_number WHERE id = e.id;
  PERFORM fairnote.set_head(e.id, p_head, p_head_written, p_head_author, p_late);
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

-- Who wrote an entry's latest revision and when, for the refusal of an amendment based on an older one.
CREATE FUNCTION fairnote.refuse_amended_since(e fairnote.entries, p_base integer) RETURNS void
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  r fairnote.revisions;
BEGIN
  SELECT * INTO r FROM fairnote.revisions WHERE entry_id = e.id AND number = e.revisions;
  PERFORM fairnote.refuse('FN003', 'amended-since',
    format('entry %s was amended by %s at %s (revision %s) after the revision you started from (%s); your text is kept as a draft',
           e.id, fairnote.author_name(r.author_id), fairnote.iso(r.written_at), r.number, p_base),
    jsonb_build_object('entry', e.id, 'by', fairnote.author_name(r.author_id), 'at', fairnote.iso(r.written_at),
                       'revision', r.number, 'base', p_base));
END $$;

-- Finalises the caller's draft: the entry JSON (as the client assessed it, with the time of writing
-- fairnote.clock() for a new entry), the assessment snapshot and, for an amendment, the reason.
CREATE FUNCTION fairnote.finalise(p_entry text, p_content text, p_head jsonb, p_snapshot jsonb, p_reason text, p_late bigint)
  RETURNS TABLE(number integer, written_at timestamptz, hash text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_writer();
  e fairnote.entries := fairnote.lock_entry(p_entry);
  d fairnote.drafts;
  author bigint := fairnote.my_author_id();
  at timestamptz := fairnote.clock();
  h text;
BEGIN
  SELECT * INTO d FROM fairnote.drafts x WHERE x.entry_id = e.id;
  IF d.entry_id IS NULL THEN
    PERFORM fairnote.refuse('FN003', 'no-draft', format('entry %s has no draft to finalise: it is already final; to correct it, amend it', e.id),
                            jsonb_build_object('entry', e.id));
  END IF;
  IF d.staff_id IS DISTINCT FROM me THEN
    PERFORM fairnote.refuse('FN001', 'draft-not-yours', format('the draft of entry %s was written by %s; only its author can finalise it', e.id, fairnote.author_name(d.author_id)),
                            jsonb_build_object('entry', e.id, 'by', fairnote.author_name(d.author_id)));
  END IF;
  IF e.in_error THEN
    PERFORM fairnote.refuse('FN003', 'in-error', format('entry %s is marked in error, so it cannot be finalised', e.id), jsonb_build_object('entry', e.id));
  END IF;
  IF d.base_revision <> e.revisions THEN
    PERFORM fairnote.refuse_amended_since(e, d.base_revision);
  END IF;
  IF d.base_revision > 0 AND btrim(coalesce(p_reason, '')) = '' THEN
    PERFORM fairnote.refuse('FN004', 'no-amend-reason', 'an amendment needs a reason: say what was wrong or missing, and how you know');
  END IF;
  IF d.base_revision = 0 THEN
    PERFORM fairnote.check_content(p_content, e.id, e.kind, at, author);
    h := fairnote.write_revision(e, 1, p_content, author, at, NULL, p_late, p_snapshot, p_head, author, at, 'finalise', '{}', author);
  ELSE
    PERFORM fairnote.check_content(p_content, e.id, e.kind, e.written_at, e.author_id);
    h := fairnote.write_revision(e, d.base_revision + 1, p_content, author, at, p_reason, p_late, p_snapshot, p_head,
                                 e.author_id, e.written_at, 'amend', '{}', author);
  END IF;
  RETURN QUERY SELECT d.base_revision + 1, at, h;
END $$;

-- Amends a final entry in one step. `p_based_on`, when given, is the revision the caller's text was
-- based on: if someone has amended the entry since, the amendment is refused with who and when.
CREATE FUNCTION fairnote.amend(p_entry text, p_content text, p_head jsonb, p_snapshot jsonb, p_reason text, p_late bigint,
                               p_based_on integer)
  RETURNS TABLE(number integer, written_at timestamptz, hash text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_writer();
  e fairnote.entries := fairnote.lock_entry(p_entry);
  d fairnote.drafts;
  latest text;
  author bigint := fairnote.my_author_id();
  at timestamptz := fairnote.clock();
  h text;
BEGIN
  IF btrim(coalesce(p_reason, '')) = '' THEN
    PERFORM fairnote.refuse('FN004', 'no-amend-reason', 'an amendment needs a reason: say what was wrong or missing, and how you know');
  END IF;
  IF e.in_error THEN
    PERFORM fairnote.refuse('FN003', 'in-error', format('entry %s is marked in error, so it cannot be amended; write a new entry instead', e.id),
                            jsonb_build_object('entry', e.id));
  END IF;
  IF e.revisions = 0 THEN
    PERFORM fairnote.refuse('FN003', 'still-draft', format('entry %s is still a draft; change the draft and finalise it instead of amending it', e.id),
                            jsonb_build_object('entry', e.id));
  END IF;
  IF p_based_on IS NOT NULL AND p_based_on <> e.revisions THEN
    PERFORM fairnote.refuse_amended_since(e, p_based_on);
  END IF;
  SELECT * INTO d FROM fairnote.drafts x WHERE x.entry_id = e.id;
  IF d.entry_id IS NOT NULL THEN
    PERFORM fairnote.refuse('FN003', 'amendment-in-progress', format('%s is drafting an amendment of entry %s; finalise or discard that draft first', fairnote.author_name(d.author_id), e.id),
                            jsonb_build_object('entry', e.id, 'by', fairnote.author_name(d.author_id)));
  END IF;
  PERFORM fairnote.check_content(p_content, e.id, e.kind, e.written_at, e.author_id);
  SELECT r.content INTO latest FROM fairnote.revisions r WHERE r.entry_id = e.id AND r.number = e.revisions;
  IF latest::jsonb = p_content::jsonb THEN
    PERFORM fairnote.refuse('FN003', 'changes-nothing', format('the amendment of entry %s changes nothing: it is the same as revision %s', e.id, e.revisions),
                            jsonb_build_object('entry', e.id, 'revision', e.revisions));
  END IF;
  h := fairnote.write_revision(e, e.revisions + 1, p_content, author, at, p_reason, p_late, p_snapshot, p_head,
                               e.author_id, e.written_at, 'amend', '{}', author);
  RETURN QUERY SELECT e.revisions + 1, at, h;
END $$;

CREATE FUNCTION fairnote.mark_in_error(p_entry text, p_reason text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_writer();
  e fairnote.entries := fairnote.lock_entry(p_entry);
  d fairnote.drafts;
  author bigint := fairnote.my_author_id();
  v_reason text := btrim(coalesce(p_reason, ''));
  detail jsonb;
BEGIN
  IF v_reason = '' THEN
    PERFORM fairnote.refuse('FN004', 'no-error-reason', 'marking an entry in error needs a reason (for example: written in the wrong person''s file)');
  END IF;
  IF e.in_error THEN
    PERFORM fairnote.refuse('FN003', 'already-in-error', format('entry %s is already marked in error', e.id), jsonb_build_object('entry', e.id));
  END IF;
  IF e.revisions = 0 THEN
    PERFORM fairnote.refuse('FN003', 'never-final', format('entry %s is a draft that was never finalised: discard the draft instead', e.id),
                            jsonb_build_object('entry', e.id));
  END IF;
  detail := jsonb_build_object('reason', v_reason);
  SELECT * INTO d FROM fairnote.drafts WHERE entry_id = e.id;
  IF d.entry_id IS NOT NULL THEN
    detail := detail || jsonb_build_object('discarded_amendment_draft_by', fairnote.author_name(d.author_id));
    DELETE FROM fairnote.drafts WHERE entry_id = e.id;
  END IF;
  INSERT INTO fairnote.errors(entry_id, at, actor_id, reason) VALUES (e.id, fairnote.clock(), author, v_reason);
  UPDATE fairnote.entries SET in_error = true WHERE id = e.id;
  PERFORM fairnote.append_audit(author, 'mark-in-error', e.person_id, e.id, NULL, detail::text);
END $$;

-- Who is drafting an entry the caller may read (a colleague's amendment, or their new entry): that
-- someone is, and who (their signature), never what their draft says.
CREATE FUNCTION fairnote.drafter(p_entry text) RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
  RETURN (SELECT d.author_id FROM fairnote.drafts d JOIN fairnote.entries e ON e.id = d.entry_id
          WHERE d.entry_id = p_entry AND fairnote.may_read_case(e.person_id));

-- ---- import: entries written elsewhere ----------------------------------------------------------

-- Imports (or finds) the person of an imported case file. A person id already in use must be for the
-- same name. Supervisors import final entries (written by others, as the file says); workers import
-- only as their own drafts.
CREATE FUNCTION fairnote.import_person(p_id text, p_name text, p_other_names text, p_date_of_birth date, p_source text) RETURNS text
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_writer();
  existing fairnote.people;
  v_id text := btrim(coalesce(p_id, ''));
BEGIN
  -- An import is one transaction with one chain lock, taken first so that it cannot wait on a writer
  -- who waits on it.
  PERFORM 1 FROM fairnote.chain_head WHERE chain_head.id = 1 FOR UPDATE;
  IF v_id <> '' THEN
    SELECT * INTO existing FROM fairnote.people p WHERE p.id = v_id;
    IF existing.id IS NOT NULL THEN
      IF NOT fairnote.may_read_case(existing.id) THEN
        PERFORM fairnote.refuse('FN003', 'person-id-in-use', format('the id "%s" is already used for someone else', v_id), jsonb_build_object('person', v_id));
      END IF;
      IF lower(regexp_replace(btrim(existing.name), '\s+', ' ', 'g')) <> lower(regexp_replace(btrim(coalesce(p_name, '')), '\s+', ' ', 'g')) THEN
        PERFORM fairnote.refuse('FN003', 'person-id-other-name',
          format('the file''s person id "%s" is used for %s here, but the file is about %s', v_id, existing.name, p_name),
          jsonb_build_object('person', v_id, 'here', existing.name, 'file', p_name));
      END IF;
      RETURN v_id;
    END IF;
  END IF;
  RETURN fairnote.add_person(v_id, p_name, p_other_names, p_date_of_birth);
END $$;

-- One imported entry: a final revision with the file's author and time of writing (the caller, who
-- imports it, is the audit row's actor), or the caller's own draft.
CREATE FUNCTION fairnote.import_entry(p_person text, p_entry text, p_kind text, p_content text, p_head jsonb, p_snapshot jsonb,
                                      p_late bigint, p_as_draft boolean, p_source text) RETURNS text
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_writer();
  person fairnote.people := fairnote.readable_person(p_person);
  actor bigint := fairnote.my_author_id();
  at timestamptz := fairnote.clock();
  c jsonb;
  file_author bigint;
  written timestamptz;
  e fairnote.entries;
BEGIN
  IF p_kind NOT IN ('note', 'incident') THEN
    PERFORM fairnote.refuse('FN004', 'bad-content', 'an entry is a note or an incident');
  END IF;
  IF EXISTS (SELECT 1 FROM fairnote.entries x WHERE x.id = p_entry) THEN
    PERFORM fairnote.refuse('FN003', 'entry-id-in-use', format('entry "%s" is already on the server; nothing was imported (an import is all or nothing)', p_entry),
                            jsonb_build_object('entry', p_entry));
  END IF;
  IF p_as_draft THEN
    PERFORM fairnote.check_content(p_content, p_entry, p_kind, at, actor);
    INSERT INTO fairnote.entries(id, person_id, kind, created_at, created_by, creator_staff) VALUES (p_entry, person.id, p_kind, at, actor, me);
    INSERT INTO fairnote.drafts(entry_id, author_id, staff_id, base_revision, content, started_at, updated_at)
      VALUES (p_entry, actor, me, 0, p_content, at, at);
    PERFORM fairnote.set_head(p_entry, p_head, at, actor, NULL);
    PERFORM fairnote.append_audit(actor, 'import', person.id, p_entry, NULL,
                                  jsonb_build_object('source', coalesce(p_source, ''), 'as', 'draft', 'imported_by', fairnote.author_name(actor))::text);
    RETURN p_entry;
  END IF;
  PERFORM fairnote.require_role(CASE WHEN fairnote.is_training() THEN ARRAY['supervisor', 'trainer'] ELSE ARRAY['supervisor'] END);
  BEGIN
    c := p_content::jsonb;
    written := (c->>'written_at')::timestamptz;
  EXCEPTION WHEN others THEN
    PERFORM fairnote.refuse('FN004', 'bad-content', 'the entry is not readable JSON with a time of writing');
  END;
  file_author := fairnote.named_author_id(c->'author'->>'name', c->'author'->>'role', c->'author'->>'organisation');
  INSERT INTO fairnote.entries(id, person_id, kind, created_at, created_by, creator_staff) VALUES (p_entry, person.id, p_kind, at, actor, me)
    RETURNING * INTO e;
  PERFORM fairnote.write_revision(e, 1, p_content, file_author, written, NULL, p_late, p_snapshot, p_head, file_author, written,
                                  'import', jsonb_build_object('source', coalesce(p_source, ''), 'author', fairnote.author_name(file_author),
                                                            'imported_by', fairnote.author_name(actor)), actor);
  RETURN p_entry;
END $$;

-- ---- review before disclosure -------------------------------------------------------------------

CREATE FUNCTION fairnote.flag_for_disclosure_review(p_entry text, p_reason text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_writer();
  e fairnote.entries := fairnote.lock_entry(p_entry);
  author bigint := fairnote.my_author_id();
  v_reason text := btrim(coalesce(p_reason, ''));
BEGIN
  IF v_reason = '' THEN
    PERFORM fairnote.refuse('FN004', 'no-flag-reason', 'flagging an entry for review before disclosure needs a reason (for example: it names a neighbour who reported the fire)');
  END IF;
  IF EXISTS (SELECT 1 FROM fairnote.disclosure_flags WHERE entry_id = e.id) THEN
    PERFORM fairnote.refuse('FN003', 'already-flagged', format('entry %s is already flagged for review before disclosure', e.id), jsonb_build_object('entry', e.id));
  END IF;
  INSERT INTO fairnote.disclosure_flags(entry_id, flagged_at, flagged_by, reason) VALUES (e.id, fairnote.clock(), author, v_reason);
  PERFORM fairnote.append_audit(author, 'flag-for-disclosure-review', e.person_id, e.id, NULL, jsonb_build_object('reason', v_reason)::text);
END $$;

-- Releasing third-party information for disclosure is a supervisor's decision.
CREATE FUNCTION fairnote.release_for_disclosure(p_entry text, p_note text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['supervisor']);
  e fairnote.entries := fairnote.lock_entry(p_entry);
  f fairnote.disclosure_flags;
  author bigint := fairnote.my_author_id();
BEGIN
  SELECT * INTO f FROM fairnote.disclosure_flags WHERE entry_id = e.id;
  IF f.entry_id IS NULL THEN
    PERFORM fairnote.refuse('FN003', 'not-flagged', format('entry %s is not flagged for review before disclosure, so there is nothing to release', e.id),
                            jsonb_build_object('entry', e.id));
  END IF;
  IF f.released_at IS NOT NULL THEN
    PERFORM fairnote.refuse('FN003', 'already-released', format('entry %s was already released for disclosure', e.id), jsonb_build_object('entry', e.id));
  END IF;
  UPDATE fairnote.disclosure_flags SET released_at = fairnote.clock(), released_by = author, release_note = btrim(coalesce(p_note, ''))
    WHERE entry_id = e.id;
  PERFORM fairnote.append_audit(author, 'release-for-disclosure', e.person_id, e.id, NULL,
                                jsonb_build_object('note', btrim(coalesce(p_note, '')))::text);
END $$;

-- ---- supervision: reviews and sign-off ----------------------------------------------------------

-- A supervisor's review of one revision of an entry on their teams' caseloads, never of an entry they
-- wrote. `p_quality` is the JSON array of scores and `p_completeness` the JSON object the client's
-- rubric computed, both kept as the text that is hashed.
CREATE FUNCTION fairnote.record_review(p_entry text, p_revision integer, p_completeness text, p_quality text, p_comment text,
                                       p_returned boolean) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(CASE WHEN fairnote.is_training() THEN ARRAY['supervisor', 'trainer'] ELSE ARRAY['supervisor'] END);
  e fairnote.entries := fairnote.lock_entry(p_entry);
  author bigint := fairnote.my_author_id();
  a fairnote.authors;
  v_revision integer;
  v_quality jsonb;
  at timestamptz := fairnote.clock();
  v_comment text := btrim(coalesce(p_comment, ''));
  h text;
  review_id bigint;
BEGIN
  IF e.revisions = 0 THEN
    PERFORM fairnote.refuse('FN003', 'still-draft', format('entry %s is still a draft; only final entries are reviewed', e.id), jsonb_build_object('entry', e.id));
  END IF;
  IF e.in_error THEN
    PERFORM fairnote.refuse('FN003', 'in-error', format('entry %s is marked in error, so it is no longer part of the record to review', e.id),
                            jsonb_build_object('entry', e.id));
  END IF;
  v_revision := CASE WHEN coalesce(p_revision, 0) > 0 THEN p_revision ELSE e.revisions END;
  IF NOT EXISTS (SELECT 1 FROM fairnote.revisions r WHERE r.entry_id = e.id AND r.number = v_revision) THEN
    PERFORM fairnote.refuse('FN002', 'no-revision', format('entry %s has no revision %s', e.id, v_revision), jsonb_build_object('entry', e.id, 'revision', v_revision));
  END IF;
  IF fairnote.i_wrote(e.id) THEN
    PERFORM fairnote.refuse('FN001', 'own-entry-review', 'you wrote this entry, so you cannot review it: a review is someone else''s reading of the record',
                            jsonb_build_object('entry', e.id));
  END IF;
  BEGIN
    v_quality := p_quality::jsonb;
    PERFORM p_completeness::jsonb;
  EXCEPTION WHEN others THEN
    v_quality := NULL;
  END;
  IF v_quality IS NULL OR jsonb_typeof(v_quality) <> 'array' THEN
    PERFORM fairnote.refuse('FN004', 'bad-review', 'a review''s scores are a JSON array and its completeness a JSON object');
  END IF;
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(v_quality) q WHERE coalesce((q->>'score')::int, 0) NOT BETWEEN 0 AND 4) THEN
    PERFORM fairnote.refuse('FN004', 'bad-score', 'a score must be 1 to 4 (or 0 for not scored)');
  END IF;
  IF NOT coalesce(p_returned, false) AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v_quality) q WHERE coalesce((q->>'score')::int, 0) > 0) THEN
    PERFORM fairnote.refuse('FN004', 'no-score', 'a review needs at least one quality score from 1 to 4 (or return the entry with a comment)');
  END IF;
  IF coalesce(p_returned, false) AND v_comment = '' THEN
    PERFORM fairnote.refuse('FN004', 'no-return-comment', 'returning an entry for correction needs a comment saying what to correct');
  END IF;
  SELECT * INTO a FROM fairnote.authors WHERE id = author;
  h := fairnote.review_hash(e.id, v_revision, a.name, a.role, a.organisation, at, p_completeness, p_quality, v_comment, coalesce(p_returned, false));
  INSERT INTO fairnote.reviews(entry_id, revision, reviewer_id, reviewed_at, completeness, quality, comment, returned, hash)
    VALUES (e.id, v_revision, author, at, p_completeness, p_quality, v_comment, coalesce(p_returned, false), h)
    RETURNING id INTO review_id;
  PERFORM fairnote.append_audit(author, 'review', e.person_id, e.id, v_revision,
    jsonb_build_object('review', review_id, 'review_hash', h, 'returned', coalesce(p_returned, false))::text);
  RETURN review_id;
END $$;

CREATE FUNCTION fairnote.request_signoff(p_subject text, p_person text, p_entry text, p_document_hash text, p_document text,
                                         p_comment text) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_writer();
  author bigint := fairnote.my_author_id();
  e fairnote.entries;
  person text := p_person;
  revision integer := 0;
  at timestamptz := fairnote.clock();
  existing bigint;
  v_signoff bigint;
BEGIN
  IF p_subject NOT IN ('entry', 'summary') THEN
    PERFORM fairnote.refuse('FN004', 'bad-subject', 'sign-off is for an entry or a summary');
  END IF;
  IF p_subject = 'entry' THEN
    e := fairnote.lock_entry(p_entry);
    person := e.person_id;
    revision := e.revisions;
    IF e.kind <> 'incident' THEN
      PERFORM fairnote.refuse('FN004', 'note-signoff', format('entry %s is a case note: sign-off is for fire-setting incident records and referral summaries', e.id),
                              jsonb_build_object('entry', e.id));
    END IF;
    IF revision = 0 THEN
      PERFORM fairnote.refuse('FN003', 'still-draft', format('entry %s is still a draft: finalise it before asking for sign-off', e.id), jsonb_build_object('entry', e.id));
    END IF;
    IF e.in_error THEN
      PERFORM fairnote.refuse('FN003', 'in-error', format('entry %s is marked in error', e.id), jsonb_build_object('entry', e.id));
    END IF;
    IF EXISTS (SELECT 1 FROM fairnote.signoffs so WHERE so.entry_id = e.id AND so.revision = e.revisions
               AND (SELECT ev.state FROM fairnote.signoff_events ev WHERE ev.signoff_id = so.id ORDER BY ev.id DESC LIMIT 1) = 'requested') THEN
      PERFORM fairnote.refuse('FN003', 'signoff-waiting', format('sign-off of entry %s is already requested and waiting for a decision', e.id),
                              jsonb_build_object('entry', e.id));
    END IF;
  ELSE
    PERFORM fairnote.readable_person(person);
    IF coalesce(p_document_hash, '') = '' THEN
      PERFORM fairnote.refuse('FN004', 'no-summary', 'a summary''s sign-off needs the summary');
    END IF;
    -- One request at a time per summary: serialise requests for the same person.
    PERFORM 1 FROM fairnote.people WHERE id = person FOR UPDATE;
    SELECT so.id INTO existing FROM fairnote.signoffs so WHERE so.subject = 'summary' AND so.person_id = person AND so.document_hash = p_document_hash
      AND (SELECT ev.state FROM fairnote.signoff_events ev WHERE ev.signoff_id = so.id ORDER BY ev.id DESC LIMIT 1) IN ('requested', 'approved');
    IF existing IS NOT NULL THEN
      PERFORM fairnote.refuse('FN003', 'summary-requested', format('sign-off of this summary was already asked for (request %s); it needs no second request', existing),
                              jsonb_build_object('signoff', existing));
    END IF;
  END IF;
  INSERT INTO fairnote.signoffs(subject, person_id, entry_id, revision, document_hash, document, requested_by, requested_at)
    VALUES (p_subject, person, CASE WHEN p_subject = 'entry' THEN e.id END, revision, coalesce(p_document_hash, ''),
            CASE WHEN p_subject = 'summary' THEN coalesce(p_document, '') ELSE '' END, author, at)
    RETURNING id INTO v_signoff;
  INSERT INTO fairnote.signoff_events(signoff_id, state, actor_id, at, comment)
    VALUES (v_signoff, 'requested', author, at, btrim(coalesce(p_comment, '')));
  PERFORM fairnote.append_audit(author, 'request-signoff', person, CASE WHEN p_subject = 'entry' THEN e.id END, nullif(revision, 0),
    jsonb_build_object('signoff', v_signoff, 'subject', p_subject, 'document_hash', coalesce(p_document_hash, ''),
                       'comment', btrim(coalesce(p_comment, '')))::text);
  RETURN v_signoff;
END $$;

-- A supervisor approves or returns a request on their teams' caseloads: never one they asked for,
-- never of an entry they wrote; an entry amended or marked in error since it was put up is only returned.
CREATE FUNCTION fairnote.decide_signoff(p_signoff bigint, p_decision text, p_comment text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(CASE WHEN fairnote.is_training() THEN ARRAY['supervisor', 'trainer'] ELSE ARRAY['supervisor'] END);
  author bigint := fairnote.my_author_id();
  so fairnote.signoffs;
  requester fairnote.authors;
  e fairnote.entries;
  v_state text;
  v_comment text := btrim(coalesce(p_comment, ''));
BEGIN
  IF p_decision NOT IN ('approved', 'returned') THEN
    PERFORM fairnote.refuse('FN004', 'bad-decision', 'a decision approves or returns');
  END IF;
  IF p_decision = 'returned' AND v_comment = '' THEN
    PERFORM fairnote.refuse('FN004', 'no-return-comment', 'returning needs a comment saying what to correct');
  END IF;
  SELECT * INTO so FROM fairnote.signoffs WHERE id = p_signoff FOR UPDATE;
  IF so.id IS NULL OR NOT fairnote.may_read_case(so.person_id) THEN
    PERFORM fairnote.refuse('FN002', 'no-signoff', format('there is no sign-off request %s that you may read', p_signoff), jsonb_build_object('signoff', p_signoff));
  END IF;
  SELECT ev.state INTO v_state FROM fairnote.signoff_events ev WHERE ev.signoff_id = so.id ORDER BY ev.id DESC LIMIT 1;
  IF v_state <> 'requested' THEN
    PERFORM fairnote.refuse('FN003', 'already-decided', format('this sign-off was already decided (%s)', v_state), jsonb_build_object('signoff', so.id, 'state', v_state));
  END IF;
  SELECT * INTO requester FROM fairnote.authors WHERE id = so.requested_by;
  IF requester.staff_id = me OR fairnote.same_name(requester.name, (SELECT s.name FROM fairnote.staff s WHERE s.id = me)) THEN
    PERFORM fairnote.refuse('FN001', 'own-request', 'you asked for this sign-off, so someone else must decide it', jsonb_build_object('signoff', so.id));
  END IF;
  IF so.subject = 'entry' THEN
    IF fairnote.i_wrote(so.entry_id) THEN
      PERFORM fairnote.refuse('FN001', 'own-entry-signoff', 'you wrote this entry, so you cannot sign it off: someone else must',
                              jsonb_build_object('signoff', so.id, 'entry', so.entry_id));
    END IF;
    SELECT * INTO e FROM fairnote.entries WHERE id = so.entry_id;
    IF e.in_error AND p_decision = 'approved' THEN
      PERFORM fairnote.refuse('FN003', 'signoff-in-error', format('entry %s was marked in error after sign-off was asked for, so it cannot be signed off; return the request with a comment instead', e.id),
                              jsonb_build_object('entry', e.id));
    END IF;
    IF e.revisions <> so.revision AND p_decision = 'approved' THEN
      PERFORM fairnote.refuse('FN003', 'signoff-amended',
        format('entry %s was amended after sign-off was asked for (revision %s was put up; it is now at revision %s), so this request cannot be approved; return it, and the author can ask again for the current revision',
               e.id, so.revision, e.revisions),
        jsonb_build_object('entry', e.id, 'revision', so.revision, 'now', e.revisions));
    END IF;
  END IF;
  INSERT INTO fairnote.signoff_events(signoff_id, state, actor_id, at, comment) VALUES (so.id, p_decision, author, fairnote.clock(), v_comment);
  PERFORM fairnote.append_audit(author, CASE WHEN p_decision = 'approved' THEN 'approve-signoff' ELSE 'return-signoff' END,
    so.person_id, so.entry_id, nullif(so.revision, 0), jsonb_build_object('signoff', so.id, 'comment', v_comment)::text);
END $$;

-- ---- events that change no record ---------------------------------------------------------------

-- Records an event (an export, a print, a view of someone's record …) in the audit trail. A view is
-- `view` with {"what": "chronology" | "entry" | "search-result" | "export" | "summary" …}.
CREATE FUNCTION fairnote.log_event(p_action text, p_person text, p_entry text, p_detail text) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['worker', 'supervisor', 'trainer', 'administrator']);
  ea fairnote.event_actions;
  e fairnote.entries;
  detail jsonb;
BEGIN
  SELECT * INTO ea FROM fairnote.event_actions WHERE action = p_action;
  IF ea.action IS NULL THEN
    PERFORM fairnote.refuse('FN004', 'unknown-event', format('"%s" is not an event Fairnote records in the audit trail', p_action),
                            jsonb_build_object('action', p_action));
  END IF;
  BEGIN
    detail := coalesce(nullif(p_detail, ''), '{}')::jsonb;
  EXCEPTION WHEN others THEN
    detail := NULL;
  END;
  IF detail IS NULL OR jsonb_typeof(detail) <> 'object' THEN
    PERFORM fairnote.refuse('FN004', 'bad-detail', 'an event''s detail is a JSON object');
  END IF;
  IF ea.needs_person AND coalesce(p_person, '') = '' THEN
    PERFORM fairnote.refuse('FN004', 'event-needs-person', format('a "%s" event names the person whose record it is', p_action));
  END IF;
  IF coalesce(p_person, '') <> '' THEN
    PERFORM fairnote.readable_person(p_person);
  END IF;
  IF coalesce(p_entry, '') <> '' THEN
    SELECT * INTO e FROM fairnote.entries WHERE id = p_entry;
    IF e.id IS NULL OR NOT fairnote.may_read_case(e.person_id) OR e.person_id IS DISTINCT FROM nullif(p_person, '') THEN
      PERFORM fairnote.refuse('FN002', 'no-entry', format('there is no entry "%s" of that person that you may read', p_entry), jsonb_build_object('entry', p_entry));
    END IF;
  END IF;
  RETURN fairnote.append_audit(fairnote.my_author_id(), p_action, p_person, p_entry, NULL, coalesce(nullif(p_detail, ''), '{}'));
END $$;
