#pragma once
#include "common/diagnostic.h"
#include "model/segmented_document.h"
#include <QByteArray>
#include <functional>
#include <optional>

namespace wb {

/// The translation to use for a unit, or nullopt to keep the source text.
using TranslationLookup = std::function<std::optional<QString>(const SourceUnit &)>;

/// Puts a document back together: original bytes everywhere, each unit replaced by its
/// translation (escaped for Markdown, placeholders replaced by the source's markup).
/// A unit whose translation is identical to its source reproduces the source's exact
/// bytes, so translating nothing yields a byte-identical file.
/// A translation whose placeholders do not match the source is not used: the source
/// text is kept and a diagnostic names the unit.
///
/// Whatever a translation holds, the document's structure is kept (docs/segmentation.md): a
/// translation that cannot be written without changing it keeps the source text and is
/// reported in `problems`.
///
/// `refused`, when given, lists every unit whose translation was looked up but not used, so
/// that callers count it as left in the source language.
struct RefusedTranslation {
    enum class Reason { Empty, Placeholders, Structure };
    qsizetype unit = -1; ///< index into doc.units
    Reason reason = Reason::Structure;
    QString why;         ///< Structure: what writing it would have changed, "paragraph: emphasis lost"
};
QByteArray localizeDocument(const SegmentedDocument &doc, const TranslationLookup &lookup, Diagnostics &problems,
                            QList<RefusedTranslation> *refused = nullptr);

} // namespace wb
