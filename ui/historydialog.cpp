// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The history of an entry: its revisions, who/when/why, and a field-by-field comparison.
#include "historydialog.h"

#include "finalisedialog.h"
#include "record/describe.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStyle>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

constexpr int kDraftRow = -1; // the list item's data for the draft; revisions hold their index

bool isDark(const QPalette &palette) { return palette.color(QPalette::Base).lightness() < 128; }

QString mix(const QColor &a, const QColor &b, float amount)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * amount, a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount)
        .name();
}

// The wash behind a changed field, and the colour of its "Changed" word: amber, as wording findings
// "worth changing" are, lighter or deeper to suit the palette.
QString changedWash(const QPalette &p)
{
    return isDark(p) ? mix(p.color(QPalette::Base), QColor(0xff, 0xb7, 0x4d), 0.28f)
                     : mix(p.color(QPalette::Base), QColor(0xff, 0xc1, 0x07), 0.30f);
}
QString changedInk(const QPalette &p) { return isDark(p) ? u"#ffcc80"_s : u"#7a4a00"_s; }
// Unchanged fields, dimmed: between the text and the background.
QString dimInk(const QPalette &p) { return mix(p.color(QPalette::Text), p.color(QPalette::Base), 0.42f); }
QString sectionWash(const QPalette &p) { return mix(p.color(QPalette::Base), p.color(QPalette::Text), 0.07f); }

// "Dee Marsh (Team leader)": the list is narrow, so the organisation is left to the details.
QString shortActor(const store::Actor &a) { return a.role.isEmpty() ? a.name : u"%1 (%2)"_s.arg(a.name, a.role); }

QString html(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(u'\n', u"<br>"_s);
    return out;
}

QString lateText(qint64 seconds, const record::EventDate &date)
{
    return HistoryDialog::tr("Late entry: %1.").arg(record::lateEntryText(seconds, date));
}

// A pale red frame: the colour says "take care", the icon and the words say what happened.
class Banner : public QFrame
{
public:
    using QFrame::QFrame;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        const QColor base = palette().color(QPalette::Window);
        const bool dark = base.lightness() < 128;
        QPainter painter(this);
        painter.fillRect(
            rect(), QColor(mix(base, dark ? QColor(0x8b, 0x1a, 0x1a) : QColor(0xf4, 0x9a, 0x9a), dark ? 0.6f : 0.45f)));
        painter.end();
        QFrame::paintEvent(event);
    }
};

} // namespace

QString HistoryDialog::displayTime(const QDateTime &time)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(time.toLocalTime(), u"d MMMM yyyy, HH:mm"_s);
}

QString HistoryDialog::changedWord() { return tr("Changed"); }

std::vector<HistoryDialog::ComparedField> HistoryDialog::compare(
    const record::Entry *before, const record::Entry &after)
{
    std::vector<ComparedField> rows;
    for (const record::FieldText &f : record::describeFields(after))
        rows.push_back({f.section, f.label, f.pointer, QString(), f.value, before == nullptr, true, false});
    if (!before)
        return rows;
    // Walk the earlier revision in its own order; a field it has that the later one lacks goes in
    // straight after the field that came before it there.
    int last = -1;
    for (const record::FieldText &f : record::describeFields(*before)) {
        const auto it
            = std::find_if(rows.begin(), rows.end(), [&](const ComparedField &r) { return r.pointer == f.pointer; });
        if (it != rows.end()) {
            it->before = f.value;
            it->inBefore = true;
            last = int(it - rows.begin());
        } else {
            rows.insert(
                rows.begin() + last + 1, {f.section, f.label, f.pointer, f.value, QString(), true, false, false});
            ++last;
        }
    }
    for (ComparedField &r : rows)
        r.changed = r.inBefore != r.inAfter || r.before != r.after;
    return rows;
}

