// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The interchange format read strictly and streamed: a doubled member is refused with its JSON path; a
// whole-file export larger than one case file's limit is read as it comes; writing one case file at a
// time gives exactly the bytes of writing them all at once.
#include "io/input.h"
#include "record/interchange.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace fairnote;

namespace {

QByteArray example(const char *name)
{
    QFile f(QStringLiteral(FAIRNOTE_SOURCE_DIR "/docs/examples/") + QString::fromLatin1(name));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

record::CaseFile exampleCaseFile(const char *name)
{
    auto cf = record::readInterchange(example(name));
    REQUIRE(cf);
    return *cf;
}

// `count` copies of the complete example, each person and entry with ids of its own.
std::vector<record::CaseFile> manyCaseFiles(int count)
{
    const record::CaseFile one = exampleCaseFile("incident-complete.json");
    std::vector<record::CaseFile> out;
    for (int i = 0; i < count; ++i) {
        record::CaseFile cf = one;
        cf.person.id = u"person-%1"_s.arg(i);
        for (auto &e : cf.entries)
            e.id = u"%1-%2"_s.arg(e.id).arg(i);
        out.push_back(cf);
    }
    return out;
}

} // namespace

TEST_CASE("a member given twice in a case file is refused with its JSON path, not silently dropped", "[interchange][json]")
{
    QByteArray doc = example("incident-complete.json");
    const qsizetype at = doc.indexOf("\"what_happened\"");
    REQUIRE(at > 0);
    doc.insert(at, "\"what_happened\": \"A second, different account of what happened.\",\n                ");
    const auto r = record::readInterchange(doc);
    REQUIRE_FALSE(r);
    REQUIRE(r.error().size() == 1);
    CHECK(r.error().front().path == u"/entries/0/incident/what_happened"_s);
    CHECK(r.error().front().message.contains(u"member \"what_happened\" appears twice in the same object"_s));
    CHECK(r.error().front().toString().startsWith(u"/entries/0/incident/what_happened: line "_s));
    // The same inside a whole-file export, read as import reads it.
    QByteArray collection = record::writeCaseFiles(manyCaseFiles(3));
    collection.replace("\"format\": \"fairnote-case-file\",", "\"format\": \"fairnote-case-file\", \"format\": \"x\",");
    auto input = io::Input::fromBytes(collection, u"all.json"_s, {record::kMaxCaseFilesBytes, u"a whole-file export"_s, {}});
    const auto streamed = record::readCaseFiles(input);
    REQUIRE_FALSE(streamed);
    CHECK(streamed.error().front().path == u"/case_files/0/format"_s);
}

TEST_CASE("writing a whole-file export one case file at a time gives the bytes QJsonDocument gives", "[interchange]")
{
    for (const int count : {0, 1, 3}) {
        const auto files = manyCaseFiles(count);
        QJsonArray list;
        for (const auto &cf : files)
            list.append(QJsonDocument::fromJson(record::writeInterchange(cf)).object());
        const QJsonObject root{{u"format"_s, u"fairnote-case-files"_s}, {u"version"_s, 1}, {u"case_files"_s, list}};
        INFO(count << " case files");
        CHECK(record::writeCaseFiles(files) == QJsonDocument(root).toJson(QJsonDocument::Indented));
    }
    // A sink that fails stops the writing.
    std::size_t at = 0, calls = 0;
    const auto files = manyCaseFiles(3);
    CHECK_FALSE(record::writeCaseFiles([&]() -> std::optional<record::CaseFile> { return at < files.size() ? std::optional(files[at++]) : std::nullopt; },
                                       [&](QByteArrayView) { return ++calls < 3; }));
    CHECK(calls == 3);
}

TEST_CASE("a whole-file export larger than one case file's limit is read as it comes, and round-trips", "[interchange][stream]")
{
    // About 20 MB: more than the 16 MB of one case file, which import used to refuse.
    const auto files = manyCaseFiles(3500);
    const QByteArray bytes = record::writeCaseFiles(files);
    REQUIRE(bytes.size() > record::kMaxInterchangeBytes);
    auto input = io::Input::fromBytes(bytes, u"all.json"_s, {record::kMaxCaseFilesBytes, u"a whole-file export"_s, {}});
    qint64 lastProgress = 0;
    const auto read = record::readCaseFiles(input, [&](qint64 done) { lastProgress = done; });
    REQUIRE(read);
    CHECK(read->size() == files.size());
    CHECK(*read == files);
    CHECK(lastProgress > bytes.size() - 1000);
    // Past the input's limit, reading stops with the input's error.
    auto small = io::Input::fromBytes(bytes, u"all.json"_s, {1024 * 1024, u"a whole-file export"_s, {}});
    const auto refused = record::readCaseFiles(small);
    REQUIRE_FALSE(refused);
    REQUIRE(refused.error().front().io);
    CHECK(refused.error().front().io->problem == io::IoProblem::TooLarge);
}
