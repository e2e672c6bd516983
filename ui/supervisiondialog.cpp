// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The review queue, the two-layer rubric and sign-off decisions.
#include "supervisiondialog.h"

#include "datefield.h"
#include "record/describe.h"
#include "report/summary.h"
#include "spellingsetup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
const QLocale kUk(QLocale::English, QLocale::UnitedKingdom);
QString day(const QDateTime &t) { return kUk.toString(t.toLocalTime().date(), u"d MMMM yyyy"_s); }
} // namespace

SupervisionDialog::SupervisionDialog(store::Store &store, review::Rubric rubric, const store::Actor &reviewer, QWidget *parent)
    : QDialog(parent), m_store(store), m_rubric(std::move(rubric)), m_reviewer(reviewer)
{
    setWindowTitle(tr("Supervision — review and sign-off"));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildQueuePage(), tr("&Review queue"));
    m_tabs->addTab(buildSignOffPage(), tr("&Sign-off requests"));
    // Each list is read again when it is shown, so a decision made on the other tab is never out of date.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == 0)
            reloadQueue();
        else
            reloadSignOffs();
    });
    auto *close = new QPushButton(tr("&Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    resize(1200, 740);
    reloadQueue();
    reloadSignOffs();
}

QWidget *SupervisionDialog::buildQueuePage()
{
    auto *page = new QWidget(this);
    // Left: the sample and the queue.
    auto *left = new QWidget(page);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *sampling = new QGroupBox(tr("Draw a sample"), left);
    auto *form = new QFormLayout(sampling);
    m_size = new QSpinBox(sampling);
    m_size->setRange(1, 500);
    m_size->setValue(3);
    m_size->setAccessibleName(tr("How many entries"));
    m_worker = new QComboBox(sampling);
    m_worker->setAccessibleName(tr("Whose entries"));
    m_worker->addItem(tr("Everyone"), QString());
    QSet<QString> workers;
    store::ListFilter all;
    all.includeInError = false;
    if (auto list = m_store.entries(all, {}))
        for (const auto &e : *list)
            if (e.status != store::EntryStatus::Draft)
                workers.insert(store::actorDisplay(e.author));
    QStringList sorted(workers.begin(), workers.end());
    sorted.sort(Qt::CaseInsensitive);
    for (const QString &w : sorted)
        m_worker->addItem(w, w);
    m_type = new QComboBox(sampling);
    m_type->setAccessibleName(tr("Kind of entry"));
    m_type->addItem(tr("Any entry"), u"any"_s);
    m_type->addItem(tr("Incident records"), u"incident"_s);
    m_type->addItem(tr("Case notes"), u"note"_s);
    m_period = new QCheckBox(tr("Only those written from"), sampling);
    m_period->setAccessibleName(tr("Only entries written in a period"));
    // Typed as the worker writes a date and read by core's one rule (day first), like every date in the app.
    m_from = new DateField(record::DatePrecision::Day, tr("Written from"), sampling);
    m_to = new DateField(record::DatePrecision::Day, tr("Written to"), sampling);
    m_from->setDate(QDate::currentDate().addMonths(-3));
    m_to->setDate(QDate::currentDate());
    for (DateField *d : {m_from, m_to}) {
        d->setPlaceholderText(tr("e.g. 1/9/2026"));
        d->setEnabled(false);
        connect(m_period, &QCheckBox::toggled, d, &QWidget::setEnabled);
    }
    auto *period = new QWidget(sampling);
    auto *periodRow = new QHBoxLayout(period);
    periodRow->setContentsMargins(0, 0, 0, 0);
    periodRow->addWidget(m_period);
    periodRow->addWidget(m_from);
    periodRow->addWidget(new QLabel(tr("to"), period));
    periodRow->addWidget(m_to);
    periodRow->addStretch(1);
    m_everyIncident = new QCheckBox(tr("Every incident record, not a sample"), sampling);
    m_byWorker = new QCheckBox(tr("An equal share from each worker"), sampling);
    m_window = new QSpinBox(sampling);
    m_window->setRange(0, 60);
    m_window->setValue(12);
    m_window->setSuffix(tr(" months"));
    m_window->setAccessibleName(tr("Leave out entries reviewed within"));
    m_seed = new QLineEdit(sampling);
    m_seed->setPlaceholderText(tr("Blank: a new sample"));
    m_seed->setAccessibleName(tr("Seed, to draw the same sample again"));
    form->addRow(tr("Entries:"), m_size);
    form->addRow(tr("Written by:"), m_worker);
    form->addRow(tr("Kind:"), m_type);
    form->addRow(tr("When:"), period);
    form->addRow(m_everyIncident);
    form->addRow(m_byWorker);
    form->addRow(tr("Leave out if reviewed within:"), m_window);
    form->addRow(tr("Seed:"), m_seed);
    auto *draw = new QPushButton(tr("&Draw the sample"), sampling);
    form->addRow(draw);
    connect(draw, &QPushButton::clicked, this, [this] {
        QString error;
        if (!drawQueue(&error))
            QMessageBox::warning(this, tr("No sample was drawn"), error);
    });
    m_queueNotes = new QLabel(left);
    m_queueNotes->setWordWrap(true);
    auto *queueLabel = new QLabel(tr("The &queue:"), left);
    m_queue = new QListWidget(left);
    m_queue->setAccessibleName(tr("Review queue"));
    m_queue->setWordWrap(true);
    queueLabel->setBuddy(m_queue);
    leftLayout->addWidget(sampling);
    leftLayout->addWidget(queueLabel);
    leftLayout->addWidget(m_queue, 1);
    leftLayout->addWidget(m_queueNotes);
    connect(m_queue, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item, QListWidgetItem *previous) {
        if (!item)
            return;
        const QString id = item->data(kIdRole).toString();
        // Scores typed for one entry are never dropped by clicking another: save, discard, or stay.
        if (id != m_entryId && !settleUnsavedReview()) {
            const QSignalBlocker quiet(m_queue);
            m_queue->setCurrentItem(previous);
            return;
        }
        // Saving the other review read the queue again (its mark changed): the chosen entry is found
        // in the list as it is now, so the list and the entry shown agree.
        if (m_queue->currentItem() == nullptr || m_queue->currentItem()->data(kIdRole).toString() != id) {
            const QSignalBlocker quiet(m_queue);
            for (int row = 0; row < m_queue->count(); ++row)
                if (m_queue->item(row)->data(kIdRole).toString() == id)
                    m_queue->setCurrentRow(row);
        }
        showEntry(id);
    });

    // Middle: the entry as written.
    auto *middle = new QWidget(page);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    m_entryHeading = new QLabel(tr("Choose an entry in the queue."), middle);
    m_entryHeading->setWordWrap(true);
    QFont bold = m_entryHeading->font();
    bold.setBold(true);
    m_entryHeading->setFont(bold);
    m_entryView = new QTextBrowser(middle);
    m_entryView->setAccessibleName(tr("The entry as written"));
    middleLayout->addWidget(m_entryHeading);
    middleLayout->addWidget(m_entryView, 1);

    // Right: the rubric.
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    auto *completenessLabel = new QLabel(tr("<b>Completeness</b> (computed from the record)"), right);
    m_completeness = new QListWidget(right);
    m_completeness->setAccessibleName(tr("Completeness checks"));
    m_completeness->setWordWrap(true);
    m_completeness->setMaximumHeight(170);
    rightLayout->addWidget(completenessLabel);
    rightLayout->addWidget(m_completeness);
    rightLayout->addWidget(new QLabel(tr("<b>Quality</b> (your judgement, with the evidence)"), right));
    for (const review::QualityCriterion &c : m_rubric.quality) {
        auto *title = new QLabel(u"<b>%1</b> — %2"_s.arg(c.title.toHtmlEscaped(), c.question.toHtmlEscaped()), right);
        title->setWordWrap(true);
        auto *score = new QComboBox(right);
        score->setAccessibleName(tr("Score for %1").arg(c.title));
        score->addItem(tr("Not scored"), 0);
        for (const review::ScaleLevel &l : m_rubric.scale)
            score->addItem(u"%1 — %2"_s.arg(l.score).arg(l.title), l.score);
        score->setToolTip(tr("1 not met · 2 partly met · 3 mostly met · 4 fully met"));
        auto *evidence = new QLineEdit(right);
        evidence->setAccessibleName(tr("Evidence for %1").arg(c.title));
        evidence->setPlaceholderText(tr("What in the entry shows it (a quotation, a field)"));
        title->setBuddy(score);
        rightLayout->addWidget(title);
        auto *row = new QHBoxLayout;
        row->addWidget(score);
        row->addWidget(evidence, 1);
        rightLayout->addLayout(row);
        m_scores.emplace_back(c.id, score, evidence);
    }
    auto *commentLabel = new QLabel(tr("Co&mment for the worker:"), right);
    m_comment = new QPlainTextEdit(right);
    m_comment->setAccessibleName(tr("Comment for the worker"));
    m_comment->setMaximumHeight(90);
    m_comment->setTabChangesFocus(true);
    commentLabel->setBuddy(m_comment);
    m_return = new QCheckBox(tr("Return it to its author for correction"), right);
    m_return->setToolTip(tr("They amend the entry; this review stays as it is."));
    m_save = new QPushButton(tr("Sa&ve the review"), right);
    // Why the review cannot be saved (or that it was), in words beside the button, not only in a tooltip.
    m_saveReason = new QLabel(tr("Choose an entry in the queue."), right);
    m_saveReason->setObjectName(u"saveReason"_s);
    m_saveReason->setWordWrap(true);
    m_earlier = new QLabel(right);
    m_earlier->setWordWrap(true);
    rightLayout->addWidget(commentLabel);
    rightLayout->addWidget(m_comment);
    rightLayout->addWidget(m_return);
    rightLayout->addWidget(m_save);
    rightLayout->addWidget(m_saveReason);
    rightLayout->addWidget(m_earlier);
    rightLayout->addStretch(1);
    auto *rightScroll = new QScrollArea(page);
    rightScroll->setWidget(right);
    rightScroll->setWidgetResizable(true);
    rightScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    rightScroll->setAccessibleName(tr("The rubric"));
    connect(m_save, &QPushButton::clicked, this, [this] {
        QString error;
        if (!saveReview(&error))
            QMessageBox::warning(this, tr("The review was not saved"), error);
    });
    // Anything typed or chosen in the rubric is work the reviewer has not saved yet.
    auto touched = [this] {
        if (!m_loadingEntry)
            m_reviewDirty = true;
    };
    for (const auto &[id, score, evidence] : m_scores) {
        connect(score, &QComboBox::currentIndexChanged, this, touched);
        connect(evidence, &QLineEdit::textEdited, this, touched);
    }
    connect(m_comment, &QPlainTextEdit::textChanged, this, touched);
    connect(m_return, &QCheckBox::toggled, this, touched);

    auto *split = new QSplitter(Qt::Horizontal, page);
    split->addWidget(left);
    split->addWidget(middle);
    split->addWidget(rightScroll);
    split->setSizes({280, 380, 560});
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(split);
    m_save->setEnabled(false);
    return page;
}

