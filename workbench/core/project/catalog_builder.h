#pragma once
#include "common/result.h"
#include "model/segmented_document.h"
#include "po/po_catalog.h"
#include <QDateTime>

namespace wb {

/// A timestamp as PO headers write it: "2026-11-27 10:37+0000".
QString poTimestamp(const QDateTime &time);

/// The units of a document as a PO template: msgctxt = unit id, msgid = unit text,
/// "#:" = source file and line, "#." = block kind, then one line per placeholder.
/// `sourceName` is how "#:" names the source file (a path relative to the project).
PoCatalog templateCatalog(const SegmentedDocument &doc, const QString &sourceName, const QDateTime &now);

/// What a merge did, per unit.
struct MergeReport {
    int kept = 0;        ///< same id and text: translation and state untouched
    int added = 0;       ///< new units, untranslated
    int renamed = 0;     ///< same text under another id (a duplicate renumbered): translation carried over
    int obsoleted = 0;   ///< no longer in the source: kept as "#~" for reference
    int revived = 0;     ///< back in the source: an obsolete entry brought back
    int staleSuppressions = 0; ///< QA suppressions dropped because their unit's text changed
    bool changed() const { return added || renamed || obsoleted || revived || staleSuppressions; }
};

/// msgmerge's semantics for the workbench's catalogs: entries are matched by unit id and
/// text; extracted comments and references follow the template; translations, comments
/// and states stay; entries no longer in the template become obsolete.
PoCatalog mergeCatalog(const PoCatalog &existing, const PoCatalog &templ, MergeReport &report);

/// A complete PO header for a target language (Plural-Forms from ICU/CLDR), keeping what
/// `existing` already says (translator, revision date).
Result<QString> catalogHeader(const QString &existingHeader, const QString &documentName, const QString &language,
                              const QString &translator, const QDateTime &now);

} // namespace wb