HistoryDialog::HistoryDialog(const store::EntryDetail &detail, QWidget *parent) : QDialog(parent), m_detail(detail)
{
    const store::EntrySummary &sum = detail.summary;
    setWindowTitle(sum.personName.isEmpty() ? tr("History of this entry")
                                            : tr("History of an entry about %1").arg(sum.personName));

    // What the entry is, in one line above everything.
    QStringList about;
    // Named by what the record says it was (record::entryKind): an accidental fire is not fire-setting.
    if (!detail.revisions.empty())
        about << record::entryKind(detail.revisions.back().entry);
    else if (detail.draft)
        about << record::entryKind(detail.draft->entry);
    else
        about << (sum.incident ? tr("Incident record") : tr("Case note"));
    about << store::statusTitle(sum.status);
    const int n = int(detail.revisions.size());
    about << (n == 1 ? tr("1 revision") : tr("%1 revisions").arg(n));
    if (sum.lateSeconds)
        about << tr("late entry");
    QString when = html(sum.eventDate.display());
    if (!sum.personName.isEmpty())
        when = html(sum.personName) + u" · "_s + when;
    auto *heading
        = new QLabel(u"<b>%1</b> · %2<br>%3"_s.arg(when, html(about.join(u" · "_s)), html(sum.summary)), this);
    heading->setObjectName(u"entryHeading"_s);
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::RichText);

    // Marked in error: a banner nobody can miss, with who, when and why.
    if (detail.inError) {
        m_banner = new Banner(this);
        m_banner->setObjectName(u"inErrorBanner"_s);
        m_banner->setFrameShape(QFrame::StyledPanel);
        auto *icon = new QLabel(m_banner);
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize) * 2;
        icon->setPixmap(
            style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(QSize(size, size), devicePixelRatioF()));
        auto *title = new QLabel(tr("This entry was marked in error"), m_banner);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        m_bannerText = new QLabel(
            tr("Marked by %1 on %2.\nReason: “%3”\nIt stays readable here so nothing is hidden. It is left out of "
               "referral summaries; a subject-access export still shows it, marked in error.")
                .arg(store::actorDisplay(detail.inError->by), displayTime(detail.inError->at), detail.inError->reason),
            m_banner);
        m_bannerText->setObjectName(u"inErrorText"_s);
        m_bannerText->setWordWrap(true);
        m_bannerText->setTextFormat(Qt::PlainText);
        m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        m_banner->setAccessibleName(title->text());
        m_banner->setAccessibleDescription(m_bannerText->text());
        auto *words = new QVBoxLayout;
        words->setContentsMargins(0, 0, 0, 0);
        words->addWidget(title);
        words->addWidget(m_bannerText);
        auto *layout = new QHBoxLayout(m_banner);
        layout->setContentsMargins(10, 8, 10, 8);
        layout->addWidget(icon, 0, Qt::AlignTop);
        layout->addLayout(words, 1);
    }

    // The revisions, newest first, a draft above them.
    m_list = new QListWidget(this);
    m_list->setObjectName(u"revisionList"_s);
    m_list->setAccessibleName(tr("Revisions, newest first"));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSpacing(2);
    if (detail.draft) {
        const store::Draft &d = *detail.draft;
        auto *item = new QListWidgetItem(
            tr("Draft (not final) by %1, last saved %2").arg(shortActor(d.author), displayTime(d.updatedAt)), m_list);
        item->setData(Qt::UserRole, kDraftRow);
        QFont italic = item->font();
        italic.setItalic(true);
        item->setFont(italic);
    }
    for (int i = n - 1; i >= 0; --i) {
        const store::Revision &r = detail.revisions[size_t(i)];
        QString text = r.number == 1 ? tr("Revision %1 — written by %2, %3") : tr("Revision %1 — amended by %2, %3");
        text = text.arg(r.number).arg(shortActor(r.author), displayTime(r.writtenAt));
        if (r.lateSeconds)
            text += u" · "_s + tr("late entry");
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, i);
    }
    auto *listLabel = new QLabel(tr("&Revisions"), this);
    listLabel->setBuddy(m_list);

    // The selected revision: who, when, why, hash, what was left open, the findings kept.
    m_details = new QTextBrowser(this);
    m_details->setObjectName(u"revisionDetails"_s);
    m_details->setAccessibleName(tr("About this revision"));
    m_details->setOpenLinks(false);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    for (const char *severity : {"error", "warning", "info"}) {
        store::SnapshotFinding f;
        f.severity = QString::fromLatin1(severity);
        m_details->document()->addResource(QTextDocument::ImageResource, QUrl(u"icon:"_s + f.severity),
            FinaliseDialog::findingIcon(f, palette()).pixmap(QSize(16, 16), devicePixelRatioF()));
    }
    {
        store::SnapshotFinding f;
        f.category = u"spelling"_s;
        m_details->document()->addResource(QTextDocument::ImageResource, QUrl(u"icon:spelling"_s),
            FinaliseDialog::findingIcon(f, palette()).pixmap(QSize(16, 16), devicePixelRatioF()));
    }

    // The comparison with the revision before.
    m_onlyChanges = new QCheckBox(tr("Show &only changes"), this);
    m_onlyChanges->setObjectName(u"onlyChangesBox"_s);
    m_onlyChanges->setChecked(true);
    m_comparison = new QTextBrowser(this);
    m_comparison->setObjectName(u"comparison"_s);
    m_comparison->setAccessibleName(tr("Fields of this revision beside the revision before"));
    m_comparison->setOpenLinks(false);
    m_comparison->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *comparisonBox = new QWidget(this);
    auto *comparisonLayout = new QVBoxLayout(comparisonBox);
    comparisonLayout->setContentsMargins(0, 0, 0, 0);
    comparisonLayout->addWidget(m_onlyChanges);
    comparisonLayout->addWidget(m_comparison, 1);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->setChildrenCollapsible(false);
    right->addWidget(m_details);
    right->addWidget(comparisonBox);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 2);

    auto *leftBox = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(leftBox);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(listLabel);
    leftLayout->addWidget(m_list, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(leftBox);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({280, 800});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    if (m_banner)
        layout->addWidget(m_banner);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    setTabOrder(m_list, m_details);
    setTabOrder(m_details, m_onlyChanges);
    setTabOrder(m_onlyChanges, m_comparison);
    setTabOrder(m_comparison, buttons->button(QDialogButtonBox::Close));

    connect(m_list, &QListWidget::currentRowChanged, this, &HistoryDialog::showSelected);
    connect(m_onlyChanges, &QCheckBox::toggled, this, &HistoryDialog::renderComparison);

    // The newest final revision is what the record says now; the draft is one step up.
    m_list->setCurrentRow(detail.draft && n > 0 ? 1 : 0);
    m_list->setFocus();

    QSize wanted(1100, 720);
    if (const QScreen *screen = this->screen())
        wanted = wanted.boundedTo(screen->availableGeometry().size() * 0.92);
    resize(wanted);
}

