// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The finalise dialog: open prompts with a reason each, the findings kept, the amendment's reason.
#include "finalisedialog.h"

#include "findingformat.h"
#include "record/describe.h"
#include "spelling/spellchecker.h"

#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>
#include <map>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    QLabel *label = wrapped(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    return label;
}

QString promptCountText(int n)
{
    return n == 1 ? FinaliseDialog::tr("a reason for 1 open question")
                  : FinaliseDialog::tr("reasons for %1 open questions").arg(n);
}

// A dialog no larger than the screen it is on, so nothing is out of reach at 1280×720 or at 200%.
void fitToScreen(QWidget *w, QSize wanted)
{
    if (const QScreen *screen = w->screen()) {
        const QSize room = screen->availableGeometry().size() * 0.92;
        wanted = wanted.boundedTo(room);
    }
    w->resize(wanted);
}

} // namespace

QString FinaliseDialog::fieldTitle(const QString &pointer) { return record::fieldTitle(pointer); }

QString FinaliseDialog::findingWord(const store::SnapshotFinding &finding)
{
    Category category;
    if (categoryFromId(finding.category, &category) && category == Category::Spelling)
        return finding.rule == spelling::kPossibleNameRuleId ? tr("Possible name") : tr("Spelling");
    Severity severity = Severity::Warning;
    severityFromId(finding.severity, &severity);
    return severityWord(severity);
}

QIcon FinaliseDialog::findingIcon(const store::SnapshotFinding &finding, const QPalette &palette)
{
    Category category;
    if (categoryFromId(finding.category, &category) && category == Category::Spelling)
        return finding.rule == spelling::kPossibleNameRuleId ? possibleNameIcon(palette) : spellingIcon(palette);
    Severity severity = Severity::Warning;
    severityFromId(finding.severity, &severity);
    return severityIcon(severity, palette);
}

