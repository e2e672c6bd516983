// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The panel of prompts and findings beside the record form.
#include "recordpanel.h"

#include "finalisedialog.h"
#include "findingformat.h"
#include "noteeditor.h"
#include "recordeditor.h"

#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {
constexpr int kItemRole = Qt::UserRole + 1; // index into m_items; -1 for a heading

// How the panel names a question: what the worker must do about it, never "Worth changing" for a field
// that is simply blank (there is nothing there to change).
QString promptWord(const record::Prompt &p)
{
    if (p.code == u"blank")
        return QObject::tr("Not answered");
    return p.severity == Severity::Error ? QObject::tr("Important") : QObject::tr("To check");
}

// Most serious first: errors, warnings, information; spelling after wording of the same weight.
int rank(Severity s)
{
    switch (s) {
    case Severity::Error: return 0;
    case Severity::Warning: return 1;
    case Severity::Info: return 2;
    }
    return 3;
}

QString relative(const QString &field)
{
    static const QString prefix = u"/entries/0"_s;
    return field.startsWith(prefix) ? field.mid(prefix.size()) : field;
}

// QListView's own size hint for a wrapped item does not leave room for its icon, so the last line
// of a long row was cut off. This one measures the text at the width it is drawn in.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const auto *view = qobject_cast<const QAbstractItemView *>(opt.widget);
        const QSize base = QStyledItemDelegate::sizeHint(option, index);
        if (!view)
            return base;
        const QStyle *style = view->style();
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, view) + 1;
        const int spacing = qobject_cast<const QListView *>(view) ? qobject_cast<const QListView *>(view)->spacing() : 0;
        const int iconWidth = opt.icon.isNull() ? 0 : opt.decorationSize.width() + 2 * margin;
        const int width = std::max(40, view->viewport()->width() - 2 * spacing - iconWidth - 2 * margin - 4);
        const QRect text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap | Qt::AlignLeft, opt.text);
        return {std::min(base.width(), view->viewport()->width() - 2 * spacing), std::max(base.height(), text.height() + 2 * margin + 2)};
    }
};
} // namespace

RecordPanel::RecordPanel(RecordEditor *editor, QWidget *parent) : QWidget(parent), m_editor(editor)
{
    setAccessibleName(tr("Questions and wording"));
    m_heading = new QLabel(this);
    QFont f = m_heading->font();
    f.setBold(true);
    m_heading->setFont(f);
    m_heading->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"recordPanelList"_s);
    m_list->setAccessibleName(tr("Questions to answer and wording to look at again"));
    m_list->setAccessibleDescription(tr("Click an item, or press Enter on it, to go to its field."));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setUniformItemSizes(false);
    m_list->setSpacing(2);
    m_list->setIconSize(QSize(14, 14));
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setResizeMode(QListView::Adjust); // re-wrap the rows when the panel is resized
    m_list->setItemDelegate(new WrappingDelegate(m_list));
    m_heading->setBuddy(m_list);
    m_details = new QTextBrowser(this);
    m_details->setAccessibleName(tr("Explanation"));
    m_details->setOpenExternalLinks(true);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(split, 1);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, &RecordPanel::refreshNow);
    connect(m_editor, &RecordEditor::changed, &m_refresh, qOverload<>(&QTimer::start));
    connect(m_editor, &RecordEditor::findingsChanged, &m_refresh, qOverload<>(&QTimer::start));
    connect(m_list, &QListWidget::currentRowChanged, this, &RecordPanel::showDetails);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { activateRow(m_list->row(item)); });
    // One click goes to the field, whatever the style's rule for activating (Fusion wants two).
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_list))
            activateRow(m_list->row(item));
    });
    refreshNow();
}

void RecordPanel::setContext(const record::Person &person, record::AssessOptions options)
{
    m_person = person;
    options.textChecks.clear();
    m_options = std::move(options);
    m_refresh.start();
}

