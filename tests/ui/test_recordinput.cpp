// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The record holds what the worker did, and nothing else: the mouse wheel changes no answer, a typed date
// is the date stored (read back from the case file), Tab follows the page, and every Alt+letter reaches
// its field and shows it.
#include "casewindowsupport.h"

#include "datefield.h"
#include "formfields.h"
#include "inputpolicy.h"
#include "persondialog.h"
#include "record/typeddate.h"

#include <QAbstractSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTimer>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using namespace fairnote;
using namespace fairnote::ui;
using namespace fairnote::uitest;

namespace {

template <typename E>
void answer(RecordEditor *editor, const QString &pointer, E value)
{
    auto *box = qobject_cast<QComboBox *>(editor->fieldWidget(pointer));
    REQUIRE(box);
    setChoice(box, std::optional<E>(value));
}

QScrollArea *formScroll(RecordEditor *editor)
{
    auto *scroll = editor->findChild<QScrollArea *>();
    REQUIRE(scroll);
    return scroll;
}

// Every input the worker can reach in the form (shown, enabled, taking the keyboard focus).
QWidgetList inputsOf(QWidget *content)
{
    QWidgetList out;
    for (QWidget *w : content->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(content) || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
            continue;
        if (qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QLineEdit *>(w)
            || qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QTableWidget *>(w))
            out << w;
    }
    return out;
}

// Saves the draft and reads it back from the case file (a blank entry when nothing was ever saved).
record::Entry storedDraft(CaseWindow &w)
{
    QString error;
    REQUIRE(w.window->saveDraft(&error));
    if (w.window->currentEntryId().isEmpty())
    {
        record::Entry blank;
        blank.body = record::IncidentRecord{};
        return blank;
    }
    auto detail = w.window->store().entry(w.window->currentEntryId());
    REQUIRE(detail);
    REQUIRE(detail->draft);
    return detail->draft->entry;
}

// A wheel notch over the middle of `w`, as the mouse sends it.
void wheel(QWidget *w, int notches)
{
    const QPointF at(w->width() / 2.0, w->height() / 2.0);
    QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(w, &e);
    QCoreApplication::processEvents();
}

// Shows every part of the incident form that an answer reveals: the cause, the official record, the
// conviction, the spent question and an intervention.
void revealEverything(RecordEditor *editor)
{
    answer(editor, u"/incident/type"_s, record::IncidentType::Accidental);
    answer(editor, u"/incident/source/type"_s, record::SourceType::OfficialRecord);
    answer(editor, u"/incident/legal/status"_s, record::LegalStatus::Convicted);
    auto *interventions = editor->findChild<InterventionsEdit *>();
    REQUIRE(interventions);
    interventions->findChild<QPushButton *>()->click(); // "Add an intervention"
    REQUIRE(interventions->table()->rowCount() == 1);
}

void wheelOverEveryInput(CaseWindow &w, int minimumChoices)
{
    RecordEditor *editor = w.window->recordEditor();
    QScrollArea *scroll = formScroll(editor);
    QScrollBar *bar = scroll->verticalScrollBar();
    QCoreApplication::processEvents();
    const QWidgetList inputs = inputsOf(scroll->widget());
    int choices = 0, scrolled = 0;
    for (QWidget *input : inputs) {
        INFO(input->metaObject()->className() << " " << input->accessibleName().toStdString());
        scroll->ensureWidgetVisible(input, 0, 0);
        QCoreApplication::processEvents();
        const record::Entry before = editor->entry();
        const bool choice = InputPolicy::guardedInput(input) != nullptr;
        // Down, as when reading on: no answer changes, and over a choice the form scrolls on.
        bar->setValue(std::min(bar->value(), bar->maximum() - 1));
        const int top = bar->value();
        wheel(input, -1);
        CHECK(editor->entry() == before);
        if (choice) {
            ++choices;
            CHECK(bar->value() > top);
            scrolled += bar->value() > top ? 1 : 0;
        }
        // And back up, with the focus in the control (clicked or tabbed to a moment ago): still no change.
        scroll->ensureWidgetVisible(input, 0, 0);
        input->setFocus(Qt::MouseFocusReason);
        wheel(input, +1);
        wheel(input, -1);
        CHECK(editor->entry() == before);
    }
    CHECK(choices >= minimumChoices);
    CHECK(scrolled == choices);
}

// The wheel over every input, then the draft saved and read back from the case file: what is stored is
// what was answered before the wheel, nothing more.
void wheelAndReadBack(CaseWindow &w, int minimumChoices)
{
    record::Entry before = storedDraft(w);
    wheelOverEveryInput(w, minimumChoices);
    record::Entry after = storedDraft(w);
    after.writtenAt = before.writtenAt; // a draft's time of writing is the time of its latest save
    after.id = before.id;
    CHECK(after == before);
}

} // namespace

