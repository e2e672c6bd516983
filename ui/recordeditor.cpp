// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The guided record form: sections of explicit choices and checked narratives.
#include "recordeditor.h"

#include "editactions.h"
#include "formfields.h"
#include "noteeditor.h"
#include "taborder.h"
#include "inputpolicy.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

// A narrative box grows with its text from `lines` lines up to three times that, then scrolls.
void fitToText(QPlainTextEdit *edit, int lines)
{
    const QFontMetrics fm(edit->font());
    const int line = fm.lineSpacing();
    const int frame = 2 * edit->frameWidth() + int(2 * edit->document()->documentMargin()) + 4;
    int wrapped = 0;
    for (QTextBlock b = edit->document()->begin(); b.isValid(); b = b.next())
        wrapped += std::max(1, b.layout() ? b.layout()->lineCount() : 1);
    const int shown = std::clamp(wrapped, lines, lines * 3);
    edit->setFixedHeight(shown * line + frame);
}

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(u"[,;]"_s);
    QStringList out;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts))
        if (const QString s = part.simplified(); !s.isEmpty())
            out << s;
    return out;
}

} // namespace

RecordEditor::RecordEditor(std::shared_ptr<const wording::Checker> checker, FindingFilter *filter, QWidget *parent)
    : QWidget(parent), m_checker(std::move(checker)), m_filter(filter)
{
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setAccessibleName(tr("The entry's questions, section by section"));
    m_scroll->viewport()->installEventFilter(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
    m_incident = true;
    InputPolicy::install();
    build();
    // Whatever takes the focus inside the form is scrolled into view: Tab, a mnemonic (Alt+letter),
    // a prompt in the panel, a click on a half-hidden field.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && m_content && m_content->isAncestorOf(now) && now->isVisible())
            m_scroll->ensureWidgetVisible(now, 40, 60);
    });
}

RecordEditor::~RecordEditor() = default;

void RecordEditor::build()
{
    m_fields.clear();
    m_narratives.clear();
    delete m_content; // its children go with it
    m_content = new QWidget;
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(16, 12, 16, 24);
    layout->setSpacing(14);
    if (m_incident)
        buildIncident(layout);
    else
        buildNote(layout);
    layout->addStretch(1);
    alignLabels();
    m_scroll->setWidget(m_content);
    // Tab follows the page, top to bottom, not the order the fields were made in; every Alt+letter
    // reaches its field.
    setTabOrderFromLayout(m_content);
    connectLabelBuddies(m_content);
    for (auto &[pointer, editor] : m_narratives) {
        editor->setSpellChecker(m_speller);
        editor->setNames(m_names);
    }
    updateVisibility();
}

QFormLayout *RecordEditor::section(QVBoxLayout *layout, const QString &title, const QString &hint)
{
    auto *heading = new QLabel(title, m_content);
    QFont f = heading->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    heading->setFont(f);
    heading->setAccessibleName(title);
    layout->addWidget(heading);
    if (!hint.isEmpty()) {
        auto *h = new QLabel(hint, m_content);
        h->setWordWrap(true);
        h->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(h);
    }
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addLayout(form);
    return form;
}

// Every section is its own form; give their labels one width so the fields line up down the page.
void RecordEditor::alignLabels()
{
    QList<QWidget *> labels;
    int widest = 0;
    for (QFormLayout *form : m_content->findChildren<QFormLayout *>()) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            if (item && item->widget()) {
                labels << item->widget();
                widest = std::max(widest, item->widget()->sizeHint().width());
            }
        }
    }
    m_labelWidth = std::min(widest, 300);
    for (QWidget *label : labels)
        label->setMinimumWidth(m_labelWidth);
    m_wrapped = false;
    reflow();
}

// Narrow (a small screen, a large font): each label goes above its field, so nothing is squeezed or
// pushed off to the side; wide enough again, they go back beside each other.
void RecordEditor::reflow()
{
    if (!m_content)
        return;
    const int available = m_scroll->viewport()->width();
    const int needed = m_labelWidth + fontMetrics().averageCharWidth() * 36 + 60;
    const bool wrap = available > 0 && available < needed;
    if (wrap == m_wrapped)
        return;
    m_wrapped = wrap;
    for (QFormLayout *form : m_content->findChildren<QFormLayout *>()) {
        form->setRowWrapPolicy(wrap ? QFormLayout::WrapAllRows : QFormLayout::DontWrapRows);
        for (int row = 0; row < form->rowCount(); ++row)
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole); item && item->widget())
                item->widget()->setMinimumWidth(wrap ? 0 : m_labelWidth);
    }
}

