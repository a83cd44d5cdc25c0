#include "tm/tm_store.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QRegularExpression>
#include <QVariant>
#include <atomic>

namespace wb {
namespace {

constexpr int kSchemaVersion = 1;

Diagnostic sqlError(const QString &path, const QSqlError &error, const QString &what)
{
    return Diagnostic{ErrorKind::InvalidInput, path, 0, 0, QStringLiteral("%1: %2").arg(what, error.text())};
}

// Only a change of text touches the search index: re-importing a unit updates its context,
// author and dates, and rewriting its search rows then cost as much as the import itself.
// Memories created before this had the trigger fire on any update; a writer replaces it.
const char kUpdateTrigger[] =
    "CREATE TRIGGER IF NOT EXISTS units_au AFTER UPDATE OF source, target ON units BEGIN"
    " INSERT INTO units_fts(units_fts, rowid, source, target) VALUES ('delete', old.id, old.source, old.target);"
    " INSERT INTO units_fts(rowid, source, target) VALUES (new.id, new.source, new.target); END";

// A large write takes this trigger out and fills the search index once at its end (see
// Writer::add): FTS5 row by row cost more than everything else an import does.
const char kInsertTrigger[] =
    "CREATE TRIGGER IF NOT EXISTS units_ai AFTER INSERT ON units BEGIN"
    " INSERT INTO units_fts(rowid, source, target) VALUES (new.id, new.source, new.target); END";

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS units (id INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL,"
    " source_lang TEXT NOT NULL, target_lang TEXT NOT NULL, prev_source TEXT, next_source TEXT, author TEXT,"
    " created TEXT, changed TEXT, origin TEXT)",
    "CREATE UNIQUE INDEX IF NOT EXISTS units_identity ON units (source, target, source_lang, target_lang)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS units_fts USING fts5(source, target, content='units', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    kInsertTrigger,
    "CREATE TRIGGER IF NOT EXISTS units_ad AFTER DELETE ON units BEGIN"
    " INSERT INTO units_fts(units_fts, rowid, source, target) VALUES ('delete', old.id, old.source, old.target); END",
    kUpdateTrigger,
};

TmUnit unitFrom(const QSqlQuery &q)
{
    TmUnit u;
    u.id = q.value(0).toLongLong();
    u.source = q.value(1).toString();
    u.target = q.value(2).toString();
    u.sourceLanguage = q.value(3).toString();
    u.targetLanguage = q.value(4).toString();
    u.previousSource = q.value(5).toString();
    u.nextSource = q.value(6).toString();
    u.author = q.value(7).toString();
    u.created = QDateTime::fromString(q.value(8).toString(), Qt::ISODate);
    u.changed = QDateTime::fromString(q.value(9).toString(), Qt::ISODate);
    u.origin = q.value(10).toString();
    return u;
}

const char kColumns[] = "id, source, target, source_lang, target_lang, prev_source, next_source, author, created, changed, origin";

} // namespace

QString TmStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/pdq-workbench/memory.sqlite");
}

