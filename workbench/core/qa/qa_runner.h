#pragma once
#include "po/po_catalog.h"
#include "qa/finding.h"
#include <functional>

namespace wb {

/// A check over one translated unit.
using UnitCheck = std::function<Findings(const PoEntry &entry)>;

/// What a QA run found in a catalog.
struct QaReport {
    struct Located { Finding finding; QString file; int line = 0; QString target; };
    QList<Located> findings;
    int suppressed = 0;
    int unitsChecked = 0;
    bool hasErrors() const;
    QJsonObject toJson() const;   ///< {"findings": [...], "summary": {...}, "units_checked": N, "suppressed": N}
};

struct RunOptions {
    Severity minimum = Severity::Warning;
    bool includeDrafts = false; ///< check fuzzy entries too
};

/// Runs the checks over every live, translated entry of a catalog; fills in each
/// finding's unit, msgid, file and line; leaves out findings a person suppressed.
/// An empty target is reported as untranslated.empty (info). `catalogPath` names the file.
void runChecks(const PoCatalog &catalog, const QString &catalogPath, const UnitCheck &check, const RunOptions &options,
               QaReport &report);

} // namespace wb
