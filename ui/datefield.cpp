// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A typed date, read by core's one rule, refused with a reason rather than guessed.
#include "datefield.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QRegularExpressionValidator>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

QIcon calendarIcon(const QPalette &palette)
{
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor ink = palette.color(QPalette::ButtonText);
    p.setPen(QPen(ink, 1.2));
    p.drawRoundedRect(QRectF(1.5, 2.5, 13, 12), 1.5, 1.5);
    p.fillRect(QRectF(1.5, 2.5, 13, 3), ink);
    for (int row = 0; row < 2; ++row)
        for (int col = 0; col < 3; ++col)
            p.fillRect(QRectF(4 + col * 3.2, 8 + row * 3, 1.8, 1.8), ink);
    p.end();
    return QIcon(pm);
}

QString placeholderFor(record::DatePrecision precision)
{
    switch (precision) {
    case record::DatePrecision::Month: return QObject::tr("Type the month, e.g. September 2026");
    case record::DatePrecision::Year: return QObject::tr("Type the year, e.g. 2026");
    default: return QObject::tr("Type the date, e.g. 20 September 2026");
    }
}

// What a field of `field` precision says about a date typed at another one.
QString wrongPrecision(record::DatePrecision field, record::DatePrecision typed)
{
    using record::DatePrecision;
    switch (field) {
    case DatePrecision::Month:
        return typed == DatePrecision::Day ? QObject::tr("This box takes a month and year (for example September 2026). For a whole "
                                                         "date, choose “Day” as how precisely it is known.")
                                           : QObject::tr("This box takes a month and year (for example September 2026). If only "
                                                         "the year is known, choose “Year” as how precisely it is known.");
    case DatePrecision::Year:
        return QObject::tr("This box takes a year (for example 2026). For a month or a whole date, choose “Month” or “Day” as "
                           "how precisely it is known.");
    default:
        return QObject::tr("This box needs a whole date: a day, month and year (for example 20 September 2026). If only part "
                           "of it is known, leave the box empty and say what is known in words.");
    }
}

} // namespace

DateField::DateField(record::DatePrecision precision, const QString &accessibleName, QWidget *parent)
    : QWidget(parent), m_precision(precision)
{
    setAccessibleName(accessibleName);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(u"dateText"_s);
    m_edit->setAccessibleName(accessibleName);
    m_edit->setPlaceholderText(placeholderFor(precision));
    m_edit->setToolTip(tr("Type it as you would write it: 20 September 2026, 20/9/2026 (day first) or 2026-09-20. "
                          "Alt+Down opens a calendar."));
    // Wide enough for a date written out; a longer hint may be cut (the tooltip has it whole).
    m_edit->setMinimumWidth(m_edit->fontMetrics().horizontalAdvance(u"30 September 2026__"_s) + 12);
    m_edit->installEventFilter(this);

    m_calendarButton = new QToolButton(this);
    m_calendarButton->setObjectName(u"calendarButton"_s);
    m_calendarButton->setIcon(calendarIcon(palette()));
    m_calendarButton->setAccessibleName(tr("Choose %1 from a calendar").arg(accessibleName.toLower()));
    m_calendarButton->setToolTip(tr("Choose from a calendar (Alt+Down in the box)"));
    // The box is the stop for Tab; the calendar is reached from it with Alt+Down.
    m_calendarButton->setFocusPolicy(Qt::NoFocus);

    m_calendarMenu = new QMenu(this);
    m_calendar = new QCalendarWidget(m_calendarMenu);
    m_calendar->setGridVisible(true);
    m_calendar->setLocale(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_calendar->setFirstDayOfWeek(Qt::Monday);
    m_calendar->setMinimumDate(QDate(1900, 1, 1));
    m_calendar->setMaximumDate(QDate(2200, 12, 31));
    m_calendar->setAccessibleName(tr("Calendar"));
    auto *action = new QWidgetAction(m_calendarMenu);
    action->setDefaultWidget(m_calendar);
    m_calendarMenu->addAction(action);
    connect(m_calendarButton, &QToolButton::clicked, this, &DateField::showCalendar);
    connect(m_calendar, &QCalendarWidget::activated, this, [this](QDate date) {
        m_calendarMenu->close();
        setDate(date); // at the field's precision: the month or the year of the day picked
        finish();
        m_edit->setFocus(Qt::OtherFocusReason);
    });
    connect(m_calendar, &QCalendarWidget::clicked, m_calendar, &QCalendarWidget::activated);

    m_message = new QLabel(this);
    m_message->setObjectName(u"dateMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->setAccessibleName(tr("%1: how it was read").arg(accessibleName));
    m_message->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    row->addWidget(m_edit, 1);
    row->addWidget(m_calendarButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_message);
    setFocusProxy(m_edit);

    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        m_finished = false;
        read();
    });
    connect(m_edit, &QLineEdit::textChanged, this, [this] { read(); });
    connect(m_edit, &QLineEdit::editingFinished, this, &DateField::finish);
}

