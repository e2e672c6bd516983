-- SPDX-FileCopyrightText: 2026 Fairnote contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- The cluster-wide roles of a Fairnote server, made when missing (run by `fairnote-cli server init` as a
-- superuser, before the schema). None of them can log in. Members of staff are login roles, each a
-- member of exactly one of the four group roles; see docs/server.md.
--
--   fairnote_owner          owns the schema, its tables and its functions; nobody logs in as it
--   fairnote_rolemaker      may create login roles (CREATEROLE); owns only the functions that make and
--                           change staff logins, which only fairnote_owner's functions may call
--   fairnote_worker         support workers
--   fairnote_supervisor     supervisors: what a worker may do, and review and sign-off within their teams
--   fairnote_trainer        trainers: training databases of invented cases
--   fairnote_administrator  staff, teams and caseloads; never case content
-- Two servers set up at the same moment on one cluster may both find a role missing: the second to
-- create it waits for the first and then finds it made, which is what it wanted.
DO $roles$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['fairnote_owner', 'fairnote_rolemaker', 'fairnote_worker', 'fairnote_supervisor', 'fairnote_trainer',
                             'fairnote_administrator'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN %s', r,
                               CASE r WHEN 'fairnote_owner' THEN 'NOINHERIT' WHEN 'fairnote_rolemaker' THEN 'NOINHERIT CREATEROLE' ELSE '' END);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$roles$;
