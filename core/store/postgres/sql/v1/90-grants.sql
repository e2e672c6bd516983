-- SPDX-FileCopyrightText: 2026 Fairnote contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Privileges: SELECT (under row-level security) and EXECUTE on the functions each role needs; no login
-- role may INSERT, UPDATE, DELETE or TRUNCATE anything. Run as the superuser running init (the role
-- maker's functions are not the owner's to grant).

RESET ROLE;

REVOKE ALL ON ALL TABLES IN SCHEMA fairnote FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA fairnote FROM PUBLIC;
REVOKE ALL ON SCHEMA fairnote FROM PUBLIC;
GRANT USAGE ON SCHEMA fairnote TO fairnote_worker, fairnote_supervisor, fairnote_trainer, fairnote_administrator, fairnote_rolemaker;

-- The directory, teams and the server's own facts: every member of staff.
GRANT SELECT ON fairnote.meta, fairnote.staff, fairnote.authors, fairnote.teams, fairnote.team_members, fairnote.caseloads,
                fairnote.chain_head, fairnote.event_actions
  TO fairnote_worker, fairnote_supervisor, fairnote_trainer, fairnote_administrator;

-- Case content: workers, supervisors and trainers, as the policies allow. Not administrators: for them
-- these tables do not exist ("permission denied").
GRANT SELECT ON fairnote.people, fairnote.entries, fairnote.revisions, fairnote.drafts, fairnote.errors, fairnote.disclosure_flags,
                fairnote.reviews, fairnote.signoffs, fairnote.signoff_events, fairnote.audit
  TO fairnote_worker, fairnote_supervisor, fairnote_trainer;

-- An administrator: who people are (to put them on the right caseload), and the audit rows the
-- policy shows them without their detail (column privileges).
GRANT SELECT (id, name, other_names, date_of_birth, created_at) ON fairnote.people TO fairnote_administrator;
GRANT SELECT (seq, at, actor_id, action, person_id, entry_id, revision, prev_hash, hash) ON fairnote.audit TO fairnote_administrator;

-- The functions the policies call run as the caller, so everyone may execute them.
GRANT EXECUTE ON FUNCTION fairnote.my_staff_id(), fairnote.my_role(), fairnote.my_teams(), fairnote.is_training(),
                          fairnote.may_read_case(text), fairnote.clock(), fairnote.whoami(),
                          fairnote.canon(text, text), fairnote.sha256_hex(text), fairnote.iso(timestamptz),
                          fairnote.snapshot_canon(jsonb),
                          fairnote.revision_hash_canon(text, integer, text, text, text, text, text, text, timestamptz, text, bigint, text),
                          fairnote.revision_hash(text, integer, text, text, text, text, text, text, timestamptz, text, bigint, jsonb),
                          fairnote.review_hash(text, integer, text, text, text, timestamptz, text, text, text, boolean),
                          fairnote.audit_hash(bigint, timestamptz, text, text, text, text, text, text, integer, text, text),
                          fairnote.verify_counts(), fairnote.log_event(text, text, text, text)
  TO fairnote_worker, fairnote_supervisor, fairnote_trainer, fairnote_administrator;

-- Writing the record.
GRANT EXECUTE ON FUNCTION fairnote.add_person(text, text, text, date), fairnote.update_person(text, text, text, date),
                          fairnote.save_draft(text, text, text, text, jsonb), fairnote.discard_draft(text),
                          fairnote.finalise(text, text, jsonb, jsonb, text, bigint),
                          fairnote.amend(text, text, jsonb, jsonb, text, bigint, integer), fairnote.mark_in_error(text, text),
                          fairnote.import_person(text, text, text, date, text),
                          fairnote.import_entry(text, text, text, text, jsonb, jsonb, bigint, boolean, text),
                          fairnote.flag_for_disclosure_review(text, text), fairnote.request_signoff(text, text, text, text, text, text),
                          fairnote.drafter(text), fairnote.drafters(text), fairnote.search_entries(text, integer)
  TO fairnote_worker, fairnote_supervisor, fairnote_trainer;
GRANT EXECUTE ON FUNCTION fairnote.release_for_disclosure(text, text),
                          fairnote.record_review(text, integer, text, text, text, boolean),
                          fairnote.decide_signoff(bigint, text, text)
  TO fairnote_supervisor, fairnote_trainer;
GRANT EXECUTE ON FUNCTION fairnote.verify_server() TO fairnote_supervisor, fairnote_administrator, fairnote_trainer;

-- Administering.
GRANT EXECUTE ON FUNCTION fairnote.staff_add(text, text, text, text, text, text), fairnote.staff_update(text, text, text, text),
                          fairnote.staff_set_role(text, text), fairnote.staff_set_password(text, text), fairnote.staff_leave(text),
                          fairnote.team_add(text), fairnote.team_rename(text, text), fairnote.team_add_member(text, text),
                          fairnote.team_remove_member(text, text), fairnote.caseload_add(text, text), fairnote.caseload_remove(text, text)
  TO fairnote_administrator;

-- The role maker's functions: only the owner's functions call them.
GRANT EXECUTE ON FUNCTION fairnote.rm_check_target(text), fairnote.rm_enable_login(text, text, text),
                          fairnote.rm_set_password(text, text), fairnote.rm_disable_login(text)
  TO fairnote_owner;
GRANT EXECUTE ON FUNCTION fairnote.refuse(text, text, text, jsonb), fairnote.group_roles() TO fairnote_rolemaker, fairnote_owner;

-- Moving a team's file onto the server.
GRANT EXECUTE ON FUNCTION fairnote.push_person(text, text, text, date),
                          fairnote.push_entry(text, text, text, timestamptz, jsonb, timestamptz, text, text, text, bigint),
                          fairnote.push_revision(text, integer, text, text, text, text, timestamptz, text, bigint, jsonb, text),
                          fairnote.push_error(text, timestamptz, text, text, text, text),
                          fairnote.push_disclosure(text, timestamptz, text, text, text, text, timestamptz, text, text, text, text),
                          fairnote.push_review(text, integer, text, text, text, timestamptz, text, text, text, boolean, text),
                          fairnote.push_signoff(text, text, text, integer, text, text, jsonb),
                          fairnote.push_anchor(text, text, text, jsonb)
  TO fairnote_supervisor, fairnote_trainer;