void RecordEditor::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    reflow();
}

bool RecordEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        reflow();
    return QWidget::eventFilter(watched, event);
}

void RecordEditor::registerField(const QString &pointer, QWidget *widget)
{
    m_fields.emplace_back(pointer, widget);
}

void RecordEditor::watch(QWidget *widget)
{
    if (auto *box = qobject_cast<QComboBox *>(widget))
        connect(box, &QComboBox::currentIndexChanged, this, &RecordEditor::somethingChanged);
    else if (auto *edit = qobject_cast<QLineEdit *>(widget))
        connect(edit, &QLineEdit::textChanged, this, &RecordEditor::somethingChanged);
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
        connect(plain, &QPlainTextEdit::textChanged, this, &RecordEditor::somethingChanged);
    else if (auto *date = qobject_cast<OptionalDateEdit *>(widget))
        connect(date, &OptionalDateEdit::changed, this, &RecordEditor::somethingChanged);
    else if (auto *event = qobject_cast<EventDateEdit *>(widget))
        connect(event, &EventDateEdit::changed, this, &RecordEditor::somethingChanged);
    else if (auto *list = qobject_cast<InterventionsEdit *>(widget)) {
        connect(list, &InterventionsEdit::changed, this, &RecordEditor::somethingChanged);
        // A row added to the table takes its place in the Tab order.
        connect(list, &InterventionsEdit::rowsChanged, this, [this] { setTabOrderFromLayout(m_content); });
    }
}

void RecordEditor::somethingChanged()
{
    updateVisibility();
    if (!m_loading)
        emit changed();
}

NoteEditor *RecordEditor::narrative(const QString &pointer, const QString &accessibleName, const QString &placeholder, int lines)
{
    auto *e = new NoteEditor(m_checker, m_filter, m_content);
    e->setObjectName(pointer);
    e->setAccessibleName(accessibleName);
    e->setPlaceholderText(placeholder);
    e->setTabChangesFocus(true);
    e->document()->setDocumentMargin(6);
    fitToText(e, lines);
    connect(e->document(), &QTextDocument::contentsChanged, e, [e, lines] {
        // After layout, so the line count includes wrapping.
        QTimer::singleShot(0, e, [e, lines] { fitToText(e, lines); });
    });
    connect(e, &NoteEditor::findingsChanged, this, &RecordEditor::findingsChanged);
    connect(e, &NoteEditor::cursorPositionChanged, this, [this, e] { m_lastNarrative = e; });
    e->setFindingActions(m_findingActions);
    EditActions::undoByWord(e); // undo takes back a word, not a whole sentence
    registerField(pointer, e);
    watch(e);
    m_narratives.emplace_back(pointer, e);
    return e;
}

QLineEdit *RecordEditor::line(const QString &pointer, const QString &accessibleName, const QString &placeholder)
{
    auto *e = new QLineEdit(m_content);
    e->setObjectName(pointer);
    e->setAccessibleName(accessibleName);
    e->setPlaceholderText(placeholder);
    registerField(pointer, e);
    watch(e);
    return e;
}

template <typename E>
static QComboBox *choiceBox(QWidget *parent, const QString &pointer, const QString &accessibleName)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(pointer);
    fillChoices<E>(box);
    box->setAccessibleName(accessibleName);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}

void RecordEditor::buildNote(QVBoxLayout *layout)
{
    QFormLayout *form = section(layout, tr("The note"),
                                tr("Write what happened, what was said and by whom, and what you did. Put the person's "
                                   "own words in quotation marks."));
    m_eventDate = new EventDateEdit(m_content);
    m_eventDate->setObjectName(u"/event_date"_s);
    registerField(u"/event_date"_s, m_eventDate);
    registerField(u"/event_date/precision"_s, m_eventDate);
    watch(m_eventDate);
    form->addRow(tr("Whe&n it happened:"), m_eventDate);
    m_lateReason = line(u"/late_entry_reason"_s, tr("Why this is written late"),
                        tr("Only if written more than a day after: why now? (for example: told on 3 March by the night worker)"));
    form->addRow(tr("Why late (if it is):"), m_lateReason);
    m_peoplePresent = line(u"/people_present"_s, tr("People present"), tr("Names, separated by commas"));
    form->addRow(tr("People present:"), m_peoplePresent);
    m_noteText = narrative(u"/note/text"_s, tr("The note"), tr("What happened, when, and who was there?"), 12);
    form->addRow(m_noteText);
}

