-- SPDX-FileCopyrightText: 2026 Fairnote contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Administering a server: staff (each a login role in exactly one of the four groups), teams and
-- caseloads. Only an administrator may, and an administrator may never change their own role, leave
-- themselves, or read case content. Every change is in the audit chain.
--
-- Login roles are made and changed by the fairnote_rolemaker functions (rm_*), which only
-- fairnote_owner's functions may call: nobody who logs in holds CREATEROLE, so nobody can grant
-- themselves fairnote_owner or pg_read_all_data through Fairnote.

-- ---- the role maker -----------------------------------------------------------------------------

-- Refuses a role that must never be touched through Fairnote: a superuser, a role with CREATEROLE,
-- BYPASSRLS or REPLICATION, or a member of the owner or the role maker.
CREATE FUNCTION fairnote.rm_check_target(p_login text) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  r pg_roles;
BEGIN
  SELECT * INTO r FROM pg_roles WHERE rolname = p_login;
  IF r.oid IS NULL THEN
    RETURN false;
  END IF;
  IF r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolreplication OR p_login LIKE 'fairnote\_%' OR p_login LIKE 'pg\_%'
     OR pg_has_role(r.oid, 'fairnote_owner', 'MEMBER') OR pg_has_role(r.oid, 'fairnote_rolemaker', 'MEMBER') THEN
    PERFORM fairnote.refuse('FN001', 'protected-login',
      format('the login %s is a special role (a superuser, or one that can make roles, bypass security or own Fairnote); Fairnote does not change it', p_login),
      jsonb_build_object('login', p_login));
  END IF;
  RETURN true;
END $$;

CREATE FUNCTION fairnote.group_roles() RETURNS text[]
  LANGUAGE sql IMMUTABLE
  RETURN ARRAY['fairnote_worker', 'fairnote_supervisor', 'fairnote_trainer', 'fairnote_administrator'];

