// TmStore::Writer: units added in one transaction, and the schema upgrade a first write does.
#include "tm/tm_store.h"
#include "tm/tm_store_schema.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace wb {
using tmschema::sqlError;

namespace {
// A bigger page cache while one transaction writes many units: index pages are touched in no
// order, and each one evicted is written to the WAL again. SQLite's default is 2 MiB; the
// cache only grows as far as the write needs. 64 MiB holds the identity index of several
// million units (8-byte keys); more only added to the import's peak memory.
const char kImportCacheSize[] = "PRAGMA cache_size = -65536"; // KiB: 64 MiB
const char kDefaultCacheSize[] = "PRAGMA cache_size = -2000";
} // namespace

TmStore::Writer::Writer(const TmStore &store) : m_store(store) {}

Status TmStore::Writer::begin()
{
    QSqlDatabase db = QSqlDatabase::database(m_store.m_connection);
    QSqlQuery q(db);
    for (const char *pragma : {kImportCacheSize, "PRAGMA temp_store = MEMORY"})
        q.exec(QString::fromLatin1(pragma));
    if (!db.transaction())
        return sqlError(m_store.m_path, db.lastError(), QStringLiteral("cannot start a transaction"));
    m_open = true;
    if (!q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'units_au'")))
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot read the memory"));
    if (q.next() && !q.value(0).toString().contains(QLatin1String("UPDATE OF"))
        && (!q.exec(QStringLiteral("DROP TRIGGER units_au")) || !q.exec(QString::fromLatin1(tmschema::kUpdateTrigger))))
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot write the memory"));
    q.finish(); // a read of sqlite_master left open would keep the upgrade from changing the schema
    if (Status upgraded = upgradeToIdentityKeys(); !upgraded)
        return upgraded;
    m_now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate); // an undated unit is dated by its import
    m_find = std::make_unique<QSqlQuery>(db);
    m_insert = std::make_unique<QSqlQuery>(db);
    m_update = std::make_unique<QSqlQuery>(db);
    if (!m_find->prepare(QStringLiteral("SELECT id FROM units WHERE identity_key = ? AND source = ? AND target = ?"
                                        " AND source_lang = ? AND target_lang = ?"))
        || !m_insert->prepare(QStringLiteral(
            "INSERT INTO units (identity_key, source, target, source_lang, target_lang, prev_source, next_source, author,"
            " created, changed, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        || !m_update->prepare(QStringLiteral(
            "UPDATE units SET prev_source = ?, next_source = ?, author = ?, changed = ?, origin = ? WHERE id = ?")))
        return sqlError(m_store.m_path, db.lastError(), QStringLiteral("cannot write the memory"));
    m_find->setForwardOnly(true);
    return {};
}

