#pragma once
#include "common/diagnostic.h"
#include "model/segmented_document.h"
#include <QByteArray>
#include <QString>

namespace wb {

/// Pseudo-translation of a unit: every ASCII letter replaced by an accented look-alike,
/// about a third longer (translations into Spanish run 15-30% longer) and bracketed with
/// ⟦ ⟧ so truncation shows. Placeholders are kept; around them go what real translations
/// bring: spaces at the edges of every text, "!" before markup, and Markdown's special
/// characters.
QString pseudoTranslate(const QString &unitText);

/// Checks a pseudo-localized export against its source: cmark's full tree (blocks, emphasis,
/// links and their destinations, images, code, HTML, hard breaks; not the text) must be the
/// same, naming the units of the first block that differs and what changed; and no letter
/// may stand outside ⟦ ⟧ (text the workbench failed to offer for translation).
Diagnostics checkPseudoOutput(const SegmentedDocument &doc, const QByteArray &output, const QString &outputPath);

} // namespace wb