Result<std::unique_ptr<TmStore>> TmStore::open(const QString &path)
{
    static std::atomic<int> counter{0};
    std::unique_ptr<TmStore> store(new TmStore);
    store->m_path = path;
    store->m_connection = QStringLiteral("wb-tm-%1").arg(counter++);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connection);
    db.setDatabaseName(path);
    if (!db.open())
        return Diagnostic{ErrorKind::MissingInput, path, 0, 0, QStringLiteral("cannot open the memory: %1").arg(db.lastError().text())};
    QSqlQuery q(db);
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"})
        q.exec(QString::fromLatin1(pragma));
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")) && db.tables().contains(QStringLiteral("units")))
        return sqlError(path, q.lastError(), QStringLiteral("not a workbench memory"));
    const int version = q.isActive() && q.next() ? q.value(0).toInt() : 0;
    if (version > kSchemaVersion)
        return Diagnostic{ErrorKind::InvalidInput, path, 0, 0,
                          QStringLiteral("the memory has schema version %1; this workbench knows up to %2").arg(version).arg(kSchemaVersion)};
    // A memory already set up is only read here: a lookup opening it never waits for the
    // write lock an import holds.
    if (version == kSchemaVersion && q.exec(QStringLiteral("SELECT count(*) FROM meta WHERE key IN ('identity', 'generation')")) && q.next()
        && q.value(0).toInt() == 2)
        return store;
    for (const char *statement : kSchema)
        if (!q.exec(QString::fromLatin1(statement)))
            return sqlError(path, q.lastError(), QStringLiteral("cannot create the memory"));
    // New memories get their identity and generation 0; existing ones keep theirs.
    if (!q.exec(QStringLiteral("INSERT OR IGNORE INTO meta (key, value) VALUES ('identity', lower(hex(randomblob(16))))"))
        || !q.exec(QStringLiteral("INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', '0')")))
        return sqlError(path, q.lastError(), QStringLiteral("cannot create the memory"));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)"));
    q.addBindValue(kSchemaVersion);
    if (!q.exec())
        return sqlError(path, q.lastError(), QStringLiteral("cannot write the schema version"));
    return store;
}

TmStore::~TmStore()
{
    m_unitById.reset(); // a query outliving its connection warns and leaks
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<TmStore::Writer>> TmStore::write()
{
    std::unique_ptr<Writer> writer(new Writer(*this));
    if (Status begun = writer->begin(); !begun)
        return begun.error();
    return writer;
}

Result<int> TmStore::add(const QList<TmUnit> &units, const std::function<void(int)> &progress)
{
    auto writer = write();
    if (!writer)
        return writer.error();
    int done = 0;
    for (const TmUnit &u : units) {
        if (Status added = (*writer)->add(u); !added)
            return added.error(); // the writer rolls back: the memory stays as it was
        if (progress && ++done % 10000 == 0)
            progress(done);
    }
    auto added = (*writer)->commit();
    if (!added)
        return added.error();
    return int(*added);
}

TmStore::Writer::Writer(const TmStore &store) : m_store(store) {}

namespace {
// A bigger page cache while one transaction writes many units: the identity index's pages
// are touched in no order, and each one evicted is written to the WAL again. SQLite's
// default is 2 MiB; the cache only grows as far as the import needs.
const char kImportCacheSize[] = "PRAGMA cache_size = -131072"; // KiB: 128 MiB
const char kDefaultCacheSize[] = "PRAGMA cache_size = -2000";
} // namespace

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
        && (!q.exec(QStringLiteral("DROP TRIGGER units_au")) || !q.exec(QString::fromLatin1(kUpdateTrigger))))
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot write the memory"));
    // New units get ids above the highest one now; counting those at the end costs what was
    // added, not the size of the memory (count(*) read a million rows per confirmed unit).
    if (!q.exec(QStringLiteral("SELECT max(id) FROM units")) || !q.next())
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot read the memory"));
    m_lastIdBefore = q.value(0).toLongLong();
    m_now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate); // an undated unit is dated by its import
    m_upsert = std::make_unique<QSqlQuery>(db);
    // One statement per unit: the unique index units_identity finds an identical unit.
    if (!m_upsert->prepare(QStringLiteral(
            "INSERT INTO units (source, target, source_lang, target_lang, prev_source, next_source, author, created, changed, origin)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (source, target, source_lang, target_lang) DO UPDATE SET prev_source = excluded.prev_source,"
            " next_source = excluded.next_source, author = excluded.author, changed = excluded.changed, origin = excluded.origin")))
        return sqlError(m_store.m_path, m_upsert->lastError(), QStringLiteral("cannot write the memory"));
    return {};
}