// A memory of schema 1 found identical units through a unique index over their texts. Its
// first write gives every unit its identity key and swaps the indexes, inside the write's
// own transaction: a write that fails leaves it at version 1, whole.
Status TmStore::Writer::upgradeToIdentityKeys()
{
    QSqlDatabase db = QSqlDatabase::database(m_store.m_connection);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('units') WHERE name = 'identity_key'")) || !q.next())
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot read the memory"));
    if (q.value(0).toInt() == 1)
        return {};
    if (!q.exec(QStringLiteral("ALTER TABLE units ADD COLUMN identity_key INTEGER NOT NULL DEFAULT 0")))
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot upgrade the memory"));
    QSqlQuery read(db), write(db);
    read.setForwardOnly(true);
    read.prepare(QStringLiteral("SELECT id, source, target, source_lang, target_lang FROM units WHERE id > ? ORDER BY id LIMIT 10000"));
    write.prepare(QStringLiteral("UPDATE units SET identity_key = ? WHERE id = ?"));
    // In batches read whole before they are written: a table is not changed under a read.
    for (qint64 after = 0;;) {
        read.addBindValue(after);
        if (!read.exec())
            return sqlError(m_store.m_path, read.lastError(), QStringLiteral("cannot upgrade the memory"));
        QList<std::pair<qint64, qint64>> keys;
        while (read.next())
            keys.append({read.value(0).toLongLong(), tmschema::identityKey(read.value(1).toString(), read.value(2).toString(),
                                                                           read.value(3).toString(), read.value(4).toString())});
        read.finish();
        if (keys.isEmpty())
            break;
        for (const auto &[id, key] : keys) {
            write.addBindValue(key);
            write.addBindValue(id);
            if (!write.exec())
                return sqlError(m_store.m_path, write.lastError(), QStringLiteral("cannot upgrade the memory"));
        }
        after = keys.last().first;
    }
    if (!q.exec(QString::fromLatin1(tmschema::kIdentityIndex)) || !q.exec(QStringLiteral("DROP INDEX IF EXISTS units_identity"))
        || !q.exec(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '%1')").arg(tmschema::kVersion)))
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot upgrade the memory"));
    return {};
}

Status TmStore::Writer::add(const TmUnit &u)
{
    if (!m_open || !m_find) // over, or a commit() that failed half-way: only the rollback is left
        return Diagnostic{ErrorKind::InvalidInput, m_store.m_path, 0, 0, QStringLiteral("the memory's transaction is over")};
    const QString changed = u.changed.isValid() ? u.changed.toString(Qt::ISODate) : m_now;
    const qint64 key = tmschema::identityKey(u.source, u.target, u.sourceLanguage, u.targetLanguage);
    m_find->addBindValue(key);
    for (const QString &value : {u.source, u.target, u.sourceLanguage, u.targetLanguage})
        m_find->addBindValue(value);
    if (!m_find->exec())
        return sqlError(m_store.m_path, m_find->lastError(), QStringLiteral("cannot read the memory"));
    if (m_find->next()) { // the same unit again: its context, author, date and origin are updated
        const qint64 id = m_find->value(0).toLongLong();
        m_find->finish();
        for (const QVariant &value : {QVariant(u.previousSource), QVariant(u.nextSource), QVariant(u.author), QVariant(changed),
                                      QVariant(u.origin), QVariant(id)})
            m_update->addBindValue(value);
        if (!m_update->exec())
            return sqlError(m_store.m_path, m_update->lastError(), QStringLiteral("cannot write the memory"));
        return {};
    }
    m_find->finish();
    const QString created = u.created.isValid() ? u.created.toString(Qt::ISODate) : m_now;
    for (const QVariant &value : {QVariant(key), QVariant(u.source), QVariant(u.target), QVariant(u.sourceLanguage),
                                  QVariant(u.targetLanguage), QVariant(u.previousSource), QVariant(u.nextSource),
                                  QVariant(u.author), QVariant(created), QVariant(changed), QVariant(u.origin)})
        m_insert->addBindValue(value);
    if (!m_insert->exec())
        return sqlError(m_store.m_path, m_insert->lastError(), QStringLiteral("cannot write the memory"));
    if (++m_added == kSearchIndexedAtTheEndAfter)
        return deferSearchIndex();
    return {};
}

// FTS5 given one row per statement flushes and merges its segments far more often than
// given them all in one statement: at a million units 20 s against 6. So past a few
// thousand units the trigger is dropped, inside the transaction (a rollback restores it), and
// commit() indexes every unit added since. Units are only ever added with ids above the
// highest, and an update never changes the source or target, so "id above" is exact.
Status TmStore::Writer::deferSearchIndex()
{
    QSqlQuery q(QSqlDatabase::database(m_store.m_connection));
    if (!q.exec(QStringLiteral("SELECT max(id) FROM units")) || !q.next())
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot read the memory"));
    m_searchIndexedUpTo = q.value(0).toLongLong();
    if (!q.exec(QStringLiteral("DROP TRIGGER IF EXISTS units_ai")))
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot write the memory"));
    m_searchDeferred = true;
    return {};
}

Status TmStore::Writer::catchUpSearchIndex()
{
    if (!m_searchDeferred)
        return {};
    QSqlQuery q(QSqlDatabase::database(m_store.m_connection));
    // FTS5 writes a segment each time its pending terms reach `hashsize` (1 MiB by default)
    // and merges them as it goes: 16 MiB takes a fifth off a million units' indexing. The
    // setting is kept in the table's configuration, for later large writes too.
    if (!q.exec(QStringLiteral("INSERT INTO units_fts(units_fts, rank) VALUES ('hashsize', %1)").arg(16 << 20)))
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot write the memory's search index"));
    q.prepare(QStringLiteral("INSERT INTO units_fts(rowid, source, target) SELECT id, source, target FROM units WHERE id > ?"));
    q.addBindValue(m_searchIndexedUpTo);
    if (!q.exec() || !q.exec(QString::fromLatin1(tmschema::kInsertTrigger)))
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot write the memory's search index"));
    m_searchDeferred = false;
    return {};
}

Result<qint64> TmStore::Writer::commit()
{
    if (!m_open)
        return Diagnostic{ErrorKind::InvalidInput, m_store.m_path, 0, 0, QStringLiteral("the memory's transaction is over")};
    QSqlDatabase db = QSqlDatabase::database(m_store.m_connection);
    QSqlQuery q(db);
    closeStatements(); // a statement still open would keep the transaction from committing
    if (Status indexed = catchUpSearchIndex(); !indexed)
        return indexed.error();
    if (!q.exec(QStringLiteral("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")))
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot write the memory"));
    if (!db.commit())
        return sqlError(m_store.m_path, db.lastError(), QStringLiteral("cannot commit"));
    m_open = false;
    q.exec(QString::fromLatin1(kDefaultCacheSize));
    return m_added;
}

TmStore::Writer::~Writer()
{
    closeStatements();
    if (!m_open)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_store.m_connection);
    db.rollback(); // not committed: the memory stays exactly as it was
    QSqlQuery(db).exec(QString::fromLatin1(kDefaultCacheSize));
}

void TmStore::Writer::closeStatements()
{
    m_find.reset();
    m_insert.reset();
    m_update.reset();
}

} // namespace wb
