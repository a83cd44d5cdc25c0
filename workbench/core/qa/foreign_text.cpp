#include "qa/foreign_text.h"
#include "text/text_key.h"

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

// Two tokens are neighbours when only spaces stand between them, or, within a clause, a
// comma, hyphen or apostrophe too: never a mark that ends a sentence.
bool adjacent(const QString &text, const Token &left, const Token &right, bool withinClause)
{
    for (int i = left.end(); i < right.start; ++i) {
        const QChar c = text[i];
        if (!c.isSpace() && !withinClause)
            return false;
        if (!c.isSpace() && c != QLatin1Char(',') && c != QLatin1Char('-') && c != QLatin1Char('\'') && c != QChar(0x2019))
            return false;
    }
    return true;
}

// Runs of accepted word tokens, neighbours by adjacent(): [first, last] index pairs.
template <typename Accept>
QList<QPair<int, int>> runs(const QString &text, const QList<Token> &tokens, bool withinClause, Accept accept)
{
    QList<QPair<int, int>> result;
    int first = -1;
    int lastWord = -1;
    for (int i = 0; i <= tokens.size(); ++i) {
        if (withinClause && first >= 0 && i < tokens.size() && tokens[i].kind == Token::Kind::Punctuation
            && QStringLiteral(",-'\u2019").contains(tokens[i].text))
            continue; // a comma or hyphen inside the clause: the run goes on after it
        const bool accepted = i < tokens.size() && tokens[i].kind == Token::Kind::Word && accept(i);
        if (accepted && (first < 0 || adjacent(text, tokens[i - 1], tokens[i], withinClause))) {
            if (first < 0)
                first = i;
            lastWord = i;
            continue;
        }
        if (first >= 0)
            result.append({first, lastWord});
        first = accepted ? i : -1;
        lastWord = i;
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
    for (auto [first, last] : runs(target, tokens, false, partOfName)) {
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
                                    const QList<TextSpan> &names, const WordKnowledge &words)
{
    Findings findings;
    QSet<QString> sourceWords;
    for (const QString &word : textKey(source).split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts))
        sourceWords.insert(word);
    // Words of a name left as it is continue a run ("said Tedros Adhanom, the director")
    // but never count as unknown words: a kept name alone is no forgotten sentence.
    QHash<int, bool> foreign; // token index -> unknown to the target language, outside names
    const auto sourceLanguageWord = [&](int i) {
        const QString &word = tokens[i].text;
        if (hasDigit(word))
            return false;
        if (anySpanContains(names, TextSpan{tokens[i].start, tokens[i].length}))
            return sourceWords.contains(tokens[i].key);
        const bool targetKnows = words.isTargetWord(word);
        // Acronyms and codes ("SARS", "CoV") travel between languages unchanged, and so do
        // names: a capital inside a sentence ("Ohio", "Hospital") is not a forgotten word.
        const bool code = std::count_if(word.cbegin(), word.cend(), [](QChar c) { return c.isUpper(); }) >= 2;
        const bool name = isCapitalized(word)
                          && ((i > 0 && tokens[i - 1].kind == Token::Kind::Word) || !words.isSourceWord(word.toLower()));
        foreign.insert(i, !targetKnows && !code && !name && word.size() >= 3);
        return sourceWords.contains(tokens[i].key) || (!targetKnows && words.isSourceWord(word));
    };
    for (const auto &[first, last] : runs(target, tokens, true, sourceLanguageWord)) {
        int length = 0; // words, not the commas and hyphens between them
        int unknown = 0;
        for (int i = first; i <= last; ++i) {
            length += tokens[i].kind == Token::Kind::Word;
            unknown += foreign.value(i);
        }
        const TextSpan span = spanOf(tokens, first, last);
        // Two words the target language does not know; or one, when the whole stretch
        // is the source's own wording ("According to Dr.": "to" is also Spanish).
        const bool copied = source.contains(target.mid(span.start, span.length), Qt::CaseInsensitive);
        if (length < 3 || unknown < (copied ? 1 : 2))
            continue;
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
