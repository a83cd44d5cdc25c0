#include "tm/tm_text_analysis.h"
#include "model/placeholder_text.h"
#include "text/word_tokenizer.h"
#include "tm/tm_index_layout.h"

#include <QSet>
#include <algorithm>

namespace wb {
namespace {

const QSet<QString> &negations()
{
    static const QSet<QString> words = {QStringLiteral("not"), QStringLiteral("no"), QStringLiteral("never"), QStringLiteral("without"),
                                        QStringLiteral("none"), QStringLiteral("nor"), QStringLiteral("neither"), QStringLiteral("cannot"),
                                        QStringLiteral("nunca"), QStringLiteral("sin"), QStringLiteral("ni"), QStringLiteral("jamás"),
                                        QStringLiteral("tampoco"), QStringLiteral("ningún"), QStringLiteral("ninguna"), QStringLiteral("ninguno"),
                                        QStringLiteral("n't")};
    return words;
}

quint32 hashOf(const QStringList &items)
{
    const quint64 hash = tmindex::stableHash(items.join(QChar(0x1F)).toUtf8());
    return quint32(hash ^ (hash >> 32));
}

} // namespace

TmTextAnalysis analyseForMemory(WordTokenizer &tokenizer, const QString &text)
{
    TmTextAnalysis a;
    QStringList numbers, negated, surface;
    for (const Token &t : tokenizer.tokenize(text)) {
        surface.append(t.text);
        if (t.kind == Token::Kind::Punctuation)
            continue;
        a.keys.append(t.key);
        if (t.kind == Token::Kind::Number)
            numbers.append(t.key);
        if (negations().contains(t.key))
            negated.append(t.key);
    }
    // Placeholders are part of how the text is written, not of its words.
    for (const TextPiece &p : parsePlaceholderText(text))
        if (p.kind != TextPiece::Kind::Text)
            surface.append(QStringLiteral("{%1%2}").arg(int(p.kind)).arg(p.number));
    std::sort(numbers.begin(), numbers.end());
    std::sort(negated.begin(), negated.end());
    a.numbersHash = hashOf(numbers);
    a.negationsHash = hashOf(negated);
    a.surfaceHash = hashOf(surface);
    return a;
}

} // namespace wb