Status TmStore::Writer::add(const TmUnit &u)
{
    if (!m_open)
        return Diagnostic{ErrorKind::InvalidInput, m_store.m_path, 0, 0, QStringLiteral("the memory's transaction is over")};
    const QVariant values[] = {u.source, u.target, u.sourceLanguage, u.targetLanguage, u.previousSource, u.nextSource, u.author,
                               u.created.isValid() ? u.created.toString(Qt::ISODate) : m_now,
                               u.changed.isValid() ? u.changed.toString(Qt::ISODate) : m_now, u.origin};
    for (int i = 0; i < int(std::size(values)); ++i)
        m_upsert->bindValue(i, values[i]);
    if (!m_upsert->exec())
        return sqlError(m_store.m_path, m_upsert->lastError(), QStringLiteral("cannot write the memory"));
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
    q.prepare(QStringLiteral("INSERT INTO units_fts(rowid, source, target) SELECT id, source, target FROM units WHERE id > ?"));
    q.addBindValue(m_searchIndexedUpTo);
    if (!q.exec() || !q.exec(QString::fromLatin1(kInsertTrigger)))
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
    q.prepare(QStringLiteral("SELECT count(*) FROM units WHERE id > ?"));
    q.addBindValue(m_lastIdBefore);
    if (!q.exec() || !q.next())
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot read the memory"));
    const qint64 added = q.value(0).toLongLong();
    m_upsert.reset(); // a statement still open would keep the transaction from committing
    if (Status indexed = catchUpSearchIndex(); !indexed)
        return indexed.error();
    if (!q.exec(QStringLiteral("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")))
        return sqlError(m_store.m_path, q.lastError(), QStringLiteral("cannot write the memory"));
    if (!db.commit())
        return sqlError(m_store.m_path, db.lastError(), QStringLiteral("cannot commit"));
    m_open = false;
    q.exec(QString::fromLatin1(kDefaultCacheSize));
    return added;
}

TmStore::Writer::~Writer()
{
    m_upsert.reset();
    if (!m_open)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_store.m_connection);
    db.rollback(); // not committed: the memory stays exactly as it was
    QSqlQuery(db).exec(QString::fromLatin1(kDefaultCacheSize));
}

Result<QList<TmUnit>> TmStore::units(const QString &sourceLanguage, const QString &targetLanguage) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM units WHERE source_lang LIKE ? AND target_lang LIKE ? ORDER BY id").arg(QLatin1String(kColumns)));
    q.addBindValue(sourceLanguage.left(2) + QLatin1Char('%'));
    q.addBindValue(targetLanguage.left(2) + QLatin1Char('%'));
    if (!q.exec())
        return sqlError(m_path, q.lastError(), QStringLiteral("cannot read the memory"));
    QList<TmUnit> result;
    while (q.next())
        result.append(unitFrom(q));
    return result;
}

namespace {
Result<QVariant> singleValue(const QString &connection, const QString &path, const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(connection));
    if (!q.exec(sql))
        return sqlError(path, q.lastError(), QStringLiteral("cannot read the memory"));
    return q.next() ? q.value(0) : QVariant();
}
} // namespace

Result<QString> TmStore::identity() const
{
    auto value = singleValue(m_connection, m_path, QStringLiteral("SELECT value FROM meta WHERE key = 'identity'"));
    if (!value)
        return value.error();
    return value->toString();
}

Result<qint64> TmStore::generation() const
{
    auto value = singleValue(m_connection, m_path, QStringLiteral("SELECT value FROM meta WHERE key = 'generation'"));
    if (!value)
        return value.error();
    return value->toLongLong();
}

Result<qint64> TmStore::lastId() const
{
    auto value = singleValue(m_connection, m_path, QStringLiteral("SELECT max(id) FROM units"));
    if (!value)
        return value.error();
    return value->toLongLong(); // NULL (empty) reads as 0
}

