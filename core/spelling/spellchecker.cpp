// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The spelling check: tokens → skip rules → word cache → Hunspell, and findings for what is misspelt.
#include "spelling/spellchecker.h"

#include "spelling/personalwordlist.h"
#include "spelling/skiprules.h"
#include "spelling/usspelling.h"
#include "spelling/wordcache.h"
#include "spelling/wordlist.h"
#include "text/tokenizer.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QReadWriteLock>
#include <QSet>
#include <algorithm>
#include <cstdlib>
#include <hunspell.hxx>
#include <string>
#include <vector>

// Hunspell 1.7.1 keeps one Unicode case table for the whole process, counted by the UTF-8 dictionaries
// that use it, but ~AffixMgr gives a count back for every dictionary, 8-bit ones included. So closing
// two ISO8859-1 dictionaries frees the table under a UTF-8 one still open, which then rejects every
// capitalised word ("Third"). Taking one count per 8-bit dictionary balances it. Weak, because later
// Hunspell versions build the table at compile time and drop the function (nothing to balance then).
void initialize_utf_tbl() __attribute__((weak));

using namespace Qt::StringLiterals;

namespace fairnote::spelling {

namespace {

// The verbs that follow a name at the start of a sentence ("Kwame said"): data, like the titles.
QString afterNameListPath() { return u":/fairnote/wordlists/en-GB-after-names.txt"_s; }

enum class Encoding : quint8 { Utf8, Latin1 };

bool isApostropheUnit(char16_t c) { return c == 0x2019 || c == 0x02BC; }
bool isHyphenUnit(char16_t c) { return c == u'-' || c == 0x2010 || c == 0x2011; }
bool isSpaceUnit(char16_t c)
{
    if (c < 0x80)
        return c == u' ' || (c >= u'\t' && c <= u'\r');
    return QChar::isSpace(c);
}

// The form a word is looked up in: curly apostrophes straight, non-breaking hyphens plain, and composed
// (NFC, as dictionaries are) when it holds a combining mark. Returns `word` itself when it is already in
// that form (almost always), else a view of `buffer`.
QStringView lookupForm(QStringView word, QString &buffer, bool *changed)
{
    bool apostrophe = false, hyphen = false, mark = false;
    for (QChar c : word) {
        const char16_t u = c.unicode();
        if (u < 0x2BC)
            continue;
        apostrophe = apostrophe || isApostropheUnit(u);
        hyphen = hyphen || u == 0x2010 || u == 0x2011;
        mark = mark || (u >= 0x300 && c.isMark());
    }
    *changed = apostrophe || hyphen || mark;
    if (!*changed)
        return word;
    buffer = word.toString();
    for (QChar &c : buffer) {
        if (isApostropheUnit(c.unicode()))
            c = u'\'';
        else if (c.unicode() == 0x2010 || c.unicode() == 0x2011)
            c = u'-';
    }
    if (mark)
        buffer = buffer.normalized(QString::NormalizationForm_C);
    return buffer;
}

bool endsWithPossessive(QStringView w)
{
    return w.size() > 2 && w.back() == u's' && (w[w.size() - 2] == u'\'' || isApostropheUnit(w[w.size() - 2].unicode()));
}

// Hunspell also proposes splitting a word ("c enter", "col or"); keep a split only when every part is a
// real word of three letters or more ("key worker"), never the word itself again.
bool isUsefulSuggestion(const QString &suggestion, const QString &word)
{
    if (suggestion.compare(word, Qt::CaseSensitive) == 0)
        return false;
    QString joined = suggestion;
    joined.remove(u' ').remove(u'-');
    QString w = word;
    w.remove(u'-');
    if (joined.compare(w, Qt::CaseInsensitive) != 0)
        return true;
    const auto parts = QStringView(suggestion).split(u' ', Qt::SkipEmptyParts);
    for (QStringView part : parts)
        for (QStringView p : part.split(u'-', Qt::SkipEmptyParts))
            if (p.size() < 3)
                return false;
    return true;
}

struct Scratch
{
    std::vector<text::Token> tokens;
    std::vector<text::Span> quotes;
    std::vector<text::Span> code;
    std::vector<quint8> skip;
    std::vector<text::Token> nameTokens;
    std::vector<QString> names; // folded name words
    std::vector<quint32> nameHashes;
    QString key;
    struct Miss
    {
        qint32 start;
        qint32 length;
        qint32 token;
    };
    std::vector<Miss> misses;
    std::vector<quint8> nameLike;  // per token: a name by its place (after a title) or a possible name
    std::vector<int> paragraph;    // per token: its paragraph number
};

Scratch &scratch()
{
    thread_local Scratch s;
    return s;
}

} // namespace

struct SpellChecker::Private
{
    std::unique_ptr<Hunspell> hunspell;
    Encoding encoding = Encoding::Utf8;
    DictionaryFiles files;
    QString source;
    QString dictionaryName; // "British English", for the explanation
    QString misspeltWhy;    // the explanations, made once and shared by every finding (a million
    QString usSpellingWhy;  // misspellings would otherwise hold a million copies)
    QString possibleNameWhy;
    int maxAcronymLength = 5;
    std::vector<std::pair<quint64, QString>> titles; // folded hash and folded word of each title
    std::vector<std::pair<quint64, QString>> afterNames; // the same for the verbs that follow a name ("said")
    QStringList warnings;