QWidget *SupervisionDialog::buildSignOffPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *intro = new QLabel(tr("Entries and referral summaries waiting for sign-off: read each one before deciding. Nobody signs off "
                                "their own entry or their own request. Returning one needs a comment saying what to correct."),
                             page);
    intro->setWordWrap(true);
    m_signOffs = new QListWidget(page);
    m_signOffs->setAccessibleName(tr("Sign-off requests"));
    m_signOffs->setWordWrap(true);
    m_signOffView = new QTextBrowser(page);
    m_signOffView->setAccessibleName(tr("What is to be signed off"));
    auto *split = new QSplitter(Qt::Horizontal, page);
    split->addWidget(m_signOffs);
    split->addWidget(m_signOffView);
    split->setSizes({380, 820});
    split->setChildrenCollapsible(false);
    connect(m_signOffs, &QListWidget::currentRowChanged, this, &SupervisionDialog::showSignOff);
    auto *approve = new QPushButton(tr("&Approve…"), page);
    auto *returnIt = new QPushButton(tr("Re&turn…"), page);
    m_signOffStatus = new QLabel(page);
    m_signOffStatus->setObjectName(u"signOffStatus"_s);
    m_signOffStatus->setWordWrap(true);
    m_signOffStatus->setTextFormat(Qt::RichText);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(approve);
    buttons->addWidget(returnIt);
    buttons->addWidget(m_signOffStatus, 1);
    layout->addWidget(intro);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);
    connect(approve, &QPushButton::clicked, this, [this] {
        const int row = m_signOffs->currentRow();
        if (row < 0 || row >= int(m_signOffRequests.size()))
            return;
        // Signing off is a statement made in the reviewer's name: it is confirmed first, and its result shown.
        const auto answer = QMessageBox::question(this, tr("Sign this off?"),
                                                  tr("Sign off %1?\n\nYour name and the time are recorded with it, and the author sees "
                                                     "that it was signed off. It cannot be undone; a later amendment asks for sign-off again.")
                                                      .arg(signOffTitle(m_signOffRequests[size_t(row)])),
                                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        QString error;
        if (!decideSignOff(row, true, {}, &error) && !error.isEmpty())
            QMessageBox::warning(this, tr("Not signed off"), error);
    });
    connect(returnIt, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString comment = QInputDialog::getMultiLineText(this, tr("Return for correction"), tr("What should be corrected?"), {}, &ok);
        if (!ok)
            return;
        QString error;
        if (!decideSignOff(m_signOffs->currentRow(), false, comment, &error) && !error.isEmpty())
            QMessageBox::warning(this, tr("Not returned"), error);
    });
    return page;
}

