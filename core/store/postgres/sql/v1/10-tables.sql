-- SPDX-FileCopyrightText: 2026 Fairnote contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- The Fairnote server schema, version 1: the case record (as in the local file), staff, teams and
-- caseloads, row-level security, and the functions that are the only way to write. Run once, in one
-- transaction, by `fairnote-cli server init` as a superuser, after roles.sql. Never edit a version that
-- has shipped: add schema-2.sql. See docs/server.md.
--
-- Who may do what is decided here, by PostgreSQL, never by the app:
--   * no login role owns anything: fairnote_owner (NOLOGIN) owns every table and function;
--   * login roles may SELECT, as row-level security allows, and may not INSERT, UPDATE, DELETE or
--     TRUNCATE anything; every write is a SECURITY DEFINER function that checks who is asking (the
--     session's login, mapped to a staff record) and appends to the hash-chained audit trail in the
--     same transaction;
--   * triggers refuse any UPDATE, DELETE or TRUNCATE of final revisions, reviews, sign-offs, marks in
--     error and audit rows, whoever asks (the functions included).

CREATE SCHEMA fairnote AUTHORIZATION fairnote_owner;
SET LOCAL search_path = pg_catalog, fairnote;
SET LOCAL ROLE fairnote_owner;

-- ---- the server itself --------------------------------------------------------------------------

CREATE TABLE fairnote.meta(key text PRIMARY KEY, value text NOT NULL);

-- Staff: one row per member of staff, keyed by their login role. A member of staff who leaves keeps
-- their row (the record refers to it); their login can no longer log in.
CREATE TABLE fairnote.staff(
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login text NOT NULL,
  name text NOT NULL CHECK (btrim(name) <> ''),
  job_title text NOT NULL DEFAULT '',
  organisation text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  left_at timestamptz);
CREATE UNIQUE INDEX staff_current_login ON fairnote.staff(login) WHERE left_at IS NULL;

-- How someone signed what they wrote, as it was then (a later change of job title does not rewrite
-- history): the staff member, or nobody for an author named in an imported file.
CREATE TABLE fairnote.authors(
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staff_id bigint REFERENCES fairnote.staff(id),
  name text NOT NULL,
  role text NOT NULL DEFAULT '',
  organisation text NOT NULL DEFAULT '',
  UNIQUE NULLS NOT DISTINCT (staff_id, name, role, organisation));

CREATE TABLE fairnote.teams(
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (btrim(name) <> ''),
  created_at timestamptz NOT NULL);

CREATE TABLE fairnote.team_members(
  team_id bigint NOT NULL REFERENCES fairnote.teams(id),
  staff_id bigint NOT NULL REFERENCES fairnote.staff(id),
  PRIMARY KEY (team_id, staff_id));
CREATE INDEX team_members_by_staff ON fairnote.team_members(staff_id, team_id);

-- ---- the record ---------------------------------------------------------------------------------

CREATE TABLE fairnote.people(
  id text PRIMARY KEY CHECK (btrim(id) <> ''),
  name text NOT NULL CHECK (btrim(name) <> ''),
  other_names text NOT NULL DEFAULT '[]',
  date_of_birth date,
  created_at timestamptz NOT NULL,
  created_by bigint REFERENCES fairnote.authors(id));

-- Which teams work with whom: a person on a team's caseload can be read and written about by its
-- members. A handover moves a person between caseloads (audited).
CREATE TABLE fairnote.caseloads(
  team_id bigint NOT NULL REFERENCES fairnote.teams(id),
  person_id text NOT NULL REFERENCES fairnote.people(id),
  added_at timestamptz NOT NULL,
  PRIMARY KEY (person_id, team_id));
CREATE INDEX caseloads_by_team ON fairnote.caseloads(team_id, person_id);

-- One row per entry: its identity and a head (what the chronology shows) kept in step with its latest
-- revision or, before the first, its draft. The head is computed by the client from the content
-- (summary line, event date) and checked by `fairnote-cli verify`.
CREATE TABLE fairnote.entries(
  id text PRIMARY KEY CHECK (btrim(id) <> ''),
  person_id text NOT NULL REFERENCES fairnote.people(id),
  kind text NOT NULL CHECK (kind IN ('note', 'incident')),
  created_at timestamptz NOT NULL,
  created_by bigint NOT NULL REFERENCES fairnote.authors(id),
  creator_staff bigint REFERENCES fairnote.staff(id),
  revisions integer NOT NULL DEFAULT 0,
  in_error boolean NOT NULL DEFAULT false,
  event_sort timestamptz,
  event_latest timestamptz,
  event_json text NOT NULL DEFAULT '{}',
  summary text NOT NULL DEFAULT '',
  written_at timestamptz,
  author_id bigint REFERENCES fairnote.authors(id),
  late_seconds bigint,
  search_names text NOT NULL DEFAULT '',
  search_body text NOT NULL DEFAULT '',
  -- PostgreSQL's own English stemming (Snowball); see docs/server.md "Search".
  search tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', search_names), 'A') ||
                                       setweight(to_tsvector('english', search_body), 'B')) STORED);
