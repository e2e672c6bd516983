// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Choosing, previewing, saving and printing a report.
#include "reportdialog.h"

#include "pdfdocument.h"
#include "report/deliver.h"
#include "spellingsetup.h"
#include "wording/checker.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

ReportDialog::ReportDialog(Kind kind, store::Store &store, const QString &personId, const store::Actor &author,
                           std::shared_ptr<const wording::Checker> checker, QWidget *parent)
    : QDialog(parent), m_kind(kind), m_store(store), m_personId(personId), m_author(author), m_checker(std::move(checker))
{
    const auto person = m_store.person(personId);
    const QString name = person ? person->name : personId;
    setWindowTitle(kind == Kind::Summary ? tr("Fire-safety summary for %1").arg(name) : tr("Everything held about %1").arg(name));

    auto *choices = new QWidget(this);
    auto *choicesLayout = new QVBoxLayout(choices);
    choicesLayout->setContentsMargins(0, 0, 6, 0);
    if (kind == Kind::Summary)
        buildSummaryChoices(choices);
    else
        buildSarChoices(choices);
    m_status = new QLabel(choices);
    m_status->setObjectName(u"reportStatus"_s);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("What is still needed"));
    choicesLayout->addWidget(m_status);
    choicesLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(choices);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Choices for the document"));

    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(u"reportPreview"_s);
    m_preview->setAccessibleName(tr("Preview of the document"));

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(scroll);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);

    m_savePdf = new QPushButton(tr("Save as &PDF…"), this);
    m_saveHtml = new QPushButton(tr("Save as &HTML…"), this);
    m_saveJson = new QPushButton(tr("Save as &JSON…"), this);
    m_print = new QPushButton(tr("P&rint…"), this);
    auto *close = new QPushButton(tr("&Close"), this);
    for (QPushButton *b : {m_savePdf, m_saveHtml, m_saveJson, m_print})
        b->setToolTip(tr("Recorded in the audit trail, with the purpose and recipient, before it is written"));
    auto *buttons = new QHBoxLayout;
    if (kind == Kind::Summary) {
        m_signOff = new QPushButton(tr("Ask for si&gn-off…"), this);
        m_signOff->setToolTip(tr("A supervisor reads this summary and signs it off; the summary then says who signed it off and when"));
        buttons->addWidget(m_signOff);
        connect(m_signOff, &QPushButton::clicked, this, [this] {
            bool ok = false;
            const QString comment = QInputDialog::getMultiLineText(this, tr("Ask for sign-off"),
                                                                   tr("Anything the supervisor should know (optional):"), {}, &ok);
            if (!ok)
                return;
            QString error;
            if (!askForSignOff(comment, &error))
                QMessageBox::warning(this, tr("Sign-off was not asked for"), error);
        });
    }
    buttons->addWidget(m_savePdf);
    buttons->addWidget(m_saveHtml);
    buttons->addWidget(m_saveJson);
    buttons->addWidget(m_print);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_savePdf, &QPushButton::clicked, this, [this] { saveInteractively(u"pdf"_s); });
    connect(m_saveHtml, &QPushButton::clicked, this, [this] { saveInteractively(u"html"_s); });
    connect(m_saveJson, &QPushButton::clicked, this, [this] { saveInteractively(u"json"_s); });
    connect(m_print, &QPushButton::clicked, this, &ReportDialog::print);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(250);
    connect(&m_refresh, &QTimer::timeout, this, &ReportDialog::refreshNow);
    resize(1120, 720);
    refreshNow();
}