bool DateField::isBlank() const { return m_edit->text().trimmed().isEmpty(); }

void DateField::setDate(const QDate &date)
{
    m_finished = true;
    if (!date.isValid()) {
        m_edit->clear();
        return;
    }
    QDate shown = date;
    if (m_precision == record::DatePrecision::Month)
        shown = QDate(date.year(), date.month(), 1);
    else if (m_precision == record::DatePrecision::Year)
        shown = QDate(date.year(), 1, 1);
    m_edit->setText(record::typedDateText({shown, m_precision == record::DatePrecision::Exact ? record::DatePrecision::Day : m_precision}));
}

void DateField::clear() { setDate({}); }

void DateField::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
    m_calendarButton->setEnabled(!readOnly);
}

bool DateField::isReadOnly() const { return m_edit->isReadOnly(); }

void DateField::setLatest(const QDate &latest, const QString &message)
{
    m_latest = latest;
    m_latestMessage = message;
    read();
}

void DateField::setRefusal(const QString &message)
{
    if (message == m_refusal)
        return;
    m_refusal = message;
    read();
}

void DateField::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
    if (m_edit->toolTip().isEmpty() || !m_edit->toolTip().startsWith(text))
        m_edit->setToolTip(text + u"\n"_s + m_edit->toolTip());
}

void DateField::read()
{
    const QDate before = m_date;
    const QString problemBefore = m_problem;
    m_date = {};
    m_problem.clear();
    const QString text = m_edit->text();
    if (!text.trimmed().isEmpty()) {
        const auto typed = record::parseTypedDate(text);
        const record::DatePrecision wanted = m_precision == record::DatePrecision::Exact ? record::DatePrecision::Day : m_precision;
        if (!typed)
            m_problem = typed.error();
        else if (typed->precision != wanted)
            m_problem = wrongPrecision(wanted, typed->precision);
        else if (m_latest.isValid() && typed->date > m_latest)
            m_problem = m_latestMessage;
        else if (!m_refusal.isEmpty())
            m_problem = m_refusal;
        else
            m_date = typed->date;
    }
    showMessage();
    if (m_date != before || m_problem.isEmpty() != problemBefore.isEmpty())
        emit changed();
}

void DateField::finish()
{
    m_finished = true;
    // What was read is shown back in full ("5/11/2026" becomes "5 November 2026"), so the worker sees
    // the date that is kept.
    if (m_date.isValid()) {
        const QString shown = record::typedDateText({m_date, m_precision == record::DatePrecision::Exact ? record::DatePrecision::Day : m_precision});
        if (m_edit->text() != shown)
            m_edit->setText(shown);
    }
    showMessage();
    emit editingFinished();
}

