#pragma once
#include <QDateTime>
#include "text/text_diff.h"
#include "tm/text_arena.h"
#include "tm/tm_index_file.h"
#include "tm/tm_index_layout.h"
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

/// Fuzzy-match index over translation memory units: the units of a persistent index file
/// (tm/tm_index_file.h, mapped read-only) and those added in memory since, searched as one.
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
    /// Over a persistent index: its units are entries [0, base size); add() appends after them.
    TmIndex(const QString &sourceLanguage, std::unique_ptr<TmIndexFile> base);
    ~TmIndex();

    void add(const TmUnit &unit);
    /// Orders every posting list by unit length. Optional: lookups order the lists they
    /// touch as they go; call it after a bulk load so the first lookups do not pay for it.
    void finishLoading();
    int size() const { return int(m_baseEntries + m_entries.size()); }
    /// Units read from the persistent index, and units added in memory.
    int persistentSize() const { return int(m_baseEntries); }
    int addedSize() const { return int(m_entries.size()); }
    QString source(int entry) const;
    QString target(int entry) const;

    /// The best `max` matches scoring at least `minScore`, best first; at the same score, the
    /// unit added to the memory last first.
    QList<TmMatch> lookup(const QString &text, int minScore = 50, int max = 5, const QString &previousSource = {},
                          const QString &nextSource = {});
    /// The same by scoring every unit: the baseline, and the proof in tests.
    QList<TmMatch> lookupByScanning(const QString &text, int minScore = 50, int max = 5);

private:
    struct Query;
    /// Where an added unit's UTF-8 texts are: source, target, origin, context, provenance, back to back.
    struct Texts {
        TextArena::Handle text = 0;
        quint32 sourceBytes = 0;
        quint32 targetBytes = 0;
        quint32 originBytes = 0;
        quint32 contextBytes = 0;    ///< previous and next source, for 101
        quint32 provenanceBytes = 0; ///< author, U+001F, ISO date: shown with a match, never scored
    };
    const tmindex::Entry &entryAt(quint32 entry) const;
    const quint32 *tokensOf(quint32 entry) const;
    QString sourceOf(quint32 entry) const;
    QByteArray contextOf(quint32 entry) const;
    TmUnit unitOf(quint32 entry) const;
    /// Learn: words not yet in the vocabulary get ids (adding a unit); otherwise they read
    /// as unknown (a lookup).
    enum class Words { Lookup, Learn };
    Query prepare(const QString &text, Words words = Words::Lookup);
    int score(const Query &query, quint32 entry) const;
    TmMatch match(const Query &query, quint32 entry, int score) const;
    quint32 tokenId(const QString &token, Words words);
    struct Posting;
    void orderByLength(Posting &posting);
    quint64 postingSize(quint32 token) const;
    quint64 recency(quint32 entry) const;
    QList<QPair<int, quint32>>::iterator rankOf(QList<QPair<int, quint32>> &best, int score, quint32 entry) const;

    QString m_language;
    std::unique_ptr<WordTokenizer> m_tokenizer;
    std::unique_ptr<TmIndexFile> m_base;
    quint32 m_baseEntries = 0;
    quint32 m_baseVocabulary = 0;
    qint64 m_baseLastId = 0;
    QHash<QString, quint32> m_vocabulary; ///< tokens the base does not know: ids from m_baseVocabulary
    /// The added units holding a token (ids offset by m_baseEntries). entries[0, ordered)
    /// are ordered by (length, unit), so a lookup reads only the lengths that can still reach
    /// its threshold; units added since wait after them in arrival order until they are
    /// worth ordering.
    struct Posting {
        std::vector<quint32> entries;
        quint32 ordered = 0;
    };
    std::vector<Posting> m_postings;              ///< by token id, base tokens included
    std::vector<quint32> m_tokens;                ///< of added units
    std::vector<tmindex::Entry> m_entries;        ///< added units
    std::vector<tmindex::Filter> m_filters;       ///< added units
    std::vector<Texts> m_texts;                   ///< added units
    TextArena m_text;
    /// Per entry: the lookup that last met it (dedup). Zeroed pages from the kernel: a
    /// million-unit index pays only for the pages lookups touch.
    struct SeenMarks {
        quint32 *marks = nullptr;
        size_t size = 0;
        ~SeenMarks();
        void resize(size_t n);
    };
    SeenMarks m_seen;
    mutable std::vector<quint64> m_peq;           ///< per token id: its positions in the current query (bit-parallel distance)
    quint32 m_generation = 0;
};

} // namespace wb
