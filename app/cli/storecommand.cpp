// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What every case-file command shares: opening the file, the author, the assessor, people by name.
#include "storecommand.h"

#include "common.h"
#include "record/assess.h"
#include "store/location.h"
#include "store/postgres/open.h"
#include "store/sqlite/open.h"
#include "store/snapshot.h"
#include "store/writerlock.h"

#include <QFileInfo>
#include <QSettings>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

std::optional<QString> askPassword(CliIo &io, const QString &prompt)
{
    // Echo off first (dropping anything typed before the question), then the question: whatever is
    // typed or pasted once it shows is kept. The other way round, a password pasted the moment the
    // prompt appeared could be thrown away as the echo went off, and the command waited on.
    termios saved{};
    const bool terminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    io.err << prompt;
    io.err.flush();
    std::string line;
    const bool read = bool(std::getline(std::cin, line));
    if (terminal)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    io.err << u'\n';
    io.err.flush();
    if (!read)
        return std::nullopt;
    return QString::fromStdString(line);
}

bool standardInputIsTerminal() { return ::isatty(STDIN_FILENO) == 1; }

QStringList StoreCommand::storeValueOptions() { return {u"--db"_s, u"--server"_s, u"--author"_s}; }

QString StoreCommand::storeOptionsHelp()
{
    return u"  --db FILE           the case file (default: %1).\n"
           u"  --server CONNINFO   a team server instead of a case file: a libpq connection string\n"
           u"                      (\"host=… dbname=… user=…\"), a postgresql:// URI, \"service=NAME\"\n"
           u"                      (pg_service.conf), or \"\" for libpq's PG* environment. The\n"
           u"                      password comes from ~/.pgpass or PGPASSWORD (docs/server.md).\n"
           u"  --author \"NAME (ROLE)\"\n"
           u"                      who is acting, as \"Name (Role)\" or \"Name (Role, Organisation)\";\n"
           u"                      default: the author saved by the Fairnote app. Commands that\n"
           u"                      change the file (or export from it) refuse without one. On a\n"
           u"                      team server you act as your login, so --author is not used.\n"_s
        .arg(store::defaultCaseFilePath());
}

bool StoreCommand::onServer(const ParsedArgs &p) { return p.values.contains(u"--server"_s); }

store::Actor StoreCommand::actingAs(const store::Actor &given) const { return m_sessionActor ? *m_sessionActor : given; }

QStringList StoreCommand::assessValueOptions() { return {u"--rules"_s, u"--dictionary"_s, u"--words"_s}; }
QStringList StoreCommand::assessFlagOptions() { return {u"--no-spelling"_s}; }

QString StoreCommand::assessOptionsHelp()
{
    return u"  --rules DIR         also load the organisation's rule pack in DIR (default: the\n"
           u"                      folder chosen in the app's settings, as for 'check').\n"
           u"  --no-spelling       leave spelling out of the assessment.\n"
           u"  --dictionary PATH   the Hunspell dictionary (as for 'check').\n"
           u"  --words FILE        the organisation's word list (as for 'check').\n"_s;
}

QString StoreCommand::dbPath(const ParsedArgs &p)
{
    const QString given = p.values.value(u"--db"_s);
    return given.isEmpty() ? store::defaultCaseFilePath() : given;
}

int StoreCommand::fail(CliIo &io, const QString &message) const
{
    io.err << u"fairnote-cli %1: error: %2\n"_s.arg(name(), message);
    io.err.flush();
    return ExitBadInput;
}

int StoreCommand::fail(CliIo &io, const store::StoreError &error) const { return fail(io, error.message); }

std::unique_ptr<store::Store> StoreCommand::open(const ParsedArgs &p, CliIo &io, Access access)
{
    if (onServer(p)) {
        if (p.values.contains(u"--db"_s)) {
            usageError(io, u"give --db FILE or --server CONNINFO, not both"_s);
            return nullptr;
        }
        if (access == Access::Create) {
            fail(io, u"a team server is not made by this command: a superuser sets it up once with 'fairnote-cli server init' "
                     u"(docs/server.md)."_s);
            return nullptr;
        }
        store::postgres::ServerOpenOptions options;
        options.readOnly = access == Access::Read;
        if (p.flags.contains(u"--training"_s)) // verify --training: a server of invented cases for a course
            options.kind = store::FileKind::Training;
        auto s = connectAskingPassword(io, [&](const std::optional<QString> &password) {
            options.password = password;
            return store::postgres::openServer(p.values.value(u"--server"_s), options);
        });
        if (!s) {
            fail(io, s.error());
            return nullptr;
        }
        if (const auto session = store::postgres::sessionOf(**s))
            m_sessionActor = session->actor;
        return std::move(*s);
    }
    const QString path = dbPath(p);
    store::OpenOptions options;
    options.create = access == Access::Create ? store::OpenOptions::Create::IfMissing : store::OpenOptions::Create::No;
    options.readOnly = access == Access::Read;
    // One writer per case file: a file the app has open for writing is not changed under it.
    if (access != Access::Read)
        if (const auto holder = store::WriterLock::holder(path)) {
            fail(io, u"%1 is open for writing in %2, so this command does not change it: the two would save over each other. "
                     u"Close the file there first, then run the command again."_s
                         .arg(path, holder->describe()));
            return nullptr;
        }
    auto s = store::openStore(path, options);
    if (!s) {
        fail(io, s.error());
        if (s.error().code == store::ErrorCode::NotFound && !QFileInfo(path).isDir())
            io.err << u"Create it with: fairnote-cli init --db %1\n"_s.arg(path);
        io.err.flush();
        return nullptr;
    }
    if (access != Access::Read && (*s)->isReadOnly()) {
        fail(io, u"%1 can only be read (%2), so this command cannot change it. Ask whoever looks after the file for write access, or work on a copy."_s
                     .arg(path, (*s)->readOnlyReason()));
        return nullptr;
    }
    return std::move(*s);
}