void ReportDialog::buildSummaryChoices(QWidget *pane)
{
    auto *layout = static_cast<QVBoxLayout *>(pane->layout());
    auto *intro = new QLabel(tr("Choose the minimum a provider needs for this purpose. The summary is built from the facts "
                                "recorded, never from opinions, and says what it leaves out."),
                             pane);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *sharing = new QGroupBox(tr("Sharing"), pane);
    auto *form = new QFormLayout(sharing);
    m_purpose = new QLineEdit(sharing);
    m_purpose->setObjectName(u"purpose"_s);
    m_purpose->setPlaceholderText(tr("For example: Referral for temporary accommodation"));
    m_purpose->setAccessibleName(tr("Purpose of sharing"));
    m_recipient = new QLineEdit(sharing);
    m_recipient->setObjectName(u"recipient"_s);
    m_recipient->setPlaceholderText(tr("For example: Housing Options, Stoke-on-Trent City Council"));
    m_recipient->setAccessibleName(tr("Recipient"));
    form->addRow(tr("P&urpose:"), m_purpose);
    form->addRow(tr("Rec&ipient:"), m_recipient);
    m_consent = new QRadioButton(tr("The person &consented to this being shared"), sharing);
    m_noConsent = new QRadioButton(tr("Shared without consent, on this &lawful basis:"), sharing);
    m_basis = new QLineEdit(sharing);
    m_basis->setAccessibleName(tr("Lawful basis for sharing without consent"));
    m_basis->setPlaceholderText(tr("For example: vital interests — an imminent risk of harm"));
    m_basis->setEnabled(false);
    form->addRow(m_consent);
    form->addRow(m_noConsent);
    form->addRow(m_basis);
    layout->addWidget(sharing);

    auto *which = new QGroupBox(tr("Incidents to include"), pane);
    auto *whichLayout = new QVBoxLayout(which);
    m_incidents = new QListWidget(which);
    m_incidents->setAccessibleName(tr("Incidents to include"));
    store::ListFilter filter;
    filter.personId = m_personId;
    filter.includeInError = false;
    if (auto list = m_store.entries(filter, m_author)) {
        for (const auto &e : *list) {
            if (!e.incident || e.status == store::EntryStatus::Draft)
                continue;
            auto detail = m_store.entry(e.id);
            const bool byDefault = !detail || detail->revisions.empty() || report::includedByDefault(detail->revisions.back().entry);
            auto *item = new QListWidgetItem(e.eventDate.display() + u" — "_s + e.summary, m_incidents);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(byDefault ? Qt::Checked : Qt::Unchecked);
            if (!byDefault) {
                item->setText(item->text() + tr(" (spent conviction: left out unless you choose it)"));
                item->setToolTip(tr("The conviction is recorded as spent under the Rehabilitation of Offenders Act 1974, so it usually "
                                    "need not be disclosed. Tick it only if this referral needs it."));
            }
            item->setData(kIdRole, e.id);
        }
    }
    if (m_incidents->count() == 0)
        whichLayout->addWidget(new QLabel(tr("No final incident record is held; the summary will say so."), which));
    m_incidents->setMaximumHeight(160);
    whichLayout->addWidget(m_incidents);
    layout->addWidget(which);

    auto *sections = new QGroupBox(tr("Sections"), pane);
    auto *sectionsLayout = new QVBoxLayout(sections);
    for (report::Section s : {report::Section::Context, report::Section::ChangesSince, report::Section::Safety,
                              report::Section::PersonsView, report::Section::Health}) {
        auto *box = new QCheckBox(report::sectionTitle(s), sections);
        box->setChecked(report::defaultSections().contains(s));
        if (s == report::Section::Health)
            box->setToolTip(tr("Health information is shared only when the recipient needs it."));
        sectionsLayout->addWidget(box);
        m_sections.emplace_back(s, box);
        connect(box, &QCheckBox::toggled, &m_refresh, qOverload<>(&QTimer::start));
    }
    layout->addWidget(sections);

    auto *flaggedLabel = new QLabel(tr("Wording still flagged in the text it repeats:"), pane);
    m_flagged = new QListWidget(pane);
    m_flagged->setAccessibleName(tr("Wording still flagged in the summary"));
    m_flagged->setMaximumHeight(120);
    m_flagged->setWordWrap(true);
    flaggedLabel->setBuddy(m_flagged);
    layout->addWidget(flaggedLabel);
    layout->addWidget(m_flagged);

    for (QLineEdit *e : {m_purpose, m_recipient, m_basis})
        connect(e, &QLineEdit::textChanged, &m_refresh, qOverload<>(&QTimer::start));
    connect(m_noConsent, &QRadioButton::toggled, m_basis, &QWidget::setEnabled);
    connect(m_consent, &QRadioButton::toggled, &m_refresh, qOverload<>(&QTimer::start));
    connect(m_noConsent, &QRadioButton::toggled, &m_refresh, qOverload<>(&QTimer::start));
    connect(m_incidents, &QListWidget::itemChanged, &m_refresh, qOverload<>(&QTimer::start));
}

