// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Migrations of the case-file schema. Never edit a migration that has shipped: add the next one.
#include "store/sqlite/schema.h"

#include "store/sqlite/open.h"

#include <cassert>

using namespace Qt::StringLiterals;

namespace fairnote::store {

namespace {

// Version 1: people, entries with drafts and immutable revisions, assessment snapshots, mark-in-error,
// the hash-chained audit trail and the full-text index.
const char *const kVersion1 = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE(name, role, organisation));

CREATE TABLE people(
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  other_names TEXT NOT NULL DEFAULT '[]',
  date_of_birth TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id));

-- One row per entry: its identity and a "head" (what the chronology shows) kept in step with its latest
-- revision or, before the first one, its draft.
CREATE TABLE entries(
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL CHECK(kind IN ('note', 'incident')),
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  revisions INTEGER NOT NULL DEFAULT 0,
  in_error INTEGER NOT NULL DEFAULT 0,
  event_sort TEXT,
  event_latest TEXT,
  event_json TEXT NOT NULL DEFAULT '{}',
  summary TEXT NOT NULL DEFAULT '',
  written_at TEXT,
  author_id INTEGER REFERENCES users(id),
  late_seconds INTEGER);
CREATE INDEX entries_by_person ON entries(person_id, event_sort);

-- Final revisions: never updated, never deleted.
CREATE TABLE revisions(
  id INTEGER PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES entries(id),
  number INTEGER NOT NULL CHECK(number >= 1),
  content TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES users(id),
  written_at TEXT NOT NULL,
  reason TEXT,
  late_seconds INTEGER,
  hash TEXT NOT NULL,
  UNIQUE(entry_id, number));

CREATE TABLE revision_prompts(
  revision_id INTEGER NOT NULL REFERENCES revisions(id),
  seq INTEGER NOT NULL,
  field TEXT NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL,
  message TEXT NOT NULL, question TEXT NOT NULL, left_reason TEXT NOT NULL,
  PRIMARY KEY(revision_id, seq)) WITHOUT ROWID;

CREATE TABLE revision_findings(
  revision_id INTEGER NOT NULL REFERENCES revisions(id),
  seq INTEGER NOT NULL,
  field TEXT NOT NULL, rule TEXT NOT NULL, category TEXT NOT NULL, severity TEXT NOT NULL,
  offset_utf16 INTEGER NOT NULL, length_utf16 INTEGER NOT NULL, text TEXT NOT NULL, message TEXT NOT NULL,
  PRIMARY KEY(revision_id, seq)) WITHOUT ROWID;

