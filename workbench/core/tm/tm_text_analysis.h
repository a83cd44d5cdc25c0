#pragma once
#include <QString>
#include <QStringList>

namespace wb {

class WordTokenizer;

/// What the fuzzy index keeps of a source text: its words and numbers as keys, and hashes of
/// what a match must agree on. One definition for the index in memory and the one on disk.
struct TmTextAnalysis {
    QStringList keys;          ///< folded words and numbers in order; punctuation is not scored
    quint32 numbersHash = 0;   ///< the numbers, sorted
    quint32 negationsHash = 0; ///< the negations (not, no, never, sin, nunca…), sorted
    quint32 surfaceHash = 0;   ///< every token as written, and the placeholders
};

TmTextAnalysis analyseForMemory(WordTokenizer &tokenizer, const QString &text);

/// Changes whenever analyseForMemory would give other keys or hashes for the same text: an
/// index built by another version is rebuilt, never trusted.
constexpr quint32 kTmAnalysisVersion = 2;

} // namespace wb
