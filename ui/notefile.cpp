// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Strict UTF-8 in (through core's decoder, which reports where bad bytes start), UTF-8 out.
#include "notefile.h"

#include "text/utf8.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("fairnote::ui::NoteFile", text); }
} // namespace

std::optional<NoteFile::Contents> NoteFile::read(const QString &path, QString *error)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists()) {
        *error = tr("“%1” was not found. Check the name and the folder.").arg(path);
        return std::nullopt;
    }
    if (info.isDir()) {
        *error = tr("“%1” is a folder. Choose a text file inside it.").arg(path);
        return std::nullopt;
    }
    if (info.size() > kMaxBytes) {
        *error = tr("“%1” is %2 MB, which is too large for a case note. Open a single note.")
                     .arg(name)
                     .arg(info.size() / (1024 * 1024));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("“%1” could not be opened (%2). Check that you are allowed to read it.").arg(name, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = tr("“%1” could not be read to the end (%2).").arg(name, file.errorString());
        return std::nullopt;
    }
    auto decoded = text::decodeUtf8(bytes);
    if (!decoded) {
        *error = tr("“%1” is not plain UTF-8 text: %2. Save it as UTF-8 (in most editors: Save As, then "
                    "choose the UTF-8 encoding) and open it again.")
                     .arg(name, decoded.error().describe());
        return std::nullopt;
    }
    Contents out;
    out.text = std::move(*decoded);
    out.crlf = out.text.contains(u"\r\n"_s);
    out.text.replace(u"\r\n"_s, u"\n"_s);
    out.text.replace(u'\r', u'\n');
    return out;
}

bool NoteFile::write(const QString &path, const QString &text, bool crlf, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("“%1” could not be written (%2). Choose another folder or name.").arg(path, file.errorString());
        return false;
    }
    QString out = text;
    if (crlf)
        out.replace(u"\n"_s, u"\r\n"_s);
    file.write(out.toUtf8());
    if (!file.commit()) {
        *error = tr("“%1” could not be saved (%2). The note is still open; try another folder.").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace fairnote::ui