    mutable QMutex hunspellMutex;     // guards hunspell and personal
    PersonalWordList personal;
    mutable QReadWriteLock cacheLock; // guards cache and suggestionCache
    mutable WordCache cache;
    mutable QHash<QString, QStringList> suggestionCache;
    mutable QHash<QString, QString> britishCache; // key → its British form among the suggestions ("" for none)

    std::string encode(QStringView w, bool *ok) const
    {
        *ok = true;
        if (encoding == Encoding::Utf8)
            return w.toUtf8().toStdString();
        for (QChar c : w)
            if (c.unicode() > 0xFF)
                *ok = false; // a Latin-1 dictionary cannot hold it
        return w.toLatin1().toStdString();
    }
    QString decode(const std::string &s) const
    {
        return encoding == Encoding::Utf8 ? QString::fromUtf8(s.data(), qsizetype(s.size()))
                                          : QString::fromLatin1(s.data(), qsizetype(s.size()));
    }

    // Needs hunspellMutex.
    bool spellLocked(QStringView w) const
    {
        bool ok = false;
        const std::string bytes = encode(w, &ok);
        return ok && hunspell->spell(bytes);
    }
    bool correctLocked(QStringView w) const
    {
        if (personal.contains(w) || spellLocked(w))
            return true;
        // The possessive of a word a list knows: "Okafor's" once "Okafor" is in the personal list.
        if (endsWithPossessive(w)) {
            const QStringView stem = w.chopped(2);
            return personal.contains(stem) || spellLocked(stem);
        }
        return false;
    }
    void addWord(const QString &w)
    {
        bool ok = false;
        const std::string bytes = encode(w, &ok);
        if (ok)
            hunspell->add(bytes);
    }

    // Looks a word (in lookup form) up in the cache, asking Hunspell on a miss. `reader` holds the
    // cache's read lock on entry and on return; it is let go while Hunspell works.
    bool correct(QStringView key, quint32 hash, QReadLocker &reader) const
    {
        const WordCache::Verdict v = cache.find(key, hash);
        if (v != WordCache::Unknown)
            return v == WordCache::Correct;
        reader.unlock();
        const bool ok = resolve(key, hash);
        reader.relock();
        return ok;
    }
    bool resolve(QStringView key, quint32 hash) const
    {
        QMutexLocker lock(&hunspellMutex);
        {
            QReadLocker reader(&cacheLock); // another thread may have just asked
            const WordCache::Verdict v = cache.find(key, hash);
            if (v != WordCache::Unknown)
                return v == WordCache::Correct;
        }
        const bool ok = correctLocked(key);
        QWriteLocker writer(&cacheLock); // inserted while hunspellMutex is held: no stale verdict after a list change
        cache.insert(key, hash, ok ? WordCache::Correct : WordCache::Misspelt);
        return ok;
    }

