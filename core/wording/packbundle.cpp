// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Rule pack bundles: a directory's .json files in one JSON file, checked on the way out and on the way in.
#include "wording/packbundle.h"

#include "text/utf8.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace fairnote::wording {

namespace {

const QString kBundleKind = u"fairnote-rule-pack-bundle"_s;

struct BundleFile { QString name; QByteArray bytes; };

Result<std::vector<BundleFile>, PackProblems> parseBundle(const QByteArray &bundle, const QString &name)
{
    auto fail = [&](const QString &message) { return PackProblems{{name, 0, 0, message}}; };
    if (!text::decodeUtf8(bundle))
        return fail(u"is not UTF-8 text, so it is not a rule pack bundle"_s);
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bundle, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject() || doc.object().value(u"kind"_s).toString() != kBundleKind)
        return fail(u"is not a rule pack bundle (made by fairnote-cli rules export or Settings › Organisation rules › Export)"_s);
    const QJsonObject root = doc.object();
    if (root.value(u"version"_s) != QJsonValue(1))
        return fail(u"is a bundle of a newer version than this Fairnote reads (version 1)"_s);
    static const QRegularExpression safeName(u"^[A-Za-z0-9][A-Za-z0-9._-]*\\.json$"_s);
    std::vector<BundleFile> files;
    QStringList seen;
    for (const QJsonValue &v : root.value(u"files"_s).toArray()) {
        const QString fileName = v.toObject().value(u"name"_s).toString();
        if (!safeName.match(fileName).hasMatch())
            return fail(u"holds a file named “%1”; a pack's files are plain names ending in .json"_s.arg(fileName));
        if (seen.contains(fileName))
            return fail(u"holds “%1” twice"_s.arg(fileName));
        seen << fileName;
        files.push_back({fileName, v.toObject().value(u"text"_s).toString().toUtf8()});
    }
    if (files.empty())
        return fail(u"holds no rule files"_s);
    return files;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

// Writes the files into `dir` and checks that they load over the built-in pack.
Result<QStringList, PackProblems> writeAndCheck(const std::vector<BundleFile> &files, const QString &dir)
{
    QStringList names;
    for (const BundleFile &f : files) {
        QString error;
        if (!writeFile(QDir(dir).filePath(f.name), f.bytes, &error))
            return PackProblems{{QDir(dir).filePath(f.name), 0, 0, u"cannot be written: %1"_s.arg(error)}};
        names << f.name;
    }
    if (auto pack = loadRulePack(dir); !pack)
        return pack.error();
    return names;
}

} // namespace

Result<QByteArray, PackProblems> bundlePack(const QString &dir)
{
    if (auto pack = loadRulePack(dir); !pack)
        return pack.error();
    QJsonArray files;
    const QDir d(dir);
    for (const QString &name : d.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QFile f(d.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return PackProblems{{d.filePath(name), 0, 0, u"cannot be read: %1"_s.arg(f.errorString())}};
        files.append(QJsonObject{{u"name"_s, name}, {u"text"_s, QString::fromUtf8(f.readAll())}});
    }
    QJsonObject root{{u"kind"_s, kBundleKind}, {u"version"_s, 1}, {u"files"_s, files}};
    if (auto info = readPackDirectory(dir); info && !info->info.isEmpty()) {
        root.insert(u"title"_s, info->info.title);
        root.insert(u"pack_version"_s, info->info.version);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QString, PackProblems> readBundleInto(const QByteArray &bundle, const QString &bundleName, const QString &tempDir)
{
    auto files = parseBundle(bundle, bundleName);
    if (!files)
        return files.error();
    for (const BundleFile &f : *files) {
        QString error;
        if (!writeFile(QDir(tempDir).filePath(f.name), f.bytes, &error))
            return PackProblems{{tempDir, 0, 0, u"cannot write a temporary copy: %1"_s.arg(error)}};
    }
    return tempDir;
}

Result<QStringList, PackProblems> unbundlePack(const QByteArray &bundle, const QString &bundleName, const QString &dir)
{
    auto files = parseBundle(bundle, bundleName);
    if (!files)
        return files.error();
    const QFileInfo target(dir);
    if (target.exists() && (!target.isDir() || !QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot)))
        return PackProblems{{dir, 0, 0,
                             u"already exists and is not an empty folder; import into a new folder, so the pack there is not mixed "
                             u"with this one"_s}};
    const QString parent = target.absolutePath();
    if (!QDir().mkpath(parent))
        return PackProblems{{parent, 0, 0, u"the folder cannot be created"_s}};
    // Written and checked in a temporary folder beside the target, then renamed: whole or absent.
    QTemporaryDir temp(parent + u"/.fairnote-import-XXXXXX"_s);
    if (!temp.isValid())
        return PackProblems{{parent, 0, 0, u"cannot write here: %1"_s.arg(temp.errorString())}};
    auto written = writeAndCheck(*files, temp.path());
    if (!written) {
        // Name the problems after the bundle's files, not the temporary folder.
        PackProblems problems = written.error();
        for (PackProblem &p : problems)
            p.file.replace(temp.path(), bundleName);
        return problems;
    }
    if (target.exists())
        QDir().rmdir(dir);
    if (!QDir().rename(temp.path(), dir))
        return PackProblems{{dir, 0, 0, u"cannot be created (check the folder's permissions)"_s}};
    temp.setAutoRemove(false);
    return *written;
}

} // namespace fairnote::wording