TEST_CASE("the mouse wheel over any input of the incident form changes no answer, and over a choice scrolls the form",
          "[ui][input][wheel]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    RecordEditor *editor = w.window->recordEditor();
    revealEverything(editor);
    // Some answers given, some not: the wheel must change neither kind.
    answer(editor, u"/incident/harm/injury"_s, record::Injury::None);
    answer(editor, u"/incident/harm/fire_service_attended"_s, record::YesNoUnknown::Yes);
    QComboBox *precision = qobject_cast<EventDateEdit *>(editor->fieldWidget(u"/event_date"_s))->precisionBox();
    precision->setCurrentIndex(precision->findText(record::title(record::DatePrecision::Day)));
    w.window->resize(1100, 600); // a short window: the form has far to scroll
    QCoreApplication::processEvents();
    wheelAndReadBack(w, 20);
    // The controls take the focus by click or Tab, never by the wheel.
    for (QComboBox *box : editor->findChildren<QComboBox *>())
        CHECK(box->focusPolicy() == Qt::StrongFocus);
}

TEST_CASE("the mouse wheel over any input of the case-note form changes no answer", "[ui][input][wheel]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(false));
    RecordEditor *editor = w.window->recordEditor();
    QComboBox *precision = qobject_cast<EventDateEdit *>(editor->fieldWidget(u"/event_date"_s))->precisionBox();
    precision->setCurrentIndex(precision->findText(record::title(record::DatePrecision::Month)));
    w.window->resize(1100, 420);
    QCoreApplication::processEvents();
    wheelAndReadBack(w, 1);
}

// ---- dates ------------------------------------------------------------------------------------------

