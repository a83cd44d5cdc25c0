#include "text/word_tokenizer.h"
#include "model/placeholder_text.h"
#include "text/text_key.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

namespace wb {

WordTokenizer::WordTokenizer(const QString &language)
{
    UErrorCode status = U_ZERO_ERROR;
    m_words.reset(icu::BreakIterator::createWordInstance(icu::Locale(language.toUtf8().constData()), status));
    if (U_FAILURE(status))
        m_words.reset();
}

WordTokenizer::~WordTokenizer() = default;

QList<Token> WordTokenizer::tokenize(const QString &unitText)
{
    QList<Token> tokens;
    if (!m_words)
        return tokens;
    // Tokenize each stretch of text between placeholders on its own, so that a
    // placeholder never glues or splits words, and keep offsets into the unit text.
    qsizetype offset = 0;
    for (const TextPiece &piece : parsePlaceholderText(unitText)) {
        if (piece.kind != TextPiece::Kind::Text) {
            // Skip the placeholder's own characters in the unit text.
            const qsizetype close = unitText.indexOf(QLatin1Char('}'), offset);
            offset = close < 0 ? unitText.size() : close + 1;
            continue;
        }
        // The piece's characters stand at `offset` in the unit text, except that "{{"
        // became "{": map piece positions back through that.
        QList<int> unitOffsetOf;
        unitOffsetOf.reserve(piece.text.size() + 1);
        qsizetype at = offset;
        for (QChar c : piece.text) {
            unitOffsetOf.append(int(at));
            at += (c == QLatin1Char('{') && at + 1 < unitText.size() && unitText[at + 1] == QLatin1Char('{')) ? 2 : 1;
        }
        unitOffsetOf.append(int(at));
        offset = at;

        const icu::UnicodeString alias(false, reinterpret_cast<const UChar *>(piece.text.utf16()), int32_t(piece.text.size()));
        m_words->setText(alias);
        int32_t start = m_words->first();
        for (int32_t end = m_words->next(); end != icu::BreakIterator::DONE; start = end, end = m_words->next()) {
            const int status = m_words->getRuleStatus();
            const QString text = piece.text.mid(start, end - start);
            Token token;
            if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
                token.kind = Token::Kind::Number;
            else if (status >= UBRK_WORD_NONE_LIMIT)
                token.kind = Token::Kind::Word;
            else if (text.trimmed().isEmpty())
                continue;
            else
                token.kind = Token::Kind::Punctuation;
            token.start = unitOffsetOf[start];
            token.length = unitOffsetOf[end] - token.start;
            token.text = text;
            token.key = textKey(text);
            tokens.append(token);
        }
    }
    return tokens;
}

} // namespace wb