void ReportDialog::buildSarChoices(QWidget *pane)
{
    auto *layout = static_cast<QVBoxLayout *>(pane->layout());
    auto *intro = new QLabel(tr("Everything the case file holds about the person: every entry and revision with its reason, "
                                "entries marked in error, drafts, their own words and disputes, and every time information "
                                "about them was shared. Entries flagged for review before disclosure are withheld, with a "
                                "visible marker, until a reviewer releases them (Entry › Release for disclosure)."),
                             pane);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *range = new QGroupBox(tr("Dates (by the date of the event)"), pane);
    auto *form = new QFormLayout(range);
    auto dateRow = [&](QCheckBox *&known, QDateEdit *&edit, const QString &label) {
        known = new QCheckBox(label, range);
        edit = new QDateEdit(QDate::currentDate(), range);
        edit->setDisplayFormat(u"d MMMM yyyy"_s);
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        edit->setAccessibleName(QString(label).remove(u'&'));
        connect(known, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        connect(known, &QCheckBox::toggled, &m_refresh, qOverload<>(&QTimer::start));
        connect(edit, &QDateEdit::dateChanged, &m_refresh, qOverload<>(&QTimer::start));
        form->addRow(known, edit);
    };
    dateRow(m_fromKnown, m_from, tr("&From"));
    dateRow(m_toKnown, m_to, tr("&To"));
    layout->addWidget(range);
}

QCheckBox *ReportDialog::sectionBox(report::Section s) const
{
    for (const auto &[section, box] : m_sections)
        if (section == s)
            return box;
    return nullptr;
}

QStringList ReportDialog::stillFlagged() const
{
    QStringList out;
    for (int i = 0; m_flagged && i < m_flagged->count(); ++i)
        out << m_flagged->item(i)->text();
    return out;
}

void ReportDialog::refreshNow()
{
    m_refresh.stop();
    m_problem.clear();
    m_html.clear();
    if (m_kind == Kind::SubjectAccess) {
        report::SarRequest q{m_personId, m_fromKnown->isChecked() ? m_from->date() : QDate(),
                             m_toKnown->isChecked() ? m_to->date() : QDate(), QDateTime::currentDateTimeUtc(), m_author};
        auto sar = report::buildSubjectAccess(m_store, q);
        if (sar) {
            m_sar = std::move(*sar);
            m_html = report::subjectAccessHtml(*m_sar);
        } else {
            m_problem = sar.error();
        }
    } else {
        report::SummaryRequest q;
        q.personId = m_personId;
        q.purpose = m_purpose->text();
        q.recipient = m_recipient->text();
        q.consent = m_consent->isChecked();
        q.lawfulBasis = m_noConsent->isChecked() ? m_basis->text() : QString();
        q.now = QDateTime::currentDateTimeUtc();
        q.author = m_author;
        q.sections.clear();
        for (const auto &[s, box] : m_sections)
            if (box->isChecked())
                q.sections.insert(s);
        bool any = false;
        for (int i = 0; i < m_incidents->count(); ++i) {
            if (m_incidents->item(i)->checkState() == Qt::Checked) {
                q.entryIds << m_incidents->item(i)->data(kIdRole).toString();
                any = true;
            }
        }
        if (!any && m_incidents->count() > 0)
            m_problem = tr("Choose at least one incident to include.");
        if (!m_consent->isChecked() && !m_noConsent->isChecked())
            m_problem = tr("Say whether the person consented to this being shared or, if not, the lawful basis.");
        // The preview shows the document even before the sharing details are complete.
        report::SummaryRequest preview = q;
        if (preview.purpose.trimmed().isEmpty())
            preview.purpose = tr("(purpose not given yet)");
        if (preview.recipient.trimmed().isEmpty())
            preview.recipient = tr("(recipient not given yet)");
        if (!preview.consent && preview.lawfulBasis.trimmed().isEmpty()) {
            preview.consent = false;
            preview.lawfulBasis = tr("(not given yet)");
        }
        auto summary = report::buildSummary(m_store, preview);
        if (summary && !m_consent->isChecked() && !m_noConsent->isChecked()) {
            // Neither choice made: the preview must not read as if it were shared without consent.
            summary->basis = tr("Not answered yet: whether the person consented to this being shared or, if not, the "
                                "lawful basis for sharing it.");
        }
        if (summary) {
            m_html = report::summaryHtml(*summary);
            m_flagged->clear();
            for (const auto &tf : report::checkSummaryText(*summary, *m_checker))
                for (const Finding &f : tf.findings)
                    m_flagged->addItem(tr("%1: “%2” — %3").arg(tf.where, tf.text.mid(f.offset, f.length), f.message));
            if (m_flagged->count() == 0)
                m_flagged->addItem(tr("Nothing: the text reads factually."));
        } else {
            m_problem = summary.error();
        }
        if (m_problem.isEmpty()) {
            auto real = report::buildSummary(m_store, q);
            if (real)
                m_summary = std::move(*real);
            else
                m_problem = real.error();
        }
    }
    const int scroll = m_preview->verticalScrollBar() ? m_preview->verticalScrollBar()->value() : 0;
    m_preview->setHtml(m_html);
    if (m_preview->verticalScrollBar())
        m_preview->verticalScrollBar()->setValue(scroll);
    if (m_problem.isEmpty() && m_store.isReadOnly())
        m_problem = tr("this case file is open for reading only, so an export cannot be recorded in its audit trail, and Fairnote "
                       "shares nothing it cannot record");
    m_status->setText(m_problem.isEmpty() ? tr("Ready. Saving or printing records it in the audit trail.")
                                          : u"<b>%1</b> %2"_s.arg(tr("Before it can be shared:"), sentence(m_problem).toHtmlEscaped()));
    for (QPushButton *b : {m_savePdf, m_saveHtml, m_saveJson, m_print})
        b->setEnabled(m_problem.isEmpty());
    if (m_signOff) {
        const QString state = m_problem.isEmpty() && m_summary ? m_summary->signOff.state : QString();
        m_signOff->setEnabled(m_problem.isEmpty() && state != u"requested" && state != u"approved");
    }
}

bool ReportDialog::askForSignOff(const QString &comment, QString *error)
{
    refreshNow();
    if (m_kind != Kind::Summary || !m_problem.isEmpty() || !m_summary) {
        if (error)
            *error = m_problem.isEmpty() ? tr("Only a referral summary is signed off here.") : sentence(m_problem);
        return false;
    }
    auto r = report::requestSummarySignOff(m_store, *m_summary, comment, m_author);
    if (!r) {
        if (error)
            *error = sentence(r.error().message);
        return false;
    }
    refreshNow();
    return true;
}

bool ReportDialog::saveTo(const QString &path, const QString &format, QString *error)
{
    refreshNow();
    if (!m_problem.isEmpty()) {
        if (error)
            *error = sentence(m_problem);
        return false;
    }
    const bool summary = m_kind == Kind::Summary;
    const QString title = summary ? m_summary->title : m_sar->title;
    const QString person = summary ? m_summary->person.name : m_sar->person.name;
    QByteArray bytes;
    if (format == u"json")
        bytes = QJsonDocument(summary ? report::summaryJson(*m_summary) : report::subjectAccessJson(*m_sar)).toJson(QJsonDocument::Indented);
    else if (format == u"pdf")
        bytes = render::pdfBytes(m_html, {title, store::actorDisplay(m_author),
                                          (summary ? tr("Fire-safety history — %1") : tr("Subject-access export — %1")).arg(person)});
    else
        bytes = m_html.toUtf8();
    // Whole or not at all, and recorded only once the bytes are safe (report::saveRecorded).
    auto problem = report::saveRecorded(m_store, m_author, bytes, path, report::oneRow(summary ? m_summary->person.id : m_sar->person.id,
                                                                                      [&](const QString &destination) {
        return summary ? report::recordSummaryExport(m_store, *m_summary, format, destination)
                       : report::recordSubjectAccessExport(m_store, *m_sar, format, destination);
    }));
    if (problem) {
        if (error)
            *error = sentence(*problem);
        return false;
    }
    return true;
}

QString ReportDialog::suggestedFileName(const QString &format) const
{
    // Whose it is, what it is and when: "fire-safety-summary-sam-rivers-2026-12-07.pdf".
    QString person = m_kind == Kind::Summary ? (m_summary ? m_summary->person.name : QString()) : (m_sar ? m_sar->person.name : QString());
    if (person.isEmpty())
        if (auto p = m_store.person(m_personId))
            person = p->name;
    static const QRegularExpression unsafe(u"[^\\p{L}\\p{N}]+"_s);
    const QString slug = person.toLower().replace(unsafe, u"-"_s).remove(QRegularExpression(u"^-+|-+$"_s));
    return (m_kind == Kind::Summary ? tr("fire-safety-summary") : tr("subject-access")) + (slug.isEmpty() ? QString() : u'-' + slug) + u'-'
        + QDate::currentDate().toString(Qt::ISODate) + u'.' + format;
}

QString ReportDialog::startFolder()
{
    // Documents where there is such a folder, else home: never the folder the program was started from.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return !documents.isEmpty() && QDir(documents).exists() ? documents : QDir::homePath();
}

void ReportDialog::saveInteractively(const QString &format)
{
    const QString folder = startFolder();
    const QString base = suggestedFileName(format);
    const QString filter = format == u"pdf" ? tr("PDF documents (*.pdf)") : format == u"html" ? tr("Web pages (*.html)") : tr("JSON files (*.json)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the document"), QDir(folder).filePath(base), filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, format, &error)) {
        QMessageBox::warning(this, tr("The document was not saved"), error);
        return;
    }
    m_status->setText(tr("Saved to %1. The export is recorded in the audit trail.").arg(QDir::toNativeSeparators(path)));
    QMessageBox::information(this, tr("Saved"),
                             tr("The document was saved to:\n%1\n\nIts export is recorded in the case file's audit trail.")
                                 .arg(QDir::toNativeSeparators(path)));
}

