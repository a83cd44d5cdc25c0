#pragma once
#include "common/result.h"
#include "qa/finding.h"
#include <QSet>
#include <memory>

namespace wb {

class WordTokenizer;

/// negation.missing (error): the source negates ("not", "never", "without", "don't") and the
/// translation holds no negation word at all. A dropped "not" turns medical advice into its
/// opposite, and no other check sees it: the words, numbers and terms can all be right.
///
/// The words come from each language's negation-words.txt (the project finds it: its own,
/// else the one built into the binary); a language with neither is not checked. Only the absence is an error: a translation may negate what
/// the source says with a prefix ("unable" -> "no puede"), so extra negations are not flagged.
class NegationChecker {
public:
    /// Reads the two word lists; null when either language has none (an empty path).
    static Result<std::unique_ptr<NegationChecker>> load(const QString &sourceLanguage, const QString &sourceList,
                                                         const QString &targetLanguage, const QString &targetList);
    ~NegationChecker();
    Findings check(const QString &source, const QString &target);

    /// A language's list: negation words, and phrases opening with one that do not
    /// negate ("sin embargo" = "however", "no obstante", "not only").
    struct WordList {
        QSet<QString> words;
        QList<QStringList> notNegating;
    };

private:
    NegationChecker() = default;
    WordList m_source, m_target;
    std::unique_ptr<WordTokenizer> m_sourceTokenizer, m_targetTokenizer;
};

} // namespace wb
