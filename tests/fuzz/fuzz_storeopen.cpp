// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the store's open path on damaged files. The input is a list of patches to a valid case file
// (made once per process): each 4 bytes set one byte — three give the offset (the top bit keeps it in
// SQLite's 100-byte header, where user_version and application_id live), one the value; a last odd byte
// cuts the file short. The damaged file must be opened or refused with a message, and, when opened,
// listed and verified; never a crash, whatever the header says.
#include "store/store.h"
#include "store/sqlite/open.h"

#include <QFile>
#include <QTemporaryDir>
#include <cstdlib>

using namespace fairnote;

namespace {

const store::Actor kActor{QStringLiteral("Fuzz Tester"), QStringLiteral("Support worker"), {}};

QByteArray validCaseFile(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("base.db"));
    {
        store::OpenOptions o;
        o.create = store::OpenOptions::Create::IfMissing;
        auto s = store::openStore(path, o);
        if (!s)
            std::abort();
        auto person = (*s)->addPerson(record::Person{{}, QStringLiteral("Sam Rivers"), {}, {}}, kActor);
        if (!person)
            std::abort();
        for (int i = 0; i < 3; ++i) {
            record::Entry e;
            e.eventDate.precision = record::DatePrecision::Unknown;
            e.body = record::GeneralNote{QStringLiteral("A note about the fire alarm, number %1.").arg(i)};
            auto id = (*s)->saveDraft(person->id, e, kActor);
            if (!id || !(*s)->finalise(*id, kActor, {}))
                std::abort();
        }
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        std::abort();
    return f.readAll();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    static const QByteArray base = validCaseFile(dir);
    QByteArray file = base;
    size_t i = 0;
    for (; i + 4 <= size; i += 4) {
        const quint32 at = (quint32(data[i]) << 16) | (quint32(data[i + 1]) << 8) | data[i + 2];
        const qsizetype offset = (at & 0x800000) ? qsizetype(at % 100) : qsizetype(at % quint32(file.size()));
        file[offset] = char(data[i + 3]);
    }
    if (i < size)
        file.truncate(qsizetype(data[i]) * file.size() / 256);
    const QString path = dir.filePath(QStringLiteral("damaged.db"));
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QString::fromLatin1(suffix));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(file) != file.size())
            std::abort();
    }
    auto s = store::openStore(path, {});
    if (!s) {
        if (s.error().message.isEmpty())
            std::abort();
        return 0;
    }
    (void)(*s)->people(kActor);
    (void)(*s)->entries({}, kActor);
    (void)(*s)->verify({});
    return 0;
}