QString HistoryDialog::inErrorText() const { return m_bannerText ? m_bannerText->text() : QString(); }

QStringList HistoryDialog::changedFields() const
{
    QStringList out;
    for (const ComparedField &r : m_rows)
        if (r.changed)
            out << r.pointer;
    return out;
}

QString HistoryDialog::detailsHtml(int row) const
{
    QString out;
    auto para = [&](const QString &bold, const QString &text) {
        out += u"<p><b>%1</b> %2</p>"_s.arg(bold.toHtmlEscaped(), text);
    };
    if (row == kDraftRow) {
        const store::Draft &d = *m_detail.draft;
        out += u"<h3>%1</h3>"_s.arg(tr("Draft (not final)").toHtmlEscaped());
        out += u"<p>%1</p>"_s.arg(
            tr("Started by %1 on %2; last saved %3.")
                .arg(store::actorDisplay(d.author), displayTime(d.startedAt), displayTime(d.updatedAt))
                .toHtmlEscaped());
        out += u"<p>%1</p>"_s.arg(
            (d.baseRevision > 0 ? tr("An amendment of revision %1 that is still being written. It is not part of the "
                                     "record until it is finalised, and it can still change.")
                                      .arg(d.baseRevision)
                                : tr("It is not part of the record until it is finalised, and it can still change."))
                .toHtmlEscaped());
        out += u"<p>%1</p>"_s.arg(
            tr("What is open and what wording is flagged are kept when it is finalised.").toHtmlEscaped());
        return out;
    }

    const store::Revision &r = m_detail.revisions[size_t(row)];
    out += u"<h3>%1</h3>"_s.arg(
        (r.number == 1 ? tr("Revision %1 — written") : tr("Revision %1 — amended")).arg(r.number).toHtmlEscaped());
    if (r.number == 1) {
        out += u"<p>%1</p>"_s.arg(
            tr("Written by %1 on %2.").arg(store::actorDisplay(r.author), displayTime(r.writtenAt)).toHtmlEscaped());
    } else {
        out += u"<p>%1</p>"_s.arg(
            tr("Amended by %1 on %2.").arg(store::actorDisplay(r.author), displayTime(r.writtenAt)).toHtmlEscaped());
        para(tr("Reason for the amendment:"), html(r.reason.isEmpty() ? tr("none recorded") : r.reason));
    }
    if (r.lateSeconds)
        out += u"<p>%1</p>"_s.arg(lateText(*r.lateSeconds, r.entry.eventDate).toHtmlEscaped());
    para(tr("Revision hash:"), u"<code>%1</code>"_s.arg(r.hash.toHtmlEscaped()));

    const store::Snapshot &s = r.snapshot;
    if (s.prompts.empty() && s.findings.empty()) {
        out += u"<p>%1</p>"_s.arg(
            tr("Nothing was left open and no wording was flagged when it was finalised.").toHtmlEscaped());
        return out;
    }
    if (!s.prompts.empty()) {
        const int n = int(s.prompts.size());
        out += u"<h4>%1</h4><ul>"_s.arg(
            (n == 1 ? tr("1 question was left open") : tr("%1 questions were left open").arg(n)).toHtmlEscaped());
        for (const store::SnapshotPrompt &p : s.prompts)
            out += u"<li><b>%1:</b> %2<br><i>%3</i> %4</li>"_s.arg(FinaliseDialog::fieldTitle(p.field).toHtmlEscaped(),
                p.message.toHtmlEscaped(), tr("Reason given:").toHtmlEscaped(),
                p.leftReason.isEmpty() ? tr("none").toHtmlEscaped() : u"“%1”"_s.arg(html(p.leftReason)));
        out += u"</ul>"_s;
    } else {
        out += u"<p>%1</p>"_s.arg(tr("No questions were left open.").toHtmlEscaped());
    }
    if (!s.findings.empty()) {
        const int n = int(s.findings.size());
        out += u"<h4>%1</h4><table cellspacing=\"0\" cellpadding=\"3\">"_s.arg(
            (n == 1 ? tr("1 piece of wording was kept with it") : tr("%1 pieces of wording were kept with it").arg(n))
                .toHtmlEscaped());
        for (const store::SnapshotFinding &f : s.findings) {
            const QString icon = f.category == u"spelling" ? u"spelling"_s : f.severity;
            out += u"<tr><td valign=\"top\"><img src=\"icon:%1\" width=\"16\" height=\"16\"></td>"
                   u"<td><b>%2</b> · “%3” <small>(%4)</small><br>%5</td></tr>"_s.arg(icon.toHtmlEscaped(),
                       FinaliseDialog::findingWord(f).toHtmlEscaped(), f.text.simplified().toHtmlEscaped(),
                       FinaliseDialog::fieldTitle(f.field).toHtmlEscaped(), f.message.toHtmlEscaped());
        }
        out += u"</table>"_s;
    } else {
        out += u"<p>%1</p>"_s.arg(tr("No wording was flagged.").toHtmlEscaped());
    }
    return out;
}

