// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Rule pack and spelling set-up, input reading and the progress bar for the CLI.
#include "common.h"

#include "io/atomicfile.h"
#include "io/outputstream.h"
#include "text/utf8.h"
#include "wording/rulepack.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

std::unique_ptr<wording::Checker> loadChecker(const QString &rulesDir, CliIo &io)
{
    auto pack = wording::loadRulePack(rulesDir);
    if (!pack) {
        for (const auto &p : pack.error())
            io.err << p.toString() << u'\n';
        const qsizetype n = pack.error().size();
        io.err << u"fairnote-cli: the rule pack has %1; nothing was checked. Fix what is named above%2.\n"_s
                      .arg(n == 1 ? u"1 problem"_s : u"%1 problems"_s.arg(n),
                           rulesDir.isEmpty() ? QString()
                                              : u", or leave out the organisation's rules in %1 (--rules, or the folder chosen in Fairnote's "
                                                u"settings)"_s.arg(rulesDir));
        io.err.flush();
        return nullptr;
    }
    return std::make_unique<wording::Checker>(std::move(*pack));
}

store::UserSettings savedSettings()
{
    return store::UserSettings::read(QSettings(QSettings::NativeFormat, QSettings::UserScope, store::kSettingsOrganisation,
                                               store::kSettingsApplication));
}

QString settingOr(const ParsedArgs &p, const QString &option, const QString &setting)
{
    return p.values.contains(option) ? p.values.value(option) : setting;
}

QString rulesDirOf(const ParsedArgs &p) { return settingOr(p, u"--rules"_s, savedSettings().organisationRules); }

std::unique_ptr<spelling::SpellChecker> spellCheckerFor(const ParsedArgs &p, CliIo &io, bool *off)
{
    const store::UserSettings settings = savedSettings();
    const bool on = !p.flags.contains(u"--no-spelling"_s) && settings.checkSpelling;
    if (off)
        *off = !on;
    if (!on)
        return nullptr;
    const QString words = p.values.value(u"--words"_s);
    if (p.values.contains(u"--dictionary"_s) || settings.dictionary.isEmpty())
        return openSpellChecker(p.values.value(u"--dictionary"_s), words, io);
    // The dictionary chosen in the app's Settings; like the app, the usual one when it cannot be used.
    QString ignored;
    QTextStream discard(&ignored);
    CliIo quiet{io.out, discard, io.errIsTerminal, io.outIsTerminal, io.openStdin};
    if (auto chosen = openSpellChecker(settings.dictionary, words, quiet))
        return chosen;
    io.err << u"fairnote-cli: warning: the dictionary chosen in Fairnote's settings (%1) could not be used; using the usual one.\n"_s
                  .arg(settings.dictionary);
    return openSpellChecker(QString(), words, io);
}

QString fairnoteDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/Fairnote/Fairnote"_s;
}

std::unique_ptr<spelling::SpellChecker> openSpellChecker(const QString &dictionary, const QString &wordList,
                                                         CliIo &io)
{
    spelling::SpellingOptions options;
    options.dictionaryPath = dictionary;
    options.searchDirs << fairnoteDataDir() + u"/dictionaries"_s;
    if (QCoreApplication::instance()) // an installed copy may ship dictionaries beside itself
        options.searchDirs << QDir::cleanPath(QCoreApplication::applicationDirPath() + u"/../share/fairnote/dictionaries"_s);
    if (!wordList.isEmpty())
        options.extraWordLists << wordList;
    options.personalListPath = fairnoteDataDir() + u"/personal-words.txt"_s;
    auto speller = spelling::SpellChecker::open(options);
    if (!speller) {
        const auto &why = speller.error();
        io.err << u"fairnote-cli check: spelling was not checked: %1. Install the Debian package %2 (sudo apt install %2), "
                  u"or pass --dictionary PATH (a Hunspell .dic file with its .aff beside it). Checking the wording without it.\n"_s
                      .arg(why.problem, why.package);
        io.err.flush();
        return nullptr;
    }
    for (const QString &w : (*speller)->warnings())
        io.err << u"fairnote-cli check: warning: %1\n"_s.arg(w);
    io.err.flush();
    return std::move(*speller);
}