-- Makes `p_login` a login in `p_group` (creating it when missing), with a password verifier (a
-- SCRAM-SHA-256 verifier computed by the client, never a clear password) or none (certificates,
-- GSSAPI), and takes it out of the other Fairnote groups.
CREATE FUNCTION fairnote.rm_enable_login(p_login text, p_group text, p_verifier text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  g text;
BEGIN
  IF NOT p_group = ANY (fairnote.group_roles()) THEN
    RAISE EXCEPTION 'not a Fairnote group: %', p_group;
  END IF;
  IF p_verifier IS NOT NULL AND p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
    PERFORM fairnote.refuse('FN004', 'clear-password', 'a password reaches the server only as a SCRAM-SHA-256 verifier, never in clear');
  END IF;
  IF fairnote.rm_check_target(p_login) THEN
    EXECUTE format('ALTER ROLE %I LOGIN INHERIT', p_login);
  ELSE
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT NOREPLICATION NOBYPASSRLS', p_login);
  END IF;
  IF p_verifier IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
  END IF;
  FOREACH g IN ARRAY fairnote.group_roles() LOOP
    IF g <> p_group AND pg_has_role(p_login, g, 'MEMBER') THEN
      EXECUTE format('REVOKE %I FROM %I', g, p_login);
    END IF;
  END LOOP;
  IF NOT pg_has_role(p_login, p_group, 'MEMBER') THEN
    EXECUTE format('GRANT %I TO %I', p_group, p_login);
  END IF;
END $$;

CREATE FUNCTION fairnote.rm_set_password(p_login text, p_verifier text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
BEGIN
  IF p_verifier IS NULL OR p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
    PERFORM fairnote.refuse('FN004', 'clear-password', 'a password reaches the server only as a SCRAM-SHA-256 verifier, never in clear');
  END IF;
  IF NOT fairnote.rm_check_target(p_login) THEN
    RAISE EXCEPTION 'no such login: %', p_login;
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
END $$;

-- A member of staff who leaves: their login can no longer log in and is in no Fairnote group.
CREATE FUNCTION fairnote.rm_disable_login(p_login text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  g text;
BEGIN
  IF NOT fairnote.rm_check_target(p_login) THEN
    RETURN;
  END IF;
  EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
  FOREACH g IN ARRAY fairnote.group_roles() LOOP
    IF pg_has_role(p_login, g, 'MEMBER') THEN
      EXECUTE format('REVOKE %I FROM %I', g, p_login);
    END IF;
  END LOOP;
END $$;

-- Only a superuser may give the role maker its functions (the owner is not a member of it).
RESET ROLE;
ALTER FUNCTION fairnote.rm_check_target(text) OWNER TO fairnote_rolemaker;
ALTER FUNCTION fairnote.rm_enable_login(text, text, text) OWNER TO fairnote_rolemaker;
ALTER FUNCTION fairnote.rm_set_password(text, text) OWNER TO fairnote_rolemaker;
ALTER FUNCTION fairnote.rm_disable_login(text) OWNER TO fairnote_rolemaker;
SET LOCAL ROLE fairnote_owner;

-- ---- staff --------------------------------------------------------------------------------------

CREATE FUNCTION fairnote.staff_by_login(p_login text) RETURNS fairnote.staff
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  s fairnote.staff;
BEGIN
  SELECT * INTO s FROM fairnote.staff WHERE login = p_login AND left_at IS NULL;
  IF s.id IS NULL THEN
    PERFORM fairnote.refuse('FN002', 'no-staff', format('%s is not on the staff of this server', p_login), jsonb_build_object('login', p_login));
  END IF;
  RETURN s;
END $$;

CREATE FUNCTION fairnote.check_role_name(p_role text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
  IF p_role NOT IN ('worker', 'supervisor', 'trainer', 'administrator') THEN
    PERFORM fairnote.refuse('FN004', 'bad-role', format('"%s" is not a Fairnote role: worker, supervisor, trainer or administrator', p_role),
                            jsonb_build_object('role', p_role));
  END IF;
  RETURN 'fairnote_' || p_role;
END $$;

-- Puts a member of staff on the server: their login (made when missing; an existing login, say one
-- that logs in by certificate or Kerberos, is adopted), their name, job title and organisation as they
-- sign the record, and their role. `p_verifier`: a SCRAM-SHA-256 verifier, or NULL for no password.
CREATE FUNCTION fairnote.staff_add(p_login text, p_name text, p_job_title text, p_organisation text, p_role text, p_verifier text)
  RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['administrator']);
  grp text := fairnote.check_role_name(p_role);
  v_login text := btrim(coalesce(p_login, ''));
  v_staff bigint;
BEGIN
  IF v_login = '' OR v_login !~ '^[A-Za-z0-9_.@-]+$' OR length(v_login) > 63 THEN
    PERFORM fairnote.refuse('FN004', 'bad-login', format('"%s" cannot be a login: use letters, digits and . _ - @ (at most 63)', v_login),
                            jsonb_build_object('login', v_login));
  END IF;
  IF btrim(coalesce(p_name, '')) = '' THEN
    PERFORM fairnote.refuse('FN004', 'no-staff-name', 'a member of staff needs a name (as they sign what they write)');
  END IF;
  IF EXISTS (SELECT 1 FROM fairnote.staff s WHERE s.login = v_login AND s.left_at IS NULL) THEN
    PERFORM fairnote.refuse('FN003', 'staff-exists', format('%s is already on the staff of this server', v_login), jsonb_build_object('login', v_login));
  END IF;
  -- A login in another Fairnote group (say, on the staff of another database of this cluster in
  -- another role) would hold two roles: refused.
  IF EXISTS (SELECT 1 FROM unnest(fairnote.group_roles()) g WHERE g <> grp AND pg_has_role(v_login, g, 'MEMBER')
             AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login)) THEN
    PERFORM fairnote.refuse('FN003', 'login-other-role', format('the login %s already has another Fairnote role on this PostgreSQL server', v_login),
                            jsonb_build_object('login', v_login));
  END IF;
  PERFORM fairnote.rm_enable_login(v_login, grp, p_verifier);
  INSERT INTO fairnote.staff(login, name, job_title, organisation, created_at)
    VALUES (v_login, btrim(p_name), btrim(coalesce(p_job_title, '')), btrim(coalesce(p_organisation, '')), fairnote.clock())
    RETURNING id INTO v_staff;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'staff-add', NULL, NULL, NULL,
    jsonb_build_object('login', v_login, 'staff', v_staff, 'name', btrim(p_name), 'job_title', btrim(coalesce(p_job_title, '')),
                       'organisation', btrim(coalesce(p_organisation, '')), 'role', p_role, 'password', p_verifier IS NOT NULL)::text);
  RETURN v_staff;
END $$;

-- Changes how a member of staff signs the record from now on (what they signed before stays as it was).
CREATE FUNCTION fairnote.staff_update(p_login text, p_name text, p_job_title text, p_organisation text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['administrator']);
  s fairnote.staff := fairnote.staff_by_login(p_login);
BEGIN
  UPDATE fairnote.staff SET name = coalesce(nullif(btrim(p_name), ''), name), job_title = coalesce(btrim(p_job_title), job_title),
                            organisation = coalesce(btrim(p_organisation), organisation)
    WHERE id = s.id RETURNING * INTO s;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'staff-update', NULL, NULL, NULL,
    jsonb_build_object('login', s.login, 'staff', s.id, 'name', s.name, 'job_title', s.job_title, 'organisation', s.organisation)::text);
