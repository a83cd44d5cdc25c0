#pragma once
#include <QList>
#include <QString>
#include <memory>
#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace wb {

/// A token of a unit's text: a word, a number or a punctuation mark, with where it is.
struct Token {
    enum class Kind { Word, Number, Punctuation };
    Kind kind = Kind::Word;
    int start = 0;   ///< UTF-16 offset in the text given to tokenize()
    int length = 0;
    QString text;   ///< as written
    QString key;    ///< textKey(text): what matches compare, folded per token so spans stay the text's
    int end() const { return start + length; }
};

/// Splits text into tokens with ICU's word BreakIterator. Placeholders ({1}, {/1}, {2/})
/// are not tokens: text on both sides of a placeholder reads as if it were not there,
/// so "{1}bone{/1} marrow" still holds the words "bone" and "marrow". Whitespace is dropped.
/// One instance per thread (the ICU iterator keeps state).
class WordTokenizer {
public:
    explicit WordTokenizer(const QString &language);
    ~WordTokenizer();
    QList<Token> tokenize(const QString &unitText);

private:
    std::unique_ptr<icu::BreakIterator> m_words;
};

} // namespace wb
