// A memory written by an earlier workbench (schema 1: identical units found through a unique
// index over their texts) is read as it is, and upgraded by its first write, all or nothing.
#include "tm/tm_store.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>
#include <gtest/gtest.h>

using namespace wb;

namespace {

// The schema 1 layout, as workbench wrote it until schema 2, with two units.
void writeSchemaOneMemory(const QString &path)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema-one"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        for (const char *sql : {
                 "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
                 "CREATE TABLE units (id INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, source_lang TEXT NOT NULL,"
                 " target_lang TEXT NOT NULL, prev_source TEXT, next_source TEXT, author TEXT, created TEXT, changed TEXT, origin TEXT)",
                 "CREATE UNIQUE INDEX units_identity ON units (source, target, source_lang, target_lang)",
                 "CREATE VIRTUAL TABLE units_fts USING fts5(source, target, content='units', content_rowid='id',"
                 " tokenize='unicode61 remove_diacritics 2')",
                 "CREATE TRIGGER units_ai AFTER INSERT ON units BEGIN INSERT INTO units_fts(rowid, source, target)"
                 " VALUES (new.id, new.source, new.target); END",
                 // The update trigger as the first memories had it (any update): a writer replaces it,
                 // and reading it must not keep the upgrade from changing the schema.
                 "CREATE TRIGGER units_au AFTER UPDATE ON units BEGIN"
                 " INSERT INTO units_fts(units_fts, rowid, source, target) VALUES ('delete', old.id, old.source, old.target);"
                 " INSERT INTO units_fts(rowid, source, target) VALUES (new.id, new.source, new.target); END",
                 "INSERT INTO meta VALUES ('schema_version', '1'), ('identity', 'abc'), ('generation', '4')",
                 "INSERT INTO units (source, target, source_lang, target_lang, author) VALUES"
                 " ('Bone marrow is soft.', 'La médula ósea es blanda.', 'en', 'es', 'ana'),"
                 " ('Rest often.', 'Descanse a menudo.', 'en', 'es', 'ana')",
             })
            ASSERT_TRUE(q.exec(QString::fromUtf8(sql))) << sql;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema-one"));
}

QString schemaVersionOf(const QString &path)
{
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")) && q.next())
            version = q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return version;
}

TmUnit unit(const QString &source, const QString &target, const QString &author = {})
{
    TmUnit u;
    u.source = source;
    u.target = target;
    u.author = author;
    return u;
}

TEST(TmStoreUpgrade, ASchemaOneMemoryIsReadAsItIsAndUpgradedByItsFirstWrite)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    writeSchemaOneMemory(path);
    auto store = TmStore::open(path);
    ASSERT_TRUE(store.ok()) << qPrintable(store.error().toString());
    EXPECT_EQ((*store)->units(QStringLiteral("en"), QStringLiteral("es"))->size(), 2);
    EXPECT_EQ(schemaVersionOf(path), QStringLiteral("1")); // opening and reading changed nothing

    // The same unit again (a new author) and one new unit.
    auto added = (*store)->add({unit(QStringLiteral("Bone marrow is soft."), QStringLiteral("La médula ósea es blanda."), QStringLiteral("luis")),
                                unit(QStringLiteral("Drink water."), QStringLiteral("Beba agua."))});
    ASSERT_TRUE(added.ok()) << qPrintable(added.error().toString());
    EXPECT_EQ(*added, 1);
    EXPECT_EQ(schemaVersionOf(path), QStringLiteral("2"));
    const auto units = *(*store)->units(QStringLiteral("en"), QStringLiteral("es"));
    ASSERT_EQ(units.size(), 3);
    EXPECT_EQ(units[0].author, QStringLiteral("luis")); // updated where it was, not duplicated
    EXPECT_EQ(units[1].source, QStringLiteral("Rest often."));
    EXPECT_EQ((*store)->concordance(QStringLiteral("agua"), 10)->size(), 1);

    // After the upgrade identical units are still found: the old ones and the new one.
    added = (*store)->add({unit(QStringLiteral("Rest often."), QStringLiteral("Descanse a menudo.")),
                           unit(QStringLiteral("Drink water."), QStringLiteral("Beba agua.")),
                           unit(QStringLiteral("Drink water."), QStringLiteral("Tome agua."))}); // another translation: a unit of its own
    ASSERT_TRUE(added.ok());
    EXPECT_EQ(*added, 1);
    EXPECT_EQ((*store)->units(QStringLiteral("en"), QStringLiteral("es"))->size(), 4);
}

TEST(TmStoreUpgrade, AWriteThatIsNotCommittedLeavesTheOldSchemaWhole)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    writeSchemaOneMemory(path);
    auto store = TmStore::open(path);
    ASSERT_TRUE(store.ok());
    {
        auto writer = (*store)->write();
        ASSERT_TRUE(writer.ok()) << qPrintable(writer.error().toString());
        ASSERT_TRUE((*writer)->add(unit(QStringLiteral("Drink water."), QStringLiteral("Beba agua."))).ok());
    } // no commit
    EXPECT_EQ(schemaVersionOf(path), QStringLiteral("1"));
    EXPECT_EQ((*store)->units(QStringLiteral("en"), QStringLiteral("es"))->size(), 2);
    // And it is still writable the old way round: the upgrade happens on the next write.
    auto added = (*store)->add({unit(QStringLiteral("Rest often."), QStringLiteral("Descanse a menudo."), QStringLiteral("eva"))});
    ASSERT_TRUE(added.ok());
    EXPECT_EQ(*added, 0);
    EXPECT_EQ(schemaVersionOf(path), QStringLiteral("2"));
}

TEST(TmStoreUpgrade, AMemoryOfALaterSchemaIsRefusedByName)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.sqlite"));
    ASSERT_TRUE(TmStore::open(path).ok());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        ASSERT_TRUE(QSqlQuery(db).exec(QStringLiteral("UPDATE meta SET value = '99' WHERE key = 'schema_version'")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bump"));
    auto store = TmStore::open(path);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().file, path);
    EXPECT_TRUE(store.error().message.contains(QStringLiteral("schema version 99"))) << qPrintable(store.error().toString());
}

} // namespace
