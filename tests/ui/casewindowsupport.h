// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The case-file window on a temporary case file, for the tests that drive it as a worker does.
#pragma once

#include "uitestsupport.h"

#include "mainwindow.h"
#include "noteeditor.h"
#include "recordeditor.h"
#include "recordpanel.h"
#include "record/describe.h"
#include "store/location.h"
#include "store/sqlite/open.h"

#include <QComboBox>
#include <QTest>
#include <catch2/catch.hpp>

namespace fairnote::uitest {

using namespace Qt::StringLiterals;
using namespace fairnote::ui;

inline const store::Actor kJo{u"Jo Fletcher"_s, u"Support worker"_s, u"Fairview Lodge"_s};

// A window on a case file in a temporary folder, with Jo Fletcher as the author.
struct CaseWindow
{
    explicit CaseWindow(std::shared_ptr<const wording::Checker> checker = uitest::builtInChecker(), const QString &path = {})
        : dbPath(path.isEmpty() ? temp.dir.filePath(u"case.db"_s) : path)
    {
        store::saveAuthorToSettings(temp.settings, kJo);
        open(std::move(checker));
    }
    void open(std::shared_ptr<const wording::Checker> checker = uitest::builtInChecker())
    {
        store::OpenOptions options;
        options.create = store::OpenOptions::Create::IfMissing;
        auto s = store::openStore(dbPath, options);
        REQUIRE(s.ok());
        window = std::make_unique<MainWindow>(LoadedRules{std::move(checker), {}}, &temp.settings,
                                              uitest::testSpellingOptions(temp.dir.path()), std::move(*s));
        window->show();
        window->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(window.get()));
    }
    QString addPerson(const QString &name = u"Sam Rivers"_s)
    {
        QString error;
        REQUIRE(window->addPerson(record::Person{{}, name, {}, {}}, &error));
        return window->currentPersonId();
    }
    NoteEditor *narrative(const QString &pointer) const
    {
        for (const auto &[p, e] : window->recordEditor()->narratives())
            if (p == pointer)
                return e;
        FAIL("no narrative " << pointer.toStdString());
        return nullptr;
    }
    void type(NoteEditor *e, const QString &text)
    {
        e->setFocus();
        QTest::keyClicks(e, text);
    }
    void settle()
    {
        for (const auto &[p, e] : window->recordEditor()->narratives())
            e->flushPendingCheck();
        window->recordPanel()->refreshNow();
    }

    QApplication &application = uitest::app();
    uitest::TempSettings temp;
    QString dbPath;
    std::unique_ptr<MainWindow> window;
};

template <typename W>
W *child(QWidget *parent, const QString &name)
{
    W *w = parent->findChild<W *>(name);
    REQUIRE(w);
    return w;
}

// A short case note the assessment has nothing to ask about.
inline void fillCleanNote(CaseWindow &w, const QString &text)
{
    RecordEditor *editor = w.window->recordEditor();
    REQUIRE(editor->fieldWidget(u"/event_date"_s));
    auto *precision = editor->fieldWidget(u"/event_date"_s)->findChild<QComboBox *>();
    REQUIRE(precision);
    precision->setCurrentIndex(precision->findText(record::title(record::DatePrecision::Unknown)));
    w.type(w.narrative(u"/note/text"_s), text);
    w.settle();
}


} // namespace fairnote::uitest
