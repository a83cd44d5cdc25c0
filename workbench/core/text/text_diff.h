#pragma once
#include <QList>
#include <QString>
#include <functional>

namespace wb {

/// A word-level difference between two texts, as a reader wants to see it.
struct DiffPiece {
    enum class Kind { Same, Removed, Added };
    Kind kind;
    QString text;
};

/// Longest-common-subsequence diff over words (spaces kept with the word before them).
QList<DiffPiece> wordDiff(const QString &before, const QString &after);
/// The diff as HTML: removed words struck through in red, added ones underlined in green.
/// `pieceHtml` renders a piece's text (the editor draws placeholders as chips); by default
/// the text is escaped.
QString diffHtml(const QList<DiffPiece> &diff, const std::function<QString(const QString &)> &pieceHtml = {});

} // namespace wb