QComboBox *SupervisionDialog::scoreBox(const QString &criterion) const
{
    for (const auto &[id, score, evidence] : m_scores)
        if (id == criterion)
            return score;
    return nullptr;
}

QLineEdit *SupervisionDialog::evidenceEdit(const QString &criterion) const
{
    for (const auto &[id, score, evidence] : m_scores)
        if (id == criterion)
            return evidence;
    return nullptr;
}

bool SupervisionDialog::drawQueue(QString *error)
{
    review::SampleSpec spec;
    spec.size = m_size->value();
    spec.worker = m_worker->currentData().toString();
    const QString type = m_type->currentData().toString();
    if (type != u"any")
        spec.incidents = type == u"incident";
    spec.everyIncident = m_everyIncident->isChecked();
    spec.byWorker = m_byWorker->isChecked();
    if (m_period->isChecked()) {
        for (DateField *d : {m_from, m_to}) {
            if (!d->isEntered()) {
                if (error)
                    *error = d->problem().isEmpty() ? tr("Give both dates of the period, or untick it.")
                                                    : tr("%1: %2").arg(d->accessibleName(), d->problem());
                return false;
            }
        }
        spec.from = m_from->date();
        spec.to = m_to->date();
        if (spec.from > spec.to) {
            if (error)
                *error = tr("The period starts after it ends. Choose a start date on or before the end date.");
            return false;
        }
    }
    spec.windowMonths = m_window->value();
    if (!m_seed->text().trimmed().isEmpty()) {
        bool ok = false;
        spec.seed = m_seed->text().trimmed().toUInt(&ok);
        if (!ok || spec.seed == 0) {
            if (error)
                *error = tr("The seed is a whole number from 1, or blank for a new sample.");
            return false;
        }
    }
    spec.reviewer = m_reviewer; // their own entries are left out, and the notes say how many
    auto sample = review::drawSample(m_store, spec, QDateTime::currentDateTimeUtc());
    if (!sample) {
        if (error)
            *error = sample.error();
        return false;
    }
    if (auto r = review::recordQueue(m_store, *sample, spec, m_reviewer); !r) {
        if (error)
            *error = sentence(r.error().message);
        return false;
    }
    m_seed->setText(QString::number(sample->seed));
    reloadQueue();
    m_queueNotes->setText(sample->notes.join(u' '));
    return true;
}

