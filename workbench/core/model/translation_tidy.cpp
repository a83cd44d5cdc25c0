#include "model/translation_tidy.h"

#include <unicode/uchar.h>

namespace wb {
namespace {

// What CommonMark calls punctuation when it decides whether "*" can open or close emphasis.
bool isMarkdownPunctuation(QChar c)
{
    if (c.unicode() < 128)
        return c.isPrint() && !c.isLetterOrNumber() && c != QLatin1Char(' ');
    return u_ispunct(c.unicode());
}

bool isSpace(QChar c) { return c.isSpace(); }

// Text pieces alternating with placeholders: T P T P ... T.
QList<TextPiece> alternate(const QList<TextPiece> &pieces)
{
    QList<TextPiece> out{TextPiece{}};
    for (const TextPiece &piece : pieces) {
        if (piece.kind == TextPiece::Kind::Text) {
            out.last().text += piece.text;
        } else {
            out.append(piece);
            out.append(TextPiece{});
        }
    }
    return out;
}

qsizetype leadingRun(const QString &text, bool movePunctuation)
{
    qsizetype n = 0;
    while (n < text.size() && (isSpace(text[n]) || (movePunctuation && isMarkdownPunctuation(text[n]))))
        ++n;
    return n;
}

qsizetype trailingRun(const QString &text, bool movePunctuation)
{
    qsizetype n = 0;
    while (n < text.size() && (isSpace(text[text.size() - 1 - n]) || (movePunctuation && isMarkdownPunctuation(text[text.size() - 1 - n]))))
        ++n;
    return n;
}

// Whitespace moved out of markup next to whitespace already there is dropped: "a {1} b{/1}"
// reads "a *b*", not "a  *b*".
QString withoutDoubleSpace(const QString &receiver, const QString &moved, bool appending)
{
    const bool receiverHasSpace = appending ? (receiver.isEmpty() ? false : isSpace(receiver.back()))
                                            : (receiver.isEmpty() ? false : isSpace(receiver.front()));
    if (!receiverHasSpace)
        return moved;
    QString kept = moved;
    kept.removeIf(isSpace);
    return kept;
}

bool hasVisibleText(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return !isSpace(c) && !isMarkdownPunctuation(c); });
}

} // namespace

QList<TextPiece> tidyTranslation(const QString &translation, const std::function<bool(int number)> &isEmphasis,
                                 bool movePunctuation)
{
    QList<TextPiece> pieces = alternate(parsePlaceholderText(translation));
    for (TextPiece &piece : pieces) {
        piece.text.replace(QLatin1String("\r\n"), QLatin1String(" "));
        piece.text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        piece.text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    }
    // Move edge runs outward until nothing moves: "{1}{2} a{/2}{/1}" needs two steps.
    for (bool moved = true; moved;) {
        moved = false;
        for (qsizetype i = 1; i + 1 < pieces.size(); i += 2) {
            const TextPiece &mark = pieces[i];
            const bool punctuation = movePunctuation && isEmphasis(mark.number);
            if (mark.kind == TextPiece::Kind::Open) {
                QString &inside = pieces[i + 1].text;
                qsizetype n = leadingRun(inside, punctuation);
                if (punctuation && n > 0 && !hasVisibleText(inside.mid(n)))
                    n = leadingRun(inside, false); // never empty the emphasis
                if (n > 0) {
                    pieces[i - 1].text += withoutDoubleSpace(pieces[i - 1].text, inside.left(n), true);
                    inside.remove(0, n);
                    moved = true;
                }
            } else if (mark.kind == TextPiece::Kind::Close) {
                QString &inside = pieces[i - 1].text;
                qsizetype n = trailingRun(inside, punctuation);
                if (punctuation && n > 0 && !hasVisibleText(inside.left(inside.size() - n)))
                    n = trailingRun(inside, false);
                if (n > 0) {
                    pieces[i + 1].text.prepend(withoutDoubleSpace(pieces[i + 1].text, inside.right(n), false));
                    inside.chop(n);
                    moved = true;
                }
            }
        }
    }
    QString &first = pieces.first().text;
    first.remove(0, leadingRun(first, false));
    QString &last = pieces.last().text;
    last.chop(trailingRun(last, false));
    return pieces;
}

} // namespace wb
