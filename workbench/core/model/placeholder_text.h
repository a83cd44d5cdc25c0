#pragma once
#include <QList>
#include <QPair>
#include <QString>

namespace wb {

/// A unit's text split into literal text and placeholders.
/// Syntax: "{n}" opens and "{/n}" closes paired markup, "{n/}" is a standalone code,
/// "{{" is a literal '{'. Any other '{' is literal too, so stray braces never fail.
struct TextPiece {
    enum class Kind { Text, Open, Close, Standalone };
    Kind kind = Kind::Text;
    QString text;    ///< Text only
    int number = 0;  ///< placeholders only
};

QList<TextPiece> parsePlaceholderText(const QString &text);

/// Where the placeholders are in a unit's text, as (start, length) in UTF-16 units; a
/// literal "{{" is not one. What editors show as chips and keep whole.
QList<QPair<int, int>> placeholderRanges(const QString &unitText);

/// Escapes literal text for a unit: '{' becomes "{{".
QString escapeUnitText(const QString &text);

/// The text a reader sees: placeholders dropped, "{{" as '{'.
QString plainTextOf(const QString &unitText);

/// Checks that a translation uses the source's placeholders exactly once each, with
/// pairs opened before they are closed. Empty string when fine, else what is wrong.
QString placeholderMismatch(const QString &source, const QString &translation);

/// The first placeholder of the source, in source order, that the translation does not
/// have yet, as written ("{1}", "{/1}", "{2/}"); empty when it has them all (F9 in the editor).
QString nextMissingPlaceholder(const QString &source, const QString &translation);

} // namespace wb
