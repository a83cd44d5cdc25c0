#include "text/text_diff.h"

#include <QRegularExpression>
#include <vector>

namespace wb {
namespace {
QStringList words(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("\\S+\\s*"));
    QStringList out;
    for (auto it = word.globalMatch(text); it.hasNext();)
        out.append(it.next().captured());
    return out;
}
} // namespace

QList<DiffPiece> wordDiff(const QString &before, const QString &after)
{
    const QStringList a = words(before), b = words(after);
    const qsizetype n = a.size(), m = b.size();
    // Words compare without the spaces they carry; trimmed once, not once per table cell.
    QStringList keyA, keyB;
    for (const QString &w : a)
        keyA.append(w.trimmed());
    for (const QString &w : b)
        keyB.append(w.trimmed());
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] = keyA[i] == keyB[j] ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                                            : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
    QList<DiffPiece> diff;
    auto add = [&](DiffPiece::Kind kind, const QString &text) {
        if (!diff.isEmpty() && diff.last().kind == kind)
            diff.last().text += text;
        else
            diff.append(DiffPiece{kind, text});
    };
    qsizetype i = 0, j = 0;
    while (i < n && j < m) {
        if (keyA[i] == keyB[j]) {
            add(DiffPiece::Kind::Same, b[j]);
            ++i, ++j;
        } else if (lcs[size_t(i + 1)][size_t(j)] >= lcs[size_t(i)][size_t(j + 1)]) {
            add(DiffPiece::Kind::Removed, a[i++]);
        } else {
            add(DiffPiece::Kind::Added, b[j++]);
        }
    }
    while (i < n)
        add(DiffPiece::Kind::Removed, a[i++]);
    while (j < m)
        add(DiffPiece::Kind::Added, b[j++]);
    return diff;
}

QString diffHtml(const QList<DiffPiece> &diff, const std::function<QString(const QString &)> &pieceHtml)
{
    QString html;
    for (const DiffPiece &p : diff) {
        const QString text = pieceHtml ? pieceHtml(p.text) : p.text.toHtmlEscaped();
        switch (p.kind) {
        case DiffPiece::Kind::Same: html += text; break;
        case DiffPiece::Kind::Removed: html += QStringLiteral("<s style=\"color:#c62828\">%1</s>").arg(text); break;
        case DiffPiece::Kind::Added: html += QStringLiteral("<u style=\"color:#2e7d32\">%1</u>").arg(text); break;
        }
    }
    return html;
}

} // namespace wb
