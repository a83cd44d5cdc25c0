#pragma once
#include "po/po_catalog.h"
#include "qa/finding.h"
#include <QHash>

namespace wb {

/// Consistency across every catalog of a language in the project:
///   consistency.source (warning): the same source is translated differently elsewhere
///   consistency.target (warning): the same translation stands for a different source
/// Sources and targets are compared with whitespace collapsed; sources that differ only
/// in case or final punctuation count as the same.
class ConsistencyIndex {
public:
    void add(const PoCatalog &catalog);
    Findings check(const PoEntry &entry) const;

private:
    struct Use { QString unit; QString source; QString target; };
    QHash<QString, QList<Use>> m_bySource;
    QHash<QString, QList<Use>> m_byTarget;
};

} // namespace wb