void DateField::showMessage()
{
    QString html;
    if (!m_problem.isEmpty() && m_finished) {
        html = tr("<b>Not taken:</b> %1").arg(m_problem.toHtmlEscaped());
        m_message->setForegroundRole(QPalette::Text);
        m_message->setStyleSheet(palette().color(QPalette::Window).lightness() > 128 ? u"color: #a4262c;"_s : u"color: #ff9a9a;"_s);
    } else if (m_date.isValid() && !m_finished) {
        html = tr("Read as %1").arg(
            QLocale(QLocale::English, QLocale::UnitedKingdom)
                .toString(m_date, m_precision == record::DatePrecision::Month  ? u"MMMM yyyy"_s
                                  : m_precision == record::DatePrecision::Year ? u"yyyy"_s
                                                                                : u"dddd d MMMM yyyy"_s));
        m_message->setStyleSheet({});
        m_message->setForegroundRole(QPalette::PlaceholderText);
    }
    m_message->setText(html);
    m_message->setVisible(!html.isEmpty());
    m_edit->setAccessibleDescription(m_problem.isEmpty() ? QString() : m_problem);
}

void DateField::showCalendar()
{
    if (isReadOnly())
        return;
    const QDate on = m_date.isValid() ? m_date : QDate::currentDate();
    m_calendar->setSelectedDate(on);
    m_calendar->setCurrentPage(on.year(), on.month());
    m_calendarMenu->popup(m_edit->mapToGlobal(QPoint(0, m_edit->height())));
    m_calendar->setFocus(Qt::PopupFocusReason);
}

bool DateField::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Down && key->modifiers() == Qt::AltModifier) || key->key() == Qt::Key_F4) {
            showCalendar();
            return true;
        }
        // Leaving the box by the keyboard finishes the date (shown back in full, or refused), even where
        // the window does not have the focus to send a focus-out.
        if (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            finish();
    }
    return QWidget::eventFilter(watched, event);
}

// ---- DateTimeField ---------------------------------------------------------------------------------

QTime DateTimeField::parseTime(const QString &text)
{
    static const QRegularExpression time(u"^\\s*([01]?\\d|2[0-3])[:.]([0-5]\\d)\\s*$"_s);
    const auto m = time.match(text);
    return m.hasMatch() ? QTime(m.captured(1).toInt(), m.captured(2).toInt()) : QTime();
}

void DateTimeField::setUpTimeEdit(QLineEdit *edit, const QString &accessibleName)
{
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(tr("hh:mm"));
    edit->setMaxLength(5);
    edit->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[0-2]?\\d([:.][0-5]?\\d?)?"_s), edit));
    edit->setMaximumWidth(edit->fontMetrics().horizontalAdvance(u"00:00__"_s) + 16);
}

DateTimeField::DateTimeField(const QString &accessibleName, QWidget *parent) : QWidget(parent)
{
    setAccessibleName(accessibleName);
    m_date = new DateField(record::DatePrecision::Day, tr("%1: the date").arg(accessibleName), this);
    m_time = new QLineEdit(this);
    m_time->setObjectName(u"timeEdit"_s);
    setUpTimeEdit(m_time, tr("%1: the time, as hours and minutes").arg(accessibleName));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setAlignment(Qt::AlignTop);
    row->addWidget(m_date, 1);
    row->addWidget(new QLabel(tr("at"), this), 0, Qt::AlignTop);
    row->addWidget(m_time, 0, Qt::AlignTop);
    setFocusProxy(m_date);
    connect(m_date, &DateField::changed, this, &DateTimeField::changed);
    connect(m_time, &QLineEdit::textChanged, this, &DateTimeField::changed);
}

QDateTime DateTimeField::dateTime() const
{
    const QTime time = parseTime(m_time->text());
    if (!m_date->isEntered() || !time.isValid())
        return {};
    return QDateTime(m_date->date(), time, Qt::UTC);
}

void DateTimeField::setDateTime(const QDateTime &dateTime)
{
    m_date->setDate(dateTime.date());
    m_time->setText(dateTime.isValid() ? dateTime.time().toString(u"HH:mm"_s) : QString());
}

void DateTimeField::setReadOnly(bool readOnly)
{
    m_date->setReadOnly(readOnly);
    m_time->setReadOnly(readOnly);
}

} // namespace fairnote::ui