namespace {

// A date field of the form: how to show it, and where its value is in the stored entry.
struct DateCase
{
    QString name;
    record::DatePrecision holds; // what the box takes
    std::function<DateField *(RecordEditor *)> show;
    std::function<std::optional<record::TypedDate>(const record::Entry &)> stored;
};

EventDateEdit *eventDate(RecordEditor *editor) { return qobject_cast<EventDateEdit *>(editor->fieldWidget(u"/event_date"_s)); }

DateField *eventPage(RecordEditor *editor, record::DatePrecision precision, const QString &name)
{
    EventDateEdit *e = eventDate(editor);
    e->precisionBox()->setCurrentIndex(e->precisionBox()->findText(record::title(precision)));
    auto *field = e->findChild<DateField *>(name);
    REQUIRE(field);
    return field;
}

std::optional<record::TypedDate> dayOf(const QDate &d)
{
    return d.isValid() ? std::optional(record::TypedDate{d, record::DatePrecision::Day}) : std::nullopt;
}

std::optional<record::TypedDate> eventValue(const record::Entry &e)
{
    const record::EventDate &d = e.eventDate;
    if (!d.precision)
        return std::nullopt;
    switch (*d.precision) {
    case record::DatePrecision::Exact: return dayOf(d.exact.date());
    case record::DatePrecision::Range: return dayOf(d.date);
    default: return record::TypedDate{d.date, *d.precision};
    }
}

DateField *optionalDate(RecordEditor *editor, const QString &pointer)
{
    auto *date = qobject_cast<OptionalDateEdit *>(editor->fieldWidget(pointer));
    REQUIRE(date);
    return date->field();
}

std::vector<DateCase> dateCases()
{
    using P = record::DatePrecision;
    return {
        {u"event date, day"_s, P::Day, [](RecordEditor *ed) { return eventPage(ed, P::Day, u"day"_s); }, eventValue},
        {u"event date, month"_s, P::Month, [](RecordEditor *ed) { return eventPage(ed, P::Month, u"month"_s); }, eventValue},
        {u"event date, year"_s, P::Year, [](RecordEditor *ed) { return eventPage(ed, P::Year, u"year"_s); }, eventValue},
        {u"event date and time"_s, P::Day,
         [](RecordEditor *ed) {
             DateField *f = eventPage(ed, P::Exact, u"exactDate"_s);
             eventDate(ed)->timeEdit()->setText(u"14:05"_s);
             return f;
         },
         eventValue},
        {u"event between two dates, the first"_s, P::Day,
         [](RecordEditor *ed) {
             DateField *f = eventPage(ed, P::Range, u"from"_s);
             auto *to = eventDate(ed)->findChild<DateField *>(u"to"_s);
             to->setDate(QDate(2027, 12, 31));
             return f;
         },
         eventValue},
        {u"legal status date"_s, P::Day, [](RecordEditor *ed) { return optionalDate(ed, u"/incident/legal/status_date"_s); },
         [](const record::Entry &e) { return dayOf(e.incident()->legal.statusDate); }},
        {u"conviction date"_s, P::Day,
         [](RecordEditor *ed) {
             answer(ed, u"/incident/legal/status"_s, record::LegalStatus::Convicted);
             return optionalDate(ed, u"/incident/legal/conviction/date"_s);
         },
         [](const record::Entry &e) { return dayOf(e.incident()->legal.conviction.date); }},
        {u"home fire safety visit"_s, P::Day,
         [](RecordEditor *ed) { return optionalDate(ed, u"/incident/safety/home_fire_safety_visit_date"_s); },
         [](const record::Entry &e) { return dayOf(e.incident()->safety.homeFireSafetyVisitDate); }},
        {u"intervention"_s, P::Day,
         [](RecordEditor *ed) {
             auto *interventions = ed->findChild<InterventionsEdit *>();
             if (interventions->table()->rowCount() == 0)
                 interventions->findChild<QPushButton *>()->click();
             return qobject_cast<OptionalDateEdit *>(interventions->table()->cellWidget(0, 1))->field();
         },
         [](const record::Entry &e) {
             return e.incident()->interventions.empty() ? std::nullopt : dayOf(e.incident()->interventions[0].date);
         }},
    };
}

// The typed forms, and what each is: a day, a month or a year.
const std::vector<std::pair<QString, record::TypedDate>> &typedForms()
{
    using P = record::DatePrecision;
    static const std::vector<std::pair<QString, record::TypedDate>> forms = {
        {u"20 September 2026"_s, {QDate(2026, 9, 20), P::Day}}, {u"20 Sept 2026"_s, {QDate(2026, 9, 20), P::Day}},
        {u"5/11/2026"_s, {QDate(2026, 11, 5), P::Day}},         {u"05-11-2026"_s, {QDate(2026, 11, 5), P::Day}},
        {u"2026-11-05"_s, {QDate(2026, 11, 5), P::Day}},        {u"14 January 2027"_s, {QDate(2027, 1, 14), P::Day}},
        {u"September 2026"_s, {QDate(2026, 9, 1), P::Month}},   {u"09/2026"_s, {QDate(2026, 9, 1), P::Month}},
        {u"2026"_s, {QDate(2026, 1, 1), P::Year}},
    };
    return forms;
}

// Types `text` as a person does: into the box, key by key, then Tab on.
void typeDate(DateField *field, const QString &text)
{
    field->lineEdit()->setFocus(Qt::TabFocusReason);
    field->lineEdit()->selectAll();
    QTest::keyClick(field->lineEdit(), Qt::Key_Backspace);
    QTest::keyClicks(field->lineEdit(), text);
    QTest::keyClick(field->lineEdit(), Qt::Key_Tab);
}

} // namespace

TEST_CASE("the date typed is the date stored, in every date field of the incident form", "[ui][input][dates]")
{
    CaseWindow w;
    w.addPerson();
    for (const DateCase &c : dateCases()) {
        REQUIRE(w.window->newEntry(true));
        RecordEditor *editor = w.window->recordEditor();
        DateField *field = c.show(editor);
        REQUIRE(field->isVisible());
        for (const auto &[text, typed] : typedForms()) {
            INFO(c.name.toStdString() << ": typed “" << text.toStdString() << "”");
            typeDate(field, text);
            const auto stored = c.stored(storedDraft(w));
            if (typed.precision == c.holds) {
                // Read as typed, kept as typed: the month and the day are the ones typed, never today's.
                REQUIRE(stored);
                CHECK(*stored == typed);
                CHECK(field->problem().isEmpty());
                CHECK(field->lineEdit()->text() == record::typedDateText(typed));
            } else {
                // A box that holds another precision refuses it beside the box, and stores no date.
                CHECK_FALSE(stored);
                CHECK(field->messageLabel()->isVisible());
                CHECK(field->messageLabel()->text().startsWith(u"<b>Not taken:</b>"_s));
                CHECK(field->lineEdit()->text() == text); // what was typed stays, to be corrected
            }
        }
        // What cannot be read is refused with the reason, and nothing is stored in its place.
        for (const QString &bad : {u"31/2/2026"_s, u"5/11/26"_s, u"13/13/2026"_s, u"Septembr 2026"_s, u"soon"_s}) {
            INFO(c.name.toStdString() << ": typed “" << bad.toStdString() << "”");
            typeDate(field, bad);
            CHECK_FALSE(c.stored(storedDraft(w)));
            CHECK(field->messageLabel()->isVisible());
            CHECK(field->lineEdit()->text() == bad);
            const auto unread = editor->unreadDates();
            REQUIRE(unread.size() == 1);
            CHECK(unread[0].field == field);
        }
        field->lineEdit()->clear();
        REQUIRE(w.window->discardDraft());
    }
}

