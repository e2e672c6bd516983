// SPDX-FileCopyrightText: 2026 Fairnote contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A rule pack as one file, so two organisations can exchange packs (fairnote-cli rules export|import).
#pragma once

#include "result.h"
#include "wording/rulepack.h"

#include <QByteArray>
#include <QString>

namespace fairnote::wording {

// The suffix a bundle is saved with: "ourpack.fairnote-rules".
inline constexpr QStringView kBundleSuffix = u".fairnote-rules";

// The pack directory `dir` as one JSON file holding each of its .json files as written. The pack must
// load over the built-in pack (a broken pack is not passed on).
Result<QByteArray, PackProblems> bundlePack(const QString &dir);

// Reads a bundle into a new directory `dir` (which must not exist, or be empty). The files are checked
// before anything is written: a pack that does not load over the built-in pack is refused whole, and
// nothing is left behind. `bundleName` names the bundle in messages.
Result<QStringList, PackProblems> unbundlePack(const QByteArray &bundle, const QString &bundleName, const QString &dir);

// The files of a bundle written to a temporary directory, for reading it as a pack (rules diff).
Result<QString, PackProblems> readBundleInto(const QByteArray &bundle, const QString &bundleName, const QString &tempDir);

} // namespace fairnote::wording
