#pragma once
#include <QDateTime>
#include "text/text_diff.h"
#include "tm/text_arena.h"
#include "tm/tm_unit.h"
#include <QHash>
#include <QList>
#include <memory>
#include <vector>

namespace wb {

class WordTokenizer;

/// A match: its score (0-100, 101 for a context match), the unit, and how its source
/// differs from the text looked up.
struct TmMatch {
    int score = 0;
    int entry = -1;
    QString source;
    QString target;
    QString origin;
    QString author;        ///< who translated it, when the memory knows
    QDateTime changed;     ///< when, when the memory knows
    QList<DiffPiece> diff; ///< from the memory's source to the looked-up text
};

/// Fuzzy-match index over translation memory units, in memory.
///
/// Scoring: token-level edit distance over normalized words and numbers (ICU word
/// tokens, lowercased), 100 * (1 - distance / longer length). Identical words that differ
/// only in case, punctuation or placeholders score 99, 98 or 97 (one point each). A
/// different number, or a negation (not, no, never, without; no, nunca, sin, ni) present
/// on one side only, caps the score at 74: it can never look like a high match.
/// 101: identical, and the same previous and next source units (context match).
///
/// Retrieval is exact by construction: a unit can reach score S only if it shares at least
/// t = n - floor((1 - S/100) n) tokens with the n-token query, so it must contain one of the
/// n - t + 1 rarest query tokens (prefix filter); candidates are then ranked by the upper
/// bound 100 * shared / longer length and scored exactly until the bound drops below the
/// k-th best score. A unit of m tokens scores at most 100 * min(n, m) / max(n, m), so at each
/// threshold only the posting entries of lengths that can reach it are read; a per-unit
/// token signature bounds the overlap before the unit itself is read. No heuristic can
/// drop the best match.
class TmIndex {
public:
    explicit TmIndex(const QString &sourceLanguage);
    ~TmIndex();

    void add(const TmUnit &unit);
    /// Orders every posting list by unit length. Optional: lookups order the lists they
    /// touch as they go; call it after a bulk load so the first lookups do not pay for it.
    void finishLoading();
    int size() const { return int(m_entries.size()); }
    QString source(int entry) const;
    QString target(int entry) const;

    /// The best `max` matches scoring at least `minScore`, best first.
    QList<TmMatch> lookup(const QString &text, int minScore = 50, int max = 5, const QString &previousSource = {},
                          const QString &nextSource = {});
    /// The same by scoring every unit: the baseline, and the proof in tests.
    QList<TmMatch> lookupByScanning(const QString &text, int minScore = 50, int max = 5);

private:
    struct Query;
    struct Entry {
        quint32 tokenOffset = 0;  ///< in m_tokens: the tokens in order, then the same sorted
        quint16 tokenCount = 0;
        TextArena::Handle text = 0; ///< UTF-8 source, target, origin, then context, back to back
        quint32 sourceBytes = 0;
        quint32 targetBytes = 0;
        quint32 originBytes = 0;
        quint32 contextBytes = 0; ///< previous and next source, for 101
        quint32 provenanceBytes = 0; ///< author, U+001F, ISO date: shown with a match, never scored
        quint32 numbersHash = 0;
        quint32 negationsHash = 0;
        quint32 surfaceHash = 0;  ///< case, punctuation and placeholders as written
    };
    QString sourceOf(const Entry &e) const;
    QString targetOf(const Entry &e) const;
    QString originOf(const Entry &e) const;
    QByteArrayView contextOf(const Entry &e) const;
    QString provenanceOf(const Entry &e) const;
    /// Learn: words not yet in the vocabulary get ids (adding a unit); otherwise they read
    /// as unknown (a lookup).
    enum class Words { Lookup, Learn };
    Query prepare(const QString &text, Words words = Words::Lookup);
    int score(const Query &query, const Entry &entry) const;
    TmMatch match(const Query &query, int entry, int score) const;
    quint32 tokenId(const QString &token);
    struct Posting;
    void orderByLength(Posting &posting);

    QString m_language;
    std::unique_ptr<WordTokenizer> m_tokenizer;
    QHash<QString, quint32> m_vocabulary;
    /// The units holding a token. entries[0, ordered) are ordered by (length, unit), so a
    /// lookup reads only the lengths that can still reach its threshold; units added since
    /// wait after them in arrival order until they are worth ordering.
    struct Posting {
        std::vector<quint32> entries;
        quint32 ordered = 0;
    };
    std::vector<Posting> m_postings;              ///< by token id
    std::vector<quint32> m_tokens;
    std::vector<Entry> m_entries;
    TextArena m_text;
    /// What the candidate filters read per entry, packed so that one cache line answers them
    /// all without touching the entry itself.
    struct Filter {
        quint64 signature = 0;   ///< one bit per token hash: rules out overlap
        quint32 tokenOffset = 0; ///< copy of Entry::tokenOffset: the overlap count skips the entry
        quint32 seen = 0;        ///< lookup generation that last met this entry (dedup)
        quint16 length = 0;      ///< token count: length filter
    };
    std::vector<Filter> m_filters;
    mutable std::vector<quint64> m_peq;           ///< per token id: its positions in the current query (bit-parallel distance)
    quint32 m_generation = 0;
};

} // namespace wb