CREATE INDEX entries_by_person ON fairnote.entries(person_id, event_sort);
CREATE INDEX entries_search ON fairnote.entries USING gin(search);
CREATE INDEX entries_last_incident ON fairnote.entries(person_id, event_latest)
  WHERE kind = 'incident' AND revisions > 0 AND NOT in_error AND event_latest IS NOT NULL;

-- Final revisions: never updated, never deleted. `snapshot` is the assessment kept with the revision:
-- {"prompts": [{field, code, severity, message, question, left_reason}], "findings": [{field, rule,
-- category, severity, offset, length, text, message}]}.
CREATE TABLE fairnote.revisions(
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id text NOT NULL REFERENCES fairnote.entries(id),
  number integer NOT NULL CHECK (number >= 1),
  content text NOT NULL,
  author_id bigint NOT NULL REFERENCES fairnote.authors(id),
  written_at timestamptz NOT NULL,
  reason text,
  late_seconds bigint,
  snapshot jsonb NOT NULL DEFAULT '{"prompts": [], "findings": []}',
  hash text NOT NULL,
  UNIQUE (entry_id, number));

-- At most one draft per entry (a new entry, or an amendment in progress), seen by its author only.
CREATE TABLE fairnote.drafts(
  entry_id text PRIMARY KEY REFERENCES fairnote.entries(id),
  author_id bigint NOT NULL REFERENCES fairnote.authors(id),
  staff_id bigint REFERENCES fairnote.staff(id),
  base_revision integer NOT NULL DEFAULT 0,
  content text NOT NULL,
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL);

CREATE TABLE fairnote.errors(
  entry_id text PRIMARY KEY REFERENCES fairnote.entries(id),
  at timestamptz NOT NULL,
  actor_id bigint NOT NULL REFERENCES fairnote.authors(id),
  reason text NOT NULL);

CREATE TABLE fairnote.disclosure_flags(
  entry_id text PRIMARY KEY REFERENCES fairnote.entries(id),
  flagged_at timestamptz NOT NULL,
  flagged_by bigint NOT NULL REFERENCES fairnote.authors(id),
  reason text NOT NULL,
  released_at timestamptz,
  released_by bigint REFERENCES fairnote.authors(id),
  release_note text);

CREATE TABLE fairnote.reviews(
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id text NOT NULL REFERENCES fairnote.entries(id),
  revision integer NOT NULL,
  reviewer_id bigint NOT NULL REFERENCES fairnote.authors(id),
  reviewed_at timestamptz NOT NULL,
  completeness text NOT NULL,
  quality text NOT NULL,
  comment text NOT NULL DEFAULT '',
  returned boolean NOT NULL DEFAULT false,
  hash text NOT NULL,
  FOREIGN KEY (entry_id, revision) REFERENCES fairnote.revisions(entry_id, number));
