// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Dictionary discovery: explicit path first, then the caller's directories, then the system's.
#include "spelling/dictionarylocator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace fairnote::spelling {

namespace {

// Empty when the pair is usable; otherwise why not.
QString checkPair(const DictionaryFiles &f)
{
    for (const QString &p : {f.affPath, f.dicPath}) {
        const QFileInfo info(p);
        if (!info.exists())
            return u"%1 does not exist"_s.arg(p);
        if (!info.isFile())
            return u"%1 is not a file"_s.arg(p);
    }
    QFile aff(f.affPath);
    if (!aff.open(QIODevice::ReadOnly))
        return u"%1 cannot be read (%2)"_s.arg(f.affPath, aff.errorString());
    QFile dic(f.dicPath);
    if (!dic.open(QIODevice::ReadOnly))
        return u"%1 cannot be read (%2)"_s.arg(f.dicPath, dic.errorString());
    // Hunspell needs the word count on the first line; without it, it would load nothing and reject
    // every word, which is worse than saying the dictionary is broken.
    QByteArray first = dic.readLine(64).trimmed();
    if (first.startsWith("\xEF\xBB\xBF"))
        first.remove(0, 3);
    bool ok = false;
    first.toLong(&ok);
    if (!ok)
        return u"%1 is not a Hunspell dictionary (its first line should be the number of words)"_s.arg(f.dicPath);
    return {};
}

DictionaryFiles pairIn(const QString &dir, const QString &language)
{
    const QDir d(dir);
    return {d.filePath(language + u".aff"_s), d.filePath(language + u".dic"_s)};
}

} // namespace

QString SpellingUnavailable::message() const
{
    QString m = problem;
    if (!m.endsWith(u'.'))
        m += u'.';
    m += u" Install the Debian package %1 (sudo apt install %1), or choose a Hunspell dictionary (.dic with its "
         u".aff beside it)."_s.arg(package.isEmpty() ? u"hunspell-en-gb"_s : package);
    return m;
}

QStringList systemDictionaryDirs()
{
    return {u"/usr/share/hunspell"_s, u"/usr/local/share/hunspell"_s, u"/usr/share/myspell"_s,
            u"/usr/share/myspell/dicts"_s};
}

QString dictionaryPackage(const QString &language)
{
    return u"hunspell-"_s + language.toLower().replace(u'_', u'-');
}

Result<DictionaryFiles, SpellingUnavailable> locateDictionary(const QString &language, const QString &explicitPath,
                                                              const QStringList &searchDirs,
                                                              SystemDictionaries system)
{
    SpellingUnavailable fail;
    fail.package = dictionaryPackage(language);

    if (!explicitPath.isEmpty()) {
        const QFileInfo info(explicitPath);
        DictionaryFiles files;
        if (info.isDir()) {
            files = pairIn(explicitPath, language);
        } else if (explicitPath.endsWith(u".dic"_s) || explicitPath.endsWith(u".aff"_s)) {
            const QString base = explicitPath.chopped(4);
            files = {base + u".aff"_s, base + u".dic"_s};
        } else {
            fail.searched << explicitPath;
            fail.problem = info.exists()
                ? u"the dictionary %1 is neither a .dic or .aff file nor a directory"_s.arg(explicitPath)
                : u"the dictionary %1 does not exist"_s.arg(explicitPath);
            return fail;
        }
        fail.searched << files.dicPath << files.affPath;
        if (!info.exists()) {
            fail.problem = u"the dictionary %1 does not exist"_s.arg(explicitPath);
            return fail;
        }
        if (const QString why = checkPair(files); !why.isEmpty()) {
            fail.problem = u"the dictionary %1 cannot be used: %2"_s.arg(explicitPath, why);
            return fail;
        }
        return files;
    }

    QStringList dirs = searchDirs;
    if (system == SystemDictionaries::Search)
        dirs << systemDictionaryDirs();
    dirs.removeDuplicates();
    QStringList broken;
    for (const QString &dir : std::as_const(dirs)) {
        if (dir.isEmpty())
            continue;
        const DictionaryFiles files = pairIn(dir, language);
        fail.searched << dir;
        if (!QFileInfo::exists(files.dicPath) && !QFileInfo::exists(files.affPath))
            continue;
        if (const QString why = checkPair(files); !why.isEmpty()) {
            broken << why; // a broken copy is reported, and the search goes on
            continue;
        }
        return files;
    }
    fail.problem = u"no %1 Hunspell dictionary (%1.dic and %1.aff) was found in %2"_s.arg(
        language, fail.searched.isEmpty() ? u"any directory (none was given)"_s : fail.searched.join(u", "_s));
    if (!broken.isEmpty())
        fail.problem += u" that could be used (%1)"_s.arg(broken.join(u"; "_s));
    return fail;
}

} // namespace fairnote::spelling