void RecordEditor::buildIncident(QVBoxLayout *layout)
{
    // What happened
    QFormLayout *what = section(layout, tr("What happened"),
                                tr("Describe what was seen and heard, in order, without conclusions. Put the person's own words "
                                   "in quotation marks. “Unknown” is always an answer; a blank is not."));
    m_type = choiceBox<record::IncidentType>(m_content, u"/incident/type"_s, tr("Kind of incident"));
    registerField(u"/incident/type"_s, m_type);
    watch(m_type);
    what->addRow(tr("&Kind of incident:"), m_type);
    m_cause = choiceBox<record::AccidentalCause>(m_content, u"/incident/accidental_cause"_s, tr("Cause of the accidental fire"));
    registerField(u"/incident/accidental_cause"_s, m_cause);
    watch(m_cause);
    m_causeLabel = new QLabel(tr("Cause:"), m_content);
    m_causeLabel->setBuddy(m_cause);
    what->addRow(m_causeLabel, m_cause);
    m_whatHappened = narrative(u"/incident/what_happened"_s, tr("What happened"),
                               tr("For example: At 23:40 the smoke alarm in Room 12 sounded. The night worker found a pillowcase "
                                  "smouldering next to an ashtray…"), 5);
    auto *whatLabel = new QLabel(tr("&What happened:"), m_content);
    whatLabel->setBuddy(m_whatHappened);
    what->addRow(whatLabel);
    what->addRow(m_whatHappened);

    // When and where
    QFormLayout *when = section(layout, tr("When and where"));
    m_eventDate = new EventDateEdit(m_content);
    m_eventDate->setObjectName(u"/event_date"_s);
    registerField(u"/event_date"_s, m_eventDate);
    registerField(u"/event_date/precision"_s, m_eventDate);
    watch(m_eventDate);
    when->addRow(tr("Whe&n it happened:"), m_eventDate);
    m_lateReason = line(u"/late_entry_reason"_s, tr("Why this is written late"),
                        tr("Only if written more than a day after: why now?"));
    when->addRow(tr("Why late (if it is):"), m_lateReason);
    m_setting = choiceBox<record::SettingType>(m_content, u"/incident/setting/type"_s, tr("Setting"));
    registerField(u"/incident/setting/type"_s, m_setting);
    watch(m_setting);
    when->addRow(tr("Setting:"), m_setting);
    m_settingDetail = line(u"/incident/setting/detail"_s, tr("Where exactly"), tr("For example: Room 12, Fairview Lodge"));
    when->addRow(tr("Where e&xactly:"), m_settingDetail);
    m_peoplePresent = line(u"/people_present"_s, tr("People present"), tr("Names, separated by commas"));
    when->addRow(tr("People present:"), m_peoplePresent);

    // Harm
    QFormLayout *harm = section(layout, tr("Harm"));
    m_injury = choiceBox<record::Injury>(m_content, u"/incident/harm/injury"_s, tr("Injury"));
    m_damage = choiceBox<record::Damage>(m_content, u"/incident/harm/property_damage"_s, tr("Damage to property"));
    m_fireService = choiceBox<record::YesNoUnknown>(m_content, u"/incident/harm/fire_service_attended"_s,
                                                   tr("Fire and rescue service attended"));
    m_evacuation = choiceBox<record::YesNoUnknown>(m_content, u"/incident/harm/evacuation"_s, tr("Building evacuated"));
    for (QComboBox *b : {m_injury, m_damage, m_fireService, m_evacuation}) {
        registerField(b->objectName(), b);
        watch(b);
    }
    harm->addRow(tr("&Injury:"), m_injury);
    harm->addRow(tr("&Damage to property:"), m_damage);
    m_damageDetail = line(u"/incident/harm/property_damage_detail"_s, tr("Damage in detail"),
                          tr("What was damaged, and how much (for example: a scorch mark about 10 cm wide on the carpet)"));
    harm->addRow(tr("Damage in detail:"), m_damageDetail);
    harm->addRow(tr("Fire service attended:"), m_fireService);
    harm->addRow(tr("&Building evacuated:"), m_evacuation);

    // How we know
    QFormLayout *know = section(layout, tr("How we know"),
                                tr("Say where this came from, so a reader can weigh it: what you saw yourself, what the person "
                                   "told you, or what someone else or a record says."));
    m_sourceType = choiceBox<record::SourceType>(m_content, u"/incident/source/type"_s, tr("Source of the information"));
    registerField(u"/incident/source/type"_s, m_sourceType);
    watch(m_sourceType);
    know->addRow(tr("Sou&rce:"), m_sourceType);
    m_thirdParty = line(u"/incident/source/third_party_role"_s, tr("Who told us"),
                        tr("Their role and organisation, for example: night manager at Elm House"));
    m_thirdPartyLabel = new QLabel(tr("Who told us:"), m_content);
    m_thirdPartyLabel->setBuddy(m_thirdParty);
    know->addRow(m_thirdPartyLabel, m_thirdParty);
    m_official = choiceBox<record::OfficialBody>(m_content, u"/incident/source/official_body"_s, tr("Whose official record"));
    registerField(u"/incident/source/official_body"_s, m_official);
    watch(m_official);
    m_officialLabel = new QLabel(tr("Whose record:"), m_content);
    m_officialLabel->setBuddy(m_official);
    know->addRow(m_officialLabel, m_official);
    m_reference = line(u"/incident/source/reference"_s, tr("Reference"),
                       tr("For example: FRS incident report 1234, 3 March 2024"));
    know->addRow(tr("Reference:"), m_reference);
    m_verification = choiceBox<record::Verification>(m_content, u"/incident/source/verification"_s, tr("Verification"));
    registerField(u"/incident/source/verification"_s, m_verification);
    watch(m_verification);
    know->addRow(tr("&Verified:"), m_verification);

    // Outcome
    QFormLayout *outcome = section(layout, tr("Outcome"),
                                   tr("What came of it. An allegation is not a charge, and a charge is not a conviction."));
    m_legal = choiceBox<record::LegalStatus>(m_content, u"/incident/legal/status"_s, tr("Legal status and outcome"));
    registerField(u"/incident/legal/status"_s, m_legal);
    watch(m_legal);
    outcome->addRow(tr("Le&gal status:"), m_legal);
    m_statusDate = new OptionalDateEdit(tr("Date of that status"), m_content);
    m_statusDate->setObjectName(u"/incident/legal/status_date"_s);
    registerField(u"/incident/legal/status_date"_s, m_statusDate);
    watch(m_statusDate);
    outcome->addRow(tr("Date of that status:"), m_statusDate);
    m_convictionBox = new QWidget(m_content);
    auto *conviction = new QFormLayout(m_convictionBox);
    conviction->setContentsMargins(0, 0, 0, 0);
    m_offence = line(u"/incident/legal/conviction/offence"_s, tr("Offence"), tr("As the court recorded it"));
    m_convictionDate = new OptionalDateEdit(tr("Date of conviction"), m_convictionBox);
    m_convictionDate->setObjectName(u"/incident/legal/conviction/date"_s);
    registerField(u"/incident/legal/conviction/date"_s, m_convictionDate);
    registerField(u"/incident/legal/conviction"_s, m_offence);
    watch(m_convictionDate);
    m_court = line(u"/incident/legal/conviction/court"_s, tr("Court"));
    m_sentence = line(u"/incident/legal/conviction/sentence"_s, tr("Sentence"));
    conviction->addRow(tr("Offence:"), m_offence);
    conviction->addRow(tr("Date of conviction:"), m_convictionDate);
    conviction->addRow(tr("Court:"), m_court);
    conviction->addRow(tr("Sentence:"), m_sentence);
    outcome->addRow(m_convictionBox);
    m_spent = new QComboBox(m_content);
    m_spent->setObjectName(u"/incident/legal/spent"_s);
    m_spent->addItem(tr("Not confirmed"), -1);
    m_spent->addItem(tr("Yes, spent"), 1);
    m_spent->addItem(tr("No, not spent"), 0);
    m_spent->setAccessibleName(tr("Whether it is spent"));
    m_spent->setToolTip(tr("Only confirm this when you have checked: a spent conviction or caution usually need not be disclosed "
                           "(Rehabilitation of Offenders Act 1974)."));
    registerField(u"/incident/legal/spent"_s, m_spent);
    watch(m_spent);
    m_spentLabel = new QLabel(tr("Spent:"), m_content);
    m_spentLabel->setBuddy(m_spent);
    outcome->addRow(m_spentLabel, m_spent);

    // Context
    QFormLayout *context = section(layout, tr("Context"));
    m_context = narrative(u"/incident/context"_s, tr("What was going on at the time"),
                          tr("For example: distress, intoxication, conflict, an accident. Write “not known” if it is not."), 3);
    auto *contextLabel = new QLabel(tr("What was going on at the ti&me:"), m_content);
    contextLabel->setBuddy(m_context);
    context->addRow(contextLabel);
    context->addRow(m_context);

    // Since then
    QFormLayout *since = section(layout, tr("Since then"));
    m_changesSince = narrative(u"/incident/changes_since"_s, tr("What has changed since"),
                               tr("Support, treatment, a fire-setter programme, time without incident. Write “nothing yet” if "
                                  "nothing has."), 3);
    auto *sinceLabel = new QLabel(tr("What has changed since:"), m_content);
    sinceLabel->setBuddy(m_changesSince);
    since->addRow(sinceLabel);
    since->addRow(m_changesSince);
    m_interventions = new InterventionsEdit(m_content);
    m_interventions->setObjectName(u"/incident/interventions"_s);
    registerField(u"/incident/interventions"_s, m_interventions);
    watch(m_interventions);
    since->addRow(tr("Interventions:"), m_interventions);

    // Safety plan
    QFormLayout *safety = section(layout, tr("Safety plan"),
                                  tr("The current fire-safety factors, and what has been agreed to keep the person and others safe."));
    m_smoking = choiceBox<record::YesNoUnknown>(m_content, u"/incident/safety/smoking"_s, tr("Smokes"));
    m_substances = choiceBox<record::YesNoUnknown>(m_content, u"/incident/safety/substance_use"_s, tr("Alcohol or drug use affects fire safety"));
    m_mobility = choiceBox<record::YesNoUnknown>(m_content, u"/incident/safety/mobility_difficulty"_s, tr("Difficulty getting out in a fire"));
    m_hoarding = choiceBox<record::YesNoUnknown>(m_content, u"/incident/safety/hoarding_or_blocked_escape"_s, tr("Hoarding or blocked escape routes"));
    m_alarm = choiceBox<record::YesNoUnknown>(m_content, u"/incident/safety/working_smoke_alarm"_s, tr("Working smoke alarm"));
    for (QComboBox *b : {m_smoking, m_substances, m_mobility, m_hoarding, m_alarm}) {
        registerField(b->objectName(), b);
        watch(b);
    }
    safety->addRow(tr("Smokes:"), m_smoking);
    safety->addRow(tr("Alcohol or drug use:"), m_substances);
    safety->addRow(tr("Difficulty getting out:"), m_mobility);
    safety->addRow(tr("Hoarding or blocked exits:"), m_hoarding);
    safety->addRow(tr("Working smoke alarm:"), m_alarm);
    m_visit = choiceBox<record::VisitStatus>(m_content, u"/incident/safety/home_fire_safety_visit"_s, tr("Home fire safety visit"));
    registerField(u"/incident/safety/home_fire_safety_visit"_s, m_visit);
    watch(m_visit);
    safety->addRow(tr("Home fire safety visit:"), m_visit);
    m_visitDate = new OptionalDateEdit(tr("Date of the home fire safety visit"), m_content);
    m_visitDate->setObjectName(u"/incident/safety/home_fire_safety_visit_date"_s);
    registerField(u"/incident/safety/home_fire_safety_visit_date"_s, m_visitDate);
    watch(m_visitDate);
    safety->addRow(tr("Date of the visit:"), m_visitDate);
    m_safetyPlan = narrative(u"/incident/safety_plan"_s, tr("Agreed safety plan"),
                             tr("What has been agreed, with whom. Write “none needed” and why, if none is."), 3);
    auto *planLabel = new QLabel(tr("Agreed safet&y plan:"), m_content);
    planLabel->setBuddy(m_safetyPlan);
    safety->addRow(planLabel);
    safety->addRow(m_safetyPlan);

    // The person's view
    QFormLayout *view = section(layout, tr("The person's view"),
                                tr("Their account in their own words. It is recorded as they said it and is never checked for wording."));
    m_accountStatus = choiceBox<record::AccountStatus>(m_content, u"/incident/own_account/status"_s, tr("Their account"));
    registerField(u"/incident/own_account/status"_s, m_accountStatus);
    watch(m_accountStatus);
    view->addRow(tr("Their account:"), m_accountStatus);
    m_accountReason = line(u"/incident/own_account/reason"_s, tr("Why not, or when it will be asked"),
                           tr("If not asked or not possible: why, and when it will be"));
    view->addRow(tr("Why not:"), m_accountReason);
    m_accountText = new QPlainTextEdit(m_content);
    m_accountText->setObjectName(u"/incident/own_account/text"_s);
    m_accountText->setAccessibleName(tr("The person's account in their own words"));
    m_accountText->setPlaceholderText(tr("Their words, as they said them"));
    m_accountText->setTabChangesFocus(true);
    EditActions::undoByWord(m_accountText);
    fitToText(m_accountText, 3);
    connect(m_accountText->document(), &QTextDocument::contentsChanged, m_accountText,
            [this] { QTimer::singleShot(0, m_accountText, [this] { fitToText(m_accountText, 3); }); });
    registerField(u"/incident/own_account/text"_s, m_accountText);
    watch(m_accountText);
    auto *wordsLabel = new QLabel(tr("In their &own words:"), m_content);
    wordsLabel->setBuddy(m_accountText);
    view->addRow(wordsLabel);
    view->addRow(m_accountText);
    m_disputes = choiceBox<record::YesNoUnknown>(m_content, u"/incident/own_account/disputes_record"_s, tr("Disputes this record"));
    registerField(u"/incident/own_account/disputes_record"_s, m_disputes);
    watch(m_disputes);
    view->addRow(tr("They dispute this record:"), m_disputes);
}