QString RecordPanel::fieldLabel(const QString &pointer) const
{
    if (QWidget *w = m_editor->fieldWidget(pointer); w && !w->accessibleName().isEmpty())
        return w->accessibleName();
    return FinaliseDialog::fieldTitle(pointer); // a field the form does not show ("/author/name")
}

void RecordPanel::refreshNow()
{
    m_refresh.stop();
    record::Entry e = m_editor->entry();
    if (!m_keepsWrittenAt || !e.writtenAt.isValid())
        e.writtenAt = QDateTime::currentDateTimeUtc();
    if (e.author.name.isEmpty())
        e.author.name = u"(you)"_s; // the store signs it; the panel must not ask for an author
    // The wording first: it is what a reader of the record sees, and a red finding must never sit below
    // a page of blanks. Then the questions. Each list by severity, most serious first, in form order
    // within a severity.
    std::vector<PanelItem> items;
    for (const auto &[pointer, editor] : m_editor->narratives()) {
        for (const Finding &f : editor->visibleFindings()) {
            PanelItem item;
            item.kind = PanelItem::Kind::Finding;
            item.field = pointer;
            item.finding = f;
            item.words = editor->matchedText(f);
            items.push_back(std::move(item));
        }
    }
    std::stable_sort(items.begin(), items.end(), [](const PanelItem &a, const PanelItem &b) {
        return std::pair(rank(a.finding.severity), isSpelling(a.finding)) < std::pair(rank(b.finding.severity), isSpelling(b.finding));
    });
    record::AssessOptions options = m_options;
    options.revisionWrittenAt = QDateTime::currentDateTimeUtc(); // an amendment is written now
    const record::Assessment a = record::assess(record::CaseFile{m_person, {e}}, e.writtenAt, options);
    const size_t firstPrompt = items.size();
    for (const record::Prompt &p : a.prompts) {
        if (p.entry != 0)
            continue;
        PanelItem item;
        item.kind = PanelItem::Kind::Prompt;
        item.field = relative(p.field);
        item.prompt = p;
        item.prompt.field = item.field;
        items.push_back(std::move(item));
    }
    std::stable_sort(items.begin() + qsizetype(firstPrompt), items.end(),
                     [](const PanelItem &a, const PanelItem &b) { return rank(a.prompt.severity) < rank(b.prompt.severity); });
    const QString currentKey = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    m_items = std::move(items);

    const QSignalBlocker block(m_list);
    m_list->clear();
    auto heading = [this](const QString &text) {
        auto *h = new QListWidgetItem(text, m_list);
        QFont f = h->font();
        f.setBold(true);
        h->setFont(f);
        h->setFlags(Qt::ItemIsEnabled);
        h->setData(kItemRole, -1);
    };
    const int prompts = promptCount(), findings = findingCount();
    int row = -1;
    for (size_t i = 0; i < m_items.size(); ++i) {
        const PanelItem &it = m_items[i];
        if (it.kind == PanelItem::Kind::Finding && i == 0)
            heading(tr("Wording and spelling (%1)").arg(findings));
        if (it.kind == PanelItem::Kind::Prompt && (i == 0 || m_items[i - 1].kind == PanelItem::Kind::Finding))
            heading(tr("Questions to answer (%1)").arg(prompts));
        auto *item = new QListWidgetItem(m_list);
        item->setData(kItemRole, int(i));
        if (it.kind == PanelItem::Kind::Prompt) {
            item->setText(u"%1 · %2\n%3"_s.arg(promptWord(it.prompt), fieldLabel(it.field), it.prompt.message));
            item->setIcon(severityIcon(it.prompt.severity, palette()));
            item->setData(Qt::AccessibleTextRole, tr("Question about %1: %2 %3").arg(fieldLabel(it.field), it.prompt.message, it.prompt.question));
        } else {
            item->setText(u"%1 · %2 · “%3”\n%4"_s.arg(findingKindWord(it.finding), fieldLabel(it.field), displayedWords(it.words), it.finding.message));
            item->setIcon(isPossibleName(it.finding) ? possibleNameIcon(palette())
                          : isSpelling(it.finding)   ? spellingIcon(palette())
                                                     : severityIcon(it.finding.severity, palette()));
            item->setData(Qt::AccessibleTextRole, tr("%1 in %2: “%3”. %4").arg(findingKindWord(it.finding), fieldLabel(it.field),
                                                                              it.words, it.finding.message));
        }
        // The whole row and what to do about it, in case the panel is too narrow to show it all.
        item->setToolTip(u"%1\n\n%2"_s.arg(item->text(), it.kind == PanelItem::Kind::Prompt ? it.prompt.question : it.finding.why).trimmed());
        if (item->text() == currentKey)
            row = m_list->row(item);
    }
    if (prompts == 0 && findings == 0)
        m_heading->setText(tr("Nothing to look at again"));
    else
        m_heading->setText(tr("&Questions (%1) and wording (%2)").arg(prompts).arg(findings));
    if (row >= 0)
        m_list->setCurrentRow(row);
    showDetails();
    emit refreshed(prompts, findings);
}

