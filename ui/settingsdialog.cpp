// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog: organisation rules, rules turned off, rules ignored in this note, spelling.
#include "settingsdialog.h"

#include "findingfilter.h"
#include "store/settings.h"
#include "wording/rulepack.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fairnote::ui {

SettingsDialog::SettingsDialog(FindingFilter *filter, std::function<const wording::RulePack &()> pack, QWidget *parent)
    : QDialog(parent), m_filter(filter), m_pack(std::move(pack))
{
    setWindowTitle(tr("Fairnote settings"));

    // Organisation rules.
    auto *rulesBox = new QGroupBox(tr("Organisation rules"), this);
    m_rulesInUse = new QLabel(rulesBox);
    m_rulesInUse->setWordWrap(true);
    m_rulesInUse->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *rulesHelp = new QLabel(tr("An organisation can keep its own rule folder that adds, replaces or "
                                    "switches off built-in rules. A folder with problems is never used."),
                                 rulesBox);
    rulesHelp->setWordWrap(true);
    auto *choose = new QPushButton(tr("Choose folder…"), rulesBox);
    m_builtInOnly = new QPushButton(tr("Use built-in rules only"), rulesBox);
    auto *edit = new QPushButton(tr("&Edit the rules…"), rulesBox);
    edit->setObjectName(u"editOrganisationRules"_s);
    edit->setToolTip(tr("Add rules, change a rule's wording or turn a rule off for your organisation, in forms"));
    connect(edit, &QPushButton::clicked, this, &SettingsDialog::editOrganisationRules);
    auto *rulesButtons = new QHBoxLayout;
    rulesButtons->addWidget(choose);
    rulesButtons->addWidget(edit);
    rulesButtons->addWidget(m_builtInOnly);
    rulesButtons->addStretch();
    auto *rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->addWidget(m_rulesInUse);
    rulesLayout->addWidget(rulesHelp);
    rulesLayout->addLayout(rulesButtons);

    // Rules turned off (kept between runs).
    auto *offBox = new QGroupBox(tr("Rules you turned off"), this);
    m_turnedOff = new QListWidget(offBox);
    m_turnedOff->setAccessibleName(tr("Rules you turned off"));
    m_turnedOff->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_turnedOff->setWordWrap(true);
    m_turnedOff->setResizeMode(QListView::Adjust);
    m_turnedOff->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_turnedOffEmpty = new QLabel(tr("None. To turn a rule off, put the cursor on underlined wording and choose "
                                     "Check › Turn rule off."),
                                  offBox);
    m_turnedOffEmpty->setWordWrap(true);
    m_turnOn = new QPushButton(tr("Turn back on"), offBox);
    auto *offLayout = new QVBoxLayout(offBox);
    offLayout->addWidget(m_turnedOffEmpty);
    offLayout->addWidget(m_turnedOff);
    offLayout->addWidget(m_turnOn, 0, Qt::AlignLeft);

    // Rules ignored in this note (forgotten when another note is opened).
    auto *ignoredBox = new QGroupBox(tr("Ignored in this note"), this);
    m_ignored = new QListWidget(ignoredBox);
    m_ignored->setAccessibleName(tr("Rules ignored in this note"));
    m_ignored->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_ignored->setWordWrap(true);
    m_ignored->setResizeMode(QListView::Adjust);
    m_ignored->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_showAgain = new QPushButton(tr("Show again"), ignoredBox);
    auto *ignoredLayout = new QVBoxLayout(ignoredBox);
    ignoredLayout->addWidget(m_ignored);
    ignoredLayout->addWidget(m_showAgain, 0, Qt::AlignLeft);

    // Spelling: on or off (kept between runs), and the words the worker added.
    auto *spellingBox = new QGroupBox(tr("Spelling"), this);
    m_checkSpelling = new QCheckBox(tr("Check &spelling"), spellingBox);
    m_checkSpelling->setObjectName(u"checkSpellingBox"_s);
    m_checkSpelling->setToolTip(tr("Mark words that may be misspelt with a dashed underline and list them "
                                   "with the findings"));
    m_spellingStatus = new QLabel(spellingBox);
    m_spellingStatus->setWordWrap(true);
    m_spellingStatus->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_wordsLabel = new QLabel(spellingBox);
    m_wordsLabel->setWordWrap(true);
    m_wordsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_words = new QListWidget(spellingBox);
    m_words->setAccessibleName(tr("Your dictionary"));
    m_words->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_words->setFlow(QListView::LeftToRight);
    m_words->setWrapping(true);
    m_words->setResizeMode(QListView::Adjust);
    m_words->setSpacing(2);
    m_words->setMaximumHeight(90);
    m_wordsLabel->setBuddy(m_words);
    m_removeWords = new QPushButton(tr("Remove from dictionary"), spellingBox);
    auto *spellingLayout = new QVBoxLayout(spellingBox);
    spellingLayout->addWidget(m_checkSpelling);
    spellingLayout->addWidget(m_spellingStatus);
    spellingLayout->addWidget(m_wordsLabel);
    spellingLayout->addWidget(m_words);
    spellingLayout->addWidget(m_removeWords, 0, Qt::AlignLeft);

    // A team server's window hides case content when it is left idle (a local file has no password).
    auto *serverBox = new QGroupBox(tr("Team server"), this);
    auto *lockLabel = new QLabel(tr("&Lock a team server's window after this many minutes without use (0: never):"), serverBox);
    lockLabel->setWordWrap(true);
    m_lockMinutes = new QSpinBox(serverBox);
    m_lockMinutes->setObjectName(u"lockMinutesBox"_s);
    m_lockMinutes->setRange(0, store::UserSettings::kMaxLockAfterMinutes);
    m_lockMinutes->setSuffix(tr(" min"));
    m_lockMinutes->setSpecialValueText(tr("never"));
    m_lockMinutes->setValue(store::UserSettings::kDefaultLockAfterMinutes);
    lockLabel->setBuddy(m_lockMinutes);
    auto *serverLayout = new QHBoxLayout(serverBox);
    serverLayout->addWidget(lockLabel, 1);
    serverLayout->addWidget(m_lockMinutes);
    connect(m_lockMinutes, &QSpinBox::valueChanged, this, &SettingsDialog::lockAfterMinutesChanged);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(rulesBox);
    layout->addWidget(offBox, 2);
    layout->addWidget(ignoredBox, 1);
    layout->addWidget(spellingBox);
    layout->addWidget(serverBox);
    layout->addWidget(close);
    resize(600, 700);

    connect(choose, &QPushButton::clicked, this, &SettingsDialog::chooseOrganisationRules);
    connect(m_builtInOnly, &QPushButton::clicked, this, &SettingsDialog::useBuiltInRulesOnly);
    connect(m_turnOn, &QPushButton::clicked, this, &SettingsDialog::turnSelectedBackOn);
    connect(m_showAgain, &QPushButton::clicked, this, [this] {
        QStringList ids;
        for (const QListWidgetItem *item : m_ignored->selectedItems())
            ids << item->data(Qt::UserRole).toString();
        for (const QString &id : ids)
            m_filter->stopIgnoringInNote(id);
    });
    connect(m_turnedOff, &QListWidget::itemSelectionChanged, this,
            [this] { m_turnOn->setEnabled(!m_turnedOff->selectedItems().isEmpty()); });
    connect(m_ignored, &QListWidget::itemSelectionChanged, this,
            [this] { m_showAgain->setEnabled(!m_ignored->selectedItems().isEmpty()); });
    connect(m_checkSpelling, &QCheckBox::toggled, this, &SettingsDialog::checkSpellingChanged);
    connect(m_words, &QListWidget::itemSelectionChanged, this,
            [this] { m_removeWords->setEnabled(!m_words->selectedItems().isEmpty()); });
    connect(m_removeWords, &QPushButton::clicked, this, &SettingsDialog::removeSelectedWords);
    connect(m_filter, &FindingFilter::changed, this, &SettingsDialog::reload);
    reload();
    setSpelling(true, {}, {}, {});
}

