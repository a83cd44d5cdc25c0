#include "qa/check_suite.h"
#include "qa/foreign_text.h"
#include "qa/negation_check.h"
#include "qa/publishing_check.h"
#include "glossary/termbase.h"
#include "qa/number_check.h"
#include "qa/terminology_check.h"
#include "qa/text_checks.h"
#include "spell/hunspell_dictionary.h"
#include "spell/spell_checker.h"
#include "text/word_tokenizer.h"

#include <QRegularExpression>

namespace wb {

CheckSuite::~CheckSuite() = default;

void CheckSuite::addConcept(const Concept &added)
{
    auto termbase = std::make_shared<Termbase>(*m_termbase);
    termbase->merge(Termbase{{}, {}, {added}});
    m_termbase = termbase;
    m_terminology = std::make_unique<TerminologyChecker>(termbase, m_sourceLanguage, m_targetLanguage, m_sourceDictionary,
                                                         m_targetDictionary);
    for (const Term &t : added.termsIn(m_targetLanguage))
        for (const Token &token : m_targetTokenizer->tokenize(t.text))
            m_spelling->dictionary().addWord(token.text);
}

Result<std::shared_ptr<CheckSuite>> CheckSuite::create(const CheckResources &resources, const Options &options)
{
    const QString &sourceLanguage = resources.sourceLanguage;
    const QString &targetLanguage = resources.targetLanguage;
    const auto &termbase = resources.termbase;
    const auto &sourceDictionary = resources.sourceDictionary;
    const auto &targetDictionary = resources.targetDictionary;
    std::shared_ptr<CheckSuite> suite(new CheckSuite);
    suite->m_sourceLanguage = sourceLanguage;
    suite->m_targetLanguage = targetLanguage;
    suite->m_options = options;
    suite->m_sourceDictionary = sourceDictionary;
    suite->m_targetDictionary = targetDictionary;
    suite->m_termbase = termbase;
    // Words of target-language terms are never misspelled.
    QSet<QString> glossaryWords;
    WordTokenizer tokenizer(targetLanguage);
    for (const Concept &c : termbase->concepts)
        for (const Term &t : c.termsIn(targetLanguage))
            for (const Token &token : tokenizer.tokenize(t.text))
                glossaryWords.insert(token.key);
    suite->m_terminology = std::make_unique<TerminologyChecker>(termbase, sourceLanguage, targetLanguage,
                                                                sourceDictionary, targetDictionary);
    suite->m_spelling = std::make_unique<SpellChecker>(targetDictionary, targetLanguage, glossaryWords);
    suite->m_sourceSpelling = std::make_unique<SpellChecker>(sourceDictionary, sourceLanguage);
    suite->m_targetTokenizer = std::make_unique<WordTokenizer>(targetLanguage);
    suite->m_numbers = std::make_unique<NumberChecker>(sourceLanguage, targetLanguage, resources.sourceNumberWords,
                                                       resources.targetNumberWords);
    if (auto error = suite->m_numbers->wordListError())
        return *error;
    auto negation = NegationChecker::load(sourceLanguage, resources.sourceNegationWords, targetLanguage,
                                          resources.targetNegationWords);
    if (!negation)
        return negation.error();
    suite->m_negation = std::move(*negation);
    suite->m_resources = resources.used;
    return suite;
}

Findings CheckSuite::spellingFindings(const QString &source, const QString &target, const QList<TextSpan> &notChecked)
{
    Findings findings;
    for (const Misspelling &m : m_spelling->check(target)) {
        // A word with a capital carried over from the source as it is: a name, a brand
        // or a code ("Adriamycin", "mTOR"), which no dictionary has to know.
        const bool hasCapital = std::any_of(m.word.cbegin(), m.word.cend(), [](QChar c) { return c.isUpper(); });
        if (hasCapital && QRegularExpression(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(m.word)),
                                             QRegularExpression::UseUnicodePropertiesOption).match(source).hasMatch())
            continue;
        if (anySpanContains(notChecked, m.span))
            continue; // a foreign name, or an untranslated stretch reported as such
        Finding f;
        // A slip away from a known word is a typo a reviewer fixes ("cabea", "medico"). A
        // word far from every known one is more often a term the dictionaries lack
        // ("nucleocápside"): worth a look, and `spell add` once it is confirmed.
        const QString near = m_spelling->likelyTypoOf(m.word);
        f.check = QStringLiteral("spelling");
        f.severity = near.isEmpty() ? Severity::Warning : Severity::Error;
        f.message = near.isEmpty()
            ? QStringLiteral("\u201C%1\u201D is not in the dictionary, and it is no slip away from a known word").arg(m.word)
            : QStringLiteral("\u201C%1\u201D is not in the dictionary; \u201C%2\u201D is").arg(m.word, near);
        if (m_options.suggestions) {
            const QStringList suggestions = m_spelling->suggestions(m.word).mid(0, 3);
            if (!suggestions.isEmpty())
                f.message += QStringLiteral("; did you mean %1?").arg(suggestions.join(QStringLiteral(", ")));
        }
        f.targetSpan = m.span;
        f.subject = m.word;
        findings.append(f);
    }
    return findings;
}

Findings CheckSuite::checkUnit(const PoEntry &entry)
{
    const QString &source = entry.msgid;
    const QString &target = entry.msgstr;
    Findings all;
    all += checkUntranslated(source, target, [this](const QString &text) { return m_spelling->check(text).isEmpty(); });
    if (!all.isEmpty())
        return all; // an untranslated copy makes every other finding noise
    const QList<Token> tokens = m_targetTokenizer->tokenize(target);
    const WordKnowledge words{[this](const QString &w) { return m_spelling->isCorrect(w); },
                              [this](const QString &w) { return m_sourceSpelling->isCorrect(w); }};
    QList<TextSpan> notSpellChecked = foreignNameSpans(target, tokens, words);
    const Findings fragments = checkUntranslatedFragments(source, target, tokens, notSpellChecked, words);
    for (const Finding &f : fragments)
        notSpellChecked.append(f.targetSpan);
    all += fragments;
    all += spellingFindings(source, target, notSpellChecked);
    all += m_numbers->check(source, target);
    if (m_negation)
        all += m_negation->check(source, target);
    all += checkMarkup(source, target);
    all += checkPublishingSafety(entry);
    all += checkPunctuation(source, target, m_targetLanguage);
    all += checkWhitespace(source, target);
    all += m_consistency.check(entry);
    all += checkLength(source, target);
    all += m_terminology->check(source, target);
    return all;
}

} // namespace wb
