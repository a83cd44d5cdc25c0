#include "qa/negation_check.h"
#include "common/text_file.h"
#include "project/language_resources.h"
#include "text/word_tokenizer.h"

#include <QFileInfo>

namespace wb {
namespace {

// One word a line; '#' starts a comment line.
Result<QSet<QString>> readWordList(const QString &path)
{
    auto bytes = readUtf8File(path);
    if (!bytes)
        return bytes.error();
    QSet<QString> words;
    for (const QString &line : QString::fromUtf8(*bytes).split(QLatin1Char('\n'))) {
        const QString word = line.trimmed();
        if (!word.isEmpty() && !word.startsWith(QLatin1Char('#')))
            words.insert(word.toLower());
    }
    return words;
}

bool isContractedNegation(const QString &word)
{
    return word.endsWith(QStringLiteral("n't")) || word.endsWith(QStringLiteral("n\u2019t"));
}

} // namespace

NegationChecker::~NegationChecker() = default;

Result<std::unique_ptr<NegationChecker>> NegationChecker::load(const QString &projectRoot, const QString &sourceLanguage,
                                                               const QString &targetLanguage, ResourceUses *used)
{
    // The project's own list, else the one the workbench ships for that language.
    const auto listOf = [&](const QString &language, bool *builtIn) {
        return projectOrBuiltInFiles(projectRoot, QStringLiteral("locales/") + language, QStringLiteral("negation-words.txt"), builtIn)
            .value(0);
    };
    bool sourceBuiltIn = false;
    bool targetBuiltIn = false;
    const QString sourceList = listOf(sourceLanguage, &sourceBuiltIn);
    const QString targetList = listOf(targetLanguage, &targetBuiltIn);
    if (sourceList.isEmpty() || targetList.isEmpty())
        return std::unique_ptr<NegationChecker>();
    auto sourceWords = readWordList(sourceList);
    if (!sourceWords)
        return sourceWords.error();
    auto targetWords = readWordList(targetList);
    if (!targetWords)
        return targetWords.error();
    if (used)
        for (const auto &[path, builtIn] : {std::pair{sourceList, sourceBuiltIn}, std::pair{targetList, targetBuiltIn}})
            used->append({QStringLiteral("negation-words"), resourceDisplayPath(path),
                          builtIn ? QStringLiteral("built-in") : QStringLiteral("project")});
    std::unique_ptr<NegationChecker> checker(new NegationChecker);
    checker->m_sourceWords = *sourceWords;
    checker->m_targetWords = *targetWords;
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
    for (const Token &t : sourceTokens) {
        const QString word = t.text.toLower();
        if (t.kind == Token::Kind::Word && (m_sourceWords.contains(word) || isContractedNegation(word))) {
            negating = &t;
            break;
        }
    }
    if (!negating)
        return {};
    for (const Token &t : m_targetTokenizer->tokenize(target))
        if (t.kind == Token::Kind::Word && m_targetWords.contains(t.text.toLower()))
            return {};
    Finding f;
    f.check = QStringLiteral("negation.missing");
    f.severity = Severity::Error;
    f.message = QStringLiteral("the source negates (\u201C%1\u201D at column %2) but the translation has no negation: "
                               "check that the meaning is not reversed")
                    .arg(negating->text)
                    .arg(negating->start + 1);
    f.sourceSpan = TextSpan{negating->start, negating->length};
    f.subject = negating->text.toLower();
    return {f};
}

} // namespace wb
