#pragma once
#include "common/result.h"
#include "tm/tm_index_layout.h"
#include "tm/tm_unit.h"
#include <QFile>
#include <QString>
#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>

namespace wb {

class TmStore;

/// What an index must agree with to be trusted: the memory it was built from.
struct TmIndexStamp {
    QString identity;      ///< TmStore::identity()
    qint64 generation = 0; ///< TmStore::generation() when it was built
    qint64 lastId = 0;     ///< the highest unit id it holds: units above it are not in it
    quint64 lastSourceHash = 0; ///< tmindex::stableHash of that unit's source (UTF-8)
};

/// The persistent fuzzy index of one language pair of a SQLite memory: the token dictionary,
/// posting lists (ordered by unit length), filter records, entries and tokens of every unit,
/// in one file beside the database, memory-mapped read-only. Opening reads the header and
/// checks the sections fit the file; nothing is parsed or rebuilt. Texts are not in it: a
/// match's text is read from the database by unit id, for the few units shown.
///
/// Written whole with QSaveFile: a build that is killed leaves the previous file as it was.
class TmIndexFile {
public:
    /// Where the index of a pair lives: beside the database, named by the pair.
    static QString pathFor(const QString &database, const QString &sourceLanguage, const QString &targetLanguage);

    /// Builds the index of the pair from every unit of the store, reading the units as it goes
    /// (tokens wait in a temporary file, not in memory), and replaces the file atomically.
    /// `progress` gets the units indexed so far.
    static Status build(const TmStore &store, const QString &sourceLanguage, const QString &targetLanguage,
                        const std::function<void(qint64)> &progress = {});

    /// Maps the index of the pair beside `database`. An error says why it cannot be trusted
    /// (absent, another format or analysis version, another language pair, truncated, damaged
    /// header); whether it belongs to the memory as it is now is the caller's check, on stamp().
    static Result<std::unique_ptr<TmIndexFile>> open(const QString &database, const QString &sourceLanguage, const QString &targetLanguage);
    ~TmIndexFile();

    const TmIndexStamp &stamp() const { return m_stamp; }
    const QString &database() const { return m_database; }
    quint32 entryCount() const { return m_entryCount; }
    quint32 vocabularySize() const { return m_vocabularySize; }
    /// The id of a token key, or kUnknownToken.
    quint32 tokenId(const QString &key) const;
    /// The units holding a token, ordered by (length, unit). Clamped to the section, so a
    /// damaged offset table gives a short list, never a read outside the file.
    const quint32 *postingsBegin(quint32 token) const { return m_postings + std::min(m_postingOffsets[token], m_postingCount); }
    const quint32 *postingsEnd(quint32 token) const
    {
        return m_postings + std::clamp(m_postingOffsets[token + 1], std::min(m_postingOffsets[token], m_postingCount), m_postingCount);
    }
    const tmindex::Filter *filters() const { return m_filters; }
    const tmindex::Entry *entries() const { return m_entries; }
    const quint32 *tokens() const { return m_tokens; }
    quint64 tokenCount() const { return m_tokenCount; }
    /// A unit's text from the database (empty if the database lost it). Safe from any thread:
    /// each thread reads through its own connection, as Qt SQL requires.
    TmUnit unit(quint32 entry) const;

private:
    TmIndexFile() = default;
    QFile m_file;
    const uchar *m_map = nullptr;
    TmIndexStamp m_stamp;
    QString m_database;
    quint32 m_entryCount = 0;
    quint32 m_vocabularySize = 0;
    quint64 m_tokenCount = 0;
    quint64 m_postingCount = 0;
    const uchar *m_vocabularyTable = nullptr;
    const char *m_keys = nullptr;
    quint64 m_keysSize = 0;
    const quint64 *m_postingOffsets = nullptr;
    const quint32 *m_postings = nullptr;
    const tmindex::Filter *m_filters = nullptr;
    const tmindex::Entry *m_entries = nullptr;
    const quint32 *m_tokens = nullptr;
    mutable std::mutex m_storeMutex;
    mutable std::unique_ptr<TmStore> m_store;
    mutable const void *m_storeThread = nullptr;
};

} // namespace wb
