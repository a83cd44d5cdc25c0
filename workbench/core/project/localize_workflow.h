#pragma once
#include "common/result.h"
#include "model/segmented_document.h"
#include "po/po_catalog.h"
#include "po/review_marks.h"
#include "project/catalog_builder.h"
#include <QDateTime>

namespace wb {

class Project;
class SentenceSegmenter;

/// Which translations an export may use.
enum class IncludeLevel { Approved, Translated, All };
/// What an export does with a unit that has no usable translation.
enum class FallbackPolicy { Source, Error };

std::optional<IncludeLevel> includeLevelFromName(const QString &name);
std::optional<FallbackPolicy> fallbackPolicyFromName(const QString &name);

struct ExportOutcome {
    QByteArray bytes;
    int translatedUnits = 0;
    int sourceUnits = 0;       ///< units that kept their English text
    Diagnostics problems;      ///< units without a usable translation (with --fallback error) or broken placeholders
};

/// Says in YAML front matter that units kept the source language, for publishing tools
/// ("workbench-source-language-units: N", "workbench-include: approved").
QByteArray withFallbackNote(const QByteArray &markdown, int sourceUnits, IncludeLevel include);

/// Localizes a segmented document with a catalog. Units are found by id, then by text
/// (a catalog from before an edit elsewhere still applies).
/// With FallbackPolicy::Source, units that kept their source text are counted in front
/// matter (withFallbackNote); with Error, each is a problem naming its id, state and line.
ExportOutcome exportDocument(const SegmentedDocument &doc, const PoCatalog &catalog, IncludeLevel include,
                             FallbackPolicy fallback);

struct UpdateOutcome {
    QString catalogPath;
    PoCatalog catalog;         ///< the catalog as it now is on disk
    bool created = false;
    bool written = false;      ///< false when the catalog was already up to date
    MergeReport report;
    int units = 0;
};

/// Creates or refreshes locales/<language>/<document>.po from the document's units.
Result<UpdateOutcome> updateDocumentCatalog(const Project &project, const QString &document, const QString &language,
                                            SentenceSegmenter &segmenter, const QDateTime &now);
/// The same for a document already segmented.
Result<UpdateOutcome> updateDocumentCatalog(const Project &project, const SegmentedDocument &doc, const QString &language,
                                            const QDateTime &now);

} // namespace wb
