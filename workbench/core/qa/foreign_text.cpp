#include "qa/foreign_text.h"

#include <QSet>

namespace wb {
namespace {

bool isCapitalized(const QString &word)
{
    return !word.isEmpty() && word.front().isUpper();
}

bool hasDigit(const QString &word)
{
    return std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isDigit(); });
}

// Words that join the parts of a name without a capital ("Society of Clinical Oncology").
bool isNameJoiner(const QString &word)
{
    static const QSet<QString> joiners = {QStringLiteral("of"), QStringLiteral("for"), QStringLiteral("and"),
                                          QStringLiteral("the"), QStringLiteral("on"), QStringLiteral("de"),
                                          QStringLiteral("del"), QStringLiteral("la"), QStringLiteral("las"),
                                          QStringLiteral("los"), QStringLiteral("y"), QStringLiteral("e")};
    return joiners.contains(word);
}

// Two tokens are neighbours when only spaces (or nothing) stand between them.
bool adjacent(const QString &text, const Token &left, const Token &right)
{
    for (int i = left.end(); i < right.start; ++i)
        if (!text[i].isSpace())
            return false;
    return true;
}

// Runs of word tokens with only spaces between them: [first, last] index pairs.
template <typename Accept>
QList<QPair<int, int>> runs(const QString &text, const QList<Token> &tokens, Accept accept)
{
    QList<QPair<int, int>> result;
    int first = -1;
    for (int i = 0; i <= tokens.size(); ++i) {
        const bool continues = i < tokens.size() && tokens[i].kind == Token::Kind::Word && accept(i)
                               && (first < 0 || adjacent(text, tokens[i - 1], tokens[i]));
        if (continues) {
            if (first < 0)
                first = i;
            continue;
        }
        if (first >= 0)
            result.append({first, i - 1});
        first = -1;
        if (i < tokens.size() && tokens[i].kind == Token::Kind::Word && accept(i))
            first = i;
    }
    return result;
}

TextSpan spanOf(const QList<Token> &tokens, int first, int last)
{
    return TextSpan{tokens[first].start, tokens[last].end() - tokens[first].start};
}

} // namespace

QList<TextSpan> foreignNameSpans(const QString &target, const QList<Token> &tokens, const WordKnowledge &words)
{
    QList<TextSpan> names;
    const auto partOfName = [&](int i) { return isCapitalized(tokens[i].text) || isNameJoiner(tokens[i].text); };
    for (auto [first, last] : runs(target, tokens, partOfName)) {
        while (first <= last && !isCapitalized(tokens[first].text))
            ++first;
        while (last >= first && !isCapitalized(tokens[last].text))
            --last;
        int capitalized = 0, unknown = 0, sourceOnly = 0;
        for (int i = first; i <= last; ++i) {
            const QString &word = tokens[i].text;
            if (!isCapitalized(word))
                continue;
            ++capitalized;
            const bool targetKnows = words.isTargetWord(word);
            unknown += !targetKnows;
            sourceOnly += !targetKnows && words.isSourceWord(word);
        }
        if (capitalized >= 2 && (sourceOnly > 0 || 2 * unknown > capitalized))
            names.append(spanOf(tokens, first, last));
    }
    return names;
}

Findings checkUntranslatedFragments(const QString &source, const QString &target, const QList<Token> &tokens,
                                    const WordKnowledge &words)
{
    Findings findings;
    QSet<QString> sourceWords;
    for (const QString &word : source.toLower().split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts))
        sourceWords.insert(word);
    const QList<TextSpan> names = foreignNameSpans(target, tokens, words);
    const auto inName = [&](const Token &t) {
        return std::any_of(names.cbegin(), names.cend(),
                           [&](const TextSpan &n) { return t.start >= n.start && t.end() <= n.start + n.length; });
    };
    QHash<int, bool> foreign; // token index -> unknown to the target language
    const auto sourceLanguageWord = [&](int i) {
        const QString &word = tokens[i].text;
        if (hasDigit(word) || inName(tokens[i]))
            return false;
        const bool targetKnows = words.isTargetWord(word);
        foreign.insert(i, !targetKnows);
        return sourceWords.contains(word.toLower()) || (!targetKnows && words.isSourceWord(word));
    };
    for (const auto &[first, last] : runs(target, tokens, sourceLanguageWord)) {
        const int length = last - first + 1;
        int unknown = 0;
        for (int i = first; i <= last; ++i)
            unknown += foreign.value(i);
        if (length < 3 || unknown < 2)
            continue;
        const TextSpan span = spanOf(tokens, first, last);
        Finding f;
        f.check = QStringLiteral("untranslated.fragment");
        f.severity = Severity::Error;
        f.message = QStringLiteral("\u201C%1\u201D is left in the source language").arg(target.mid(span.start, span.length));
        f.targetSpan = span;
        f.subject = target.mid(span.start, span.length);
        findings.append(f);
    }
    return findings;
}

} // namespace wb