-- At most one draft per entry: a new entry not yet final, or an amendment in progress.
CREATE TABLE drafts(
  entry_id TEXT PRIMARY KEY REFERENCES entries(id),
  author_id INTEGER NOT NULL REFERENCES users(id),
  base_revision INTEGER NOT NULL DEFAULT 0,
  content TEXT NOT NULL,
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE errors(
  entry_id TEXT PRIMARY KEY REFERENCES entries(id),
  at TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL) WITHOUT ROWID;

-- The audit trail: each row's hash covers the row and the previous row's hash.
CREATE TABLE audit(
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER REFERENCES users(id),
  action TEXT NOT NULL,
  person_id TEXT,
  entry_id TEXT,
  revision INTEGER,
  detail TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL);
CREATE INDEX audit_by_person ON audit(person_id);

-- prefix: the last word of a search typed so far matches as a prefix, so index 3-letter prefixes too.
CREATE VIRTUAL TABLE search USING fts5(names, body, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '3');

CREATE TRIGGER revisions_never_change BEFORE UPDATE ON revisions
  BEGIN SELECT RAISE(ABORT, 'a final revision cannot be changed: amend the entry instead'); END;
CREATE TRIGGER revisions_never_deleted BEFORE DELETE ON revisions
  BEGIN SELECT RAISE(ABORT, 'a final revision cannot be deleted: mark the entry in error instead'); END;
CREATE TRIGGER revision_prompts_never_change BEFORE UPDATE ON revision_prompts
  BEGIN SELECT RAISE(ABORT, 'the assessment of a final revision cannot be changed'); END;
CREATE TRIGGER revision_prompts_never_deleted BEFORE DELETE ON revision_prompts
  BEGIN SELECT RAISE(ABORT, 'the assessment of a final revision cannot be deleted'); END;
CREATE TRIGGER revision_findings_never_change BEFORE UPDATE ON revision_findings
  BEGIN SELECT RAISE(ABORT, 'the assessment of a final revision cannot be changed'); END;
CREATE TRIGGER revision_findings_never_deleted BEFORE DELETE ON revision_findings
  BEGIN SELECT RAISE(ABORT, 'the assessment of a final revision cannot be deleted'); END;
CREATE TRIGGER errors_never_change BEFORE UPDATE ON errors
  BEGIN SELECT RAISE(ABORT, 'a mark in error cannot be changed'); END;
CREATE TRIGGER errors_never_deleted BEFORE DELETE ON errors
  BEGIN SELECT RAISE(ABORT, 'a mark in error cannot be removed'); END;
CREATE TRIGGER audit_never_changes BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;
CREATE TRIGGER audit_never_deleted BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be deleted'); END;
CREATE TRIGGER users_never_change BEFORE UPDATE ON users
  BEGIN SELECT RAISE(ABORT, 'an author cannot be changed: the audit trail refers to them'); END;
CREATE TRIGGER users_never_deleted BEFORE DELETE ON users
  BEGIN SELECT RAISE(ABORT, 'an author cannot be deleted: the audit trail refers to them'); END;
CREATE TRIGGER final_entries_never_deleted BEFORE DELETE ON entries WHEN OLD.revisions > 0
  BEGIN SELECT RAISE(ABORT, 'a final entry cannot be deleted: mark it in error instead'); END;
CREATE TRIGGER entries_keep_their_history BEFORE UPDATE ON entries
  WHEN NEW.revisions < OLD.revisions OR (OLD.in_error = 1 AND NEW.in_error = 0)
    OR NEW.person_id IS NOT OLD.person_id OR NEW.kind IS NOT OLD.kind OR NEW.id IS NOT OLD.id
    OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
  BEGIN SELECT RAISE(ABORT, 'an entry''s identity and history cannot be changed'); END;
)SQL";

// Version 2: entries flagged "review before disclosure" (third-party information) and their release.
const char *const kVersion2 = R"SQL(
CREATE TABLE disclosure_flags(
  entry_id TEXT PRIMARY KEY REFERENCES entries(id),
  flagged_at TEXT NOT NULL,
  flagged_by INTEGER NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  released_at TEXT,
  released_by INTEGER REFERENCES users(id),
  release_note TEXT) WITHOUT ROWID;

CREATE TRIGGER disclosure_flags_never_deleted BEFORE DELETE ON disclosure_flags
  BEGIN SELECT RAISE(ABORT, 'a flag for review before disclosure cannot be removed; release the entry instead'); END;
CREATE TRIGGER disclosure_flags_released_once BEFORE UPDATE ON disclosure_flags
  WHEN OLD.released_at IS NOT NULL OR NEW.entry_id IS NOT OLD.entry_id OR NEW.flagged_at IS NOT OLD.flagged_at
    OR NEW.flagged_by IS NOT OLD.flagged_by OR NEW.reason IS NOT OLD.reason
  BEGIN SELECT RAISE(ABORT, 'a flag for review before disclosure is only ever released, once'); END;
)SQL";

// Version 3: supervision — reviews of an exact revision (kept apart from the entry, never changed) and
// sign-off requests with their decisions (append-only events).
const char *const kVersion3 = R"SQL(
CREATE TABLE reviews(
  id INTEGER PRIMARY KEY,
  entry_id TEXT NOT NULL REFERENCES entries(id),
  revision INTEGER NOT NULL,
  reviewer_id INTEGER NOT NULL REFERENCES users(id),
  reviewed_at TEXT NOT NULL,
  completeness TEXT NOT NULL,
  quality TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  returned INTEGER NOT NULL DEFAULT 0,
  hash TEXT NOT NULL,
  FOREIGN KEY(entry_id, revision) REFERENCES revisions(entry_id, number));
