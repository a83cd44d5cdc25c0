#include "qa/negation_check.h"
#include "common/text_file.h"
#include "text/text_key.h"
#include "text/word_tokenizer.h"

#include <QFileInfo>

namespace wb {
namespace {

// One word a line; '#' starts a comment line. A line of several words is a phrase that
// starts with a negation word and does not negate ("sin embargo", "not only").
Result<NegationChecker::WordList> readWordList(const QString &path)
{
    auto text = readUtf8Text(path);
    if (!text)
        return text.error();
    NegationChecker::WordList list;
    for (const QString &line : text->split(QLatin1Char('\n'))) {
        const QString entry = textKey(line.simplified());
        if (entry.isEmpty() || entry.startsWith(QLatin1Char('#')))
            continue;
        if (entry.contains(QLatin1Char(' ')))
            list.notNegating.append(entry.split(QLatin1Char(' ')));
        else
            list.words.insert(entry);
    }
    return list;
}

// Whether the token at `index` opens one of the phrases that do not negate.
bool opensNonNegatingPhrase(const QList<Token> &tokens, qsizetype index, const QList<QStringList> &phrases)
{
    for (const QStringList &phrase : phrases) {
        bool all = index + phrase.size() <= tokens.size();
        for (qsizetype k = 0; all && k < phrase.size(); ++k)
            all = tokens[index + k].key == phrase[k];
        if (all)
            return true;
    }
    return false;
}

bool isContractedNegation(const QString &word)
{
    return word.endsWith(QStringLiteral("n't")) || word.endsWith(QStringLiteral("n\u2019t"));
}

} // namespace

NegationChecker::~NegationChecker() = default;

Result<std::unique_ptr<NegationChecker>> NegationChecker::load(const QString &sourceLanguage, const QString &sourceList,
                                                               const QString &targetLanguage, const QString &targetList)
{
    if (sourceList.isEmpty() || targetList.isEmpty())
        return std::unique_ptr<NegationChecker>();
    auto sourceWords = readWordList(sourceList);
    if (!sourceWords)
        return sourceWords.error();
    auto targetWords = readWordList(targetList);
    if (!targetWords)
        return targetWords.error();
    std::unique_ptr<NegationChecker> checker(new NegationChecker);
    checker->m_source = *sourceWords;
    checker->m_target = *targetWords;
    checker->m_sourceTokenizer = std::make_unique<WordTokenizer>(sourceLanguage);
    checker->m_targetTokenizer = std::make_unique<WordTokenizer>(targetLanguage);
    return checker;
}

Findings NegationChecker::check(const QString &source, const QString &target)
{
    if (target.trimmed().isEmpty())
        return {};
    const Token *negating = nullptr;
    const QList<Token> sourceTokens = m_sourceTokenizer->tokenize(source);
    for (qsizetype i = 0; i < sourceTokens.size(); ++i) {
        const Token &t = sourceTokens[i];
        if (t.kind == Token::Kind::Word && (m_source.words.contains(t.key) || isContractedNegation(t.key))
            && !opensNonNegatingPhrase(sourceTokens, i, m_source.notNegating)) {
            negating = &t;
            break;
        }
    }
    if (!negating)
        return {};
    const QList<Token> targetTokens = m_targetTokenizer->tokenize(target);
    for (qsizetype i = 0; i < targetTokens.size(); ++i)
        if (targetTokens[i].kind == Token::Kind::Word && m_target.words.contains(targetTokens[i].key)
            && !opensNonNegatingPhrase(targetTokens, i, m_target.notNegating))
            return {};
    Finding f;
    f.check = QStringLiteral("negation.missing");
    f.severity = Severity::Error;
    f.message = QStringLiteral("the source negates (\u201C%1\u201D at column %2) but the translation has no negation: "
                               "check that the meaning is not reversed")
                    .arg(negating->text)
                    .arg(negating->start + 1);
    f.sourceSpan = TextSpan{negating->start, negating->length};
    f.subject = negating->key;
    return {f};
}

} // namespace wb
