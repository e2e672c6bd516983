// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ExerciseEditor: a trainer creates or edits an exercise in the app. It writes the same JSON file a
// trainer could write by hand (docs/training.md), into the organisation's exercises folder, after
// checking it the way `fairnote-cli exercise validate` does.
#pragma once

#include "training/exercise.h"
#include "training/scoring.h"

#include <QDialog>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace fairnote::ui {

class DateTimeField;

class FindingFilter;
class RecordEditor;

class ExerciseEditor : public QDialog
{
    Q_OBJECT

public:
    // `exercise` is the one to edit, or a new one (empty id) of the type it has.
    ExerciseEditor(const training::Exercise &exercise, std::shared_ptr<const training::Scorer> scorer, FindingFilter *filter,
                   QWidget *parent = nullptr);
    ~ExerciseEditor() override;

    // A new exercise of a type, with helpful starting text.
    static training::Exercise starter(training::ExerciseType type);

    // The exercise as the form holds it now.
    training::Exercise exercise() const;
    // Everything that stops it being used: the loader's problems (as for a file) and the validator's.
    QStringList problems() const;
    // Writes FOLDER/ID.json. Refuses (with `error`) an exercise with problems, or a file that exists and
    // holds another exercise.
    bool saveTo(const QString &folder, QString *error = nullptr);

    // Fills "expected findings" with the rules the note triggers now.
    void fillExpectedFindings();

    QLineEdit *idEdit() const { return m_id; }
    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *noteEdit() const;
    QTableWidget *statementsTable() const { return m_statements; }
    QTableWidget *keyTable() const { return m_key; }
    QTableWidget *factsTable() const { return m_facts; }
    RecordEditor *modelEditor() const { return m_model; }
    DateTimeField *storyTimeField() const { return m_writtenAt; }
    QListWidget *keyFieldList() const { return m_keyFields; }
    QLabel *problemsLabel() const { return m_problems; }

signals:
    // The trainer asked to try the exercise as a learner would.
    void previewRequested(const training::Exercise &exercise);
    // The trainer chose Save: the window picks the folder and calls saveTo().
    void saveRequested();
    // The exercise was saved to `path`.
    void saved(const QString &path, const training::Exercise &exercise);

private:
    QWidget *buildAbout();
    QWidget *buildRewrite();
    QWidget *buildSort();
    QWidget *buildSpot();
    QWidget *buildModel();
    void load(const training::Exercise &e);
    void typeChanged();
    void refreshKeyFields();
    void showProblems();
    void saveInteractively();
    void addStatementRow(const training::Statement &s);
    void addKeyRow(const training::KeyPhrase &k);
    void addFactRow(const training::KeyFact &f);

    std::shared_ptr<const training::Scorer> m_scorer;
    training::Exercise m_original;
    QTabWidget *m_tabs;
    // About.
    QComboBox *m_type, *m_level;
    QLineEdit *m_id, *m_title;
    QSpinBox *m_minutes;
    QPlainTextEdit *m_instructions, *m_points;
    QCheckBox *m_invented;
    QStackedWidget *m_content;
    // Rewrite.
    QLineEdit *m_person, *m_expected;
    DateTimeField *m_writtenAt;
    QPlainTextEdit *m_note, *m_brief;
    QTableWidget *m_facts;
    RecordEditor *m_model;
    QListWidget *m_keyFields;
    QWidget *m_modelPage;
    // Sort.
    QPlainTextEdit *m_context;
    QTableWidget *m_statements;
    // Spot.
    QPlainTextEdit *m_spotNote;
    QLineEdit *m_spotExpected;
    QTableWidget *m_key;
    QLabel *m_problems;
    QPushButton *m_save;
};

} // namespace fairnote::ui