    QStringList suggestions(const QString &key) const
    {
        {
            QReadLocker reader(&cacheLock);
            const auto it = suggestionCache.constFind(key);
            if (it != suggestionCache.cend())
                return *it;
        }
        QMutexLocker lock(&hunspellMutex);
        {
            QReadLocker reader(&cacheLock);
            const auto it = suggestionCache.constFind(key);
            if (it != suggestionCache.cend())
                return *it;
        }
        QStringList out;
        bool ok = false;
        const std::string bytes = encode(key, &ok);
        if (ok) {
            for (const std::string &s : hunspell->suggest(bytes)) {
                const QString suggestion = decode(s);
                if (isUsefulSuggestion(suggestion, key) && !out.contains(suggestion))
                    out << suggestion;
                if (out.size() == 5)
                    break;
            }
        }
        QWriteLocker writer(&cacheLock);
        if (suggestionCache.size() > 20000)
            suggestionCache.clear();
        suggestionCache.insert(key, out);
        return out;
    }

    // The British form of a US spelling among the key's suggestions, or "", worked out once per word: the
    // patterns are regular expressions, far too slow to run again for each of a million misspellings.
    QString britishForm(const QString &key) const
    {
        {
            QReadLocker reader(&cacheLock);
            const auto it = britishCache.constFind(key);
            if (it != britishCache.cend())
                return *it;
        }
        const QString british = britishFormOf(key, suggestions(key));
        QWriteLocker writer(&cacheLock);
        if (britishCache.size() > 20000)
            britishCache.clear();
        britishCache.insert(key, british);
        return british;
    }