TEST_CASE("the date typed is the date stored in the case-note form, and a date of birth in the person dialog", "[ui][input][dates]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(false));
    RecordEditor *editor = w.window->recordEditor();
    DateField *day = eventPage(editor, record::DatePrecision::Day, u"day"_s);
    typeDate(day, u"20 September 2026"_s);
    REQUIRE(w.window->saveDraft());
    CHECK(w.window->store().entry(w.window->currentEntryId())->draft->entry.eventDate.date == QDate(2026, 9, 20));

    PersonDialog dialog(record::Person{});
    dialog.show();
    dialog.nameEdit()->setText(u"Kevin Dean"_s);
    for (const auto &[text, typed] : typedForms()) {
        INFO("date of birth typed “" << text.toStdString() << "”");
        typeDate(dialog.dateOfBirthField(), text);
        if (typed.precision == record::DatePrecision::Day && typed.date <= QDate::currentDate()) {
            CHECK(dialog.okButton()->isEnabled());
            CHECK(dialog.person().dateOfBirth == typed.date);
        } else {
            CHECK_FALSE(dialog.okButton()->isEnabled());
            CHECK_FALSE(dialog.person().dateOfBirth.isValid());
        }
    }
    typeDate(dialog.dateOfBirthField(), u"5/11/1979"_s);
    QString error;
    REQUIRE(w.window->addPerson(dialog.person(), &error));
    CHECK(w.window->store().person(w.window->currentPersonId())->dateOfBirth == QDate(1979, 11, 5));
}

TEST_CASE("Finalise asks for a date that was not taken to be corrected first", "[ui][input][dates]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    DateField *status = optionalDate(w.window->recordEditor(), u"/incident/legal/status_date"_s);
    typeDate(status, u"31/2/2026"_s);
    QString said;
    QTimer::singleShot(0, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            said = box->text();
            box->accept();
        }
    });
    w.window->finaliseInteractively();
    CHECK(said.contains(u"“31/2/2026” in Date of that status could not be taken as a date"_s));
    CHECK(w.window->focusWidget() == status->lineEdit());
    auto detail = w.window->store().entry(w.window->currentEntryId());
    CHECK((!detail || detail->revisions.empty())); // not finalised
}

// ---- the keyboard -------------------------------------------------------------------------------------

namespace {

// Walks the Tab chain from `first` while it stays inside `root`, as the worker's Tab key does.
QWidgetList tabChain(QWidget *root, QWidget *first)
{
    QWidgetList chain;
    first->setFocus(Qt::TabFocusReason);
    QCoreApplication::processEvents();
    for (int i = 0; i < 500; ++i) {
        QWidget *now = QApplication::focusWidget();
        if (!now || !root->isAncestorOf(now) || chain.contains(now))
            break;
        chain << now;
        QTest::keyClick(now, Qt::Key_Tab);
    }
    return chain;
}

// Checks the chain goes through the page in reading order: every input reached once, and no step goes
// back up the same column or back left along the same row.
void checkFollowsLayout(QWidget *root, const QWidgetList &chain)
{
    auto rect = [root](QWidget *w) { return QRect(w->mapTo(root, QPoint(0, 0)), w->size()); };
    for (qsizetype i = 1; i < chain.size(); ++i) {
        const QRect a = rect(chain[i - 1]), b = rect(chain[i]);
        INFO("from " << chain[i - 1]->accessibleName().toStdString() << " to " << chain[i]->accessibleName().toStdString());
        if (a.contains(b) || chain[i - 1]->isAncestorOf(chain[i]))
            continue; // into a part of it (a table's cells, scrolled into view or not)
        const bool sameColumn = a.left() < b.right() && b.left() < a.right();
        const bool sameRow = a.top() < b.bottom() && b.top() < a.bottom();
        CHECK_FALSE((sameColumn && !sameRow && b.top() < a.top()));
        CHECK_FALSE((sameRow && b.left() < a.left()));
    }
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root) || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
            continue;
        if (w->parentWidget() && (qobject_cast<QComboBox *>(w->parentWidget()) || qobject_cast<QAbstractSpinBox *>(w->parentWidget())))
            continue; // a control's own line edit
        INFO("not reached by Tab: " << w->metaObject()->className() << " " << w->accessibleName().toStdString());
        CHECK(chain.contains(w));
    }
}

} // namespace

