#pragma once
#include "common/result.h"
#include "common/resource_use.h"
#include "qa/consistency_check.h"
#include "qa/qa_runner.h"
#include <QSet>
#include <memory>

namespace wb {

class HunspellDictionary;
class NegationChecker;
class NumberChecker;
class SpellChecker;
class TerminologyChecker;
class WordTokenizer;
struct Concept;
struct Termbase;

/// What the checks of one language pair are built from. The project layer finds and loads
/// it (ProjectContext::loadCheckSuite); the checks never look for files themselves.
struct CheckResources {
    QString sourceLanguage, targetLanguage;
    std::shared_ptr<Termbase> termbase;
    std::shared_ptr<HunspellDictionary> sourceDictionary, targetDictionary;
    QString sourceNumberWords, targetNumberWords;     ///< number-words.txt (empty: ICU's rules alone)
    QString sourceNegationWords, targetNegationWords; ///< negation-words.txt (either empty: no negation check)
    ResourceUses used;                                ///< what was loaded, for reports
};

/// Everything the QA checks of one language pair need, loaded once: the glossary,
/// Hunspell dictionaries with the project's word lists, and the checks: spelling,
/// numbers, negation, markup, punctuation, whitespace, untranslated, consistency, length
/// and terminology.
class CheckSuite {
public:
    struct Options {
        QStringList glossaries;  ///< extra TBX files on top of the project's glossary/*.tbx
        bool suggestions = false; ///< add Hunspell suggestions to spelling findings (slow)
    };
    static Result<std::shared_ptr<CheckSuite>> create(const CheckResources &resources, const Options &options);
    ~CheckSuite();

    /// Catalogs whose translations the consistency check compares (all of the language).
    void addForConsistency(const PoCatalog &catalog) { m_consistency.add(catalog); }
    /// Every check of one unit.
    Findings checkUnit(const PoEntry &entry);

    TerminologyChecker &terminology() { return *m_terminology; }
    SpellChecker &spelling() { return *m_spelling; }
    std::shared_ptr<const Termbase> termbase() const { return m_termbase; }
    /// A concept added while the suite is in use (a term added from the editor): terminology
    /// recognizes and enforces it from now on, and its target words are never misspelled.
    void addConcept(const Concept &added);
    /// The glossaries, dictionaries, word lists and negation lists the checks use.
    const ResourceUses &resources() const { return m_resources; }

private:
    CheckSuite() = default;
    /// Misspellings outside `notChecked` (foreign names, untranslated stretches).
    Findings spellingFindings(const QString &source, const QString &target, const QList<TextSpan> &notChecked);
    QString m_sourceLanguage;
    QString m_targetLanguage;
    Options m_options;
    std::shared_ptr<HunspellDictionary> m_sourceDictionary, m_targetDictionary;
    std::shared_ptr<const Termbase> m_termbase;
    std::unique_ptr<TerminologyChecker> m_terminology;
    std::unique_ptr<SpellChecker> m_spelling;
    std::unique_ptr<SpellChecker> m_sourceSpelling; ///< tells source-language words left in a target
    std::unique_ptr<WordTokenizer> m_targetTokenizer;
    std::unique_ptr<NumberChecker> m_numbers;
    std::unique_ptr<NegationChecker> m_negation; ///< null when a language has no word list
    ConsistencyIndex m_consistency;
    ResourceUses m_resources;
};

} // namespace wb
