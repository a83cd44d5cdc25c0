#pragma once
#include "common/diagnostic.h"
#include "qa/finding.h"
#include <QHash>
#include <memory>
#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class NumberFormat;
class RuleBasedNumberFormat;
U_NAMESPACE_END

namespace wb {

class WordTokenizer;

/// Numbers: every number of the source must be in the target, read with ICU in each
/// language's conventions (5% = 5 %, 1,000 = 1000 = 1.000, 3.5 = 3,5), or spelled out
/// ("two" = "dos", read by ICU's spell-out rules). Phone numbers and codes
/// (1-800-422-6237, C81) must keep every digit. A digit number in the target that the
/// source lacks is reported too.
///   numbers.changed (error)  a source number became another one in the target
///   numbers.missing (error)  a source number is not in the target
///   numbers.extra   (error)  a target number is not in the source
///   numbers.code    (error)  a phone number or code lost or changed digits
///   numbers.word    (warning) a spelled-out source number ("two") is not in the target
///
/// Besides ICU's spell-out rules, each language may have a list of number words ICU does not
/// read (number-words.txt; the project finds its own, else the built-in one): "once",
/// "twice", "both", "a dozen", "half"; "ambos", "docena", "mitad". Words marked `article`
/// there ("a", "an"; "un", "una") are indefinite articles first: a target article counts
/// as the number one only beyond the articles of the source, so "one or more … a doctor"
/// translated "dos o más … un médico" has lost its "one".
class NumberChecker {
public:
    /// `sourceWords`, `targetWords`: each language's number-words.txt (empty: ICU's rules alone).
    NumberChecker(const QString &sourceLanguage, const QString &targetLanguage, const QString &sourceWords = {},
                  const QString &targetWords = {});
    ~NumberChecker();
    Findings check(const QString &source, const QString &target);
    /// Why a language's number-words.txt could not be read (not UTF-8, unreadable), if so.
    std::optional<Diagnostic> wordListError() const;
    /// The number-words.txt files in use (":/workbench/…" for the built-in ones).
    QStringList wordLists() const;

    /// A number found in a text.
    struct Item {
        enum class Kind { Digits, Word, Code };
        /// How a Word was read: ICU's spell-out rules, the language's word list, or an
        /// indefinite article of that list.
        enum class Reading { Spellout, Listed, Article };
        Kind kind;
        QList<double> values; ///< every reading (a separator may be a decimal mark or grouping)
        QString digits;       ///< codes: the digits alone
        TextSpan span;
        QString text;
        Reading reading = Reading::Spellout;
    };
    QList<Item> numbersIn(const QString &text, bool isSource);

private:
    struct Language;
    std::unique_ptr<Language> m_source, m_target;
    std::unique_ptr<WordTokenizer> m_sourceTokens, m_targetTokens;
};

/// The text with every placeholder blanked out (same length), so that "{1}" is never a number.
QString maskPlaceholders(const QString &unitText);

} // namespace wb
