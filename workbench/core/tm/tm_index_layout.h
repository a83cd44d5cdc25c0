#pragma once
#include <QtGlobal>
#include <QByteArrayView>

/// The records a fuzzy lookup reads, laid out the same in memory and in the persistent index
/// file (tm/tm_index_file.h), so one lookup serves both.
namespace wb::tmindex {

constexpr quint32 kUnknownToken = 0xFFFFFFFFu;

/// A unit as the scorer sees it: where its tokens are and what it must agree on.
struct Entry {
    qint64 unitId = 0;        ///< the SQLite row in a persistent index; 0 in memory
    quint32 tokenOffset = 0;  ///< in the token array: the tokens in order, then the same sorted
    quint16 tokenCount = 0;
    quint16 reserved = 0;
    quint32 numbersHash = 0;
    quint32 negationsHash = 0;
    quint32 surfaceHash = 0;  ///< case, punctuation and placeholders as written
    quint32 reserved2 = 0;
};
static_assert(sizeof(Entry) == 32);

/// What the candidate filters read per unit, packed so that one cache line answers them
/// for four units without touching the entries.
struct Filter {
    quint64 signature = 0;   ///< one bit per token hash: rules out overlap
    quint32 tokenOffset = 0; ///< copy of Entry::tokenOffset: the overlap count skips the entry
    quint16 length = 0;      ///< token count: length filter
    quint16 reserved = 0;
};
static_assert(sizeof(Filter) == 16);

/// The bit a token sets in a unit's signature (Fibonacci hashing of the token id).
inline int signatureBit(quint32 token)
{
    return int((token * 0x9E3779B97F4A7C15ull) >> 58);
}

/// FNV-1a: the same value on every machine and Qt version (qHash is neither: it may use the
/// CPU's AES instructions), because these hashes are written to disk.
inline quint64 stableHash(QByteArrayView bytes, quint64 hash = 0xcbf29ce484222325ull)
{
    for (char c : bytes) {
        hash ^= quint8(c);
        hash *= 0x100000001b3ull;
    }
    return hash;
}

} // namespace wb::tmindex
