#pragma once
#include "po/po_catalog.h"
#include "review/review_record.h"
#include "stats/catalog_stats.h"
#include <QMap>

namespace wb {

/// The review report a project manager forwards: MQM-style score per 1,000 reviewed source
/// words with pass or fail, errors by category and severity, a chart of unit states,
/// and the rejected units with their reasons.
struct ReviewReport {
    QString title;
    QString language;
    CatalogStats stats;
    QMap<QString, QMap<QString, int>> errors; ///< category -> severity -> count
    int penaltyPoints = 0;                    ///< minor 1, major 5, critical 25
    /// Source words of the units a reviewer judged: approved, rejected, or with an annotated
    /// error. The score divides by these, not by the whole document: a reviewer who checked
    /// 20 words and found a minor error scored 50, not 0.19.
    int reviewedWords = 0;
    int reviewedUnits = 0;
    double threshold = 10.0;                  ///< the project's pass threshold, points per 1,000 words
    struct Rejected { QString file; QString unit; QString source; QString target; QString reason; QString by; };
    QList<Rejected> rejected;

    double scorePer1000Words() const;
    bool passed() const { return scorePer1000Words() <= threshold; }
    /// Whether a reviewer judged any unit: without one the score means nothing and the
    /// report says "not reviewed yet" instead of PASS.
    bool reviewed() const { return reviewedUnits > 0; }
    QString verdict() const { return !reviewed() ? QStringLiteral("NOT REVIEWED YET") : passed() ? QStringLiteral("PASS") : QStringLiteral("FAIL"); }
    QByteArray statesSvg() const;                            ///< a bar chart of units per state
    QString toMarkdown(const QString &chartFileName) const;  ///< the chart as a separate SVG file
    QString toHtml() const;                                  ///< one file, chart inline
};

/// Builds the report over catalogs (file name and catalog) of one language.
ReviewReport buildReviewReport(const QList<QPair<QString, PoCatalog>> &catalogs, const QString &sourceLanguage,
                               const QString &language, double threshold);

} // namespace wb
