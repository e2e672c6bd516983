// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The rule editor: forms over core's OrganisationPack; every check is core's (checkRule, runExamples,
// saveOrganisationPack), so what the editor accepts is exactly what the checker loads.
#include "ruleseditor.h"

#include "guide/guide.h"
#include "wording/checker.h"
#include "wording/examplecheck.h"
#include "wording/packdiff.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

namespace {

constexpr std::array kCategories{Category::Label,       Category::Judgement,     Category::VagueHistory, Category::Legal,
                                 Category::Speculation, Category::ReportingVerb, Category::Refusal,      Category::Slang,
                                 Category::Vague,       Category::Overgeneralisation, Category::Intensifier,
                                 Category::Medicalising, Category::Identity,    Category::Jargon};

QStringList lines(const QPlainTextEdit *e)
{
    QStringList out;
    for (const QString &l : e->toPlainText().split(u'\n'))
        if (!l.trimmed().isEmpty())
            out << l.trimmed();
    return out;
}

QJsonArray array(const QStringList &l) { return QJsonArray::fromStringList(l); }

} // namespace

RulesEditor::RulesEditor(const QString &folder, const QString &who, QWidget *parent) : QDialog(parent), m_folder(folder)
{
    setObjectName(u"rulesEditor"_s);
    setWindowTitle(u"%1 — %2"_s.arg(who.isEmpty() ? tr("Organisation rules") : who, folder));
    auto builtIn = wording::loadRulePack();
    auto own = wording::readOrganisationPack(folder);
    buildUi();
    if (!builtIn || !own) {
        QStringList problems;
        for (const auto &p : builtIn ? own.error() : builtIn.error())
            problems << p.toString();
        m_saveProblems->setText(tr("The rules in this folder have problems; fix them in the files first:\n%1").arg(problems.join(u'\n')));
        m_saveProblems->show();
        setEnabled(true);
        return;
    }
    m_builtIn = std::move(*builtIn);
    m_pack = std::move(*own);
    m_saved = m_pack;
    if (m_pack.info.isEmpty()) {
        m_pack.info.title = tr("Our wording rules");
        m_pack.info.version = 1;
        m_pack.info.date = QDate::currentDate();
    }
    m_loaded = true;
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(250);
    connect(&m_previewTimer, &QTimer::timeout, this, &RulesEditor::updatePreview);
    fillTree();
    if (!m_pack.rules.empty())
        selectRule(m_pack.rules.front().id);
    else if (!m_builtIn.rules.empty())
        selectRule(m_builtIn.rules.front().id);
}