void HistoryDialog::showSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item) {
        m_rows.clear();
        m_details->clear();
        m_comparison->clear();
        return;
    }
    const int row = item->data(Qt::UserRole).toInt();
    m_details->setHtml(detailsHtml(row));

    const record::Entry *before = nullptr;
    const record::Entry *after = nullptr;
    if (row == kDraftRow) {
        after = &m_detail.draft->entry;
        if (!m_detail.revisions.empty()) {
            // An amendment draft is compared with the revision it amends (the latest, unless it is stale).
            const int base = m_detail.draft->baseRevision;
            const store::Revision *previous = &m_detail.revisions.back();
            for (const store::Revision &r : m_detail.revisions)
                if (r.number == base)
                    previous = &r;
            before = &previous->entry;
            m_beforeName = tr("revision %1").arg(previous->number);
        }
    } else {
        after = &m_detail.revisions[size_t(row)].entry;
        if (row > 0) {
            before = &m_detail.revisions[size_t(row) - 1].entry;
            m_beforeName = tr("revision %1").arg(m_detail.revisions[size_t(row) - 1].number);
        }
    }
    m_hasBefore = before != nullptr;
    m_rows = compare(before, *after);
    m_onlyChanges->setEnabled(m_hasBefore);
    m_onlyChanges->setToolTip(m_hasBefore
            ? tr("Hide the fields that are the same as in the revision before")
            : tr("This is the first revision: there is nothing before it to compare with"));
    renderComparison();
}