CREATE INDEX reviews_by_entry ON reviews(entry_id);

CREATE TABLE signoffs(
  id INTEGER PRIMARY KEY,
  subject TEXT NOT NULL CHECK(subject IN ('entry', 'summary')),
  person_id TEXT NOT NULL REFERENCES people(id),
  entry_id TEXT REFERENCES entries(id),
  revision INTEGER,
  document_hash TEXT NOT NULL DEFAULT '',
  document TEXT NOT NULL DEFAULT '',
  requested_by INTEGER NOT NULL REFERENCES users(id),
  requested_at TEXT NOT NULL);
CREATE TABLE signoff_events(
  id INTEGER PRIMARY KEY,
  signoff_id INTEGER NOT NULL REFERENCES signoffs(id),
  state TEXT NOT NULL CHECK(state IN ('requested', 'approved', 'returned')),
  actor_id INTEGER NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '');
CREATE INDEX signoffs_by_entry ON signoffs(entry_id);

CREATE TRIGGER reviews_never_change BEFORE UPDATE ON reviews
  BEGIN SELECT RAISE(ABORT, 'a review cannot be changed: record a new one'); END;
CREATE TRIGGER reviews_never_deleted BEFORE DELETE ON reviews
  BEGIN SELECT RAISE(ABORT, 'a review cannot be deleted'); END;
CREATE TRIGGER signoffs_never_change BEFORE UPDATE ON signoffs
  BEGIN SELECT RAISE(ABORT, 'a sign-off request cannot be changed'); END;
CREATE TRIGGER signoffs_never_deleted BEFORE DELETE ON signoffs
  BEGIN SELECT RAISE(ABORT, 'a sign-off request cannot be deleted'); END;
CREATE TRIGGER signoff_events_never_change BEFORE UPDATE ON signoff_events
  BEGIN SELECT RAISE(ABORT, 'a sign-off decision cannot be changed'); END;
CREATE TRIGGER signoff_events_never_deleted BEFORE DELETE ON signoff_events
  BEGIN SELECT RAISE(ABORT, 'a sign-off decision cannot be deleted'); END;
)SQL";

// Version 4: the audit trail read by action (the last review sample, a learner's scored attempts)
// without a scan of the whole trail.
const char *const kVersion4 = R"SQL(
CREATE INDEX audit_by_action ON audit(action, seq);
)SQL";

const char *const kMigrations[] = {kVersion1, kVersion2, kVersion3, kVersion4};
static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");

} // namespace

QStringList protectionTriggers()
{
    return {u"revisions_never_change"_s,         u"revisions_never_deleted"_s,
            u"revision_prompts_never_change"_s,  u"revision_prompts_never_deleted"_s,
            u"revision_findings_never_change"_s, u"revision_findings_never_deleted"_s,
            u"errors_never_change"_s,            u"errors_never_deleted"_s,
            u"audit_never_changes"_s,            u"audit_never_deleted"_s,
            u"users_never_change"_s,             u"users_never_deleted"_s,
            u"final_entries_never_deleted"_s,    u"entries_keep_their_history"_s,
            u"disclosure_flags_never_deleted"_s, u"disclosure_flags_released_once"_s,
            u"reviews_never_change"_s,           u"reviews_never_deleted"_s,
            u"signoffs_never_change"_s,          u"signoffs_never_deleted"_s,
            u"signoff_events_never_change"_s,    u"signoff_events_never_deleted"_s};
}

void createSchema(sql::Database &db)
{
    for (const char *step : kMigrations)
        db.exec(step);
    db.exec(u"PRAGMA user_version = %1"_s.arg(kSchemaVersion));
}

void migrate(sql::Database &db, int target)
{
    assert(target <= kSchemaVersion);
    for (int version = int(db.scalar("PRAGMA user_version")); version < target; ++version) {
        sql::Transaction t(db);
        db.exec(kMigrations[version]);
        db.exec(u"PRAGMA user_version = %1"_s.arg(version + 1));
        t.commit();
    }
}

} // namespace fairnote::store
