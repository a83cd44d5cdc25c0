#include "stats/word_count.h"

namespace wb {

int WordCounter::count(const QString &unitText)
{
    int words = 0;
    for (const Token &token : m_tokenizer.tokenize(unitText))
        words += token.kind != Token::Kind::Punctuation;
    return words;
}

} // namespace wb
