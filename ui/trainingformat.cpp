// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Outcome symbols, words and colours; spot-the-problem formats; comparison washes.
#include "trainingformat.h"

#include <QCoreApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

bool isDark(const QPalette &p) { return p.color(QPalette::Base).lightness() < 128; }

QString tr(const char *text) { return QCoreApplication::translate("fairnote::ui::TrainingFormat", text); }

QColor mix(const QColor &a, const QColor &b, double amount)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amount), float(a.greenF() + (b.greenF() - a.greenF()) * amount),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

QColor wash(const QPalette &p, const QColor &light, const QColor &dark)
{
    return isDark(p) ? mix(p.color(QPalette::Base), dark, 0.45) : mix(p.color(QPalette::Base), light, 0.32);
}

} // namespace

QString outcomeSymbol(Outcome o)
{
    switch (o) {
    case Outcome::Right: return u"✓"_s;
    case Outcome::Partly: return u"◐"_s;
    case Outcome::Wrong: return u"✗"_s;
    case Outcome::Deducted: return u"−"_s;
    case Outcome::Info: return u"•"_s;
    }
    return {};
}

QString outcomeWord(Outcome o)
{
    switch (o) {
    case Outcome::Right: return tr("Right");
    case Outcome::Partly: return tr("Partly");
    case Outcome::Wrong: return tr("Not yet");
    case Outcome::Deducted: return tr("Points taken off");
    case Outcome::Info: return tr("No points either way");
    }
    return {};
}

QColor outcomeColour(Outcome o, const QPalette &p)
{
    const bool dark = isDark(p);
    switch (o) {
    case Outcome::Right: return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case Outcome::Partly: return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x5e, 0x00);
    case Outcome::Wrong: return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    case Outcome::Deducted: return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    case Outcome::Info: return p.color(QPalette::PlaceholderText);
    }
    return p.color(QPalette::Text);
}

QString outcomeHtml(Outcome o, const QPalette &p)
{
    return u"<b><span style=\"color:%1\">%2</span></b>"_s.arg(outcomeColour(o, p).name(), outcomeSymbol(o));
}

QTextCharFormat markFormat(const QPalette &p)
{
    QTextCharFormat f;
    f.setBackground(wash(p, QColor(0xff, 0xe0, 0x4d), QColor(0x8d, 0x7a, 0x14)));
    f.setUnderlineStyle(QTextCharFormat::SingleUnderline);
    f.setUnderlineColor(p.color(QPalette::Text));
    return f;
}

QTextCharFormat spotFormat(SpotState state, const QPalette &p)
{
    QTextCharFormat f;
    switch (state) {
    case SpotState::Found:
        f.setBackground(wash(p, QColor(0x81, 0xc7, 0x84), QColor(0x2e, 0x7d, 0x32)));
        f.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        f.setUnderlineColor(outcomeColour(Outcome::Right, p));
        break;
    case SpotState::Partly:
        f.setBackground(wash(p, QColor(0xff, 0xc1, 0x07), QColor(0xb2, 0x5e, 0x00)));
        f.setUnderlineStyle(QTextCharFormat::DashUnderline);
        f.setUnderlineColor(outcomeColour(Outcome::Partly, p));
        break;
    case SpotState::Missed:
        f.setBackground(wash(p, QColor(0xf4, 0x9a, 0x9a), QColor(0x8b, 0x1a, 0x1a)));
        f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        f.setUnderlineColor(outcomeColour(Outcome::Wrong, p));
        break;
    case SpotState::Stray:
        f.setBackground(wash(p, QColor(0xbd, 0xbd, 0xbd), QColor(0x61, 0x61, 0x61)));
        f.setUnderlineStyle(QTextCharFormat::DotLine);
        f.setUnderlineColor(p.color(QPalette::Text));
        break;
    }
    return f;
}

QString spotLegend()
{
    return tr("Solid underline: found · dashed: partly found · wavy: not marked · dotted: marked, but fine as it is");
}

QString differentWash(const QPalette &p) { return wash(p, QColor(0xff, 0xc1, 0x07), QColor(0xff, 0xb7, 0x4d)).name(); }
QString yoursOnlyWash(const QPalette &p) { return wash(p, QColor(0xff, 0xab, 0x40), QColor(0xb2, 0x5e, 0x00)).name(); }
QString modelOnlyWash(const QPalette &p) { return wash(p, QColor(0x66, 0xbb, 0x6a), QColor(0x2e, 0x7d, 0x32)).name(); }
QString sectionWash(const QPalette &p) { return mix(p.color(QPalette::Base), p.color(QPalette::Text), 0.08).name(); }
QString dimInk(const QPalette &p) { return mix(p.color(QPalette::Base), p.color(QPalette::Text), 0.6).name(); }

} // namespace fairnote::ui