std::optional<io::Input> openInput(const QString &path, qint64 limit, const QString &what, CliIo &io, QString &error)
{
    io::ReadOptions options{limit, what, [&io](const QString &message) {
                                io.err << u"fairnote-cli: "_s << message << u'\n';
                                io.err.flush();
                            }};
    if (path == u"-") {
        if (!io.openStdin) {
            error = u"standard input cannot be read here"_s;
            return std::nullopt;
        }
        return io.openStdin(options);
    }
    auto in = io::Input::open(path, options);
    if (!in) {
        error = in.error().problem == io::IoProblem::IsFolder ? u"is a folder; give the files inside it"_s : in.error().message();
        return std::nullopt;
    }
    return std::move(*in);
}

std::optional<QByteArray> readInput(const QString &path, qint64 limit, const QString &what, CliIo &io, QString &error)
{
    auto in = openInput(path, limit, what, io, error);
    if (!in)
        return std::nullopt;
    auto bytes = in->readAll();
    if (!bytes) {
        error = bytes.error().message();
        return std::nullopt;
    }
    return std::move(*bytes);
}

std::optional<QString> readTextInput(const QString &path, CliIo &io, QString &error)
{
    const auto bytes = readInput(path, kMaxNoteBytes, u"a note"_s, io, error);
    if (!bytes)
        return std::nullopt;
    auto text = text::decodeUtf8(*bytes);
    if (!text) {
        error = text.error().describe() + u"; save the file as UTF-8 and try again"_s;
        return std::nullopt;
    }
    return *text;
}

std::optional<io::IoError> finishStandardOutput(CliIo &io)
{
    io.out.flush();
    if (auto *device = io::OutputStream::of(io.out.device()))
        return device->sync();
    return std::nullopt; // captured in memory (tests): nothing can fail
}

std::optional<io::IoError> writeToStandardOutput(CliIo &io, const QByteArray &bytes)
{
    io.out.flush();
    if (QIODevice *device = io.out.device()) {
        device->write(bytes); // the bytes as they are: no round trip through QString for a large export
    } else {
        io.out << QString::fromUtf8(bytes);
    }
    return finishStandardOutput(io);
}

bool writeOutput(CliIo &io, const QString &command, const QString &path, const QByteArray &bytes)
{
    const auto problem = path.isEmpty() ? writeToStandardOutput(io, bytes) : io::writeFileAtomically(path, bytes);
    if (!problem)
        return true;
    io.err << u"fairnote-cli %1: error: %2\n"_s.arg(command, problem->message());
    io.err.flush();
    return false;
}

Progress::Progress(CliIo &io, QString label, qint64 total) : m_io(io), m_label(std::move(label)), m_total(total)
{
    m_timer.start();
}

Progress::~Progress()
{
    if (m_drawn) {
        m_io.err << u"\r\x1b[2K"_s; // erase the bar
        m_io.err.flush();
    }
}

void Progress::update(qint64 done)
{
    if (!m_io.errIsTerminal || m_total <= 0)
        return;
    const qint64 elapsed = m_timer.elapsed();
    if (elapsed < 1000 || elapsed - m_lastDraw < 100)
        return;
    m_lastDraw = elapsed;
    m_drawn = true;
    constexpr int width = 30;
    const double frac = std::clamp(double(done) / double(m_total), 0.0, 1.0);
    const int filled = int(frac * width);
    m_io.err << u"\r%1 ["_s.arg(m_label) << QString(filled, u'#') << QString(width - filled, u'-')
             << u"] %1%"_s.arg(int(frac * 100), 3);
    m_io.err.flush();
}

} // namespace fairnote::cli
