// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The record form's small field widgets.
#include "formfields.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QRegularExpressionValidator>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

QString notAnsweredText() { return QObject::tr("— not answered —"); }

// ---- OptionalDateEdit ---------------------------------------------------------------------------

OptionalDateEdit::OptionalDateEdit(const QString &accessibleName, QWidget *parent) : QWidget(parent)
{
    setAccessibleName(accessibleName);
    m_edit = new DateField(record::DatePrecision::Day, accessibleName, this);
    m_edit->setPlaceholderText(tr("Not known — or type the date, e.g. 20 September 2026"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    setFocusProxy(m_edit);
    connect(m_edit, &DateField::changed, this, &OptionalDateEdit::changed);
}

QDate OptionalDateEdit::date() const { return m_edit->date(); }

void OptionalDateEdit::setDate(const QDate &date) { m_edit->setDate(date); }

void OptionalDateEdit::setReadOnly(bool readOnly) { m_edit->setReadOnly(readOnly); }

// ---- EventDateEdit ------------------------------------------------------------------------------

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
    m_exactDate = new DateField(record::DatePrecision::Day, tr("Date of the event"), exact);
    m_exactDate->setObjectName(u"exactDate"_s);
    m_exactTime = new QLineEdit(exact);
    m_exactTime->setObjectName(u"exactTime"_s);
    DateTimeField::setUpTimeEdit(m_exactTime, tr("Time of the event, as hours and minutes"));
    exactRow->setAlignment(Qt::AlignTop);
    exactRow->addWidget(m_exactDate, 1);
    exactRow->addWidget(new QLabel(tr("at"), exact));
    exactRow->addWidget(m_exactTime);
    m_day = new DateField(record::DatePrecision::Day, tr("Day of the event"), this);
    m_day->setObjectName(u"day"_s);
    m_month = new DateField(record::DatePrecision::Month, tr("Month of the event"), this);
    m_month->setObjectName(u"month"_s);
    m_year = new DateField(record::DatePrecision::Year, tr("Year of the event"), this);
    m_year->setObjectName(u"year"_s);
    auto *range = new QWidget(this);
    auto *rangeRow = new QHBoxLayout(range);
    rangeRow->setContentsMargins(0, 0, 0, 0);
    m_from = new DateField(record::DatePrecision::Day, tr("Earliest date of the event"), range);
    m_from->setObjectName(u"from"_s);
    m_to = new DateField(record::DatePrecision::Day, tr("Latest date of the event"), range);
    m_to->setObjectName(u"to"_s);
    rangeRow->setAlignment(Qt::AlignTop);
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
    for (DateField *d : {m_exactDate, m_day, m_month, m_year})
        connect(d, &DateField::changed, this, &EventDateEdit::changed);
    // A range never ends before it starts (the reader refuses one that does), and nothing typed is
    // changed to make it so: a last date before the first is refused beside it until one is corrected.
    auto checkRange = [this] {
        const auto to = record::parseTypedDate(m_to->lineEdit()->text());
        const bool reversed = m_from->isEntered() && to && to->precision == record::DatePrecision::Day && to->date < m_from->date();
        m_to->setRefusal(reversed ? tr("The last date is before the first (%1). Check both dates.")
                                        .arg(record::typedDateText({m_from->date(), record::DatePrecision::Day}))
                                  : QString());
        emit changed();
    };
    // Checked again on every change of either date, so a refusal goes as soon as the dates are in order.
    connect(m_from, &DateField::changed, this, checkRange);
    connect(m_to->lineEdit(), &QLineEdit::textChanged, this, checkRange);
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
        const QTime time = DateTimeField::parseTime(m_exactTime->text());
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
        d.date = QDate(m_year->date().year(), 1, 1);
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
    for (DateField *e : {m_exactDate, m_day, m_month, m_year, m_from, m_to})
        e->clear();
    m_exactTime->clear();
    setChoice(m_precision, d.precision);
    if (d.exact.isValid()) {
        m_exactDate->setDate(d.exact.date());
        m_exactTime->setText(d.exact.time().toString(u"HH:mm"_s));
    }
    if (d.date.isValid()) {
        m_day->setDate(d.date);
        m_month->setDate(d.date);
        m_year->setDate(d.date);
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
    for (DateField *d : dateFields())
        d->setReadOnly(readOnly);
}

QList<DateField *> EventDateEdit::dateFields() const { return {m_exactDate, m_day, m_month, m_year, m_from, m_to}; }

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
        emit rowsChanged();
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
    date->field()->setPlaceholderText(tr("Not known, or e.g. 5/3/2026"));
    date->field()->lineEdit()->setMinimumWidth(date->field()->lineEdit()->fontMetrics().horizontalAdvance(u"20 September 2026__"_s));
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
    // The date's message (a date not taken) shows under it: the row grows to hold it.
    connect(date->field(), &DateField::editingFinished, m_table, [this] { m_table->resizeRowsToContents(); });
    m_table->resizeRowToContents(row);
    updateButtons();
    emit rowsChanged();
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