FinaliseDialog::FinaliseDialog(const store::Snapshot &preview, bool amendment, QWidget *parent)
    : QDialog(parent), m_preview(preview), m_amendment(amendment)
{
    setWindowTitle(amendment ? tr("Finalise this amendment") : tr("Finalise this entry"));

    auto *intro = wrapped(amendment ? tr("Once this amendment is final it cannot be changed. It becomes the latest "
                                         "revision of the entry, and the earlier revisions stay readable beside it.")
                                    : tr("Once this entry is final it cannot be changed. If something turns out to be "
                                         "wrong or missing later, you can amend it: the amendment and its reason are "
                                         "kept beside the original."),
        this);
    intro->setObjectName(u"finaliseIntro"_s);

    // Everything that can grow goes in one scroll area, so 17 open questions still fit a small screen.
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 8, 0);
    contentLayout->setSpacing(14);

    if (amendment) {
        auto *box = new QWidget(content);
        auto *label = new QLabel(tr("&Reason for the amendment (needed)"), box);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        auto *help = wrapped(tr("Say what was wrong or missing, and how you know. Everyone who reads the entry "
                                "will see this reason."),
            box);
        m_amendReason = new QPlainTextEdit(box);
        m_amendReason->setObjectName(u"amendReasonEdit"_s);
        m_amendReason->setAccessibleName(tr("Reason for the amendment"));
        m_amendReason->setAccessibleDescription(help->text());
        m_amendReason->setPlaceholderText(
            tr("For example: the date was wrong; the fire service report gives 3 March."));
        m_amendReason->setTabChangesFocus(true);
        m_amendReason->setFixedHeight(m_amendReason->fontMetrics().lineSpacing() * 3
            + 2 * (m_amendReason->frameWidth() + int(m_amendReason->document()->documentMargin())));
        label->setBuddy(m_amendReason);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(label);
        layout->addWidget(help);
        layout->addWidget(m_amendReason);
        contentLayout->addWidget(box);
        connect(m_amendReason, &QPlainTextEdit::textChanged, this, &FinaliseDialog::update);
    }

    if (preview.prompts.empty() && preview.findings.empty()) {
        auto *nothing = wrapped(tr("Nothing is left open."), content);
        nothing->setObjectName(u"nothingOpenLabel"_s);
        contentLayout->addWidget(nothing);
    } else {
        // The wording first: it is short, and it is the last chance to change words that will stay.
        if (!preview.findings.empty())
            contentLayout->addWidget(findingsSection(content));
        if (!preview.prompts.empty())
            contentLayout->addWidget(promptsSection(content));
        else
            contentLayout->addWidget(wrapped(tr("No questions are left open."), content));
    }
    contentLayout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"finaliseScrollArea"_s);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFocusPolicy(Qt::NoFocus); // its boxes and buttons take the focus, and it follows them

    m_missing = wrapped(QString(), this);
    m_missing->setObjectName(u"missingLabel"_s);
    m_missing->setAccessibleName(tr("What is still needed"));

    auto *buttons = new QDialogButtonBox(this);
    m_finalise
        = buttons->addButton(amendment ? tr("&Finalise amendment") : tr("&Finalise"), QDialogButtonBox::AcceptRole);
    m_finalise->setObjectName(u"finaliseButton"_s);
    QPushButton *back = buttons->addButton(tr("&Keep editing"), QDialogButtonBox::RejectRole);
    back->setObjectName(u"keepEditingButton"_s);
    back->setToolTip(tr("Go back to the entry without finalising it"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_missing);
    layout->addWidget(buttons);

    // Finalising cannot be undone, so Enter in a reason box never finalises: it moves on to the next
    // box (keyPressEvent). Only an empty preview, where there is nothing to type, makes Finalise the
    // default.
    for (QPushButton *b : findChildren<QPushButton *>())
        b->setAutoDefault(false);
    m_enterFinalises = !amendment && preview.prompts.empty();
    m_finalise->setDefault(m_enterFinalises);
    update();

    // The first thing to type has the focus; with nothing to type, Finalise has.
    if (m_amendReason)
        m_amendReason->setFocus();
    else if (!m_reasonEdits.empty())
        m_reasonEdits.front()->setFocus();
    else
        m_finalise->setFocus();

    const int wanted = content->sizeHint().height() + intro->sizeHint().height() + 140;
    fitToScreen(this, QSize(760, std::max(360, wanted)));
}