void RulesEditor::buildUi()
{
    // Left: the rules by category, with search and what can be done to them.
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"rulesSearch"_s);
    m_search->setPlaceholderText(tr("Find a rule by its words, message or id"));
    m_search->setClearButtonEnabled(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"rulesTree"_s);
    m_tree->setHeaderLabels({tr("Rule"), tr("State")});
    m_tree->setAccessibleName(tr("Rules by category"));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *add = new QPushButton(tr("&Add a rule"), this);
    m_change = new QPushButton(tr("&Change for us…"), this);
    m_change->setToolTip(tr("Copy this built-in rule into your rules to change its wording, with your reason"));
    m_off = new QPushButton(tr("Turn &off…"), this);
    m_on = new QPushButton(tr("Turn back o&n"), this);
    m_remove = new QPushButton(tr("&Remove ours"), this);
    m_remove->setToolTip(tr("Remove your rule (a built-in rule you changed goes back to how it was)"));
    auto *buttons = new QGridLayout;
    buttons->addWidget(add, 0, 0);
    buttons->addWidget(m_change, 0, 1);
    buttons->addWidget(m_off, 1, 0);
    buttons->addWidget(m_on, 1, 1);
    buttons->addWidget(m_remove, 2, 0);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addLayout(buttons);

    // Right: the rule's form, each field with its problem beside it, then the live preview.
    m_state = new QLabel(this);
    m_state->setObjectName(u"ruleState"_s);
    m_state->setWordWrap(true);
    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto field = [&](const QString &member, const QString &label, QWidget *editor, const QString &help = {}) {
        editor->setObjectName(u"rule-"_s + member);
        auto *box = new QWidget(m_form);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->addWidget(editor);
        if (!help.isEmpty()) {
            auto *h = new QLabel(help, box);
            h->setWordWrap(true);
            h->setTextFormat(Qt::RichText);
            QFont small = h->font();
            small.setPointSizeF(small.pointSizeF() * 0.9);
            h->setFont(small);
            v->addWidget(h);
        }
        auto *problem = new QLabel(box);
        problem->setObjectName(u"problem-"_s + member);
        problem->setWordWrap(true);
        problem->setStyleSheet(u"color: #b00020; font-weight: bold;"_s);
        problem->hide();
        v->addWidget(problem);
        m_problems.insert(member, problem);
        auto *l = new QLabel(label, m_form);
        l->setBuddy(editor);
        form->addRow(l, box);
    };
    auto plain = [this](int rows) {
        auto *e = new QPlainTextEdit(m_form);
        e->setTabChangesFocus(true);
        e->setFixedHeight(e->fontMetrics().lineSpacing() * rows + 12);
        return e;
    };
    m_id = new QLineEdit(m_form);
    field(u"id"_s, tr("&Id"), m_id, tr("Lower-case words joined by dots or hyphens: ours.lairy. Keep it once chosen."));
    m_category = new QComboBox(m_form);
    for (Category c : kCategories)
        m_category->addItem(categoryTitle(c), categoryId(c));
    field(u"category"_s, tr("C&ategory"), m_category);
    m_severity = new QComboBox(m_form);
    m_severity->addItem(tr("Info — a suggestion on style"), u"info"_s);
    m_severity->addItem(tr("Warning — likely to mislead or stigmatise"), u"warning"_s);
    m_severity->addItem(tr("Error — should never stand in a record"), u"error"_s);
    field(u"severity"_s, tr("Se&verity"), m_severity);
    m_patterns = plain(3);
    field(u"patterns"_s, tr("&Words to look for"), m_patterns,
          tr("One phrase a line. Letter case does not matter. <b>word~</b> also matches -s, -ed, -ing (kick~ → kicks, kicked); "
             "<b>stem*</b> any word starting so (manipulat* → manipulative); <b>(a|b)</b> one of the words; <b>(a|b)?</b> "
             "optionally one of them; <b>a-b</b> matches “a-b”, “a b” and “ab”. Irregular forms are written out: "
             "(set|sets|setting) fire."));
    m_exceptions = plain(2);
    field(u"exceptions"_s, tr("E&xcept in"), m_exceptions, tr("Phrases in which the words mean something else (“claim benefit~”). Same syntax."));
    auto *skip = new QWidget(m_form);
    auto *skipLayout = new QHBoxLayout(skip);
    skipLayout->setContentsMargins(0, 0, 0, 0);
    const std::vector<std::pair<QString, QString>> contexts{{u"quoted"_s, tr("quoted")}, {u"negated"_s, tr("negated")},
                                                            {u"name"_s, tr("part of a name")}, {u"sourced"_s, tr("sourced and dated")},
                                                            {u"dated"_s, tr("dated")}, {u"explained"_s, tr("with a reason")},
                                                            {u"about-thing"_s, tr("about a thing, not a person")}};
    for (const auto &[id, text] : contexts) {
        auto *c = new QCheckBox(text, skip);
        c->setObjectName(u"skip-"_s + id);
        skipLayout->addWidget(c);
        m_skip.insert(id, c);
        connect(c, &QCheckBox::toggled, this, &RulesEditor::formChanged);
    }
    skipLayout->addStretch();
    field(u"skip_when"_s, tr("Leave alone when"), skip);
    m_matchCase = new QCheckBox(tr("Only in these exact capitals (for abbreviations such as TA)"), m_form);
    field(u"match_case"_s, tr("Capitals"), m_matchCase);
    m_message = new QLineEdit(m_form);
    field(u"message"_s, tr("&Message"), m_message, tr("One short line naming the problem."));
    m_why = plain(3);
    field(u"why"_s, tr("&Why it matters"), m_why);
    m_alternatives = plain(3);
    field(u"alternatives"_s, tr("Write &instead"), m_alternatives, tr("One factual alternative a line; [brackets] for what the worker fills in."));
    m_question = new QLineEdit(m_form);
    field(u"question"_s, tr("&Question to ask"), m_question);
    m_sourceTitle = new QLineEdit(m_form);
    field(u"source/title"_s, tr("Source &title"), m_sourceTitle);
    m_sourcePublisher = new QLineEdit(m_form);
    field(u"source/publisher"_s, tr("Publisher"), m_sourcePublisher);
    m_year = new QSpinBox(m_form);
    m_year->setRange(1899, 2100);
    m_year->setSpecialValueText(tr("no year"));
    field(u"source/year"_s, tr("Year"), m_year);
    m_sourceUrl = new QLineEdit(m_form);
    field(u"source/url"_s, tr("Web address"), m_sourceUrl);
    m_flag = plain(2);
    auto *mark = new QPushButton(tr("&Mark the selected words"), m_form);
    connect(mark, &QPushButton::clicked, this, &RulesEditor::markSelection);
    field(u"examples/flag"_s, tr("It &flags"), m_flag, tr("A sentence a line, the words it must flag marked «like this» (select them and press Mark)."));
    form->addRow(QString(), mark);
    m_leave = plain(2);
    field(u"examples/leave"_s, tr("It &leaves alone"), m_leave,
          tr("A sentence a line with the same words that must not be flagged: quoted, negated, sourced, or another sense."));
    m_before = new QLineEdit(m_form);
    field(u"examples/rewrite/before"_s, tr("&Before"), m_before, tr("A note as it was written…"));
    m_after = new QLineEdit(m_form);
    field(u"examples/rewrite/after"_s, tr("Afte&r"), m_after, tr("…and written as facts: the date, how we know, what was seen, the person's own words."));
    m_reason = plain(2);
    field(u"reason"_s, tr("Our r&eason"), m_reason, tr("Why your organisation changed or turned off this rule (shown in your edition of the guide)."));

    m_examples = new QLabel(this);
    m_examples->setObjectName(u"examplesOutcome"_s);
    m_examples->setWordWrap(true);
    m_examples->setTextFormat(Qt::RichText);
    m_tryText = new QPlainTextEdit(this);
    m_tryText->setObjectName(u"tryText"_s);
    m_tryText->setPlaceholderText(tr("Paste or type any note here to see what the rules flag"));
    m_tryText->setFixedHeight(m_tryText->fontMetrics().lineSpacing() * 4 + 12);
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(u"tryPreview"_s);
    m_preview->setAccessibleName(tr("What the rules flag in the text"));
    m_preview->setMinimumHeight(90);
    auto *previewBox = new QGroupBox(tr("Live preview"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(new QLabel(tr("This rule's examples:"), previewBox));
    previewLayout->addWidget(m_examples);
    auto *tryLabel = new QLabel(tr("&Try it on any text:"), previewBox);
    tryLabel->setBuddy(m_tryText);
    previewLayout->addWidget(tryLabel);
    previewLayout->addWidget(m_tryText);
    previewLayout->addWidget(m_preview, 1);

    auto *formPage = new QWidget(this);
    auto *formPageLayout = new QVBoxLayout(formPage);
    formPageLayout->addWidget(m_state);
    formPageLayout->addWidget(m_form);
    formPageLayout->addWidget(previewBox);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(formPage);

    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(scroll);
    split->setStretchFactor(1, 2);

    m_saveProblems = new QLabel(this);
    m_saveProblems->setObjectName(u"saveProblems"_s);
    m_saveProblems->setWordWrap(true);
    m_saveProblems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_saveProblems->setStyleSheet(u"color: #b00020;"_s);
    m_saveProblems->hide();
    auto *details = new QPushButton(tr("Pack &details…"), this);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    box->addButton(details, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_saveProblems);
    layout->addWidget(box);
    resize(1180, 780);

    connect(m_search, &QLineEdit::textChanged, this, &RulesEditor::fillTree);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, Qt::UserRole).toString().isEmpty())
            showRule(item->data(0, Qt::UserRole).toString());
    });
    connect(add, &QPushButton::clicked, this, &RulesEditor::addRule);
    connect(m_change, &QPushButton::clicked, this, [this] {
        if (changeForOrganisation(m_current))
            m_reason->setFocus();
    });
    connect(m_off, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString reason = QInputDialog::getMultiLineText(this, tr("Turn off a rule"),
                                                              tr("Why does your organisation turn off “%1”? The reason is shown in your "
                                                                 "edition of the guide.").arg(m_current),
                                                              {}, &ok);
        if (ok && !turnOff(m_current, reason))
            QMessageBox::information(this, tr("Turn off a rule"), tr("Give a reason to turn the rule off."));
    });
    connect(m_on, &QPushButton::clicked, this, [this] { turnBackOn(m_current); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QString id = m_current;
        m_pack.rules.erase(std::remove_if(m_pack.rules.begin(), m_pack.rules.end(), [&](const wording::Rule &r) { return r.id == id; }),
                           m_pack.rules.end());
        m_dirty = true;
        fillTree();
        if (shownRule(id))
            selectRule(id);
        else if (!m_builtIn.rules.empty())
            selectRule(m_builtIn.rules.front().id);
    });
    connect(details, &QPushButton::clicked, this, &RulesEditor::editPackDetails);
    connect(box, &QDialogButtonBox::accepted, this, [this] { save(); });
    connect(box, &QDialogButtonBox::rejected, this, &RulesEditor::reject);
    for (QLineEdit *e : {m_id, m_message, m_question, m_sourceTitle, m_sourcePublisher, m_sourceUrl, m_before, m_after})
        connect(e, &QLineEdit::textEdited, this, &RulesEditor::formChanged);
    for (QPlainTextEdit *e : {m_patterns, m_exceptions, m_why, m_alternatives, m_flag, m_leave, m_reason})
        connect(e, &QPlainTextEdit::textChanged, this, &RulesEditor::formChanged);
    connect(m_category, &QComboBox::currentIndexChanged, this, &RulesEditor::formChanged);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &RulesEditor::formChanged);
    connect(m_year, &QSpinBox::valueChanged, this, &RulesEditor::formChanged);
    connect(m_matchCase, &QCheckBox::toggled, this, &RulesEditor::formChanged);
    connect(m_tryText, &QPlainTextEdit::textChanged, this, [this] { m_previewTimer.start(); });
}

