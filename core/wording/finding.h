// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Finding: one piece of wording worth a second look, as every checker (wording, spelling) reports it.
#pragma once

#include <QString>
#include <QStringList>

namespace fairnote {

enum class Severity : quint8 { Info, Warning, Error };

enum class Category : quint8 {
    Label,
    Judgement,
    VagueHistory,
    Slang,
    Speculation,
    ReportingVerb,
    Medicalising,
    Overgeneralisation,
    Intensifier,
    Jargon,
    Refusal,
    Identity,
    Legal,
    Vague,
    Spelling,
};

// Stable ids used in rule packs and JSON output ("label", "vague-history", …).
QString categoryId(Category c);
// Human-readable names ("Labels that define a person").
QString categoryTitle(Category c);
bool categoryFromId(QStringView id, Category *out);
QString severityId(Severity s);
bool severityFromId(QStringView id, Severity *out);

// Offsets are UTF-16 code units into the checked text (QString indices), so the editor can map a
// finding onto its QTextDocument without conversion.
struct Finding
{
    qsizetype offset = 0;
    qsizetype length = 0;
    QString ruleId;
    Category category = Category::Judgement;
    Severity severity = Severity::Warning;
    QString message;        // one line
    QString why;            // one or two sentences
    QStringList suggestions; // factual alternatives; [brackets] mark what to fill in
    QString question;       // the question to answer instead, may be empty
    QString source;         // "Title, Publisher, Year. URL"

    friend bool operator==(const Finding &, const Finding &) = default;
};

} // namespace fairnote
