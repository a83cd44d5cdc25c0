#pragma once
#include <QString>
#include <memory>

#include <unicode/uversion.h>
U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace wb {

/// Counts words as ICU's word BreakIterator sees them (letters, numbers, kana, ideographs;
/// not spaces or punctuation). One instance per thread.
class WordCounter {
public:
    explicit WordCounter(const QString &language);
    ~WordCounter();
    int count(const QString &text);

private:
    std::unique_ptr<icu::BreakIterator> m_words;
};

} // namespace wb
