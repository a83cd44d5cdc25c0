#pragma once
#include "common/result.h"
#include "po/po_catalog.h"
#include "po/review_marks.h"
#include "po/unit_record.h"
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace wb {

/// The error typology reviewers choose from.
const QStringList &errorCategories();
const QStringList &errorSeverities();

/// A unit's review record (docs/po-store.md), as read once into its UnitRecord (po/unit_record.h).
QList<HistoryEvent> historyOf(const PoEntry &entry);
QList<ReviewComment> commentsOf(const PoEntry &entry);
QList<ReviewError> errorsOf(const PoEntry &entry);
/// The target before a reviewer's edit, if the reviewer changed it.
std::optional<QString> previousTargetOf(const PoEntry &entry);

/// Appends a history line for a change made by a tool rather than a review action:
/// "pretranslated", "updated", "imported" (docs/po-store.md); `extra` adds fields.
void recordHistory(PoEntry &entry, const QString &action, const QString &by, const QDateTime &at, const QJsonObject &extra = {});

/// The review actions. Each records who and when; each fails with a message when the
/// unit is not in a state that allows it.
Status recordTranslation(PoEntry &entry, const QString &by, const QDateTime &at);
Status approveUnit(PoEntry &entry, const QString &by, const QDateTime &at);
Status rejectUnit(PoEntry &entry, const QString &by, const QDateTime &at, const QString &reason);
Status commentUnit(PoEntry &entry, const QString &by, const QDateTime &at, const QString &text);
/// A reviewer's own correction: the translator's version is kept as the previous target.
Status reviewerEdit(PoEntry &entry, const QString &newTarget, const QString &by, const QDateTime &at);
Status annotateError(PoEntry &entry, const ReviewError &error);

/// How a conflict recorded by a merge is settled: one of the recorded versions, or new text.
enum class ConflictChoice { Ours, Theirs, Base, Text };
std::optional<ConflictChoice> conflictChoiceFromName(const QString &name); ///< "ours", "theirs", "base"

/// Settles the unit's recorded conflict (docs/teamwork.md): the chosen version (or `text`)
/// becomes the msgstr, every conflict record goes, the unit is translated (not fuzzy, never
/// approved; empty text leaves it untranslated), and a "resolved" history line says who,
/// when and which side ("kept": "ours", "theirs", "base", "text" or `how` when given, e.g.
/// "import"). Refused (CheckFailed) when the unit records no conflict.
Status resolveConflict(PoEntry &entry, ConflictChoice choice, const QString &text, const QString &by, const QDateTime &at,
                       const QString &how = {});

/// Whether the unit changed since `reviewer` last approved, rejected or commented it
/// (true when they never did).
bool changedSinceLastReview(const PoEntry &entry, const QString &reviewer);

} // namespace wb