CREATE INDEX reviews_by_entry ON fairnote.reviews(entry_id);

CREATE TABLE fairnote.signoffs(
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject text NOT NULL CHECK (subject IN ('entry', 'summary')),
  person_id text NOT NULL REFERENCES fairnote.people(id),
  entry_id text REFERENCES fairnote.entries(id),
  revision integer,
  document_hash text NOT NULL DEFAULT '',
  document text NOT NULL DEFAULT '',
  requested_by bigint NOT NULL REFERENCES fairnote.authors(id),
  requested_at timestamptz NOT NULL);
CREATE INDEX signoffs_by_entry ON fairnote.signoffs(entry_id);
CREATE INDEX signoffs_by_person ON fairnote.signoffs(person_id);

CREATE TABLE fairnote.signoff_events(
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  signoff_id bigint NOT NULL REFERENCES fairnote.signoffs(id),
  state text NOT NULL CHECK (state IN ('requested', 'approved', 'returned')),
  actor_id bigint NOT NULL REFERENCES fairnote.authors(id),
  at timestamptz NOT NULL,
  comment text NOT NULL DEFAULT '');
CREATE INDEX signoff_events_by_signoff ON fairnote.signoff_events(signoff_id, id);

-- The audit trail: each row's hash covers the row and the previous row's hash (the same canonical
-- serialisation as the local file, so a file pushed to a server keeps provable hashes). `detail` is
-- JSON kept as the text that was hashed.
CREATE TABLE fairnote.audit(
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id bigint REFERENCES fairnote.authors(id),
  action text NOT NULL,
  person_id text,
  entry_id text,
  revision integer,
  detail text NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL);
CREATE INDEX audit_by_person ON fairnote.audit(person_id, seq) WHERE person_id IS NOT NULL;
CREATE INDEX audit_by_action ON fairnote.audit(action, seq);

-- The head of the chain: one row, locked (FOR UPDATE) by the transaction that appends, so concurrent
-- writers append one after another and never fork the chain. See docs/server.md "The chain".
CREATE TABLE fairnote.chain_head(
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL);
INSERT INTO fairnote.chain_head VALUES (1, 0, repeat('0', 64));

-- The events a client may record without changing the record (`fairnote.log_event`).
CREATE TABLE fairnote.event_actions(action text PRIMARY KEY, needs_person boolean NOT NULL DEFAULT false);
INSERT INTO fairnote.event_actions(action, needs_person) VALUES
  ('view', true), ('export', true), ('export-sar', true), ('export-summary', true), ('print', false),
  ('review-sample', false), ('exercise-scored', false), ('export-file', false), ('backup', false);