    void forgetVerdicts()
    {
        QWriteLocker writer(&cacheLock);
        cache.clear();
    }
};

SpellChecker::SpellChecker(std::unique_ptr<Private> p) : d(std::move(p)) {}
SpellChecker::~SpellChecker() = default;

Result<std::unique_ptr<SpellChecker>, SpellingUnavailable> SpellChecker::open(const SpellingOptions &options)
{
    auto files = locateDictionary(options.language, options.dictionaryPath, options.searchDirs,
                                  options.systemDictionaries);
    if (!files)
        return files.error();

    auto d = std::make_unique<Private>();
    d->files = *files;
    d->hunspell = std::make_unique<Hunspell>(QFile::encodeName(files->affPath).constData(),
                                             QFile::encodeName(files->dicPath).constData());
    // Hunspell itself treats exactly "UTF-8" as UTF-8; anything else is an 8-bit character set.
    const std::string &setLine = d->hunspell->get_dict_encoding();
    if (setLine != "UTF-8" && initialize_utf_tbl)
        initialize_utf_tbl(); // see the note at the top of this file
    const QString encoding = QString::fromStdString(setLine).toUpper().remove(u'-');
    if (setLine == "UTF-8") {
        d->encoding = Encoding::Utf8;
    } else if (encoding == u"ISO88591" || encoding == u"LATIN1") {
        d->encoding = Encoding::Latin1;
    } else {
        SpellingUnavailable fail;
        fail.package = dictionaryPackage(options.language);
        fail.searched << files->affPath;
        fail.problem = u"the dictionary %1 uses the character set %2, which Fairnote cannot read; use a UTF-8 or "
                       u"ISO8859-1 dictionary"_s.arg(files->affPath, QString::fromStdString(setLine));
        return fail;
    }

    bool systemDictionary = false;
    for (const QString &dir : systemDictionaryDirs())
        systemDictionary = systemDictionary || files->dicPath.startsWith(dir + u'/');
    if (systemDictionary) {
        d->source = u"Hunspell %1 dictionary (%2)"_s.arg(QString(options.language).replace(u'_', u'-'),
                                                         dictionaryPackage(options.language));
    } else {
        d->source = u"Hunspell dictionary %1"_s.arg(files->dicPath);
    }
    d->dictionaryName = options.language == u"en_GB" ? u"British English"_s : options.language;
    d->misspeltWhy = u"It is not in the %1 dictionary or Fairnote's word lists. If it is spelt as you meant "
                     u"(a name, a place or a term your service uses), add it to your dictionary."_s.arg(d->dictionaryName);
    d->usSpellingWhy = u"Notes are kept in British English, so that records read consistently and a search for one "
                       u"spelling finds every note."_s;
    d->possibleNameWhy = u"A capitalised word the %1 dictionary does not know, in the middle of a sentence, is most often "
                         u"the name of a person or a place. If it is a name, add it as a name and it will not be marked "
                         u"again; if it is a typo, correct it."_s.arg(d->dictionaryName);
    d->maxAcronymLength = options.maxAcronymLength;

    auto addList = [&](const WordList &list) {
        for (const QString &w : list.words)
            d->addWord(w);
        d->warnings << list.problems;
    };
    for (const auto &[path, list] : {std::pair{titleListPath(), &d->titles}, std::pair{afterNameListPath(), &d->afterNames}}) {
        if (auto words = readWordList(path)) {
            for (const QString &t : words->words) {
                const QString folded = text::foldString(t);
                list->emplace_back(text::foldedHash(folded), folded);
            }
        } else {
            d->warnings << words.error();
        }
    }
    if (options.sectorWords == SectorWords::On) {
        auto list = readWordList(sectorWordListPath());
        assert(list.ok()); // embedded at build time
        if (list)
            addList(*list);
        else
            d->warnings << list.error();
    }
    for (const QString &path : options.extraWordLists) {
        auto list = readWordList(path);
        if (list)
            addList(*list);
        else
            d->warnings << list.error() + u"; its words are not accepted"_s;
    }
    if (!options.personalListPath.isEmpty()) {
        if (const QString error = d->personal.load(options.personalListPath); !error.isEmpty())
            d->warnings << error + u"; its words are not accepted, and no word can be added until it is fixed"_s;
    }
    return std::unique_ptr<SpellChecker>(new SpellChecker(std::move(d)));
}

void SpellChecker::check(QStringView text, qsizetype baseOffset, std::vector<Finding> &out, const QStringList &names,
                         Suggestions suggestions) const
{
    Scratch &s = scratch();
    // Working memory is kept between checks (a note is checked again at every pause in typing), but not
    // after a text of over 64K words: a 1,000,000-line note's 50 MB goes back rather than staying held.
    struct GiveBackLarge {
        Scratch &s;
        ~GiveBackLarge() { if (s.tokens.capacity() > (1 << 16)) s = Scratch{}; }
    } giveBack{s};
    text::tokenize(text, s.tokens, s.quotes);
    const auto &tokens = s.tokens;
    const size_t n = tokens.size();
    if (n == 0)
        return;
    const auto *u = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype size = text.size();

    if (text.contains(u'`'))
        findCodeSpans(text, s.code);
    else
        s.code.clear();

    // The names of the people in the record, folded for comparison.
    s.names.clear();
    s.nameHashes.clear();
    for (const QString &name : names) {
        text::tokenize(name, s.nameTokens, s.quotes);
        for (const text::Token &t : s.nameTokens) {
            s.names.push_back(text::foldString(QStringView(name).sliced(t.start, t.length)));
            s.nameHashes.push_back(quint32(t.hash));
        }
    }
    auto isName = [&](QStringView word, quint32 hash) {
        for (size_t k = 0; k < s.names.size(); ++k)
            if (s.nameHashes[k] == hash && text::foldedEquals(word, s.names[k]))
                return true;
        return false;
    };

    // Pass 1: the skip rules.
    s.skip.assign(n, 0);
    qsizetype chunkEnd = -1;
    ChunkKind chunk = ChunkKind::Plain;
    size_t codeAt = 0;
    for (size_t i = 0; i < n; ++i) {
        const text::Token &t = tokens[i];
        const QStringView word = text.sliced(t.start, t.length);
        bool skip = false;
        while (codeAt < s.code.size() && s.code[codeAt].end <= t.start)
            ++codeAt;
        if (codeAt < s.code.size() && s.code[codeAt].start <= t.start)
            skip = true;
        if (t.start >= chunkEnd) {
            qsizetype from = t.start;
            while (from > 0 && !isSpaceUnit(u[from - 1]))
                --from;
            qsizetype to = t.start + t.length;
            while (to < size && !isSpaceUnit(u[to]))
                ++to;
            chunk = classifyChunk(text.sliced(from, to - from));
            chunkEnd = to;
        }
        skip = skip || chunk != ChunkKind::Plain || (t.shape & text::ShapeHasDigit) || t.length > kMaxWordLength;
        skip = skip || (t.length == 1 && (t.shape & text::ShapeHasUpper)); // an initial: "J. Okafor"
        if (!skip && (t.shape & text::ShapeHasUpper))
            skip = isAcronym(word, d->maxAcronymLength) || ((t.shape & text::ShapeHasLower) && isMixedCase(word));
        if (!skip && !s.names.empty()) {
            skip = isName(word, quint32(t.hash));
            if (!skip && endsWithPossessive(word)) {
                const QStringView stem = word.chopped(2);
                skip = isName(stem, quint32(text::foldedHash(stem)));
            }
        }
        s.skip[i] = skip;
    }

    // Names by their place: the word after a title ("Ms Okonkwo", "Dr. Adeyemi", even "mr okonkwo"),
    // then the capitalised words and initials that go on from it ("Mr J. Okafor-Mbeki").
    s.nameLike.assign(n, 0);
    s.paragraph.resize(n);
    int paragraph = 0;
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && (tokens[i].gapBefore & text::GapParagraph))
            ++paragraph;
        s.paragraph[i] = paragraph;
    }
    auto inList = [&](const std::vector<std::pair<quint64, QString>> &list, const text::Token &t) {
        for (const auto &[hash, folded] : list)
            if (hash == t.hash && text::foldedEquals(text.sliced(t.start, t.length), folded))
                return true;
        return false;
    };
    auto isTitle = [&](const text::Token &t) { return inList(d->titles, t); };
    // The gap between tokens i - 1 and i holds only white space (no blank line), or a full stop and white space.
    auto nameGap = [&](size_t i, bool allowStop) {
        if (tokens[i].gapBefore & text::GapParagraph)
            return false;
        const qsizetype from = tokens[i - 1].start + tokens[i - 1].length;
        QStringView gap = text.sliced(from, tokens[i].start - from);
        if (allowStop && gap.startsWith(u'.'))
            gap = gap.sliced(1);
        if (gap.isEmpty())
            return false;
        for (QChar c : gap)
            if (!isSpaceUnit(c.unicode()))
                return false;
        return true;
    };
    for (size_t i = 1; i < n; ++i) {
        if (!isTitle(tokens[i - 1]) || !nameGap(i, true) || !(tokens[i].shape & (text::ShapeHasLower | text::ShapeHasUpper)))
            continue;
        // A word in lower case is a name only after a short title written in haste ("mr okonkwo"): after
        // "father", "sister" or "officer" it is an ordinary word ("his father recieved").
        if (!(tokens[i].shape & text::ShapeUpperFirst) && tokens[i - 1].length > 3)
            continue;
        s.nameLike[i] = 1;
        s.skip[i] = 1;
        s.skip[i - 1] = 1; // the title itself ("Cllr", "mr") is no misspelling
        for (size_t j = i + 1; j < n && j < i + 4; ++j) {
            const text::Token &t = tokens[j];
            const bool hyphen = t.gapBefore & text::GapHyphenJoin;
            if (!(t.shape & text::ShapeUpperFirst) || !(hyphen || nameGap(j, tokens[j - 1].length == 1)))
                break;
            s.nameLike[j] = 1;
            s.skip[j] = 1;
        }
    }

    // Pass 2: the dictionary, through the cache.
    s.misses.clear();
    {
        QReadLocker reader(&d->cacheLock);
        // tokenHash: the tokenizer's hash of `word`, which equals text::foldedHash() of it; 0 when not a token.
        auto correctWord = [&](QStringView word, quint32 tokenHash) {
            bool changed = false;
            const QStringView key = lookupForm(word, s.key, &changed);
            const quint32 hash = (tokenHash && !changed) ? tokenHash : quint32(text::foldedHash(key));
            return d->correct(key, hash, reader);
        };
        auto checkToken = [&](size_t i) {
            const text::Token &t = tokens[i];
            const QStringView word = text.sliced(t.start, t.length);
            if (correctWord(word, quint32(t.hash)))
                return;
            // An abbreviation the dictionary lists with its full stop: "etc.", "approx.".
            const qsizetype end = t.start + t.length;
            if (end < size && u[end] == u'.' && correctWord(text.sliced(t.start, t.length + 1), 0))
                return;
            s.misses.push_back({t.start, t.length, qint32(i)});
        };
        for (size_t i = 0; i < n;) {
            // A hyphenated compound: tokens joined by exactly one hyphen.
            size_t j = i;
            while (j + 1 < n) {
                const qint32 end = tokens[j].start + tokens[j].length;
                if (tokens[j + 1].start != end + 1 || !isHyphenUnit(u[end]))
                    break;
                ++j;
            }
            if (j == i) {
                if (!s.skip[i])
                    checkToken(i);
                ++i;
                continue;
            }
            bool whole = true;
            for (size_t k = i; k <= j; ++k)
                whole = whole && !s.skip[k];
            const qint32 start = tokens[i].start;
            const qint32 length = tokens[j].start + tokens[j].length - start;
            // Asked whole first: Hunspell and the lists know compounds whose parts are not words alone.
            if (whole && length <= kMaxWordLength && correctWord(text.sliced(start, length), 0)) {
                i = j + 1;
                continue;
            }
            for (size_t k = i; k <= j; ++k)
                if (!s.skip[k])
                    checkToken(k);
            i = j + 1;
        }
    }

    // A capitalised word the dictionary does not know is a possible name in the middle of a sentence,
    // and at the start of one when its place says so: a possessive ("Tomasz's"), a capitalised word after
    // it ("Grzegorz Zieliński asked"), or a verb that follows a name ("Kwame said", from the word list
    // en-GB-after-names.txt); or when the same word is a name elsewhere in its paragraph.
    auto capitalised = [](const text::Token &t) { return (t.shape & text::ShapeUpperFirst) && (t.shape & text::ShapeHasLower); };
    for (const Scratch::Miss &m : s.misses) {
        const size_t i = size_t(m.token);
        const text::Token &t = tokens[i];
        if (!capitalised(t))
            continue;
        bool name = !(t.gapBefore & text::GapInitial);
        if (!name) {
            const bool next = i + 1 < n && nameGap(i + 1, false);
            name = endsWithPossessive(text.sliced(t.start, t.length))
                   || (next && (capitalised(tokens[i + 1]) || inList(d->afterNames, tokens[i + 1])));
        }
        if (name)
            s.nameLike[i] = 2;
    }
    // The word without a possessive ending, so "Okonkwo's" is the same name as "Okonkwo".
    auto bareWord = [&](size_t k) {
        const QStringView w = text.sliced(tokens[k].start, tokens[k].length);
        return endsWithPossessive(w) ? w.chopped(2) : w;
    };
    auto sameWord = [&](size_t k, size_t i) {
        const QStringView a = bareWord(k), b = bareWord(i);
        return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
    };
    auto nameElsewhere = [&](size_t i) {
        for (size_t k = i; k > 0 && s.paragraph[k - 1] == s.paragraph[i]; --k)
            if (s.nameLike[k - 1] && sameWord(k - 1, i))
                return true;
        for (size_t k = i + 1; k < n && s.paragraph[k] == s.paragraph[i]; ++k)
            if (s.nameLike[k] && sameWord(k, i))
                return true;
        return false;
    };

    // Findings for what is left.
    QHash<QString, QString> messages;
    for (const Scratch::Miss &m : s.misses) {
        const size_t ti = size_t(m.token);
        const bool possibleName = s.nameLike[ti] == 2 || (capitalised(tokens[ti]) && nameElsewhere(ti));
        const QString word = text.sliced(m.start, m.length).toString();
        bool changed = false;
        QString buffer;
        const QString key = lookupForm(word, buffer, &changed).toString();
        Finding f;
        f.offset = baseOffset + m.start;
        f.length = m.length;
        f.ruleId = kSpellingRuleId.toString();
        f.category = Category::Spelling;
        f.severity = Severity::Info;
        f.source = d->source;
        QString british;
        if (suggestions == Suggestions::Compute) {
            f.suggestions = suggest(word);
            british = d->britishForm(key);
            if (!british.isEmpty() && word.contains(QChar(0x2019)))
                british.replace(u'\'', QChar(0x2019)); // as suggest() answers in the word's own style
            if (const qsizetype at = f.suggestions.indexOf(british); !british.isEmpty() && at >= 0)
                f.suggestions.move(at, 0); // the British form first, whatever Hunspell's order
        }
        if (possibleName) {
            f.suggestions = nearSuggestions(word, f.suggestions);
            f.ruleId = kPossibleNameRuleId.toString();
            f.message = u"“%1” is not in the dictionary: is it a name?"_s.arg(word);
            f.why = d->possibleNameWhy;
            f.question = u"Is this a name? Add it as a name, or correct it."_s;
            out.push_back(std::move(f));
            continue;
        }
        // The same word misspelt again shares its message.
        QString &message = messages[british.isEmpty() ? word : word + u'\n' + british];
        if (message.isEmpty())
            message = british.isEmpty() ? u"“%1” may be misspelt."_s.arg(word)
                                        : u"“%1” is the US spelling; British English writes “%2”."_s.arg(word, british);
        f.message = message;
        f.why = british.isEmpty() ? d->misspeltWhy : d->usSpellingWhy;
        out.push_back(std::move(f));
    }
}

