#pragma once
#include "common/result.h"
#include "model/segmented_document.h"
#include "po/po_catalog.h"
#include "po/review_marks.h"
#include "project/catalog_builder.h"
#include <QDateTime>

namespace wb {

class ProjectContext;
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

/// What the published page's front matter says beyond what the catalog knows.
struct PublishingContext {
    QString language;
    QString sourcePath;            ///< the source document as the project names it
    double reviewThreshold = 10.0; ///< pass mark for the review score
    bool frontMatter = true;       ///< false: only the localized bytes (previews, byte-exact checks)
};

/// Localizes a segmented document with a catalog. Units are found by id, then by text
/// (a catalog from before an edit elsewhere still applies).
/// With FallbackPolicy::Source, units without a usable translation keep their source text;
/// with Error, each is a problem naming its id, state and line. The page starts with
/// front matter (project/front_matter.h): title, language, source and its SHA-1, status,
/// unit counts and the review score when a reviewer annotated errors.
ExportOutcome exportDocument(const SegmentedDocument &doc, const PoCatalog &catalog, IncludeLevel include,
                             FallbackPolicy fallback, const PublishingContext &publishing);

struct UpdateOutcome {
    QString catalogPath;
    PoCatalog catalog;         ///< the catalog as it now is on disk
    bool created = false;
    bool written = false;      ///< false when the catalog was already up to date
    MergeReport report;
    int units = 0;
};

/// Creates or refreshes the target language's catalog of a document from its units; the
/// project's user is on record for the drafts it makes (and as Last-Translator of a new catalog).
Result<UpdateOutcome> updateDocumentCatalog(const ProjectContext &project, const QString &document,
                                            SentenceSegmenter &segmenter, const QDateTime &now);
/// The same for a document already segmented.
Result<UpdateOutcome> updateDocumentCatalog(const ProjectContext &project, const SegmentedDocument &doc, const QDateTime &now);

} // namespace wb
