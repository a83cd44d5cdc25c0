#pragma once
#include "po/po_catalog.h"
#include "po/unit_record.h"
#include "qa/finding.h"
#include <QDateTime>

namespace wb {

/// A finding a person decided to accept for one unit (struct Suppression, po/unit_record.h).
/// Stored in the PO as "# wb:qa-ignore {...}" with a fingerprint of the unit's source and target:
/// when either changes, the suppression no longer applies and is dropped on the next write.

/// Suppressions still valid for the entry as it is now.
QList<Suppression> suppressionsOf(const PoEntry &entry);
void addSuppression(PoEntry &entry, const Suppression &suppression);
/// Removes suppressions whose fingerprint no longer matches; true when any was removed.
bool pruneStaleSuppressions(PoEntry &entry);
bool isSuppressed(const Finding &finding, const QList<Suppression> &suppressions);

} // namespace wb