std::vector<Finding> SpellChecker::check(QStringView text, const QStringList &names) const
{
    std::vector<Finding> out;
    check(text, 0, out, names);
    return out;
}

bool SpellChecker::isCorrect(QStringView word) const
{
    if (word.isEmpty())
        return false;
    QString buffer;
    bool changed = false;
    const QStringView key = lookupForm(word, buffer, &changed);
    QReadLocker reader(&d->cacheLock);
    return d->correct(key, quint32(text::foldedHash(key)), reader);
}

namespace {
// Edits between a and b, letter case aside (optimal string alignment: insert, delete, replace, swap
// two neighbours), or limit + 1 once it is certain to be more than limit.
int editDistance(QStringView a, QStringView b, int limit)
{
    const qsizetype n = a.size(), m = b.size();
    if (std::abs(n - m) > limit)
        return limit + 1;
    std::vector<int> before(size_t(m + 1)), previous(size_t(m + 1)), current(size_t(m + 1));
    for (qsizetype j = 0; j <= m; ++j)
        previous[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        current[0] = int(i);
        int best = current[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const bool same = a[i - 1].toCaseFolded() == b[j - 1].toCaseFolded();
            int d = std::min({previous[size_t(j)] + 1, current[size_t(j - 1)] + 1, previous[size_t(j - 1)] + (same ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1].toCaseFolded() == b[j - 2].toCaseFolded()
                && a[i - 2].toCaseFolded() == b[j - 1].toCaseFolded())
                d = std::min(d, before[size_t(j - 2)] + 1);
            current[size_t(j)] = d;
            best = std::min(best, d);
        }
        if (best > limit)
            return limit + 1;
        before.swap(previous);
        previous.swap(current);
    }
    return previous[size_t(m)];
}
} // namespace

QStringList nearSuggestions(QStringView word, const QStringList &suggestions)
{
    const int limit = word.size() >= 7 ? 2 : 1;
    QStringList out;
    for (const QString &s : suggestions)
        if (editDistance(word, s, limit) <= limit)
            out << s;
    return out;
}

QStringList SpellChecker::suggest(const QString &word) const
{
    QString buffer;
    bool changed = false;
    const QString key = lookupForm(word, buffer, &changed).toString();
    if (key.isEmpty())
        return {};
    QStringList out = d->suggestions(key);
    // Answer in the word's own style: "dont’" → "don’t", not "don't".
    bool curly = false;
    for (QChar c : word)
        curly = curly || c.unicode() == 0x2019;
    if (curly)
        for (QString &s : out)
            s.replace(u'\'', QChar(0x2019));
    return out;
}

Result<bool, QString> SpellChecker::addToPersonal(const QString &word)
{
    QMutexLocker lock(&d->hunspellMutex);
    auto r = d->personal.add(word);
    if (r) // the file may also hold words another program added meanwhile: forget every verdict
        d->forgetVerdicts();
    return r;
}

Result<bool, QString> SpellChecker::removeFromPersonal(const QString &word)
{
    QMutexLocker lock(&d->hunspellMutex);
    auto r = d->personal.remove(word);
    if (r)
        d->forgetVerdicts();
    return r;
}

QStringList SpellChecker::personalWords() const
{
    QMutexLocker lock(&d->hunspellMutex);
    return d->personal.words();
}

QStringList SpellChecker::warnings() const { return d->warnings; }
DictionaryFiles SpellChecker::dictionary() const { return d->files; }
QString SpellChecker::source() const { return d->source; }
int SpellChecker::maxAcronymLength() const { return d->maxAcronymLength; }

} // namespace fairnote::spelling
