// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The record form's small field widgets.
#include "formfields.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QRegularExpressionValidator>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {
const QString kUkDate = u"d MMMM yyyy"_s;

QDate today() { return QDate::currentDate(); }
} // namespace

// ---- BlankDateEdit ------------------------------------------------------------------------------

// The blank value sits just below any date that can be entered; Qt shows the special-value text there.
static const QDate kBlank(1899, 12, 31);

BlankDateEdit::BlankDateEdit(const QString &format, QWidget *parent) : QDateEdit(parent)
{
    setDisplayFormat(format);
    setCalendarPopup(true);
    setMinimumDate(kBlank);
    setMaximumDate(QDate(2200, 12, 31));
    setSpecialValueText(format.contains(u'd') ? tr("Enter the date") : tr("Enter the month"));
    clear();
    calendarWidget()->installEventFilter(this);
}

bool BlankDateEdit::isEntered() const { return date() > kBlank; }

QDate BlankDateEdit::enteredDate() const { return isEntered() ? date() : QDate(); }

void BlankDateEdit::setEnteredDate(const QDate &d) { setDate(d.isValid() ? d : kBlank); }

void BlankDateEdit::clear() { setDate(kBlank); }

// The arrow keys and the wheel on a blank box start from today: the worker's own step, and shown.
void BlankDateEdit::stepBy(int steps)
{
    if (!isEntered()) {
        start();
        return;
    }
    QDateEdit::stepBy(steps);
}

void BlankDateEdit::keyPressEvent(QKeyEvent *event)
{
    // Qt would append what is typed to the special-value text; start from today's date with the
    // first part selected, so the typed digits (or a month's name) replace it.
    if (!isEntered() && !isReadOnly() && !event->text().isEmpty() && event->text().at(0).isLetterOrNumber())
        start();
    QDateEdit::keyPressEvent(event);
}

bool BlankDateEdit::eventFilter(QObject *watched, QEvent *event)
{
    // The calendar of a blank box opens on this month, not on December 1899; nothing is chosen yet.
    if (watched == calendarWidget() && event->type() == QEvent::Show && !isEntered())
        calendarWidget()->setCurrentPage(today().year(), today().month());
    return QDateEdit::eventFilter(watched, event);
}

void BlankDateEdit::start()
{
    setDate(today());
    setCurrentSectionIndex(0);
    setSelectedSection(sectionAt(0));
}

// ---- BlankYearBox -------------------------------------------------------------------------------

BlankYearBox::BlankYearBox(QWidget *parent) : QSpinBox(parent)
{
    setRange(kBlank.year(), 2200);
    setSpecialValueText(tr("Enter the year"));
    clear();
}

bool BlankYearBox::isEntered() const { return value() > minimum(); }

void BlankYearBox::clear() { setValue(minimum()); }

void BlankYearBox::stepBy(int steps)
{
    if (!isEntered()) {
        setValue(today().year());
        selectAll();
        return;
    }
    QSpinBox::stepBy(steps);
}

void BlankYearBox::keyPressEvent(QKeyEvent *event)
{
    // The digits typed are the year, not added to "Enter the year".
    if (!isReadOnly() && lineEdit()->text() == specialValueText() && !event->text().isEmpty() && event->text().at(0).isDigit())
        lineEdit()->clear();
    QSpinBox::keyPressEvent(event);
}

QString notAnsweredText() { return QObject::tr("— not answered —"); }

// ---- OptionalDateEdit ---------------------------------------------------------------------------

OptionalDateEdit::OptionalDateEdit(const QString &accessibleName, QWidget *parent) : QWidget(parent)
{
    setAccessibleName(accessibleName);
    m_known = new QCheckBox(tr("Known"), this);
    m_known->setAccessibleName(tr("%1 is known").arg(accessibleName));
    m_edit = new BlankDateEdit(kUkDate, this);
    m_edit->setAccessibleName(accessibleName);
    m_edit->setEnabled(false);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_known);
    row->addWidget(m_edit, 1);
    setFocusProxy(m_known);
    connect(m_known, &QCheckBox::toggled, this, [this](bool on) {
        m_edit->setEnabled(on);
        if (!on)
            m_edit->clear();
        emit changed();
    });
    connect(m_edit, &QDateEdit::dateChanged, this, &OptionalDateEdit::changed);
}

