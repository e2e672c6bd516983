// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Suggestions for misspelt words: kept once known, looked up at once or on a pool thread.
#include "spellingsuggestions.h"

#include "spelling/spellchecker.h"

#include <QPromise>
#include <QThreadPool>

namespace fairnote::ui {

SpellingSuggestions::SpellingSuggestions(QObject *parent) : QObject(parent) {}

// A lookup still running on the pool keeps its own reference to the spell checker and only touches
// its promise, so it finishes harmlessly after this is gone.
SpellingSuggestions::~SpellingSuggestions() = default;

void SpellingSuggestions::setSpellChecker(std::shared_ptr<const spelling::SpellChecker> speller)
{
    delete m_watcher; // its result would be for the old dictionary
    m_asking.clear();
    m_queue.clear();
    m_known.clear();
    m_speller = std::move(speller);
}

// Checking the word alone with suggestions gives core's own message (a US spelling is named as one)
// and order (the British form first). Spelling has no context beyond the word, so the verdict is the
// same as in the note.
SpellingAdvice SpellingSuggestions::advise(const spelling::SpellChecker &speller, const QString &word)
{
    std::vector<Finding> out;
    speller.check(word, 0, out, {}, spelling::Suggestions::Compute);
    for (const Finding &f : out)
        if (f.offset == 0 && f.length == word.size())
            return {f.message, f.why, f.suggestions};
    return {{}, {}, speller.suggest(word)};
}

Finding SpellingSuggestions::completed(Finding f, const QString &word) const
{
    const auto it = m_known.constFind(word);
    if (it == m_known.cend())
        return f;
    // The advice words a misspelling ("may be misspelt", "is the US spelling"); a possible name keeps
    // its own question and takes only the suggestions.
    if (!it->message.isEmpty() && !spelling::isPossibleName(f)) {
        f.message = it->message;
        f.why = it->why;
    }
    // The advice was worked out for the word alone; a possible name takes only the near suggestions.
    f.suggestions = spelling::isPossibleName(f) ? spelling::nearSuggestions(word, it->suggestions) : it->suggestions;
    return f;
}

Finding SpellingSuggestions::complete(Finding f, const QString &word)
{
    if (!m_speller || word.isEmpty())
        return f;
    if (!m_known.contains(word))
        m_known.insert(word, advise(*m_speller, word));
    return completed(std::move(f), word);
}

void SpellingSuggestions::request(const QString &word)
{
    if (!m_speller || word.isEmpty() || m_known.contains(word) || m_asking == word || m_queue.contains(word))
        return;
    m_queue << word;
    startNext();
}

void SpellingSuggestions::startNext()
{
    if (m_watcher || m_queue.isEmpty() || !m_speller)
        return;
    m_asking = m_queue.takeFirst();
    auto promise = std::make_shared<QPromise<SpellingAdvice>>();
    const QFuture<SpellingAdvice> future = promise->future();
    promise->start();

    auto *watcher = new QFutureWatcher<SpellingAdvice>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const QString word = m_asking;
        if (watcher->future().resultCount() > 0)
            m_known.insert(word, watcher->future().result());
        m_asking.clear();
        m_watcher = nullptr;
        watcher->deleteLater();
        emit ready(word);
        startNext();
    });
    watcher->setFuture(future);

    QThreadPool::globalInstance()->start([promise, speller = m_speller, word = m_asking] {
        promise->addResult(advise(*speller, word));
        promise->finish();
    });
}

} // namespace fairnote::ui