void SupervisionDialog::reloadQueue()
{
    const QString current = m_entryId;
    m_queue->clear();
    auto queue = review::currentQueue(m_store);
    if (!queue)
        return;
    if (queue->empty())
        m_queueNotes->setText(tr("No queue yet: choose how many entries and draw a sample."));
    for (const auto &i : *queue) {
        const QString mark = i.reviewed ? tr("✓ Reviewed") : tr("○ Not yet reviewed");
        auto *item = new QListWidgetItem(u"%1 · %2\n%3 — %4"_s.arg(mark, i.entry.personName, i.entry.eventDate.display(), i.entry.summary), m_queue);
        item->setData(kIdRole, i.entry.id);
        item->setData(Qt::AccessibleTextRole, u"%1: %2, %3, %4"_s.arg(mark, i.entry.personName, i.entry.eventDate.display(), i.entry.summary));
        if (i.entry.id == current)
            m_queue->setCurrentItem(item);
    }
}

namespace {
// The entry's answers, field by field under their section headings, as written.
QString fieldsHtml(const record::Entry &entry)
{
    QString html = u"<table cellpadding=\"3\">"_s;
    QString section;
    for (const record::FieldText &f : record::describeFields(entry)) {
        if (f.section != section) {
            section = f.section;
            html += u"<tr><td colspan=\"2\"><b>%1</b></td></tr>"_s.arg(section.toHtmlEscaped());
        }
        html += u"<tr><td valign=\"top\">%1</td><td>%2</td></tr>"_s.arg(f.label.toHtmlEscaped(), f.value.toHtmlEscaped().replace(u"\n"_s, u"<br>"_s));
    }
    return html + u"</table>"_s;
}
} // namespace

