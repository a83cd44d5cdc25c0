#pragma once
#include "text/word_tokenizer.h"
#include <QString>

namespace wb {

/// Counts words as ICU's word BreakIterator sees them (letters, numbers, kana, ideographs;
/// not spaces or punctuation), placeholders left out. One instance per thread.
class WordCounter {
public:
    explicit WordCounter(const QString &language) : m_tokenizer(language) {}
    int count(const QString &unitText);

private:
    WordTokenizer m_tokenizer;
};

} // namespace wb
