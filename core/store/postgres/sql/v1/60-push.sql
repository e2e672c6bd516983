-- SPDX-FileCopyrightText: 2026 Fairnote contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Moving a team onto the server: `fairnote-cli server push --db FILE` verifies a local case file, then
-- copies its people, every revision with its original author, times and reason, marks in error,
-- flags, reviews and sign-offs, in one transaction, and anchors the file's final chain hash in the
-- server's audit trail. The server recomputes every revision's and review's hash with the same
-- canonical serialisation as the file and refuses any that differ, so the history stays provable:
-- the file's hashes are the server's. A supervisor pushes (the people go on their teams' caseloads).

CREATE FUNCTION fairnote.require_pusher() RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(CASE WHEN fairnote.is_training() THEN ARRAY['supervisor', 'trainer'] ELSE ARRAY['supervisor'] END);
BEGIN
  -- One push is one transaction holding the chain from its start, so it never waits on a writer that
  -- waits on it, and nobody's rows interleave with the pushed history.
  PERFORM 1 FROM fairnote.chain_head WHERE id = 1 FOR UPDATE;
  RETURN me;
END $$;

CREATE FUNCTION fairnote.push_person(p_id text, p_name text, p_other_names text, p_date_of_birth date) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_pusher();
  v_teams bigint[] := fairnote.my_teams();
  at timestamptz := fairnote.clock();
BEGIN
  IF EXISTS (SELECT 1 FROM fairnote.people p WHERE p.id = p_id) THEN
    PERFORM fairnote.refuse('FN003', 'person-id-in-use', format('the file''s person id "%s" is already on the server; nothing was pushed', p_id),
                            jsonb_build_object('person', p_id));
  END IF;
  IF cardinality(v_teams) = 0 AND NOT fairnote.is_training() THEN
    PERFORM fairnote.refuse('FN001', 'no-team', 'you are on no team, so the people pushed would be on nobody''s caseload; ask an administrator');
  END IF;
  INSERT INTO fairnote.people(id, name, other_names, date_of_birth, created_at, created_by)
    VALUES (p_id, btrim(p_name), coalesce(nullif(p_other_names, ''), '[]')::jsonb::text, p_date_of_birth, at, fairnote.my_author_id());
  INSERT INTO fairnote.caseloads(team_id, person_id, added_at) SELECT t, p_id, at FROM unnest(v_teams) AS t;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'push-person', p_id, NULL, NULL,
    jsonb_build_object('name', btrim(p_name), 'other_names', coalesce(nullif(p_other_names, ''), '[]')::jsonb,
                       'date_of_birth', coalesce(p_date_of_birth::text, ''), 'teams', to_jsonb(v_teams))::text);
END $$;

-- An entry of the file, with its head as the file's latest revision gives it (computed by the client).
CREATE FUNCTION fairnote.push_entry(p_id text, p_person text, p_kind text, p_created_at timestamptz, p_head jsonb,
                                    p_written_at timestamptz, p_author_name text, p_author_role text, p_author_organisation text,
                                    p_late bigint) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_pusher();
  author bigint := fairnote.named_author_id(p_author_name, p_author_role, p_author_organisation);
BEGIN
  PERFORM fairnote.readable_person(p_person);
  IF EXISTS (SELECT 1 FROM fairnote.entries x WHERE x.id = p_id) THEN
    PERFORM fairnote.refuse('FN003', 'entry-id-in-use', format('the file''s entry "%s" is already on the server; nothing was pushed', p_id),
                            jsonb_build_object('entry', p_id));
  END IF;
  INSERT INTO fairnote.entries(id, person_id, kind, created_at, created_by, creator_staff)
    VALUES (p_id, p_person, p_kind, p_created_at, author, me);
  PERFORM fairnote.set_head(p_id, p_head, p_written_at, author, p_late);
END $$;