void RecordEditor::updateVisibility()
{
    if (!m_incident)
        return;
    const auto type = choice<record::IncidentType>(m_type);
    m_cause->setVisible(type == record::IncidentType::Accidental);
    m_causeLabel->setVisible(type == record::IncidentType::Accidental);
    const auto source = choice<record::SourceType>(m_sourceType);
    m_thirdParty->setVisible(source == record::SourceType::ThirdParty);
    m_thirdPartyLabel->setVisible(source == record::SourceType::ThirdParty);
    m_official->setVisible(source == record::SourceType::OfficialRecord);
    m_officialLabel->setVisible(source == record::SourceType::OfficialRecord);
    const auto legal = choice<record::LegalStatus>(m_legal);
    m_convictionBox->setVisible(legal == record::LegalStatus::Convicted);
    const bool spentApplies = legal == record::LegalStatus::Convicted || legal == record::LegalStatus::Caution;
    m_spent->setVisible(spentApplies);
    m_spentLabel->setVisible(spentApplies);
}

void RecordEditor::setEntry(const record::Entry &entry)
{
    m_loading = true;
    m_base = entry;
    const bool incident = entry.isIncident();
    if (incident != m_incident || !m_content) {
        m_incident = incident;
        build();
    }
    m_eventDate->setValue(entry.eventDate);
    m_lateReason->setText(entry.lateEntryReason);
    m_peoplePresent->setText(entry.peoplePresent.join(u", "_s));
    if (!incident) {
        m_noteText->setNoteText(std::get<record::GeneralNote>(entry.body).text);
    } else {
        const record::IncidentRecord &r = *entry.incident();
        setChoice(m_type, r.type);
        setChoice(m_cause, r.accidentalCause);
        m_whatHappened->setNoteText(r.whatHappened);
        setChoice(m_setting, r.setting.type);
        m_settingDetail->setText(r.setting.detail);
        setChoice(m_injury, r.harm.injury);
        setChoice(m_damage, r.harm.damage);
        m_damageDetail->setText(r.harm.damageDetail);
        setChoice(m_fireService, r.harm.fireServiceAttended);
        setChoice(m_evacuation, r.harm.evacuation);
        setChoice(m_sourceType, r.source.type);
        m_thirdParty->setText(r.source.thirdPartyRole);
        setChoice(m_official, r.source.official);
        m_reference->setText(r.source.reference);
        setChoice(m_verification, r.source.verification);
        setChoice(m_legal, r.legal.status);
        m_statusDate->setDate(r.legal.statusDate);
        m_offence->setText(r.legal.conviction.offence);
        m_convictionDate->setDate(r.legal.conviction.date);
        m_court->setText(r.legal.conviction.court);
        m_sentence->setText(r.legal.conviction.sentence);
        m_spent->setCurrentIndex(!r.legal.spent ? 0 : (*r.legal.spent ? 1 : 2));
        m_context->setNoteText(r.context);
        m_changesSince->setNoteText(r.changesSince);
        m_interventions->setValue(r.interventions);
        setChoice(m_smoking, r.safety.smoking);
        setChoice(m_substances, r.safety.substanceUse);
        setChoice(m_mobility, r.safety.mobilityDifficulty);
        setChoice(m_hoarding, r.safety.hoardingOrBlockedEscape);
        setChoice(m_alarm, r.safety.workingSmokeAlarm);
        setChoice(m_visit, r.safety.homeFireSafetyVisit);
        m_visitDate->setDate(r.safety.homeFireSafetyVisitDate);
        m_safetyPlan->setNoteText(r.safetyPlan);
        setChoice(m_accountStatus, r.ownAccount.status);
        m_accountReason->setText(r.ownAccount.reason);
        m_accountText->setPlainText(r.ownAccount.text);
        setChoice(m_disputes, r.ownAccount.disputesRecord);
    }
    updateVisibility();
    setReadOnly(m_readOnly);
    m_scroll->verticalScrollBar()->setValue(0);
    m_loading = false;
}