// Ticked but not entered yet is no date: nothing is saved that the worker did not choose.
QDate OptionalDateEdit::date() const { return m_known->isChecked() ? m_edit->enteredDate() : QDate(); }

void OptionalDateEdit::setDate(const QDate &date)
{
    m_known->setChecked(date.isValid());
    m_edit->setEnteredDate(date);
}

void OptionalDateEdit::setReadOnly(bool readOnly)
{
    m_known->setEnabled(!readOnly);
    m_edit->setReadOnly(readOnly);
}

// ---- EventDateEdit ------------------------------------------------------------------------------

namespace {
// "14:05", "9:30": a time of day, or nothing.
QTime parseTime(const QString &text)
{
    static const QRegularExpression time(u"^\\s*([01]?\\d|2[0-3])[:.]([0-5]\\d)\\s*$"_s);
    const auto m = time.match(text);
    return m.hasMatch() ? QTime(m.captured(1).toInt(), m.captured(2).toInt()) : QTime();
}
} // namespace

EventDateEdit::EventDateEdit(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("When it happened"));
    m_precision = new QComboBox(this);
    fillChoices<record::DatePrecision>(m_precision);
    m_precision->setAccessibleName(tr("When it happened: how precisely the date is known"));
    m_precision->setToolTip(tr("Choose how much of the date is known: “Unknown” is an answer, a blank is not."));
    m_pages = new QStackedWidget(this);

    auto *none = new QLabel(tr("Choose how precisely the date is known."), this);
    none->setEnabled(false);
    auto *exact = new QWidget(this);
    auto *exactRow = new QHBoxLayout(exact);
    exactRow->setContentsMargins(0, 0, 0, 0);
    m_exactDate = new BlankDateEdit(kUkDate, exact);
    m_exactDate->setObjectName(u"exactDate"_s);
    m_exactDate->setAccessibleName(tr("Date of the event"));
    m_exactTime = new QLineEdit(exact);
    m_exactTime->setObjectName(u"exactTime"_s);
    m_exactTime->setAccessibleName(tr("Time of the event, as hours and minutes"));
    m_exactTime->setPlaceholderText(tr("hh:mm"));
    m_exactTime->setMaxLength(5);
    m_exactTime->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[0-2]?\\d([:.][0-5]?\\d?)?"_s), m_exactTime));
    m_exactTime->setMaximumWidth(m_exactTime->fontMetrics().horizontalAdvance(u"00:00__"_s) + 16);
    exactRow->addWidget(m_exactDate, 1);
    exactRow->addWidget(new QLabel(tr("at"), exact));
    exactRow->addWidget(m_exactTime);
    m_day = new BlankDateEdit(kUkDate, this);
    m_day->setObjectName(u"day"_s);
    m_day->setAccessibleName(tr("Day of the event"));
    m_month = new BlankDateEdit(u"MMMM yyyy"_s, this);
    m_month->setObjectName(u"month"_s);
    m_month->setAccessibleName(tr("Month of the event"));
    m_year = new BlankYearBox(this);
    m_year->setObjectName(u"year"_s);
    m_year->setAccessibleName(tr("Year of the event"));
    auto *range = new QWidget(this);
    auto *rangeRow = new QHBoxLayout(range);
    rangeRow->setContentsMargins(0, 0, 0, 0);
    m_from = new BlankDateEdit(kUkDate, range);
    m_from->setObjectName(u"from"_s);
    m_from->setAccessibleName(tr("Earliest date of the event"));
    m_to = new BlankDateEdit(kUkDate, range);
    m_to->setObjectName(u"to"_s);
    m_to->setAccessibleName(tr("Latest date of the event"));
    m_to->setToolTip(tr("Not before the first date"));
    // Typed dates count once the box is left, so a half-typed date is never taken for a reversed range.
    m_from->setKeyboardTracking(false);
    m_to->setKeyboardTracking(false);
    rangeRow->addWidget(new QLabel(tr("between"), range));
    rangeRow->addWidget(m_from, 1);
    rangeRow->addWidget(new QLabel(tr("and"), range));
    rangeRow->addWidget(m_to, 1);
    auto *unknown = new QLabel(tr("The date is not known."), this);

    m_pages->addWidget(none);     // 0: not answered
    m_pages->addWidget(exact);    // 1..6 follow DatePrecision's table order
    m_pages->addWidget(m_day);
    m_pages->addWidget(m_month);
    m_pages->addWidget(m_year);
    m_pages->addWidget(range);
    m_pages->addWidget(unknown);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_precision);
    row->addWidget(m_pages, 1);
    setFocusProxy(m_precision);

    connect(m_precision, &QComboBox::currentIndexChanged, this, [this] {
        showFields();
        emit changed();
    });
    connect(m_exactTime, &QLineEdit::textChanged, this, &EventDateEdit::changed);
    for (QDateEdit *d : {m_exactDate, m_day, m_month})
        connect(d, &QDateEdit::dateChanged, this, &EventDateEdit::changed);
    // A range never ends before it starts (the reader refuses one that does): moving the first date
    // past the last takes the last along; a last date before the first is put back to the first.
    connect(m_from, &QDateEdit::dateChanged, this, [this] {
        if (m_from->isEntered() && m_to->isEntered() && m_to->date() < m_from->date())
            m_to->setDate(m_from->date());
        emit changed();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this] {
        if (m_from->isEntered() && m_to->isEntered() && m_to->date() < m_from->date())
            m_to->setDate(m_from->date()); // emits again, with the corrected date
        else
            emit changed();
    });
    connect(m_year, &QSpinBox::valueChanged, this, &EventDateEdit::changed);
    showFields();
}