namespace {
// Each row of the pair above `afterId`, in id order, read as it comes (never cached).
Status forEachRow(const QString &connection, const QString &path, const QString &columns, const QString &sourceLanguage,
                  const QString &targetLanguage, qint64 afterId, const std::function<bool(const QSqlQuery &)> &visit)
{
    QSqlQuery q(QSqlDatabase::database(connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM units WHERE id > ? AND source_lang LIKE ? AND target_lang LIKE ? ORDER BY id").arg(columns));
    q.addBindValue(afterId);
    q.addBindValue(sourceLanguage.left(2) + QLatin1Char('%'));
    q.addBindValue(targetLanguage.left(2) + QLatin1Char('%'));
    if (!q.exec())
        return sqlError(path, q.lastError(), QStringLiteral("cannot read the memory"));
    while (q.next())
        if (!visit(q))
            break;
    if (q.lastError().isValid())
        return sqlError(path, q.lastError(), QStringLiteral("cannot read the memory"));
    return {};
}
} // namespace

Status TmStore::forEachUnit(const QString &sourceLanguage, const QString &targetLanguage, qint64 afterId,
                            const std::function<bool(const TmUnit &)> &visit) const
{
    return forEachRow(m_connection, m_path, QLatin1String(kColumns), sourceLanguage, targetLanguage, afterId,
                      [&](const QSqlQuery &q) { return visit(unitFrom(q)); });
}

Status TmStore::forEachSource(const QString &sourceLanguage, const QString &targetLanguage, qint64 afterId,
                              const std::function<bool(qint64 id, const QString &source)> &visit) const
{
    return forEachRow(m_connection, m_path, QStringLiteral("id, source"), sourceLanguage, targetLanguage, afterId,
                      [&](const QSqlQuery &q) { return visit(q.value(0).toLongLong(), q.value(1).toString()); });
}

Result<qint64> TmStore::unitCount(const QString &sourceLanguage, const QString &targetLanguage, qint64 afterId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT count(*) FROM units WHERE id > ? AND source_lang LIKE ? AND target_lang LIKE ?"));
    q.addBindValue(afterId);
    q.addBindValue(sourceLanguage.left(2) + QLatin1Char('%'));
    q.addBindValue(targetLanguage.left(2) + QLatin1Char('%'));
    if (!q.exec() || !q.next())
        return sqlError(m_path, q.lastError(), QStringLiteral("cannot read the memory"));
    return q.value(0).toLongLong();
}

Result<TmUnit> TmStore::unit(qint64 id) const
{
    if (!m_unitById) {
        m_unitById = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connection));
        m_unitById->setForwardOnly(true);
        if (!m_unitById->prepare(QStringLiteral("SELECT %1 FROM units WHERE id = ?").arg(QLatin1String(kColumns))))
            return sqlError(m_path, m_unitById->lastError(), QStringLiteral("cannot read the memory"));
    }
    m_unitById->addBindValue(id);
    if (!m_unitById->exec())
        return sqlError(m_path, m_unitById->lastError(), QStringLiteral("cannot read the memory"));
    if (!m_unitById->next())
        return Diagnostic{ErrorKind::InvalidInput, m_path, 0, 0, QStringLiteral("the memory has no unit %1").arg(id)};
    TmUnit u = unitFrom(*m_unitById);
    m_unitById->finish();
    return u;
}

Result<QList<TmUnit>> TmStore::concordance(const QString &words, int limit) const
{
    // Each word a quoted FTS5 string: user input never becomes query syntax.
    QStringList terms;
    for (const QString &w : words.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
        terms.append(QLatin1Char('"') + QString(w).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'));
    QList<TmUnit> result;
    if (terms.isEmpty())
        return result;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM units WHERE id IN (SELECT rowid FROM units_fts WHERE units_fts MATCH ? ORDER BY rank LIMIT ?)")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(terms.join(QLatin1Char(' ')));
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(m_path, q.lastError(), QStringLiteral("concordance search failed"));
    while (q.next())
        result.append(unitFrom(q));
    return result;
}

} // namespace wb
