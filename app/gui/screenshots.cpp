// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// fairnote-screenshots DIR: builds an invented case file in a temporary folder, opens the real windows on
// it with default settings, and saves pictures of them to DIR (./run screenshots, under Xvfb):
// main-window.png, editor.png, finalise-dialog.png, history.png, search.png, and the text-check window
// on docs/examples/legacy-note.txt: text-check.png and spelling-menu.png.
#include "finalisedialog.h"
#include "historydialog.h"
#include "loadedrules.h"
#include "mainwindow.h"
#include "noteeditor.h"
#include "recordeditor.h"
#include "recordpanel.h"
#include "reportdialog.h"
#include "review/review.h"
#include "supervisiondialog.h"
#include "trendsdialog.h"
#include "findingspanel.h"
#include "textcheckwindow.h"

#include "record/assess.h"
#include "record/interchange.h"
#include "store/location.h"
#include "store/sqlite/open.h"
#include "store/snapshot.h"
#include "wording/rulepack.h"

#include <QTabWidget>
#include <QApplication>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QDeadlineTimer>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QProcess>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace fairnote;

namespace {

void settle(int ms = 400)
{
    const QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool save(QWidget *w, const QString &dir, const QString &name)
{
    settle();
    const QString path = dir + u'/' + name;
    if (!w->grab().save(path, "PNG")) {
        std::fprintf(stderr, "fairnote-screenshots: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("Saved %s\n", qPrintable(path));
    return true;
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "fairnote-screenshots: %s\n", qPrintable(message));
    std::exit(2);
}

// Opens the context menu over the first underlined `word` in the text-check window and paints it
// onto `picture` (the window's) where it appears. Returns false when the word is not underlined.
bool paintContextMenu(ui::TextCheckWindow &window, const QString &word, QPixmap &picture)
{
    ui::NoteEditor *editor = window.editor();
    const QString text = editor->toPlainText();
    qsizetype at = -1;
    for (qsizetype i = text.indexOf(word); i >= 0 && at < 0; i = text.indexOf(word, i + 1))
        if (editor->findingAtCharacter(i))
            at = i;
    if (at < 0)
        return false;
    QTextCursor c(editor->document());
    c.setPosition(int(at + word.size() / 2));
    editor->setTextCursor(c);
    editor->ensureCursorVisible();
    const QPoint point = editor->cursorRect(c).center();
    std::unique_ptr<QMenu> menu(editor->createContextMenu(point, true));
    menu->popup(editor->viewport()->mapToGlobal(point));
    settle(500);
    QPainter painter(&picture);
    painter.drawPixmap(window.mapFromGlobal(menu->pos()), menu->grab());
    painter.end();
    menu->hide();
    return true;
}

// Renders the first two pages of a PDF to PNG with pdftoppm (poppler-utils): PREFIX-1.png, PREFIX-2.png.
bool pdfPages(const QString &pdf, const QString &prefix)
{
    QProcess p;
    p.start(u"pdftoppm"_s, {u"-r"_s, u"80"_s, u"-f"_s, u"1"_s, u"-l"_s, u"2"_s, u"-png"_s, pdf, prefix});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        std::fprintf(stderr, "fairnote-screenshots: pdftoppm failed (install poppler-utils): %s\n", p.readAllStandardError().constData());
        return false;
    }
    std::printf("Saved %s-1.png and -2.png\n", qPrintable(prefix));
    return true;
}

record::Entry note(const QString &id, QDate day, const QString &text, const store::Actor &author)
{
    record::Entry e;
    e.id = id;
    e.eventDate.precision = record::DatePrecision::Day;
    e.eventDate.date = day;
    e.writtenAt = QDateTime(day, QTime(17, 30), Qt::UTC);
    e.author = author;
    e.body = record::GeneralNote{text};
    return e;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 3)
        die(u"usage: fairnote-screenshots OUTPUT-DIR SOURCE-DIR"_s);
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString source = QString::fromLocal8Bit(argv[2]);
    QStandardPaths::setTestModeEnabled(true); // never the user's own settings or dictionary
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    const store::Actor jo{u"Jo Fletcher"_s, u"Support worker"_s, u"Fairview Lodge"_s};
    const store::Actor dee{u"Dee Marsh"_s, u"Team leader"_s, u"Fairview Lodge"_s};
    store::saveAuthorToSettings(settings, jo);

    auto pack = wording::loadRulePack();
    if (!pack)
        die(u"the rule pack does not load"_s);
    const ui::LoadedRules rules{std::make_shared<const wording::Checker>(std::move(*pack)), {}};
    spelling::SpellingOptions spelling = ui::TextCheckWindow::defaultSpellingOptions();
    spelling.personalListPath = dir.filePath(u"personal-words.txt"_s);

    // An invented case file: the complete example, an amendment, a few notes and a legacy entry.
    store::OpenOptions create;
    create.create = store::OpenOptions::Create::IfMissing;
    auto opened = store::openStore(dir.filePath(u"casefile.db"_s), create);
    if (!opened)
        die(opened.error().message);
    std::unique_ptr<store::Store> s = std::move(*opened);
    auto standard = store::makeStandardAssessor(rules.checker);
    if (!standard)
        die(standard.error());
    s->setAssessor(standard->assessor);
    QFile complete(source + u"/docs/examples/incident-complete.json"_s);
    complete.open(QIODevice::ReadOnly);
    auto cf = record::readInterchange(complete.readAll());
    if (!cf)
        die(u"cannot read the example"_s);
    cf->entries.push_back(note(u"entry-0003"_s, QDate(2025, 9, 4),
                               u"Sam phoned at 10:15 to say the fire service's home fire safety visit happened on 2 September. "
                               u"A second smoke alarm was fitted in his room."_s, jo));
    cf->entries.push_back(note(u"entry-0004"_s, QDate(2025, 11, 12),
                               u"Sam and I met at the hub at 14:00 to complete the housing application together. He asked for "
                               u"the fire-safety summary to go with it."_s, dee));
    if (auto r = s->importCaseFile(*cf, jo, {false, u"the demonstration"_s}, {}); !r)
        die(r.error().message);
    record::Entry amended = s->entry(u"entry-0003"_s)->revisions.back().entry;
    std::get<record::GeneralNote>(amended.body).text.replace(u"10:15"_s, u"10:45"_s);
    if (auto r = s->amend(u"entry-0003"_s, amended, u"The time was wrong: the phone log says 10:45."_s, dee, {}); !r)
        die(r.error().message);
    for (const char *name : {"Ali Khan", "Jordan Hughes", "Morgan Walsh"})
        s->addPerson(record::Person{{}, QString::fromUtf8(name), {}, {}}, jo);
    // Six months of Ali Khan's notes by two workers, the wording improving as the team trains: the trends.
    {
        record::CaseFile ali;
        ali.person = *s->peopleNamed(u"Ali Khan"_s)->begin();
        const QString vague[] = {u"Ali kicked off at the office and was aggressive."_s, u"Ali refused to engage again."_s,
                                 u"Chaotic week, obviously struggling."_s};
        const QString clear[] = {u"Ali came to the office at 10:00 and asked about his benefits claim; we phoned the helpline together."_s,
                                 u"Ali said he did not want to talk today and left at 11:15. I will phone him on Friday."_s,
                                 u"Ali showed me the letter from the housing office dated 3 March and we wrote a reply."_s};
        int n = 0;
        for (int month = 0; month < 6; ++month) {
            for (int i = 0; i < 4; ++i) {
                const store::Actor &who = i % 2 ? dee : jo;
                const bool improving = (month * 4 + i) % 6 < month + (i % 2 ? 1 : 2);
                const QString text = improving ? clear[(month + i) % 3] : vague[(month + i) % 3];
                ali.entries.push_back(note(u"ali-%1"_s.arg(++n), QDate(2025, 10, 3).addMonths(month).addDays(i * 6), text, who));
            }
        }
        if (auto r = s->importCaseFile(ali, jo, {false, u"the demonstration"_s}, {}); !r)
            die(r.error().message);
    }
    s.reset();

    auto reopened = store::openStore(dir.filePath(u"casefile.db"_s));
    ui::MainWindow window(rules, &settings, spelling, std::move(*reopened));
    window.resize(1280, 760);
    window.show();
    window.selectPerson(u"person-0001"_s);
    bool ok = save(&window, out, u"main-window.png"_s);

    // The editor: a new incident record started from a legacy note, part answered.
    window.newEntry(true);
    ui::RecordEditor *editor = window.recordEditor();
    record::Entry draft;
    record::IncidentRecord r;
    r.type = record::IncidentType::Alleged;
    r.whatHappened = u"Known arsonist, kicked off in reception last week. Staff say he is aggressive and refused to engage. "
                     u"Obviously a risk to other residents."_s;
    r.source.type = record::SourceType::EarlierNote;
    r.context = u"Not known."_s;
    r.ownAccount.status = record::AccountStatus::Asked;
    r.ownAccount.text = u"I've never set a fire. It was the heater in the old place."_s;
    draft.eventDate.precision = record::DatePrecision::Unknown;
    draft.body = r;
    editor->setEntry(draft);
    settle(800);
    window.recordPanel()->refreshNow();
    window.recordPanel()->setCurrentRow(window.recordPanel()->rowCount() > 1 ? int(window.recordPanel()->promptCount()) + 2 : 0);
    ok = save(&window, out, u"editor.png"_s) && ok;

    // The finalise dialog for that draft, as the store would assess it.
    record::Entry e = editor->entry();
    e.writtenAt = QDateTime::currentDateTimeUtc();
    e.author = jo;
    auto person = window.store().person(u"person-0001"_s);
    ui::FinaliseDialog finalise(standard->assessor(*person, e), false, &window);
    finalise.resize(760, 640);
    finalise.show();
    ok = save(&finalise, out, u"finalise-dialog.png"_s) && ok;
    finalise.hide();
    window.discardDraft();

    // The history of the amended note.
    auto detail = window.store().entry(u"entry-0003"_s);
    ui::HistoryDialog history(*detail, &window);
    history.resize(1000, 620);
    history.show();
    ok = save(&history, out, u"history.png"_s) && ok;
    history.hide();

    // Search across the file.
    window.searchField()->setText(u"smoke alarm"_s);
    window.search(u"smoke alarm"_s);
    ok = save(&window, out, u"search.png"_s) && ok;

    // The referral summary: the dialog, and pages of the PDF it saves (and of a subject-access export).
    {
        window.store().flagForDisclosureReview(u"entry-0004"_s, u"Mentions the housing officer's notes about another applicant."_s, dee);
        ui::ReportDialog dialog(ui::ReportDialog::Kind::Summary, window.store(), u"person-0001"_s, jo, rules.checker, &window);
        dialog.purposeEdit()->setText(u"Referral for temporary accommodation"_s);
        dialog.recipientEdit()->setText(u"Housing Options, Stoke-on-Trent City Council"_s);
        dialog.consentButton()->setChecked(true);
        dialog.refreshNow();
        dialog.resize(1200, 720);
        dialog.show();
        ok = save(&dialog, out, u"summary-dialog.png"_s) && ok;
        QString error;
        const QString pdf = dir.filePath(u"summary.pdf"_s);
        if (!dialog.saveTo(pdf, u"pdf"_s, &error))
            die(error);
        ok = pdfPages(pdf, out + u"/summary-page"_s) && ok;
        if (!dialog.askForSignOff(u"Before it goes to Housing Options on Friday."_s, &error))
            die(error);
        dialog.hide();
        ui::ReportDialog sar(ui::ReportDialog::Kind::SubjectAccess, window.store(), u"person-0001"_s, jo, rules.checker, &window);
        const QString sarPdf = dir.filePath(u"sar.pdf"_s);
        if (!sar.saveTo(sarPdf, u"pdf"_s, &error))
            die(error);
        ok = pdfPages(sarPdf, out + u"/sar-page"_s) && ok;
    }
    // Supervision: the review queue with a review under way, and the trends chart.
    {
        const store::Actor sam{u"Sam Okafor"_s, u"Team leader"_s, u"Fairview Lodge"_s};
        auto rubric = review::Rubric::load();
        ui::SupervisionDialog supervision(window.store(), *rubric, sam, &window);
        supervision.sizeBox()->setValue(8);
        supervision.seedEdit()->setText(u"20261201"_s);
        QString error;
        if (!supervision.drawQueue(&error))
            die(error);
        // The review shown is of the entry its evidence quotes: one that says "kicked off".
        int row = 0;
        for (int i = 0; i < supervision.queueList()->count(); ++i)
            if (supervision.queueList()->item(i)->text().contains(u"kicked off"_s))
                row = i;
        supervision.queueList()->setCurrentRow(row);
        supervision.scoreBox(u"factual"_s)->setCurrentIndex(2);
        supervision.evidenceEdit(u"factual"_s)->setText(u"“kicked off”: says what he did only as a conclusion"_s);
        supervision.scoreBox(u"respectful-language"_s)->setCurrentIndex(2);
        supervision.commentEdit()->setPlainText(u"Please amend: say what Ali said and did at the office."_s);
        supervision.resize(1280, 760);
        supervision.show();
        ok = save(&supervision, out, u"review.png"_s) && ok;
        supervision.tabs()->setCurrentIndex(1);
        ok = save(&supervision, out, u"signoff.png"_s) && ok;
        supervision.hide();
        auto rows = review::trends(window.store(), *rubric, {});
        ui::TrendsDialog trends(std::move(*rows), &window);
        trends.metricBox()->setCurrentIndex(trends.metricBox()->findData(u"findings-per-1000-words"_s));
        for (int i = 0; i < trends.groupList()->count(); ++i)
            trends.groupList()->item(i)->setCheckState(Qt::Checked);
        trends.resize(1100, 680);
        trends.show();
        ok = save(&trends, out, u"trends.png"_s) && ok;
        trends.hide();
    }
    window.hide();

    // The text-check window on a legacy note, and its spelling menu.
    ui::TextCheckWindow check(rules, &settings, spelling);
    QString error;
    if (!check.loadFile(source + u"/docs/examples/legacy-note.txt"_s, &error))
        die(error);
    check.resize(1200, 760);
    check.show();
    settle(900);
    check.findingsPanel()->refreshNow();
    check.findingsPanel()->setCurrentRow(0);
    ok = save(&check, out, u"text-check.png"_s) && ok;
    QPixmap picture = check.grab();
    if (!paintContextMenu(check, u"recieved"_s, picture))
        die(u"“recieved” is not underlined in the legacy note"_s);
    ok = picture.save(out + u"/spelling-menu.png"_s, "PNG") && ok;
    std::printf("Saved %s\n", qPrintable(out + u"/spelling-menu.png"_s));
    return ok ? 0 : 1;
}
