#pragma once
#include "model/placeholder_text.h"
#include <QList>
#include <functional>

namespace wb {

/// A translation's pieces made safe to splice into Markdown without changing its structure:
/// line breaks read as spaces, no whitespace at the unit's edges (the source's stays outside
/// the unit), none just inside paired markup ("*foo *" is not emphasis), and, when
/// `movePunctuation` is set, punctuation at the inner edges of emphasis moved outside it
/// (inside a word, "a*"b"*c" cannot be emphasis). Text pieces alternate with placeholders,
/// starting and ending with text (possibly empty).
QList<TextPiece> tidyTranslation(const QString &translation, const std::function<bool(int number)> &isEmphasis,
                                 bool movePunctuation);

} // namespace wb