int RecordPanel::promptCount() const
{
    return int(std::count_if(m_items.begin(), m_items.end(), [](const PanelItem &i) { return i.kind == PanelItem::Kind::Prompt; }));
}

int RecordPanel::findingCount() const { return int(m_items.size()) - promptCount(); }

int RecordPanel::rowCount() const { return m_list->count(); }

QString RecordPanel::rowText(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? item->text() : QString();
}

void RecordPanel::setCurrentRow(int row) { m_list->setCurrentRow(row); }

void RecordPanel::showDetails()
{
    const QListWidgetItem *item = m_list->currentItem();
    const int index = item ? item->data(kItemRole).toInt() : -1;
    if (index < 0 || index >= int(m_items.size())) {
        if (m_items.empty())
            m_details->setHtml(tr("<p>Every question is answered and nothing in the wording needs a second look.</p>"
                                  "<p>Fairnote checks the entry as you type. Questions left open and wording worth "
                                  "another look appear here, with why and what to write instead.</p>"));
        else
            m_details->setHtml(tr("<p>Choose an item to see why it matters and what to write instead. Click it, or press Enter, to go to its field.</p>"));
        return;
    }
    const PanelItem &it = m_items[size_t(index)];
    if (it.kind == PanelItem::Kind::Prompt) {
        m_details->setHtml(u"<p><b>%1</b> · %2</p><p>%3</p><p><b>%4</b> %5</p>"_s.arg(
            promptWord(it.prompt).toHtmlEscaped(), fieldLabel(it.field).toHtmlEscaped(), it.prompt.message.toHtmlEscaped(),
            tr("Ask yourself:").toHtmlEscaped(), it.prompt.question.toHtmlEscaped()));
        return;
    }
    NoteEditor *editor = nullptr;
    for (const auto &[pointer, e] : m_editor->narratives())
        if (pointer == it.field)
            editor = e;
    const Finding f = editor ? editor->withSuggestions(it.finding) : it.finding;
    m_details->setHtml(u"<p><b>%1</b></p>"_s.arg(fieldLabel(it.field).toHtmlEscaped())
                       + findingDetailsHtml(f, it.words, editor ? editor->lineOf(f) : 1));
}

void RecordPanel::activateRow(int row)
{
    const QListWidgetItem *item = m_list->item(row);
    const int index = item ? item->data(kItemRole).toInt() : -1;
    if (index < 0 || index >= int(m_items.size()))
        return;
    const PanelItem &it = m_items[size_t(index)];
    if (it.kind == PanelItem::Kind::Finding) {
        for (const auto &[pointer, e] : m_editor->narratives()) {
            if (pointer == it.field) {
                m_editor->focusField(pointer);
                e->selectFinding(it.finding);
                return;
            }
        }
    }
    m_editor->focusField(it.field);
}

} // namespace fairnote::ui
