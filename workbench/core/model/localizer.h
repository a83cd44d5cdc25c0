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
QByteArray localizeDocument(const SegmentedDocument &doc, const TranslationLookup &lookup, Diagnostics &problems);

} // namespace wb
