// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SpellingSuggestions: the suggestions for misspelt words, asked for only when something shows them.
#pragma once

#include "wording/finding.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <memory>

namespace fairnote::spelling {
class SpellChecker;
}

namespace fairnote::ui {

// What a spelling finding says once its suggestions are known. For a US spelling core's message
// then says so ("“color” is the US spelling; …") and puts the British form first.
struct SpellingAdvice
{
    QString message;
    QString why;
    QStringList suggestions;
};

// The editor checks spelling without suggestions (Hunspell takes tens of milliseconds for the first
// suggestions of a word). This fills them in for one word at a time: at once for the context menu
// and tooltips (the worker asked), or off the UI thread for the findings panel, which shows the
// finding first and its suggestions when they are ready().
// Words are kept exactly as written ("Recieved" and "recieved" are asked separately: the suggestions
// follow the word's case).
class SpellingSuggestions : public QObject
{
    Q_OBJECT

public:
    explicit SpellingSuggestions(QObject *parent = nullptr);
    ~SpellingSuggestions() override;

    // Forgets what is known (another dictionary gives other advice). May be null.
    void setSpellChecker(std::shared_ptr<const spelling::SpellChecker> speller);

    bool isKnown(const QString &word) const { return m_known.contains(word); }
    // `f` with the advice for `word` when it is known, otherwise `f` unchanged.
    Finding completed(Finding f, const QString &word) const;
    // `f` with the advice for `word`, asking the spell checker now when it is not known yet.
    Finding complete(Finding f, const QString &word);
    // Asks off the UI thread; emits ready(word) when done. Does nothing when known or already asked.
    void request(const QString &word);
    // True while a word asked with request() is being looked up.
    bool busy() const { return m_watcher != nullptr; }

signals:
    void ready(const QString &word);

private:
    static SpellingAdvice advise(const spelling::SpellChecker &speller, const QString &word);
    void startNext();

    std::shared_ptr<const spelling::SpellChecker> m_speller;
    QHash<QString, SpellingAdvice> m_known;
    QStringList m_queue;
    QString m_asking;                                  // the word m_watcher waits for
    QPointer<QFutureWatcher<SpellingAdvice>> m_watcher; // one lookup at a time
};

} // namespace fairnote::ui