store::Actor StoreCommand::viewer(const ParsedArgs &p)
{
    if (auto a = store::parseActor(p.values.value(u"--author"_s)))
        return *a;
    return savedSettings().author;
}

std::optional<store::Actor> StoreCommand::author(const ParsedArgs &p, CliIo &io) const
{
    if (onServer(p)) {
        if (p.values.contains(u"--author"_s)) {
            usageError(io, u"on a team server you act as your own login, and the record is signed with your staff record: "
                           u"--author is only for a case file"_s);
            return std::nullopt;
        }
        return store::Actor{u"(the server login)"_s, {}, {}}; // the server signs with the login's staff record
    }
    if (p.values.contains(u"--author"_s)) {
        auto a = store::parseActor(p.values.value(u"--author"_s));
        if (!a) {
            usageError(io, u"--author needs a name, as \"Name (Role)\" or \"Name (Role, Organisation)\""_s);
            return std::nullopt;
        }
        return a;
    }
    const store::Actor saved = viewer(p);
    if (saved.name.isEmpty()) {
        fail(io, u"this command changes the case file, and every change is signed by its author. Give yours with "
                 u"--author \"Your Name (Your role)\", or set it once in the Fairnote app (it asks on first start)."_s);
        return std::nullopt;
    }
    return saved;
}

bool StoreCommand::useAssessor(store::Store &s, const ParsedArgs &p, CliIo &io)
{
    // Kept alive by the assessor's checks, which hold shared pointers.
    std::shared_ptr<const wording::Checker> checker(loadChecker(rulesDirOf(p), io).release());
    if (!checker)
        return false;
    store::NamedTextCheck spellingCheck;
    if (std::shared_ptr<spelling::SpellChecker> speller(spellCheckerFor(p, io).release()); speller)
        spellingCheck = [speller](QStringView text, std::vector<Finding> &out, const QStringList &names) { speller->check(text, 0, out, names); };
    auto standard = store::makeStandardAssessor(checker, spellingCheck);
    if (!standard) {
        fail(io, standard.error());
        return false;
    }
    m_assessor = standard->assessor;
    s.setAssessor(m_assessor);
    return true;
}

std::optional<QString> StoreCommand::personId(store::Store &s, const QString &idOrName, CliIo &io) const
{
    if (auto byId = s.person(idOrName); byId)
        return byId->id;
    auto named = s.peopleNamed(idOrName);
    if (!named) {
        fail(io, named.error());
        return std::nullopt;
    }
    if (named->empty()) {
        fail(io, u"nobody in %1 has the id or the name \"%2\". 'fairnote-cli people' lists everyone."_s.arg(s.location(), idOrName));
        return std::nullopt;
    }
    if (named->size() > 1) {
        fail(io, u"%1 people are called \"%2\"; give the id of the one you mean:"_s.arg(named->size()).arg(idOrName));
        for (const auto &person : *named)
            io.err << u"  %1  %2%3\n"_s.arg(person.id, person.name,
                                            person.dateOfBirth.isValid() ? u" (born %1)"_s.arg(person.dateOfBirth.toString(Qt::ISODate)) : QString());
        io.err.flush();
        return std::nullopt;
    }
    return named->front().id;
}

QHash<QString, QString> StoreCommand::leftReasons(const ParsedArgs &p, const store::Snapshot &preview)
{
    QHash<QString, QString> byCode;
    for (const QString &leave : p.all.value(u"--leave"_s)) {
        const qsizetype eq = leave.indexOf(u'=');
        if (eq > 0)
            byCode.insert(leave.left(eq).trimmed(), leave.mid(eq + 1).trimmed());
    }
    const QString all = p.values.value(u"--leave-all"_s).trimmed();
    QHash<QString, QString> out;
    for (const auto &prompt : preview.prompts) {
        const QString reason = byCode.value(prompt.code, all);
        if (!reason.isEmpty())
            out.insert(store::promptKey(prompt.code, prompt.field), reason);
    }
    return out;
}

void StoreCommand::printOpenPrompts(CliIo &io, const std::vector<store::SnapshotPrompt> &open, const QString &entryId) const
{
    io.out << u"Entry %1 was not finalised: %2 still open.\n"_s.arg(entryId, open.size() == 1 ? u"1 prompt is"_s
                                                                                           : u"%1 prompts are"_s.arg(open.size()));
    for (const auto &pr : open)
        io.out << u"  %1 [%2]: %3\n      ask: %4\n"_s.arg(pr.field, pr.code, pr.message, pr.question);
    io.out << u"Answer them in the entry, or give a reason for leaving each: --leave CODE=REASON (for every\n"
              u"prompt with that code) or --leave-all REASON.\n"_s;
}

} // namespace fairnote::cli
