// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-cli schema: the JSON Schemas Fairnote documents, printed from the embedded copies.
#include "schemacommand.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace fairnote::cli {

namespace {
struct SchemaInfo { QString name; QString resource; QString what; };
const std::vector<SchemaInfo> kSchemas{
    {u"interchange"_s, u":/fairnote/schema/interchange.schema.json"_s, u"case files: the interchange JSON (docs/interchange.md); the default"_s},
    {u"rule-pack"_s, u":/fairnote/schema/rule-pack.schema.json"_s, u"rule pack files (docs/rule-pack.md)"_s},
    {u"exercise"_s, u":/fairnote/schema/exercise.schema.json"_s, u"trainer-mode exercise files (docs/training.md)"_s},
};
} // namespace

QString SchemaCommand::name() const { return u"schema"_s; }
QString SchemaCommand::summary() const { return u"print a JSON Schema (interchange, rule-pack, exercise)"_s; }

QString SchemaCommand::help() const
{
    QString s = u"Usage: fairnote-cli schema [NAME]\n\n"
                u"Prints a JSON Schema (draft 2020-12) that Fairnote documents. NAME is one of\n"
                u"(default: interchange):\n"_s;
    for (const auto &i : kSchemas)
        s += u"  %1%2\n"_s.arg(i.name.leftJustified(12), i.what);
    s += u"\nOptions:\n"
         u"  -h, --help  show this help.\n\n"
         u"Exit status: 0 the schema was printed, 2 bad usage (an unknown option or\n"
         u"schema name, or more than one NAME).\n"_s;
    return s;
}

int SchemaCommand::execute(const QStringList &args, CliIo &io)
{
    ParsedArgs p;
    if (const auto done = parse(args, {}, {}, io, p))
        return *done;
    if (p.positional.size() > 1)
        return usageError(io, u"give at most one schema NAME (interchange, rule-pack, exercise)"_s);
    const QString wanted = p.positional.isEmpty() ? u"interchange"_s : p.positional.front();
    for (const auto &i : kSchemas) {
        if (i.name == wanted) {
            QFile f(i.resource);
            if (!f.open(QIODevice::ReadOnly))
                return usageError(io, u"the embedded schema is missing (a build problem)"_s);
            io.out << QString::fromUtf8(f.readAll());
            return ExitOk;
        }
    }
    return usageError(io, u"unknown schema '%1' (interchange, rule-pack, exercise)"_s.arg(wanted));
}

} // namespace fairnote::cli