bool SupervisionDialog::showEntry(const QString &entryId)
{
    auto d = m_store.entry(entryId);
    if (!d || d->revisions.empty())
        return false;
    m_entryId = d->summary.id;
    const store::Revision &rev = d->revisions.back();
    m_entryHeading->setText(tr("%1 — %2, revision %3, written by %4")
                                .arg(d->summary.personName, record::entryKind(rev.entry).toLower())
                                .arg(rev.number)
                                .arg(store::actorDisplay(d->revisions.front().author)));
    m_entryView->setHtml(fieldsHtml(rev.entry));
    m_completeness->clear();
    const review::Completeness comp = review::completeness(m_rubric, rev);
    for (const review::CheckResult &c : comp.checks) {
        if (!c.applicable)
            continue;
        m_completeness->addItem(u"%1 %2%3"_s.arg(c.met ? tr("✓ Met:") : tr("✗ Not met:"), c.title,
                                                 c.detail.isEmpty() ? QString() : u" — "_s + c.detail));
    }
    m_completeness->addItem(tr("%1 of %2 checks met").arg(comp.met).arg(comp.applicable));
    m_loadingEntry = true;
    for (auto &[id, score, evidence] : m_scores) {
        score->setCurrentIndex(0);
        evidence->clear();
    }
    m_comment->clear();
    m_return->setChecked(false);
    m_loadingEntry = false;
    m_reviewDirty = false;
    QStringList earlier;
    if (auto reviews = m_store.reviews(m_entryId))
        for (const store::Review &r : *reviews)
            earlier << tr("Reviewed by %1 on %2 (revision %3)%4").arg(store::actorDisplay(r.reviewer), day(r.reviewedAt)).arg(r.revision)
                           .arg(r.returned ? tr(", returned for correction") : QString());
    m_earlier->setText(earlier.isEmpty() ? tr("Not reviewed before.") : earlier.join(u'\n'));
    const bool own = std::any_of(d->revisions.begin(), d->revisions.end(),
                                 [this](const store::Revision &r) { return store::samePerson(r.author, m_reviewer); });
    m_save->setEnabled(!own);
    m_save->setToolTip(own ? tr("You wrote this entry: someone else reviews it.") : QString());
    m_saveReason->setText(own ? tr("You wrote this entry, so you cannot review it: someone else reviews it.")
                              : tr("Score at least one criterion (with the evidence), or return it with a comment, then save."));
    return true;
}