// QDialog would press the default button on Enter, and QDialogButtonBox makes Finalise the default
// when it is shown. Here Enter in a reason box moves on to the next one (from the last, to Finalise
// once it is enabled); on a button it presses that button; Finalise is pressed only when there is
// nothing to type.
void FinaliseDialog::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && !(event->modifiers() & ~Qt::KeypadModifier)) {
        QWidget *focus = focusWidget();
        const auto edit = std::find(m_reasonEdits.begin(), m_reasonEdits.end(), focus);
        if (edit != m_reasonEdits.end()) {
            if (edit + 1 != m_reasonEdits.end())
                (*(edit + 1))->setFocus(Qt::TabFocusReason);
            else if (m_finalise->isEnabled())
                m_finalise->setFocus(Qt::TabFocusReason);
        } else if (auto *button = qobject_cast<QPushButton *>(focus); button && button->isEnabled()) {
            button->click();
        } else if (m_enterFinalises && m_finalise->isEnabled())
            m_finalise->click();
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

QWidget *FinaliseDialog::promptsSection(QWidget *parent)
{
    auto *section = new QWidget(parent);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    const int n = int(m_preview.prompts.size());
    layout->addWidget(
        heading(n == 1 ? tr("1 question is still open") : tr("%1 questions are still open").arg(n), section));
    layout->addWidget(wrapped(tr("You can finalise with questions open. For each one, say briefly why it is being left "
                                 "open (for example “Not known yet; asked the previous provider”), or go back and "
                                 "answer it."),
        section));

    if (n > 1) {
        auto *same = new QHBoxLayout;
        auto *label = new QLabel(tr("Reason for &all of them:"), section);
        m_sameReason = new QLineEdit(section);
        m_sameReason->setObjectName(u"sameReasonEdit"_s);
        m_sameReason->setAccessibleName(tr("Reason for all open questions"));
        m_sameReason->setPlaceholderText(tr("For example: not known yet; the previous provider has been asked"));
        m_sameReason->setClearButtonEnabled(true);
        label->setBuddy(m_sameReason);
        m_sameReasonButton = new QPushButton(tr("&Same reason for all"), section);
        m_sameReasonButton->setObjectName(u"sameReasonButton"_s);
        m_sameReasonButton->setToolTip(tr("Puts this reason in every box that is still empty. Reasons you have "
                                          "already written are kept."));
        m_sameReasonButton->setAccessibleDescription(m_sameReasonButton->toolTip());
        same->addWidget(label);
        same->addWidget(m_sameReason, 1);
        same->addWidget(m_sameReasonButton);
        layout->addLayout(same);
        connect(m_sameReasonButton, &QPushButton::clicked, this, &FinaliseDialog::fillBlankReasons);
        connect(m_sameReason, &QLineEdit::returnPressed, this, &FinaliseDialog::fillBlankReasons);
        connect(m_sameReason, &QLineEdit::textChanged, this, &FinaliseDialog::update);
    }

    int number = 0;
    for (const store::SnapshotPrompt &p : m_preview.prompts) {
        ++number;
        auto *card = new QFrame(section);
        card->setObjectName(u"promptCard"_s);
        card->setFrameShape(QFrame::StyledPanel);
        const QString where = fieldTitle(p.field);
        auto *title = new QLabel(u"%1. %2"_s.arg(number).arg(where), card);
        title->setTextFormat(Qt::PlainText);
        title->setWordWrap(true);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        auto *message = wrapped(p.message, card);
        QLabel *question = nullptr;
        if (!p.question.isEmpty()) {
            question
                = new QLabel(u"<i>%1</i> %2"_s.arg(tr("To answer:").toHtmlEscaped(), p.question.toHtmlEscaped()), card);
            question->setTextFormat(Qt::RichText);
            question->setWordWrap(true);
        }
        // No mnemonic: seventeen boxes cannot share one. Tab and Enter move between them.
        auto *reasonLabel = new QLabel(tr("Why are you leaving this open?"), card);
        auto *reason = new QLineEdit(card);
        reason->setObjectName(u"leftReasonEdit"_s);
        reason->setProperty("promptKey", store::promptKey(p.code, p.field));
        reason->setAccessibleName(tr("Why are you leaving this open: %1").arg(where));
        reason->setAccessibleDescription(p.message + u' ' + p.question);
        reasonLabel->setBuddy(reason);
        auto *go = new QPushButton(tr("Go to this question"), card);
        go->setObjectName(u"goToFieldButton"_s);
        go->setAccessibleName(tr("Go to this question: %1").arg(where));
        go->setToolTip(tr("Close this and go back to the question in the entry"));
        const QString field = p.field;
        connect(go, &QPushButton::clicked, this, [this, field] {
            emit goToField(field);
            reject();
        });
        connect(reason, &QLineEdit::textChanged, this, &FinaliseDialog::update);
        m_reasonEdits.push_back(reason);

        auto *row = new QHBoxLayout;
        row->addWidget(reason, 1);
        row->addWidget(go);
        auto *cardLayout = new QVBoxLayout(card);
        cardLayout->setSpacing(4);
        cardLayout->addWidget(title);
        cardLayout->addWidget(message);
        if (question)
            cardLayout->addWidget(question);
        cardLayout->addSpacing(2);
        cardLayout->addWidget(reasonLabel);
        cardLayout->addLayout(row);
        layout->addWidget(card);
    }
    return section;
}

QWidget *FinaliseDialog::findingsSection(QWidget *parent)
{
    auto *section = new QWidget(parent);
    section->setObjectName(u"findingsSection"_s);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    const int n = int(m_preview.findings.size());
    layout->addWidget(heading(n == 1 ? tr("1 piece of wording will be kept with the entry")
                                     : tr("%1 pieces of wording will be kept with the entry").arg(n),
        section));
    layout->addWidget(wrapped(tr("These words were flagged while you wrote. They are kept with the entry as they "
                                 "are, so a reader can see they were looked at. To change them, keep editing."),
        section));
    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(8);
    int row = 0;
    for (const store::SnapshotFinding &f : m_preview.findings) {
        const QString word = findingWord(f);
        auto *icon = new QLabel(section);
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
        icon->setPixmap(findingIcon(f, palette()).pixmap(QSize(size, size), devicePixelRatioF()));
        icon->setAccessibleName(word);
        const QString where = fieldTitle(f.field);
        auto *text = new QLabel(
            u"<b>%1</b> · “%2” <small>(%3)</small><br>%4"_s.arg(word.toHtmlEscaped(),
                displayedWords(f.text, 80).toHtmlEscaped(), where.toHtmlEscaped(), f.message.toHtmlEscaped()),
            section);
        text->setObjectName(u"keptFindingLabel"_s);
        text->setTextFormat(Qt::RichText);
        text->setWordWrap(true);
        text->setAccessibleName(u"%1: “%2” in %3. %4"_s.arg(word, displayedWords(f.text, 80), where, f.message));
        grid->addWidget(icon, row, 0, Qt::AlignTop | Qt::AlignHCenter);
        grid->addWidget(text, row, 1);
        ++row;
    }
    layout->addLayout(grid);
    return section;
}

void FinaliseDialog::fillBlankReasons()
{
    if (!m_sameReason)
        return;
    const QString reason = m_sameReason->text().trimmed();
    if (reason.isEmpty()) {
        m_sameReason->setFocus();
        return;
    }
    for (QLineEdit *edit : m_reasonEdits)
        if (edit->text().trimmed().isEmpty())
            edit->setText(reason);
}

QHash<QString, QString> FinaliseDialog::leftReasons() const
{
    QHash<QString, QString> out;
    for (QLineEdit *edit : m_reasonEdits) {
        const QString reason = edit->text().trimmed();
        if (!reason.isEmpty())
            out.insert(edit->property("promptKey").toString(), reason);
    }
    return out;
}

QString FinaliseDialog::amendReason() const
{
    return m_amendReason ? m_amendReason->toPlainText().trimmed() : QString();
}

QString FinaliseDialog::missingText() const { return m_missing->text(); }

void FinaliseDialog::update()
{
    int blank = 0;
    for (QLineEdit *edit : m_reasonEdits)
        if (edit->text().trimmed().isEmpty())
            ++blank;
    const bool needAmendReason = m_amendment && amendReason().isEmpty();
    if (m_sameReasonButton)
        m_sameReasonButton->setEnabled(blank > 0 && !m_sameReason->text().trimmed().isEmpty());

    QStringList missing;
    if (needAmendReason)
        missing << tr("the reason for the amendment");
    if (blank > 0)
        missing << (blank == int(m_reasonEdits.size()) || blank == 1
                ? promptCountText(blank)
                : tr("reasons for %1 more open questions").arg(blank));
    if (!missing.isEmpty())
        m_missing->setText(tr("To finalise, give %1.").arg(missing.join(tr(" and "))));
    else if (!m_reasonEdits.empty())
        m_missing->setText(tr("Every open question has a reason. They will be kept with the entry."));
    else
        m_missing->setText(m_amendment ? tr("Ready to finalise the amendment.") : tr("Ready to finalise."));
    m_finalise->setEnabled(missing.isEmpty());
}

} // namespace fairnote::ui
