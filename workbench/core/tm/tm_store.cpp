#include "tm/tm_store.h"
#include "tm/tm_store_schema.h"

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
using tmschema::sqlError;

namespace {

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
    if (version > tmschema::kVersion)
        return Diagnostic{ErrorKind::InvalidInput, path, 0, 0,
                          QStringLiteral("the memory has schema version %1; this workbench knows up to %2").arg(version).arg(tmschema::kVersion)};
    // A memory already set up is only read here: a lookup opening it never waits for the
    // write lock an import holds. One of version 1 is read as it is; its first write changes it.
    const bool exists = db.tables().contains(QStringLiteral("units"));
    if (exists && q.exec(QStringLiteral("SELECT count(*) FROM meta WHERE key IN ('identity', 'generation')")) && q.next()
        && q.value(0).toInt() == 2)
        return store;
    // All of it or none: a memory whose creation was cut short would have tables but no
    // schema version, and be taken for one to upgrade.
    if (!db.transaction())
        return sqlError(path, db.lastError(), QStringLiteral("cannot create the memory"));
    if (!exists)
        for (const char *statement : tmschema::kCreate)
            if (!q.exec(QString::fromLatin1(statement)))
                return sqlError(path, q.lastError(), QStringLiteral("cannot create the memory"));
    // New memories get their identity and generation 0; existing ones keep theirs.
    if (!q.exec(QStringLiteral("INSERT OR IGNORE INTO meta (key, value) VALUES ('identity', lower(hex(randomblob(16))))"))
        || !q.exec(QStringLiteral("INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', '0')")))
        return sqlError(path, q.lastError(), QStringLiteral("cannot create the memory"));
    if (!exists) {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)"));
        q.addBindValue(tmschema::kVersion);
        if (!q.exec())
            return sqlError(path, q.lastError(), QStringLiteral("cannot write the schema version"));
    }
    q.finish();
    if (!db.commit())
        return sqlError(path, db.lastError(), QStringLiteral("cannot create the memory"));
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