TEST_CASE("Tab follows the layout of the incident form and the case-note form", "[ui][input][tab]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    RecordEditor *editor = w.window->recordEditor();
    revealEverything(editor);
    QCoreApplication::processEvents();
    QWidget *content = formScroll(editor)->widget();
    const QWidgetList chain = tabChain(content, editor->fieldWidget(u"/incident/type"_s));
    CHECK(chain.size() > 40);
    checkFollowsLayout(content, chain);
    // The defect that was: Tab from "Damage to property" went past "Damage in detail".
    const qsizetype damage = chain.indexOf(editor->fieldWidget(u"/incident/harm/property_damage"_s));
    REQUIRE(damage >= 0);
    CHECK(chain.value(damage + 1) == editor->fieldWidget(u"/incident/harm/property_damage_detail"_s));

    REQUIRE(w.window->newEntry(false));
    content = formScroll(editor)->widget();
    const QWidgetList note = tabChain(content, eventDate(editor)->precisionBox());
    CHECK(note.size() >= 4);
    checkFollowsLayout(content, note);
}

TEST_CASE("Tab follows the layout of the person dialog", "[ui][input][tab]")
{
    uitest::app();
    PersonDialog dialog(record::Person{});
    dialog.show();
    QCoreApplication::processEvents();
    const QWidgetList chain = tabChain(&dialog, dialog.nameEdit());
    checkFollowsLayout(&dialog, chain);
    CHECK(chain.contains(dialog.dateOfBirthField()->lineEdit()));
}

TEST_CASE("every Alt+letter of the incident form reaches its field and scrolls it into view", "[ui][input][mnemonic]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(true));
    RecordEditor *editor = w.window->recordEditor();
    w.window->resize(1100, 560);
    QCoreApplication::processEvents();
    QScrollArea *scroll = formScroll(editor);
    int tried = 0;
    for (QLabel *label : scroll->widget()->findChildren<QLabel *>()) {
        const QString text = label->text();
        const qsizetype amp = text.indexOf(u'&');
        if (amp < 0 || amp + 1 >= text.size() || !label->isVisibleTo(scroll->widget()))
            continue;
        INFO("label " << text.toStdString());
        ++tried;
        // Start somewhere else, scrolled away from it.
        NoteEditor *start = w.narrative(label->buddy() == editor->fieldWidget(u"/incident/what_happened"_s)
                                            ? u"/incident/safety_plan"_s
                                            : u"/incident/what_happened"_s);
        start->setFocus();
        scroll->verticalScrollBar()->setValue(label->mapTo(scroll->widget(), QPoint()).y() > 400 ? 0 : scroll->verticalScrollBar()->maximum());
        QCoreApplication::processEvents();
        QTest::keyClick(w.window.get(), text.at(amp + 1).toLower().toLatin1(), Qt::AltModifier);
        QCoreApplication::processEvents();
        QWidget *focus = QApplication::focusWidget();
        REQUIRE(focus);
        QWidget *buddy = label->buddy();
        REQUIRE(buddy);
        CHECK((focus == buddy || buddy->isAncestorOf(focus)));
        // In view: the field's top and bottom are inside the scroll area's viewport.
        const QRect inViewport(focus->mapTo(scroll->viewport(), QPoint()), focus->size());
        CHECK(scroll->viewport()->rect().contains(inViewport.topLeft()));
        CHECK(inViewport.top() < scroll->viewport()->height());
    }
    CHECK(tried >= 12);
}

// ---- one writer ---------------------------------------------------------------------------------