void SettingsDialog::setSpelling(bool checked, const QString &status, const QStringList &personalWords,
                                 const QString &personalListPath)
{
    {
        const QSignalBlocker blocker(m_checkSpelling);
        m_checkSpelling->setChecked(checked);
    }
    m_spellingStatus->setText(status);
    m_spellingStatus->setVisible(!status.isEmpty());
    const bool listed = !personalListPath.isEmpty();
    m_wordsLabel->setVisible(listed);
    m_words->setVisible(listed && !personalWords.isEmpty());
    m_removeWords->setVisible(listed && !personalWords.isEmpty());
    m_wordsLabel->setText(personalWords.isEmpty()
                              ? tr("Your dictionary has no words yet. Right-click a word with a dashed underline "
                                   "and choose Add to dictionary.")
                              : tr("Your &dictionary (kept in %1, which fairnote-cli reads too):")
                                    .arg(QDir::toNativeSeparators(personalListPath)));
    m_words->clear();
    m_words->addItems(personalWords);
    m_removeWords->setEnabled(false);
}

void SettingsDialog::setLockAfterMinutes(int minutes)
{
    const QSignalBlocker blocker(m_lockMinutes);
    m_lockMinutes->setValue(minutes);
}

void SettingsDialog::removeSelectedWords()
{
    QStringList words;
    for (const QListWidgetItem *item : m_words->selectedItems())
        words << item->text();
    if (!words.isEmpty())
        emit removeFromDictionary(words);
}

void SettingsDialog::setRulesInUse(const QString &description, bool organisationRules)
{
    m_rulesInUse->setText(tr("In use: %1").arg(description));
    m_builtInOnly->setEnabled(organisationRules);
}

void SettingsDialog::turnSelectedBackOn()
{
    const auto items = m_turnedOff->selectedItems();
    QStringList ids;
    for (const QListWidgetItem *item : items)
        ids << item->data(Qt::UserRole).toString();
    for (const QString &id : ids)
        m_filter->enableRule(id);
}

void SettingsDialog::reload()
{
    m_turnedOff->clear();
    for (const QString &id : m_filter->disabledRules()) {
        auto *item = new QListWidgetItem(ruleLabel(id), m_turnedOff);
        item->setData(Qt::UserRole, id);
    }
    m_turnedOffEmpty->setVisible(m_turnedOff->count() == 0);
    m_turnedOff->setVisible(m_turnedOff->count() > 0);
    m_turnOn->setVisible(m_turnedOff->count() > 0);
    m_turnOn->setEnabled(false);

    m_ignored->clear();
    for (const QString &id : m_filter->rulesIgnoredInNote()) {
        auto *item = new QListWidgetItem(ruleLabel(id), m_ignored);
        item->setData(Qt::UserRole, id);
    }
    m_showAgain->setEnabled(false);
}

QString SettingsDialog::ruleLabel(const QString &id) const
{
    if (const wording::Rule *rule = m_pack().find(id))
        return u"%1 (%2)"_s.arg(rule->message, id);
    return tr("%1 (not in the rules in use)").arg(id);
}

} // namespace fairnote::ui