END $$;

CREATE FUNCTION fairnote.staff_set_role(p_login text, p_role text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['administrator']);
  s fairnote.staff := fairnote.staff_by_login(p_login);
  grp text := fairnote.check_role_name(p_role);
BEGIN
  IF s.id = me THEN
    PERFORM fairnote.refuse('FN001', 'own-role', 'an administrator cannot change their own role: ask another administrator');
  END IF;
  PERFORM fairnote.rm_enable_login(s.login, grp, NULL);
  IF p_role NOT IN ('worker', 'supervisor') THEN
    DELETE FROM fairnote.team_members WHERE staff_id = s.id;
  END IF;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'staff-role', NULL, NULL, NULL,
    jsonb_build_object('login', s.login, 'staff', s.id, 'role', p_role)::text);
END $$;

CREATE FUNCTION fairnote.staff_set_password(p_login text, p_verifier text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['administrator']);
  s fairnote.staff := fairnote.staff_by_login(p_login);
BEGIN
  PERFORM fairnote.rm_set_password(s.login, p_verifier);
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'staff-password', NULL, NULL, NULL,
    jsonb_build_object('login', s.login, 'staff', s.id)::text);
END $$;

-- A member of staff leaves: they can no longer log in; what they wrote stays theirs.
CREATE FUNCTION fairnote.staff_leave(p_login text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['administrator']);
  s fairnote.staff := fairnote.staff_by_login(p_login);
BEGIN
  IF s.id = me THEN
    PERFORM fairnote.refuse('FN001', 'own-leave', 'an administrator cannot remove themselves: ask another administrator');
  END IF;
  UPDATE fairnote.staff SET left_at = fairnote.clock() WHERE id = s.id;
  DELETE FROM fairnote.team_members WHERE staff_id = s.id;
  PERFORM fairnote.rm_disable_login(s.login);
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'staff-leave', NULL, NULL, NULL,
    jsonb_build_object('login', s.login, 'staff', s.id)::text);
END $$;

-- ---- teams --------------------------------------------------------------------------------------

CREATE FUNCTION fairnote.team_by_name(p_team text) RETURNS fairnote.teams
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  t fairnote.teams;
BEGIN
  SELECT * INTO t FROM fairnote.teams WHERE lower(name) = lower(btrim(p_team));
  IF t.id IS NULL THEN
    PERFORM fairnote.refuse('FN002', 'no-team', format('there is no team called "%s"', p_team), jsonb_build_object('team', p_team));
  END IF;
  RETURN t;
END $$;

CREATE FUNCTION fairnote.team_add(p_name text) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['administrator']);
  v_name text := btrim(coalesce(p_name, ''));
  v_team bigint;
BEGIN
  IF v_name = '' THEN
    PERFORM fairnote.refuse('FN004', 'no-team-name', 'a team needs a name');
  END IF;
  IF EXISTS (SELECT 1 FROM fairnote.teams t WHERE lower(t.name) = lower(v_name)) THEN
    PERFORM fairnote.refuse('FN003', 'team-exists', format('there is already a team called "%s"', v_name), jsonb_build_object('team', v_name));
  END IF;
  INSERT INTO fairnote.teams(name, created_at) VALUES (v_name, fairnote.clock()) RETURNING id INTO v_team;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'team-add', NULL, NULL, NULL,
                                jsonb_build_object('team', v_team, 'team_name', v_name)::text);
  RETURN v_team;
END $$;

CREATE FUNCTION fairnote.team_rename(p_team text, p_name text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['administrator']);
  t fairnote.teams := fairnote.team_by_name(p_team);
  v_name text := btrim(coalesce(p_name, ''));
BEGIN
  IF v_name = '' THEN
    PERFORM fairnote.refuse('FN004', 'no-team-name', 'a team needs a name');
  END IF;
  IF EXISTS (SELECT 1 FROM fairnote.teams x WHERE lower(x.name) = lower(v_name) AND x.id <> t.id) THEN
    PERFORM fairnote.refuse('FN003', 'team-exists', format('there is already a team called "%s"', v_name), jsonb_build_object('team', v_name));
  END IF;
  UPDATE fairnote.teams SET name = v_name WHERE id = t.id;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'team-rename', NULL, NULL, NULL,
                                jsonb_build_object('team', t.id, 'team_name_before', t.name, 'team_name', v_name)::text);
END $$;

-- Team members are workers and supervisors: the people whose caseload it is.
CREATE FUNCTION fairnote.team_add_member(p_team text, p_login text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['administrator']);
  t fairnote.teams := fairnote.team_by_name(p_team);
  s fairnote.staff := fairnote.staff_by_login(p_login);