bool RulesEditor::isOwn(const QString &id) const
{
    return std::any_of(m_pack.rules.begin(), m_pack.rules.end(), [&](const wording::Rule &r) { return r.id == id; });
}

bool RulesEditor::isOff(const QString &id) const
{
    return std::any_of(m_pack.disabled.begin(), m_pack.disabled.end(), [&](const wording::DisabledRule &d) { return d.id == id; });
}

wording::Rule *RulesEditor::ownRule(const QString &id)
{
    for (wording::Rule &r : m_pack.rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

const wording::Rule *RulesEditor::shownRule(const QString &id) const
{
    for (const wording::Rule &r : m_pack.rules)
        if (r.id == id)
            return &r;
    return m_builtIn.find(id);
}

void RulesEditor::fillTree()
{
    const QString find = m_search->text().trimmed();
    m_tree->clear();
    std::vector<const wording::Rule *> all;
    for (const wording::Rule &r : m_pack.rules)
        all.push_back(&r);
    for (const wording::Rule &r : m_builtIn.rules)
        if (!isOwn(r.id))
            all.push_back(&r);
    QTreeWidgetItem *current = nullptr;
    for (Category c : kCategories) {
        QTreeWidgetItem *group = nullptr;
        for (const wording::Rule *r : all) {
            if (r->category != c)
                continue;
            const QString term = guide::ruleTerm(*r);
            if (!find.isEmpty() && !term.contains(find, Qt::CaseInsensitive) && !r->id.contains(find, Qt::CaseInsensitive)
                && !r->message.contains(find, Qt::CaseInsensitive) && !r->patterns.join(u' ').contains(find, Qt::CaseInsensitive))
                continue;
            if (!group) {
                group = new QTreeWidgetItem(m_tree, {categoryTitle(c)});
                group->setFlags(Qt::ItemIsEnabled);
            }
            QString state;
            if (isOff(r->id))
                state = tr("turned off");
            else if (isOwn(r->id))
                state = m_builtIn.find(r->id) ? tr("changed by us") : tr("ours");
            auto *item = new QTreeWidgetItem(group, {u"“%1” — %2"_s.arg(term, r->id), state});
            item->setData(0, Qt::UserRole, r->id);
            item->setToolTip(0, r->message);
            if (r->id == m_current)
                current = item;
        }
    }
    m_tree->expandAll();
    if (current) {
        m_filling = true;
        m_tree->setCurrentItem(current);
        m_filling = false;
    }
}

void RulesEditor::selectRule(const QString &id)
{
    showRule(id);
    fillTree();
}

void RulesEditor::showRule(const QString &id)
{
    const wording::Rule *r = shownRule(id);
    if (!r)
        return;
    m_current = id;
    m_filling = true;
    const bool own = isOwn(id);
    const bool off = isOff(id);
    m_id->setText(r->id);
    m_category->setCurrentIndex(std::max(0, m_category->findData(categoryId(r->category))));
    m_severity->setCurrentIndex(std::max(0, m_severity->findData(severityId(r->severity))));
    m_patterns->setPlainText(r->patterns.join(u'\n'));
    m_exceptions->setPlainText(r->exceptions.join(u'\n'));
    for (auto it = m_skip.constBegin(); it != m_skip.constEnd(); ++it)
        it.value()->setChecked(wording::contextIds(r->skipWhen).contains(it.key()));
    m_matchCase->setChecked(r->matchCase);
    m_message->setText(r->message);
    m_why->setPlainText(r->why);
    m_alternatives->setPlainText(r->alternatives.join(u'\n'));
    m_question->setText(r->question);
    m_sourceTitle->setText(r->source.title);
    m_sourcePublisher->setText(r->source.publisher);
    m_year->setValue(r->source.year > 0 ? r->source.year : m_year->minimum());
    m_sourceUrl->setText(r->source.url);
    QStringList flag, leave;
    for (const auto &f : r->examples.flag)
        flag << f.written;
    for (const auto &l : r->examples.leave)
        leave << l.text;
    m_flag->setPlainText(flag.join(u'\n'));
    m_leave->setPlainText(leave.join(u'\n'));
    m_before->setText(r->examples.rewrite.empty() ? QString() : r->examples.rewrite.front().before);
    m_after->setText(r->examples.rewrite.empty() ? QString() : r->examples.rewrite.front().after);
    QString reason = r->reason;
    for (const auto &d : m_pack.disabled)
        if (d.id == id)
            reason = d.reason;
    m_reason->setPlainText(reason);
    m_form->setEnabled(own || off);
    for (QWidget *w : std::initializer_list<QWidget *>{m_id, m_category, m_severity, m_patterns, m_exceptions, m_matchCase, m_message, m_why,
                                                       m_alternatives, m_question, m_sourceTitle, m_sourcePublisher, m_year, m_sourceUrl,
                                                       m_flag, m_leave, m_before, m_after})
        w->setEnabled(own && !off);
    for (QCheckBox *c : m_skip)
        c->setEnabled(own && !off);
    m_id->setReadOnly(own && m_builtIn.find(id)); // a changed built-in rule keeps its id
    m_reason->setEnabled((own && m_builtIn.find(id)) || off);
    m_change->setEnabled(!own && !off && m_builtIn.find(id));
    m_off->setEnabled(!off && m_builtIn.find(id));
    m_on->setEnabled(off);
    m_remove->setEnabled(own);
    if (off)
        m_state->setText(tr("A built-in rule your organisation turned off. Give your reason below, or turn it back on."));
    else if (own && m_builtIn.find(id))
        m_state->setText(tr("A built-in rule your organisation changed. Say why in “Our reason”."));
    else if (own)
        m_state->setText(tr("One of your organisation's rules."));
    else
        m_state->setText(tr("A built-in rule (read only). Choose “Change for us…” to change its wording for your organisation, "
                            "or “Turn off…”."));
    m_filling = false;
    for (QLabel *p : m_problems)
        p->hide();
    if (own)
        readForm();
    updatePreview();
}

void RulesEditor::formChanged()
{
    if (m_filling || !m_loaded)
        return;
    m_dirty = true;
    readForm();
    m_previewTimer.start();
}

// The form as a rule object, checked by core member by member; a rule without problems replaces the draft.
void RulesEditor::readForm()
{
    for (QLabel *p : m_problems)
        p->hide();
    if (isOff(m_current)) {
        for (auto &d : m_pack.disabled)
            if (d.id == m_current)
                d.reason = m_reason->toPlainText().trimmed();
        if (m_reason->toPlainText().trimmed().isEmpty()) {
            m_problems.value(u"reason"_s)->setText(tr("Say why your organisation turns this rule off."));
            m_problems.value(u"reason"_s)->show();
        }
        return;
    }
    wording::Rule *own = ownRule(m_current);
    if (!own)
        return;
    QJsonObject o{{u"id"_s, m_id->text().trimmed()},
                  {u"category"_s, m_category->currentData().toString()},
                  {u"severity"_s, m_severity->currentData().toString()},
                  {u"patterns"_s, array(lines(m_patterns))},
                  {u"message"_s, m_message->text().trimmed()},
                  {u"why"_s, m_why->toPlainText().simplified()}};
    if (!lines(m_exceptions).isEmpty())
        o.insert(u"exceptions"_s, array(lines(m_exceptions)));
    QStringList skip;
    for (auto it = m_skip.constBegin(); it != m_skip.constEnd(); ++it)
        if (it.value()->isChecked())
            skip << it.key();
    o.insert(u"skip_when"_s, array(skip));
    if (const auto &senses = own->otherSenses; !senses.isEmpty()) // no field of its own: kept as it was
        o.insert(u"other_senses"_s, QJsonObject{{u"subjects"_s, array(senses.subjects)}, {u"before"_s, array(senses.before)},
                                                {u"after"_s, array(senses.after)}, {u"window"_s, senses.window}});
    if (m_matchCase->isChecked())
        o.insert(u"match_case"_s, true);
    if (!lines(m_alternatives).isEmpty())
        o.insert(u"alternatives"_s, array(lines(m_alternatives)));
    if (!m_question->text().trimmed().isEmpty())
        o.insert(u"question"_s, m_question->text().trimmed());
    o.insert(u"source"_s, QJsonObject{{u"title"_s, m_sourceTitle->text().trimmed()},
                                     {u"publisher"_s, m_sourcePublisher->text().trimmed()},
                                     {u"year"_s, m_year->value() == m_year->minimum() ? QJsonValue() : QJsonValue(m_year->value())},
                                     {u"url"_s, m_sourceUrl->text().trimmed()}});
    QJsonObject examples{{u"flag"_s, array(lines(m_flag))}, {u"leave"_s, array(lines(m_leave))}};
    QJsonArray rewrite;
    if (!m_before->text().trimmed().isEmpty() || !m_after->text().trimmed().isEmpty())
        rewrite.append(QJsonObject{{u"before"_s, m_before->text().trimmed()}, {u"after"_s, m_after->text().trimmed()}});
    for (size_t i = 1; i < own->examples.rewrite.size(); ++i)
        rewrite.append(QJsonObject{{u"before"_s, own->examples.rewrite[i].before}, {u"after"_s, own->examples.rewrite[i].after}});
    examples.insert(u"rewrite"_s, rewrite);
    o.insert(u"examples"_s, examples);
    const bool changesBuiltIn = m_builtIn.find(m_current) != nullptr;
    if (!m_reason->toPlainText().trimmed().isEmpty())
        o.insert(u"reason"_s, m_reason->toPlainText().simplified());

    std::vector<wording::FieldProblem> problems;
    wording::Rule rule = wording::checkRule(o, problems);
    auto show = [this](const QString &member, const QString &message) {
        // "patterns/2" → the patterns field; "examples/rewrite/0/after" → the After field.
        QString key = member;
        key.remove(QRegularExpression(u"/\\d+"_s));
        // A missing member is reported against the rule itself: find the member the message names.
        static const QRegularExpression named(u"\"([a-z_]+)\" is missing"_s);
        if (const auto m = named.match(message); m.hasMatch() && m_problems.contains((key.isEmpty() ? QString() : key + u'/') + m.captured(1)))
            key = (key.isEmpty() ? QString() : key + u'/') + m.captured(1);
        if (key.isEmpty() && message.contains(u"\"alternatives\", a \"question\""_s))
            key = u"alternatives"_s;
        if (key == u"source" || (key.isEmpty() && message.contains(u"\"source\""_s)))
            key = u"source/title"_s;
        while (!m_problems.contains(key) && key.contains(u'/'))
            key = key.left(key.lastIndexOf(u'/'));
        QLabel *label = m_problems.value(m_problems.contains(key) ? key : u"id"_s);
        QString text = message;
        text.remove(QRegularExpression(u"^rule( \"[^\"]*\"| \\d+)( source| rewrite| examples)?: "_s));
        label->setText(!label->isHidden() ? label->text() + u'\n' + text : text);
        label->show();
    };
    for (const auto &p : problems)
        show(p.member, p.message);
    if (changesBuiltIn && m_reason->toPlainText().trimmed().isEmpty())
        show(u"reason"_s, tr("Say why your organisation changes this rule."));
    const QString newId = m_id->text().trimmed();
    if (newId != m_current && (m_builtIn.find(newId) || isOwn(newId)))
        show(u"id"_s, tr("Another rule already has the id “%1”.").arg(newId));
    if (!problems.empty())
        return;
    rule.reason = m_reason->toPlainText().simplified();
    rule.file = own->file;
    const QString oldId = m_current;
    *own = std::move(rule);
    if (own->id != oldId && !m_builtIn.find(oldId)) {
        m_current = own->id;
        fillTree();
    }
}

void RulesEditor::updatePreview()
{
    if (!m_loaded)
        return;
    const wording::RulePack pack = wording::applyOrganisationPack(m_builtIn, m_pack);
    const wording::Checker checker{wording::RulePack(pack)};
    // The rule's examples, run as rules validate runs them.
    QString html;
    if (const wording::Rule *r = checker.pack().find(m_current)) {
        const auto outcomes = wording::runExamples(checker, *r);
        if (outcomes.empty())
            html = tr("No examples yet: give a sentence it flags, one it leaves alone, and a rewrite.").toHtmlEscaped();
        for (const auto &o : outcomes) {
            QString line = u"%1 <b>%2</b>: %3"_s.arg(o.ok ? u"✓"_s : u"✗"_s, wording::exampleName(o).toHtmlEscaped(), o.text.toHtmlEscaped());
            if (!o.ok)
                line += u"<br><span style=\"color:#b00020\">%1</span>"_s.arg(o.problem.toHtmlEscaped());
            else if (o.kind == wording::ExampleOutcome::Leave)
                line += u" <i>(%1)</i>"_s.arg(wording::leftAloneReason(o.leftAlone).toHtmlEscaped());
            html += u"<p>%1</p>"_s.arg(line);
        }
    } else if (isOff(m_current)) {
        html = tr("Turned off: the checker does not use this rule.").toHtmlEscaped();
    }
    m_examples->setText(html);
    // Any text: what the rules in force (with this organisation's changes) flag in it.
    const QString text = m_tryText->toPlainText();
    QString out;
    if (!text.trimmed().isEmpty()) {
        const auto findings = checker.check(text);
        if (findings.empty())
            out = u"<p>%1</p>"_s.arg(tr("Nothing is flagged.").toHtmlEscaped());
        for (const Finding &f : findings) {
            const bool thisRule = f.ruleId == m_current;
            out += u"<p>%1<b>“%2”</b> — %3 <small>(%4)</small></p>"_s.arg(thisRule ? u"▶ "_s : QString(),
                                                                          text.mid(f.offset, f.length).toHtmlEscaped(),
                                                                          f.message.toHtmlEscaped(), f.ruleId.toHtmlEscaped());
        }
    }
    m_preview->setHtml(out);
}

void RulesEditor::markSelection()
{
    QTextCursor c = m_flag->textCursor();
    if (!c.hasSelection())
        return;
    c.insertText(u"«"_s + c.selectedText() + u"»"_s);
}

void RulesEditor::addRule()
{
    int n = 1;
    while (shownRule(u"ours.new-rule-%1"_s.arg(n)))
        ++n;
    wording::Rule r;
    r.id = u"ours.new-rule-%1"_s.arg(n);
    if (const wording::Rule *shown = shownRule(m_current))
        r.category = shown->category;
    r.origin = wording::RuleOrigin::Added;
    m_pack.rules.push_back(r);
    m_dirty = true;
    selectRule(r.id);
    m_id->setFocus();
    m_id->selectAll();
}

bool RulesEditor::changeForOrganisation(const QString &id)
{
    const wording::Rule *builtIn = m_builtIn.find(id);
    if (!builtIn || isOwn(id) || isOff(id))
        return false;
    wording::Rule copy = *builtIn;
    copy.origin = wording::RuleOrigin::Replaced;
    copy.file.clear();
    m_pack.rules.push_back(copy);
    m_dirty = true;
    selectRule(id);
    return true;
}

bool RulesEditor::turnOff(const QString &id, const QString &reason)
{
    const wording::Rule *builtIn = m_builtIn.find(id);
    if (!builtIn || isOff(id) || reason.trimmed().isEmpty())
        return false;
    m_pack.rules.erase(std::remove_if(m_pack.rules.begin(), m_pack.rules.end(), [&](const wording::Rule &r) { return r.id == id; }),
                       m_pack.rules.end());
    m_pack.disabled.push_back({id, reason.simplified(), builtIn->message, builtIn->category, {}, 0});
    m_dirty = true;
    selectRule(id);
    return true;
}

void RulesEditor::turnBackOn(const QString &id)
{
    m_pack.disabled.erase(std::remove_if(m_pack.disabled.begin(), m_pack.disabled.end(),
                                         [&](const wording::DisabledRule &d) { return d.id == id; }),
                          m_pack.disabled.end());
    m_dirty = true;
    selectRule(id);
}

void RulesEditor::editPackDetails()
{
    QDialog d(this);
    d.setWindowTitle(tr("Pack details"));
    auto *title = new QLineEdit(m_pack.info.title, &d);
    auto *organisation = new QLineEdit(m_pack.info.organisation, &d);
    auto *version = new QSpinBox(&d);
    version->setRange(1, 100000);
    version->setValue(std::max(1, m_pack.info.version));
    auto *authors = new QLineEdit(m_pack.info.authors.join(u", "_s), &d);
    authors->setPlaceholderText(tr("Names, separated by commas"));
    QStringList log;
    for (const auto &c : m_pack.info.changes)
        log << tr("Version %1 (%2): %3").arg(c.version).arg(c.date.toString(Qt::ISODate), c.changes.join(u' '));
    auto *history = new QLabel(log.isEmpty() ? tr("No changes recorded yet: saving records what changed.") : log.join(u'\n'), &d);
    history->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Title"), title);
    form->addRow(tr("&Organisation"), organisation);
    form->addRow(tr("&Version"), version);
    form->addRow(tr("&Authors"), authors);
    form->addRow(tr("Change log"), history);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    connect(box, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    auto *layout = new QVBoxLayout(&d);
    layout->addLayout(form);
    layout->addWidget(box);
    if (d.exec() != QDialog::Accepted)
        return;
    m_pack.info.title = title->text().trimmed();
    m_pack.info.organisation = organisation->text().trimmed();
    m_pack.info.version = version->value();
    m_pack.info.authors.clear();
    for (const QString &a : authors->text().split(u','))
        if (!a.trimmed().isEmpty())
            m_pack.info.authors << a.trimmed();
    m_dirty = true;
}

bool RulesEditor::save()
{
    if (!m_loaded)
        return false;
    readForm();
    for (auto it = m_problems.constBegin(); it != m_problems.constEnd(); ++it) {
        if (!it.value()->isHidden()) {
            m_saveProblems->setText(tr("Not saved: fix the problems marked beside the fields of “%1” first.").arg(m_current));
            m_saveProblems->show();
            return false;
        }
    }
    // A pack names who wrote it; a new folder has no one yet, so ask rather than write an invalid pack.
    if (m_pack.info.authors.isEmpty()) {
        m_saveProblems->setText(tr("Not saved yet: say who wrote these rules. Choose Pack details… and fill in Authors, then save again."));
        m_saveProblems->show();
        return false;
    }
    // What changed since the last save goes into this version's change log, in words.
    wording::OrganisationPack toSave = m_pack;
    const QStringList changes = [&] {
        QStringList out;
        for (const auto &c : wording::diffPacks(wording::asDirectory(m_saved), wording::asDirectory(m_pack)))
            if (c.kind != wording::PackChange::Pack)
                out << c.summary;
        return out;
    }();
    toSave.info.date = QDate::currentDate();
    if (!changes.isEmpty()) {
        auto it = std::find_if(toSave.info.changes.begin(), toSave.info.changes.end(),
                               [&](const auto &c) { return c.version == toSave.info.version; });
        if (it == toSave.info.changes.end())
            it = toSave.info.changes.insert(toSave.info.changes.begin(), {toSave.info.version, toSave.info.date, {}});
        it->date = toSave.info.date;
        for (const QString &c : changes)
            if (!it->changes.contains(c))
                it->changes << c;
    }
    auto result = wording::saveOrganisationPack(toSave, m_folder);
    if (!result) {
        QStringList problems;
        for (const auto &p : result.error())
            problems << p.toString();
        m_saveProblems->setText(tr("Not saved — the pack has %n problem(s):", nullptr, int(problems.size())) + u'\n' + problems.join(u'\n'));
        m_saveProblems->show();
        return false;
    }
    m_pack = toSave;
    m_saved = m_pack;
    m_dirty = false;
    m_saveProblems->setText(tr("Saved in %1.").arg(m_folder));
    m_saveProblems->setStyleSheet(QString());
    m_saveProblems->show();
    emit saved(m_folder);
    return true;
}

void RulesEditor::reject()
{
    if (m_dirty
        && QMessageBox::question(this, tr("Organisation rules"), tr("Close without saving your changes to the rules?"),
                                 QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Discard)
        return;
    QDialog::reject();
}

void RulesEditor::setPackAuthors(const QStringList &authors)
{
    m_pack.info.authors.clear();
    for (const QString &a : authors)
        if (!a.trimmed().isEmpty())
            m_pack.info.authors << a.trimmed();
    m_dirty = true;
}

QString RulesEditor::fieldProblem(const QString &member) const
{
    const QLabel *l = m_problems.value(member);
    return l && !l->isHidden() ? l->text() : QString();
}

QString RulesEditor::saveProblems() const { return m_saveProblems->isHidden() ? QString() : m_saveProblems->text(); }
QString RulesEditor::previewText() const { return m_preview->toPlainText(); }
QString RulesEditor::examplesText() const
{
    QTextDocument doc;
    doc.setHtml(m_examples->text());
    return doc.toPlainText();
}

} // namespace fairnote::ui