std::vector<RecordEditor::UnreadDate> RecordEditor::unreadDates() const
{
    std::vector<UnreadDate> out;
    auto add = [&](const QString &pointer, DateField *field) {
        if (field && field->isVisibleTo(m_content) && !field->problem().isEmpty())
            out.push_back({pointer, field, field->accessibleName(), field->lineEdit()->text().trimmed(), field->problem()});
    };
    for (const auto &[pointer, w] : m_fields) {
        if (auto *date = qobject_cast<OptionalDateEdit *>(w)) {
            add(pointer, date->field());
        } else if (auto *event = qobject_cast<EventDateEdit *>(w)) {
            if (pointer == u"/event_date")
                for (DateField *d : event->dateFields())
                    add(pointer, d);
        } else if (auto *list = qobject_cast<InterventionsEdit *>(w)) {
            for (int row = 0; row < list->table()->rowCount(); ++row)
                if (auto *d = qobject_cast<OptionalDateEdit *>(list->table()->cellWidget(row, 1)))
                    add(pointer + u"/%1/date"_s.arg(row), d->field());
        }
    }
    return out;
}

record::Entry RecordEditor::entry() const
{
    record::Entry e;
    e.id = m_base.id;
    e.writtenAt = m_base.writtenAt;
    e.author = m_base.author;
    e.eventDate = m_eventDate->value();
    e.lateEntryReason = m_lateReason->text().trimmed();
    e.peoplePresent = splitList(m_peoplePresent->text());
    if (!m_incident) {
        e.body = record::GeneralNote{m_noteText->toPlainText()};
        return e;
    }
    record::IncidentRecord r;
    r.type = choice<record::IncidentType>(m_type);
    if (r.type == record::IncidentType::Accidental)
        r.accidentalCause = choice<record::AccidentalCause>(m_cause);
    r.whatHappened = m_whatHappened->toPlainText();
    r.setting.type = choice<record::SettingType>(m_setting);
    r.setting.detail = m_settingDetail->text().trimmed();
    r.harm.injury = choice<record::Injury>(m_injury);
    r.harm.damage = choice<record::Damage>(m_damage);
    r.harm.damageDetail = m_damageDetail->text().trimmed();
    r.harm.fireServiceAttended = choice<record::YesNoUnknown>(m_fireService);
    r.harm.evacuation = choice<record::YesNoUnknown>(m_evacuation);
    r.source.type = choice<record::SourceType>(m_sourceType);
    if (r.source.type == record::SourceType::ThirdParty)
        r.source.thirdPartyRole = m_thirdParty->text().trimmed();
    if (r.source.type == record::SourceType::OfficialRecord)
        r.source.official = choice<record::OfficialBody>(m_official);
    r.source.reference = m_reference->text().trimmed();
    r.source.verification = choice<record::Verification>(m_verification);
    r.legal.status = choice<record::LegalStatus>(m_legal);
    r.legal.statusDate = m_statusDate->date();
    if (r.legal.status == record::LegalStatus::Convicted) {
        r.legal.conviction.offence = m_offence->text().trimmed();
        r.legal.conviction.date = m_convictionDate->date();
        r.legal.conviction.court = m_court->text().trimmed();
        r.legal.conviction.sentence = m_sentence->text().trimmed();
    }
    if (r.legal.status == record::LegalStatus::Convicted || r.legal.status == record::LegalStatus::Caution) {
        const int spent = m_spent->currentData().toInt();
        if (spent >= 0)
            r.legal.spent = spent == 1;
    }
    r.context = m_context->toPlainText();
    r.changesSince = m_changesSince->toPlainText();
    r.interventions = m_interventions->value();
    r.safety.smoking = choice<record::YesNoUnknown>(m_smoking);
    r.safety.substanceUse = choice<record::YesNoUnknown>(m_substances);
    r.safety.mobilityDifficulty = choice<record::YesNoUnknown>(m_mobility);
    r.safety.hoardingOrBlockedEscape = choice<record::YesNoUnknown>(m_hoarding);
    r.safety.workingSmokeAlarm = choice<record::YesNoUnknown>(m_alarm);
    r.safety.homeFireSafetyVisit = choice<record::VisitStatus>(m_visit);
    r.safety.homeFireSafetyVisitDate = m_visitDate->date();
    r.safetyPlan = m_safetyPlan->toPlainText();
    r.ownAccount.status = choice<record::AccountStatus>(m_accountStatus);
    r.ownAccount.reason = m_accountReason->text().trimmed();
    r.ownAccount.text = m_accountText->toPlainText();
    r.ownAccount.disputesRecord = choice<record::YesNoUnknown>(m_disputes);
    e.body = std::move(r);
    return e;
}

void RecordEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (auto &[pointer, w] : m_fields) {
        if (auto *box = qobject_cast<QComboBox *>(w))
            box->setEnabled(!readOnly);
        else if (auto *edit = qobject_cast<QLineEdit *>(w))
            edit->setReadOnly(readOnly);
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(w))
            plain->setReadOnly(readOnly);
        else if (auto *date = qobject_cast<OptionalDateEdit *>(w))
            date->setReadOnly(readOnly);
        else if (auto *event = qobject_cast<EventDateEdit *>(w))
            event->setReadOnly(readOnly);
        else if (auto *list = qobject_cast<InterventionsEdit *>(w))
            list->setReadOnly(readOnly);
    }
    if (m_content)
        setTabOrderFromLayout(m_content);
}

void RecordEditor::setChecker(std::shared_ptr<const wording::Checker> checker)
{
    m_checker = std::move(checker);
    for (auto &[pointer, editor] : m_narratives)
        editor->setChecker(m_checker);
}

void RecordEditor::setSpellChecker(std::shared_ptr<spelling::SpellChecker> speller)
{
    m_speller = std::move(speller);
    for (auto &[pointer, editor] : m_narratives)
        editor->setSpellChecker(m_speller);
}

void RecordEditor::setFindingActions(const QList<QAction *> &actions)
{
    m_findingActions = actions;
    for (auto &[pointer, editor] : m_narratives)
        editor->setFindingActions(actions);
}