void EventDateEdit::showFields()
{
    // Only the page shown counts towards the size, so the form is as narrow as the fields in use.
    const int current = m_precision->currentIndex();
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->widget(i)->setSizePolicy(i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                                          i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_pages->setCurrentIndex(current);
    m_pages->adjustSize();
    updateGeometry();
}

// A precision whose date is not entered yet is not an answer yet: the entry keeps the question
// open (and the reader would refuse a precision without its date).
record::EventDate EventDateEdit::value() const
{
    record::EventDate d;
    d.precision = choice<record::DatePrecision>(m_precision);
    if (!d.precision)
        return d;
    switch (*d.precision) {
    case record::DatePrecision::Exact: {
        const QTime time = parseTime(m_exactTime->text());
        if (!m_exactDate->isEntered() || !time.isValid())
            return {};
        // Wall-clock time, held with a UTC spec (docs/interchange.md).
        d.exact = QDateTime(m_exactDate->date(), time, Qt::UTC);
        break;
    }
    case record::DatePrecision::Day:
        if (!m_day->isEntered())
            return {};
        d.date = m_day->date();
        break;
    case record::DatePrecision::Month:
        if (!m_month->isEntered())
            return {};
        d.date = QDate(m_month->date().year(), m_month->date().month(), 1);
        break;
    case record::DatePrecision::Year:
        if (!m_year->isEntered())
            return {};
        d.date = QDate(m_year->value(), 1, 1);
        break;
    case record::DatePrecision::Range:
        if (!m_from->isEntered() || !m_to->isEntered() || m_to->date() < m_from->date())
            return {};
        d.date = m_from->date();
        d.rangeEnd = m_to->date();
        break;
    case record::DatePrecision::Unknown: break;
    }
    return d;
}

void EventDateEdit::setValue(const record::EventDate &d)
{
    const QSignalBlocker block(this);
    // Nothing carries over from the entry shown before.
    for (BlankDateEdit *e : {m_exactDate, m_day, m_month, m_from, m_to})
        e->clear();
    m_exactTime->clear();
    m_year->clear();
    setChoice(m_precision, d.precision);
    if (d.exact.isValid()) {
        m_exactDate->setDate(d.exact.date());
        m_exactTime->setText(d.exact.time().toString(u"HH:mm"_s));
    }
    if (d.date.isValid()) {
        m_day->setDate(d.date);
        m_month->setDate(d.date);
        m_year->setValue(d.date.year());
        m_from->setDate(d.date);
    }
    if (d.rangeEnd.isValid())
        m_to->setDate(d.rangeEnd);
    showFields();
}

void EventDateEdit::setReadOnly(bool readOnly)
{
    m_precision->setEnabled(!readOnly);
    m_exactTime->setReadOnly(readOnly);
    for (QDateEdit *d : {m_exactDate, m_day, m_month, m_from, m_to})
        d->setReadOnly(readOnly);
    m_year->setReadOnly(readOnly);
}

// ---- InterventionsEdit --------------------------------------------------------------------------

InterventionsEdit::InterventionsEdit(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Interventions since the incident"));
    m_table = new QTableWidget(0, 3, this);
    m_table->setHorizontalHeaderLabels({tr("What"), tr("When"), tr("Details")});
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Interventions since the incident"));
    m_table->setTabKeyNavigation(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(90);
    m_table->setMaximumHeight(180);
    m_add = new QPushButton(tr("Add an intervention"), this);
    m_add->setAccessibleName(tr("Add an intervention"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setAccessibleName(tr("Remove the selected intervention"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, [this] {
        addRow({record::InterventionType::FireSetterProgramme, {}, {}});
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->cellWidget(m_table->rowCount() - 1, 0)->setFocus();
        emit changed();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        updateButtons();
        emit changed();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &InterventionsEdit::updateButtons);
    updateButtons();
}

void InterventionsEdit::addRow(const record::Intervention &in)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *type = new QComboBox(m_table);
    int i = 0;
    for (const auto &[value, id] : record::EnumIds<record::InterventionType>::table)
        type->addItem(record::title(value), i++);
    setChoice(type, std::optional(in.type));
    type->setAccessibleName(tr("Kind of intervention"));
    auto *date = new OptionalDateEdit(tr("Date of the intervention"), m_table);
    date->setDate(in.date);
    auto *detail = new QLineEdit(in.detail, m_table);
    detail->setAccessibleName(tr("Details of the intervention"));
    detail->setPlaceholderText(tr("For example: six sessions with the fire service's fire-setter team, completed"));
    m_table->setCellWidget(row, 0, type);
    m_table->setCellWidget(row, 1, date);
    m_table->setCellWidget(row, 2, detail);
    connect(type, &QComboBox::currentIndexChanged, this, &InterventionsEdit::changed);
    connect(date, &OptionalDateEdit::changed, this, &InterventionsEdit::changed);
    connect(detail, &QLineEdit::textEdited, this, &InterventionsEdit::changed);
    if (m_readOnly) {
        type->setEnabled(false);
        date->setReadOnly(true);
        detail->setReadOnly(true);
    }
    updateButtons();
}

std::vector<record::Intervention> InterventionsEdit::value() const
{
    std::vector<record::Intervention> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        record::Intervention in;
        in.type = choice<record::InterventionType>(static_cast<QComboBox *>(m_table->cellWidget(row, 0))).value_or(record::InterventionType::Other);
        in.date = static_cast<OptionalDateEdit *>(m_table->cellWidget(row, 1))->date();
        in.detail = static_cast<QLineEdit *>(m_table->cellWidget(row, 2))->text().trimmed();
        out.push_back(in);
    }
    return out;
}

void InterventionsEdit::setValue(const std::vector<record::Intervention> &interventions)
{
    const QSignalBlocker block(this);
    m_table->setRowCount(0);
    for (const auto &in : interventions)
        addRow(in);
    updateButtons();
}

void InterventionsEdit::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    const auto current = value();
    setValue(current);
    updateButtons();
}

void InterventionsEdit::updateButtons()
{
    m_add->setEnabled(!m_readOnly);
    m_remove->setEnabled(!m_readOnly && m_table->currentRow() >= 0);
    m_table->setVisible(m_table->rowCount() > 0);
}

} // namespace fairnote::ui