-- One final revision exactly as the file keeps it; refused unless the server's hash of it is the
-- file's. Revisions of an entry are pushed in order.
CREATE FUNCTION fairnote.push_revision(p_entry text, p_number integer, p_content text, p_author_name text, p_author_role text,
                                       p_author_organisation text, p_written_at timestamptz, p_reason text, p_late bigint,
                                       p_snapshot jsonb, p_hash text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_pusher();
  e fairnote.entries := fairnote.lock_entry(p_entry);
  author bigint := fairnote.named_author_id(p_author_name, p_author_role, p_author_organisation);
  h text;
BEGIN
  IF p_number <> e.revisions + 1 THEN
    PERFORM fairnote.refuse('FN004', 'push-order', format('revision %s of entry %s came before revision %s', p_number, e.id, e.revisions + 1));
  END IF;
  h := fairnote.revision_hash(e.id, p_number, e.person_id, e.kind, p_content, coalesce(p_author_name, ''), coalesce(p_author_role, ''),
                              coalesce(p_author_organisation, ''), p_written_at, coalesce(nullif(btrim(coalesce(p_reason, '')), ''), ''),
                              p_late, coalesce(p_snapshot, '{"prompts": [], "findings": []}'));
  IF h <> p_hash THEN
    PERFORM fairnote.refuse('FN004', 'push-hash',
      format('revision %s of entry %s does not hash on the server as it does in the file (%s here, %s there); nothing was pushed', p_number, e.id, h, p_hash),
      jsonb_build_object('entry', e.id, 'revision', p_number, 'server', h, 'file', p_hash));
  END IF;
  INSERT INTO fairnote.revisions(entry_id, number, content, author_id, written_at, reason, late_seconds, snapshot, hash)
    VALUES (e.id, p_number, p_content, author, p_written_at, nullif(btrim(coalesce(p_reason, '')), ''), p_late,
            coalesce(p_snapshot, '{"prompts": [], "findings": []}'), h);
  UPDATE fairnote.entries SET revisions = p_number WHERE id = e.id;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'push-revision', e.person_id, e.id, p_number,
    jsonb_build_object('revision_hash', h, 'author', fairnote.author_name(author), 'written_at', fairnote.iso(p_written_at))::text);
END $$;

CREATE FUNCTION fairnote.push_error(p_entry text, p_at timestamptz, p_actor_name text, p_actor_role text, p_actor_organisation text,
                                    p_reason text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_pusher();
  e fairnote.entries := fairnote.lock_entry(p_entry);
  actor bigint := fairnote.named_author_id(p_actor_name, p_actor_role, p_actor_organisation);
BEGIN
  INSERT INTO fairnote.errors(entry_id, at, actor_id, reason) VALUES (e.id, p_at, actor, p_reason);
  UPDATE fairnote.entries SET in_error = true WHERE id = e.id;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'push-error', e.person_id, e.id, NULL,
    jsonb_build_object('reason', p_reason, 'by', fairnote.author_name(actor), 'at', fairnote.iso(p_at))::text);
END $$;

CREATE FUNCTION fairnote.push_disclosure(p_entry text, p_flagged_at timestamptz, p_by_name text, p_by_role text, p_by_organisation text,
                                         p_reason text, p_released_at timestamptz, p_released_name text, p_released_role text,
                                         p_released_organisation text, p_note text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_pusher();
  e fairnote.entries := fairnote.lock_entry(p_entry);
  flagger bigint := fairnote.named_author_id(p_by_name, p_by_role, p_by_organisation);
  releaser bigint;
BEGIN
  INSERT INTO fairnote.disclosure_flags(entry_id, flagged_at, flagged_by, reason) VALUES (e.id, p_flagged_at, flagger, p_reason);
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'flag-for-disclosure-review', e.person_id, e.id, NULL,
    jsonb_build_object('reason', p_reason, 'pushed', true, 'by', fairnote.author_name(flagger), 'at', fairnote.iso(p_flagged_at))::text);
  IF p_released_at IS NOT NULL THEN
    releaser := fairnote.named_author_id(p_released_name, p_released_role, p_released_organisation);
    UPDATE fairnote.disclosure_flags SET released_at = p_released_at, released_by = releaser, release_note = coalesce(p_note, '')
      WHERE entry_id = e.id;
    PERFORM fairnote.append_audit(fairnote.my_author_id(), 'release-for-disclosure', e.person_id, e.id, NULL,
      jsonb_build_object('note', coalesce(p_note, ''), 'pushed', true, 'by', fairnote.author_name(releaser), 'at', fairnote.iso(p_released_at))::text);
  END IF;
END $$;

-- A review as the file keeps it; refused unless the server's hash of it is the file's.
CREATE FUNCTION fairnote.push_review(p_entry text, p_revision integer, p_reviewer_name text, p_reviewer_role text,
                                     p_reviewer_organisation text, p_at timestamptz, p_completeness text, p_quality text,
                                     p_comment text, p_returned boolean, p_hash text) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_pusher();
  e fairnote.entries := fairnote.lock_entry(p_entry);
  reviewer bigint := fairnote.named_author_id(p_reviewer_name, p_reviewer_role, p_reviewer_organisation);
  h text := fairnote.review_hash(p_entry, p_revision, coalesce(p_reviewer_name, ''), coalesce(p_reviewer_role, ''),
                                 coalesce(p_reviewer_organisation, ''), p_at, p_completeness, p_quality, coalesce(p_comment, ''), p_returned);
  review_id bigint;
