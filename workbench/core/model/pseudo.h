#pragma once
#include "common/diagnostic.h"
#include <QByteArray>
#include <QString>

namespace wb {

class MarkdownSource;

/// Pseudo-translation of a unit: every ASCII letter replaced by an accented look-alike,
/// about a third longer (translations into Spanish run 15-30% longer) and bracketed
/// with ⟦ ⟧ so truncation shows. Placeholders are kept as they are.
QString pseudoTranslate(const QString &unitText);

/// Checks a pseudo-localized export against its source: cmark's block tree must be the
/// same (markup survived), and no text node may still hold an ASCII letter (text the
/// workbench failed to offer for translation). Each problem names the output line.
Diagnostics checkPseudoOutput(const MarkdownSource &source, const QByteArray &output, const QString &outputPath);

} // namespace wb
