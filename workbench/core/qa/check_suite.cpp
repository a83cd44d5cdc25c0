#include "qa/check_suite.h"
#include "glossary/tbx_format.h"
#include "project/language_resources.h"
#include "qa/number_check.h"
#include "qa/terminology_check.h"
#include "qa/text_checks.h"
#include "spell/hunspell_dictionary.h"
#include "spell/spell_checker.h"
#include "text/word_tokenizer.h"

namespace wb {

CheckSuite::~CheckSuite() = default;

Result<std::shared_ptr<CheckSuite>> CheckSuite::load(const QString &projectRoot, const QString &sourceLanguage,
                                                     const QString &targetLanguage, const Options &options)
{
    auto termbase = loadProjectGlossary(projectRoot);
    if (!termbase)
        return termbase.error();
    for (const QString &path : options.glossaries) {
        auto extra = loadTbx(path);
        if (!extra)
            return extra.error();
        (*termbase)->merge(*extra);
    }
    auto sourceDictionary = loadProjectDictionary(projectRoot, sourceLanguage);
    if (!sourceDictionary)
        return sourceDictionary.error();
    auto targetDictionary = loadProjectDictionary(projectRoot, targetLanguage);
    if (!targetDictionary)
        return targetDictionary.error();

    std::shared_ptr<CheckSuite> suite(new CheckSuite);
    suite->m_targetLanguage = targetLanguage;
    suite->m_options = options;
    suite->m_termbase = *termbase;
    // Words of target-language terms: never misspelled; and, when a term is the same in
    // both languages (acronyms, names), a target equal to the source may keep them.
    QSet<QString> glossaryWords;
    WordTokenizer tokenizer(targetLanguage);
    for (const Concept &c : (*termbase)->concepts)
        for (const Term &t : c.termsIn(targetLanguage))
            for (const Token &token : tokenizer.tokenize(t.text)) {
                glossaryWords.insert(token.text.toLower());
                const bool sameInSource = std::any_of(c.terms.cbegin(), c.terms.cend(), [&](const Term &s) {
                    return sameLanguage(s.language, sourceLanguage) && s.text == t.text;
                });
                if (sameInSource)
                    suite->m_keepAsIs.insert(token.text.toLower());
            }
    suite->m_terminology = std::make_unique<TerminologyChecker>(*termbase, sourceLanguage, targetLanguage,
                                                                *sourceDictionary, *targetDictionary);
    suite->m_spelling = std::make_unique<SpellChecker>(*targetDictionary, targetLanguage, glossaryWords);
    suite->m_numbers = std::make_unique<NumberChecker>(sourceLanguage, targetLanguage);
    return suite;
}

Findings CheckSuite::spellingFindings(const QString &target)
{
    Findings findings;
    for (const Misspelling &m : m_spelling->check(target)) {
        Finding f;
        f.check = QStringLiteral("spelling");
        f.severity = Severity::Error;
        f.message = QStringLiteral("\u201C%1\u201D is not in the dictionary").arg(m.word);
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
    all += checkUntranslated(source, target, m_keepAsIs);
    if (!all.isEmpty())
        return all; // an untranslated copy makes every other finding noise
    all += spellingFindings(target);
    all += m_numbers->check(source, target);
    all += checkMarkup(source, target);
    all += checkPunctuation(source, target, m_targetLanguage);
    all += checkWhitespace(source, target);
    all += m_consistency.check(entry);
    all += checkLength(source, target);
    all += m_terminology->check(source, target);
    return all;
}

} // namespace wb