TEST_CASE("Finalise makes final the text on screen, even when the stored draft was changed from elsewhere", "[ui][input][writer]")
{
    CaseWindow w;
    w.addPerson();
    REQUIRE(w.window->newEntry(false));
    fillCleanNote(w, u"Sam phoned at 10:00 to ask when his housing application will be decided."_s);
    QString error;
    REQUIRE(w.window->saveDraft(&error));
    const QString id = w.window->currentEntryId();
    REQUIRE_FALSE(id.isEmpty());
    // Another program writes a different text into the same draft (as a second window did before the
    // writer lock); this window's form still shows the worker's text.
    {
        auto other = store::openStore(w.dbPath);
        REQUIRE(other.ok());
        auto d = (*other)->entry(id);
        REQUIRE(d.ok());
        REQUIRE(d->draft);
        record::Entry changed = d->draft->entry;
        std::get<record::GeneralNote>(changed.body).text = u"Text the worker never saw."_s;
        REQUIRE((*other)->saveDraft(w.window->currentPersonId(), changed, kJo).ok());
    }
    REQUIRE(w.window->finaliseWith({}, {}, &error));
    INFO(error.toStdString());
    auto d = w.window->store().entry(id);
    REQUIRE(d.ok());
    REQUIRE(d->revisions.size() == 1);
    CHECK(std::get<record::GeneralNote>(d->revisions.front().entry.body).text
          == u"Sam phoned at 10:00 to ask when his housing application will be decided."_s);
}

namespace {
// The widgets that do not fit: those reaching past the right edge of the window, widest first.
QStringList pastTheEdge(QWidget *window)
{
    QStringList out;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!w->isVisible() || w->isWindow())
            continue;
        const QRect r(w->mapTo(window, QPoint(0, 0)), w->size());
        if (r.right() > window->width() + 1)
            out << u"%1 %2 (%3): right edge %4, minimum width %5"_s.arg(QString::fromLatin1(w->metaObject()->className()),
                                                                     w->objectName(), w->accessibleName())
                       .arg(r.right())
                       .arg(w->minimumSizeHint().width());
    }
    return out;
}
} // namespace

TEST_CASE("at 1024×700 with a font half as large again, the window and the incident form fit the screen", "[ui][input][reflow]")
{
    uitest::app();
    const QFont before = QApplication::font();
    QFont larger = before;
    if (before.pointSizeF() > 0)
        larger.setPointSizeF(before.pointSizeF() * 1.5);
    else
        larger.setPixelSize(before.pixelSize() * 3 / 2);
    QApplication::setFont(larger);
    struct Restore { QFont font; ~Restore() { QApplication::setFont(font); } } restore{before};

    CaseWindow w;
    w.window->resize(1024, 700); // the whole of a small laptop's screen
    w.addPerson();
    CHECK(w.window->minimumSizeHint().width() <= 1024); // the person's page: buttons in two short rows
    REQUIRE(w.window->newEntry(true));
    revealEverything(w.window->recordEditor());
    QCoreApplication::processEvents();
    // Let the layout settle (slower on a busy machine); the checks below say what is still wrong.
    uitest::waitFor([&] { return pastTheEdge(w.window.get()).isEmpty(); }, 2000);
    INFO(pastTheEdge(w.window.get()).join(u'\n').toStdString());
    CHECK(w.window->width() <= 1024);
    CHECK(w.window->minimumSizeHint().width() <= 1024);
    CHECK(w.window->recordEditor()->labelsAbove()); // each label above its field
    CHECK(pastTheEdge(w.window.get()).isEmpty());
    // The questions panel is wide enough to read (a hidden splitter child comes back at its smallest).
    CHECK(w.window->recordPanel()->width() >= w.window->recordPanel()->fontMetrics().averageCharWidth() * 22);
    // Nothing to scroll sideways to, once the layout has settled (on a busy machine a scroll area may
    // show its bar for a moment while the form is still being laid out).
    auto sidewaysBars = [&] {
        int visible = 0;
        for (QScrollBar *bar : w.window->recordEditor()->findChildren<QScrollBar *>())
            if (bar->orientation() == Qt::Horizontal && bar->parentWidget()
                && qobject_cast<QScrollArea *>(bar->parentWidget()->parentWidget()) && bar->isVisible())
                ++visible;
        return visible;
    };
    CHECK(uitest::waitFor([&] { return sidewaysBars() == 0; }));
}
