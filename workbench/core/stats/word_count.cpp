#include "stats/word_count.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

namespace wb {

WordCounter::WordCounter(const QString &language)
{
    UErrorCode status = U_ZERO_ERROR;
    m_words.reset(icu::BreakIterator::createWordInstance(icu::Locale(language.toUtf8().constData()), status));
    if (U_FAILURE(status))
        m_words.reset();
}

WordCounter::~WordCounter() = default;

int WordCounter::count(const QString &text)
{
    if (!m_words || text.isEmpty())
        return 0;
    const icu::UnicodeString alias(false, reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
    m_words->setText(alias);
    int words = 0;
    for (int32_t end = m_words->next(); end != icu::BreakIterator::DONE; end = m_words->next())
        if (m_words->getRuleStatus() >= UBRK_WORD_NONE_LIMIT)
            ++words;
    return words;
}

} // namespace wb
