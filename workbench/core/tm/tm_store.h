#pragma once
#include "common/result.h"
#include "tm/tm_unit.h"
#include <QList>
#include <functional>
#include <memory>

class QSqlQuery;

namespace wb {

/// The translation memory on disk: SQLite through Qt SQL (WAL journal, prepared
/// statements only, a schema version), with an FTS5 table for concordance search that
/// ignores case and accents. One file per user, in the user's data folder by default.
class TmStore {
public:
    static QString defaultPath();
    static Result<std::unique_ptr<TmStore>> open(const QString &path);
    ~TmStore();

    class Writer;
    /// Starts one transaction that units are added to one by one (an import as it reads its
    /// file): nothing is seen by others, or kept, until Writer::commit().
    Result<std::unique_ptr<Writer>> write();
    /// Adds units in one transaction: all or nothing. An identical unit (same source,
    /// target and languages) is updated, not duplicated. Returns how many were new.
    Result<int> add(const QList<TmUnit> &units, const std::function<void(int)> &progress = {});
    Result<QList<TmUnit>> units(const QString &sourceLanguage, const QString &targetLanguage) const;
    /// Units whose source or target holds all the words, case and accents ignored.
    Result<QList<TmUnit>> concordance(const QString &words, int limit) const;
    QString path() const { return m_path; }

    /// Identifies this memory file for good (a random id written when it is created): an index
    /// built for another memory at the same path is never trusted.
    Result<QString> identity() const;
    /// Counts the writes: every add() that commits makes it one more, in the same
    /// transaction. The persistent index records the generation it was built at.
    Result<qint64> generation() const;
    /// The highest unit id (0 when empty). Ids only grow: units above an index's last id are
    /// the ones it has not seen.
    Result<qint64> lastId() const;
    /// Each unit of the language pair with an id above `afterId`, in id order, read as it goes
    /// (a million units never sit in memory at once). `visit` returns false to stop.
    Status forEachUnit(const QString &sourceLanguage, const QString &targetLanguage, qint64 afterId,
                       const std::function<bool(const TmUnit &)> &visit) const;
    /// How many units of the pair have an id above `afterId`.
    Result<qint64> unitCount(const QString &sourceLanguage, const QString &targetLanguage, qint64 afterId = 0) const;
    /// The id and source text of each unit of the pair with an id above `afterId`, in id
    /// order: what an index build reads, without the rest of each row.
    Status forEachSource(const QString &sourceLanguage, const QString &targetLanguage, qint64 afterId,
                         const std::function<bool(qint64 id, const QString &source)> &visit) const;
    /// One unit by id (a match's text, read when it is shown).
    Result<TmUnit> unit(qint64 id) const;

private:
    TmStore() = default;
    QString m_path;
    QString m_connection;
    mutable std::unique_ptr<QSqlQuery> m_unitById; ///< prepared once: a lookup reads a few units by id
};

/// Units added in one transaction. Destroyed without commit(), it rolls back: the memory is
/// exactly as it was. One writer at a time per store.
class TmStore::Writer {
public:
    ~Writer();
    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;
    /// Adds a unit, or updates the identical one (same source, target and languages): its
    /// context, author, change date and origin.
    Status add(const TmUnit &unit);
    /// Counts the write (the generation, in the same transaction) and commits. Returns how
    /// many units were new to the memory.
    Result<qint64> commit();
    /// Units a writer adds before it stops feeding the search index row by row and leaves
    /// the rest to commit().
    static constexpr qint64 kSearchIndexedAtTheEndAfter = 2000;

private:
    friend class TmStore;
    explicit Writer(const TmStore &store);
    Status begin();
    Status upgradeToIdentityKeys();
    Status deferSearchIndex();
    Status catchUpSearchIndex();
    void closeStatements();
    const TmStore &m_store;
    std::unique_ptr<QSqlQuery> m_find, m_insert, m_update; ///< prepared once per write
    qint64 m_added = 0; ///< units new to the memory (an identical one updated is not counted)
    qint64 m_searchIndexedUpTo = 0; ///< units above this id wait for catchUpSearchIndex()
    bool m_searchDeferred = false;
    QString m_now;
    bool m_open = false;
};

} // namespace wb
