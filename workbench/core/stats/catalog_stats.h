#pragma once
#include "po/po_catalog.h"
#include "po/review_marks.h"
#include <QJsonObject>
#include <QMap>

namespace wb {

/// Units and source words per state.
struct CatalogStats {
    struct Count { int units = 0; int words = 0; };
    QMap<UnitState, Count> byState;

    void add(const CatalogStats &other);
    Count total() const;
    QJsonObject toJson() const; ///< {"units":N,"words":N,"states":{"translated":{"units":..,"words":..},...}}
    QString toText() const;     ///< a table for people
};

/// Counts the live entries of a catalog; words are counted in the source text
/// (placeholders left out), the way agencies quote.
CatalogStats catalogStats(const PoCatalog &catalog, const QString &sourceLanguage);

} // namespace wb