bool SupervisionDialog::saveReview(QString *error)
{
    if (m_entryId.isEmpty()) {
        if (error)
            *error = tr("Choose an entry in the queue first.");
        return false;
    }
    auto d = m_store.entry(m_entryId);
    if (!d || d->revisions.empty())
        return false;
    store::Review rv;
    rv.entryId = m_entryId;
    rv.revision = d->revisions.back().number;
    rv.completeness = review::completeness(m_rubric, d->revisions.back()).toJson();
    for (const auto &[id, score, evidence] : m_scores) {
        const int value = score->currentData().toInt();
        if (value == 0 && !evidence->text().trimmed().isEmpty()) {
            const auto *c = m_rubric.criterion(id);
            if (error)
                *error = tr("“%1” has evidence but no score. Choose a score from 1 to 4, or clear the evidence.").arg(c ? c->title : id);
            return false;
        }
        if (value > 0)
            rv.quality.push_back({id, value, evidence->text().trimmed(), {}});
    }
    rv.comment = m_comment->toPlainText().trimmed();
    rv.returned = m_return->isChecked();
    if (rv.quality.empty() && !rv.returned) {
        if (error)
            *error = tr("Score at least one quality criterion, or return the entry to its author with a comment.");
        return false;
    }
    auto id = m_store.recordReview(rv, m_reviewer);
    if (!id) {
        if (error)
            *error = sentence(id.error().message);
        return false;
    }
    m_reviewDirty = false;
    reloadQueue();
    reloadSignOffs();
    showEntry(m_entryId);
    m_saveReason->setText(rv.returned ? tr("Saved at %1, and returned to its author for correction.").arg(kUk.toString(QDateTime::currentDateTime(), u"HH:mm"_s))
                                      : tr("Saved at %1.").arg(kUk.toString(QDateTime::currentDateTime(), u"HH:mm"_s)));
    return true;
}

void SupervisionDialog::reloadSignOffs()
{
    const QSignalBlocker quiet(m_signOffs);
    m_signOffs->clear();
    m_signOffRequests.clear();
    auto all = m_store.signOffs();
    if (!all)
        return;
    for (const store::SignOff &s : *all) {
        if (s.state() != store::SignOffState::Requested)
            continue;
        const QString what = signOffHeading(s);
        const QString comment = s.events.empty() ? QString() : s.events.front().comment;
        m_signOffs->addItem(tr("%1\nRequested by %2 on %3%4").arg(what, store::actorDisplay(s.requestedBy), day(s.requestedAt),
                                                                   comment.isEmpty() ? QString() : u": “"_s + comment + u'”'));
        m_signOffRequests.push_back(s);
    }
    if (m_signOffRequests.empty())
        m_signOffs->addItem(tr("Nothing is waiting for sign-off."));
    m_signOffs->setCurrentRow(0);
    showSignOff(0);
}

