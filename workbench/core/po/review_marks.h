#pragma once
#include "po/po_catalog.h"
#include <QDateTime>
#include <QString>

namespace wb {

/// Where a unit stands in the workflow (docs/po-store.md).
enum class UnitState { Untranslated, Draft, Translated, Approved, Rejected };
/// Every state, in workflow order (reports, statistics and filters list them so).
inline constexpr UnitState kUnitStates[] = {UnitState::Untranslated, UnitState::Draft, UnitState::Translated,
                                            UnitState::Approved, UnitState::Rejected};

QString stateName(UnitState state);       ///< "untranslated", "draft", ...
std::optional<UnitState> stateFromName(const QString &name);

/// The review state PO has no keyword for is kept in structured translator comments,
/// one JSON object per line: "# wb:state {"state":"approved","by":...,"at":...,"target":...}".
/// gettext's tools (msgmerge, msgcat) and PO editors keep translator comments as they are.
/// "target" fingerprints the approved msgstr: a target edited in any tool, including
/// ones that know nothing of these comments, is no longer approved.
UnitState stateOf(const PoEntry &entry);

/// Sets the review state mark (approved or rejected) or clears it (other states).
/// Rejected units are also marked fuzzy, so gettext's tools never ship them.
void setReviewState(PoEntry &entry, UnitState state, const QString &by, const QDateTime &at, const QString &reason = {});

/// Fingerprint of a target, as stored in "target".
QString targetFingerprint(const QString &msgstr);

} // namespace wb