void ReportDialog::print()
{
    refreshNow();
    if (!m_problem.isEmpty())
        return;
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // "Print to file" makes a PDF file: it is written as Save As writes one (whole or absent, owner-only,
    // recorded once its bytes are safe), not painted straight into the file by the printer.
    if (printer.outputFormat() == QPrinter::PdfFormat && !printer.outputFileName().isEmpty()) {
        QString error;
        if (!saveTo(printer.outputFileName(), u"pdf"_s, &error)) {
            QMessageBox::warning(this, tr("The document was not saved"), error);
            return;
        }
        m_status->setText(tr("Saved to %1. The export is recorded in the audit trail.").arg(QDir::toNativeSeparators(printer.outputFileName())));
        return;
    }
    const bool summary = m_kind == Kind::Summary;
    auto recorded = summary ? report::recordSummaryExport(m_store, *m_summary, u"print"_s, printer.printerName())
                            : report::recordSubjectAccessExport(m_store, *m_sar, u"print"_s, printer.printerName());
    if (!recorded) {
        QMessageBox::warning(this, tr("Nothing was printed"), sentence(recorded.error().message));
        return;
    }
    const QString person = summary ? m_summary->person.name : m_sar->person.name;
    render::paintPages(m_html, printer,
                       {summary ? m_summary->title : m_sar->title, store::actorDisplay(m_author),
                        (summary ? tr("Fire-safety history — %1") : tr("Subject-access export — %1")).arg(person)});
}

} // namespace fairnote::ui
