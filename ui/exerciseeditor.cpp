// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The exercise editor: the form, its checks, and writing the exercise file.
#include "exerciseeditor.h"

#include "datefield.h"
#include "io/atomicfile.h"
#include "findingfilter.h"
#include "recordeditor.h"
#include "training/exerciseloader.h"
#include "training/validate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace fairnote::training;

namespace fairnote::ui {

namespace {

QPlainTextEdit *textBox(QWidget *parent, const QString &accessibleName, const QString &placeholder, int lines)
{
    auto *e = new QPlainTextEdit(parent);
    e->setAccessibleName(accessibleName);
    e->setPlaceholderText(placeholder);
    e->setTabChangesFocus(true);
    e->setMinimumHeight(e->fontMetrics().lineSpacing() * lines + 12);
    return e;
}

QStringList splitList(const QString &text, QChar by)
{
    QStringList out;
    for (const QString &part : text.split(by, Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

QString cell(const QTableWidget *t, int row, int col)
{
    const QTableWidgetItem *i = t->item(row, col);
    return i ? i->text().trimmed() : QString();
}

QTableWidget *table(QWidget *parent, const QStringList &headers, const QString &accessibleName)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setAccessibleName(accessibleName);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(true);
    t->setTabKeyNavigation(false); // Tab leaves the table; the arrow keys move inside it
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    t->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

QWidget *tableWithButtons(QWidget *parent, QTableWidget *t, const std::function<void()> &add, const QString &addText,
                          const QString &removeText, QWidget *extra = nullptr)
{
    auto *w = new QWidget(parent);
    auto *addButton = new QPushButton(addText, w);
    auto *removeButton = new QPushButton(removeText, w);
    QObject::connect(addButton, &QPushButton::clicked, w, add);
    QObject::connect(removeButton, &QPushButton::clicked, w, [t] {
        if (t->currentRow() >= 0)
            t->removeRow(t->currentRow());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addButton);
    buttons->addWidget(removeButton);
    if (extra)
        buttons->addWidget(extra);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(t, 1);
    layout->addLayout(buttons);
    return w;
}

QScrollArea *scrolled(QWidget *content, QWidget *parent)
{
    auto *s = new QScrollArea(parent);
    s->setWidget(content);
    s->setWidgetResizable(true);
    s->setFrameShape(QFrame::NoFrame);
    s->setFocusPolicy(Qt::NoFocus); // a container: its fields take the focus, and it scrolls to them
    return s;
}

} // namespace

Exercise ExerciseEditor::starter(ExerciseType type)
{
    Exercise e;
    e.type = type;
    e.level = Level::Introductory;
    e.minutes = 10;
    e.invented = false; // the trainer confirms it
    switch (type) {
    case ExerciseType::Rewrite:
        e.instructions = tr("Rewrite this note as a factual incident record, using what you know now.");
        e.writtenAt = QDateTime(QDate::currentDate(), QTime(10, 0), Qt::UTC);
        e.modelAnswer.body = record::IncidentRecord{};
        break;
    case ExerciseType::FactReportedOpinion:
        e.instructions = tr("Sort each statement: is it a fact (something the writer saw or heard themselves, or a plain fact "
                            "from the service's own records), reported (what someone else said or wrote, with who said it), "
                            "or an opinion (a judgement, guess or prediction, whoever makes it)?");
        break;
    case ExerciseType::SpotTheProblem:
        e.instructions = tr("Read the note and mark every phrase you would change: select the words, then choose Mark (Ctrl+M). "
                            "Mark each problem on its own, and only the words that need to change. Then check your answer.");
        break;
    }
    return e;
}

ExerciseEditor::ExerciseEditor(const Exercise &exercise, std::shared_ptr<const Scorer> scorer, FindingFilter *filter, QWidget *parent)
    : QDialog(parent), m_scorer(std::move(scorer)), m_original(exercise)
{
    setWindowTitle(exercise.id.isEmpty() ? tr("New exercise — Training — invented cases")
                                         : tr("Edit exercise %1 — Training — invented cases").arg(exercise.id));
    m_model = new RecordEditor(m_scorer->sharedChecker(), filter, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("The exercise"));
    m_tabs->addTab(scrolled(buildAbout(), this), tr("&About"));
    m_content = new QStackedWidget(this);
    m_content->addWidget(buildRewrite());
    m_content->addWidget(buildSort());
    m_content->addWidget(buildSpot());
    m_tabs->addTab(m_content, tr("&Content"));
    m_modelPage = buildModel();
    m_tabs->addTab(m_modelPage, tr("&Model answer"));

    m_problems = new QLabel(this);
    m_problems->setObjectName(u"editorProblems"_s);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *problemsScroll = new QScrollArea(this);
    problemsScroll->setWidget(m_problems);
    problemsScroll->setWidgetResizable(true);
    problemsScroll->setMaximumHeight(fontMetrics().lineSpacing() * 5 + 12);
    problemsScroll->setFrameShape(QFrame::NoFrame);
    problemsScroll->setFocusPolicy(Qt::NoFocus);

    auto *check = new QPushButton(tr("C&heck"), this);
    check->setToolTip(tr("Check the exercise as fairnote-cli exercise validate does"));
    auto *preview = new QPushButton(tr("&Preview as a learner"), this);
    preview->setToolTip(tr("Try the exercise in the trainer window, as a learner would; nothing is recorded"));
    m_save = new QPushButton(tr("&Save…"), this);
    m_save->setToolTip(tr("Write the exercise into your organisation's exercises folder"));
    auto *close = new QPushButton(tr("Close"), this);
    connect(check, &QPushButton::clicked, this, &ExerciseEditor::showProblems);
    connect(preview, &QPushButton::clicked, this, [this] { emit previewRequested(this->exercise()); });
    connect(m_save, &QPushButton::clicked, this, &ExerciseEditor::saveInteractively);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(check);
    buttons->addWidget(preview);
    buttons->addStretch();
    buttons->addWidget(m_save);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(problemsScroll);
    layout->addLayout(buttons);

    load(exercise);
    m_type->setEnabled(exercise.id.isEmpty());
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 720);
    resize(std::min(980, screen.width() * 92 / 100), std::min(700, screen.height() * 92 / 100));
}

ExerciseEditor::~ExerciseEditor() = default;

QWidget *ExerciseEditor::buildAbout()
{
    auto *w = new QWidget(this);
    auto *form = new QFormLayout(w);
    m_type = new QComboBox(w);
    for (ExerciseType t : {ExerciseType::Rewrite, ExerciseType::FactReportedOpinion, ExerciseType::SpotTheProblem})
        m_type->addItem(typeTitle(t), int(t));
    m_type->setAccessibleName(tr("Kind of exercise"));
    connect(m_type, &QComboBox::currentIndexChanged, this, &ExerciseEditor::typeChanged);
    m_id = new QLineEdit(w);
    m_id->setAccessibleName(tr("Id"));
    m_id->setPlaceholderText(tr("lower-case words joined by hyphens, such as rewrite-pan-fire"));
    m_id->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[a-z0-9-]*"_s), m_id));
    m_title = new QLineEdit(w);
    m_title->setAccessibleName(tr("Title"));
    m_level = new QComboBox(w);
    for (Level l : {Level::Introductory, Level::Intermediate, Level::Advanced})
        m_level->addItem(levelTitle(l), int(l));
    m_level->setAccessibleName(tr("Level"));
    m_minutes = new QSpinBox(w);
    m_minutes->setRange(1, 240);
    m_minutes->setSuffix(tr(" minutes"));
    m_minutes->setAccessibleName(tr("Time to allow, in minutes"));
    m_instructions = textBox(w, tr("What the learner is asked to do"), {}, 3);
    m_points = textBox(w, tr("Points to take away, one per line"), tr("One per line"), 3);
    m_invented = new QCheckBox(tr("Every person, place and event in this exercise is &invented"), w);
    m_invented->setObjectName(u"inventedBox"_s);
    m_invented->setToolTip(tr("Never use a real case, even with the names changed."));
    form->addRow(tr("&Kind:"), m_type);
    form->addRow(tr("&Id:"), m_id);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Level:"), m_level);
    form->addRow(tr("Time to &allow:"), m_minutes);
    form->addRow(tr("&What to do:"), m_instructions);
    form->addRow(tr("To take a&way:"), m_points);
    form->addRow(QString(), m_invented);
    auto *note = new QLabel(tr("Exercises are for practice on invented cases only. Keep them free of anything that could "
                               "identify a real person, place or event."),
                            w);
    note->setWordWrap(true);
    form->addRow(QString(), note);
    return w;
}

QWidget *ExerciseEditor::buildRewrite()
{
    auto *w = new QWidget(this);
    auto *form = new QFormLayout(w);
    m_person = new QLineEdit(w);
    m_person->setAccessibleName(tr("The person's invented name"));
    m_writtenAt = new DateTimeField(tr("Now, in the story"), w);
    m_note = textBox(w, tr("The vague note to rewrite"), tr("As it was found in the file"), 3);
    m_brief = textBox(w, tr("What the learner knows now"), tr("The facts the learner may use. A blank line starts a new paragraph."), 6);
    m_expected = new QLineEdit(w);
    m_expected->setAccessibleName(tr("Findings the note must trigger (rule ids, separated by commas)"));
    auto *fill = new QPushButton(tr("&Fill from the note"), w);
    fill->setToolTip(tr("List the rules the note triggers now"));
    connect(fill, &QPushButton::clicked, this, &ExerciseEditor::fillExpectedFindings);
    auto *expectedRow = new QHBoxLayout;
    expectedRow->addWidget(m_expected, 1);
    expectedRow->addWidget(fill);
    m_facts = table(w, {tr("Fact"), tr("Where"), tr("Any of these words (separated by |)")}, tr("Key facts in the narrative"));
    m_facts->setMinimumHeight(120);
    form->addRow(tr("The &person (invented):"), m_person);
    form->addRow(tr("&Now, in the story:"), m_writtenAt);
    form->addRow(tr("The &note:"), m_note);
    form->addRow(tr("What they &know:"), m_brief);
    auto *expectedLabel = new QLabel(tr("&Expected findings:"), w);
    expectedLabel->setBuddy(m_expected);
    form->addRow(expectedLabel, expectedRow);
    form->addRow(tr("Key &facts:"), tableWithButtons(w, m_facts, [this] { addFactRow({}); }, tr("Add a fact"), tr("Remove the fact")));
    return scrolled(w, this);
}

QWidget *ExerciseEditor::buildModel()
{
    auto *w = new QWidget(this);
    auto *intro = new QLabel(tr("Fill in the model answer as a factual record. Tick the key fields: the learner scores a point "
                                "for each one they answer as the model answer does."),
                             w);
    intro->setWordWrap(true);
    m_keyFields = new QListWidget(w);
    m_keyFields->setAccessibleName(tr("Key fields"));
    auto *keyLabel = new QLabel(tr("Key &fields"), w);
    keyLabel->setBuddy(m_keyFields);
    auto *right = new QWidget(w);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(keyLabel);
    rightLayout->addWidget(m_keyFields, 1);
    auto *split = new QSplitter(Qt::Horizontal, w);
    split->addWidget(m_model);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(intro);
    layout->addWidget(split, 1);
    connect(m_model, &RecordEditor::changed, this, &ExerciseEditor::refreshKeyFields);
    return w;
}

QWidget *ExerciseEditor::buildSort()
{
    auto *w = new QWidget(this);
    auto *form = new QFormLayout(w);
    m_context = textBox(w, tr("Where the statements come from"), tr("Optional"), 2);
    m_statements = table(w, {tr("Statement"), tr("Answer"), tr("Why (shown after checking)")}, tr("Statements to sort"));
    m_statements->setMinimumHeight(220);
    form->addRow(tr("&Context:"), m_context);
    form->addRow(tr("&Statements:"), tableWithButtons(w, m_statements, [this] { addStatementRow({}); }, tr("Add a statement"),
                                                     tr("Remove the statement")));
    return w;
}

QWidget *ExerciseEditor::buildSpot()
{
    auto *w = new QWidget(this);
    auto *form = new QFormLayout(w);
    m_spotNote = textBox(w, tr("The note to mark"), {}, 4);
    m_spotNote->setMaximumHeight(m_spotNote->fontMetrics().lineSpacing() * 7 + 12);
    m_spotExpected = new QLineEdit(w);
    m_spotExpected->setAccessibleName(tr("Findings the note must trigger (rule ids, separated by commas)"));
    auto *fill = new QPushButton(tr("&Fill from the note"), w);
    connect(fill, &QPushButton::clicked, this, &ExerciseEditor::fillExpectedFindings);
    auto *expectedRow = new QHBoxLayout;
    expectedRow->addWidget(m_spotExpected, 1);
    expectedRow->addWidget(fill);
    m_key = table(w, {tr("Phrase (as in the note)"), tr("Occurrence"), tr("Why it should change"), tr("What to write instead")},
                  tr("Your key: problems to find"));
    m_key->setMinimumHeight(160);
    m_key->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *fromSelection = new QPushButton(tr("Add the words &selected in the note"), w);
    connect(fromSelection, &QPushButton::clicked, this, [this] {
        const QString words = m_spotNote->textCursor().selectedText().trimmed();
        if (words.isEmpty())
            return;
        KeyPhrase k;
        k.phrase = words;
        addKeyRow(k);
    });
    form->addRow(tr("The &note:"), m_spotNote);
    auto *expectedLabel = new QLabel(tr("&Expected findings:"), w);
    expectedLabel->setBuddy(m_spotExpected);
    form->addRow(expectedLabel, expectedRow);
    form->addRow(tr("Your &key:"), tableWithButtons(w, m_key, [this] { addKeyRow({}); }, tr("Add a phrase"), tr("Remove the phrase"),
                                                    fromSelection));
    return w;
}

void ExerciseEditor::addStatementRow(const Statement &s)
{
    const int row = m_statements->rowCount();
    m_statements->insertRow(row);
    m_statements->setItem(row, 0, new QTableWidgetItem(s.text));
    auto *answer = new QComboBox(m_statements);
    for (StatementKind k : {StatementKind::Fact, StatementKind::Reported, StatementKind::Opinion})
        answer->addItem(kindTitle(k), int(k));
    answer->setCurrentIndex(int(s.answer));
    answer->setAccessibleName(tr("Answer to statement %1").arg(row + 1));
    m_statements->setCellWidget(row, 1, answer);
    m_statements->setItem(row, 2, new QTableWidgetItem(s.explanation));
}

void ExerciseEditor::addKeyRow(const KeyPhrase &k)
{
    const int row = m_key->rowCount();
    m_key->insertRow(row);
    m_key->setItem(row, 0, new QTableWidgetItem(k.phrase));
    m_key->setItem(row, 1, new QTableWidgetItem(QString::number(k.occurrence)));
    m_key->setItem(row, 2, new QTableWidgetItem(k.why));
    m_key->setItem(row, 3, new QTableWidgetItem(k.instead));
}

void ExerciseEditor::addFactRow(const KeyFact &f)
{
    const int row = m_facts->rowCount();
    m_facts->insertRow(row);
    m_facts->setItem(row, 0, new QTableWidgetItem(f.fact));
    auto *where = new QComboBox(m_facts);
    where->addItem(tr("Anywhere in the record"), QString());
    for (const QString &p : freeTextFields())
        where->addItem(p, p);
    where->setCurrentIndex(std::max(0, where->findData(f.field)));
    where->setAccessibleName(tr("Where to look for fact %1").arg(row + 1));
    m_facts->setCellWidget(row, 1, where);
    m_facts->setItem(row, 2, new QTableWidgetItem(f.anyOf.join(u" | "_s)));
}

QPlainTextEdit *ExerciseEditor::noteEdit() const
{
    return ExerciseType(m_type->currentData().toInt()) == ExerciseType::Rewrite ? m_note : m_spotNote;
}

void ExerciseEditor::load(const Exercise &e)
{
    m_type->setCurrentIndex(m_type->findData(int(e.type)));
    m_id->setText(e.id);
    m_title->setText(e.title);
    m_level->setCurrentIndex(m_level->findData(int(e.level)));
    m_minutes->setValue(e.minutes);
    m_instructions->setPlainText(e.instructions);
    m_points->setPlainText(e.learningPoints.join(u'\n'));
    m_invented->setChecked(e.invented && !e.id.isEmpty());
    m_person->setText(e.person.name);
    m_writtenAt->setDateTime(e.writtenAt.isValid() ? e.writtenAt : QDateTime(QDate::currentDate(), QTime(10, 0), Qt::UTC));
    m_note->setPlainText(e.type == ExerciseType::Rewrite ? e.note : QString());
    m_brief->setPlainText(e.brief);
    m_expected->setText(e.type == ExerciseType::Rewrite ? e.expectedFindings.join(u", "_s) : QString());
    m_facts->setRowCount(0);
    for (const KeyFact &f : e.keyFacts)
        addFactRow(f);
    record::Entry model = e.modelAnswer;
    if (!model.isIncident())
        model.body = record::IncidentRecord{};
    m_model->setEntry(model);
    m_context->setPlainText(e.context);
    m_statements->setRowCount(0);
    for (const Statement &s : e.statements)
        addStatementRow(s);
    m_spotNote->setPlainText(e.type == ExerciseType::SpotTheProblem ? e.note : QString());
    m_spotExpected->setText(e.type == ExerciseType::SpotTheProblem ? e.expectedFindings.join(u", "_s) : QString());
    m_key->setRowCount(0);
    for (const KeyPhrase &k : e.key)
        addKeyRow(k);
    refreshKeyFields();
    for (int i = 0; i < m_keyFields->count(); ++i)
        m_keyFields->item(i)->setCheckState(e.keyFields.contains(m_keyFields->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                                                     : Qt::Unchecked);
    typeChanged();
}

void ExerciseEditor::typeChanged()
{
    const auto type = ExerciseType(m_type->currentData().toInt());
    m_content->setCurrentIndex(int(type));
    m_tabs->setTabVisible(m_tabs->indexOf(m_modelPage), type == ExerciseType::Rewrite);
}

// The key-field list follows the model answer's fields (some appear only with some answers), keeping
// the ticks already given.
void ExerciseEditor::refreshKeyFields()
{
    QStringList ticked;
    for (int i = 0; i < m_keyFields->count(); ++i)
        if (m_keyFields->item(i)->checkState() == Qt::Checked)
            ticked << m_keyFields->item(i)->data(Qt::UserRole).toString();
    m_keyFields->clear();
    const QStringList texts = freeTextFields();
    for (const record::FieldText &f : record::describeFields(m_model->entry())) {
        if (texts.contains(f.pointer))
            continue; // free text is scored by key facts, not matched whole
        auto *item = new QListWidgetItem(u"%1 › %2"_s.arg(f.section, f.label), m_keyFields);
        item->setData(Qt::UserRole, f.pointer);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(ticked.contains(f.pointer) ? Qt::Checked : Qt::Unchecked);
    }
}

Exercise ExerciseEditor::exercise() const
{
    Exercise e;
    e.type = ExerciseType(m_type->currentData().toInt());
    e.id = m_id->text().trimmed();
    e.title = m_title->text().trimmed();
    e.level = Level(m_level->currentData().toInt());
    e.minutes = m_minutes->value();
    e.instructions = m_instructions->toPlainText().trimmed();
    e.learningPoints = splitList(m_points->toPlainText(), u'\n');
    e.invented = m_invented->isChecked();
    e.file = m_original.file;
    e.builtIn = false;
    switch (e.type) {
    case ExerciseType::Rewrite: {
        e.person.name = m_person->text().trimmed();
        e.person.id = u"exercise-"_s + e.id;
        e.writtenAt = m_writtenAt->dateTime();
        e.note = m_note->toPlainText().trimmed();
        e.brief = m_brief->toPlainText().trimmed();
        e.expectedFindings = splitList(m_expected->text(), u',');
        for (int r = 0; r < m_facts->rowCount(); ++r) {
            KeyFact f;
            f.fact = cell(m_facts, r, 0);
            if (const auto *where = qobject_cast<QComboBox *>(m_facts->cellWidget(r, 1)))
                f.field = where->currentData().toString();
            f.anyOf = splitList(cell(m_facts, r, 2), u'|');
            if (!f.fact.isEmpty() || !f.anyOf.isEmpty())
                e.keyFacts.push_back(f);
        }
        e.modelAnswer = m_model->entry();
        e.modelAnswer.id = e.id;
        e.modelAnswer.writtenAt = e.writtenAt;
        e.modelAnswer.author = modelAuthor();
        // Ticked fields in the order the file had them, then new ones in form order.
        QStringList ticked;
        for (int i = 0; i < m_keyFields->count(); ++i)
            if (m_keyFields->item(i)->checkState() == Qt::Checked)
                ticked << m_keyFields->item(i)->data(Qt::UserRole).toString();
        for (const QString &p : m_original.keyFields)
            if (ticked.contains(p))
                e.keyFields << p;
        for (const QString &p : ticked)
            if (!e.keyFields.contains(p))
                e.keyFields << p;
        break;
    }
    case ExerciseType::FactReportedOpinion:
        e.context = m_context->toPlainText().trimmed();
        for (int r = 0; r < m_statements->rowCount(); ++r) {
            Statement s;
            s.id = u"s%1"_s.arg(r + 1);
            s.text = cell(m_statements, r, 0);
            if (const auto *answer = qobject_cast<QComboBox *>(m_statements->cellWidget(r, 1)))
                s.answer = StatementKind(answer->currentData().toInt());
            s.explanation = cell(m_statements, r, 2);
            e.statements.push_back(s);
        }
        break;
    case ExerciseType::SpotTheProblem:
        e.note = m_spotNote->toPlainText().trimmed();
        e.expectedFindings = splitList(m_spotExpected->text(), u',');
        for (int r = 0; r < m_key->rowCount(); ++r) {
            KeyPhrase k;
            k.phrase = cell(m_key, r, 0);
            k.occurrence = std::max(1, cell(m_key, r, 1).toInt());
            k.why = cell(m_key, r, 2);
            k.instead = cell(m_key, r, 3);
            if (!k.phrase.isEmpty() || !k.why.isEmpty())
                e.key.push_back(k);
        }
        break;
    }
    return e;
}

QStringList ExerciseEditor::problems() const
{
    const Exercise e = exercise();
    QStringList out;
    // The file as it would be written, read back as any exercise file is.
    auto read = readExercise(writeExercise(e), e.id.isEmpty() ? tr("(new exercise)") : e.id + u".json"_s);
    if (!read) {
        for (const ExerciseProblem &p : read.error())
            out << (p.path.isEmpty() ? p.message : p.path + u": "_s + p.message);
        return out;
    }
    return validateExercise(*read, *m_scorer).problems;
}

void ExerciseEditor::showProblems()
{
    const QStringList problems = this->problems();
    m_problems->setText(problems.isEmpty() ? tr("✓ No problems: the exercise loads, its model answer scores full marks and its "
                                                "note triggers what it should.")
                                           : tr("Still to do before it can be saved:\n• %1").arg(problems.join(u"\n• "_s)));
}

void ExerciseEditor::fillExpectedFindings()
{
    const bool rewrite = ExerciseType(m_type->currentData().toInt()) == ExerciseType::Rewrite;
    const QString note = (rewrite ? m_note : m_spotNote)->toPlainText();
    QStringList ids;
    for (const Finding &f : m_scorer->checker().check(note))
        if (!ids.contains(f.ruleId))
            ids << f.ruleId;
    (rewrite ? m_expected : m_spotExpected)->setText(ids.join(u", "_s));
}

bool ExerciseEditor::saveTo(const QString &folder, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QStringList problems = this->problems();
    if (!problems.isEmpty())
        return fail(tr("The exercise is not ready yet:\n• %1").arg(problems.join(u"\n• "_s)));
    const Exercise e = exercise();
    const QString path = QDir(folder).filePath(e.id + u".json"_s);
    if (QFileInfo::exists(path) && QFileInfo(path).canonicalFilePath() != QFileInfo(m_original.file).canonicalFilePath()) {
        QFile existing(path);
        if (existing.open(QIODevice::ReadOnly)) {
            auto other = readExercise(existing.readAll(), path);
            if (!other || other->id != e.id)
                return fail(tr("%1 already exists and holds something else. Give the exercise another id.").arg(path));
        }
    }
    if (const auto failed = io::writeFileAtomically(path, writeExercise(e)))
        return fail(failed->message());
    m_original = e;
    m_original.file = path;
    emit saved(path, m_original);
    return true;
}

void ExerciseEditor::saveInteractively()
{
    showProblems();
    // The window decides where: the organisation's exercises folder (see TrainerWindow).
    emit saveRequested();
}

} // namespace fairnote::ui
