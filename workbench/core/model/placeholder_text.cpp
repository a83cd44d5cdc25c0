#include "model/placeholder_text.h"

#include <QMap>
#include <QRegularExpression>

namespace wb {

QList<TextPiece> parsePlaceholderText(const QString &text)
{
    QList<TextPiece> pieces;
    QString pending;
    auto flush = [&] {
        if (!pending.isEmpty())
            pieces.append(TextPiece{TextPiece::Kind::Text, pending, 0});
        pending.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != QLatin1Char('{')) {
            // Plain text up to the next brace in one piece, not a character at a time.
            qsizetype brace = text.indexOf(QLatin1Char('{'), i);
            if (brace < 0)
                brace = text.size();
            pending += QStringView(text).mid(i, brace - i);
            i = brace - 1;
            continue;
        }
        if (i + 1 < text.size() && text[i + 1] == QLatin1Char('{')) {
            pending += QLatin1Char('{');
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        const bool closing = j < text.size() && text[j] == QLatin1Char('/');
        if (closing)
            ++j;
        const qsizetype digitsStart = j;
        while (j < text.size() && text[j].isDigit() && text[j].unicode() < 128)
            ++j;
        const bool hasDigits = j > digitsStart && j - digitsStart <= 4;
        const bool standalone = !closing && j + 1 < text.size() && text[j] == QLatin1Char('/') && text[j + 1] == QLatin1Char('}');
        const bool simple = j < text.size() && text[j] == QLatin1Char('}');
        if (!hasDigits || !(standalone || simple)) {
            pending += text[i];
            continue;
        }
        flush();
        TextPiece piece;
        piece.number = text.mid(digitsStart, j - digitsStart).toInt();
        piece.kind = closing ? TextPiece::Kind::Close : standalone ? TextPiece::Kind::Standalone : TextPiece::Kind::Open;
        pieces.append(piece);
        i = standalone ? j + 1 : j;
    }
    flush();
    return pieces;
}

QList<QPair<int, int>> placeholderRanges(const QString &unitText)
{
    // "{{" is matched first, so "{{1}" is a literal brace before "1}", as the parser reads it.
    static const QRegularExpression placeholder(QStringLiteral(R"(\{\{|\{/?\d{1,4}\}|\{\d{1,4}/\})"));
    QList<QPair<int, int>> ranges;
    for (auto it = placeholder.globalMatch(unitText); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedView() != u"{{")
            ranges.append({int(m.capturedStart()), int(m.capturedLength())});
    }
    return ranges;
}

QString escapeUnitText(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('{'), QStringLiteral("{{"));
    return escaped;
}

QString plainTextOf(const QString &unitText)
{
    QString plain;
    for (const TextPiece &piece : parsePlaceholderText(unitText))
        if (piece.kind == TextPiece::Kind::Text)
            plain += piece.text;
    return plain;
}

QString placeholderMismatch(const QString &source, const QString &translation)
{
    // Counts per placeholder form: +1 for the source, -1 for the translation.
    QMap<QString, int> balance;
    auto formOf = [](const TextPiece &p) {
        switch (p.kind) {
        case TextPiece::Kind::Open: return QStringLiteral("{%1}").arg(p.number);
        case TextPiece::Kind::Close: return QStringLiteral("{/%1}").arg(p.number);
        default: return QStringLiteral("{%1/}").arg(p.number);
        }
    };
    for (const TextPiece &p : parsePlaceholderText(source))
        if (p.kind != TextPiece::Kind::Text)
            ++balance[formOf(p)];
    QList<int> open; // paired placeholders must nest: {1}{2}..{/2}{/1}
    for (const TextPiece &p : parsePlaceholderText(translation)) {
        if (p.kind == TextPiece::Kind::Text)
            continue;
        --balance[formOf(p)];
        if (p.kind == TextPiece::Kind::Open) {
            open.append(p.number);
        } else if (p.kind == TextPiece::Kind::Close) {
            if (!open.contains(p.number))
                return QStringLiteral("%1 comes before {%2}").arg(formOf(p)).arg(p.number);
            if (open.last() != p.number)
                return QStringLiteral("%1 closes before {/%2}: placeholders must nest").arg(formOf(p)).arg(open.last());
            open.removeLast();
        }
    }
    QStringList missing, extra;
    for (auto it = balance.cbegin(); it != balance.cend(); ++it) {
        if (it.value() > 0)
            missing.append(it.key());
        else if (it.value() < 0)
            extra.append(it.key());
    }
    QStringList problems;
    if (!missing.isEmpty())
        problems.append(QStringLiteral("missing %1").arg(missing.join(QLatin1Char(' '))));
    if (!extra.isEmpty())
        problems.append(QStringLiteral("unexpected or repeated %1").arg(extra.join(QLatin1Char(' '))));
    return problems.join(QStringLiteral("; "));
}

QString nextMissingPlaceholder(const QString &source, const QString &translation)
{
    auto spelled = [](const TextPiece &p) {
        switch (p.kind) {
        case TextPiece::Kind::Open: return QStringLiteral("{%1}").arg(p.number);
        case TextPiece::Kind::Close: return QStringLiteral("{/%1}").arg(p.number);
        case TextPiece::Kind::Standalone: return QStringLiteral("{%1/}").arg(p.number);
        case TextPiece::Kind::Text: break;
        }
        return QString();
    };
    QStringList present;
    for (const TextPiece &p : parsePlaceholderText(translation))
        if (p.kind != TextPiece::Kind::Text)
            present.append(spelled(p));
    for (const TextPiece &p : parsePlaceholderText(source))
        if (p.kind != TextPiece::Kind::Text && !present.removeOne(spelled(p)))
            return spelled(p);
    return {};
}

} // namespace wb
