// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The record form's small field widgets.
#include "formfields.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QHBoxLayout>
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

QDateEdit *dateEdit(const QString &format, QWidget *parent)
{
    auto *d = new QDateEdit(parent);
    d->setDisplayFormat(format);
    d->setCalendarPopup(true);
    d->setDate(today());
    d->setMinimumDate(QDate(1900, 1, 1));
    d->setMaximumDate(QDate(2200, 12, 31));
    return d;
}
} // namespace

QString notAnsweredText() { return QObject::tr("— not answered —"); }

// ---- OptionalDateEdit ---------------------------------------------------------------------------

OptionalDateEdit::OptionalDateEdit(const QString &accessibleName, QWidget *parent) : QWidget(parent)
{
    m_known = new QCheckBox(tr("Known"), this);
    m_known->setAccessibleName(tr("%1 is known").arg(accessibleName));
    m_edit = dateEdit(kUkDate, this);
    m_edit->setAccessibleName(accessibleName);
    m_edit->setEnabled(false);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_known);
    row->addWidget(m_edit, 1);
    setFocusProxy(m_known);
    connect(m_known, &QCheckBox::toggled, this, [this](bool on) {
        m_edit->setEnabled(on);
        emit changed();
    });
    connect(m_edit, &QDateEdit::dateChanged, this, &OptionalDateEdit::changed);
}

QDate OptionalDateEdit::date() const { return m_known->isChecked() ? m_edit->date() : QDate(); }

void OptionalDateEdit::setDate(const QDate &date)
{
    m_known->setChecked(date.isValid());
    m_edit->setDate(date.isValid() ? date : today());
}

void OptionalDateEdit::setReadOnly(bool readOnly)
{
    m_known->setEnabled(!readOnly);
    m_edit->setReadOnly(readOnly);
}

// ---- EventDateEdit ------------------------------------------------------------------------------

EventDateEdit::EventDateEdit(QWidget *parent) : QWidget(parent)
{
    m_precision = new QComboBox(this);
    fillChoices<record::DatePrecision>(m_precision);
    m_precision->setAccessibleName(tr("How precisely the date is known"));
    m_precision->setToolTip(tr("Choose how much of the date is known: “Unknown” is an answer, a blank is not."));
    m_pages = new QStackedWidget(this);

    auto *none = new QLabel(tr("Choose how precisely the date is known."), this);
    none->setEnabled(false);
    m_exact = new QDateTimeEdit(this);
    m_exact->setDisplayFormat(u"d MMMM yyyy, HH:mm"_s);
    m_exact->setCalendarPopup(true);
    m_exact->setDateTime(QDateTime(today(), QTime(QTime::currentTime().hour(), 0)));
    m_exact->setAccessibleName(tr("Date and time of the event"));
    m_day = dateEdit(kUkDate, this);
    m_day->setAccessibleName(tr("Day of the event"));
    m_month = dateEdit(u"MMMM yyyy"_s, this);
    m_month->setAccessibleName(tr("Month of the event"));
    m_year = new QSpinBox(this);
    m_year->setRange(1900, 2200);
    m_year->setValue(today().year());
    m_year->setAccessibleName(tr("Year of the event"));
    auto *range = new QWidget(this);
    auto *rangeRow = new QHBoxLayout(range);
    rangeRow->setContentsMargins(0, 0, 0, 0);
    m_from = dateEdit(kUkDate, range);
    m_from->setAccessibleName(tr("Earliest date of the event"));
    m_to = dateEdit(kUkDate, range);
    m_to->setAccessibleName(tr("Latest date of the event"));
    rangeRow->addWidget(new QLabel(tr("between"), range));
    rangeRow->addWidget(m_from, 1);
    rangeRow->addWidget(new QLabel(tr("and"), range));
    rangeRow->addWidget(m_to, 1);
    auto *unknown = new QLabel(tr("The date is not known."), this);

    m_pages->addWidget(none);     // 0: not answered
    m_pages->addWidget(m_exact);  // 1..6 follow DatePrecision's table order
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
    connect(m_exact, &QDateTimeEdit::dateTimeChanged, this, &EventDateEdit::changed);
    for (QDateEdit *d : {m_day, m_month, m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, &EventDateEdit::changed);
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

record::EventDate EventDateEdit::value() const
{
    record::EventDate d;
    d.precision = choice<record::DatePrecision>(m_precision);
    if (!d.precision)
        return d;
    switch (*d.precision) {
    case record::DatePrecision::Exact:
        // Wall-clock time, held with a UTC spec (docs/interchange.md).
        d.exact = QDateTime(m_exact->date(), QTime(m_exact->time().hour(), m_exact->time().minute()), Qt::UTC);
        break;
    case record::DatePrecision::Day: d.date = m_day->date(); break;
    case record::DatePrecision::Month: d.date = QDate(m_month->date().year(), m_month->date().month(), 1); break;
    case record::DatePrecision::Year: d.date = QDate(m_year->value(), 1, 1); break;
    case record::DatePrecision::Range:
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
    setChoice(m_precision, d.precision);
    if (d.exact.isValid())
        m_exact->setDateTime(QDateTime(d.exact.date(), d.exact.time()));
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
    m_exact->setReadOnly(readOnly);
    for (QDateEdit *d : {m_day, m_month, m_from, m_to})
        d->setReadOnly(readOnly);
    m_year->setReadOnly(readOnly);
}

// ---- InterventionsEdit --------------------------------------------------------------------------

InterventionsEdit::InterventionsEdit(QWidget *parent) : QWidget(parent)
{
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