void RecordEditor::setNames(const QStringList &names)
{
    if (names == m_names)
        return;
    m_names = names;
    for (auto &[pointer, editor] : m_narratives)
        editor->setNames(names);
}

std::vector<std::pair<QString, NoteEditor *>> RecordEditor::narratives() const { return m_narratives; }

QStringList RecordEditor::fieldPointers() const
{
    QStringList out;
    for (const auto &[p, w] : m_fields)
        out << p;
    return out;
}

QWidget *RecordEditor::fieldWidget(const QString &pointer) const
{
    // The longest registered pointer that is the pointer itself or one of its parents.
    QWidget *best = nullptr;
    qsizetype bestLength = -1;
    for (const auto &[p, w] : m_fields) {
        const bool matches = pointer == p || pointer.startsWith(p + u'/');
        if (matches && p.size() > bestLength && w->isVisibleTo(m_content)) {
            best = w;
            bestLength = p.size();
        }
    }
    if (best)
        return best;
    // A field hidden until its choice is made (the third party's name): go to the choice before it.
    for (const auto &[p, w] : m_fields)
        if (pointer == p)
            return w;
    return nullptr;
}

bool RecordEditor::focusField(const QString &pointer)
{
    QWidget *w = fieldWidget(pointer);
    if (!w)
        return false;
    if (!w->isVisibleTo(m_content)) {
        // Its section's choice decides whether it shows: take the worker to the choice.
        if (pointer.startsWith(u"/incident/source/"_s))
            w = m_sourceType;
        else if (pointer.startsWith(u"/incident/legal/"_s))
            w = m_legal;
        else if (pointer == u"/incident/accidental_cause"_s)
            w = m_type;
    }
    m_scroll->ensureWidgetVisible(w, 40, 80);
    w->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace fairnote::ui
