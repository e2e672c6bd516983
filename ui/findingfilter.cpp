// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The worker's hide choices, and keeping ignored occurrences on their words while editing.
#include "findingfilter.h"

#include "store/settings.h"

#include <QSettings>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {
const QString kDisabledKey = store::settingsKey::disabledRules;
}

FindingFilter::FindingFilter(QSettings *settings, QObject *parent) : QObject(parent), m_settings(settings)
{
    if (m_settings) {
        const QStringList ids = m_settings->value(kDisabledKey).toStringList();
        m_disabled = QSet<QString>(ids.begin(), ids.end());
    }
}

bool FindingFilter::hides(const Finding &f, const void *scope) const
{
    if (m_disabled.contains(f.ruleId) || m_ignoredInNote.contains(f.ruleId))
        return true;
    return std::any_of(m_ignoredOnce.begin(), m_ignoredOnce.end(), [&](const Occurrence &o) {
        return o.offset == f.offset && o.length == f.length && o.ruleId == f.ruleId && o.scope == scope;
    });
}

QStringList FindingFilter::disabledRules() const
{
    QStringList ids(m_disabled.begin(), m_disabled.end());
    ids.sort();
    return ids;
}

void FindingFilter::disableRule(const QString &ruleId)
{
    if (ruleId.isEmpty() || m_disabled.contains(ruleId))
        return;
    m_disabled.insert(ruleId);
    saveDisabled();
    emit changed();
}

void FindingFilter::enableRule(const QString &ruleId)
{
    if (!m_disabled.remove(ruleId))
        return;
    saveDisabled();
    emit changed();
}

void FindingFilter::ignoreOnce(const Finding &f, const void *scope)
{
    if (hides(f, scope))
        return;
    m_ignoredOnce.push_back({f.offset, f.length, f.ruleId, scope});
    emit changed();
}

void FindingFilter::ignoreInNote(const QString &ruleId)
{
    if (ruleId.isEmpty() || m_ignoredInNote.contains(ruleId))
        return;
    m_ignoredInNote.insert(ruleId);
    emit changed();
}

void FindingFilter::stopIgnoringInNote(const QString &ruleId)
{
    if (m_ignoredInNote.remove(ruleId))
        emit changed();
}

QStringList FindingFilter::rulesIgnoredInNote() const
{
    QStringList ids(m_ignoredInNote.begin(), m_ignoredInNote.end());
    ids.sort();
    return ids;
}

void FindingFilter::clearNote()
{
    if (m_ignoredOnce.empty() && m_ignoredInNote.isEmpty())
        return;
    m_ignoredOnce.clear();
    m_ignoredInNote.clear();
    emit changed();
}

void FindingFilter::textEdited(qsizetype position, qsizetype removed, qsizetype added, const void *scope)
{
    // No changed() here: the editor re-highlights the edited paragraphs anyway, and an occurrence
    // that moves with its words looks the same as before.
    const qsizetype delta = added - removed;
    std::erase_if(m_ignoredOnce, [&](Occurrence &o) {
        if (o.scope != scope)
            return false; // another text
        if (position + removed <= o.offset) {
            o.offset += delta; // wholly after the edit (or text inserted right before it)
            return false;
        }
        if (position >= o.offset + o.length)
            return false; // wholly before the edit
        return true;      // the edit touched its words
    });
}

void FindingFilter::saveDisabled()
{
    if (!m_settings)
        return;
    const QStringList ids = disabledRules();
    if (ids.isEmpty())
        m_settings->remove(kDisabledKey);
    else
        m_settings->setValue(kDisabledKey, ids);
}

} // namespace fairnote::ui