BEGIN
  IF NOT (pg_has_role(s.login, 'fairnote_worker', 'MEMBER') OR pg_has_role(s.login, 'fairnote_supervisor', 'MEMBER')) THEN
    PERFORM fairnote.refuse('FN004', 'not-team-role', format('%s is not a worker or a supervisor, so cannot be on a team''s caseload', s.login),
                            jsonb_build_object('login', s.login));
  END IF;
  IF EXISTS (SELECT 1 FROM fairnote.team_members m WHERE m.team_id = t.id AND m.staff_id = s.id) THEN
    PERFORM fairnote.refuse('FN003', 'already-member', format('%s is already on the team %s', s.login, t.name), jsonb_build_object('login', s.login, 'team', t.name));
  END IF;
  INSERT INTO fairnote.team_members(team_id, staff_id) VALUES (t.id, s.id);
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'team-member-add', NULL, NULL, NULL,
    jsonb_build_object('team', t.id, 'team_name', t.name, 'login', s.login, 'staff', s.id)::text);
END $$;

CREATE FUNCTION fairnote.team_remove_member(p_team text, p_login text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['administrator']);
  t fairnote.teams := fairnote.team_by_name(p_team);
  s fairnote.staff := fairnote.staff_by_login(p_login);
BEGIN
  DELETE FROM fairnote.team_members m WHERE m.team_id = t.id AND m.staff_id = s.id;
  IF NOT FOUND THEN
    PERFORM fairnote.refuse('FN003', 'not-member', format('%s is not on the team %s', s.login, t.name), jsonb_build_object('login', s.login, 'team', t.name));
  END IF;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'team-member-remove', NULL, NULL, NULL,
    jsonb_build_object('team', t.id, 'team_name', t.name, 'login', s.login, 'staff', s.id)::text);
END $$;

-- ---- caseloads: who works with whom ------------------------------------------------------------

-- Puts a person on a team's caseload, or takes them off (a handover is one of each). Both are in the
-- person's own audit trail, so the record shows who could read it when.
CREATE FUNCTION fairnote.caseload_add(p_team text, p_person text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['administrator']);
  t fairnote.teams := fairnote.team_by_name(p_team);
BEGIN
  IF NOT EXISTS (SELECT 1 FROM fairnote.people p WHERE p.id = p_person) THEN
    PERFORM fairnote.refuse('FN002', 'no-person', format('there is no person with the id "%s"', p_person), jsonb_build_object('person', p_person));
  END IF;
  IF EXISTS (SELECT 1 FROM fairnote.caseloads c WHERE c.team_id = t.id AND c.person_id = p_person) THEN
    PERFORM fairnote.refuse('FN003', 'already-on-caseload', format('%s is already on the caseload of %s', p_person, t.name),
                            jsonb_build_object('person', p_person, 'team', t.name));
  END IF;
  INSERT INTO fairnote.caseloads(team_id, person_id, added_at) VALUES (t.id, p_person, fairnote.clock());
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'caseload-add', p_person, NULL, NULL,
                                jsonb_build_object('team', t.id, 'team_name', t.name)::text);
END $$;

CREATE FUNCTION fairnote.caseload_remove(p_team text, p_person text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
AS $$
DECLARE
  me bigint := fairnote.require_role(ARRAY['administrator']);
  t fairnote.teams := fairnote.team_by_name(p_team);
BEGIN
  DELETE FROM fairnote.caseloads c WHERE c.team_id = t.id AND c.person_id = p_person;
  IF NOT FOUND THEN
    PERFORM fairnote.refuse('FN003', 'not-on-caseload', format('%s is not on the caseload of %s', p_person, t.name),
                            jsonb_build_object('person', p_person, 'team', t.name));
  END IF;
  PERFORM fairnote.append_audit(fairnote.my_author_id(), 'caseload-remove', p_person, NULL, NULL,
                                jsonb_build_object('team', t.id, 'team_name', t.name)::text);
END $$;

-- ---- who am I, and what is this server ----------------------------------------------------------

CREATE FUNCTION fairnote.whoami()
  RETURNS TABLE(login text, staff_id bigint, name text, job_title text, organisation text, role text, teams text[],
                kind text, server_time timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, fairnote, pg_temp
BEGIN ATOMIC
  SELECT session_user::text, s.id, s.name, s.job_title, s.organisation, fairnote.my_role(),
         coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM fairnote.team_members m JOIN fairnote.teams t ON t.id = m.team_id
                   WHERE m.staff_id = s.id), '{}'),
         coalesce((SELECT value FROM fairnote.meta WHERE key = 'kind'), 'live'), fairnote.clock()
  FROM (SELECT 1) AS one LEFT JOIN fairnote.staff s ON s.login = session_user AND s.left_at IS NULL;
END;
