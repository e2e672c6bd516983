// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The case-file commands of fairnote-cli (docs/cli.md): one small class each, sharing StoreCommand.
#pragma once

#include "storecommand.h"

namespace fairnote::cli {

#define FAIRNOTE_STORE_COMMAND(Class)                                           \
    class Class : public StoreCommand                                         \
    {                                                                         \
    public:                                                                   \
        QString name() const override;                                        \
        QString summary() const override;                                     \
        QString help() const override;                                        \
        int execute(const QStringList &args, CliIo &io) override;             \
    };

// init: create a case file.                       (filecommands.cpp)
FAIRNOTE_STORE_COMMAND(InitCommand)
// verify: integrity, hashes and the audit chain.  (filecommands.cpp)
FAIRNOTE_STORE_COMMAND(VerifyCommand)
// backup DEST: a verified copy of a file in use.  (filecommands.cpp)
FAIRNOTE_STORE_COMMAND(BackupCommand)
// dev-generate: a large invented case file for benchmarks (not in the command list). (filecommands.cpp)
FAIRNOTE_STORE_COMMAND(DevGenerateCommand)
// import FILE.json: all or nothing.               (recordcommands.cpp)
FAIRNOTE_STORE_COMMAND(ImportCommand)
// export: interchange JSON.                       (recordcommands.cpp)
FAIRNOTE_STORE_COMMAND(ExportCommand)
// finalise ENTRY.                                 (recordcommands.cpp)
FAIRNOTE_STORE_COMMAND(FinaliseCommand)
// amend ENTRY --reason TEXT FILE.json.            (recordcommands.cpp)
FAIRNOTE_STORE_COMMAND(AmendCommand)
// mark-in-error ENTRY --reason TEXT.              (recordcommands.cpp)
FAIRNOTE_STORE_COMMAND(MarkInErrorCommand)
// list: the chronology.                           (viewcommands.cpp)
FAIRNOTE_STORE_COMMAND(ListCommand)
// people: everyone in the file.                   (viewcommands.cpp)
FAIRNOTE_STORE_COMMAND(PeopleCommand)
// show ENTRY [--history].                         (viewcommands.cpp)
FAIRNOTE_STORE_COMMAND(ShowCommand)
// search QUERY.                                   (viewcommands.cpp)
FAIRNOTE_STORE_COMMAND(SearchCommand)

#undef FAIRNOTE_STORE_COMMAND

} // namespace fairnote::cli
