#pragma once
#include "glossary/term_index.h"
#include "glossary/termbase.h"
#include "qa/finding.h"
#include <memory>

namespace wb {

class HunspellDictionary;

/// A recognized source term and what the glossary says to write for it.
struct SourceTermHit {
    const Concept *termConcept = nullptr;
    const Term *sourceTerm = nullptr;
    TextSpan span;
    QList<const Term *> acceptable;   ///< target terms to use: preferred first
    QList<const Term *> unacceptable; ///< target terms never to use (deprecated, superseded)
};

/// Terminology: finds the glossary's terms in the source and requires the approved
/// target term in the target, in any inflection (Hunspell stems of both sides), and none
/// of the forbidden or outdated ones. Acronyms are matched case-sensitively and may be
/// rendered by any acceptable target term (the expansion or the target acronym).
class TerminologyChecker {
public:
    TerminologyChecker(std::shared_ptr<const Termbase> termbase, const QString &sourceLanguage, const QString &targetLanguage,
                       std::shared_ptr<HunspellDictionary> sourceDictionary,
                       std::shared_ptr<HunspellDictionary> targetDictionary);
    ~TerminologyChecker();

    /// Terms of the glossary in a source text, for the translator's glossary panel.
    QList<SourceTermHit> recognize(const QString &sourceText);

    /// Findings for one unit: "terminology.missing", ".forbidden", ".outdated" (errors
    /// but for outdated, a warning) and ".count" (a warning).
    Findings check(const QString &source, const QString &target);

private:
    std::shared_ptr<const Termbase> m_termbase;
    QString m_sourceLanguage, m_targetLanguage;
    std::shared_ptr<HunspellDictionary> m_sourceDictionary, m_targetDictionary;
    WordTokenizer m_sourceTokenizer, m_targetTokenizer;
    TermNormalizer m_sourceNormalizer, m_targetNormalizer;
    std::unique_ptr<TermIndex> m_sourceIndex, m_targetIndex;
};

} // namespace wb