void SupervisionDialog::showSignOff(int row)
{
    if (row < 0 || row >= int(m_signOffRequests.size())) {
        m_signOffView->clear();
        return;
    }
    const store::SignOff &so = m_signOffRequests[size_t(row)];
    if (so.subject == u"entry") {
        auto d = m_store.entry(so.entryId);
        if (!d || so.revision < 1 || so.revision > int(d->revisions.size())) {
            m_signOffView->setPlainText(tr("Entry %1 cannot be shown.").arg(so.entryId));
            return;
        }
        QString html = u"<h3>%1</h3>"_s.arg(tr("%1 — revision %2, written by %3")
                                                .arg(d->summary.personName.toHtmlEscaped())
                                                .arg(so.revision)
                                                .arg(store::actorDisplay(d->revisions[size_t(so.revision - 1)].author).toHtmlEscaped()));
        if (so.revision < int(d->revisions.size()))
            html += u"<p><b>%1</b></p>"_s.arg(tr("The entry has been amended since sign-off was asked for (it is now at revision %1). "
                                                 "This is the revision that was asked for.")
                                                  .arg(d->revisions.size()));
        m_signOffView->setHtml(html + fieldsHtml(d->revisions[size_t(so.revision - 1)].entry));
        return;
    }
    auto summary = report::summaryForSignOff(m_store, so);
    if (!summary) {
        m_signOffView->setPlainText(sentence(summary.error()));
        return;
    }
    QString html = report::summaryHtml(*summary);
    if (summary->contentHash != so.documentHash) {
        const QString warning = u"<p style=\"background-color:#fff3cd\"><b>%1</b></p>"_s.arg(
            tr("The record has changed since sign-off was asked for: an entry this summary draws on was amended or marked in error. "
               "Approving signs off the version that was asked for, not this one; consider returning it so it can be asked for again.")
                .toHtmlEscaped());
        html.replace(u"<body>"_s, u"<body>"_s + warning);
    }
    m_signOffView->setHtml(html);
}

bool SupervisionDialog::decideSignOff(int row, bool approve, const QString &comment, QString *error)
{
    if (row < 0 || row >= int(m_signOffRequests.size()))
        return false;
    const store::SignOff request = m_signOffRequests[size_t(row)];
    auto r = m_store.decideSignOff(request.id, approve ? store::SignOffState::Approved : store::SignOffState::Returned, comment, m_reviewer);
    if (!r) {
        if (error)
            *error = sentence(r.error().message);
        return false;
    }
    reloadSignOffs();
    reloadQueue();
    m_signOffStatus->setText((approve ? tr("<b>Signed off:</b> %1, by %2 at %3.") : tr("<b>Returned:</b> %1, by %2 at %3."))
                                 .arg(signOffHeading(request).toHtmlEscaped(), store::actorDisplay(m_reviewer).toHtmlEscaped(),
                                      kUk.toString(QDateTime::currentDateTime(), u"HH:mm"_s)));
    return true;
}

QString SupervisionDialog::signOffTitle(const store::SignOff &s) const
{
    QString what = s.subject == u"entry" ? tr("entry %1 (revision %2)").arg(s.entryId).arg(s.revision) : tr("the fire-safety summary");
    if (auto p = m_store.person(s.personId))
        what += u" — "_s + p->name;
    else if (s.subject == u"entry")
        if (auto d = m_store.entry(s.entryId))
            what += u" — "_s + d->summary.personName;
    return what; // in running text ("Sign off entry …?"); capitalised where it starts a line
}

QString SupervisionDialog::signOffHeading(const store::SignOff &s) const
{
    QString what = signOffTitle(s);
    what[0] = what[0].toUpper();
    return what;
}

bool SupervisionDialog::hasUnsavedReview() const { return m_reviewDirty && !m_entryId.isEmpty(); }

bool SupervisionDialog::settleUnsavedReview()
{
    if (!hasUnsavedReview())
        return true;
    QMessageBox box(this);
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(tr("Your review is not saved"));
    box.setText(tr("You have scored or commented on %1 but not saved the review.").arg(m_entryHeading->text()));
    box.setInformativeText(tr("Save it now, or discard what you wrote?"));
    QPushButton *save = box.addButton(tr("Save the review"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("Discard it"), QMessageBox::DestructiveRole);
    box.addButton(tr("Keep reviewing"), QMessageBox::RejectRole);
    box.setDefaultButton(save);
    box.exec();
    if (box.clickedButton() == discard) {
        m_reviewDirty = false;
        return true;
    }
    if (box.clickedButton() != save)
        return false;
    QString error;
    if (!saveReview(&error)) {
        QMessageBox::warning(this, tr("The review was not saved"), error);
        return false;
    }
    return true;
}

void SupervisionDialog::done(int result)
{
    if (!settleUnsavedReview())
        return;
    QDialog::done(result);
}

} // namespace fairnote::ui