// The comparison as an HTML table: it wraps long answers, can be selected and copied, and reads in
// order with a screen reader. A changed field has a wash behind it *and* the word "Changed".
void HistoryDialog::renderComparison()
{
    const QPalette &p = palette();
    const bool only = m_hasBefore && m_onlyChanges->isChecked();
    const QString dim = dimInk(p), wash = changedWash(p), ink = changedInk(p), section = sectionWash(p);
    const int changed
        = int(std::count_if(m_rows.begin(), m_rows.end(), [](const ComparedField &r) { return r.changed; }));
    const int same = int(m_rows.size()) - changed;

    QString out;
    if (!m_hasBefore)
        out += u"<p>%1</p>"_s.arg(tr("The first revision: every field as it was written.").toHtmlEscaped());
    else if (changed == 0)
        out += u"<p>%1</p>"_s.arg(tr("No field is different from %1.").arg(m_beforeName).toHtmlEscaped());
    else
        out += u"<p>%1</p>"_s.arg((changed == 1 ? tr("1 field is different from %1.").arg(m_beforeName)
                                                : tr("%1 fields are different from %2.").arg(changed).arg(m_beforeName))
                                      .toHtmlEscaped());

    out += u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" border=\"0\">"_s;
    const int columns = m_hasBefore ? 3 : 2;
    out += u"<tr><th align=\"left\" width=\"22%\">%1</th>"_s.arg(tr("Field").toHtmlEscaped());
    if (m_hasBefore)
        out += u"<th align=\"left\" width=\"39%\">%1</th><th align=\"left\" width=\"39%\">%2</th></tr>"_s.arg(
            tr("Before (%1)").arg(m_beforeName).toHtmlEscaped(), tr("This revision").toHtmlEscaped());
    else
        out += u"<th align=\"left\">%1</th></tr>"_s.arg(tr("This revision").toHtmlEscaped());

    QString currentSection;
    for (const ComparedField &r : m_rows) {
        if (only && !r.changed)
            continue;
        if (r.section != currentSection) {
            currentSection = r.section;
            out += u"<tr><td colspan=\"%1\" bgcolor=\"%2\"><b>%3</b></td></tr>"_s.arg(columns).arg(
                section, html(r.section));
        }
        const bool dimmed = m_hasBefore && !r.changed;
        const QString open = r.changed ? u"<td valign=\"top\" bgcolor=\"%1\">"_s.arg(wash) : u"<td valign=\"top\">"_s;
        auto cell = [&](const QString &value, bool present, const QString &absent) -> QString {
            QString text = present ? html(value) : u"<i>%1</i>"_s.arg(absent.toHtmlEscaped());
            if (dimmed)
                text = u"<span style=\"color:%1\">%2</span>"_s.arg(dim, text);
            return open + text + u"</td>"_s;
        };
        QString label = html(r.label);
        if (r.changed)
            label = u"<b>%1</b><br><span style=\"color:%2\"><b>● %3</b></span>"_s.arg(
                label, ink, changedWord().toHtmlEscaped());
        else if (dimmed)
            label = u"<span style=\"color:%1\">%2</span>"_s.arg(dim, label);
        out += u"<tr>"_s + open + label + u"</td>"_s;
        if (m_hasBefore)
            out += cell(r.before, r.inBefore, tr("not there before"));
        out += cell(r.after, r.inAfter, tr("not in this revision"));
        out += u"</tr>"_s;
    }
    out += u"</table>"_s;
    if (only && same > 0)
        out += u"<p style=\"color:%1\">%2</p>"_s.arg(dim,
            (same == 1
                    ? tr("1 field that is the same is hidden. Untick “Show only changes” to see it.")
                    : tr("%1 fields that are the same are hidden. Untick “Show only changes” to see them.").arg(same))
                .toHtmlEscaped());
    m_comparison->setHtml(out);
}

} // namespace fairnote::ui
