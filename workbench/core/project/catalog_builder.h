#pragma once
#include "common/result.h"
#include "model/segmented_document.h"
#include "po/po_catalog.h"
#include "project/catalog_merge.h"
#include <QDateTime>

namespace wb {

/// A timestamp as PO headers write it: "2026-11-27 10:37+0000".

/// The units of a document as a PO template: msgctxt = unit id, msgid = unit text,
/// "#:" = source file and line, "#." = block kind, then one line per placeholder.
/// `sourceName` is how "#:" names the source file (a path relative to the project).
PoCatalog templateCatalog(const SegmentedDocument &doc, const QString &sourceName, const QDateTime &now);

/// A complete PO header for a target language (Plural-Forms from ICU/CLDR), keeping what
/// `existing` already says (translator, revision date).
Result<QString> catalogHeader(const QString &existingHeader, const QString &documentName, const QString &language,
                              const QString &translator, const QDateTime &now);

} // namespace wb
