// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Strict UTF-8 in (through core's decoder, which reports where bad bytes start), UTF-8 out.
#include "notefile.h"

#include "io/atomicfile.h"
#include "io/input.h"
#include "text/utf8.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

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
    // Bounded while it is read: a named pipe or a device chosen by mistake cannot fill the memory.
    auto read = io::readFile(path, {kMaxBytes, tr("a note"), {}});
    if (!read) {
        const io::IoError &e = read.error();
        if (e.problem == io::IoProblem::TooLarge)
            *error = tr("“%1” is larger than %2 MB, which is too large for a case note. Open a single note.")
                         .arg(name)
                         .arg(kMaxBytes / (1024 * 1024));
        else if (e.operation == io::Operation::Open)
            *error = tr("“%1” could not be opened (%2). Check that you are allowed to read it.").arg(name, e.message());
        else
            *error = tr("“%1” could not be read to the end (%2).").arg(name, e.message());
        return std::nullopt;
    }
    const QByteArray &bytes = *read;
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
    QString out = text;
    if (crlf)
        out.replace(u"\n"_s, u"\r\n"_s);
    // Whole or not at all, owner-only (core/io): a note is personal data.
    if (const auto failed = io::writeFileAtomically(path, out.toUtf8())) {
        *error = failed->message() + u' ' + tr("The note is still open.");
        return false;
    }
    return true;
}

} // namespace fairnote::ui