BEGIN
  IF h <> p_hash THEN
    PERFORM fairnote.refuse('FN004', 'push-hash',
      format('a review of entry %s does not hash on the server as it does in the file; nothing was pushed', e.id),
      jsonb_build_object('entry', e.id, 'server', h, 'file', p_hash));
  END IF;
  INSERT INTO fairnote.reviews(entry_id, revision, reviewer_id, reviewed_at, completeness, quality, comment, returned, hash)
    VALUES (e.id, p_revision, reviewer, p_at, p_completeness, p_quality, coalesce(p_comment, ''), p_returned, h)
    RETURNING id INTO review_id;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'push-review', e.person_id, e.id, p_revision,
    jsonb_build_object('review', review_id, 'review_hash', h, 'returned', p_returned, 'by', fairnote.author_name(reviewer))::text);
  RETURN review_id;
END $$;

-- A sign-off request and its decisions (`p_events`: [{"state", "name", "role", "organisation", "at",
-- "comment"}], the request first), as the file keeps them. Each is an audit row of its own kind, its
-- actor the person named in the file and `pushed_by` the session.
CREATE FUNCTION fairnote.push_signoff(p_subject text, p_person text, p_entry text, p_revision integer, p_document_hash text,
                                      p_document text, p_events jsonb) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_pusher();
  ev jsonb;
  actor bigint;
  requester bigint;
  v_signoff bigint;
  n integer := 0;
BEGIN
  PERFORM fairnote.readable_person(p_person);
  IF jsonb_typeof(p_events) IS DISTINCT FROM 'array' OR jsonb_array_length(p_events) = 0 OR p_events->0->>'state' <> 'requested' THEN
    PERFORM fairnote.refuse('FN004', 'push-signoff', 'a sign-off is pushed with its request first');
  END IF;
  requester := fairnote.named_author_id(p_events->0->>'name', p_events->0->>'role', p_events->0->>'organisation');
  INSERT INTO fairnote.signoffs(subject, person_id, entry_id, revision, document_hash, document, requested_by, requested_at)
    VALUES (p_subject, p_person, nullif(p_entry, ''), p_revision, coalesce(p_document_hash, ''), coalesce(p_document, ''), requester,
            (p_events->0->>'at')::timestamptz)
    RETURNING id INTO v_signoff;
  FOR ev IN SELECT x FROM jsonb_array_elements(p_events) AS x LOOP
    actor := fairnote.named_author_id(ev->>'name', ev->>'role', ev->>'organisation');
    INSERT INTO fairnote.signoff_events(signoff_id, state, actor_id, at, comment)
      VALUES (v_signoff, ev->>'state', actor, (ev->>'at')::timestamptz, coalesce(ev->>'comment', ''));
    PERFORM fairnote.append_audit(actor,
      CASE ev->>'state' WHEN 'requested' THEN 'request-signoff' WHEN 'approved' THEN 'approve-signoff' ELSE 'return-signoff' END,
      p_person, nullif(p_entry, ''), nullif(p_revision, 0),
      CASE WHEN n = 0 THEN jsonb_build_object('signoff', v_signoff, 'subject', p_subject, 'document_hash', coalesce(p_document_hash, ''),
                                              'comment', coalesce(ev->>'comment', ''), 'pushed_by', session_user::text, 'at', ev->>'at')
           ELSE jsonb_build_object('signoff', v_signoff, 'comment', coalesce(ev->>'comment', ''), 'pushed_by', session_user::text,
                                   'at', ev->>'at') END::text);
    n := n + 1;
  END LOOP;
  RETURN v_signoff;
END $$;

-- The end of a push: the file's final chain hash, anchored in the server's chain, so the file's whole
-- history up to that hash stays provable against the copy kept of it.
CREATE FUNCTION fairnote.push_anchor(p_file_id text, p_source text, p_head_hash text, p_counts jsonb) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_pusher();
BEGIN
  IF p_head_hash !~ '^[0-9a-f]{64}$' THEN
    PERFORM fairnote.refuse('FN004', 'push-anchor', 'the file''s chain hash is 64 hexadecimal digits');
  END IF;
  RETURN fairnote.append_audit(fairnote.my_author_id(), 'push', NULL, NULL, NULL,
    (jsonb_build_object('file_id', coalesce(p_file_id, ''), 'source', coalesce(p_source, ''), 'file_head_hash', p_head_hash)
     || coalesce(p_counts, '{}'))::text);
END $$;
