#pragma once
#include "text/text_span.h"
#include "text/word_tokenizer.h"
#include <QHash>
#include <QSet>
#include <memory>

namespace wb {

class HunspellDictionary;

/// Stretches of text that are addresses, not words: URLs (with or without a scheme, with
/// their path), e-mail addresses and file names.
QList<TextSpan> addressSpans(const QString &text);

/// A word Hunspell does not know, and where it is in the unit text.
struct Misspelling {
    QString word;
    TextSpan span;
};

/// Spell-checks unit text with Hunspell over ICU word tokens. Not flagged, because they
/// are not words of the language or are known to be right: placeholders, URLs and e-mail
/// addresses, tokens with digits, a short unit word after a number ("5 mg"), all-capital
/// acronyms, single letters, capitalized words inside a sentence (names: the languages
/// checked capitalize nothing else there) unless they stand beside known capitalized words
/// ("Institutos Nacionales"), and words of the glossary's terms in that language.
/// Results are cached per word. One instance per thread.
class SpellChecker {
public:
    /// `glossaryWords` are textKeys.
    SpellChecker(std::shared_ptr<HunspellDictionary> dictionary, const QString &language, QSet<QString> glossaryWords = {});
    QList<Misspelling> check(const QString &unitText);
    /// Hunspell's suggestions (20-100 ms a word): cached; call off any interactive path.
    QStringList suggestions(const QString &word);
    HunspellDictionary &dictionary() { return *m_dictionary; }
    /// Whether the dictionary or the glossary knows the word as it is written. Cached.
    bool isCorrect(const QString &word);
    /// The known word this one looks like a slip of the fingers for, or empty: one letter
    /// dropped, two neighbours swapped, a letter doubled or struck with a neighbouring key,
    /// a neighbouring key struck instead, an accent missing or wrong ("cabea", "medico",
    /// "Sequencia"). Empty for a word far from every known one ("nucleocápside") and for a
    /// form the dictionary lacks of a known word ("poliproteína" beside "poliproteínas").
    /// Cached; a few hundred lookups.
    QString likelyTypoOf(const QString &word);

private:
    bool inSpanishName(const QList<Token> &tokens, qsizetype index);
    std::shared_ptr<HunspellDictionary> m_dictionary;
    WordTokenizer m_tokenizer;
    QSet<QString> m_glossaryWords;
    QHash<QString, bool> m_known;
    QHash<QString, QStringList> m_suggestions;
    QHash<QString, QString> m_nearest;
};

} // namespace wb