-- ---- canonical hashing (the same bytes as core/store's Canon) -----------------------------------

-- "name=length:value\n", the length in UTF-8 bytes (the database is UTF8: server init checks). These
-- are plain SQL expressions of immutable or stable parts, so the planner inlines them into verify's
-- set-based queries (a call per row would cost more than the hashing).
CREATE FUNCTION fairnote.canon(name text, value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN name || '=' || octet_length(coalesce(value, ''))::text || ':' || coalesce(value, '') || chr(10);

CREATE FUNCTION fairnote.sha256_hex(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN encode(sha256(convert_to(t, 'UTF8')), 'hex');

-- A time as the file writes it: UTC, milliseconds, "2026-03-01T09:00:00.000Z".
CREATE FUNCTION fairnote.iso(t timestamptz) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');

-- The assessment kept with a revision, as the canonical lines the file hashes.
CREATE FUNCTION fairnote.snapshot_canon(snapshot jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
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

-- A revision's hash, given its assessment already as canonical lines (verify computes those for all
-- revisions at once).
CREATE FUNCTION fairnote.revision_hash_canon(entry_id text, number integer, person_id text, kind text, content text,
                                             author_name text, author_role text, author_organisation text,
                                             written_at timestamptz, reason text, late_seconds bigint, snapshot_lines text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN fairnote.sha256_hex(
    fairnote.canon('entry', entry_id) || fairnote.canon('number', number::text) || fairnote.canon('person', person_id) ||
    fairnote.canon('kind', kind) || fairnote.canon('content', content) || fairnote.canon('author', author_name) ||
    fairnote.canon('role', author_role) || fairnote.canon('organisation', author_organisation) ||
    fairnote.canon('written_at', fairnote.iso(written_at)) || fairnote.canon('reason', reason) ||
    fairnote.canon('late_seconds', late_seconds::text) || snapshot_lines);

CREATE FUNCTION fairnote.revision_hash(entry_id text, number integer, person_id text, kind text, content text,
                                       author_name text, author_role text, author_organisation text,
                                       written_at timestamptz, reason text, late_seconds bigint, snapshot jsonb) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN fairnote.revision_hash_canon(entry_id, number, person_id, kind, content, author_name, author_role, author_organisation,
                                      written_at, reason, late_seconds, fairnote.snapshot_canon(snapshot));

CREATE FUNCTION fairnote.review_hash(entry_id text, revision integer, reviewer_name text, reviewer_role text,
                                     reviewer_organisation text, at timestamptz, completeness text, quality text,
                                     comment text, returned boolean) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN fairnote.sha256_hex(
    fairnote.canon('entry', entry_id) || fairnote.canon('revision', revision::text) ||
    fairnote.canon('reviewer', reviewer_name) || fairnote.canon('role', reviewer_role) ||
    fairnote.canon('organisation', reviewer_organisation) || fairnote.canon('at', fairnote.iso(at)) ||
    fairnote.canon('completeness', completeness) || fairnote.canon('quality', quality) ||
    fairnote.canon('comment', comment) || fairnote.canon('returned', CASE WHEN returned THEN '1' ELSE '0' END));

CREATE FUNCTION fairnote.audit_hash(seq bigint, at timestamptz, actor_name text, actor_role text, actor_organisation text,
                                    action text, person_id text, entry_id text, revision integer, detail text,
                                    prev_hash text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN fairnote.sha256_hex(
    fairnote.canon('seq', seq::text) || fairnote.canon('at', fairnote.iso(at)) || fairnote.canon('actor', actor_name) ||
    fairnote.canon('role', actor_role) || fairnote.canon('organisation', actor_organisation) ||
    fairnote.canon('action', action) || fairnote.canon('person', person_id) || fairnote.canon('entry', entry_id) ||
    fairnote.canon('revision', revision::text) || fairnote.canon('detail', detail) || fairnote.canon('prev', prev_hash));

-- ---- who is asking ------------------------------------------------------------------------------

-- The session's login (never current_user, which a SECURITY DEFINER function changes; SET ROLE cannot
-- change it either), as an active member of staff of this database, and their one Fairnote role.
CREATE FUNCTION fairnote.my_staff_id() RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
  RETURN (SELECT s.id FROM fairnote.staff s WHERE s.login = session_user AND s.left_at IS NULL);

-- 'worker', 'supervisor', 'trainer' or 'administrator': the one group the login is directly a member
-- of; NULL when it is not on the staff here, or is a member of more than one (verify reports that).
CREATE FUNCTION fairnote.my_role() RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
  RETURN (SELECT CASE WHEN count(*) = 1 THEN substr(min(g.rolname), 10) END
          FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
          WHERE u.rolname = session_user
            AND g.rolname IN ('fairnote_worker', 'fairnote_supervisor', 'fairnote_trainer', 'fairnote_administrator')
            AND EXISTS (SELECT 1 FROM fairnote.staff s WHERE s.login = session_user AND s.left_at IS NULL));

CREATE FUNCTION fairnote.my_teams() RETURNS bigint[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
  RETURN coalesce((SELECT array_agg(m.team_id ORDER BY m.team_id) FROM fairnote.team_members m
                   WHERE m.staff_id = fairnote.my_staff_id()), '{}');

CREATE FUNCTION fairnote.is_training() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
  RETURN coalesce((SELECT value = 'training' FROM fairnote.meta WHERE key = 'kind'), false);

-- The one rule for reading a person's record: workers and supervisors read the people on their teams'
-- caseloads; in a training database (invented cases) every member of staff but an administrator reads
-- everyone. Used by the row-level security policies and by every writing function.
CREATE FUNCTION fairnote.can_read_person(p_person text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
  RETURN CASE fairnote.my_role()
           WHEN 'worker' THEN fairnote.is_training() OR EXISTS (
             SELECT 1 FROM fairnote.caseloads c WHERE c.person_id = p_person AND c.team_id = ANY (fairnote.my_teams()))
           WHEN 'supervisor' THEN fairnote.is_training() OR EXISTS (
             SELECT 1 FROM fairnote.caseloads c WHERE c.person_id = p_person AND c.team_id = ANY (fairnote.my_teams()))
           WHEN 'trainer' THEN fairnote.is_training()
           ELSE false
         END;

-- The server's clock for the record: the transaction's time to the millisecond. A database made for
-- the test suite (server init --test-clock, which verify reports) may be given another time with
-- SET fairnote.clock, so the shared store tests can fix the time as they do for the file.
CREATE FUNCTION fairnote.clock() RETURNS timestamptz
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  fixed text := current_setting('fairnote.clock', true);
BEGIN
  IF fixed IS NOT NULL AND fixed <> '' AND EXISTS (SELECT 1 FROM fairnote.meta WHERE key = 'test_clock' AND value = 'allowed') THEN
    RETURN date_trunc('milliseconds', fixed::timestamptz);
  END IF;
  RETURN date_trunc('milliseconds', now());
END $$;

-- Refusals: SQLSTATE FN001 (not allowed), FN002 (not found), FN003 (conflict with the record's state),
-- FN004 (invalid request). The message is for whoever reads it in psql; the DETAIL is JSON naming the
-- refusal and its facts, which the app and fairnote-cli word from their one message table.
CREATE FUNCTION fairnote.refuse(code text, refusal text, message text, facts jsonb DEFAULT '{}') RETURNS void
  LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message,
    DETAIL = (jsonb_build_object('refusal', refusal) || coalesce(facts, '{}'))::text;
END $$;

-- The caller as a member of staff with one of `allowed` roles, or a refusal.
CREATE FUNCTION fairnote.require_role(allowed text[]) RETURNS bigint
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.my_staff_id();
  role text := fairnote.my_role();
BEGIN
  IF me IS NULL THEN
    PERFORM fairnote.refuse('FN001', 'not-staff',
      format('%s is not on the staff of this Fairnote server (or has left); ask an administrator', session_user),
      jsonb_build_object('login', session_user));
  END IF;
  IF role IS NULL THEN
    PERFORM fairnote.refuse('FN001', 'no-role',
      format('%s has no single Fairnote role (worker, supervisor, trainer or administrator); ask an administrator', session_user),
      jsonb_build_object('login', session_user));
  END IF;
  IF NOT role = ANY (allowed) THEN
    PERFORM fairnote.refuse('FN001', 'role',
      format('a%s %s may not do this (it is for: %s)', CASE WHEN role ~ '^[aeiou]' THEN 'n' ELSE '' END, role, array_to_string(allowed, ', ')),
      jsonb_build_object('role', role, 'allowed', to_jsonb(allowed)));
  END IF;
  RETURN me;
END $$;

-- The caller's signature as it stands now (name, job title, organisation), made when new.
CREATE FUNCTION fairnote.my_author_id() RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  s fairnote.staff;
  found_id bigint;
BEGIN
  SELECT * INTO s FROM fairnote.staff WHERE id = fairnote.my_staff_id();
  IF s.id IS NULL THEN
    PERFORM fairnote.refuse('FN001', 'not-staff',
      format('%s is not on the staff of this Fairnote server (or has left); ask an administrator', session_user),
      jsonb_build_object('login', session_user));
  END IF;
  SELECT id INTO found_id FROM fairnote.authors a
    WHERE a.staff_id = s.id AND a.name = s.name AND a.role = s.job_title AND a.organisation = s.organisation;
  IF found_id IS NULL THEN
    INSERT INTO fairnote.authors(staff_id, name, role, organisation) VALUES (s.id, s.name, s.job_title, s.organisation)
      ON CONFLICT DO NOTHING RETURNING id INTO found_id;
    IF found_id IS NULL THEN
      SELECT id INTO found_id FROM fairnote.authors a
        WHERE a.staff_id = s.id AND a.name = s.name AND a.role = s.job_title AND a.organisation = s.organisation;
    END IF;
  END IF;
  RETURN found_id;
END $$;

-- An author named in an imported file (no login of this server).
CREATE FUNCTION fairnote.named_author_id(p_name text, p_role text, p_organisation text) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  found_id bigint;
BEGIN
  SELECT id INTO found_id FROM fairnote.authors a WHERE a.staff_id IS NULL AND a.name = coalesce(p_name, '')
    AND a.role = coalesce(p_role, '') AND a.organisation = coalesce(p_organisation, '');
  IF found_id IS NULL THEN
    INSERT INTO fairnote.authors(staff_id, name, role, organisation)
      VALUES (NULL, coalesce(p_name, ''), coalesce(p_role, ''), coalesce(p_organisation, ''))
      ON CONFLICT DO NOTHING RETURNING id INTO found_id;
    IF found_id IS NULL THEN
      SELECT id INTO found_id FROM fairnote.authors a WHERE a.staff_id IS NULL AND a.name = coalesce(p_name, '')
        AND a.role = coalesce(p_role, '') AND a.organisation = coalesce(p_organisation, '');
    END IF;
  END IF;
  RETURN found_id;
END $$;

-- Whether two names are the same person for the rules against checking one's own work (case and
-- spacing ignored), as core/store's samePerson() says for the file.
CREATE FUNCTION fairnote.same_name(a text, b text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN btrim(coalesce(a, '')) <> '' AND
         lower(regexp_replace(btrim(a), '\s+', ' ', 'g')) = lower(regexp_replace(btrim(coalesce(b, '')), '\s+', ' ', 'g'));

-- Whether the caller wrote (any revision of, or began) the entry: by login, or by name (case and
-- spacing ignored), as for the file: a member of staff cannot review their own note under a second
-- login, and two colleagues who share a name ask a third person.
CREATE FUNCTION fairnote.i_wrote(p_entry text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
  RETURN EXISTS (
    SELECT 1 FROM fairnote.authors a
    WHERE a.id IN (SELECT r.author_id FROM fairnote.revisions r WHERE r.entry_id = p_entry
                   UNION SELECT e.author_id FROM fairnote.entries e WHERE e.id = p_entry)
      AND (a.staff_id = fairnote.my_staff_id()
           OR fairnote.same_name(a.name, (SELECT s.name FROM fairnote.staff s WHERE s.id = fairnote.my_staff_id()))));

-- ---- the chain ----------------------------------------------------------------------------------

-- Appends one row to the audit trail and returns its sequence number. Takes the chain head's row lock
-- and holds it to the end of the transaction: concurrent writers append one at a time, in commit
-- order, so the chain never forks and no sequence number is skipped. Callers do their other work
-- first and append last, so the lock is held only for the append and the commit.
CREATE FUNCTION fairnote.append_audit(p_actor bigint, p_action text, p_person text, p_entry text, p_revision integer,
                                      p_detail text) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  head fairnote.chain_head;
  a fairnote.authors;
  at timestamptz := fairnote.clock();
  new_hash text;
BEGIN
  SELECT * INTO head FROM fairnote.chain_head WHERE id = 1 FOR UPDATE;
  IF p_actor IS NOT NULL THEN
    SELECT * INTO a FROM fairnote.authors WHERE id = p_actor;
  END IF;
  new_hash := fairnote.audit_hash(head.seq + 1, at, coalesce(a.name, ''), coalesce(a.role, ''), coalesce(a.organisation, ''),
                                  p_action, p_person, p_entry, p_revision, coalesce(p_detail, '{}'), head.hash);
  INSERT INTO fairnote.audit(seq, at, actor_id, action, person_id, entry_id, revision, detail, prev_hash, hash)
    VALUES (head.seq + 1, at, p_actor, p_action, nullif(p_person, ''), nullif(p_entry, ''), p_revision,
            coalesce(p_detail, '{}'), head.hash, new_hash);
  UPDATE fairnote.chain_head SET seq = head.seq + 1, hash = new_hash WHERE id = 1;
  RETURN head.seq + 1;
END $$;

-- ---- immutability, whoever asks -----------------------------------------------------------------

CREATE FUNCTION fairnote.never() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'FN005', MESSAGE = TG_ARGV[0],
    DETAIL = jsonb_build_object('refusal', 'immutable', 'table', TG_TABLE_NAME, 'operation', TG_OP)::text;
END $$;

CREATE TRIGGER revisions_never_change BEFORE UPDATE OR DELETE ON fairnote.revisions
  FOR EACH ROW EXECUTE FUNCTION fairnote.never('a final revision cannot be changed or deleted: amend the entry, or mark it in error');
CREATE TRIGGER revisions_never_truncated BEFORE TRUNCATE ON fairnote.revisions
  FOR EACH STATEMENT EXECUTE FUNCTION fairnote.never('final revisions cannot be deleted');
CREATE TRIGGER audit_never_changes BEFORE UPDATE OR DELETE ON fairnote.audit
  FOR EACH ROW EXECUTE FUNCTION fairnote.never('the audit trail cannot be changed or deleted');
CREATE TRIGGER audit_never_truncated BEFORE TRUNCATE ON fairnote.audit
  FOR EACH STATEMENT EXECUTE FUNCTION fairnote.never('the audit trail cannot be deleted');
CREATE TRIGGER reviews_never_change BEFORE UPDATE OR DELETE ON fairnote.reviews
  FOR EACH ROW EXECUTE FUNCTION fairnote.never('a review cannot be changed or deleted: record a new one');
CREATE TRIGGER reviews_never_truncated BEFORE TRUNCATE ON fairnote.reviews
  FOR EACH STATEMENT EXECUTE FUNCTION fairnote.never('reviews cannot be deleted');
CREATE TRIGGER signoffs_never_change BEFORE UPDATE OR DELETE ON fairnote.signoffs
  FOR EACH ROW EXECUTE FUNCTION fairnote.never('a sign-off request cannot be changed or deleted');
CREATE TRIGGER signoffs_never_truncated BEFORE TRUNCATE ON fairnote.signoffs
  FOR EACH STATEMENT EXECUTE FUNCTION fairnote.never('sign-off requests cannot be deleted');
CREATE TRIGGER signoff_events_never_change BEFORE UPDATE OR DELETE ON fairnote.signoff_events
  FOR EACH ROW EXECUTE FUNCTION fairnote.never('a sign-off decision cannot be changed or deleted');
CREATE TRIGGER signoff_events_never_truncated BEFORE TRUNCATE ON fairnote.signoff_events
  FOR EACH STATEMENT EXECUTE FUNCTION fairnote.never('sign-off decisions cannot be deleted');
CREATE TRIGGER errors_never_change BEFORE UPDATE OR DELETE ON fairnote.errors
  FOR EACH ROW EXECUTE FUNCTION fairnote.never('a mark in error cannot be changed or removed');
CREATE TRIGGER errors_never_truncated BEFORE TRUNCATE ON fairnote.errors
  FOR EACH STATEMENT EXECUTE FUNCTION fairnote.never('marks in error cannot be removed');
CREATE TRIGGER authors_never_change BEFORE UPDATE OR DELETE ON fairnote.authors
  FOR EACH ROW EXECUTE FUNCTION fairnote.never('an author''s signature cannot be changed: the record refers to it');
CREATE TRIGGER authors_never_truncated BEFORE TRUNCATE ON fairnote.authors
  FOR EACH STATEMENT EXECUTE FUNCTION fairnote.never('authors cannot be deleted');
CREATE TRIGGER staff_never_deleted BEFORE DELETE ON fairnote.staff
  FOR EACH ROW EXECUTE FUNCTION fairnote.never('a member of staff is never deleted: mark that they left');
CREATE TRIGGER people_never_deleted BEFORE DELETE ON fairnote.people
  FOR EACH ROW EXECUTE FUNCTION fairnote.never('a person is never deleted from the record');
CREATE TRIGGER chain_head_never_deleted BEFORE DELETE ON fairnote.chain_head
  FOR EACH ROW EXECUTE FUNCTION fairnote.never('the head of the audit chain cannot be deleted');

CREATE FUNCTION fairnote.entries_keep_history() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.revisions > 0 THEN
      RAISE EXCEPTION USING ERRCODE = 'FN005', MESSAGE = 'a final entry cannot be deleted: mark it in error instead',
        DETAIL = jsonb_build_object('refusal', 'immutable', 'table', 'entries', 'operation', TG_OP)::text;
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.revisions < OLD.revisions OR (OLD.in_error AND NOT NEW.in_error) OR NEW.person_id IS DISTINCT FROM OLD.person_id
     OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.id IS DISTINCT FROM OLD.id OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR NEW.created_by IS DISTINCT FROM OLD.created_by THEN
    RAISE EXCEPTION USING ERRCODE = 'FN005', MESSAGE = 'an entry''s identity and history cannot be changed',
      DETAIL = jsonb_build_object('refusal', 'immutable', 'table', 'entries', 'operation', TG_OP)::text;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER entries_keep_their_history BEFORE UPDATE OR DELETE ON fairnote.entries
  FOR EACH ROW EXECUTE FUNCTION fairnote.entries_keep_history();
CREATE TRIGGER entries_never_truncated BEFORE TRUNCATE ON fairnote.entries
  FOR EACH STATEMENT EXECUTE FUNCTION fairnote.never('entries cannot be deleted');

CREATE FUNCTION fairnote.disclosure_released_once() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.released_at IS NOT NULL OR NEW.entry_id IS DISTINCT FROM OLD.entry_id
     OR NEW.flagged_at IS DISTINCT FROM OLD.flagged_at OR NEW.flagged_by IS DISTINCT FROM OLD.flagged_by
     OR NEW.reason IS DISTINCT FROM OLD.reason THEN
    RAISE EXCEPTION USING ERRCODE = 'FN005', MESSAGE = 'a flag for review before disclosure is only ever released, once',
      DETAIL = jsonb_build_object('refusal', 'immutable', 'table', 'disclosure_flags', 'operation', TG_OP)::text;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER disclosure_flags_released_once BEFORE UPDATE OR DELETE ON fairnote.disclosure_flags
  FOR EACH ROW EXECUTE FUNCTION fairnote.disclosure_released_once();
CREATE TRIGGER disclosure_flags_never_truncated BEFORE TRUNCATE ON fairnote.disclosure_flags
  FOR EACH STATEMENT EXECUTE FUNCTION fairnote.never('flags for review before disclosure cannot be removed');
